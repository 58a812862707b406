"""The print kit per language: the A6 pocket guide, its office print file (A4, two pages a side),
and the wall poster in A3 and A4.

What goes into the guide is marked in the content, never chosen here: procedures with ``pocket:
sebelum-berangkat`` or ``pocket: jika-ada-masalah`` (their steps and contacts with ``pocket:
true``), countries, programs and glossary terms with ``pocket: true``, and the contacts of any country
with ``pocket: true`` (the help lines by country, first after the cover); procedure steps, and
procedure and country contacts, with ``poster: true`` for the poster. The guide has at most
:data:`MAX_POCKET_PAGES` pages, its help lines at most :data:`MAX_HELP_LINES_PAGES`; blank pages are
added up to a multiple of 4. Rendered with the brochures' WeasyPrint workers, cached like them in a
folder of its own.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from portal.build.paths import own_folder
from portal.content.errors import ContentError, ContentInvalid
from portal.content.loader import dotted, load_file
from portal.content.model import Content, Procedure
from portal.outputs.brochures import (Brochure, cache_key, font_files, is_intact, qr_svg, render_all, render_pdf,
                                      site_path, store, stylesheet)
from portal.outputs.imposition import impose, pad_to_multiple, page_count
from portal.site.config import Site
from portal.site.html import SECTIONS_DIR, environment
from portal.site.pages import OTHER_COUNTRIES, sort_key
from portal.site.render import Renderer
from portal.site.strings import Strings
from portal.site.urls import CHECKER_DIR, HELP_DIR

log = logging.getLogger("mkdocs.hooks.portal")

TEMPLATE_DIR = Path("overrides") / "print"
CACHE_DIR = Path(".cache") / "print-kit"
MAX_POCKET_PAGES = 24
MAX_HELP_LINES_PAGES = 2
HELP_LINES = "saluran-bantuan"  # the id of the guide's help lines part; its end is marked by HELP_LINES_END
HELP_LINES_END = f"{HELP_LINES}-akhir"
CACHE_FILE = re.compile(r"^[0-9a-f]{64}(-office)?\.(pdf|sha256)(\.tmp)?$")  # what make_kit writes


def _environment(site: Site):
    """The print kit's templates, then the sections it shares with the web pages and the booklet."""
    return environment(site.root / TEMPLATE_DIR, site.root / SECTIONS_DIR)


def _procedure(p: Procedure) -> dict[str, Any]:
    """A procedure in the pocket guide: ``item``, and of its steps and contacts those marked ``pocket``."""
    return {"item": p, "steps": [s for s in p.steps if s.pocket], "contacts": [c for c in p.contacts if c.pocket]}


def help_lines(r: Renderer) -> list[dict[str, Any]]:
    """The countries with contacts marked ``pocket``, in the help page's order ('lainnya' last): each
    ``item`` (the country) and those ``contacts``."""
    countries = sorted(r.content.countries, key=lambda c: (c.slug == OTHER_COUNTRIES, sort_key(r.title(c.name))))
    return [{"item": c, "contacts": marks} for c in countries if (marks := [x for x in c.contacts if x.pocket])]


def _with_contacts(content: Content) -> list:
    """Procedures and countries, each by slug: the items whose contacts may be marked for print."""
    return [*sorted(content.procedures, key=lambda p: p.slug), *sorted(content.countries, key=lambda c: c.slug)]


def reviewed_on(content: Content, mark: str, today: dt.date) -> dt.date:
    """The newest review date of what is marked ``mark`` ('pocket' or 'poster'); ``today`` when nothing is."""
    if mark == "pocket":
        dated = [p for p in (*content.procedures, *content.countries, *content.programs) if p.pocket]
    else:
        dated = [*(p for p in content.procedures if any(s.poster for s in p.steps)),
                 *(p for p in _with_contacts(content) if any(c.poster for c in p.contacts))]
    return max((d.last_reviewed for d in dated), default=today)


def pocket_context(site: Site, r: Renderer) -> dict[str, Any]:
    """What the pocket guide shows in ``r``'s language: its parts, in order, with the marked items."""
    content, t = r.content, r.t
    procedures = sorted((p for p in content.procedures if p.pocket), key=lambda p: p.slug)
    programs = sorted((p for p in content.programs if p.pocket), key=lambda p: r.plain(p.title).lower())
    terms = sorted((g for g in content.glossary if g.pocket), key=lambda g: g.term.lower())
    countries = sorted((c for c in content.countries if c.pocket), key=lambda c: c.slug)
    empty = {"lines": [], "procedures": [], "programs": [], "countries": [], "glossary": []}
    parts = [
        {**empty, "id": HELP_LINES, "title": t("help.lines"), "lines": help_lines(r)},
        {**empty, "id": "sebelum-berangkat", "title": t("print_kit.before"),
         "procedures": [_procedure(p) for p in procedures if p.pocket == "sebelum-berangkat"]},
        {**empty, "id": "program", "title": t("section.programs"), "programs": programs},
        {**empty, "id": "jika-ada-masalah", "title": t("print_kit.problem"),
         "procedures": [_procedure(p) for p in procedures if p.pocket == "jika-ada-masalah"]},
        {**empty, "id": "negara", "title": t("section.countries"), "countries": countries},
        {**empty, "id": "glosarium", "title": t("section.glossary"), "glossary": terms},
    ]
    reviewed = reviewed_on(content, "pocket", site.today)
    url, help_url = site.page_url(r.lang, ""), site.page_url(r.lang, f"{HELP_DIR}/")
    draft = site.is_local_preview
    return {"lang": r.lang, "t": t, "r": r, "medium": "print", "draft": draft, "qr": None if draft else qr_svg(url),
            "url": url, "help_url": help_url, "help_qr": None if draft else qr_svg(help_url),
            "lines_end": HELP_LINES_END, "title": t("print_kit.pocket_title"),
            "reviewed": t("last_reviewed", date=t.long_date(reviewed)),
            "parts": [part for part in parts if any(part[kind] for kind in empty)]}


def marked(content: Content) -> str:
    """What is marked for the pocket guide, counted, in both languages: for the error when it does not fit."""
    procedures = [p for p in content.procedures if p.pocket]
    steps = sum(s.pocket for p in procedures for s in p.steps)
    contacts = sum(c.pocket for p in procedures for c in p.contacts)
    programs = sum(p.pocket for p in content.programs)
    terms = sum(bool(g.pocket) for g in content.glossary)
    names = ", ".join(p.slug for p in procedures)
    countries = sum(c.pocket for c in content.countries)
    lines = sum(c.pocket for country in content.countries for c in country.contacts)
    return (f"{len(procedures)} prosedur ({names}) dengan {steps} langkah dan {contacts} kontak, {programs} program, "
            f"{terms} istilah, {countries} negara, {lines} saluran bantuan negara",
            f"{len(procedures)} procedures ({names}) with {steps} steps and {contacts} contacts, {programs} programmes, "
            f"{terms} terms, {countries} countries, {lines} country help lines")


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


def part_pages(pdf: bytes) -> int:
    """How many pages the help lines part of the guide ``pdf`` takes: from its start to its end marker."""
    reader = PdfReader(io.BytesIO(pdf))
    dests = reader.named_destinations
    if HELP_LINES not in dests:  # nothing marked
        return 0
    start, end = (reader.get_destination_page_number(dests[name]) for name in (HELP_LINES, HELP_LINES_END))
    return end - start + 1


def lines_too_long(site: Site, content: Content, lang: str, pages: int) -> ContentError:
    """The bilingual error of help lines over :data:`MAX_HELP_LINES_PAGES` pages, at the first marked
    contact of the country with the most, naming every marked line by country."""
    marked = [(c, found) for c in sorted(content.countries, key=lambda c: c.slug)
              if (found := [i for i, x in enumerate(c.contacts) if x.pocket])]
    most, found = max(marked, key=lambda m: len(m[1]))
    field = ("contacts", found[0], "pocket")
    line = load_file(site.root / most.file, site.root).line(field)
    named = "; ".join(f"{c.slug}: " + ", ".join(c.contacts[i].value for i in found) for c, found in marked)
    return ContentError(
        most.file, line, dotted(field), "E-POCKET-LINES",
        f"saluran bantuan per negara di buku saku ({lang}) perlu {pages} halaman A6; paling banyak "
        f"{MAX_HELP_LINES_PAGES}. Kontak negara yang ditandai 'pocket': {named}. Hapus tanda 'pocket' dari sebagian "
        "(nomor lain tetap ada di halaman Bantuan darurat), atau persingkat labelnya",
        f"the help lines by country in the pocket guide ({lang}) need {pages} A6 pages; at most "
        f"{MAX_HELP_LINES_PAGES}. Country contacts marked 'pocket': {named}. Remove the 'pocket' mark from some "
        "(the other numbers stay on the Emergency help page), or shorten their labels")


def poster_context(site: Site, r: Renderer, paper: str) -> dict[str, Any]:
    """The poster in ``r``'s language on ``paper`` ('a3' or 'a4'): the help page's address, the steps
    and contacts marked ``poster: true``, by procedure, and a QR code to the checker."""
    t = r.t
    procedures = sorted((p for p in r.content.procedures if any(s.poster for s in p.steps)), key=lambda p: p.slug)
    contacts = [c for p in _with_contacts(r.content) for c in p.contacts if c.poster]
    url = site.page_url(r.lang, f"{CHECKER_DIR}/")
    draft = site.is_local_preview
    reviewed = reviewed_on(r.content, "poster", site.today)
    return {"lang": r.lang, "t": t, "paper": paper, "title": t("print_kit.poster_title"), "url": url,
            "help_url": site.page_url(r.lang, f"{HELP_DIR}/"),
            "qr": None if draft else qr_svg(url), "reviewed": t("last_reviewed", date=t.long_date(reviewed)),
            "procedures": [{"title": r.plain(p.title), "steps": [r.plain(s.title) for s in p.steps if s.poster]}
                           for p in procedures],
            "contacts": (r.contacts(contacts) if contacts else None)}


def poster_too_long(content: Content, lang: str, paper: str, pages: int) -> ContentError:
    first = next((p.file for p in sorted(content.procedures, key=lambda p: p.slug)
                  if any(s.poster for s in p.steps)), "data/procedures")
    marked = sum(s.poster for p in content.procedures for s in p.steps)
    contacts = sum(c.poster for p in _with_contacts(content) for c in p.contacts)
    return ContentError(
        first, 1, "poster", "E-POSTER-PAGES",
        f"poster {paper.upper()} ({lang}) perlu {pages} halaman; harus 1. Yang ditandai 'poster': {marked} langkah "
        f"dan {contacts} kontak. Hapus tanda 'poster' dari sebagian",
        f"the {paper.upper()} poster ({lang}) needs {pages} pages; it must be 1. Marked 'poster': {marked} steps "
        f"and {contacts} contacts. Remove the 'poster' mark from some")


@dataclass(frozen=True)
class _Job:
    lang: str
    kind: str  # 'pocket', 'poster-a3', 'poster-a4'
    html: str
    css: str
    path: Path  # in the cache


def _render(jobs: list[_Job], base_url: Path) -> list[tuple[_Job, bytes, int]]:
    """The jobs whose files are not in the cache, rendered on the brochures' workers, one stylesheet at a time."""
    out = []
    for css in dict.fromkeys(j.css for j in jobs):
        batch = [j for j in jobs if j.css == css]
        out += [(j, pdf, pages) for j, (pdf, pages) in zip(batch, render_all([j.html for j in batch], css, base_url))]
    return out


def make_kit(site: Site, content: Content, strings: dict[str, Strings]) -> tuple[Brochure, ...]:
    """The print kit of every language (pocket guide, office print file, A3 and A4 posters),
    rendered only when their inputs changed. A guide over :data:`MAX_POCKET_PAGES` pages, help lines
    over :data:`MAX_HELP_LINES_PAGES`, or a poster over one page, raise :class:`ContentInvalid`."""
    fonts = font_files()
    pocket_css = stylesheet(site, fonts, TEMPLATE_DIR / "pocket.css")
    poster_css = stylesheet(site, fonts, TEMPLATE_DIR / "poster.css")
    cache = own_folder(site.root, CACHE_DIR / hashlib.sha256(site.site_url.encode()).hexdigest()[:12])
    env = _environment(site)
    pocket, poster = env.get_template("pocket.html"), env.get_template("poster.html")
    jobs = []
    for lang in content.languages:
        r = Renderer(lang, content, strings[lang], site.options, site.today)
        documents = [("pocket", pocket.render(**pocket_context(site, r)), pocket_css)]
        documents += [(f"poster-{paper}", poster.render(**poster_context(site, r, paper)), poster_css)
                      for paper in ("a3", "a4")]
        jobs += [_Job(lang, kind, html, css, cache / f"{cache_key(html, css, fonts, site.site_url)}.pdf")
                 for kind, html, css in documents]
    todo = [j for j in jobs if not (is_intact(j.path) and (j.kind != "pocket" or is_intact(office_file(j.path))))]
    errors, made = [], []
    for job, pdf, pages in _render(todo, site.root / TEMPLATE_DIR):
        if job.kind == "pocket":
            lines = part_pages(pdf)
            failed = ([too_long(content, job.lang, pages)] if pages > MAX_POCKET_PAGES else []) + (
                [lines_too_long(site, content, job.lang, lines)] if lines > MAX_HELP_LINES_PAGES else [])
            errors += failed
            if not failed:
                padded = pad_to_multiple(pdf, 4)
                made += [(job.path, padded), (office_file(job.path), impose(padded))]
        elif pages > 1:
            errors.append(poster_too_long(content, job.lang, job.kind.split("-")[1], pages))
        else:
            made.append((job.path, pdf))
    if errors:  # nothing of a kit that does not fit is kept
        raise ContentInvalid(errors)
    for path, pdf in made:
        store(path, pdf)
    out = []
    for job in jobs:
        t = strings[job.lang]
        files = [(job.kind, job.path)] + ([("office", office_file(job.path))] if job.kind == "pocket" else [])
        for kind, path in files:
            key = kind.replace("-", "_")
            name = f"{t(f'print_kit.{key}_file')}-{job.lang}.pdf"
            reviewed = reviewed_on(content, "poster" if kind.startswith("poster") else "pocket", site.today)
            out.append(Brochure(job.lang, name, t(f"print_kit.{key}_title"), reviewed, site_path(site, job.lang, name),
                                path, path.stat().st_size, None, kind, page_count(path.read_bytes())))
    used = {b.cache_file.name for b in out} | {b.cache_file.with_suffix(".sha256").name for b in out}
    for stale in cache.iterdir():
        if CACHE_FILE.match(stale.name) and stale.name not in used:  # only what make_kit wrote
            stale.unlink()
    log.info("Portal PMI: print kit: %d rendered, %d from cache", len(todo), len(jobs) - len(todo))
    return tuple(out)


def office_file(guide: Path) -> Path:
    """Where the office print file of the cached guide ``guide`` is kept: beside it."""
    return guide.with_name(guide.stem + "-office.pdf")


def benchmark(site: Site, content: Content, strings: dict[str, Strings]) -> list[tuple[str, float, int]]:
    """(file, seconds, pages) of every print kit file rendered afresh, for ``make bench`` (the cache
    is neither read nor written); the office file's time includes the guide's."""
    fonts = font_files()
    env = _environment(site)
    out = []
    for lang in content.languages:
        r = Renderer(lang, content, strings[lang], site.options, site.today)
        for kind, template, css, context in (
                ("pocket", "pocket.html", "pocket.css", pocket_context(site, r)),
                ("poster-a3", "poster.html", "poster.css", poster_context(site, r, "a3")),
                ("poster-a4", "poster.html", "poster.css", poster_context(site, r, "a4"))):
            start = time.perf_counter()
            html = env.get_template(template).render(**context)
            pdf, pages = render_pdf(html, stylesheet(site, fonts, TEMPLATE_DIR / css), site.root / TEMPLATE_DIR)
            out.append((f"{kind}-{lang}", time.perf_counter() - start, pages))
            if kind == "pocket":
                office = impose(pad_to_multiple(pdf, 4))
                out.append((f"office-{lang}", time.perf_counter() - start, page_count(office)))
    return out
