"""A reader's first searches (issue 20): the page whose title is the query comes first, a short help
line (Taiwan's 1955) finds its page; and where the checker's results send a reader for help. On the
fixture with more data (tests/more_data.py): a placement-costs procedure for readers at home and
abroad, a trouble-abroad one for workers abroad whose text says "biaya penempatan" more often than
the costs page, both with phone contacts, and the policy's audiences."""
from __future__ import annotations

import pytest

from portal.site.strings import load_strings

from conftest import REAL_UI, build_site, copy_fixture_data, make_project, serve_directory
from more_data import with_more_data
from test_browser_checker import READY, assert_private
from test_browser_search import search_from

STRINGS = load_strings(REAL_UI, ("id", "en"))
COSTS, ABROAD = "prosedur/biaya-penempatan/", "prosedur/dalam-masalah-di-luar-negeri/"


@pytest.fixture(scope="module")
def served_more_site(tmp_path_factory):
    """The fixture with more data built (no brochures: none is looked at) and served on loopback."""
    tmp = tmp_path_factory.mktemp("more")
    project = make_project(tmp / "project", data=with_more_data(copy_fixture_data(tmp / "data")))
    url, server = serve_directory(build_site(project, env={"PORTAL_BROCHURES": "0"}))
    yield url
    server.shutdown()


@pytest.mark.parametrize("start, query", [("", "biaya penempatan"), ("en/", "placement costs")])
def test_costs_page_comes_first(page, served_more_site, start, query):
    found = search_from(page, served_more_site + start, query)
    assert f"/{start}{ABROAD}" in found, found  # the other page that says it, more often
    assert found[0] == f"/{start}{COSTS}", found


@pytest.mark.parametrize("start", ["", "en/"])
def test_hotline_number_finds_the_trouble_abroad_page(page, served_more_site, start):
    assert search_from(page, served_more_site + start, "1955") == [f"/{start}{ABROAD}"]


def help_after_answering(page, url: str) -> list[tuple[str, list[str]]]:
    """Answer "don't know" to every question left, then [(procedure link, [tel: links])] under "need help"."""
    page.goto(url)
    page.wait_for_selector(READY)
    while not page.locator("#pmi-checker .pmi-restart").count():
        page.locator("#pmi-checker .pmi-dont-know").click()
    return [(block.locator("h4 a").get_attribute("href"),
             [a.get_attribute("href") for a in block.locator("a[href^='tel:']").all()])
            for block in page.locator("#pmi-checker .pmi-help > div").all()]


def test_checker_results_show_a_worker_abroad_the_help_lines_of_the_destinations(page, served_more_site):
    found = help_after_answering(page, served_more_site + "en/cek/#situasi=pmi&kabupaten=lainnya")
    assert found == [(f"../{COSTS}", ["tel:08001000", "tel:+622129244800"]), (f"../{ABROAD}", ["tel:1955", "tel:999"])]
    assert page.locator(".pmi-help h3").inner_text() == STRINGS["en"]("checker.help")
    page.emulate_media(media="print")  # the printout stays one page: the help lines are on the procedure pages
    assert not page.locator(".pmi-help").is_visible()
    assert_private(page, served_more_site)


def test_checker_results_show_someone_going_abroad_only_the_help_meant_for_them(page, served_more_site):
    found = help_after_answering(page, served_more_site + "cek/#situasi=calon_pmi&kabupaten=lainnya")
    assert found == [(f"../{COSTS}", ["tel:08001000", "tel:+622129244800"])]
    assert page.locator(".pmi-help h3").inner_text() == STRINGS["id"]("checker.help")


def test_checker_results_show_the_guides_the_readers_situation_names(page, served_more_site):
    """Issue 32: the worker abroad's situation names two procedures: her results list them, in that
    order, under 'Guides for you'; a returnee's situation names none, so his results have no such list."""
    help_after_answering(page, served_more_site + "en/cek/#situasi=pmi&kabupaten=lainnya")
    guides = page.locator("#pmi-checker .pmi-guides")
    assert guides.locator("h3").inner_text() == STRINGS["en"]("checker.guides")
    assert [a.get_attribute("href") for a in guides.locator("a").all()] == [f"../{ABROAD}", f"../{COSTS}"]
    help_after_answering(page, served_more_site + "cek/#situasi=purna_pmi&kabupaten=lainnya")
    assert page.locator("#pmi-checker .pmi-guides").count() == 0
