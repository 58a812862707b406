"""Editor support: every YAML file under data/ names its JSON Schema, VS Code maps the same
schemas, and the schema explains every field in Indonesian and English."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from conftest import FIXTURE_DATA, REAL_DATA, REAL_UI, ROOT

HEADER = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")
SCHEMA_DIR = ROOT / "schema"
EXPECTED = {"programs": "program", "procedures": "procedure", "countries": "country", "situations": "situation",
            "organizations": "organization", "proposals": "proposal", "ui": "ui", "glossary": "glossary_term", "sources": "source",
            "questions.yaml": "questions", "cases": "cases", "policy.yaml": "policy", "words.yaml": "words", "queries.yaml": "queries",
            "translations": "translations"}
EDITOR_FOLDERS = ("programs", "procedures", "countries", "situations", "organizations", "proposals", "sources", "glossary",
                  "cases")
"""Folders the web editor saves: their files are in its form (`make fmt`), without comments, so
their schema is named by .vscode/settings.json alone."""


def expected_schema(path: Path, data_root: Path) -> str:
    first = path.relative_to(data_root).parts[0]
    return f"{EXPECTED[first]}.schema.json"


def headed_files(data_root: Path, saved_by_the_editor: tuple[str, ...] = ()) -> list:
    """The YAML files of ``data_root`` that name their schema on their first line: all but those
    in the folders the web editor saves."""
    return [pytest.param(path, id=path.relative_to(ROOT).as_posix()) for path in sorted(data_root.rglob("*.y*ml"))
            if path.relative_to(data_root).parts[0] not in saved_by_the_editor]


def assert_names_its_schema(path: Path, data_root: Path) -> None:
    text = path.read_text(encoding="utf-8")
    match = HEADER.match(text)
    assert match, f"{path.relative_to(ROOT)}: first line must be '# yaml-language-server: $schema=...'"
    root = data_root.parent  # the project root: the fixture is copied into one with schema/ beside data/
    target = os.path.normpath(path.parent.relative_to(root) / match.group(1))
    assert target == f"schema/{expected_schema(path, data_root)}", target
    assert (ROOT / target).exists()


@pytest.mark.parametrize("path", headed_files(REAL_DATA, EDITOR_FOLDERS))
def test_data_files_the_web_editor_does_not_save_name_their_schema_on_the_first_line(path):
    """Hand-edited files (ui, questions, policy) keep the header they were made with; translation
    records get theirs from `portal.py translated`."""
    assert_names_its_schema(path, REAL_DATA)


@pytest.mark.parametrize("path", headed_files(FIXTURE_DATA))
def test_fixture_files_name_their_schema_on_the_first_line(path):
    assert_names_its_schema(path, FIXTURE_DATA)


def _registry() -> Registry:
    registry = Registry()
    for path in SCHEMA_DIR.glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        registry = registry.with_resource(schema.get("$id", path.name), Resource.from_contents(schema))
        registry = registry.with_resource(path.name, Resource.from_contents(schema))
    return registry


def test_interface_text_files_match_their_schema():
    schema = json.loads((SCHEMA_DIR / "ui.schema.json").read_text(encoding="utf-8"))
    for path in sorted(REAL_UI.glob("*.yaml")):
        errors = list(Draft202012Validator(schema).iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert not errors, (path, [e.message for e in errors])


def test_entry_schemas_point_into_the_content_contract():
    registry = _registry()
    for kind in ("program", "procedure", "country", "organization", "proposal", "glossary_term", "source", "questions",
                 "translations"):
        entry = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert entry["$ref"] == f"portal.schema.json#/$defs/{kind}"
        registry.resolver().lookup(entry["$ref"])  # resolves
    cases = json.loads((SCHEMA_DIR / "cases.schema.json").read_text(encoding="utf-8"))
    assert cases["$ref"] == "portal.schema.json#/$defs/case"  # one case per file of data/cases/
    registry.resolver().lookup(cases["$ref"])


def test_vscode_maps_every_data_file_to_the_schema_its_header_names():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for path in REAL_DATA.rglob("*.y*ml"):
        rel = path.relative_to(ROOT).as_posix()
        schemas = [schema for schema, globs in mapping.items()
                   if any(_glob_match(rel, glob) for glob in ([globs] if isinstance(globs, str) else globs))]
        assert len(schemas) == 1, (rel, schemas)
        assert (ROOT / schemas[0]).name == expected_schema(path, REAL_DATA), rel
        header = HEADER.match(path.read_text(encoding="utf-8"))
        if header:
            assert (ROOT / schemas[0]).resolve() == (path.parent / header.group(1)).resolve(), rel
    for schema in mapping:
        assert (ROOT / schema).exists(), schema


def _glob_match(path: str, glob: str) -> bool:
    """VS Code's glob: ``*`` stays within a folder, ``**/`` spans any number of them."""
    pattern = re.escape(glob).replace(r"\*\*/", "(?:.*/)?").replace(r"\*", "[^/]*")
    return re.fullmatch(pattern, path) is not None


def _properties(node, where=""):
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield f"{where}.{name}", prop
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value, where)


@pytest.mark.parametrize("schema_file", ["portal.schema.json", "ui.schema.json"])
def test_every_field_has_a_bilingual_title(schema_file):
    schema = json.loads((SCHEMA_DIR / schema_file).read_text(encoding="utf-8"))
    missing = [where for where, prop in _properties(schema) if " / " not in prop.get("title", "")]
    assert not missing, missing
    for name, definition in schema.get("$defs", {}).items():
        assert definition.get("title"), name
    for where, prop in _properties(schema):
        assert " / " in prop.get("description", " / "), where  # descriptions, where present, are bilingual too
