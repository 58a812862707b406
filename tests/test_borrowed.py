"""The internals of MkDocs, Material and mkdocs-static-i18n we rely on (listed in
portal/mkdocs/borrowed.py) are still there in the installed versions."""
from __future__ import annotations

import hashlib
import importlib
import inspect
import re
from pathlib import Path

import material
import pytest

from conftest import ROOT
from portal.mkdocs.borrowed import (ATTRIBUTES, TEMPLATE_USES, TEMPLATES, THEME_SCRIPTS, THEME_STYLESHEET,
                                    THEME_UNUSED, Attribute)

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
_TAG = re.compile(r"\{%-?\s*(block\s+\w+|endblock)\b[^%]*%\}")


def template_block(text: str, name: str) -> str:
    """The text of ``{% block name %}`` … its ``{% endblock %}`` (nested blocks included)."""
    start = re.search(r"\{%-?\s*block\s+" + name + r"\s*-?%\}", text)
    assert start, f"no block {name}"
    depth, pos = 1, start.end()
    while depth:
        tag = _TAG.search(text, pos)
        pos = tag.end()
        depth += 1 if tag.group(1).startswith("block") else -1
    return text[start.start():pos]


def _source(entry: Attribute) -> str:
    obj = importlib.import_module(entry.module)
    for part in entry.qualname.split("."):
        obj = getattr(obj, part, None)
        assert obj is not None, f"{entry.module}.{entry.qualname} is gone: {entry.used_in} relies on it ({entry.why})"
    return inspect.getsource(obj.fget if isinstance(obj, property) else obj)


@pytest.mark.parametrize("entry", ATTRIBUTES, ids=lambda e: f"{e.module}.{e.qualname}")
def test_borrowed_code_is_unchanged(entry):
    source = _source(entry)
    missing = [need for need in entry.needs if need not in source]
    assert not missing, (f"{entry.module}.{entry.qualname} no longer has {missing}: an upgrade changed what "
                         f"{entry.used_in} relies on ({entry.why}). Adapt it, then update borrowed.py.")


@pytest.mark.parametrize("use", TEMPLATE_USES, ids=lambda u: u.material)
def test_material_templates_still_read_what_we_set(use):
    text = (MATERIAL_TEMPLATES / use.material).read_text(encoding="utf-8")
    missing = [need for need in use.needs if need not in text]
    assert not missing, f"Material's {use.material} no longer has {missing}: {use.used_in} relies on it ({use.why})"


@pytest.mark.parametrize("copy", TEMPLATES, ids=lambda c: f"{c.material}:{c.block or '*'}")
def test_copied_templates_match_the_installed_material(copy):
    assert (ROOT / copy.ours).exists(), copy.ours
    text = (MATERIAL_TEMPLATES / copy.material).read_text(encoding="utf-8")
    original = template_block(text, copy.block) if copy.block else text
    assert hashlib.sha256(original.encode("utf-8")).hexdigest() == copy.sha256, (
        f"Material changed {copy.material}" + (f" (block {copy.block})" if copy.block else "")
        + f" since {copy.ours} was written ({copy.why}): compare the two, carry the change over, "
        "then put the new hash in portal/mkdocs/borrowed.py")


def test_material_still_ships_the_scripts_we_leave_out():
    assets = MATERIAL_TEMPLATES
    for pattern in THEME_SCRIPTS:
        assert list(assets.glob(pattern)), f"Material no longer ships {pattern}: update borrowed.THEME_SCRIPTS"


def test_material_still_ships_the_unused_files_we_leave_out():
    for pattern in THEME_UNUSED:
        assert list(MATERIAL_TEMPLATES.glob(pattern)), f"Material no longer ships {pattern}: update borrowed.THEME_UNUSED"


def test_material_still_ships_the_stylesheet_we_trim():
    assert len(list(MATERIAL_TEMPLATES.glob(THEME_STYLESHEET))) == 1, "update borrowed.THEME_STYLESHEET"


def test_template_block_reads_nested_blocks():
    text = "{% block a %}x{% block b %}y{% endblock %}z{% endblock %} tail"
    assert template_block(text, "a") == "{% block a %}x{% block b %}y{% endblock %}z{% endblock %}"
    assert template_block(text, "b") == "{% block b %}y{% endblock %}"


def test_only_the_listed_modules_touch_the_i18n_plugin():
    """``config.plugins["i18n"]`` is read in portal/mkdocs/i18n.py alone, so the list stays whole."""
    hooks = ROOT / "hooks"
    readers = sorted(str(path.relative_to(hooks)) for path in hooks.rglob("*.py")
                     if 'plugins["i18n"]' in path.read_text(encoding="utf-8"))
    assert readers == ["portal/mkdocs/i18n.py"]


def test_main_template_has_only_material_blocks_each_replaced_one_listed():
    """``overrides/main.html`` fills Material's blocks only (a block of our own would be an
    extension point nothing fills); each it replaces rather than extends (no ``super()``) is
    listed in borrowed.TEMPLATES, so an upgrade that changes it is noticed."""
    ours = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    material_base = (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")
    listed = {c.block for c in TEMPLATES if c.material == "base.html" and c.ours == "overrides/main.html"}
    names = re.findall(r"\{%-?\s*block\s+(\w+)", ours)
    assert names, "no blocks read from overrides/main.html"
    for name in names:
        assert re.search(r"\{%-?\s*block\s+" + name + r"\b", material_base), (
            f"overrides/main.html has block {name}, which Material's base.html does not: nothing fills it")
        if "super()" not in template_block(ours, name):
            assert name in listed, f"overrides/main.html replaces Material's block {name}: list it in borrowed.TEMPLATES"
    assert listed <= set(names), f"borrowed.TEMPLATES lists blocks main.html no longer has: {listed - set(names)}"
