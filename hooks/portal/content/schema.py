"""JSON Schema validation of one document, errors mapped to the project format.

A document is first checked by a compiled validator (fastjsonschema: a fraction of the
time); only one that fails it goes through jsonschema, whose errors say what is wrong
where. The schema only uses keywords both read the same way (tested).
"""
from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from portal.content import translations
from portal.content.errors import ContentError
from portal.content.loader import Document, dotted

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "schema" / "portal.schema.json"
UI_SCHEMA_FILE = SCHEMA_FILE.with_name("ui.schema.json")
"""Interface strings (``data/ui/<lang>.yaml``): kind ``ui``, a schema of its own."""

LANGUAGE_PATTERN = "^[a-z]{2,3}$"
RECORD_PATTERN = "^[0-9a-f]{10}$"
"""A translation record's fingerprint (:mod:`.translations`)."""
RECORD_FIELD_PATTERN = r"^([a-z_]+|\[[0-9]+\])(\[[0-9]+\]|\.[a-z_]+)*$"
"""The field a translation record is about, as errors name it (``steps[0].title``)."""

_TYPE_NAMES = {
    "string": ("teks", "text"), "object": ("kumpulan kolom (mapping)", "a mapping of fields"),
    "array": ("daftar (list)", "a list"), "number": ("angka", "a number"),
    "integer": ("bilangan bulat", "an integer"), "boolean": ("true/false", "true/false"),
    "null": ("kosong (null)", "null"),
}


@lru_cache(maxsize=None)
def ui_schema() -> dict:
    """The schema of ``data/ui/<lang>.yaml``."""
    return json.loads(UI_SCHEMA_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(kind: str) -> Draft202012Validator:
    if kind == "ui":
        return Draft202012Validator(ui_schema())
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return Draft202012Validator({"$ref": f"{schema['$id']}#/$defs/{kind}"}, registry=registry)


@lru_cache(maxsize=None)
def _fast_check(kind: str):
    """A compiled check of ``$defs/<kind>`` that raises on any invalid document."""
    if kind == "ui":
        return fastjsonschema.compile({**ui_schema(), "$schema": "http://json-schema.org/draft-07/schema#"})
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    # fastjsonschema reads draft-07; $ref here has only annotations beside it, so both drafts agree
    return fastjsonschema.compile({"$schema": "http://json-schema.org/draft-07/schema#",
                                   "$defs": defs, "$ref": f"#/$defs/{kind}"})


def is_valid(data, kind: str) -> bool:
    try:
        _fast_check(kind)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


ID_CUTOFF = 0.9
"""How alike (difflib ratio) a reference must be to an existing id to be called a misspelling of it:
a typo ('pemkab-banyuwang'), not a new organisation that shares a town ('sbmi-banyuwangi')."""


def did_you_mean(word: str, choices, cutoff: float = 0.6) -> tuple[str, str]:
    """Return (' (maksud Anda 'x'?)', " (did you mean 'x'?)") or empty strings.

    The default ``cutoff`` suits a short fixed list (field names, choices); ids that staff
    create themselves use :data:`ID_CUTOFF`."""
    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    if not match:
        return "", ""
    return f" (maksud Anda '{match[0]}'?)", f" (did you mean '{match[0]}'?)"


def validate(doc: Document, kind: str) -> list[ContentError]:
    """Validate ``doc`` against ``$defs/<kind>`` (``ui``: :data:`UI_SCHEMA_FILE`); one error per problem."""
    if is_valid(doc.data, kind):
        return []
    raw = list(_validator(kind).iter_errors(doc.data))
    # A misspelt field is one problem, not two: drop "missing 'x'" where "unknown 'y' (did you mean 'x'?)".
    misspelt = {(tuple(e.absolute_path), match[0])
                for e in raw if e.validator == "additionalProperties"
                for name in e.instance if name not in e.schema.get("properties", {})
                for match in [difflib.get_close_matches(str(name), list(e.schema.get("properties", {})), 1, 0.6)]
                if match}
    errors = []
    for error in raw:
        errors.extend(e for e in _convert(error, doc)
                      if not (e.code == "E-MISSING" and (tuple(error.absolute_path), e.field.rsplit(".", 1)[-1]) in misspelt))
    return errors


def _what_to_write(path: tuple, node: dict, instance) -> tuple[str, str]:
    """An example of the value a type error asks for, as the file would hold it (Indonesian, English):
    ``note: {id: ..., en: ...}`` for a text, ``audience: [anak_pmi]`` for a list; empty for an item of a list."""
    name = path[-1] if path and isinstance(path[-1], str) else None
    if not name:
        return "", ""
    if node.get("type") == "object" and "propertyNames" in node:  # a text in every language
        return (f"{name}: {{id: ..., en: ...}} (teks Indonesia sesudah id:, teks Inggris sesudah en:)",
                f"{name}: {{id: ..., en: ...}} (the Indonesian text after id:, the English after en:)")
    if node.get("type") == "object" and node.get("properties"):
        example = f"{name}: {{{', '.join(f'{k}: ...' for k in node.get('required') or list(node['properties'])[:2])}}}"
        return example, example
    if node.get("type") == "array" and isinstance(instance, (str, int, float)):
        return f"{name}: [{instance}]", f"{name}: [{instance}]"
    return "", ""


def _type_name(types) -> tuple[str, str]:
    types = [types] if isinstance(types, str) else list(types)
    ids = " atau ".join(_TYPE_NAMES.get(t, (t, t))[0] for t in types)
    ens = " or ".join(_TYPE_NAMES.get(t, (t, t))[1] for t in types)
    return ids, ens


def _convert(error: ValidationError, doc: Document) -> list[ContentError]:
    path = tuple(error.absolute_path)
    field = dotted(path)
    line = doc.line(path)
    kind, value, instance = error.validator, error.validator_value, error.instance

    def err(code, msg_id, msg_en, at_path=path):
        return ContentError(doc.file, doc.line(at_path), dotted(at_path), code, msg_id, msg_en)

    if kind == "required":
        missing = [name for name in value if name not in instance]
        out = []
        for name in missing:
            what_id, what_en = field_title(error.schema.get("properties", {}).get(name, {}))
            out.append(err("E-MISSING", f"kolom wajib '{name}'{what_id} belum diisi",
                           f"required field '{name}'{what_en} is missing", path + (name,)))
        return out
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        out = []
        for name in instance:
            if name in known:
                continue
            hint_id, hint_en = did_you_mean(name, known)
            out.append(err("E-UNKNOWN-FIELD", f"kolom '{name}' tidak dikenal{hint_id}; yang boleh: {', '.join(known)}",
                           f"unknown field '{name}'{hint_en}; allowed: {', '.join(known)}", path + (name,)))
        return out
    if kind == "type":
        want_id, want_en = _type_name(value)
        write_id, write_en = _what_to_write(path, error.schema, instance)
        return [err("E-TYPE", f"harus berupa {want_id}" + (f"; tulis {write_id}" if write_id else ""),
                    f"must be {want_en}" + (f"; write {write_en}" if write_en else ""))]
    if kind == "pattern":
        if value == LANGUAGE_PATTERN:
            return [err("E-LANG", f"kode bahasa '{instance}' tidak sah; tulis mis. id, en",
                        f"invalid language code '{instance}'; write e.g. id, en")]
        if value in (RECORD_PATTERN, RECORD_FIELD_PATTERN) and path[:1] == (translations.CHECKED,):
            return [err("E-RECORD", f"catatan terjemahan '{instance}' rusak; tekan lagi tombol "
                        "'Terjemahan ... sudah saya periksa' di editor web",
                        f"broken translation record '{instance}'; press the button "
                        "'Terjemahan ... sudah saya periksa' in the web editor again")]
        if value in (RECORD_PATTERN, RECORD_FIELD_PATTERN):
            return [err("E-RECORD", f"catatan terjemahan '{instance}' rusak; berkas ini tidak diubah dengan tangan: "
                        "jalankan `make translated FILE=BERKAS`",
                        f"broken translation record '{instance}'; this file is not edited by hand: "
                        "run `make translated FILE=FILE`")]
        if "[0-9]{4}" in value:
            return [err("E-DATE", f"tanggal '{instance}' salah; tulis YYYY-MM-DD (mis. 2024-12-13)",
                        f"bad date '{instance}'; write YYYY-MM-DD (e.g. 2024-12-13)")]
        if value.startswith("^https?"):
            return [err("E-LINK", f"alamat '{instance}' harus diawali http:// atau https://",
                        f"address '{instance}' must start with http:// or https://")]
        if value == SLUG_PATTERN and ADDRESS.match(str(instance)):
            where_id, where_en = _id_home(path)
            return [err("E-REF", f"'{_short(instance)}' adalah alamat web; tulis ID dari {where_id}, bukan alamatnya "
                        f"(jika belum ada, tambahkan dulu ke {where_id})",
                        f"'{_short(instance)}' is a web address; write the id from {where_en}, not the address "
                        f"(if it is not there yet, add it there first)")]
        if "_" in value:  # question ids and option values
            return [err("E-FORMAT", f"'{instance}' tidak sesuai format: huruf kecil, angka dan garis bawah (_), "
                        "diawali huruf, mis. negara_tujuan",
                        f"'{instance}' has the wrong format: lower-case letters, digits and underscores (_), "
                        "starting with a letter, e.g. negara_tujuan")]
        return [err("E-FORMAT", f"'{instance}' tidak sesuai format: huruf kecil, angka dan tanda hubung, "
                    "mis. warung-naik-kelas",
                    f"'{instance}' has the wrong format: lower-case letters, digits and hyphens, "
                    "e.g. warung-naik-kelas")]
    if kind == "enum":
        hint_id, hint_en = did_you_mean(instance, value)
        allowed = ", ".join(map(str, value))
        return [err("E-ENUM", f"nilai '{instance}' tidak dikenal{hint_id}; pilihan: {allowed}",
                    f"unknown value '{instance}'{hint_en}; choices: {allowed}")]
    if kind in ("minItems", "minLength", "minProperties"):
        return [err("E-EMPTY", "tidak boleh kosong", "must not be empty")]
    if kind == "uniqueItems":
        return [err("E-DUPLICATE", "ada nilai yang ditulis dua kali", "a value is listed twice")]
    if kind == "propertyNames":
        bad = error.instance
        return [err("E-LANG", f"kode bahasa '{bad}' tidak sah", f"invalid language code '{bad}'", path + (bad,))]
    if kind == "$ref" or error.context:
        return [c for sub in error.context for c in _convert(sub, doc)]
    return [ContentError(doc.file, line, field, "E-SCHEMA", f"nilai tidak sesuai aturan: {error.message}",
                         f"value breaks a rule: {error.message}")]


SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
ADDRESS = re.compile(r"^\s*(https?:|www\.)", re.I)
"""A value pasted from the browser's address bar."""


def _id_home(path: tuple) -> tuple[str, str]:
    """Where the ids a field refers to are defined: ``data/organizations/`` or ``data/sources/``."""
    if any(part in ("where", "villages_from") for part in path):
        return "data/organizations/", "data/organizations/"
    return "data/sources/", "data/sources/"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def field_title(prop: dict) -> tuple[str, str]:
    """(' (Judul)', ' (title)') from a schema title 'Judul / title', or empty strings."""
    title = prop.get("title", "") if isinstance(prop, dict) else ""
    if " / " not in title:
        return "", ""
    title_id, title_en = title.split(" / ", 1)
    return f" ({title_id})", f" ({title_en})"
