"""Pictograms for what readers scan for (issue 35): documents, where to go, phone, money, warning,
steps, who it is for; and each contact's kind.

The drawings are Material Design Icons (Pictogrammers, Apache 2.0), copied from mkdocs-material's
copy into ``icon_files/`` beside this module with their licence, so that the web pages, the brochures
and the pocket guide draw the same ones without reaching into Material (and, outside ``overrides/``,
MkDocs does not publish the files themselves). Templates draw them inline
(``fragments.html``'s ``icon``): no font, no request. They are decorative: the heading or the
contact beside one says what it means.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

ICONS_DIR = Path(__file__).with_name("icon_files")
SECTIONS = {
    "documents": "file-document-outline", "where": "map-marker-outline", "contacts": "phone",
    "emergency": "alert", "warnings": "alert", "benefits": "cash", "steps": "format-list-numbered",
    "procedure_steps": "format-list-numbered", "who": "account-multiple",
}
"""The pictogram of each section heading that has one (keys of ``heading.*`` in the UI strings)."""
CONTACTS = {"phone": "phone", "email": "email-outline", "web": "earth", "address": "map-marker-outline"}
"""The pictogram of each kind of contact."""

_PATH = re.compile(r'<path d="([^"]+)"')


@functools.lru_cache(maxsize=None)
def path(name: str) -> str:
    """The drawing of icon ``name`` (its SVG path data, in a 24 x 24 box)."""
    (data,) = _PATH.findall((ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8"))
    return data
