"""The site shows what the validated content holds: every item is published in each language,
the warnings the validator requires are on the pages, phone numbers come only from sourced
contacts, links resolve, and glossary terms link to the glossary.

Rules about content live in the validator (``portal.content.validator``, ``portal.content.policy``).
The tests of the real content (``content``, ``real_site``, on the real date) check only what holds
for whatever content the validator accepts; what a feature promises is proved on the fixture
(``fixture_content``, ``fixture_site``, on the fixture's day)."""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from portal.content.model import GlossaryTerm
from portal.content.policy import canonical_phone, phone_numbers, sourced_phones
from portal.content.validator import load_content
from portal.site.config import Options
from portal.site.pages import build_pages
from portal.site.render import Renderer, TermLinker
from portal.site.strings import load_strings
from portal.site.urls import relative_root

from conftest import FIXTURE_DATA, FIXTURE_TODAY, HtmlPage, REAL_DATA, REAL_UI, ROOT

LANGS = ("id", "en")
FIXTURE_DAY = dt.date.fromisoformat(FIXTURE_TODAY)
STRINGS = load_strings(REAL_UI, LANGS)


@pytest.fixture(scope="session")
def content():
    """The real content, validated on the real date as the build does."""
    return load_content(REAL_DATA, LANGS, root=ROOT)


@pytest.fixture(scope="session")
def fixture_content():
    return load_content(FIXTURE_DATA, LANGS, today=FIXTURE_DAY, root=ROOT)


def page_file(site: Path, lang: str, path: str) -> Path:
    return site / ("" if lang == LANGS[0] else lang) / path / "index.html"


def parse(path: Path) -> HtmlPage:
    return HtmlPage.read(path)


def test_the_real_content_passes_the_validator():
    """`portal.py validate` on data/ and the real date, as staff run it before a pull request."""
    env = {k: v for k, v in os.environ.items() if k != "PORTAL_TODAY"}
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "portal.py"), "validate", "--data", str(REAL_DATA)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr


# --- every item has a page in each language ---

def pages_of(content) -> list[tuple[str, object]]:
    """(site path, item) of every program, procedure, country and organisation page."""
    return ([(f"program/{p.slug}", p) for p in content.programs] + [(f"prosedur/{p.slug}", p) for p in content.procedures]
            + [(f"negara/{c.slug}", c) for c in content.countries]
            + [(f"organisasi/{o.slug}", o) for o in content.organizations])


@pytest.mark.parametrize("lang", LANGS)
def test_every_item_has_a_page_in_each_language(real_site, content, lang):
    """Titled in ``lang`` (in the default language where it has no translation), citing its sources."""
    r = Renderer(lang, content, STRINGS[lang], Options())
    sources = STRINGS[lang]("heading.sources")
    for path, item in pages_of(content):
        page = parse(page_file(real_site, lang, path))
        assert page.lang == lang, path
        title = r.plain(getattr(item, "title", None) or item.name)
        assert title.split(" (")[0] in "".join(page.texts("h1")), path
        assert sources in page.texts("h2"), path


@pytest.mark.parametrize("lang", LANGS)
def test_every_proposal_is_on_the_proposals_page(real_site, content, lang):
    page = parse(page_file(real_site, lang, "usulan"))
    assert {p.slug for p in content.proposals} <= page.ids


def test_glossary_page_has_every_term(real_site, content):
    for lang in LANGS:
        page = parse(page_file(real_site, lang, "glosarium"))
        assert {g.anchor for g in content.glossary} <= page.ids


PROPOSAL = """\
title: {id: Taman baca keluarga PMI, en: A reading corner for the families of migrant workers}
summary: {id: Ruang baca di balai desa., en: A reading room in the village hall.}
raised_by: {id: Peserta musrenbang, en: Participants of the musrenbang}
raised_at: {id: Musrenbang Banyuwangi, en: The Banyuwangi musrenbang}
sources: [zone-2024-12-13-musrenbang]
last_reviewed: "2026-11-24"
"""


@pytest.mark.parametrize("lang", LANGS)
def test_a_proposal_is_listed_as_a_proposal_not_as_a_program(data, lang):
    (data / "proposals").mkdir()
    (data / "proposals" / "taman-baca.yaml").write_text(PROPOSAL, encoding="utf-8")
    content = load_content(data, LANGS, today=FIXTURE_DAY, root=data.parent)
    pages = build_pages(content, STRINGS, today=FIXTURE_DAY)
    title = Renderer(lang, content, STRINGS[lang], Options(), FIXTURE_DAY).plain(content.proposals[0].title)
    proposals = pages[f"usulan/index.{lang}.md"]
    assert 'id="taman-baca"' in proposals and title in proposals
    assert STRINGS[lang]("proposal_notice") in proposals
    assert not [path for path in pages if "taman-baca" in path]  # no page of its own
    assert not [path for path, text in pages.items() if path.startswith("program/") and title in text]


# --- the warnings the validator requires (E-CALO-WARNING) are on the pages ---

def pages_missing_the_calo_warnings(site: Path, content, lang: str) -> tuple[list[str], list[str]]:
    """(the pages of current programs for prospective migrant workers, those of them not warning
    about calo and naming Jendela PMI)."""
    paths = [f"program/{p.slug}" for p in content.programs if "calon_pmi" in p.audience and p.status.value != "ended"]
    missing = []
    for path in paths:
        text = re.sub(r"\s+", " ", " ".join(parse(page_file(site, lang, path)).texts()))
        if not (re.search(r"\bcalo\b", text, re.I) and "Jendela PMI" in text):
            missing.append(path)
    return paths, missing


@pytest.mark.parametrize("lang", LANGS)
def test_going_abroad_pages_show_the_calo_and_jendela_pmi_warnings(real_site, content, lang):
    """Wherever the validator requires the warnings, the page shows them."""
    assert pages_missing_the_calo_warnings(real_site, content, lang)[1] == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_fixture_s_going_abroad_pages_show_the_warnings(fixture_site, fixture_content, lang):
    paths, missing = pages_missing_the_calo_warnings(fixture_site, fixture_content, lang)
    assert paths and missing == []


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


@pytest.mark.parametrize("written,number", [
    ("(0333) 424 123", "0333424123"), ("(0333) 424123", "0333424123"), ("(0333)424123", "0333424123"),
    ("(021) 2924 4800", "02129244800"), ("0333 424 123", "0333424123"), ("0333.424.123", "0333424123"),
    ("0333-424123", "0333424123"), ("+62 333 424123", "0333424123"), ("+62 (0)333 424123", "0333424123"),
    ("+62 (333) 424123", "0333424123"), ("+62 812-3456-7890", "081234567890"), ("0812.3456.7890", "081234567890")])
def test_phone_scanner_finds_every_common_indonesian_form(written, number):
    """Brackets round the area code (how landlines are usually written), spaces, dots, dashes, +62."""
    assert phone_numbers(f"Kantor: {written} (jam kerja).") == {number}


@pytest.mark.parametrize("text", ["Rp37.500", "Rp 5–10 juta", "Rp5-10 juta", "79.001 PMI", "1.210 orang",
                                  "2026-12-07", "UU 18/2017", "Perban 9/2020", "Permenaker 4/2023",
                                  "Rp 1.500.000", "(2021) 10 orang", "biaya (Rp 37.500)", "(0333) 42"])
def test_amounts_counts_dates_and_laws_are_never_phones(text):
    assert phone_numbers(f"Menurut {text}, lihat juga 12.000.000 dan 2021-2023.") == set()


def test_built_site_shows_only_sourced_phone_numbers(real_site, content):
    """Every number on a page (text or tel: link) is a sourced phone contact, and every one is published."""
    sourced = sourced_phones(c for item in (*content.programs, *content.procedures, *content.countries,
                                            *content.organizations)
                             for c in item.contacts)
    seen = set()
    for html_file in real_site.rglob("*.html"):
        page = parse(html_file)
        numbers = phone_numbers(" ".join(page.texts()))
        numbers |= {canonical_phone(a.attrs["href"][4:])
                    for a in page.all("a") if a.attrs.get("href", "").startswith("tel:")}
        unsourced = numbers - sourced
        assert not unsourced, f"{html_file.relative_to(real_site)}: unsourced phone number(s) {unsourced}"
        seen |= numbers
    assert sourced <= seen, "the sourced numbers are published"


def whatsapp_links(site: Path) -> tuple[int, list[Path]]:
    """(how many pages have the share link wa.me/?text=, the pages linking to a WhatsApp number)."""
    shares, numbers = 0, []
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        if re.search(r"wa\.me/(?!\?text=)", text):
            numbers.append(html_file.relative_to(site))
        shares += "wa.me/?text=" in text
    return shares, numbers


def test_no_whatsapp_number(real_site):
    """No WhatsApp number is published (the validator refuses them: E-WHATSAPP)."""
    assert whatsapp_links(real_site)[1] == []


def test_the_share_link_names_no_whatsapp_number(fixture_site):
    shares, numbers = whatsapp_links(fixture_site)
    assert shares, "program pages have a share link"
    assert numbers == []


# --- links ---

def content_links(site: Path) -> tuple[int, list[str]]:
    """Links in the page content (text, glossary links, organisation lists) of the generated pages;
    theme links are not ours: (how many point into the site, those that do not resolve)."""
    folders = ("bantuan", "program", "prosedur", "negara", "organisasi", "glosarium", "usulan")
    pages = [p for lang in LANGS for f in folders
             for p in (site / ("" if lang == "id" else lang) / f).rglob("index.html")]
    ids_cache: dict[Path, set[str]] = {}
    checked, broken = 0, []
    for html_file in pages:
        where = html_file.relative_to(site)
        base = "http://x/" + html_file.parent.relative_to(site).as_posix() + "/"
        for a in parse(html_file).all("a", inside="article"):
            href = a.attrs.get("href")
            if not href or re.match(r"^(https?:|mailto:|tel:|#)", href):
                continue
            checked += 1
            url = urlparse(urljoin(base, href))
            target = site / url.path.lstrip("/")
            target = target / "index.html" if url.path.endswith("/") else target
            if not target.exists():
                broken.append(f"{where}: broken link {href}")
            elif url.fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = parse(target).ids
                if url.fragment not in ids_cache[target]:
                    broken.append(f"{where}: missing anchor {href}")
    return checked, broken


def test_internal_links_in_generated_pages_resolve(real_site):
    assert content_links(real_site)[1] == []


def test_the_fixture_s_generated_pages_link_within_the_site_and_their_links_resolve(fixture_site):
    checked, broken = content_links(fixture_site)
    assert checked > 20 and broken == []


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


def test_generated_pages_link_terms_once_per_section_not_in_headings(fixture_content):
    pages = build_pages(fixture_content, STRINGS, today=FIXTURE_DAY)
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
