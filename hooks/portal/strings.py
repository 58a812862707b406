"""Interface strings per language (``data/ui/<lang>.yaml``) and localised dates."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml


class Strings:
    """Dotted-key lookup of one language's UI strings, falling back to the default language."""

    def __init__(self, lang: str, own: dict[str, Any], fallback: dict[str, Any]):
        self.lang, self._own, self._fallback = lang, own, fallback

    def __call__(self, key: str, **values: Any) -> str:
        text = self.raw(key)
        return text.format(**values) if values else text

    def raw(self, key: str) -> Any:
        for table in (self._own, self._fallback):
            value: Any = table
            for part in key.split("."):
                value = value.get(part) if isinstance(value, dict) else None
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
    """Strings for each language; a language without a file uses the default's."""
    tables = {}
    for lang in languages:
        path = ui_dir / f"{lang}.yaml"
        tables[lang] = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    default = tables[languages[0]]
    return {lang: Strings(lang, tables[lang], default) for lang in languages}
