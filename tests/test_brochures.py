"""Printable brochures: read every PDF back, decode the QR code, check the cache and the limits."""
from __future__ import annotations

import base64
import io
import re
import socket
import subprocess
from pathlib import Path

import pytest
import segno
from pypdf import PdfReader, PdfWriter

from conftest import FIXTURE_DATA, HtmlPage, POPPLER, REAL_UI, ROOT, copy_fixture_data, make_project, require_tool, run_build
from content_edits import drop_cases_about
from portal.build.paths import OutsideProject
from portal.content.rules import criteria
from portal.content.validator import load_content
from portal.outputs import brochures
from portal.outputs.brochure_pages import human_size
from portal.site.config import LOCAL_SITE_URL, Site
from portal.site.strings import load_strings
from portal.site.urls import BROCHURE_DIR

SITE_URL = "https://portal-pmi.example.org/"
LANGS = {"id": "", "en": "en/"}
PROGRAMS = {"melati": {"id": "Melati (mengajar dan melatih dengan hati)",
                       "en": 'Melati ("teaching and training with heart")'},
            "warung-naik-kelas": {"id": "Warung Naik Kelas (Wenak)",
                                  "en": 'Warung Naik Kelas (Wenak, "warungs move up a class")'}}
REVIEWED = {"id": "Terakhir ditinjau: 24 November 2026", "en": "Last reviewed: 24 November 2026"}
ABOUT = {"id": "Apa ini?", "en": "What is it?"}
BOOKLET = {"id": ("buku-saku-id.pdf", "Semua informasi (A4)", "Daftar isi"),
           "en": ("pocket-guide-en.pdf", "All information (A4)", "Contents")}


def text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def flat(value: str) -> str:
    return re.sub(r"\s+", " ", value)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The fixture built for a real host (SITE_URL set): brochures carry QR codes. Built once, with
    no PDF in its cache (the tests count what it renders)."""
    project = make_project(tmp_path_factory.mktemp("published") / "project", pdf_cache=False)
    result = run_build(project, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return project, result


# --- every PDF read back --------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", PROGRAMS)
def test_program_brochure_reads_back_in_its_language(fixture_site, slug, lang):
    pdf = fixture_site / LANGS[lang] / BROCHURE_DIR / f"{slug}-{lang}.pdf"
    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= brochures.MAX_PAGES
    body = flat(text(pdf))
    assert PROGRAMS[slug][lang] in body
    assert REVIEWED[lang] in body and ABOUT[lang] in body
    other = "en" if lang == "id" else "id"
    assert REVIEWED[other] not in body and ABOUT[other] not in body
    assert reader.metadata.title == PROGRAMS[slug][lang]


def test_eligibility_checklist_and_documents_have_tick_boxes(fixture_site):
    """Every criterion's reason and every document is on the brochure, each after a tick box."""
    content = load_content(FIXTURE_DATA, tuple(LANGS), root=FIXTURE_DATA.parent)
    html = {j.name: j.html for j in brochures.jobs(_site(ROOT), content, load_strings(REAL_UI, tuple(LANGS)))}
    checked = 0
    for program in content.programs:
        rule = program.eligibility.rule
        lines = [*(leaf["reason"] for leaf in (criteria(rule) if rule else ()) if "reason" in leaf),
                 *program.documents]
        for lang, prefix in LANGS.items():
            pdf = fixture_site / prefix / BROCHURE_DIR / f"{program.slug}-{lang}.pdf"
            body = flat(text(pdf))
            for line in lines:
                assert flat(line[lang]) in body, (program.slug, line[lang])
                checked += 1
            assert html[pdf.name].count('class="pmi-box"') >= len(lines)
    assert checked, "the fixture has no criteria or documents to check"


KIT = {"id": ["buku-saku-a6-id.pdf", "buku-saku-cetak-a4-id.pdf", "poster-a3-id.pdf", "poster-a4-id.pdf"],
       "en": ["pocket-guide-a6-en.pdf", "pocket-guide-print-a4-en.pdf", "poster-a3-en.pdf", "poster-a4-en.pdf"]}


def test_every_program_has_a_brochure_in_every_language_and_nothing_else(fixture_site):
    for lang, prefix in LANGS.items():
        found = sorted(p.name for p in (fixture_site / prefix / BROCHURE_DIR).glob("*.pdf"))
        slugs = [path.stem for path in (FIXTURE_DATA / "programs").glob("*.yaml")]
        assert found == sorted([BOOKLET[lang][0], *KIT[lang], *(f"{slug}-{lang}.pdf" for slug in slugs)])


@pytest.mark.parametrize("lang", LANGS)
def test_booklet_has_contents_with_page_numbers_every_program_and_the_glossary(fixture_site, lang):
    name, title, contents = BOOKLET[lang]
    reader = PdfReader(fixture_site / LANGS[lang] / BROCHURE_DIR / name)
    pages = [flat(p.extract_text()) for p in reader.pages]
    assert title in pages[0] and contents in pages[0]
    for number, page in enumerate(pages, 1):
        assert f"{number} / {len(pages)}" in page  # page numbers in the footer
    glossary = "Glosarium" if lang == "id" else "Glossary"
    for title in [*(titles[lang] for titles in PROGRAMS.values()), glossary]:
        # the contents give the page each chapter starts on, and the chapter is on that page
        entry = re.search(re.escape(title) + r"[ .]*?(\d+)\b", pages[0])
        assert entry, (title, pages[0])
        assert title in pages[int(entry.group(1)) - 1]
    assert "purna PMI" in " ".join(pages[1:])
    fixture = load_content(FIXTURE_DATA, tuple(LANGS), root=FIXTURE_DATA.parent)
    for procedure in fixture.procedures:  # the legal-route procedure, when the fixture has one
        assert flat(procedure.title[lang]) in pages[0]
    assert REVIEWED[lang] in " ".join(pages)


def test_local_preview_brochures_are_drafts_without_qr_code(fixture_site, tmp_path):
    import zxingcpp
    from PIL import Image

    pdf = fixture_site / BROCHURE_DIR / "melati-id.pdf"
    assert "DRAFT" in text(pdf)
    subprocess.run([require_tool("pdftoppm", POPPLER), "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    assert zxingcpp.read_barcodes(Image.open(next(tmp_path.glob("p*.png")))) == []


# --- QR code and cache (site built for a real host) -----------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_qr_code_decodes_to_the_program_page_in_the_same_language(published, tmp_path, lang):
    import zxingcpp
    from PIL import Image

    project, _ = published
    pdf = project / "site" / LANGS[lang] / BROCHURE_DIR / f"warung-naik-kelas-{lang}.pdf"
    assert "DRAFT" not in text(pdf)
    subprocess.run([require_tool("pdftoppm", POPPLER), "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    codes = zxingcpp.read_barcodes(Image.open(next(tmp_path.glob("p*.png"))))
    url = f"{SITE_URL}{LANGS[lang]}program/warung-naik-kelas/"
    assert [c.text for c in codes] == [url]
    assert (project / "site" / LANGS[lang] / "program" / "warung-naik-kelas" / "index.html").exists()
    assert url in flat(text(pdf))  # "printed from <url>"


def pdf_count() -> int:
    """Brochures the fixture makes: one per program per language, plus one booklet per language."""
    return (len(list((FIXTURE_DATA / "programs").glob("*.yaml"))) + 1) * len(LANGS)


def test_rebuild_without_change_renders_no_pdf(published):
    project, first = published
    assert f"brochures: {pdf_count()} rendered, 0 from cache" in first.stderr
    again = run_build(project, env={"SITE_URL": SITE_URL})
    assert again.returncode == 0, again.stderr
    assert f"brochures: 0 rendered, {pdf_count()} from cache" in again.stderr
    assert (project / "site" / "en" / BROCHURE_DIR / "melati-en.pdf").exists()  # copied again after site/ was emptied
    assert not list((project / "docs").rglob("*.pdf"))  # the cache lives outside docs/ and site/


def test_changed_content_renders_only_its_brochures(published):
    project, _ = published
    melati = project / "data" / "programs" / "melati.yaml"
    melati.write_text(melati.read_text(encoding="utf-8").replace(
        "Tanyakan ke Pemkab Banyuwangi atau pos Desbumi", "Tanyakan ke pos Desbumi atau Pemkab Banyuwangi"),
        encoding="utf-8")
    result = run_build(project, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    # melati and the booklet in Indonesian, and in English too: the English text did not change, but
    # it now carries the "translation may be out of date" notice (its source text changed)
    assert f"brochures: 4 rendered, {pdf_count() - 4} from cache" in result.stderr
    assert len(list((project / ".cache" / "brochures").rglob("*.pdf"))) == pdf_count()  # stale ones removed


# --- where readers find them ------------------------------------------------------------------

def anchors(path: Path) -> list[tuple[str, str]]:
    """(href, text) of every link of the page."""
    page = HtmlPage.read(path)
    return [(a.attrs.get("href", ""), page.text_of(a)) for a in page.all("a")]


@pytest.mark.parametrize("lang,label", [("id", "Unduh brosur"), ("en", "Download brochure")])
def test_program_page_links_its_brochure_with_the_real_size(fixture_site, lang, label):
    page = fixture_site / LANGS[lang] / "program" / "melati" / "index.html"
    links = [(href, txt) for href, txt in anchors(page) if txt.startswith(label)]
    assert len(links) == 1
    href, txt = links[0]
    pdf = (page.parent / href).resolve()
    assert pdf == (fixture_site / LANGS[lang] / BROCHURE_DIR / f"melati-{lang}.pdf").resolve()
    assert txt == f"{label} (PDF, {human_size(pdf.stat().st_size)})"


@pytest.mark.parametrize("lang", LANGS)
def test_brochures_page_lists_every_pdf_with_size_and_date(fixture_site, lang):
    page = fixture_site / LANGS[lang] / BROCHURE_DIR / "index.html"
    html = page.read_text(encoding="utf-8")
    pdfs = sorted((page.parent).glob("*.pdf"))
    listed = {(page.parent / href).resolve() for href, _ in anchors(page) if href.endswith(".pdf")}
    assert listed == {p.resolve() for p in pdfs}
    for pdf in pdfs:
        assert f"<td>{human_size(pdf.stat().st_size)}</td>" in html
    assert "<td>24 Nov 2026</td>" in html
    nav = "Brosur" if lang == "id" else "Brochures"
    home = anchors(fixture_site / LANGS[lang] / "index.html")
    assert any(txt.strip() == nav for _, txt in home)


def test_print_stylesheet_hides_navigation_and_shows_link_targets(page, served_site):
    page.goto(served_site + "en/program/melati/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("h1").first.is_visible()
    after = page.evaluate("""() => {
        const a = document.createElement('a'); a.href = 'https://example.org/x'; a.textContent = 'x';
        document.querySelector('.md-typeset').appendChild(a);
        return getComputedStyle(a, '::after').content; }""")
    assert after != "none" and ("example.org/x" in after or "attr(href)" in after), after


# --- limits, errors and inputs -----------------------------------------------------------------

def test_brochure_over_two_pages_stops_the_build_naming_program_and_pages(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "data" / "programs" / "melati.yaml").unlink()
    drop_cases_about(project / "data", "melati")
    wenak = project / "data" / "programs" / "warung-naik-kelas.yaml"
    long = "Kalimat panjang untuk menguji batas halaman brosur. " * 120
    wenak.write_text(wenak.read_text(encoding="utf-8").replace(
        "description:\n  id: |\n", f"description:\n  id: |\n    {long}\n"), encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert "data/programs/warung-naik-kelas.yaml" in result.stderr
    assert re.search(r"brochure of program 'warung-naik-kelas' \(id\) has [3-9] pages; at most 2", result.stderr)
    assert "E-BROCHURE-PAGES" in result.stderr and "Traceback" not in result.stderr
    assert "(en)" not in result.stderr  # the English text is short enough
    assert not (project / "site" / BROCHURE_DIR).exists()


def _site(root: Path, site_url: str = LOCAL_SITE_URL) -> Site:
    return Site(root=root, data_dir=root / "data", docs_dir=root / "docs", site_dir=root / "site",
                languages=("id", "en"), site_url=site_url)


def _data_with(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "project"
    copy_fixture_data(root / "data", ui=True)
    (root / "overrides").symlink_to(ROOT / "overrides")
    for rel, body in files.items():
        (root / "data" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "data" / rel).write_text(body, encoding="utf-8")
    return root


PROCEDURE = """\
title: {id: Prosedur uji, en: Test procedure}
summary: {id: Ringkasan uji., en: Test summary.}
audience: [calon_pmi]
now:
  - {id: Lakukan ini dulu., en: Do this first.}
steps:
  - title: {id: Langkah uji pertama, en: First test step}
    documents:
      - {id: Dokumen uji, en: Test document}
sources: [antara-jatim-2021-ipuk-pmi]
last_reviewed: "2026-11-24"
"""
PROPOSAL = """\
title: {id: Usulan uji, en: Test proposal}
summary: {id: Ringkasan usulan., en: Proposal summary.}
raised_by: {id: Warga, en: Residents}
raised_at: {id: Musrenbang, en: Musrenbang}
sources: [zone-2024-12-13-musrenbang]
last_reviewed: "2026-11-24"
"""


def test_booklet_carries_procedures_and_proposals_get_no_brochure(tmp_path):
    root = _data_with(tmp_path, {"procedures/uji.yaml": PROCEDURE, "proposals/usul.yaml": PROPOSAL})
    site = _site(root)
    content = load_content(site.data_dir, site.languages, root=root)
    assert content.proposals and content.procedures
    jobs = brochures.jobs(site, content, load_strings(site.data_dir / "ui", site.languages))
    programs = [p.slug for p in content.programs]
    assert sorted(j.name for j in jobs) == sorted(
        [*(f"{slug}-{lang}.pdf" for slug in programs for lang in LANGS), "buku-saku-id.pdf", "pocket-guide-en.pdf"])
    booklet = next(j for j in jobs if j.name == "pocket-guide-en.pdf")
    assert 'href="#procedure-uji">Test procedure</a>' in booklet.html  # in the contents
    assert "First test step" in booklet.html and "Test document" in booklet.html
    box = booklet.html.index("Do this first.")  # what to do now, before the steps
    assert booklet.html.index("What to do now") < box < booklet.html.index("First test step")
    assert "Usulan uji" not in booklet.html and "Test proposal" not in booklet.html


def test_calo_warning_only_for_prospective_migrant_workers(tmp_path):
    root = _data_with(tmp_path, {})
    melati = root / "data" / "programs" / "melati.yaml"
    melati.write_text(melati.read_text(encoding="utf-8").replace(
        "audience: [anak_pmi, keluarga]",
        "audience: [calon_pmi]\nwarnings: [{id: Awas calo; cek di Jendela PMI, en: Beware of calo; check Jendela PMI}]"),
        encoding="utf-8")
    site = _site(root)
    content = load_content(site.data_dir, site.languages, root=root)
    jobs = {j.name: j.html for j in brochures.jobs(site, content, load_strings(site.data_dir / "ui", site.languages))}
    assert "Do not pay money to a broker (calo)" in jobs["melati-en.pdf"]
    assert "calo" not in jobs["warung-naik-kelas-en.pdf"]


def test_cache_key_follows_every_input():
    fonts = brochures.font_files()
    base = brochures.cache_key("<p>a</p>", "p{}", fonts, SITE_URL)
    assert base == brochures.cache_key("<p>a</p>", "p{}", fonts, SITE_URL)
    assert base != brochures.cache_key("<p>b</p>", "p{}", fonts, SITE_URL)
    assert base != brochures.cache_key("<p>a</p>", "p{color:red}", fonts, SITE_URL)
    assert base != brochures.cache_key("<p>a</p>", "p{}", fonts, "https://other.example.org/")
    assert base != brochures.cache_key("<p>a</p>", "p{}", {"normal": fonts["bold"]}, SITE_URL)


@pytest.mark.parametrize("url,local", [(LOCAL_SITE_URL, True), ("http://127.0.0.1:8765/", True),
                                       ("http://localhost:8000/", True), (SITE_URL, False)])
def test_any_loopback_address_is_a_local_preview(url, local):
    assert _site(Path("/x"), url).is_local_preview is local


def test_missing_font_says_how_to_install_it(tmp_path):
    with pytest.raises(brochures.BrochureError, match="apt-get install fonts-dejavu-core"):
        brochures.font_files([tmp_path])


def _blank_pdf(html: str) -> bytes:
    """A real one-page PDF, made at once: the cache and the benchmark are tested with it, the
    renderer on the built sites (build tier)."""
    out = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=100, height=100)
    writer.add_metadata({"/Subject": html})  # as long as its HTML, like a real one
    writer.write(out)
    return out.getvalue()


def test_benchmark_times_every_brochure(tmp_path, monkeypatch):
    """One timing per brochure and booklet, each with the size and pages of what was rendered."""
    root = _data_with(tmp_path, {})
    rendered = []
    monkeypatch.setattr(brochures, "render_pdf", lambda html, css, base: (rendered.append(html) or _blank_pdf(html), 2))
    timings = brochures.benchmark(_site(root, SITE_URL))
    assert {(t.lang, t.name) for t in timings} >= {("id", "melati-id.pdf"), ("en", "pocket-guide-en.pdf")}
    assert len(timings) == len(rendered) == pdf_count()
    assert all(t.seconds >= 0 and t.bytes == len(_blank_pdf(html)) and t.pages == 2
               for t, html in zip(timings, rendered))
    assert sorted(t.name for t in timings if t.booklet) == ["buku-saku-id.pdf", "pocket-guide-en.pdf"]


def test_paper_prints_link_addresses_once(tmp_path):
    html = ('<ul class="pmi-contacts"><li class="pmi-contact pmi-contact--web">'
            '<a href="https://x.example.org/">https://x.example.org/</a></li></ul>'
            '<p><a href="https://y.example.org/a">A source</a></p>')
    css = brochures.stylesheet(_site(ROOT), brochures.font_files())
    pdf, pages = brochures.render_pdf(f"<!doctype html><html lang='en'><body>{html}</body></html>", css, tmp_path)
    (tmp_path / "x.pdf").write_bytes(pdf)
    body = flat(text(tmp_path / "x.pdf"))
    assert body.count("x.example.org") == 1
    assert "A source (https://y.example.org/a)" in body


def _png(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    segno.make("x").save(str(path), kind="png", scale=10)
    return path


def test_weasyprint_reads_only_templates_and_fonts(tmp_path, monkeypatch):
    """Hostile HTML in a brochure (images, stylesheets, CSS url() and @import; from another host or
    from a local file outside the templates) makes no network request and reads no other file."""
    connects = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: connects.append(address))
    templates = tmp_path / "brochure"
    own = _png(templates / "own.png")
    secret = _png(tmp_path / "secret" / "private.png")
    hostile = (f'<img src="https://evil.example/p.png"><img src="//evil.example/q.png">'
               f'<img src="{secret.as_uri()}"><img src="../secret/private.png">'
               f'<img src="data:image/png;base64,{base64.b64encode(secret.read_bytes()).decode()}">'
               f'<link rel="stylesheet" href="http://evil.example/s.css">'
               f'<style>@import url("https://evil.example/i.css"); p {{ background: url("{secret.as_uri()}") }}</style>'
               f'<p style="background: url(https://evil.example/b.png)">x</p>')
    css = brochures.stylesheet(_site(ROOT), brochures.font_files())
    pdf, _ = brochures.render_pdf(f"<!doctype html><html><body>{hostile}</body></html>", css, templates)
    (tmp_path / "hostile.pdf").write_bytes(pdf)
    assert connects == []
    assert sum(len(p.images) for p in PdfReader(tmp_path / "hostile.pdf").pages) == 0
    # the control: an image among the templates is read, so the fetcher does work
    pdf, _ = brochures.render_pdf(f'<!doctype html><html><body><img src="{own.name}"></body></html>', css, templates)
    (tmp_path / "own.pdf").write_bytes(pdf)
    assert sum(len(p.images) for p in PdfReader(tmp_path / "own.pdf").pages) == 1
    assert connects == []


def test_allowed_file_is_templates_and_fonts_only(tmp_path):
    font = brochures.font_files()["normal"]
    assert brochures.allowed_file((tmp_path / "a.css").as_uri(), tmp_path, [font]) == (tmp_path / "a.css").resolve()
    assert brochures.allowed_file(font.as_uri(), tmp_path, [font]) == font.resolve()
    for url in ("https://evil.example/a.png", (tmp_path / ".." / "x.png").as_uri(), "file:///etc/passwd",
                "file://evil.example/share/x.png", "data:image/png;base64,AAAA", "ftp://evil.example/x"):
        assert brochures.allowed_file(url, tmp_path, [font]) is None, url


def test_damaged_cached_pdf_is_rendered_again_and_foreign_files_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(brochures, "render_all", lambda documents, css, base: [(_blank_pdf(h), 1) for h in documents])
    root = _data_with(tmp_path, {})
    site = _site(root)
    content = load_content(site.data_dir, site.languages, root=root)
    strings = load_strings(site.data_dir / "ui", site.languages)
    first = brochures.make_all(site, content, strings)
    truncated, unchecked = first.brochures[0].cache_file, first.brochures[1].cache_file
    truncated.write_bytes(truncated.read_bytes()[:1000])
    brochures.checksum_file(unchecked).unlink()
    foreign = truncated.parent / "catatan.txt"
    foreign.write_text("not the build's\n", encoding="utf-8")
    again = brochures.make_all(site, content, strings)
    assert (again.rendered, again.cached) == (2, len(first.brochures) - 2)
    for pdf in (truncated, unchecked):
        assert brochures.is_intact(pdf) and PdfReader(pdf).pages
    assert foreign.read_text(encoding="utf-8") == "not the build's\n"
    assert brochures.make_all(site, content, strings).rendered == 0


def test_cache_linked_out_of_the_project_is_refused(tmp_path):
    root = _data_with(tmp_path, {})
    (tmp_path / "elsewhere").mkdir()
    (root / ".cache").symlink_to(tmp_path / "elsewhere")
    site = _site(root)
    content = load_content(site.data_dir, site.languages, root=root)
    with pytest.raises(OutsideProject):
        brochures.make_all(site, content, load_strings(site.data_dir / "ui", site.languages))
    assert not any((tmp_path / "elsewhere").iterdir())


def test_make_serve_leaves_brochures_out_and_serve_full_brings_them_back():
    def recipe(target: str, env: dict | None = None) -> str:
        import os
        return subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, **(env or {})}).stdout
    assert "PORTAL_BROCHURES=${PORTAL_BROCHURES:-0} .venv/bin/mkdocs serve" in recipe("serve")
    assert "PORTAL_BROCHURES=1 .venv/bin/mkdocs serve" in recipe("serve-full")
