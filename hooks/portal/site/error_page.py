"""The preview's error page: while content has errors, ``make serve`` shows them on every page.

MkDocs' live server keeps the last good site and, after a failed rebuild, holds every request
until a build succeeds (the browser seems to hang). The preview instead writes this page over
every page of the site it serves, so the browser shows the errors (file, line, field, both
languages) and, as the page keeps MkDocs' live-reload script, returns to the site once the
file is fixed and the next build succeeds.
"""
from __future__ import annotations

from pathlib import Path

from portal.content.errors import ContentError
from portal.site.html import render


def error_page(errors: list[ContentError]) -> str:
    """A complete HTML page listing ``errors`` (no stylesheet or script of its own)."""
    return render("content_errors.html", errors=errors)


def show_everywhere(site_dir: Path, page: str) -> int:
    """Write ``page`` over every HTML file of the served ``site_dir`` (links not followed); how many."""
    count = 0
    for path in site_dir.rglob("*.html"):
        if path.is_file() and not path.is_symlink():
            path.write_text(page, encoding="utf-8")
            count += 1
    return count
