"""Paragraphs stay paragraphs: a line break in a text starts a paragraph on the page, in the
checker and in the brochures; a line after a list that joins its last item is a warning."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import FIXTURE_TODAY, copy_fixture_data, make_project, run_build
from portal.content import readability
from portal.content.markup import swallowed_lines, to_html
from portal.content.validator import load_content

LANGS = ("id", "en")


def paragraphs(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", p).strip() for p in re.findall(r"<p>(.*?)</p>", html, re.S)]


def test_a_line_break_starts_a_paragraph_as_a_blank_line_does():
    assert paragraphs(to_html("Satu.\nDua.")) == paragraphs(to_html("Satu.\n\nDua.")) == ["Satu.", "Dua."]
    assert paragraphs(to_html("Satu.\nDua.\n\n\nTiga.")) == ["Satu.", "Dua.", "Tiga."]


def test_a_break_inside_emphasis_or_a_tight_list_item_is_a_line_break():
    assert paragraphs(to_html("**Satu\nDua** tiga")) == ["<strong>Satu<br /> Dua</strong> tiga"]
    html = to_html("Bawa:\n- KTP\n- KK\n  asli")
    assert paragraphs(html) == ["Bawa:"]
    assert re.findall(r"<li>(.*?)</li>", html, re.S) == ["KTP", "KK<br />\nasli"]


def test_folded_yaml_with_single_blank_lines_keeps_its_paragraphs():
    """The form `make fmt` and the web editor write for a long text with line breaks."""
    text = yaml.safe_load("t: >\n  Satu satu\n  satu.\n\n  Dua.\n\n  Tiga.\n")["t"]
    assert paragraphs(to_html(text)) == ["Satu satu satu.", "Dua.", "Tiga."]


def test_a_line_right_after_a_list_is_named():
    assert swallowed_lines("Bawa:\n- KTP\n- KK\nLalu datang.") == ["Lalu datang."]
    assert swallowed_lines("Bawa:\n- KTP\n- KK\n\nLalu datang.") == []
    assert swallowed_lines("1. KTP\n   asli\n2. KK") == []


def _set(data: Path, file: str, path: tuple, value: str) -> None:
    """Replace the text at ``path`` of ``file`` (its other lines as they are) by ``value``."""
    target = data / file
    text = target.read_text(encoding="utf-8")
    node = yaml.compose(text)
    for part in path:
        node = (node.value[part] if isinstance(part, int)
                else next(v for k, v in node.value if k.value == part))
    end = node.end_mark.index
    block = node.style in ("|", ">")
    target.write_text(text[:node.start_mark.index] + json.dumps(value, ensure_ascii=False)
                      + ("\n" if block else "") + text[end:], encoding="utf-8")


KINDS = {  # a text field of each kind -> where it shows (page, or the checker's data)
    "A": ("programs/melati.yaml", ("description",), "program/melati/"),
    "B": ("programs/warung-naik-kelas.yaml", ("benefits", 0), "program/warung-naik-kelas/"),
    "C": ("procedures/jalur-resmi.yaml", ("steps", 0, "body"), "prosedur/jalur-resmi/"),
    "D": ("countries/hong-kong.yaml", ("emergency",), "negara/hong-kong/"),
    "E": ("organizations/desa-desbumi.yaml", ("description",), "organisasi/desa-desbumi/"),
    "F": ("glossary/pmi.yaml", ("definition",), "glosarium/"),
    "G": ("questions.yaml", (1, "help"), None),
}


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """The fixture with a two-paragraph text (one line break) in a field of each kind, built."""
    root = tmp_path_factory.mktemp("paragraphs")
    data = copy_fixture_data(root / "data")
    for key, (file, path, _) in KINDS.items():
        for lang in LANGS:
            _set(data, file, path + (lang,), f"Paragraf {key}{lang} satu.\nParagraf {key}{lang} dua.")
    project = make_project(root / "project", data=data)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", [k for k, kind in KINDS.items() if kind[2]])
def test_each_kind_of_text_shows_its_paragraphs_on_the_page(planted, key, lang):
    page = planted / ("" if lang == "id" else "en") / KINDS[key][2] / "index.html"
    found = paragraphs(page.read_text(encoding="utf-8"))
    at = found.index(f"Paragraf {key}{lang} satu.")
    assert found[at + 1] == f"Paragraf {key}{lang} dua."


def test_the_checker_shows_the_paragraphs_of_a_question_help(planted):
    data = json.loads((planted / "assets" / "portal" / "eligibility.json").read_text(encoding="utf-8"))
    helps = json.dumps(data, ensure_ascii=False)
    for lang in LANGS:
        assert f"<p>Paragraf G{lang} satu.</p>\\n<p>Paragraf G{lang} dua.</p>" in helps


@pytest.mark.parametrize("lang", LANGS)
def test_the_brochure_shows_the_paragraphs(planted, lang):
    pdf = planted / ("" if lang == "id" else "en") / "brosur" / f"melati-{lang}.pdf"
    body = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert re.search(rf"Paragraf A{lang} satu\.[ \t]*\n[ \t]*Paragraf A{lang} dua\.", body), body


def test_status_warns_of_a_paragraph_a_list_swallows(data):
    _set(data, "programs/melati.yaml", ("description", "en"), "Bring:\n- your ID card\n- your family card\nThen come.")
    content = load_content(data, LANGS, dt.date.fromisoformat(FIXTURE_TODAY), root=data.parent)
    found = [w for w in readability.check(content) if "Then come." in w.message_en]
    assert [(w.file.endswith("programs/melati.yaml"), w.field) for w in found] == [(True, "description.en")]
