"""The eligibility checklist on program pages and the checker page, as built (no JavaScript)."""
from __future__ import annotations

import json
import re

from portal.content.validator import load_content
from portal.site.render import Renderer
from portal.site.strings import load_strings

from conftest import FIXTURE_DATA, HtmlPage, REAL_UI, ROOT, load_yaml

LANGS = ("id", "en")


def renderer(lang: str) -> Renderer:
    content = load_content(FIXTURE_DATA, LANGS, root=FIXTURE_DATA.parent)
    return Renderer(lang, content, load_strings(REAL_UI, LANGS)[lang])


def leaf(text_id: str, text_en: str, **criterion) -> dict:
    return {**criterion, "reason": {"id": text_id, "en": text_en}, "sources": ["x"]}


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", " ".join(HtmlPage(html).texts())).strip()


def test_nested_groups_keep_their_meaning():
    rule = {"all": [
        leaf("Anda calon PMI", "You are a prospective migrant worker", question="situasi", equals="calon_pmi"),
        {"any": [
            {"all": [leaf("A1", "A1", question="umur", at_least=18), leaf("A2", "A2", question="umur", at_most=39)]},
            leaf("B", "B", question="punya_usaha", equals=True)]},
        {"not": leaf("Anda buta warna", "You are colour-blind", question="buta_warna", equals=True)}]}
    html = renderer("id").rule(rule)
    # Top-level "all" is a flat list; "any" nests an explicit "all of" group; "not" is labelled.
    assert text_of(html) == ("Anda calon PMI Salah satu dari: Semua dari: A1 A2 B Bukan: Anda buta warna")
    assert html.count("<ul") == 4
    assert "One of: All of: A1 A2 B Not: You are colour-blind" in text_of(renderer("en").rule(rule))


def test_group_reason_is_one_line():
    rule = {"all": [{"all": [{"question": "umur", "at_least": 18}, {"question": "umur", "at_most": 39}],
                     "reason": {"id": "Anda berusia 18–39 tahun", "en": "You are 18–39 years old"}, "sources": ["x"]}]}
    assert text_of(renderer("id").rule(rule)) == "Anda berusia 18–39 tahun"


def test_program_page_shows_its_checklist_in_each_language(fixture_site):
    page_id = (fixture_site / "program" / "g-to-g-korea" / "index.html").read_text(encoding="utf-8")
    page_en = (fixture_site / "en" / "program" / "g-to-g-korea" / "index.html").read_text(encoding="utf-8")
    assert "Program ini mungkin cocok jika:" in page_id
    for text in ("Anda berusia 18–39 tahun", "Anda tidak buta warna", "Pendidikan terakhir Anda minimal SMP"):
        assert text in page_id
    for text in ("You are 18–39 years old", "You are not colour-blind"):
        assert text in page_en
    assert 'href="../../cek/"' in page_id and 'href="../../cek/"' in page_en


def test_unpublished_program_says_who_decides(fixture_site):
    page = (fixture_site / "en" / "program" / "warung-naik-kelas" / "index.html").read_text(encoding="utf-8")
    assert "The criteria for this programme are not published in our sources." in page
    assert "verified by the Banyuwangi Office of Cooperatives" in page


def test_checker_page_lists_every_checklist_without_javascript(fixture_site):
    for prefix, title, all_heading in (("", "Cek program untuk saya", "Semua program dan syaratnya"),
                                       ("en/", "Check which programmes fit you", "All programmes and their criteria")):
        html = (fixture_site / prefix / "cek" / "index.html").read_text(encoding="utf-8")
        assert f">{title}</h1>" in html and all_heading in html
        assert 'id="pmi-checker"' in html and "assets/portal/checker.js" in html
        for slug in ("g-to-g-korea", "melati", "warung-naik-kelas"):
            assert f'href="../program/{slug}/"' in html
        assert ("Anda berusia 18–39 tahun" if not prefix else "You are 18–39 years old") in html
    nav = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert 'href="cek/"' in nav and "Cek program" in nav
    assert "checker.js" not in nav  # the script loads on the checker page only


def test_compiled_rules_are_written_once_for_all_languages(fixture_site):
    data = json.loads((fixture_site / "assets" / "portal" / "eligibility.json").read_text(encoding="utf-8"))
    assert data["languages"] == ["id", "en"]
    assert [q["id"] for q in data["questions"]] == [q["id"] for q in load_yaml(FIXTURE_DATA / "questions.yaml")]
    korea = next(p for p in data["programs"] if p["slug"] == "g-to-g-korea")
    assert korea["published"] and korea["offered"] and korea["path"] == "program/g-to-g-korea/"
    assert korea["rule"]["all"][1]["reason"] == {"id": "Anda berusia 18–39 tahun", "en": "You are 18–39 years old"}
    assert "sources" not in json.dumps(korea["rule"])
    assert not (fixture_site / "en" / "assets" / "portal" / "eligibility.json").exists()
