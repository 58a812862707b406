"""The built site per language: 404s, hreflang, meta, untranslated text, a third language,
index pages, page order, privacy. Fixture data built with MkDocs, HTML parsed."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import FIXTURE_DATA, HtmlPage, build_site, load_yaml, make_project
from portal.checks import privacy
from portal.mkdocs.borrowed import THEME_UNUSED
from portal.mkdocs.theme_fixes import remove_unused_theme_files
from portal.site.config import LOCAL_SITE_URL
from portal.site.urls import is_admin

PROGRAMS = {path.stem: load_yaml(path)["audience"]
            for path in (FIXTURE_DATA / "programs").glob("*.yaml")}  # slug -> audiences
LOCAL_HOST = "127.0.0.1:8000"


class Page(HtmlPage):
    """What the tests read from one HTML page."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(path.read_text(encoding="utf-8"))

    @property
    def html_lang(self) -> str | None:
        return self.lang

    @property
    def title_attrs(self) -> dict:
        return next((e.attrs for e in self.all("title")), {})

    @property
    def title(self) -> str:
        return "".join(self.text_of(e) for e in self.all("title")[:1])

    @property
    def meta(self) -> dict[str, dict]:
        """<meta> by property or name."""
        return {e.attrs.get("property") or e.attrs.get("name"): e.attrs for e in self.all("meta")
                if e.attrs.get("property") or e.attrs.get("name")}

    @property
    def links(self) -> list[dict]:
        return [e.attrs for e in self.all("link")]

    @property
    def anchors(self) -> list[dict]:
        return [e.attrs for e in self.all("a")]

    @property
    def link_texts(self) -> dict[str, str]:
        """Link text -> href."""
        return {data.strip(): next(e for e in reversed(around) if e.tag == "a").attrs.get("href", "")
                for data, around in self.pieces if data.strip() and any(e.tag == "a" for e in around)}

    def alternates(self) -> dict[str, str]:
        return {l["hreflang"]: l["href"] for l in self.links if l.get("rel") == "alternate" and "hreflang" in l}

    def canonical(self) -> str | None:
        return next((l["href"] for l in self.links if l.get("rel") == "canonical"), None)

    def lang_of_text(self, needle: str) -> set[str | None]:
        """The nearest ``lang`` around each piece of text holding ``needle``."""
        return {next((e.attrs["lang"] for e in reversed(around) if "lang" in e.attrs), None)
                for data, around in self.pieces if data.strip() and needle in data.strip()}

    def hrefs(self) -> list[str]:
        return [a.get("href", "") for a in self.anchors]


def page(site: Path, path: str) -> Page:
    return Page(site / path / "index.html" if not path.endswith(".html") else site / path)


# --- 404 -------------------------------------------------------------------------------

def test_each_language_has_its_own_404_linking_home(fixture_site):
    id_404, en_404 = page(fixture_site, "404.html"), page(fixture_site, "en/404.html")
    assert id_404.html_lang == "id" and en_404.html_lang == "en"
    assert id_404.lang_of_text("Halaman tidak ditemukan") and en_404.lang_of_text("Page not found")
    assert id_404.link_texts["Kembali ke beranda"] == "/"
    assert en_404.link_texts["Back to the home page"] == "/en/"
    assert id_404.meta["robots"]["content"] == "noindex"


# --- hreflang, canonical, meta, Open Graph ---------------------------------------------

def test_hreflang_alternates_are_absolute_with_x_default(fixture_site):
    for lang, path in (("id", "program/melati"), ("en", "en/program/melati")):
        alternates = page(fixture_site, path).alternates()
        assert alternates == {
            "id": LOCAL_SITE_URL + "program/melati/",
            "en": LOCAL_SITE_URL + "en/program/melati/",
            "x-default": LOCAL_SITE_URL + "program/melati/",
        }, lang
    home = page(fixture_site, "en").alternates()
    assert home["x-default"] == LOCAL_SITE_URL and home["en"] == LOCAL_SITE_URL + "en/"


def test_site_url_comes_from_the_environment(tmp_path):
    site = build_site(make_project(tmp_path / "p"), env={"SITE_URL": "https://portal.example.org/pmi/"})
    melati = page(site, "en/program/melati")
    assert melati.canonical() == "https://portal.example.org/pmi/en/program/melati/"
    assert melati.alternates()["x-default"] == "https://portal.example.org/pmi/program/melati/"
    assert melati.meta["og:url"]["content"] == melati.canonical()


def every_page(site: Path):
    """Every reader page (the staff's editor under admin/ is none: tests/test_admin.py)."""
    for path in sorted(site.rglob("index.html")):
        if not is_admin(path.relative_to(site).as_posix()):
            yield Page(path)


def test_every_page_has_title_description_canonical_and_open_graph(fixture_site):
    pages = list(every_page(fixture_site))
    assert len(pages) > 20
    for p in pages:
        where = p.path.relative_to(fixture_site)
        assert p.title.strip().endswith("Portal PMI"), where
        description = p.meta["description"]["content"]
        assert description, where
        canonical = p.canonical()
        assert canonical and canonical.startswith(LOCAL_SITE_URL), where
        assert p.meta["og:url"]["content"] == canonical, where
        assert p.meta["og:title"]["content"] and p.meta["og:description"]["content"] == description, where
        assert p.meta["og:type"]["content"] in ("website", "article"), where
        assert p.meta["og:site_name"]["content"] == "Portal PMI", where
        assert sum(1 for l in p.links if l.get("rel") == "canonical") == 1, where


def test_title_and_description_are_per_language_and_escaped(fixture_site):
    id_page, en_page = page(fixture_site, "program/melati"), page(fixture_site, "en/program/melati")
    assert id_page.title == "Melati (mengajar dan melatih dengan hati) - Portal PMI"
    assert en_page.title == 'Melati ("teaching and training with heart") - Portal PMI'
    assert en_page.meta["og:title"]["content"] == 'Melati ("teaching and training with heart")'
    assert en_page.meta["description"]["content"].startswith("Education support for migrant workers' children")
    assert id_page.meta["description"]["content"].startswith("Program pendampingan pendidikan")


# --- untranslated text and a third language ---------------------------------------------

def _variant_config(text: str) -> str:
    """mkdocs.yml with Javanese added: one entry."""
    return text.replace("\nhooks:", "        - locale: jv\n          name: Basa Jawa\n          build: true\n\nhooks:", 1)


@pytest.fixture(scope="session")
def variant_site(tmp_path_factory) -> Path:
    """Fixture data with Melati's English title and summary missing, built with `jv` enabled
    (no data/ui/jv.yaml, no docs/index.jv.md)."""
    project = make_project(tmp_path_factory.mktemp("variant") / "p", config_edit=_variant_config)
    melati = project / "data" / "programs" / "melati.yaml"
    text = melati.read_text(encoding="utf-8")
    text = re.sub(r'\n  en: Melati \("teaching[^\n]*', "", text)
    text = re.sub(r"\n  en: Education support for migrant[^\n]*", "", text)
    melati.write_text(text, encoding="utf-8")
    assert not (project / "data" / "ui" / "jv.yaml").exists()
    return build_site(project)


def test_untranslated_title_and_summary_are_marked_indonesian(variant_site):
    en = page(variant_site, "en/program/melati")
    assert en.html_lang == "en"
    title_id = "Melati (mengajar dan melatih dengan hati)"
    assert en.lang_of_text(title_id) == {"id"}, "Indonesian title under another lang"
    assert en.lang_of_text("Program pendampingan pendidikan untuk anak") == {"id"}
    assert en.lang_of_text("Not yet translated") == {"en"}
    assert en.title_attrs.get("lang") == "id" and en.meta["description"].get("lang") == "id"
    # the translated parts stay English
    assert en.lang_of_text("According to the Bupati of Banyuwangi") == {"en"}
    for listing in ("en/program", "en/az", "en/program/untuk-keluarga", "en/program/menurut-organisasi"):
        assert page(variant_site, listing).lang_of_text(title_id) == {"id"}, listing


def test_third_language_builds_from_one_config_entry(variant_site):
    jv = page(variant_site, "jv/program/warung-naik-kelas")
    assert jv.html_lang == "jv"
    assert set(jv.alternates()) == {"id", "en", "jv", "x-default"}
    # no Javanese text yet: everything the portal writes is marked as Indonesian
    assert jv.lang_of_text("Warung Naik Kelas (Wenak)") == {"id"}
    assert jv.lang_of_text("Apa ini?") == {"id"} and jv.lang_of_text("Belum diterjemahkan") == {"id"}
    home = page(variant_site, "jv")
    assert home.html_lang == "jv" and home.lang_of_text("Hati-hati dengan calo") == {"id"}
    assert page(variant_site, "jv/404.html").html_lang == "jv"
    assert page(variant_site, "404.html").html_lang == "id"
    assert page(variant_site, "jv/az").lang_of_text("Warung Naik Kelas (Wenak)") == {"id"}


# --- navigation ------------------------------------------------------------------------

def program_links(p: Page) -> set[str]:
    out = set()
    for href in p.hrefs():
        m = re.search(r"program/([a-z0-9-]+)/$", href) or re.fullmatch(r"(?:\.\./)?([a-z0-9-]+)/", href)
        if m and m.group(1) in PROGRAMS:
            out.add(m.group(1))
    return out


def test_index_pages_list_every_program(fixture_site):
    for prefix in ("", "en/"):
        assert program_links(page(fixture_site, prefix + "program")) == set(PROGRAMS)
        assert program_links(page(fixture_site, prefix + "az")) == set(PROGRAMS)
        assert program_links(page(fixture_site, prefix + "program/menurut-organisasi")) == set(PROGRAMS)
        for audience in ("calon_pmi", "pmi", "purna_pmi", "keluarga", "anak_pmi"):
            listed = program_links(page(fixture_site, f"{prefix}program/untuk-{audience.replace('_', '-')}"))
            assert listed == {slug for slug, audiences in PROGRAMS.items() if audience in audiences}, audience


def test_az_lists_organisations_and_terms_and_nav_has_audiences(fixture_site):
    az = page(fixture_site, "az")
    hrefs = az.hrefs()
    assert any(h.endswith("organisasi/pemkab-banyuwangi/") for h in hrefs)
    assert any("glosarium/#purna-pmi" in h for h in hrefs)
    assert az.lang_of_text("Untuk calon PMI")  # in the nav: a section of its own


def test_nav_has_sections_not_one_entry_per_program(fixture_site):
    html = (fixture_site / "program" / "melati" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index('md-sidebar--secondary')]
    assert "Untuk calon PMI" in nav and "Glosarium" in nav
    assert "warung-naik-kelas" not in nav


def primary_nav(site: Path, path: str) -> tuple[set[str], str]:
    """The primary nav of a page: its links as site paths, and its HTML."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index('md-sidebar--secondary')]
    return {urljoin("http://site/" + path, href) for href in re.findall(r'href="([^"]+)"', nav)}, nav


def test_nav_shared_by_pages_outside_it_points_to_the_same_pages_from_every_folder(fixture_site):
    """Pages outside the nav reuse the nav rendered for their folder (build time): its links must
    still resolve from every folder and language, and nav pages keep their own active entry."""
    for prefix in ("", "en/"):
        program, _ = primary_nav(fixture_site, prefix + "program/melati/")
        assert program == primary_nav(fixture_site, prefix + "program/warung-naik-kelas/")[0]
        assert program == primary_nav(fixture_site, prefix + "prosedur/jalur-resmi/")[0]
        assert program == primary_nav(fixture_site, prefix + "organisasi/pemkab-banyuwangi/")[0]
        assert "http://site/" + prefix + "cek/" in program
        assert "md-nav__link--active" not in primary_nav(fixture_site, prefix + "program/melati/")[1]
        assert "md-nav__link--active" in primary_nav(fixture_site, prefix + "cek/")[1]


# --- program page ----------------------------------------------------------------------

def test_program_page_sections_in_reading_order(fixture_site):
    html = (fixture_site / "program" / "warung-naik-kelas" / "index.html").read_text(encoding="utf-8")
    order = [m.group(1) for m in re.finditer(r'<h2 id="([a-z]+)"', html)]
    expected = ["about", "who", "status", "benefits", "steps", "documents", "where", "warnings", "sources"]
    assert [h for h in order if h in expected] == [h for h in expected if h in order]
    assert {"about", "who", "status", "steps", "documents", "where", "sources"} <= set(order)
    assert html.index('id="sources"') < html.index("Terakhir ditinjau")
    assert "Aktif menurut sumber terakhir, 4 Mei 2023" in html



def toc_links(html: str) -> list[str]:
    """The table of contents' links, in order."""
    toc = html[html.index('md-nav--secondary'):]
    toc = toc[:toc.index("</nav>\n  </div>") if "</nav>\n  </div>" in toc else len(toc)]
    return re.findall(r'<a href="#([^"]+)" class="md-nav__link">', toc)


def test_table_of_contents_lists_each_section_in_both_languages(fixture_site):
    for prefix in ("", "en/"):
        html = (fixture_site / prefix / "program" / "warung-naik-kelas" / "index.html").read_text(encoding="utf-8")
        sections = [m.group(1) for m in re.finditer(r'<h2 id="([a-z]+)"', html)]
        assert len(sections) >= 7 and toc_links(html)[:len(sections)] == sections, prefix
        # sections only: a procedure's steps are listed on the page, not again in the menu
        steps = (fixture_site / prefix / "prosedur" / "jalur-resmi" / "index.html").read_text(encoding="utf-8")
        links = toc_links(steps)
        assert "procedure_steps" in links and 'id="step-1"' in steps and "step-1" not in links, prefix


# --- country pages ---------------------------------------------------------------------

COUNTRIES = {path.stem: load_yaml(path) for path in (FIXTURE_DATA / "countries").glob("*.yaml")}  # slug -> data
COUNTRY_SECTIONS = ["now", "emergency", "contacts", "lapor_diri", "law", "unknown", "sources"]


def test_each_country_has_a_page_in_both_languages_with_its_lines_sources_and_review_date(fixture_site):
    assert set(COUNTRIES) == {"hong-kong", "malaysia"}
    for prefix, reviewed in (("", "Terakhir ditinjau: 24 November 2026"), ("en/", "Last reviewed: 24 November 2026")):
        for slug, data in COUNTRIES.items():
            html = (fixture_site / prefix / "negara" / slug / "index.html").read_text(encoding="utf-8")
            country = page(fixture_site, f"{prefix}negara/{slug}")
            lang = prefix.strip("/") or "id"
            assert country.title.startswith(data["name"][lang]), (prefix, slug)
            tel = {h for h in country.hrefs() if h.startswith("tel:")}
            assert tel == {"tel:" + re.sub(r"[^\d+]", "", c["value"]) for c in data["contacts"]}, (prefix, slug)
            assert "Alinea" in html[html.index('id="sources"'):] and reviewed in html, (prefix, slug)
            order = [m.group(1) for m in re.finditer(r'<h2 id="([a-z_]+)"', html)]
            assert [h for h in order if h in COUNTRY_SECTIONS] == [h for h in COUNTRY_SECTIONS if h in order]
        full = (fixture_site / prefix / "negara" / "hong-kong" / "index.html").read_text(encoding="utf-8")
        assert set(COUNTRY_SECTIONS) <= {m.group(1) for m in re.finditer(r'<h2 id="([a-z_]+)"', full)}, prefix
        assert '<h3 id="law-1">' in full, prefix
        listed = page(fixture_site, prefix + "negara")
        links = {urljoin(f"http://site/{prefix}negara/", h) for h in listed.hrefs()}
        assert {f"http://site/{prefix}negara/{slug}/" for slug in COUNTRIES} <= links, prefix
        summaries = [data["summary"][prefix.strip("/") or "id"] for data in COUNTRIES.values()]
        text = re.sub(r"<[^>]+>", "", (fixture_site / prefix / "negara" / "index.html").read_text(encoding="utf-8"))
        assert all(s in text for s in summaries), prefix


def test_procedure_and_country_pages_open_with_what_to_do_now(fixture_site):
    """Issue 32: the 'now' lines, in order, right after the summary: before the steps, the
    emergency number and the contacts; a link in a line is a link."""
    items = [("prosedur/jalur-resmi", load_yaml(FIXTURE_DATA / "procedures" / "jalur-resmi.yaml")),
             *((f"negara/{slug}", data) for slug, data in COUNTRIES.items())]
    for prefix, heading in (("", "Yang harus dilakukan sekarang"), ("en/", "What to do now")):
        lang = prefix.strip("/") or "id"
        for path, data in items:
            html = (fixture_site / prefix / path / "index.html").read_text(encoding="utf-8")
            box = re.search(r'<h2 id="now">([^<]+)</h2>\s*<ul class="pmi-now">(.*?)</ul>', html, re.S)
            assert box and box.group(1) == heading, (prefix, path)
            lines = [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", box.group(2), re.S)]
            expected = [re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", line[lang]) for line in data["now"]]
            assert lines == expected, (prefix, path)
            first_h2 = re.search(r'<h2 id="([a-z_]+)"', html).group(1)
            assert first_h2 == "now", (prefix, path)
    procedure = (fixture_site / "prosedur" / "jalur-resmi" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../organisasi/pemkab-banyuwangi/"' in procedure[procedure.index('class="pmi-now"'):]


# --- privacy ---------------------------------------------------------------------------

def test_no_third_party_loads_in_html_css_js(fixture_site):
    findings = privacy.scan(fixture_site, [LOCAL_HOST])
    assert findings == [], "\n".join(map(str, findings))
    assert not list((fixture_site / "assets" / "javascripts").glob("bundle.*"))  # no page loads it
    for pattern in THEME_UNUSED:  # Material's palette stylesheet and default favicon: no page loads them
        assert not list(fixture_site.glob(pattern)), pattern
    # what privacy.DORMANT relies on: no Material repository widget anywhere
    config = (Path(__file__).parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^repo_url:", config, re.M)
    assert not any('data-md-component="source"' in p.read_text(encoding="utf-8")
                   for p in fixture_site.rglob("*.html"))


def test_unused_theme_files_go_but_the_staffs_own_stay(tmp_path):
    site, docs = tmp_path / "site", tmp_path / "docs"
    for root in (site, docs):
        (root / "assets" / "images").mkdir(parents=True)
    (site / "assets" / "stylesheets").mkdir()
    (site / "assets" / "stylesheets" / "palette.abc123.min.css").write_text("x")
    (site / "assets" / "images" / "favicon.png").write_bytes(b"theirs")
    (docs / "assets" / "images" / "favicon.png").write_bytes(b"ours")  # a staff file MkDocs copied
    remove_unused_theme_files(site, docs)
    assert not (site / "assets" / "stylesheets" / "palette.abc123.min.css").exists()
    assert (site / "assets" / "images" / "favicon.png").exists()


def test_privacy_scan_finds_what_material_would_load(tmp_path):
    import material

    original = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    bundle = next(original.glob("bundle.*.min.js"))
    shutil.copy(bundle, tmp_path / bundle.name)
    (tmp_path / "a.css").write_text('@font-face{src:url("https://fonts.gstatic.com/x.woff2")}')
    (tmp_path / "p.html").write_text('<link rel="stylesheet" href="https://cdn.example.com/x.css">'
                                     '<a href="https://news.example.com/story">source</a>'
                                     '<img srcset="/a.png 1x, https://img.example.com/b.png 2x">')
    found = {f.url for f in privacy.scan(tmp_path, [LOCAL_HOST])}
    assert "https://unpkg.com/resize-observer-polyfill" in found
    assert {"https://fonts.gstatic.com/x.woff2", "https://cdn.example.com/x.css",
            "https://img.example.com/b.png"} <= found
    assert "https://news.example.com/story" not in found
