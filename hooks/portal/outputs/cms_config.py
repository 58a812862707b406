"""The web editor's configuration (Decap CMS ``config.yml``), generated from the JSON Schema.

One folder collection per kind of ``data/`` that holds one item per file; every field of the
schema becomes one widget, labelled and explained in Indonesian from the schema's titles and
descriptions: a bilingual text is a group with one ``text`` field per configured language, named
by its language (Decap's ``markdown`` widget would rewrite the Markdown), closed choices are
selects showing each code by its label (``enumDescriptions``), ids of sources and organisations
are relation widgets fed by the data, dates use the date picker,
eligibility rules, and the free mappings of a case (answers, expected verdicts), are YAML text in
our own widget (see :data:`YAML_WIDGET`), and the translation sign-off (``translation_checked``) is
our ``translation_check`` widget, told the site's languages. Nothing here is written
by hand per field.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

RELATIONS = {
    "source_ids": {"collection": "sources", "value_field": "id", "search_fields": ["id", "title", "publisher"],
                   "display_fields": ["title"]},
    "org_ids": {"collection": "organizations", "value_field": "{{slug}}", "search_fields": ["name.id"],
                "display_fields": ["name.id"]},
    "procedure_ids": {"collection": "procedures", "value_field": "{{slug}}", "search_fields": ["title.id"],
                      "display_fields": ["title.id"]},
}
"""Lists of ids, edited by choosing among the items of another collection."""
IDENTIFIERS = {"program": "title.id", "procedure": "title.id", "country": "name.id", "situation": "title.id",
               "organization": "name.id", "proposal": "title.id", "source": "id", "glossary_term": "term",
               "case": "name"}
"""The field an item's file name is made from when it is created in the editor."""
EDITOR_DEFAULT = "x-editor-default"
"""A field's value on a new item in the web editor. Not JSON Schema's ``default``: the validator's
schema check (fastjsonschema) would fill that in, and a programme that says nothing would pass."""
SLUGS = {"source": "{{id}}"}
"""Kinds whose file name is a field as written (a source's file name is its id), not a slug of it."""
YAML_WIDGET = {"widget": "yaml"}
"""An eligibility rule is a YAML mapping nested without limit, and a case's answers and expected
verdicts are mappings whose keys are ids (where ``null``, "don't know", differs from an absent
answer): Decap's forms cannot show them losslessly, and Decap's ``code`` widget edits text only (it
fails on a mapping, and would save a string). So they are edited as YAML text in our ``yaml``
widget (``editor.js``), which keeps the mapping in the entry; what it means is checked by the PR check."""
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
"""The label of each language's box in a bilingual text (a language not here: its code)."""
DATE_FORMAT = "YYYY-MM-DD"
PARTIAL_DATE = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


@dataclass(frozen=True)
class Backend:
    """Where the editor saves (``extra.portal`` in ``mkdocs.yml``, or the environment)."""

    name: str = "github"          # github; test-repo (nothing saved: a sandbox); proxy for decap-server
    repo_url: str = ""            # https://github.com/<owner>/<repo>
    branch: str = "main"
    auth_url: str = ""            # the OAuth proxy's address (base_url); empty: Decap's hosted login
    auth_endpoint: str = ""       # its path, when not 'auth'
    local_url: str = ""           # decap-server's API (local_backend), e.g. http://localhost:8081/api/v1

    def config(self) -> dict[str, Any]:
        backend: dict[str, Any] = {"name": self.name}
        if self.name == "github":
            parts = urlsplit(self.repo_url).path.strip("/").split("/")
            if len(parts) != 2 or not all(parts):
                return {"name": "test-repo"}  # no repository configured: a sandbox that saves nothing
            backend.update(repo="/".join(parts), branch=self.branch, open_authoring=True)
            if self.auth_url:
                backend["base_url"] = self.auth_url
            if self.auth_endpoint:
                backend["auth_endpoint"] = self.auth_endpoint
        elif self.name == "proxy":
            backend.update(proxy_url=self.local_url, branch=self.branch)
        return backend


def label(node: dict, fallback: str) -> str:
    """The Indonesian half of a schema title 'Judul / title'."""
    return str(node.get("title") or fallback).split(" / ", 1)[0]


def hint(node: dict) -> str | None:
    """The Indonesian half of a schema description, if any."""
    description = node.get("description")
    return description.split(" / ", 1)[0] if description else None


def options(node: dict) -> list:
    """A select's options: each code shown by its label from the schema's ``enumDescriptions``
    ('Anak PMI / children of migrant workers', as VS Code shows it too), else as written."""
    values = [v for v in node["enum"] if v is not None]
    labels = dict(zip(node["enum"], node.get("enumDescriptions", ())))
    return [{"label": labels[v], "value": v} if v in labels else v for v in values]


class _Fields:
    """Turns schema properties into Decap fields."""

    def __init__(self, defs: dict, languages: tuple[str, ...], today: dt.date | None):
        self.defs, self.languages, self.today = defs, languages, today

    def resolve(self, node: dict) -> tuple[str | None, dict]:
        """(name of the $defs entry, the node with the entry's keywords under its own)."""
        ref = node.get("$ref")
        if not ref:
            return None, node
        name = ref.rsplit("/", 1)[1]
        return name, {**self.defs[name], **{k: v for k, v in node.items() if k != "$ref"}}

    def object_fields(self, node: dict, present: bool = True) -> list[dict]:
        """Fields of an object; ``present``: the object is always there (Decap checks the required
        fields of an absent optional object too, so inside one nothing is marked required)."""
        required = set(node.get("required", ())) if present else set()
        return [self.field(name, prop, name in required) for name, prop in node.get("properties", {}).items()]

    def language_fields(self, present: bool = True) -> list[dict]:
        return [{"name": lang, "label": LANGUAGE_NAMES.get(lang, lang), "widget": "text", "required": present and i == 0}
                for i, lang in enumerate(self.languages)]

    def field(self, name: str, prop: dict, required: bool) -> dict:
        ref, node = self.resolve(prop)
        out: dict[str, Any] = {"name": name, "label": label(node, name)}
        explained = prop if ref in ("text", "texts") else node  # not the same note on every text
        if hint(explained):
            out["hint"] = hint(explained)
        if not required:
            out["required"] = False
        out.update(self.widget(name, ref, node, required))
        if EDITOR_DEFAULT in prop:  # a new item starts with it, and the editor writes it (e.g. 'unchecked: []')
            out["default"] = prop[EDITOR_DEFAULT]
        return out

    def widget(self, name: str, ref: str | None, node: dict, required: bool) -> dict[str, Any]:
        if ref == "text":
            return {"widget": "object", "collapsed": False, "fields": self.language_fields(required)}
        if ref == "texts":
            return {"widget": "list", "fields": self.language_fields()}
        if ref in RELATIONS:
            return {"widget": "relation", "multiple": True, **RELATIONS[ref]}
        if ref == "translations":  # the translation sign-off: our widget computes it (editor.js)
            return {"widget": "translation_check", "languages": list(self.languages),
                    "language_names": {lang: LANGUAGE_NAMES.get(lang, lang) for lang in self.languages}}
        if ref == "rule" or (node.get("type") == "object" and "properties" not in node):
            return dict(YAML_WIDGET)
        if ref == "date":
            # the date as picked, in the volunteer's own day (no 'UTC' beside it): a date has no time to shift
            widget = {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT, "time_format": False}
            if name == "last_reviewed" and self.today:  # a new item is reviewed today; edits keep their date
                widget["default"] = self.today.isoformat()
            return widget
        if ref == "partial_date":
            return {"widget": "string", "pattern": [PARTIAL_DATE, "YYYY, YYYY-MM atau YYYY-MM-DD"]}
        if ref == "slug":
            return {"widget": "string", "pattern": [node["pattern"], "huruf kecil, angka, tanda hubung"]}
        if "enum" in node:
            return {"widget": "select", "options": options(node)}
        kind = node.get("type")
        if kind == "array":
            item_ref, item = self.resolve(node["items"])
            if item_ref == "text":  # a few lines ("what to do now"), each in every language
                return {"widget": "list", "fields": self.language_fields()}
            if "enum" in item:
                return {"widget": "select", "multiple": True, "options": options(item)}
            if item.get("type") == "object":
                return {"widget": "list", "fields": self.object_fields(item)}
            return {"widget": "list"}  # plain strings (aliases, old slugs)
        if kind == "object":
            return {"widget": "object", "fields": self.object_fields(node, required)}
        if kind == "boolean":  # an optional one left alone stays absent (a default would be written)
            return {"widget": "boolean", "default": False} if required else {"widget": "boolean"}
        if kind in ("number", "integer"):
            return {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
        return {"widget": "string"}


def collections(defs: dict, folders: dict[str, str], data_dir: str, languages: tuple[str, ...],
                today: dt.date | None) -> list[dict]:
    """One folder collection per ``folders`` entry (folder name -> kind of ``$defs``)."""
    fields = _Fields(defs, languages, today)
    out = []
    for folder, kind in folders.items():
        node = defs[kind]
        identifier = IDENTIFIERS[kind]
        collection = {"name": folder, "label": label(node, folder), "label_singular": label(node, folder),
                      "folder": f"{data_dir}/{folder}", "extension": "yaml", "format": "yaml", "create": True,
                      "identifier_field": identifier, "slug": SLUGS.get(kind, "{{slug}}"),
                      "summary": "{{" + identifier + "}}", "fields": fields.object_fields(node)}
        if hint(node):
            collection["description"] = hint(node)
        out.append(collection)
    return out


def config(schema: dict, folders: dict[str, str], languages: tuple[str, ...], backend: Backend,
           site_url: str, today: dt.date | None = None, data_dir: str = "data") -> dict[str, Any]:
    """The whole ``config.yml``: saves go through pull requests (editorial workflow, forks welcome)."""
    out: dict[str, Any] = {
        "backend": backend.config(),
        "publish_mode": "editorial_workflow",
        # a new item's file name from its title: 'Pelatihan Ékspor (2025)' -> 'pelatihan-ekspor-2025'
        # (accents dropped, other characters a hyphen), as the validator wants; Decap keeps them by default
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "media_folder": f"{data_dir}/media",  # required by Decap; no field uploads anything
        "site_url": site_url,
        "display_url": site_url,
        "collections": collections(schema["$defs"], folders, data_dir, languages, today),
    }
    if backend.local_url and backend.name != "proxy":
        out["local_backend"] = {"url": backend.local_url}
        # Decap swaps in its proxy backend and keeps this branch; without one it asks for 'master'
        out["backend"]["branch"] = backend.branch
    return out
