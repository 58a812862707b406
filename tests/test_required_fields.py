"""One truth about required fields: for every kind the web editor saves, a field is required in the
editor (Decap's ``required``, from the schema) exactly when the validator reports E-MISSING
without it, whether the schema or a rule in code requires it (a glossary term's sources, a phone
contact's note, a procedure's and a country's ``now``). A field the check requires only under a
condition the editor cannot express is optional there and its hint says when it is required."""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_DATA, FIXTURE_TODAY
from portal.content.errors import ContentInvalid
from portal.content.schema import SCHEMA_FILE
from portal.content.validator import COLLECTIONS, load_content
from portal.outputs import cms_config

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
CONFIG = cms_config.config(SCHEMA, COLLECTIONS, ("id", "en"), cms_config.Backend(), "https://portal.example/")
TODAY = dt.date.fromisoformat(FIXTURE_TODAY)
SOURCE = "antara-jatim-2021-ipuk-pmi"
PHONE = {"kind": "phone", "value": "0333 111 222", "label": {"id": "Kantor", "en": "Office"},
         "note": {"id": "Menurut sumber (2021).", "en": "According to the source (2021)."}, "sources": [SOURCE]}
PROPOSAL = {"title": {"id": "Usulan"}, "summary": {"id": "Ringkasan."}, "raised_by": {"id": "Warga"},
            "raised_at": {"id": "Musrenbang desa"}, "date": "2021", "sources": [SOURCE], "last_reviewed": FIXTURE_TODAY}
SAMPLES = {"programs": "melati", "procedures": "jalur-resmi", "countries": "hong-kong",
           "situations": "keluarga-pmi", "organizations": "pemkab-banyuwangi", "proposals": None,
           "sources": SOURCE, "glossary": "pmi", "cases": "nothing-answered"}
"""One valid item of each kind from the fixture (a proposal is written here: the fixture has none)."""
CONDITIONAL = {("programs", "eligibility.decided_by"): "criteria_published: false",
               ("programs", "eligibility.rule"): "criteria_published: true",
               ("programs", "contacts.note"): "kind: phone", ("procedures", "contacts.note"): "kind: phone",
               ("countries", "contacts.note"): "kind: phone", ("organizations", "contacts.note"): "kind: phone"}
"""Required by the check under a condition; the sample meets it (melati's criteria are unpublished,
every sample contact is a phone)."""


def fields(collection: dict) -> list[tuple[str, dict]]:
    """(dotted path, field) of the top-level fields, and of the fields of an always-present object
    or of a list's items, where Decap checks ``required``. Inside an optional object Decap would
    check them when the object is absent too, so the editor leaves them unmarked."""
    out = []
    for f in collection["fields"]:
        out.append((f["name"], f))
        if f.get("required", True) or f["widget"] == "list":
            out.extend((f"{f['name']}.{sub['name']}", sub) for sub in f.get("fields", ())
                       if sub["name"] not in ("id", "en"))
    return out


def sample(data: Path, folder: str) -> dict:
    name = SAMPLES[folder]
    item = PROPOSAL if name is None else yaml.safe_load((data / folder / f"{name}.yaml").read_text(encoding="utf-8"))
    item = copy.deepcopy(item)
    if "contacts" in SCHEMA["$defs"][COLLECTIONS[folder]]["properties"]:
        item["contacts"] = [c for c in item.get("contacts", []) if c["kind"] == "phone"] or [dict(PHONE)]
    if folder == "procedures":
        item["steps"][0].update(body={"id": "Penjelasan."}, sources=[SOURCE])
    return item


def missing(data: Path, folder: str, item: dict) -> set[str]:
    """The fields the validator reports E-MISSING for, list indexes dropped ('contacts.note')."""
    name = SAMPLES[folder] or "usulan"
    (data / folder).mkdir(exist_ok=True)
    (data / folder / f"{name}.yaml").write_text(yaml.safe_dump(item, allow_unicode=True), encoding="utf-8")
    try:
        load_content(data, ("id", "en"), today=TODAY, root=data.parent)
    except ContentInvalid as exc:
        return {re.sub(r"\[[0-9]+\]", "", e.field) for e in exc.errors if e.code == "E-MISSING"}
    return set()


def without(item: dict, path: str) -> dict | None:
    """``item`` without the field at ``path`` (in the first item of a list); None when it has none."""
    out = copy.deepcopy(item)
    head, _, rest = path.partition(".")
    if head not in out:
        return None
    if not rest:
        del out[head]
        return out
    inner = out[head][0] if isinstance(out[head], list) else out[head]
    if not isinstance(inner, dict) or rest not in inner:
        return None
    del inner[rest]
    return out


@pytest.fixture(scope="module")
def small_data(tmp_path_factory) -> Path:
    """The fixture without its eligibility cases and without the programmes they are about, so that
    each removal is judged fast and alone; the sample programme stays."""
    data = tmp_path_factory.mktemp("required") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    shutil.rmtree(data / "cases")
    (data / "cases").mkdir()
    shutil.copy(FIXTURE_DATA / "cases" / f"{SAMPLES['cases']}.yaml", data / "cases")
    for path in (data / "programs").glob("*.yaml"):
        if path.stem != SAMPLES["programs"]:
            path.unlink()
    return data


@pytest.mark.parametrize("folder", list(SAMPLES))
def test_the_editor_requires_what_the_check_requires_and_nothing_else(small_data, folder):
    collection = next(c for c in CONFIG["collections"] if c["name"] == folder)
    item = sample(small_data, folder)
    assert missing(small_data, folder, item) == set(), "the sample must be valid"
    disagree, compared = [], 0
    try:
        for path, field in fields(collection):
            reduced = without(item, path)
            if reduced is None:
                continue
            compared += 1
            required_by_check = path in missing(small_data, folder, reduced)
            required_in_editor = field.get("required", True)
            if (folder, path) in CONDITIONAL:
                if not (required_by_check and not required_in_editor and field.get("hint", "").startswith("Wajib")):
                    disagree.append((path, "conditional", field.get("hint")))
            elif required_in_editor != required_by_check:
                disagree.append((path, "editor", required_in_editor, "check", required_by_check))
    finally:
        missing(small_data, folder, item)  # the sample back for the next kind
    assert not disagree, disagree
    assert compared >= len([f for f in collection["fields"] if f.get("required", True)])
