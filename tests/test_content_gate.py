"""Content gate: text fields of every kind go through one Markdown parser (hooks/portal/content/markup.py).

Images, links out of bounds, headings, raw HTML tags, control characters and bidirectional
overrides are refused with file, line and field; honest "<" / ">" text and autolinks pass and
are shown as written; whatever reaches a page (or the checker's innerHTML) is the sanitised HTML.
"""
from __future__ import annotations

import dataclasses
import json

import pytest

from portal.content import markup
from portal.content.errors import ContentInvalid
from portal.content.validator import load_content
from portal.outputs.eligibility import compile_data
from portal.site.render import markdown_to_html
from portal.site.strings import load_strings

from conftest import FIXTURE_DATA, REAL_UI
from content_edits import KOREA, LANGS, MELATI, TODAY, line_of

PROCEDURE = "procedures/jalur-resmi.yaml"
ORGANIZATION = "organizations/pemkab-banyuwangi.yaml"

# (file, the fixture line holding the value, the field it is): a text field of every content kind
TEXT_FIELDS = [
    (MELATI, "  id: Melati (mengajar dan melatih dengan hati)", "title.id"),
    (KOREA, "  id: Menurut KP2MI (dikutip VoiceIndonesia", "description.id"),
    (KOREA, "        reason: {id: Anda ingin bekerja di Korea Selatan", "eligibility.rule.all[0].reason.id"),
    (PROCEDURE, "      id: Pendaftaran di LTSA atau Disnaker", "steps[0].title.id"),
    (PROCEDURE, "      id: Pendaftaran dan penandatanganan", "steps[0].body.id"),
    (ORGANIZATION, "  id: Pemerintah daerah Kabupaten Banyuwangi.", "description.id"),
    (ORGANIZATION, '  - id: "Dinas Koperasi, Usaha Mikro', "services[0].id"),
    ("glossary/pmi.yaml", "  id: Warga negara Indonesia yang akan", "definition.id"),
    ("sources/antara-jatim-2021-ipuk-pmi.yaml", "  id: Paparan Bupati Ipuk", "note.id"),
    ("questions.yaml", "    id: Apa situasi Anda sekarang?", "[0].text.id"),
    ("questions.yaml", "    id: Daftar desa Desbumi yang kami ketahui", "[{desbumi}].help.id"),
]
_QUESTION_IDS = [line for line in (FIXTURE_DATA / "questions.yaml").read_text(encoding="utf-8").splitlines()
                 if line.startswith("- id:")]
TEXT_FIELDS = [(file, line, field.format(desbumi=_QUESTION_IDS.index("- id: desa_desbumi"))) for file, line, field in TEXT_FIELDS]
"""(the Desbumi question's index is found, not pinned: questions are added before it)"""

HOSTILE = [
    ("inline image", "Lihat ![peta](https://evil.example/p.png) ini", "E-IMAGE"),
    ("image with a local path", "![x](../../../../../etc/passwd)", "E-IMAGE"),
    ("reference-style image", "Lihat ![peta][p]\n\n[p]: https://evil.example/p.png", "E-IMAGE"),
    ("javascript: link", "[klik](javascript:alert(1))", "E-LINK"),
    ("javascript: in a reference", "[klik][x]\n\n[x]: JavaScript:alert(1)", "E-LINK"),
    ("data: link", "[klik](data:text/html,<script>alert(1)</script>)", "E-LINK"),
    ("javascript: autolink", "<javascript:alert(1)>", "E-LINK"),
    ("protocol-relative link", "[klik](//evil.example/x)", "E-LINK"),
    ("root-absolute link", "[klik](/etc/passwd)", "E-LINK"),
    ("relative link out of the site", "[klik](../../../../etc/passwd)", "E-LINK"),
    ("link to a page that does not exist", "[klik](../../prosedur/tidak-ada/)", "E-LINK"),
    ("ATX heading", "# Judul palsu", "E-HEADING"),
    ("setext heading", "Judul palsu\n---", "E-HEADING"),
    ("inline HTML", "Ini <b>tebal</b>", "E-HTML"),
    ("script block", "<script>alert(1)</script>", "E-HTML"),
    ("HTML comment", "teks <!-- tersembunyi -->", "E-HTML"),
    ("right-to-left override", "Gaji \u202e5 juta", "E-CHAR"),
    ("bidi isolate", "Gaji \u2067x\u2069", "E-CHAR"),
    ("control character", "Gaji\u0007 5 juta", "E-CHAR"),
]


def _set(data, file: str, needle: str, value: str) -> None:
    """Replace the value on the fixture line starting with ``needle`` by ``value`` (a JSON string,
    which YAML reads as a double-quoted scalar)."""
    path = data / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, line in enumerate(lines) if line.startswith(needle))
    line = lines[i]
    key_end = line.index("id: ") + len("id: ")
    if line.lstrip().startswith("reason:"):  # a flow mapping: replace only the id text
        start = key_end
        end = line.index(", en:")
        lines[i] = line[:start] + json.dumps(value) + line[end:]
    else:
        lines[i] = line[:key_end] + json.dumps(value) + "\n"
    path.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("file,needle,field", TEXT_FIELDS, ids=[f[2] + "@" + f[0] for f in TEXT_FIELDS])
@pytest.mark.parametrize("name,text,code", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_text_is_refused_in_every_kind(data, file, needle, field, name, text, code):
    _set(data, file, needle, text)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    errors = [e for e in info.value.errors if e.code == code]
    assert errors, info.value.report()
    error = errors[0]
    assert (error.file, error.line, error.field) == (f"data/{file}", line_of(needle, file), field), str(error)
    assert " / " in str(error) and "Traceback" not in info.value.report()


@pytest.mark.parametrize("text", [
    "Gaji < Rp 5 juta, usia > 18 tahun",
    "Info: <https://kp2mi.go.id>",
    "Tulis ke <info@example.go.id> atau [surel](mailto:a@example.go.id)",
    "Lihat [jalur resmi](../../prosedur/jalur-resmi/) dan [Desbumi](../../organisasi/desa-desbumi/) ([PMI](../../glosarium/#pmi))",
    "Usia 18-39 (a < b > c), 5 > 3 dan x<y",
])
def test_honest_text_passes(data, text):
    _set(data, KOREA, "  id: Menurut KP2MI (dikutip VoiceIndonesia", text)
    load_content(data, LANGS, today=TODAY, root=data.parent)


def test_lt_gt_and_autolinks_render_as_written():
    assert markdown_to_html("Gaji < Rp 5 juta, usia > 18 tahun") == "<p>Gaji &lt; Rp 5 juta, usia &gt; 18 tahun</p>"
    assert markdown_to_html("<https://kp2mi.go.id>", inline=True) == \
        '<a href="https://kp2mi.go.id">https://kp2mi.go.id</a>'


@pytest.mark.parametrize("text,absent", [
    ("![x](https://evil.example/p.png)", "<img"),
    ("![x][p]\n\n[p]: https://evil.example/p.png", "<img"),
    ("<script>alert(1)</script>", "<script"),
    ("a <img src=x onerror=alert(1)> b", "<img"),
    ("[x](javascript:alert(1))", "href"),
    ("[x](//evil.example/)", "href"),
    ("# h", "<h1"),
])
def test_renderer_never_outputs_what_the_validator_refuses(text, absent):
    """Defence in depth: even unvalidated text renders without images, HTML or unsafe links."""
    assert absent not in markdown_to_html(text)


def test_checker_reasons_are_sanitised_html():
    """checker.js puts rule reasons into innerHTML: they are the renderer's HTML, never raw text."""
    content = load_content(FIXTURE_DATA, LANGS, today=TODAY, root=FIXTURE_DATA.parent)
    korea = next(p for p in content.programs if p.slug == "g-to-g-korea")
    rule = dict(korea.eligibility.rule)
    rule["all"] = [{**rule["all"][0], "reason": {"id": "<img src=x onerror=alert(1)> ![a](https://evil.example/)",
                                                  "en": "<script>alert(1)</script>"}}, *rule["all"][1:]]
    hostile = dataclasses.replace(korea, eligibility=dataclasses.replace(korea.eligibility, rule=rule))
    content = dataclasses.replace(content, programs=tuple(hostile if p is korea else p for p in content.programs))
    data = json.dumps(compile_data(content, load_strings(REAL_UI, LANGS)))
    assert "<img" not in data and "<script" not in data and "evil.example" not in data


def test_resolve_keeps_links_inside_the_site():
    assert markup.resolve("../../prosedur/x/", "program/melati/") == "prosedur/x/"
    assert markup.resolve("../x/#a", "prosedur/y/") == "prosedur/x/"
    assert markup.resolve("../../../x/", "program/melati/") is None
    assert markup.resolve("#anchor", "program/melati/") == "program/melati/"


def test_relative_links_are_kept_as_written(data):
    """A link to another page of the site stays relative, so it works wherever the site is served."""
    link = "[jalur resmi](../../prosedur/jalur-resmi/)"
    _set(data, KOREA, "  id: Menurut KP2MI (dikutip VoiceIndonesia", f"Lihat {link}.")
    content = load_content(data, LANGS, today=TODAY, root=data.parent)
    korea = next(p for p in content.programs if p.slug == "g-to-g-korea")
    assert '<a href="../../prosedur/jalur-resmi/">jalur resmi</a>' in markdown_to_html(korea.description["id"])


@pytest.mark.parametrize("file,needle,field", [
    ("sources/antara-jatim-2021-ipuk-pmi.yaml", 'title: "Bupati Banyuwangi paparkan', "title"),
    (ORGANIZATION, "short_name: Pemkab Banyuwangi", "short_name"),
])
def test_bidi_and_control_characters_are_refused_in_plain_strings_too(data, file, needle, field):
    path = data / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, line in enumerate(lines) if line.startswith(needle))
    lines[i] = needle.split(":")[0] + ': "Pemkab \\u202eiwgnauynaB"\n'
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    assert any(e.code == "E-CHAR" and e.field == field and e.line == line_of(needle, file)
               for e in info.value.errors), info.value.report()


def test_bad_characters_are_exactly_the_controls_and_bidi_overrides():
    import unicodedata

    from portal.content.loader import ALLOWED_CONTROLS, BIDI_CONTROLS, bad_character
    for code in range(0x10000):
        char = chr(code)
        refused = (char in BIDI_CONTROLS or unicodedata.category(char) == "Cc") and char not in ALLOWED_CONTROLS
        assert (bad_character(f"a{char}b") is not None) is refused, hex(code)
