"""Interface strings per language (``data/ui/<lang>.yaml``) and localised dates."""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

import yaml

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


def load_strings(ui_dir: Path, languages: tuple[str, ...]) -> dict[str, Strings]:
    """Strings for each language; what a language lacks (its whole file, or some keys) is
    taken from the default language and marked as such (:class:`Fallback`)."""
    tables = {}
    for lang in languages:
        path = ui_dir / f"{lang}.yaml"
        if not path.exists():
            log.info("Portal PMI: %s missing: interface text in '%s' falls back to '%s'", path, lang, languages[0])
        tables[lang] = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    default = tables[languages[0]]
    return {lang: Strings(lang, tables[lang], default, languages[0]) for lang in languages}
