"""A reader on an old phone: pages in both languages, the language switcher, and no request
leaving the site, with and without the browser's own ResizeObserver."""
from __future__ import annotations

import pytest

NO_RESIZE_OBSERVER = "delete window.ResizeObserver;"


def settle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # Material's JavaScript fetches after the load event


def assert_private(page, base: str) -> None:
    assert page.requests, "no request recorded"
    leaving = [url for url in page.requests if not url.startswith(base)]
    assert leaving == [], leaving
    assert page.console_errors == [], page.console_errors


@pytest.mark.parametrize("old_browser", [True, False], ids=["without-ResizeObserver", "modern"])
def test_program_page_and_language_switcher_stay_on_the_site(page, served_site, old_browser):
    if old_browser:
        page.add_init_script(NO_RESIZE_OBSERVER)
    page.goto(served_site + "program/melati/")
    settle(page)
    assert page.locator("html").get_attribute("lang") == "id"
    # Material's JS bundle, the one script that needed ResizeObserver, is not loaded (issue 9):
    # an old browser works without the polyfill and nothing asks for it.
    polyfill = [u for u in page.requests if u.endswith("resize-observer-polyfill.js")]
    assert polyfill == [], page.requests

    page.locator(".md-select__link[hreflang=en]").dispatch_event("click")
    page.wait_for_url(served_site + "en/program/melati/")
    settle(page)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text().startswith("Melati")

    page.locator(".md-select__link[hreflang=id]").dispatch_event("click")
    page.wait_for_url(served_site + "program/melati/")
    settle(page)
    assert page.locator("html").get_attribute("lang") == "id"
    assert_private(page, served_site)


def test_index_pages_lead_to_program_pages(page, served_site):
    page.goto(served_site + "en/program/untuk-purna-pmi/")
    settle(page)
    page.locator("article a[href$='warung-naik-kelas/']").first.click()
    page.wait_for_url(served_site + "en/program/warung-naik-kelas/")
    assert page.locator("h1").first.inner_text().startswith("Warung Naik Kelas")
    page.goto(served_site + "az/")
    settle(page)
    assert page.locator("article a[href$='melati/']").count() == 1
    assert_private(page, served_site)


@pytest.mark.parametrize("path,lang,home", [("404.html", "id", "/"), ("en/404.html", "en", "/en/")])
def test_not_found_pages(page, served_site, path, lang, home):
    page.goto(served_site + path)
    settle(page)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(f"article a[href='{home}']").count() == 1
    assert_private(page, served_site)
