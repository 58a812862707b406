"""A reader searches the site from the header, in Indonesian at / and in English at /en/."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import FIXTURE_DATA
from portal.checks import search_cases
from portal.checks.page_weight import gzipped_size
from portal.content.validator import load_content
from portal.outputs import search

CHUNKS = ("/pagefind/index/", "/pagefind/fragment/", "/pagefind/filter/")


def open_search(page, url: str) -> None:
    page.goto(url)
    page.click("#pmi-search-open")
    page.wait_for_selector(".pmi-search__input", state="visible")


def results(page, query: str, links: bool = False) -> list[str]:
    """Paths of every result for ``query``, in order ("show more" pressed until all are shown);
    ``links``: the links themselves (path and section anchor)."""
    page.fill(".pmi-search__input", query)
    page.wait_for_function(  # the dialog marks the query whose results are all in
        """q => { const ui = document.querySelector('.pmi-search__ui');
                  if (ui.dataset.done !== q) return false;
                  const more = document.querySelector('.pmi-search__more');
                  if (!more.hidden) { more.click(); return false; }
                  return true; }""", arg=query, polling=100)
    hrefs = [a.get_attribute("href") for a in page.locator(".pmi-search__link").all()]
    return [urlsplit(h).path + (f"#{urlsplit(h).fragment}" if links and urlsplit(h).fragment else "") for h in hrefs]


def search_from(page, url: str, query: str) -> list[str]:
    open_search(page, url)
    return results(page, query)


def test_indonesian_affixes_find_the_same_word(page, served_site):
    found = search_from(page, served_site, "daftar")
    # the procedure says only "pendaftaran", the Melati page only "mendaftar"
    assert "/prosedur/jalur-resmi/" in found and "/program/melati/" in found, found
    assert not any(path.startswith("/en/") for path in found), found


def test_old_name_finds_pages_that_use_the_new_one(page, served_site):
    found = search_from(page, served_site, "TKI")
    assert {"/program/melati/", "/prosedur/jalur-resmi/", "/glosarium/"} <= set(found), found
    assert not any(path.startswith("/en/") for path in found), found


def test_english_search_from_en_stays_in_english(page, served_site):
    found = search_from(page, served_site + "en/", "children")
    assert found[0] == "/en/program/melati/", found
    assert all(path.startswith("/en/") for path in found), found
    assert "/en/prosedur/jalur-resmi/" in results(page, "register")  # the page says "registration"
    assert page.get_attribute(".pmi-search__input", "placeholder") == "Search"


@pytest.mark.parametrize("start, query, first", [
    ("", "warung", "/program/warung-naik-kelas/"),
    ("", "melati", "/program/melati/"),
    ("en/", "warungs", "/en/program/warung-naik-kelas/"),
])
def test_program_whose_title_matches_comes_first(page, served_site, start, query, first):
    assert search_from(page, served_site + start, query)[0] == first


def test_a_sentence_finds_pages_with_some_of_its_words(page, served_site):
    """Every word must match in Pagefind: a sentence with stop words and a word no page has still finds
    the pages with most of its words, says so, and offers the help page, the checker and A–Z."""
    open_search(page, served_site)
    found = results(page, "gaji saya di hongkong tidak dibayar majikan")
    assert found[:2] == ["/negara/hong-kong/", "/bantuan/"] or found[:2] == ["/bantuan/", "/negara/hong-kong/"], found
    expect(page.locator(".pmi-search__message")).to_contain_text("sebagian kata Anda")
    help_links = page.locator(".pmi-search__help a")
    expect(help_links.first).to_be_visible()
    assert [urlsplit(a.evaluate("a => a.href")).path for a in help_links.all()] == ["/bantuan/", "/cek/"]
    results(page, "zzzqqq")
    expect(page.locator(".pmi-search__message")).to_have_text("Tidak ada halaman untuk “zzzqqq”.")
    expect(help_links.first).to_be_visible()
    results(page, "Banyuwangi")  # many pages: no partial note, no help block
    expect(page.locator(".pmi-search__help")).to_be_hidden()


def test_readers_words_find_pages_without_showing_on_them(page, served_site, fixture_site):
    assert "/program/melati/" in search_from(page, served_site, "TKW")  # melati says "PMI"
    excerpts = page.locator(".pmi-search__excerpt").all_text_contents()
    assert excerpts and not any("TKW" in e for e in excerpts), excerpts
    # "gaji" is a word for the help and country pages (data/words.yaml, pages)
    assert set(results(page, "gaji")[:3]) >= {"/bantuan/", "/negara/hong-kong/"}
    assert not any("gaji" in e for e in page.locator(".pmi-search__excerpt").all_text_contents())


def test_the_fixture_s_reader_queries_find_their_pages(page, served_site):
    """Each case of the fixture's queries.yaml, typed into the dialog as a reader would: its pages in
    the top 5 (the real content's cases are advice: make search-cases, portal.py status)."""
    content = load_content(FIXTURE_DATA, ("id", "en"), root=FIXTURE_DATA.parent)
    assert len(content.queries) >= 8 and {c.lang for c in content.queries} == {"id", "en"}
    missed = []
    for lang in ("id", "en"):
        search_cases.open_dialog(page, served_site + ("" if lang == "id" else "en/"))
        for case in [c for c in content.queries if c.lang == lang]:
            found = search_cases.top_results(page, case.query, lang, "id")
            if search_cases.missing(case, found):
                missed.append((case.lang, case.query, found))
    assert missed == []


def test_a_result_opens_at_the_section_that_matched(page, served_site):
    open_search(page, served_site)
    links = results(page, "hotline", links=True)
    assert any("#" in link for link in links), links
    page.locator(".pmi-search__link").first.click()
    page.wait_for_url("**#*")


def test_a_result_opens_at_content_not_at_sources_or_what_sources_do_not_say(page, served_site, fixture_site):
    """The sources list is not indexed (its titles would match and open there); a section saying what
    our sources do not say ('unknown') is opened only when no content section matched."""
    html = (fixture_site / "program" / "warung-naik-kelas" / "index.html").read_text(encoding="utf-8")
    assert "diluncurkan" in html.split('id="sources"')[1] and "diluncurkan" not in html.split('id="sources"')[0]
    assert search_from(page, served_site, "diluncurkan") == []  # only in a source's title
    links = results(page, "upah minimum KJRI", links=True)  # all three only in Hong Kong's 'unknown'
    hong_kong = [link for link in links if link.startswith("/negara/hong-kong/")]
    assert hong_kong == ["/negara/hong-kong/#now"], links  # a content section, not "#unknown"


def test_search_is_loaded_only_when_opened_and_within_budget(page, served_site, fixture_site):
    page.goto(served_site + "program/melati/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.requests if "pagefind" in url], page.requests
    page.click("#pmi-search-open")
    page.wait_for_selector(".pmi-search__input", state="visible")
    results(page, "warung")
    assert all(url.startswith(served_site) for url in page.requests), page.requests
    paths = {urlsplit(url).path for url in page.requests if "pagefind" in url or "portal-search.css" in url
             or "portal-search-ui.js" in url}
    first = {p for p in paths if not p.startswith(CHUNKS)}
    assert any(p.startswith(CHUNKS) for p in paths)
    # what the browser fetched before index chunks is exactly what measure() counts for 'id'
    counted = {"/pagefind/" + name for name in search.UI_FILES} | {"/" + search.DIALOG_STYLE, "/" + search.DIALOG_SCRIPT}
    counted |= {p for p in first if p.startswith(("/pagefind/wasm.id", "/pagefind/pagefind.id_"))}
    assert first == counted
    size = sum(gzipped_size((fixture_site / p.lstrip("/")).read_bytes()) for p in first)
    assert size == search.measure(fixture_site)["id"]["first_search"] <= search.FIRST_SEARCH_BUDGET


def test_keyboard_and_screen_reader(page, served_site):
    page.goto(served_site + "en/")
    opener = page.get_by_role("button", name="Search")
    assert opener.get_attribute("aria-expanded") == "false"
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Search Portal PMI")
    dialog.wait_for()
    page.wait_for_selector(".pmi-search__input", state="visible")
    page.wait_for_function("() => document.activeElement.classList.contains('pmi-search__input')")
    page.keyboard.type("children")
    page.wait_for_selector(".pmi-search__link")
    page.keyboard.press("Escape")
    assert not dialog.is_visible() and opener.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") == "pmi-search-open"
    page.keyboard.press("/")  # the shortcut opens it again
    dialog.wait_for()
    assert page.get_by_role("button", name="Close search").is_visible()


def test_works_on_a_phone(browser, served_site):
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site)
    page.tap("#pmi-search-open")
    page.wait_for_selector(".pmi-search__input", state="visible")
    box = page.locator("#pmi-search").bounding_box()
    assert box["width"] == 360 and box["x"] == 0
    page.fill(".pmi-search__input", "warung")
    link = page.locator(".pmi-search__link").first
    link.wait_for()
    link.tap()
    page.wait_for_url("**/program/warung-naik-kelas/")
    context.close()


@pytest.mark.parametrize("setup", ["no-javascript", "no-webassembly"])
def test_without_javascript_or_webassembly_the_box_leads_to_a_z(browser, served_site, setup):
    context = browser.new_context(java_script_enabled=setup != "no-javascript")
    if setup == "no-webassembly":
        context.add_init_script("delete window.WebAssembly")
    page = context.new_page()
    page.goto(served_site + "en/program/melati/")
    page.click("#pmi-search-open")
    page.wait_for_url(served_site + "en/az/")
    context.close()


def test_when_pagefind_cannot_load_the_dialog_points_to_a_z(page, served_site):
    page.route("**/pagefind/**", lambda route: route.abort())
    page.goto(served_site)
    page.click("#pmi-search-open")
    status = page.locator(".pmi-search__status")
    status.filter(has_text="Pencarian tidak bisa dimuat").wait_for()
    az = page.get_by_role("dialog", name="Cari di Portal PMI").locator(".pmi-search__az a")
    assert az.evaluate("a => a === document.activeElement")
    assert az.evaluate("a => a.href") == served_site + "az/"


def test_page_furniture_is_not_indexed(page, served_site, fixture_site):
    html = (fixture_site / "program" / "melati" / "index.html").read_text(encoding="utf-8")
    assert "Unduh brosur" in html  # on every program page, so it must not match them all
    assert search_from(page, served_site, "unduh") == []


def test_search_cases_command_records_what_status_reads(browser, fixture_site, data):
    """portal.py search-cases (make search-cases) on the built fixture: every case found, its record
    written beside the data; status then reads it: no missed case, none untried. (``browser``: the
    command drives Chromium itself, so this test needs it too.)"""
    from test_cli import portal

    ran = portal("search-cases", "--site", str(fixture_site), "--data", str(data))
    assert ran.returncode == 0, ran.stderr
    cases = load_content(FIXTURE_DATA, ("id", "en"), root=FIXTURE_DATA.parent).queries
    assert [line[:3] for line in ran.stdout.splitlines()] == ["ok "] * len(cases), ran.stdout
    assert (data.parent / search_cases.RECORD).is_file()
    assert "Pencarian" not in portal("status", "--data", str(data)).stdout
