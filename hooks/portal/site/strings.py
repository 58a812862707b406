"""Interface strings per language (``data/ui/<lang>.yaml``) and localised dates."""
from __future__ import annotations

import datetime as dt
import logging
import string
from pathlib import Path
from typing import Any, Iterator

from portal.content import deception, schema
from portal.content.errors import ContentError, ContentInvalid
from portal.content.loader import Document, LoadFailed, character_errors, dotted, load_file

log = logging.getLogger("mkdocs.hooks.portal")


class Fallback(str):
    """A UI string shown in another language (``lang``) than the page's, for want of a translation."""

    lang: str

    def __new__(cls, text: str, lang: str) -> "Fallback":
        obj = super().__new__(cls, text)
        obj.lang = lang
        return obj


class Strings:
    """Dotted-key lookup of one language's UI strings, falling back to the default language."""

    def __init__(self, lang: str, own: dict[str, Any], fallback: dict[str, Any], fallback_lang: str | None = None):
        self.lang, self._own, self._fallback = lang, own, fallback
        self.fallback_lang = fallback_lang or lang

    def __call__(self, key: str, **values: Any) -> str:
        """The string, formatted; a :class:`Fallback` when it is not in this language."""
        text = self.raw(key)
        text = text.format(**values) if values else text
        lang = self.lang_of(key)
        return Fallback(text, lang) if lang else text

    def lang_of(self, key: str) -> str | None:
        """The language a string is shown in when that is not this one's, else None."""
        if self.fallback_lang == self.lang or self._lookup(self._own, key) is not None:
            return None
        return self.fallback_lang

    @staticmethod
    def _lookup(table: dict[str, Any], key: str) -> Any:
        value: Any = table
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def raw(self, key: str) -> Any:
        for table in (self._own, self._fallback):
            value = self._lookup(table, key)
            if value is not None:
                return value
        raise KeyError(f"UI string '{key}' missing in data/ui/{self.lang}.yaml")

    def month_date(self, value: str | dt.date | None) -> str:
        """'Des 2024', '2021', '13 Des 2024' from a full or partial date."""
        if value is None:
            return self("status.undated")
        text = value.isoformat() if isinstance(value, dt.date) else value
        parts = text.split("-")
        if len(parts) == 1:
            return parts[0]
        month = self.raw("months")[int(parts[1]) - 1]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"

    def long_date(self, value: dt.date) -> str:
        return f"{value.day} {self.raw('months_long')[value.month - 1]} {value.year}"


def load_strings(ui_dir: Path, languages: tuple[str, ...], root: Path | None = None) -> dict[str, Strings]:
    """Strings for each language; what a language lacks (its whole file, or some keys) is
    taken from the default language and marked as such (:class:`Fallback`).

    The files are content like any other: read by the loader (no aliases or tags, size, duplicate
    keys, UTF-8), checked against ``schema/ui.schema.json`` (known keys only), for control and
    bidirectional characters, for shorteners and lookalike hosts (:mod:`.deception`), and for
    ``{placeholders}`` the default language does not have; the default language's file must hold
    every key. Any problem raises :class:`ContentInvalid`.
    """
    root = root or ui_dir.parent.parent
    errors: list[ContentError] = []
    docs: dict[str, Document] = {}
    for lang in languages:
        path = ui_dir / f"{lang}.yaml"
        if not path.exists():
            log.info("Portal PMI: %s missing: interface text in '%s' falls back to '%s'", path, lang, languages[0])
            continue
        try:
            doc = load_file(path, root)
        except LoadFailed as exc:
            errors.append(exc.error)
            continue
        problems = character_errors(doc) + deception.addresses(doc) + schema.validate(doc, "ui")
        errors.extend(problems)
        if not problems:
            docs[lang] = doc
    default = docs.get(languages[0])
    if default is not None:
        errors += _missing_keys(default)
        errors += [e for lang, doc in docs.items() if lang != languages[0] for e in _placeholders(doc, default)]
    if errors:
        raise ContentInvalid(errors)
    tables = {lang: docs[lang].data if lang in docs else {} for lang in languages}
    return {lang: Strings(lang, tables[lang], tables[languages[0]], languages[0]) for lang in languages}


def _leaves(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _leaves(child, path + (key,))
    else:
        yield path, value


def _missing_keys(default: Document) -> list[ContentError]:
    """Every key of the schema the default language lacks (nothing to fall back on)."""
    errors = []

    def walk(node: dict, data: Any, path: tuple) -> None:
        for key, prop in node.get("properties", {}).items():
            if not isinstance(data, dict) or key not in data:
                errors.append(ContentError(default.file, default.line(path), dotted(path + (key,)), "E-MISSING",
                                           f"teks '{dotted(path + (key,))}' wajib ada di bahasa utama",
                                           f"text '{dotted(path + (key,))}' is required in the default language"))
            elif prop.get("type") == "object":
                walk(prop, data[key], path + (key,))

    walk(schema.ui_schema(), default.data, ())
    return errors


def _fields(text: str) -> set[str] | None:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:  # a lone '{' or '}'
        return None


def _placeholders(doc: Document, default: Document) -> list[ContentError]:
    """A translation may use only the ``{placeholders}`` its default-language text has."""
    errors = []
    for path, value in _leaves(doc.data):
        want = Strings._lookup(default.data, ".".join(map(str, path)))
        if not isinstance(value, str) or not isinstance(want, str):
            continue
        have, allowed = _fields(value), _fields(want) or set()
        if have is None or not have <= allowed:
            names = ", ".join("{" + n + "}" for n in sorted(allowed)) or "-"
            errors.append(ContentError(
                doc.file, doc.line(path), dotted(path), "E-UI-FIELD",
                f"teks ini hanya boleh memakai {names} (seperti bahasa utama); tulis {{ dan }} hanya untuk itu",
                f"this text may only use {names} (as the default language does); write {{ and }} only for those"))
    return errors
