"""Interface strings (data/ui/<lang>.yaml) are content: loader checks, a schema of known keys,
bilingual errors with file, line and field; and whatever they hold never changes the markup."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from portal.content.errors import ContentInvalid
from portal.content.schema import ui_schema
from portal.site.strings import load_strings

from conftest import REAL_UI, ROOT, build_site, make_project

LANGS = ("id", "en")
UI = REAL_UI


@pytest.fixture
def ui(tmp_path) -> Path:
    dest = tmp_path / "data" / "ui"
    shutil.copytree(UI, dest)
    return dest


def _edit(ui: Path, lang: str, old: str, new: str) -> int:
    """Replace ``old`` in ``<lang>.yaml`` by ``new``; the line it was on."""
    path = ui / f"{lang}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


@pytest.mark.parametrize("lang,old,new,field,code", [
    ("en", "  programs: Programs\n", "  programs: Programs\n  programz: x\n", "section.programz", "E-UNKNOWN-FIELD"),
    ("en", "  programs: Programs\n", "  programs: Programs\n  programs: x\n", "section.programs", "E-DUPKEY"),
    ("en", "  programs: Programs\n", "  programs: &p Programs\n  procedures: *p\n", "", "E-ALIAS"),
    ("en", "  programs: Programs\n", "  programs: !!python/object:os.system x\n", "", "E-TAG"),
    ("en", "  programs: Programs\n", '  programs: "Prog\\u202erams"\n', "section.programs", "E-CHAR"),
    ("en", "  programs: Programs\n", '  programs: "Programs\\u0007"\n', "section.programs", "E-CHAR"),
    ("en", "  programs: Programs\n", "  programs: [Programs]\n", "section.programs", "E-TYPE"),
    ("en", 'last_reviewed: "', 'last_reviewed: "{date.__class__} ', "last_reviewed", "E-UI-FIELD"),
    ("en", 'last_reviewed: "', 'last_reviewed: "{0} {', "last_reviewed", "E-UI-FIELD"),
    ("id", "  programs: Program\n", "", "section.programs", "E-MISSING"),
])
def test_bad_interface_strings_are_refused_with_file_line_and_field(ui, lang, old, new, field, code):
    line = _edit(ui, lang, old, new)
    with pytest.raises(ContentInvalid) as info:
        load_strings(ui, LANGS)
    errors = [e for e in info.value.errors if e.code == code]
    assert errors, info.value.report()
    error = errors[0]
    assert error.file == f"data/ui/{lang}.yaml" and error.field == field, str(error)
    assert code == "E-MISSING" or abs(error.line - line) <= 1, str(error)
    assert " / " in str(error) and "Traceback" not in info.value.report()


def test_interface_strings_must_be_utf8(ui):
    (ui / "en.yaml").write_bytes("section:\n  programs: Program\xe9\n".encode("latin-1"))
    with pytest.raises(ContentInvalid, match=r"data/ui/en.yaml:1: \[E-ENCODING\]"):
        load_strings(ui, LANGS)


def test_translation_may_leave_keys_out_and_use_markup_characters(ui):
    _edit(ui, "en", "  programs: Programs\n", '  programs: "Jobs <abroad> & \\"more\\""\n')
    _edit(ui, "en", "  procedures: Procedures\n", "")
    strings = load_strings(ui, LANGS)
    assert strings["en"]("section.programs") == 'Jobs <abroad> & "more"'
    assert strings["en"]("section.procedures") == "Prosedur"


def _schema_keys(node: dict, prefix: str = "") -> set[str]:
    keys = set()
    for name, prop in node.get("properties", {}).items():
        keys.add(prefix + name)
        keys |= _schema_keys(prop, prefix + name + ".")
    return keys


def test_every_key_the_code_and_templates_use_is_in_the_schema():
    used = set()
    for path in [*ROOT.joinpath("hooks").rglob("*.py"), *ROOT.joinpath("overrides").rglob("*.html")]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+(?:\.[a-z_]+)+|[a-z_]{3,})["']""", text))
        used |= {f"checker.{k}" for k in re.findall(r'"([a-z_]+)"', text.split("UI_KEYS = (", 1)[1].split(")")[0])} \
            if "UI_KEYS = (" in text else set()
    used = {k for k in used if not k.endswith("_")}  # a prefix completed at run time (t("x_" + name))
    used -= {"nav", "header"}  # Material's own lang.t() keys in overrides/main.html and partials/header.html
    known = _schema_keys(ui_schema())
    assert len(used) > 50, used
    assert used <= known, sorted(used - known)
    assert set(_schema_keys(ui_schema())) >= set(f"{a}" for a in ("months", "months_long"))


MARK = ' Q"<i>&amp;\''


def _plant(value):
    if isinstance(value, dict):
        return {k: _plant(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plant(v) for v in value]
    return value + MARK


def test_quotes_and_angle_brackets_in_translations_never_change_the_markup(tmp_path):
    project = make_project(tmp_path / "project")
    for lang in LANGS:
        path = project / "data" / "ui" / f"{lang}.yaml"
        path.write_text(yaml.safe_dump(_plant(yaml.safe_load(path.read_text(encoding="utf-8"))),
                                       allow_unicode=True), encoding="utf-8")
    site = build_site(project, {"PORTAL_BROCHURES": "0"})
    pages = [p for p in site.rglob("*.html")]
    shown = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<i>&amp;" not in text and "<i>&amp;amp;" not in text, page
        shown += text.count("&lt;i&gt;&amp;amp;")
    assert shown > len(pages), shown  # the planted strings are on every page, escaped
