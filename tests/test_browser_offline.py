"""Offline reading in headless Chromium (issue 22). Requests are recorded on the browser context,
so the service worker's own fetches count too; offline is ``context.set_offline(True)``."""
from __future__ import annotations

import pytest

MELATI = {"": "Melati (mengajar dan melatih dengan hati)", "en/": 'Melati ("teaching and training with heart")'}
CHECKER = "#pmi-checker[data-ready=true]"


@pytest.fixture
def context(browser):
    """A fresh context (its own service worker and caches) recording every request URL."""
    ctx = browser.new_context()
    ctx.requests = []  # type: ignore[attr-defined]
    ctx.worker_requests = []  # type: ignore[attr-defined]  # what the service worker itself fetched
    ctx.on("request", lambda request: ctx.requests.append(request.url))
    ctx.on("request", lambda r: ctx.worker_requests.append(r.url) if r.service_worker else None)
    yield ctx
    ctx.close()


SLOW = 120_000
"""Milliseconds for what fetches many files (install, save): the machine may be busy (not a timing test)."""


def wait_for_worker(page) -> None:
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=SLOW)


def cache_keys(page) -> list[str]:
    return page.evaluate("""async () => { const out = [];
        for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) out.push(r.url);
        return out; }""")


def test_pages_opened_online_are_read_offline_in_both_languages(context, served_site):
    page = context.new_page()
    for root in ("", "en/"):
        page.goto(served_site + root)
        wait_for_worker(page)
        page.goto(served_site + root + "program/melati/")
        page.goto(served_site + root + "cek/#umur=17&situasi=calon_pmi&kabupaten=jember&desa_desbumi=tidak")
        page.wait_for_selector(CHECKER)
    keys = cache_keys(page)
    assert keys and not [key for key in keys if "umur" in key or "situasi" in key or "#" in key]  # no answers kept

    context.set_offline(True)
    for root, rules in (("", "Aturan program per "), ("en/", "Programme rules as of ")):
        page.goto(served_site + root + "program/melati/")
        assert page.locator("h1").inner_text() == MELATI[root]
        assert page.locator(".pmi-share-whatsapp").is_visible()  # its script came from the cache too
        page.goto(served_site + root + "cek/")
        page.wait_for_selector(CHECKER)
        assert page.locator(".pmi-rules-date").inner_text().startswith(rules)
        page.goto(served_site + root + "program/desbumi/")  # never opened: the offline page
        assert page.url == served_site + root + "luring/"
        page.wait_for_selector("[data-pmi-kept][data-ready=true]")
        kept = page.locator("[data-pmi-kept] li a").all_inner_texts()
        assert MELATI[root] in kept and not any(title in kept for t, title in MELATI.items() if t != root), kept
    assert all(url.startswith(served_site) for url in context.requests), context.requests


def test_the_repeat_view_revalidates_only_the_page(context, served_site):
    page = context.new_page()
    page.goto(served_site)
    wait_for_worker(page)
    page.goto(served_site + "program/melati/")
    context.worker_requests.clear()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(served_site + "program/melati/")
    page.wait_for_load_state("load")
    assert responses and all(r.from_service_worker for r in responses), [r.url for r in responses]
    assert context.worker_requests == [served_site + "program/melati/"]  # one revalidation of the HTML


def test_save_for_offline_keeps_every_program_the_checker_az_and_search(context, served_site, fixture_site):
    page = context.new_page()
    page.goto(served_site + "en/")
    wait_for_worker(page)
    box = page.locator("[data-pmi-save]")
    box.get_by_role("button", name="Save for offline reading…").click()
    box.locator(".pmi-save-cost").filter(has_text="KB of data").wait_for()  # says what it will use, first
    box.locator(".pmi-save-go").click()
    page.wait_for_selector("[data-pmi-save][data-done]", timeout=SLOW)
    assert box.get_attribute("data-done") == "true" and box.locator(".pmi-save-status").inner_text().startswith("Done")

    context.set_offline(True)
    programs = sorted(p.parent.name for p in (fixture_site / "en" / "program").glob("*/index.html"))
    assert len(programs) > 3
    for slug in programs:
        page.goto(served_site + f"en/program/{slug}/")
        assert page.url.endswith(f"/program/{slug}/") and page.locator("h1").count() == 1, slug
    page.goto(served_site + "en/az/")
    assert "/az/" in page.url
    page.goto(served_site + "en/cek/")
    page.wait_for_selector(CHECKER)
    page.goto(served_site + "en/")
    page.click("#pmi-search-open")
    page.fill(".pmi-search__input", "children")
    page.wait_for_selector(".pmi-search__ui[data-done='children'] .pmi-search__link", timeout=SLOW)
    assert "/en/program/melati/" in page.locator(".pmi-search__link").first.get_attribute("href")
    assert all(url.startswith(served_site) for url in context.requests), context.requests


def test_the_worker_never_touches_the_staff_editor(context, served_site):
    page = context.new_page()
    page.goto(served_site)
    wait_for_worker(page)
    response = page.goto(served_site + "admin/")
    assert response.ok and not response.from_service_worker
    assert not [key for key in cache_keys(page) if "/admin/" in key]


def test_after_one_visit_to_the_home_page_the_help_lines_open_offline(context, served_site, fixture_site):
    """No "save for offline" needed: the help page is in the worker's install set (issue 31)."""
    from conftest import HtmlPage

    page = context.new_page()
    for root in ("", "en/"):
        page.goto(served_site + root)
        wait_for_worker(page)
    context.set_offline(True)
    for root in ("", "en/"):
        built = HtmlPage.read(fixture_site / root / "bantuan" / "index.html")
        lines = [a.attrs["href"] for a in built.all("a", inside="article") if a.attrs.get("href", "").startswith("tel:")]
        page.goto(served_site + root + "bantuan/")
        assert page.url == served_site + root + "bantuan/"  # not the offline notice
        shown = page.eval_on_selector_all("article a[href^='tel:']", "links => links.map(a => a.getAttribute('href'))")
        assert lines and shown == lines, root
