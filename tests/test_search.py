"""Search index: other names and filters in each page's index entry, the Pagefind bundle, its size."""
from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import FIXTURE_DATA, HtmlPage, REAL_UI, ROOT, build_site, make_project
from portal.content.model import WordGroup
from portal.outputs import search
from portal.site.strings import load_strings

GROUPS = (WordGroup({"id": ("PMI", "TKI", "TKW"), "en": ("PMI", "migrant worker")}),
          WordGroup({"id": ("LTSA", "Layanan Terpadu Satu Atap"), "en": ()}),
          WordGroup({"id": ("gaji", "upah"), "en": ("wage",)}, pages=("bantuan/", "negara/*")))


@pytest.fixture(scope="module")
def strings():
    return load_strings(REAL_UI, ("id", "en"))


def test_other_words_of_a_group_the_page_uses():
    assert search.other_names("Program untuk anak PMI.", GROUPS, "id") == ["TKI", "TKW"]
    assert search.other_names("Dulu disebut TKI.", GROUPS, "id") == ["PMI", "TKW"]
    assert search.other_names("Ke <b>Layanan Terpadu Satu Atap</b>", GROUPS, "id") == ["LTSA"]
    assert search.other_names("For a migrant worker", GROUPS, "en") == ["PMI"]  # the page's language only
    # whole words only, and nothing for pages that already use every word or none of them
    assert search.other_names("SIAPMIGRAN, Desbumi", GROUPS, "id") == []
    assert search.other_names("PMI, TKI, TKW", GROUPS, "id") == []


def test_words_of_a_group_naming_the_page():
    assert search.page_words("bantuan/", GROUPS, "id") == ["gaji", "upah"]
    assert search.page_words("negara/taiwan/", GROUPS, "en") == ["wage"]  # negara/* is every country page
    assert search.page_words("negara/", GROUPS, "id") == [] == search.page_words("program/a/", GROUPS, "id")


def test_program_filters_are_localised(strings):
    meta = {"kind": "program", "audience": ["keluarga", "anak_pmi"], "status": "active"}
    assert search.filters(meta, strings["id"]) == [
        ("Untuk", "keluarga PMI"), ("Untuk", "anak PMI"), ("Status", "masih berjalan")]
    assert search.filters(meta, strings["en"])[-1] == ("Status", "running")
    assert search.filters({"kind": "procedure", "audience": ["pmi"]}, strings["id"]) == []


def test_index_extras_are_hidden_and_escaped(strings):
    meta = {"kind": "program", "audience": ["pmi"], "status": "ended"}
    extras = search.index_extras("<p>Untuk PMI &amp; keluarga</p>", meta, strings["id"], GROUPS, "id", "program/a/")
    assert ('<div class="pmi-search-aliases" hidden data-pagefind-meta="hidden_words:2">'
            '<span data-pagefind-weight="0.5">TKI TKW</span></div>') in extras
    assert '<div class="pmi-search-filters" hidden data-pagefind-ignore>' in extras
    assert '<span data-pagefind-filter="Status">sudah berakhir</span>' in extras
    assert search.index_extras("<p>Tanpa istilah</p>", {}, strings["id"], GROUPS, "id", "az/") == ""
    help_page = search.index_extras("<p>PMI</p>", {}, strings["id"], GROUPS, "id", "bantuan/")
    assert ('data-pagefind-meta="hidden_words:4"><span data-pagefind-weight="0.5">TKI TKW</span> '
            f'<span data-pagefind-weight="{search.PAGE_WORDS_WEIGHT}">gaji upah</span></div>') in help_page


def parse(path: Path) -> HtmlPage:
    return HtmlPage.read(path)


def bodies(page: HtmlPage) -> int:
    """How many parts of the page are marked for Pagefind."""
    return sum("data-pagefind-body" in e.attrs for e in page.elements)


def search_link(page: HtmlPage) -> dict[str, str]:
    """The attributes of the header's search link."""
    return next(a.attrs for a in page.all("a") if a.attrs.get("id") == "pmi-search-open")


def hidden_text(page: HtmlPage, hidden: bool = True) -> str:
    """The page's text inside a ``hidden`` element (or, ``hidden=False``, outside every one)."""
    return "".join(data for data, around in page.pieces if any("hidden" in e.attrs for e in around) is hidden)


def test_pagefind_indexes_each_language_of_the_site(fixture_site):
    """One bundle per language at its root, holding that language's marked pages only."""
    marked = {p for p in fixture_site.rglob("index.html") if "pagefind" not in p.parts and bodies(parse(p))}
    english = {p for p in marked if p.relative_to(fixture_site).parts[0] == "en"}
    for root, lang, pages in ((fixture_site, "id", marked - english), (fixture_site / "en", "en", english)):
        entry = json.loads((root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert set(entry["languages"]) == {lang}
        assert entry["languages"][lang]["page_count"] == len(pages) > 0
        for name in search.UNUSED_FILES:
            assert not (root / "pagefind" / name).exists()
    assert search.bundles(fixture_site) == [fixture_site / "en" / "pagefind", fixture_site / "pagefind"]


def test_item_pages_mark_their_content_for_the_index(fixture_site):
    for kind, folder in (("programs", "program"), ("procedures", "prosedur"), ("organizations", "organisasi")):
        for slug in (p.stem for p in (FIXTURE_DATA / kind).glob("*.yaml")):
            for prefix in ("", "en/"):
                assert bodies(parse(fixture_site / prefix / folder / slug / "index.html")) == 1, (folder, slug)
    for path in (fixture_site / "glosarium" / "index.html", fixture_site / "index.html"):
        assert bodies(parse(path)) == 1, path
    assert bodies(parse(fixture_site / "404.html")) == 0


def test_readers_words_and_filters_are_in_the_index_not_in_the_page(fixture_site):
    """Pagefind reads the hidden block of readers' words and filters; then it leaves the pages (no
    reader downloads it). TKI finding Melati, which says PMI: test_browser_search."""
    for path in fixture_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "pmi-search-aliases" not in html and "data-pagefind-filter" not in html, path
    page = parse(fixture_site / "program" / "melati" / "index.html")
    assert "PMI" in hidden_text(page, False) and "TKI" not in "".join(data for data, _ in page.pieces)
    filters = {lang: b"".join(gzip.decompress(f.read_bytes()) for f in (root / "pagefind" / "filter").glob("*"))
               for lang, root in (("id", fixture_site), ("en", fixture_site / "en"))}
    assert "anak PMI".encode() in filters["id"] and "baru diumumkan".encode() in filters["id"]
    assert "migrant workers' children".encode() in filters["en"]


def test_index_only_blocks_leave_the_page_and_nothing_else(tmp_path, strings):
    extras = search.index_extras("<p>PMI</p>", {"kind": "program", "status": "ended"}, strings["id"], GROUPS, "id",
                                 "bantuan/")
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text(f"<main data-pagefind-body><p>PMI</p>\n{extras}\n</main><div hidden>x</div>", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>other</p>", encoding="utf-8")
    assert search.remove_index_only(tmp_path) == 1
    assert page.read_text(encoding="utf-8") == "<main data-pagefind-body><p>PMI</p>\n</main><div hidden>x</div>"


@pytest.mark.parametrize("page_path, lang_root", [("program/melati/", ""), ("en/program/melati/", "en/"),
                                                  ("", ""), ("en/", "en/")])
def test_search_link_leads_to_the_a_z_page_and_bundle_of_the_language(fixture_site, page_path, lang_root):
    page = parse(fixture_site / page_path / "index.html")
    base = "http://site/" + page_path
    assert urljoin(base, search_link(page)["href"]) == f"http://site/{lang_root}az/"
    assert (fixture_site / lang_root / "az" / "index.html").is_file()
    assert urljoin(base, search_link(page)["data-pmi-search"]) == f"http://site/{lang_root}pagefind/"  # its language's
    assert search_link(page)["aria-label"] == ("Search" if page_path.startswith("en/") else "Cari")
    # Pagefind itself is not on the page: it is loaded when the reader opens search
    assert not any("pagefind" in s.attrs.get("src", "") for s in page.all("script"))
    assert not re.search(r"<link[^>]+pagefind", (fixture_site / page_path / "index.html").read_text(encoding="utf-8"))


def test_first_search_stays_within_budget(fixture_site):
    report = search.measure(fixture_site)
    assert set(report) == {"id", "en"}
    for row in report.values():
        assert 50_000 < row["first_search"] <= search.FIRST_SEARCH_BUDGET
        assert row["index"] > 0 and row["pages"] > 0


def test_pages_can_opt_out_of_search_and_the_a_z_page_is_the_fallback(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "docs" / "internal.id.md").write_text(
        "---\nsearch:\n  exclude: true\n---\n\n# Catatan internal\n\nBukan untuk pencarian.\n", encoding="utf-8")
    site = build_site(project)  # the A–Z page is generated
    assert bodies(parse(site / "internal" / "index.html")) == 0
    indexed = {p for p in site.rglob("index.html") if bodies(parse(p))}
    assert sum(row["pages"] for row in search.measure(site).values()) == len(indexed)
    for page_path, az in (("program/melati/", "az/"), ("en/program/melati/", "en/az/")):
        href = search_link(parse(site / page_path / "index.html"))["href"]
        assert urljoin("http://site/" + page_path, href) == "http://site/" + az


def _tiny_site(site: Path) -> None:
    for path, lang, words in (("index.html", "id", "pendaftaran pekerja"), ("en/index.html", "en", "registration"),
                              ("program/a/index.html", "id", "warung usaha")):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(f'<!doctype html><html lang="{lang}"><head><title>t</title></head>'
                                 f"<body><main data-pagefind-body><p>{words}</p></main></body></html>",
                                 encoding="utf-8")


def _indexed(site: Path) -> dict[str, int]:
    return {lang: row["pages"] for lang, row in search.measure(site).items()}


def test_default_language_bundle_made_early_leaves_the_others_out(tmp_path):
    """The default language is indexed while the others build; each bundle has its own pages."""
    _tiny_site(tmp_path)
    search.start_index(tmp_path, ["en"])
    (tmp_path / "en" / "about").mkdir()  # built after the start: in the English bundle
    (tmp_path / "en" / "about" / "index.html").write_text(
        (tmp_path / "en" / "index.html").read_text(encoding="utf-8"), encoding="utf-8")
    search.build_index(tmp_path, ["en"])
    assert _indexed(tmp_path) == {"id": 2, "en": 2}
    assert search.bundles(tmp_path) == [tmp_path / "en" / "pagefind", tmp_path / "pagefind"]
    assert "RAYON_NUM_THREADS" not in os.environ  # the one-core setting was for the service only


def test_a_bundle_left_by_a_failed_build_is_replaced(tmp_path):
    _tiny_site(tmp_path)
    search.start_index(tmp_path, ["en"])
    search.discard_index(tmp_path)  # the next build starts afresh
    (tmp_path / "program" / "a" / "index.html").unlink()
    search.build_index(tmp_path, ["en"])
    assert _indexed(tmp_path) == {"id": 1, "en": 1}


def _errors(data: Path, words: str, queries: str = "") -> list[tuple[str, int, str]]:
    """(code, line, field) of each error in the words and queries files written into ``data``."""
    import datetime as dt

    from portal.content.errors import ContentInvalid
    from portal.content.validator import load_content

    (data / "words.yaml").write_text(words, encoding="utf-8")
    (data / "queries.yaml").write_text(queries or "[]\n", encoding="utf-8")
    try:
        load_content(data, ("id", "en"), today=dt.date(2026, 11, 24), root=data.parent)
    except ContentInvalid as exc:
        return [(e.code, e.line, e.field) for e in exc.errors if e.file.endswith(("words.yaml", "queries.yaml"))]
    return []


def test_readers_words_and_queries_are_validated(data):
    assert _errors(data, "- words: [TKI, TKW]\n  pages: [bantuan/, negara/*, negara/hong-kong/]\n") == []
    assert _errors(data, "- id: [TKI]\n") == [("E-WORDS", 1, "[0]")]  # one word, no page: nothing to add
    assert _errors(data, "- words: [TKI, TKW]\n- id: [tkw, BMI]\n") == [("E-DUPLICATE", 2, "[1]")]
    assert _errors(data, "- words: [TKI, TKW]\n  pages: [negara/taiwan/]\n") == [("E-REF", 2, "[0].pages[0]")]
    assert _errors(data, "- words: [TKI, TKW]\n  pagez: [bantuan/]\n")[0][0] == "E-UNKNOWN-FIELD"
    assert _errors(data, "- words: [TKI, TKW]\n", "- {lang: id, query: TKW, top5: [program/melati/]}\n"
                   "- {lang: fr, query: x, top5: [prosedur/nope/]}\n") == [
        ("E-LANG", 2, "[1].lang"), ("E-REF", 2, "[1].top5[0]")]


def test_status_reports_the_last_search_cases_run(data):
    """portal.py status reads what make search-cases recorded (no build, no browser): a case whose
    page is not in the top 5 is a warning on its line; without a record, one note to run it."""
    import datetime as dt

    from portal.checks import editors_report, search_cases
    from portal.content.validator import load_content

    content = load_content(data, ("id", "en"), root=data.parent)
    def search_findings():
        found = editors_report.collect(content, data, data.parent, dt.date(2026, 11, 24), 12)
        return [f for f in found if f.section.startswith("search")]
    untried = search_findings()
    assert [(f.section, f.file) for f in untried] == [("search_untried", "data/queries.yaml")]
    assert "make search-cases" in untried[0].message_en and "search_untried" in editors_report.INFORMATION
    found = {search_cases.key(c): list(c.top5) for c in content.queries}
    warung = next(i for i, c in enumerate(content.queries) if c.query == "warung")
    found["id:warung"] = ["bantuan/", "program/melati/"]
    search_cases.save(data.parent, Path("site"), found)
    missed = search_findings()
    assert [(f.section, f.field) for f in missed] == [("search", f"[{warung}].top5")]
    assert "program/warung-naik-kelas/" in missed[0].message_en and "first: bantuan/" in missed[0].message_en
    assert missed[0].line == 1 + (data / "queries.yaml").read_text(encoding="utf-8").splitlines().index(
        "- {lang: id, query: warung, top5: [program/warung-naik-kelas/]}")
    assert "Pencarian" in editors_report.report(missed)
