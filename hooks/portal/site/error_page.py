"""The preview's error page: while content has errors, ``make serve`` shows them on every page.

MkDocs' live server keeps the last good site and, after a failed rebuild, holds every request
until a build succeeds (the browser seems to hang). The preview instead writes this page over
every page of the site it serves, so the browser shows the errors (file, line, field, both
languages) and, as the page keeps MkDocs' live-reload script, returns to the site once the
file is fixed and the next build succeeds.
"""
from __future__ import annotations

import html
from pathlib import Path

from portal.content.errors import ContentError


def error_page(errors: list[ContentError]) -> str:
    """A complete HTML page listing ``errors`` (no stylesheet or script of its own)."""
    count = len(errors)
    items = "".join(
        f"<li><code>{html.escape(e.file)}:{e.line}</code>{' <code>' + html.escape(e.field) + '</code>' if e.field else ''}"
        f" [{html.escape(e.code)}]<br>{html.escape(e.message_id)}<br><i lang=\"en\">{html.escape(e.message_en)}</i></li>\n"
        for e in errors)
    return (
        "<!doctype html>\n<html lang=\"id\">\n<head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>Isi belum sah / Content has errors</title></head>\n"
        "<body style=\"font-family: sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem\">\n"
        f"<h1 id=\"pmi-content-errors\">{count} kesalahan isi / {count} content error(s)</h1>\n"
        "<p>Pratinjau berhenti sampai isi diperbaiki; halaman ini kembali sendiri setelah berkas disimpan "
        "dengan benar.<br><i lang=\"en\">The preview waits until the content is fixed; this page returns "
        "by itself once the file is saved correctly.</i></p>\n"
        f"<ul>\n{items}</ul>\n</body>\n</html>\n")


def show_everywhere(site_dir: Path, page: str) -> int:
    """Write ``page`` over every HTML file of the served ``site_dir`` (links not followed); how many."""
    count = 0
    for path in site_dir.rglob("*.html"):
        if path.is_file() and not path.is_symlink():
            path.write_text(page, encoding="utf-8")
            count += 1
    return count
