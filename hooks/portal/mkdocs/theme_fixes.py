"""Fixes to what the theme and the i18n plugin write: one 404 page per language, and none of
Material's JavaScript, palette stylesheet or default favicon published (no page loads them)."""
from __future__ import annotations

import shutil
from pathlib import Path

from portal.mkdocs.borrowed import THEME_SCRIPTS, THEME_UNUSED
from portal.site.config import Site



def not_found_page(site: Site, lang: str, output: str) -> str:
    """Called with each language's rendered 404.html, which MkDocs writes to ``site/404.html``.

    Non-default languages go to ``site/<lang>/404.html``; ``site/404.html`` keeps (gets back)
    the default language's page, written by the default build that always runs first.
    """
    if lang == site.default_language:
        return output
    dest = site.site_dir / lang / "404.html"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(output, encoding="utf-8")
    default = site.site_dir / "404.html"
    return default.read_text(encoding="utf-8") if default.exists() else output


def remove_theme_javascript(site_dir: Path) -> None:
    """Delete Material's JavaScript (:data:`portal.mkdocs.borrowed.THEME_SCRIPTS`) from ``site_dir``:
    no page loads it (overrides/main.html leaves it out for page weight), and on old browsers it
    would fetch a polyfill from unpkg.com. The link check catches a page that would still load one."""
    for pattern in THEME_SCRIPTS:
        for path in site_dir.glob(pattern):
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def remove_unused_theme_files(site_dir: Path, docs_dir: Path) -> None:
    """Delete Material's files no page loads (:data:`portal.mkdocs.borrowed.THEME_UNUSED`) from
    ``site_dir``; a file of the same path in ``docs_dir`` is the staff's, and stays."""
    for pattern in THEME_UNUSED:
        for path in site_dir.glob(pattern):
            if not (docs_dir / path.relative_to(site_dir)).exists():
                path.unlink()
