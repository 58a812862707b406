"""Build the fixture data with MkDocs and read the pages back."""
from __future__ import annotations

from pathlib import Path

from conftest import HtmlPage, make_project, run_build
from portal.site.urls import BROCHURE_DIR


def parse(path: Path) -> HtmlPage:
    return HtmlPage.read(path)


def switcher(page: HtmlPage) -> dict[str, str]:
    """The language switcher's links: language -> href."""
    return {a.attrs["hreflang"]: a.attrs["href"] for a in page.all("a")
            if "hreflang" in a.attrs and "md-select__link" in a.attrs.get("class", "")}


def test_program_page_in_both_languages(fixture_site):
    page_id = parse(fixture_site / "program" / "warung-naik-kelas" / "index.html")
    page_en = parse(fixture_site / "en" / "program" / "warung-naik-kelas" / "index.html")
    assert page_id.lang == "id" and page_en.lang == "en"
    assert "Warung Naik Kelas (Wenak)" in "".join(page_id.texts("h1"))
    assert "move up a class" in "".join(page_en.texts("h1"))


def test_language_switcher_leads_to_same_page(fixture_site):
    page_dir = fixture_site / "program" / "melati"
    links = switcher(parse(page_dir / "index.html"))
    assert (page_dir / links["en"]).resolve() == (fixture_site / "en" / "program" / "melati").resolve()
    en_dir = fixture_site / "en" / "program" / "melati"
    links_en = switcher(parse(en_dir / "index.html"))
    assert (en_dir / links_en["id"]).resolve() == page_dir.resolve()


def test_program_page_shows_sources_and_review_date(fixture_site):
    html = (fixture_site / "program" / "melati" / "index.html").read_text(encoding="utf-8")
    assert "ANTARA News Jawa Timur" in html
    assert "Terakhir ditinjau: 24 November 2026" in html
    assert "Diumumkan 2021" in html


def test_invalid_content_stops_the_build_with_located_error(tmp_path):
    project = make_project(tmp_path / "p")
    bad = project / "data" / "programs" / "melati.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("audience:", "audiense:"), encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert "data/programs/melati.yaml:" in result.stderr
    assert "E-UNKNOWN-FIELD" in result.stderr and "audiense" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site" / "program" / "melati").exists()


def test_generated_pages_stay_out_of_docs(tmp_path):
    project = make_project(tmp_path / "p")
    result = run_build(project, env={"PORTAL_BROCHURES": "0"})
    assert result.returncode == 0, result.stderr
    assert 'not included in the "nav"' not in result.stderr  # pages left out on purpose are not listed
    assert all(p.is_symlink() for p in (project / "docs").iterdir()), "only the hand-written pages are in docs/"
    html = (project / "site" / "program" / "melati" / "index.html").read_text(encoding="utf-8")
    assert "Melati (mengajar dan melatih dengan hati)" in html
    # without brochures (make serve's default), the brochures page says so instead of listing none
    for page, note in ((f"{BROCHURE_DIR}/index.html", "Brosur tidak dibuat di pratinjau ini (make serve)"),
                       (f"en/{BROCHURE_DIR}/index.html", "Brochures are not built in this preview (make serve)")):
        assert note in (project / "site" / page).read_text(encoding="utf-8")
    assert not list((project / "site" / BROCHURE_DIR).glob("*.pdf"))
