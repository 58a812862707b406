"""The print kit per language: the A6 pocket guide and its office print file (A4, two pages a side).

What goes into the guide is marked in the content, never chosen here: procedures with ``pocket:
sebelum-berangkat`` or ``pocket: jika-ada-masalah`` (their steps and contacts with ``pocket:
true``), programs and glossary terms with ``pocket: true``. The guide has at most
:data:`MAX_POCKET_PAGES` pages; blank pages are added up to a multiple of 4. Rendered with the
brochures' WeasyPrint workers, cached like them in a folder of its own.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from portal.build.paths import own_folder
from portal.content.errors import ContentError, ContentInvalid
from portal.content.model import Content, Procedure
from portal.outputs.brochures import (Brochure, cache_key, environment, html_fragment, font_files, is_intact, qr_svg,
                                      render_all, site_path, store, stylesheet)
from portal.outputs.imposition import impose, pad_to_multiple, page_count
from portal.site.config import Site
from portal.site.render import Renderer, status_text
from portal.site.strings import Strings

TEMPLATE_DIR = Path("overrides") / "print"
CACHE_DIR = Path(".cache") / "print-kit"
MAX_POCKET_PAGES = 24
POCKET_SECTIONS = ("sebelum-berangkat", "jika-ada-masalah")  # the schema's values of a procedure's `pocket`
CACHE_FILE = re.compile(r"^[0-9a-f]{64}(-office)?\.(pdf|sha256)(\.tmp)?$")  # what make_kit writes


def _procedure(r: Renderer, p: Procedure) -> dict[str, Any]:
    orgs = r.content.organization_index
    return {
        "title": r.plain(p.title), "summary": html_fragment(r.block(p.summary, "summary")),
        "steps": [{"title": r.plain(s.title), "body": html_fragment(r.block(s.body) if s.body else None),
                   "documents": html_fragment(r.checklist(s.documents) if s.documents else None),
                   "where": [r.plain(orgs[o].name) for o in s.where]} for s in p.steps if s.pocket],
        "contacts": html_fragment(r.contacts([c for c in p.contacts if c.pocket]) if any(c.pocket for c in p.contacts)
                          else None),
    }


def pocket_context(site: Site, r: Renderer) -> dict[str, Any]:
    """What the pocket guide shows in ``r``'s language: its parts, in order, with the marked items."""
    content, t = r.content, r.t
    orgs = content.organization_index
    procedures = sorted((p for p in content.procedures if p.pocket), key=lambda p: p.slug)
    programs = sorted((p for p in content.programs if p.pocket), key=lambda p: r.plain(p.title).lower())
    terms = sorted((g for g in content.glossary if g.pocket), key=lambda g: g.term.lower())
    parts = [
        {"id": "sebelum-berangkat", "title": t("print_kit.before"), "programs": [], "glossary": [],
         "procedures": [_procedure(r, p) for p in procedures if p.pocket == "sebelum-berangkat"]},
        {"id": "program", "title": t("section.programs"), "procedures": [], "glossary": [],
         "programs": [{"title": r.plain(p.title), "summary": html_fragment(r.block(p.summary, "summary")),
                       "audience": ", ".join(t("audience." + a) for a in p.audience),
                       "status": status_text(r, p), "where": [r.plain(orgs[o].name) for o in p.where]}
                      for p in programs]},
        {"id": "jika-ada-masalah", "title": t("print_kit.problem"), "programs": [], "glossary": [],
         "procedures": [_procedure(r, p) for p in procedures if p.pocket == "jika-ada-masalah"]},
        {"id": "glosarium", "title": t("section.glossary"), "procedures": [], "programs": [],
         "glossary": [{"term": g.term, "expansion": html_fragment(r.inline(g.expansion) if g.expansion else None),
                       "definition": html_fragment(r.block(g.definition))} for g in terms]},
    ]
    dated = [*procedures, *programs]
    reviewed = max((d.last_reviewed for d in dated), default=site.today)
    url = site.page_url(r.lang, "")
    draft = site.is_local_preview
    return {"lang": r.lang, "t": t, "draft": draft, "qr": None if draft else qr_svg(url), "url": url,
            "title": t("print_kit.pocket_title"), "reviewed": t("last_reviewed", date=t.long_date(reviewed)),
            "parts": [part for part in parts if part["procedures"] or part["programs"] or part["glossary"]]}


def marked(content: Content) -> str:
    """What is marked for the pocket guide, counted, in both languages: for the error when it does not fit."""
    procedures = [p for p in content.procedures if p.pocket]
    steps = sum(s.pocket for p in procedures for s in p.steps)
    contacts = sum(c.pocket for p in procedures for c in p.contacts)
    programs = sum(p.pocket for p in content.programs)
    terms = sum(bool(g.pocket) for g in content.glossary)
    names = ", ".join(p.slug for p in procedures)
    return (f"{len(procedures)} prosedur ({names}) dengan {steps} langkah dan {contacts} kontak, {programs} program, "
            f"{terms} istilah",
            f"{len(procedures)} procedures ({names}) with {steps} steps and {contacts} contacts, {programs} programmes, "
            f"{terms} terms")


def too_long(content: Content, lang: str, pages: int) -> ContentError:
    """The bilingual error of a pocket guide over :data:`MAX_POCKET_PAGES` pages."""
    first = next((p.file for p in sorted(content.procedures, key=lambda p: p.slug) if p.pocket), "data/procedures")
    what_id, what_en = marked(content)
    return ContentError(
        first, 1, "pocket", "E-POCKET-PAGES",
        f"buku saku ({lang}) perlu {pages} halaman A6; paling banyak {MAX_POCKET_PAGES}. Yang ditandai 'pocket': "
        f"{what_id}. Hapus tanda 'pocket' dari sebagian, atau persingkat teksnya",
        f"the pocket guide ({lang}) needs {pages} A6 pages; at most {MAX_POCKET_PAGES}. Marked 'pocket': "
        f"{what_en}. Remove the 'pocket' mark from some, or shorten the text")


def make_kit(site: Site, content: Content, strings: dict[str, Strings]) -> tuple[Brochure, ...]:
    """The pocket guide and office print file of every language, rendered only when their inputs
    changed; a guide over :data:`MAX_POCKET_PAGES` pages raises :class:`ContentInvalid`."""
    fonts = font_files()
    css = stylesheet(site, fonts, TEMPLATE_DIR / "pocket.css")
    cache = own_folder(site.root, CACHE_DIR / hashlib.sha256(site.site_url.encode()).hexdigest()[:12])
    template = environment(site, TEMPLATE_DIR).get_template("pocket.html")
    jobs = []
    for lang in content.languages:
        r = Renderer(lang, content, strings[lang], site.options, site.today)
        html = template.render(**pocket_context(site, r))
        guide = cache / f"{cache_key(html, css, fonts, site.site_url)}.pdf"
        jobs.append((lang, html, guide, guide.with_name(guide.stem + "-office.pdf")))
    todo = [job for job in jobs if not (is_intact(job[2]) and is_intact(job[3]))]
    errors = []
    for (lang, _, guide, office), (pdf, pages) in zip(todo, render_all([j[1] for j in todo], css,
                                                                       site.root / TEMPLATE_DIR)):
        if pages > MAX_POCKET_PAGES:
            errors.append(too_long(content, lang, pages))
            continue
        padded = pad_to_multiple(pdf, 4)
        store(guide, padded)
        store(office, impose(padded))
    if errors:
        raise ContentInvalid(errors)
    out = []
    for lang, _, guide, office in jobs:
        t = strings[lang]
        reviewed = max((d.last_reviewed for d in [*content.procedures, *content.programs] if d.pocket),
                       default=site.today)
        for kind, path, stem in (("pocket", guide, t("print_kit.pocket_file")),
                                 ("office", office, t("print_kit.office_file"))):
            name = f"{stem}-{lang}.pdf"
            out.append(Brochure(lang, name, t(f"print_kit.{kind}_title"), reviewed, site_path(site, lang, name),
                                path, path.stat().st_size, None, kind, page_count(path.read_bytes())))
    used = {b.cache_file.name for b in out} | {b.cache_file.with_suffix(".sha256").name for b in out}
    for stale in cache.iterdir():
        if CACHE_FILE.match(stale.name) and stale.name not in used:  # only what make_kit wrote
            stale.unlink()
    return tuple(out)
