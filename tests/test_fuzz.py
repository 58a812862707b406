"""Hostile input: thousands of generated documents through the loader and validator.

The only acceptable outcomes are success, :class:`LoadFailed` or :class:`ContentInvalid`
with located, bilingual errors: never another exception, never a hang (pytest-timeout).
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.content import schema
from portal.content.errors import ContentError, ContentInvalid
from portal.content.loader import LoadFailed, load_text
from portal.content.validator import BUILDERS, load_content

from conftest import FIXTURE_DATA, copy_fixture_data

LANGS = ("id", "en")
TODAY = dt.date(2026, 11, 24)
KINDS = tuple(BUILDERS)
SETTINGS = dict(deadline=None, suppress_health_check=list(HealthCheck), print_blob=True)
SCALE = float(os.environ.get("PORTAL_FUZZ_SCALE", "1"))
"""``make check`` (the quick loop) runs a tenth of the examples; ``make test`` runs them all."""


def examples(n: int) -> int:
    return max(10, round(n * SCALE))

PROGRAM = yaml.safe_load((FIXTURE_DATA / "programs" / "warung-naik-kelas.yaml").read_text(encoding="utf-8"))
QUESTIONS = yaml.safe_load((FIXTURE_DATA / "questions.yaml").read_text(encoding="utf-8"))
DEFS = json.loads(schema.SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]
SCHEMA_KEYS = sorted({key for d in DEFS.values() for key in d.get("properties", {})}
                     | {key for d in DEFS.values() for key in d.get("items", {}).get("properties", {})})
WORDS = ["antara-jatim-2021-ipuk-pmi", "pemkab-banyuwangi", "situasi", "umur", "purna_pmi", "pmi", "yes_no",
         "choice", "number", "2021", "2026-02-30", "2099-01-01", "<script>alert(1)</script>", "[x](javascript:y)",
         "[a]: javascript:b", "javascript:alert(1)", "mailto:", "tel:+62", "&#0;", "\u202e", "\x00", "", " ", "*", "&a"]

scalars = (st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=True, allow_infinity=True)
           | st.text(max_size=30) | st.sampled_from(WORDS))
keys = st.sampled_from(SCHEMA_KEYS + ["id", "en", "xx", "ID"]) | st.text(max_size=10)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
                      max_leaves=20)


def mutate(doc, draw) -> object:
    """Up to six random edits (replace, delete, add) at random places in ``doc``."""
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, 6))):
        parent, node = None, doc
        key = None
        while isinstance(node, (dict, list)) and node and draw(st.booleans()):
            parent = node
            key = draw(st.sampled_from(list(node) if isinstance(node, dict) else list(range(len(node)))))
            node = node[key]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if parent is None:
            if action == "replace":
                doc = draw(values)
            continue
        if action == "replace":
            parent[key] = draw(values)
        elif action == "delete":
            del parent[key]
        elif isinstance(parent, dict):
            parent[draw(keys)] = draw(values)
        else:
            parent.append(draw(values))
    return doc


def assert_clean(errors: list[ContentError]) -> None:
    assert errors
    for e in errors:
        assert isinstance(e.line, int) and e.line >= 1 and e.file and e.code.startswith("E-")
        assert e.message_id and e.message_en


@pytest.fixture(scope="module")
def fuzz_data_dir(tmp_path_factory) -> Path:
    """A copy of the fixture data the fuzz tests write into (one file at a time)."""
    return copy_fixture_data(tmp_path_factory.mktemp("fuzz") / "data")


def check_dir(data: Path) -> None:
    try:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    except ContentInvalid as exc:
        assert_clean(exc.errors)
        assert "Traceback" not in exc.report()


def dump(doc) -> str:
    try:
        return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return repr(doc)


@pytest.mark.timeout(300)
@settings(max_examples=examples(600), **SETTINGS)
@given(drawn=st.data())
def test_generated_programs_give_clean_errors(fuzz_data_dir, drawn):
    doc = mutate(PROGRAM, drawn.draw)
    (fuzz_data_dir / "programs" / "fuzz.yaml").write_text(dump(doc), encoding="utf-8")
    check_dir(fuzz_data_dir)


@pytest.mark.timeout(300)
@settings(max_examples=examples(300), **SETTINGS)
@given(drawn=st.data())
def test_generated_questions_give_clean_errors(fuzz_data_dir, drawn):
    doc = mutate(QUESTIONS, drawn.draw)
    path = fuzz_data_dir / "questions.yaml"
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(dump(doc), encoding="utf-8")
        check_dir(fuzz_data_dir)
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.mark.timeout(300)
@settings(max_examples=examples(1500), **SETTINGS)
@given(drawn=st.data(), kind=st.sampled_from(["program", "questions"]))
def test_fast_check_and_jsonschema_agree(drawn, kind):
    """The compiled check that lets valid files skip jsonschema never passes what jsonschema refuses."""
    doc = mutate(PROGRAM if kind == "program" else QUESTIONS, drawn.draw)
    full = not any(schema._validator(kind).iter_errors(doc))
    assert schema.is_valid(doc, kind) == full, dump(doc)


yaml_tokens = st.sampled_from(["a:", " ", "\n", "- ", "  ", "[", "]", "{", "}", ",", ":", "&x ", "*x", "!!python/object:os.system",
                               "!!binary", "? ", "|", ">", "'", '"', "#", "\t", "---", "...", "%YAML 1.1", "id: ", "en: ",
                               "title:", "<script>", "\\u0000", "1e999", "0x1F", "~", "null", "2024-13-40", "\ufeff"])
yaml_text = st.text(max_size=200) | st.lists(yaml_tokens | st.text(max_size=5), max_size=60).map("".join)


@pytest.mark.timeout(300)
@settings(max_examples=examples(2000), **SETTINGS)
@given(yaml_text, st.sampled_from(KINDS))
def test_generated_yaml_text_gives_clean_errors(text, kind):
    try:
        doc = load_text(text, "data/fuzz.yaml")
    except LoadFailed as exc:
        assert_clean([exc.error])
        return
    assert_clean(schema.validate(doc, kind) or [ContentError("f", 1, "", "E-OK", "ok", "ok")])


BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))


@pytest.mark.timeout(10)
@pytest.mark.parametrize("text,code", [
    (BILLION_LAUGHS, "E-ALIAS"),                      # 9^10 strings if expanded
    ("a: " + "[" * 150_000 + "]" * 150_000, "E-SIZE"),  # over 256 KB
    ("a: " + "[" * 20_000 + "]" * 20_000, "E-DEPTH"),   # under the size limit, far too deep
    ("a: !!python/object/apply:os.system [echo]", "E-TAG"),
])
def test_hostile_yaml_is_refused(text, code):
    with pytest.raises(LoadFailed) as info:
        load_text(text, "data/programs/x.yaml")
    assert info.value.error.code == code
