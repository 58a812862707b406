"""Redirect pages for old slugs, so printed QR codes and shared links keep working."""
from __future__ import annotations

from pathlib import Path

from portal.content.model import Content
from portal.site.config import Site
from portal.site.html import render
from portal.site.urls import COUNTRY_DIR, ORGANIZATION_DIR, PROCEDURE_DIR, PROGRAM_DIR

def redirect_pages(content: Content, site: Site) -> dict[str, str]:
    """``{path under site/: HTML}``: one page per old slug and language, pointing at the new URL."""
    pages: dict[str, str] = {}
    collections = ((PROGRAM_DIR, content.programs, lambda i: i.title),
                   (PROCEDURE_DIR, content.procedures, lambda i: i.title),
                   (COUNTRY_DIR, content.countries, lambda i: i.name),
                   (ORGANIZATION_DIR, content.organizations, lambda i: i.name))
    for folder, items, title in collections:
        for item in items:
            for old in item.old_slugs:
                for lang in content.languages:
                    prefix = "" if lang == content.default_language else f"{lang}/"
                    text = title(item).get(lang) or title(item)[content.default_language]
                    pages[f"{prefix}{folder}/{old}/index.html"] = render(
                        "redirect.html", lang=lang, title=text, target=f"../{item.slug}/",
                        canonical=site.page_url(lang, f"{folder}/{item.slug}/"))
    return pages


def write_redirects(content: Content, site: Site) -> int:
    """Write the redirect pages into ``site.site_dir``; never over a real page."""
    written = 0
    for rel, text in redirect_pages(content, site).items():
        path = Path(site.site_dir) / rel
        if path.exists() and "http-equiv=\"refresh\"" not in path.read_text(encoding="utf-8"):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += 1
    return written
