"""A reader's first searches on the real content (issue 20): placement costs, and Taiwan's 1955 line;
and where the checker's results send a reader for help."""
from __future__ import annotations

import pytest

from conftest import serve_directory
from test_browser_checker import READY, assert_private
from test_browser_search import search_from


@pytest.fixture(scope="module")
def served_real_site(real_site):
    """The real data/ built (tests/conftest.py) and served on loopback."""
    url, server = serve_directory(real_site)
    yield url
    server.shutdown()


@pytest.mark.parametrize("start, query, first", [
    ("", "biaya penempatan", "/prosedur/biaya-penempatan/"),
    ("en/", "placement costs", "/en/prosedur/biaya-penempatan/"),
])
def test_costs_page_comes_first(page, served_real_site, start, query, first):
    found = search_from(page, served_real_site + start, query)
    assert found and found[0] == first, found


@pytest.mark.parametrize("start, found_page", [
    ("", "/prosedur/dalam-masalah-di-luar-negeri/"),
    ("en/", "/en/prosedur/dalam-masalah-di-luar-negeri/"),
])
def test_taiwan_hotline_number_finds_the_trouble_abroad_page(page, served_real_site, start, found_page):
    assert found_page in search_from(page, served_real_site + start, "1955")


def help_after_answering(page, url: str) -> list[tuple[str, list[str]]]:
    """Answer "don't know" to every question left, then [(procedure link, [tel: links])] under "need help"."""
    page.goto(url)
    page.wait_for_selector(READY)
    while not page.locator("#pmi-checker .pmi-restart").count():
        page.locator("#pmi-checker .pmi-dont-know").click()
    return [(block.locator("h4 a").get_attribute("href"),
             [a.get_attribute("href") for a in block.locator("a[href^='tel:']").all()])
            for block in page.locator("#pmi-checker .pmi-help > div").all()]


def test_checker_results_show_a_worker_abroad_the_help_lines_of_the_destinations(page, served_real_site):
    found = dict(help_after_answering(page, served_real_site + "en/cek/#situasi=pmi&kabupaten=lainnya"))
    assert list(found) == ["../prosedur/dalam-masalah-di-luar-negeri/", "../prosedur/jika-ada-masalah/"]
    assert {"tel:1955", "tel:999", "tel:21579537", "tel:+622129244800"} <= set(found["../prosedur/dalam-masalah-di-luar-negeri/"])
    assert page.locator(".pmi-help h3").inner_text() == "Need help?"
    page.emulate_media(media="print")  # the printout stays one page: the help lines are on the procedure pages
    assert not page.locator(".pmi-help").is_visible()
    assert_private(page, served_real_site)


def test_checker_results_show_someone_going_abroad_only_the_help_meant_for_them(page, served_real_site):
    found = help_after_answering(page, served_real_site + "cek/#situasi=calon_pmi&kabupaten=lainnya")
    assert found == [("../prosedur/jika-ada-masalah/", ["tel:08001000", "tel:+622129244800"])]
    assert page.locator(".pmi-help h3").inner_text() == "Butuh bantuan?"
