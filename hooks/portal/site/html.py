"""The one way HTML is made: autoescaped Jinja templates, for the web pages and the brochures alike.

``overrides/sections/`` holds what both media show (the sections of a program or a procedure, a
glossary term, their fragments: text blocks, lists, the eligibility checklist, sources, contacts);
``overrides/pages/`` the web pages around them, ``overrides/brochure/`` and ``overrides/print/`` the
printed ones (each with its own stylesheet). Python code passes
values to templates and never writes a tag (``tests/test_layout.py`` holds it to that).
"""
from __future__ import annotations

import functools
import html
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from portal.site import icons, urls

ROOT = Path(__file__).resolve().parents[3]
SECTIONS_DIR = Path("overrides") / "sections"
"""The templates both media use: an item's sections and the fragments they are made of."""
PAGES_DIR = Path("overrides") / "pages"
"""The web pages' templates (the brochures' are in ``overrides/brochure/``)."""


def escape(value: Any) -> Markup:
    """``value`` as HTML text: Markup as it is, anything else escaped (quotes included)."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(html.escape("" if value is None else str(value), quote=True))


def environment(*folders: Path) -> jinja2.Environment:
    """An environment loading from ``folders`` in order: autoescaped, strict about undefined names."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folders), autoescape=True, finalize=escape,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.globals["urls"] = urls  # the site's folders, for links between pages
    env.globals["icons"] = icons  # the pictograms of sections and contacts
    return env


@functools.lru_cache(maxsize=1)
def web() -> jinja2.Environment:
    """The web pages' environment: their templates, then the shared sections."""
    return environment(ROOT / PAGES_DIR, ROOT / SECTIONS_DIR)


@functools.lru_cache(maxsize=1)
def fragments() -> Any:
    """The macros of ``sections/fragments.html``, callable from Python (each returns Markup)."""
    return web().get_template("fragments.html").module


def render(template: str, **context: Any) -> str:
    """A web template rendered with ``context``."""
    return web().get_template(template).render(**context)
