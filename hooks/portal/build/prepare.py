"""The pre-build step: content validated once, pages generated (kept in memory, see :mod:`portal.mkdocs.memory_pages`)."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from portal.checks.docs_guard import markdown_on_disk, problems as docs_problems
from portal.content.errors import ContentInvalid
from portal.content.model import Content
from portal.content.validator import content_files, load_content
from portal.outputs.brochure_pages import brochure_pages, download_links
from portal.outputs.brochures import TEMPLATE_DIR, Made, make_all
from portal.outputs.print_kit import TEMPLATE_DIR as PRINT_TEMPLATE_DIR, make_kit
from portal.site.config import Site
from portal.site.handwritten import fallback_pages
from portal.site.html import PAGES_DIR, SECTIONS_DIR
from portal.site.pages import build_pages
from portal.site.review import stale_items
from portal.site.strings import Strings, load_strings
from portal.site.urls import COUNTRY_DIR, ORGANIZATION_DIR, OWNED_DIRS, PROCEDURE_DIR, PROGRAM_DIR, SITUATION_DIR

log = logging.getLogger("mkdocs.hooks.portal")


@dataclass(frozen=True)
class Prepared:
    site: Site
    content: Content
    strings: dict[str, Strings]
    pages: dict[str, str]  # {path under docs/: text}: generated pages, kept in memory (see memory_pages)
    brochures: Made = Made((), 0, 0)


_cache: dict[str, Prepared] = {}


def fingerprint(site: Site) -> str:
    """Changes whenever a content file, a UI strings file, a template, a page of docs/ or the language list changes."""
    digest = hashlib.sha256(repr((site, site.today)).encode())
    files = content_files(site.data_dir) + sorted((site.data_dir / "ui").glob("*.yaml"))
    files += [path for folder in (TEMPLATE_DIR, PRINT_TEMPLATE_DIR, SECTIONS_DIR, PAGES_DIR)
              for path in sorted((site.root / folder).glob("*"))]
    files += [site.docs_dir / rel for rel in markdown_on_disk(site.docs_dir, site.root)]
    for path in files:
        try:
            stat = path.stat()
        except OSError:  # a dangling or looping link: the loader reports it
            stat = path.lstat()
        digest.update(f"{path}:{stat.st_mode}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


def _made_from(content: Content) -> dict[str, str]:
    """{generated page: its content file} for the pages of programs, procedures, countries, situations and
    organisations."""
    folders = ((PROGRAM_DIR, content.programs), (PROCEDURE_DIR, content.procedures),
               (COUNTRY_DIR, content.countries), (SITUATION_DIR, content.situations),
               (ORGANIZATION_DIR, content.organizations))
    return {f"{folder}/{item.slug}.{lang}.md": item.file
            for folder, items in folders for item in items for lang in content.languages}


def prepare(site: Site) -> Prepared:
    """Validate content and generate pages; cached, as MkDocs calls this once per language."""
    key = fingerprint(site)
    if key in _cache:
        return _cache[key]
    content = load_content(site.data_dir, site.languages, today=site.today, root=site.root)
    strings = load_strings(site.data_dir / "ui", site.languages, root=site.root)
    # before the pages: they show each PDF's size
    made = make_all(site, content, strings) if site.options.brochures else Made((), 0, 0)
    if site.options.brochures:  # the print kit is listed first on the brochures page
        made = Made(make_kit(site, content, strings) + made.brochures, made.rendered, made.cached)
    today = site.today
    pages = build_pages(content, strings, site.options, today, download_links(made, strings))
    pages.update(brochure_pages(content, strings, made, built=site.options.brochures))
    months = site.options.stale_after_months
    for item in stale_items([*content.programs, *content.procedures, *content.countries, *content.situations,
                             *content.organizations],
                            today, months):
        # INFO, not WARNING: a warning would fail the strict build a year after each review.
        log.info("Portal PMI: %s last reviewed %s, more than %d months ago: please review",
                 item.file, item.last_reviewed.isoformat(), months)
    copies = fallback_pages(site.docs_dir, OWNED_DIRS, site.languages, strings)
    # nothing in docs/ is deleted: a hand-written page in the way is an error naming it
    made_from = _made_from(content)
    generated = {path: made_from.get(path, "") for path in [*pages, *copies]}
    clashes = docs_problems(site.docs_dir, site.root, generated, OWNED_DIRS, site.languages)
    if clashes:
        raise ContentInvalid(clashes)
    log.info("Portal PMI: %d pages generated, %d copies of untranslated pages", len(pages), len(copies))
    _cache.clear()
    _cache[key] = Prepared(site, content, strings, {**pages, **copies}, made)
    return _cache[key]
