"""What staff and readers see on generated pages: review date, stale notice, edit and report
links, redirects for old slugs, and raw HTML escaped."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from portal.content.validator import load_content
from portal.site.config import Options, from_mkdocs_file
from portal.site.pages import build_pages, program_page
from portal.site.render import Renderer, markdown_to_html
from portal.site.review import add_months, edit_url, is_stale, report_url
from portal.site.strings import load_strings

from conftest import FIXTURE_DATA, REAL_UI, ROOT, make_project, run_build

REPO = "https://github.com/example-org/portal-pmi"
LANGS = ("id", "en")


@pytest.fixture(scope="session")
def staff_build(tmp_path_factory):
    """The fixture with a stale page, an old slug and a repository URL, built once."""
    project = make_project(tmp_path_factory.mktemp("staff") / "p")
    melati = project / "data" / "programs" / "melati.yaml"
    melati.write_text(melati.read_text(encoding="utf-8").replace(
        'last_reviewed: "2026-11-24"', 'last_reviewed: "2020-01-15"'), encoding="utf-8")
    wenak = project / "data" / "programs" / "warung-naik-kelas.yaml"
    wenak.write_text(wenak.read_text(encoding="utf-8") + "old_slugs: [wenak, warung-naik]\n", encoding="utf-8")
    result = run_build(project, env={"PORTAL_REPO_URL": REPO})
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


def html(site: Path, *parts: str) -> str:
    return site.joinpath(*parts, "index.html").read_text(encoding="utf-8")


def test_every_item_page_shows_its_review_date_in_each_language(staff_build):
    site, _ = staff_build
    assert "Terakhir ditinjau: 15 Januari 2020" in html(site, "program", "melati")
    assert "Last reviewed: 15 January 2020" in html(site, "en", "program", "melati")
    assert "Terakhir ditinjau: 24 November 2026" in html(site, "organisasi", "pemkab-banyuwangi")


def test_stale_page_shows_a_notice_saying_whom_to_ask(staff_build):
    site, _ = staff_build
    page = html(site, "program", "melati")
    notice = re.search(r'<div class="pmi-stale" role="note">(.*?)</div>', page, re.S)
    assert notice, "no stale notice"
    assert "Informasi ini mungkin sudah tidak berlaku." in notice.group(1)
    assert "lebih dari 12 bulan" in notice.group(1) and "pos Desbumi" in notice.group(1)
    assert f'href="{REPO}/issues/new?' in notice.group(1)
    # before the content, not hidden at the bottom
    assert page.index("pmi-stale") < page.index("pmi-summary")
    en = html(site, "en", "program", "melati")
    assert "This information may be out of date." in en and "more than 12 months ago" in en


def test_fresh_page_has_no_notice(staff_build):
    site, _ = staff_build
    assert "pmi-stale" not in html(site, "program", "warung-naik-kelas")


def test_build_logs_stale_pages_at_info_and_stays_strict_clean(staff_build):
    _, log = staff_build
    line = next(l for l in log.splitlines() if "melati.yaml last reviewed 2020-01-15" in l)
    assert line.startswith("INFO")
    assert "WARNING" not in log


def test_edit_and_report_links_point_at_the_yaml_file(staff_build):
    site, _ = staff_build
    for page, label in ((html(site, "program", "warung-naik-kelas"), "Sunting halaman ini"),
                        (html(site, "en", "program", "warung-naik-kelas"), "Edit this page")):
        edit = re.search(r'<a class="pmi-edit-link" href="([^"]+)"[^>]*>([^<]+)</a>', page)
        assert edit and edit.group(2) == label
        assert edit.group(1) == f"{REPO}/edit/main/data/programs/warung-naik-kelas.yaml"
    report = re.search(r'<a class="pmi-report-link" href="([^"]+)"[^>]*>([^<]+)</a>',
                       html(site, "program", "warung-naik-kelas"))
    assert report.group(2) == "Laporkan informasi yang salah"
    url = urlsplit(report.group(1).replace("&amp;", "&"))
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/issues/new"
    assert "data/programs/warung-naik-kelas.yaml" in parse_qs(url.query)["body"][0]
    glossary = html(site, "glosarium")
    assert f'href="{REPO}/tree/main/data/glossary"' in glossary
    assert f'href="{REPO}/tree/main/data/programs"' in html(site, "program")


def test_no_github_api_and_no_material_repo_widget(staff_build):
    site, _ = staff_build
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "api.github.com" not in text and "md-source" not in text, page


def test_old_slugs_redirect_in_both_languages(staff_build):
    site, _ = staff_build
    for prefix, lang in (((), "id"), (("en",), "en")):
        for old in ("wenak", "warung-naik"):
            page = html(site, *prefix, "program", old)
            assert f'<html lang="{lang}">' in page
            assert '<meta http-equiv="refresh" content="0; url=../warung-naik-kelas/">' in page
            assert '<a href="../warung-naik-kelas/">' in page
            target = site.joinpath(*prefix, "program", old, "..", "warung-naik-kelas", "index.html").resolve()
            assert target.exists()
    assert 'rel="canonical" href="http://127.0.0.1:8000/en/program/warung-naik-kelas/"' in html(site, "en", "program", "wenak")


# --- without a build: options, URLs, escaping ---

def test_links_are_left_out_rather_than_invented():
    assert edit_url(Options(), "data/programs/x.yaml") is None
    assert report_url(Options(), "X", "data/programs/x.yaml") is None
    mail = report_url(Options(repo_url=REPO, report_email="info@example.org"), "X", "data/programs/x.yaml")
    assert mail.startswith("mailto:info@example.org?subject=")


def test_options_come_from_mkdocs_extra():
    options = Options.from_extra({"portal": {"repo_url": REPO + "/", "stale_after_months": 6, "report_email": "a@b.id"}})
    assert options == Options(repo_url=REPO, edit_branch="main", report_email="a@b.id", stale_after_months=6)
    assert from_mkdocs_file().options.stale_after_months == 12
    # Material's own repo_url would make readers' browsers call the GitHub API: not used.
    assert not re.search(r"^repo_(url|name):", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)


def test_staleness_is_counted_in_calendar_months():
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert not is_stale(dt.date(2025, 11, 24), dt.date(2026, 11, 24), 12)
    assert is_stale(dt.date(2025, 11, 23), dt.date(2026, 11, 24), 12)


@pytest.fixture(scope="module")
def content():
    return load_content(FIXTURE_DATA, LANGS, today=dt.date(2026, 11, 24), root=FIXTURE_DATA.parent)


def test_stale_after_months_is_configurable(content):
    strings = load_strings(REAL_UI, LANGS)
    today = dt.date(2027, 6, 1)  # melati reviewed 2026-11-24: 6 months and a week before
    short = build_pages(content, strings, Options(stale_after_months=6), today)["program/melati.id.md"]
    long = build_pages(content, strings, Options(stale_after_months=12), today)["program/melati.id.md"]
    assert "pmi-stale" in short and "lebih dari 6 bulan" in short
    assert "pmi-stale" not in long


def test_raw_html_is_escaped_when_rendered(content):
    assert "<script>" not in markdown_to_html("<script>alert(1)</script> **x**")
    assert "&lt;script&gt;" in markdown_to_html("<script>alert(1)</script>")
    assert markdown_to_html("[x](javascript:alert(1))") == "<p><a>x</a></p>"
    program = content.programs[0]
    hostile = dataclasses.replace(program, description={"id": "<script>alert(1)</script><img src=x onerror=alert(2)>",
                                                        "en": "<iframe src=//evil></iframe>"})
    strings = load_strings(REAL_UI, LANGS)
    for lang in LANGS:
        page = program_page(Renderer(lang, content, strings[lang]), hostile)
        assert "<script" not in page and "<img" not in page and "<iframe" not in page
        assert "&lt;script&gt;" in page or "&lt;iframe" in page
