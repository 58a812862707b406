"""The real content in data/, built on the real date: every item is published in each language,
the warnings the validator requires are on the pages, phone numbers come only from sourced
contacts, and glossary terms link to the glossary.

Rules about content live in the validator (``portal.content.validator``, ``portal.content.policy``); these tests
check that the site shows what the validated content holds, whatever the content is."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from portal.content.model import GlossaryTerm
from portal.content.policy import canonical_phone, phone_numbers, sourced_phones
from portal.content.validator import load_content
from portal.site.pages import build_pages
from portal.site.render import TermLinker
from portal.site.strings import load_strings
from portal.site.urls import relative_root

from conftest import FIXTURE_DATA, ROOT, build_site, make_project

LANGS = ("id", "en")
DATA = ROOT / "data"
FIXTURE_TODAY = dt.date(2026, 11, 24)  # the fixture data's day (tests/conftest.py)
REAL = load_content(DATA, LANGS, root=ROOT)  # judged on the real date, as the build does
PAGES = ([f"program/{p.slug}" for p in REAL.programs] + [f"prosedur/{p.slug}" for p in REAL.procedures]
         + [f"organisasi/{o.slug}" for o in REAL.organizations])


@pytest.fixture(scope="session")
def content():
    return REAL


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real data/ built once per session; returns its ``site/``.

    A local brochure cache (from ``make build``) is copied in, so unchanged PDFs are not
    rendered again; the repository's own cache is never written.
    """
    project = make_project(tmp_path_factory.mktemp("real") / "project", data=DATA)
    for cache in ("brochures", "print-kit"):
        if (ROOT / ".cache" / cache).is_dir():
            shutil.copytree(ROOT / ".cache" / cache, project / ".cache" / cache)
    return build_site(project)


def page_file(site: Path, lang: str, path: str) -> Path:
    return site / ("" if lang == LANGS[0] else lang) / path / "index.html"


class _Page(HTMLParser):
    """Visible text, <h1>, html lang, every (tag, attrs), and the hrefs inside <article>."""

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.h1: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.article_links: list[str] = []
        self.ids: set[str] = set()
        self.lang = None
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "a" and a.get("href") and "article" in self._stack:
            self.article_links.append(a["href"])
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self._stack:
            while self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if "script" in self._stack or "style" in self._stack:
            return
        self.text.append(data)
        if "h1" in self._stack:
            self.h1.append(data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


# --- every item of the issue has a page in each language ---

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_item_has_a_page_in_each_language(real_site, content, path, lang):
    page = parse(page_file(real_site, lang, path))
    assert page.lang == lang
    folder, slug = path.split("/")
    items = {"program": content.programs, "prosedur": content.procedures,
             "organisasi": content.organizations}[folder]
    item = next(i for i in items if i.slug == slug)
    title = getattr(item, "title", None) or item.name
    assert lang in title, f"{path}: no {lang} title"
    assert title[lang].split(" (")[0] in "".join(page.h1)
    text = " ".join(page.text)
    assert "Sumber" in text if lang == "id" else "Sources" in text


@pytest.mark.parametrize("lang", LANGS)
def test_proposals_are_listed_as_proposals_not_programs(real_site, content, lang):
    page = parse(page_file(real_site, lang, "usulan"))
    proposals = {p.slug for p in content.proposals}
    assert proposals and proposals <= page.ids
    assert not proposals & {p.slug for p in content.programs}


@pytest.mark.parametrize("lang", LANGS)
def test_going_abroad_pages_show_the_calo_and_jendela_pmi_warnings(real_site, content, lang):
    """The validator requires these warnings (E-CALO-WARNING); the pages must show them."""
    programs = [f"program/{p.slug}" for p in content.programs
                if "calon_pmi" in p.audience and p.status.value != "ended"]
    assert programs
    for path in programs:
        text = " ".join(parse(page_file(real_site, lang, path)).text)
        assert re.search(r"\bcalo\b", text, re.I), path
        assert "Jendela PMI" in text, path


def test_glossary_page_has_every_term(real_site, content):
    for lang in LANGS:
        page = parse(page_file(real_site, lang, "glosarium"))
        assert {g.anchor for g in content.glossary} <= page.ids


# --- phone numbers ---

def test_phone_scanner_finds_numbers_and_ignores_dates_and_amounts():
    text = ("Hubungi 0800-1000 atau +62 21 29244800, bukan 0812 3456 7890 (WA). "
            "Tanggal 2021-07-07, 1.210 PMI, Rp5–10 juta, PENG.150/2021, 96,53%, 4.000 orang, 10 Des 2024.")
    assert phone_numbers(text) == {"08001000", "02129244800", "081234567890"}
    assert phone_numbers("+44 20 7946 0958") == {"+442079460958"}


def test_phone_scanner_finds_short_and_local_numbers_a_call_word_names_but_not_years_or_laws():
    """Taiwan's 1955, Hong Kong's 999 or a local number abroad have no 0 or +: a call word names them."""
    assert phone_numbers("Di Taiwan, telepon **1955**: saluran Kementerian") == {"1955"}
    assert phone_numbers("In Taiwan: the 1955 hotline. If you are in danger, call 999.") == {"1955", "999"}
    assert phone_numbers("Hubungi 2157 9537 (Labour Department)") == {"21579537"}
    assert phone_numbers("UU Nomor 18 Tahun 2017, Perban BP2MI Nomor 9/2020, surat nomor 123/BP2MI/2020, "
                         "pada tahun 1955, 1.210 PMI sejak 2021") == set()


def test_built_site_shows_only_sourced_phone_numbers(real_site, content):
    sourced = sourced_phones(c for item in (*content.programs, *content.procedures, *content.organizations)
                             for c in item.contacts)
    assert sourced, "the data has sourced phone contacts"
    seen = set()
    for html_file in real_site.rglob("*.html"):
        page = parse(html_file)
        numbers = phone_numbers(" ".join(page.text))
        numbers |= {canonical_phone(a["href"][4:])
                    for tag, a in page.tags if tag == "a" and (a.get("href") or "").startswith("tel:")}
        unsourced = numbers - sourced
        assert not unsourced, f"{html_file.relative_to(real_site)}: unsourced phone number(s) {unsourced}"
        seen |= numbers
    assert sourced <= seen, "the sourced numbers are published"


def test_no_whatsapp_number(real_site):
    """No WhatsApp number is published (none is sourced); the share link (wa.me/?text=) names none."""
    shares = 0
    for html_file in real_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert not re.search(r"wa\.me/(?!\?text=)", text), html_file
        shares += "wa.me/?text=" in text
    assert shares, "program pages have a share link"


# --- links ---

def test_internal_links_in_generated_pages_resolve(real_site):
    """Links in the page content (text, glossary links, organisation lists); theme links are not ours."""
    folders = ("program", "prosedur", "organisasi", "glosarium", "usulan")
    pages = [p for lang in LANGS for f in folders
             for p in (real_site / ("" if lang == "id" else lang) / f).rglob("index.html")]
    ids_cache: dict[Path, set[str]] = {}
    for html_file in pages:
        base = "http://x/" + html_file.parent.relative_to(real_site).as_posix() + "/"
        links = parse(html_file).article_links
        assert links, f"{html_file.relative_to(real_site)}: no content links found"
        for href in links:
            if re.match(r"^(https?:|mailto:|tel:|#)", href):
                continue
            url = urlparse(urljoin(base, href))
            target = real_site / url.path.lstrip("/")
            target = target / "index.html" if url.path.endswith("/") else target
            assert target.exists(), f"{html_file.relative_to(real_site)}: broken link {href}"
            if url.fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = parse(target).ids
                assert url.fragment in ids_cache[target], f"{html_file.relative_to(real_site)}: missing anchor {href}"


# --- glossary links in page text ---

def _terms():
    return [GlossaryTerm("PMI", {"id": "x"}, aliases=("TKI",), expansion={"id": "Pekerja Migran Indonesia"}),
            GlossaryTerm("calo", {"id": "x"}, expansion={"id": "perekrut tanpa izin"}),
            GlossaryTerm("purna PMI", {"id": "x"})]


def _linker():
    exp = {"PMI": "Pekerja Migran Indonesia", "calo": "perekrut tanpa izin", "purna PMI": ""}
    return TermLinker(_terms(), lambda g: exp[g.term])


def test_term_linker_links_first_use_only_outside_links_and_headings():
    html = ('<h2>PMI</h2><p>Seorang <a href="x">PMI</a> dan PMI lagi. Calo bukan calon. '
            'Dulu TKI; purna PMI pulang.</p>')
    seen: set[str] = set()
    out = _linker().link(html, "../glosarium/", seen)
    assert out.startswith('<h2>PMI</h2><p>Seorang <a href="x">PMI</a> dan '
                          '<a class="pmi-term" href="../glosarium/#pmi"><abbr title="Pekerja Migran Indonesia">'
                          'PMI</abbr></a> lagi. ')
    assert '<a class="pmi-term" href="../glosarium/#calo"><abbr title="perekrut tanpa izin">Calo</abbr></a>' in out
    assert "calon" in out and out.count("#calo") == 1
    assert "Dulu TKI;" in out, "an alias of a term already linked in this section stays plain"
    assert '<a class="pmi-term" href="../glosarium/#purna-pmi">purna PMI</a>' in out, "longest name wins"
    assert seen == {"pmi", "calo", "purna-pmi"}
    assert _linker().link(html, "../glosarium/", seen) == html, "nothing again in the same section"


def test_term_linker_links_alias_to_main_entry():
    out = _linker().link("<p>Dulu disebut TKI.</p>", "../../glosarium/", set())
    assert 'href="../../glosarium/#pmi"' in out and ">TKI</abbr>" in out


def test_relative_root_follows_directory_urls():
    assert relative_root("program/melati") == "../../"
    assert relative_root("program/index") == "../"
    assert relative_root("glosarium/index") == "../"


def test_generated_pages_link_terms_once_per_section_not_in_headings():
    content = load_content(FIXTURE_DATA, LANGS, today=FIXTURE_TODAY, root=ROOT)
    pages = build_pages(content, load_strings(DATA / "ui", LANGS), today=FIXTURE_TODAY)
    melati = pages["program/melati.id.md"]
    assert '<a class="pmi-term" href="../../glosarium/#pmi">' in melati
    for line in melati.splitlines():
        if line.startswith("<h") or line.startswith("title:") or line.startswith("description:"):
            assert "pmi-term" not in line, line
    sections = re.split(r"^<h\d.*$", melati, flags=re.M)
    assert len(sections) > 5
    for section in sections:
        assert section.count('href="../../glosarium/#pmi"') <= 1
    assert 'href="../glosarium/#' in pages["program/index.id.md"]
    glossary = pages["glosarium/index.id.md"]
    own = glossary.split('<h2 id="pmi">PMI</h2>')[1].split("<h2 ")[0]
    assert "#pmi" not in own, "a term's own entry does not link to itself"
