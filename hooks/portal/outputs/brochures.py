"""Printable brochures: a PDF per program per language, and a booklet per language.

The HTML comes from the Jinja templates and stylesheet in ``overrides/brochure/``;
WeasyPrint renders it into a cache outside ``site/`` (MkDocs empties ``site/`` at
every build), keyed by a hash of every input, so an unchanged brochure is never
rendered twice; each cached PDF has its SHA-256 beside it, checked before reuse. :func:`copy_to_site` puts this build's PDFs into ``site/``.

``python -m portal.brochures`` (with ``hooks/`` on the path) times every brochure
for ``make bench``; see :func:`benchmark`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import multiprocessing
import os
import re
import shutil
import sys
import time
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import jinja2
import segno
from markupsafe import Markup

from portal.build.interrupt import worker_init
from portal.build.paths import own_folder
from portal.content.errors import ContentError, ContentInvalid
from portal.content.model import Content, Procedure, Program
from portal.content.validator import load_content
from portal.site.config import Site, from_mkdocs_file
from portal.site.html import SECTIONS_DIR, environment
from portal.site.render import HtmlStrings, Renderer
from portal.site.strings import Strings, load_strings
from portal.site.urls import brochure_path, program_path

log = logging.getLogger("mkdocs.hooks.portal")

"""URL folder of the brochures page and the PDFs, in every language."""
MAX_PAGES = 2
TEMPLATE_DIR = Path("overrides") / "brochure"
STYLESHEET = "brochure.css"
CACHE_DIR = Path(".cache") / "brochures"
FONT_FAMILY = "DejaVu Sans"
FONT_FILES = {"normal": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
             Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts")
CALO_AUDIENCES = frozenset({"calon_pmi"})
"""Audiences whose brochures carry the standard warning about brokers (calo)."""


class BrochureError(Exception):
    """A brochure cannot be made for a reason outside the content (e.g. a missing font)."""


@dataclass(frozen=True)
class Brochure:
    """One PDF of this build, ready in the cache."""

    lang: str
    name: str  # file name, e.g. 'melati-id.pdf'
    title: str
    reviewed: dt.date
    site_path: str  # path inside site/, e.g. 'en/brosur/melati-en.pdf'
    cache_file: Path
    size: int
    slug: str | None = None  # the program; None for the booklet and the print kit
    kind: str = "brochure"  # or 'booklet', or a print kit file: 'pocket', 'office', 'poster-a3', 'poster-a4'
    pages: int = 0  # known for the print kit's files


@dataclass(frozen=True)
class Made:
    """The brochures of one build and how many were rendered rather than taken from the cache."""

    brochures: tuple[Brochure, ...]
    rendered: int
    cached: int


@dataclass(frozen=True)
class _Job:
    lang: str
    name: str
    title: str
    reviewed: dt.date
    html: str
    slug: str | None
    file: str  # content file to name in errors


# --- fonts and stylesheet ---------------------------------------------------------------

def font_files(dirs: Iterable[Path] = FONT_DIRS) -> dict[str, Path]:
    """DejaVu Sans regular and bold; :class:`BrochureError` with the fix when missing."""
    found: dict[str, Path] = {}
    for weight, name in FONT_FILES.items():
        for folder in dirs:
            match = next(iter(sorted(folder.rglob(name))), None) if folder.is_dir() else None
            if match:
                found[weight] = match
                break
    if len(found) < len(FONT_FILES):
        raise BrochureError(f"Font {FONT_FAMILY} not found ({', '.join(FONT_FILES.values())}): "
                            "install it with `apt-get install fonts-dejavu-core`. / "
                            f"Huruf {FONT_FAMILY} tidak ada: pasang dengan `apt-get install fonts-dejavu-core`.")
    return found


@lru_cache(maxsize=1)
def _fonts() -> tuple[Path, ...]:
    """The font files, looked up once per process (each PDF may read only these and the templates)."""
    return tuple(font_files().values())


@lru_cache(maxsize=8)
def _file_digest(path: Path, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stylesheet(site: Site, fonts: dict[str, Path], file: Path = TEMPLATE_DIR / STYLESHEET) -> str:
    """A print stylesheet (the brochures' by default), with @font-face rules for the local DejaVu Sans files."""
    faces = "".join(f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; '
                    f'src: url("{path.resolve().as_uri()}"); }}\n' for weight, path in fonts.items())
    return faces + (site.root / file).read_text(encoding="utf-8")


def cache_key(html: str, css: str, fonts: dict[str, Path], site_url: str) -> str:
    """Hash of everything a PDF depends on: HTML (content, template), stylesheet, fonts, site_url."""
    digest = hashlib.sha256()
    for part in (version("weasyprint"), site_url, css, html):
        digest.update(part.encode() + b"\0")
    for path in fonts.values():
        stat = path.stat()
        digest.update(_file_digest(path, stat.st_mtime_ns, stat.st_size).encode())
    return digest.hexdigest()


# --- HTML -------------------------------------------------------------------------------

def _environment(site: Site) -> jinja2.Environment:
    """The brochures' templates, then the sections they share with the web pages."""
    return environment(site.root / TEMPLATE_DIR, site.root / SECTIONS_DIR)


def qr_svg(url: str) -> Markup:
    """A QR code for ``url`` as inline SVG, sized by the stylesheet."""
    return Markup(segno.make(url, error="m").svg_inline(omitsize=True, border=2))


def program_context(r: Renderer, p: Program, url: str) -> dict[str, Any]:
    """What the templates show for one program: ``item`` (the program) for the shared sections
    (``overrides/sections/``), and what only print shows."""
    return {
        "item": p, "slug": p.slug, "title": r.plain(p.title), "url": url,
        "summary": r.block(p.summary, "summary"),
        "calo": bool(CALO_AUDIENCES.intersection(p.audience)),
        "sources": [*p.sources, *p.status.sources],
        "reviewed": r.t("last_reviewed", date=r.t.long_date(p.last_reviewed)),
    }


def procedure_context(r: Renderer, p: Procedure) -> dict[str, Any]:
    """What the booklet shows for one procedure: ``item`` (the procedure) for the shared sections
    (``overrides/sections/``), its title and summary, the sources of it and of its steps."""
    return {
        "item": p, "slug": p.slug, "title": r.plain(p.title), "summary": r.block(p.summary, "summary"),
        "sources": [*p.sources, *(s for st in p.steps for s in st.sources)],
        "reviewed": r.t("last_reviewed", date=r.t.long_date(p.last_reviewed)),
    }


def _page_context(site: Site, r: Renderer, url: str) -> dict[str, Any]:
    draft = site.is_local_preview
    return {"lang": r.lang, "t": HtmlStrings(r.t), "r": r, "medium": "print", "draft": draft, "qr": None if draft else qr_svg(url),
            "printed_from": r.t("brochure.printed_from", url=url)}


def site_path(site: Site, lang: str, name: str) -> str:
    prefix = "" if lang == site.default_language else f"{lang}/"
    return prefix + brochure_path(name)


def jobs(site: Site, content: Content, strings: dict[str, Strings]) -> list[_Job]:
    """Every PDF to make: the program brochures first, then one booklet per language."""
    env = _environment(site)
    program_tpl, booklet_tpl = env.get_template("program.html"), env.get_template("booklet.html")
    programs = sorted(content.programs, key=lambda p: p.slug)
    out: list[_Job] = []
    for lang in content.languages:
        r = Renderer(lang, content, strings[lang], site.options, site.today)
        for p in programs:
            url = site.page_url(lang, program_path(p.slug))
            html = program_tpl.render(**_page_context(site, r, url), program=program_context(r, p, url))
            out.append(_Job(lang, f"{p.slug}-{lang}.pdf", r.plain(p.title), p.last_reviewed, html, p.slug, p.file))
    for lang in content.languages:
        r, t = Renderer(lang, content, strings[lang], site.options, site.today), strings[lang]
        url = site.page_url(lang, "")
        dated = [*content.programs, *content.procedures]
        html = booklet_tpl.render(
            **_page_context(site, r, url), title=t("brochure.booklet_title"), intro=t("brochure.booklet_intro"),
            programs=[program_context(r, p, site.page_url(lang, program_path(p.slug)))
                      for p in sorted(programs, key=lambda p: r.plain(p.title).lower())],
            procedures=[procedure_context(r, p) for p in sorted(content.procedures, key=lambda p: p.slug)],
            glossary=sorted(content.glossary, key=lambda g: g.term.lower()))
        reviewed = max((d.last_reviewed for d in dated), default=site.today)
        out.append(_Job(lang, f"{t('brochure.booklet_file')}-{lang}.pdf", t("brochure.booklet_title"),
                        reviewed, html, None, ""))
    return out


# --- PDF --------------------------------------------------------------------------------

def render_all(documents: list[str], css: str, base_url: Path) -> list[tuple[bytes, int]]:
    """:func:`render_pdf` of each document, in order, on every core (WeasyPrint uses one).

    An interrupted build (Ctrl-C, SIGTERM: see :mod:`portal.build.interrupt`) leaves the ``with`` block,
    which terminates the workers."""
    workers = min(len(documents), os.cpu_count() or 1)
    if workers < 2:
        return [render_pdf(html, css, base_url) for html in documents]
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=worker_init, initargs=(os.getpid(),)) as pool:
        return pool.starmap(render_pdf, [(html, css, base_url) for html in documents], chunksize=1)


def allowed_file(url: str, template_dir: Path, fonts: Iterable[Path]) -> Path | None:
    """The local file ``url`` names when WeasyPrint may read it (a file of the brochure templates,
    or a font file of :func:`font_files`), else None: no network, no other file."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(unquote(parts.path))).resolve()
    if path.is_relative_to(template_dir.resolve()) or path in {f.resolve() for f in fonts}:
        return path
    return None


def url_fetcher(template_dir: Path, fonts: Iterable[Path]):
    """A WeasyPrint URL fetcher that reads only :func:`allowed_file` files; anything else (http,
    data:, a local file elsewhere) is refused, so WeasyPrint leaves it out and fetches nothing."""
    from weasyprint.urls import URLFetcher  # imported late, like weasyprint itself

    fonts = tuple(fonts)

    class LocalOnly(URLFetcher):
        refused: list[str] = []

        def fetch(self, url, headers=None):
            path = allowed_file(url, template_dir, fonts)
            if path is None:
                self.refused.append(url)
                raise ValueError(f"Portal PMI brochures load only their own templates and fonts, not {url}")
            return super().fetch(path.as_uri(), headers)

    return LocalOnly(allowed_protocols=("file",), allow_redirects=False)


def render_pdf(html: str, css: str, base_url: Path) -> tuple[bytes, int]:
    """The PDF bytes of ``html`` and its page count; only ``base_url`` (the templates) and the
    fonts may be read (:func:`url_fetcher`)."""
    import weasyprint  # here, not at the top: importing it takes seconds, and most builds render nothing
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    fetcher = url_fetcher(base_url, _fonts())
    document = weasyprint.HTML(string=html, base_url=str(base_url), url_fetcher=fetcher).render(
        stylesheets=[weasyprint.CSS(string=css, font_config=fonts, url_fetcher=fetcher)], font_config=fonts)
    return document.write_pdf(), len(document.pages)


CACHE_FILE = re.compile(r"^[0-9a-f]{64}\.(pdf|sha256)(\.tmp)?$")  # names of the files make_all writes


def checksum_file(pdf: Path) -> Path:
    """Where the SHA-256 of a cached PDF is kept: beside it."""
    return pdf.with_suffix(".sha256")


def store(path: Path, pdf: bytes) -> None:
    """Write ``pdf`` into the cache, then its checksum, each whole or not at all."""
    for target, data in ((path, pdf), (checksum_file(path), hashlib.sha256(pdf).hexdigest().encode())):
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)


def is_intact(path: Path) -> bool:
    """Whether the cached PDF at ``path`` is the one its checksum was written for (a truncated or
    otherwise damaged one, or one without a checksum, is rendered again)."""
    try:
        expected = checksum_file(path).read_text(encoding="ascii").strip()
        return hashlib.sha256(path.read_bytes()).hexdigest() == expected
    except (OSError, UnicodeDecodeError):
        return False


def _too_long(job: _Job, pages: int) -> ContentError:
    return ContentError(job.file, 1, "", "E-BROCHURE-PAGES",
                        f"brosur program '{job.slug}' ({job.lang}) {pages} halaman; paling banyak {MAX_PAGES}. "
                        "Persingkat teksnya",
                        f"the brochure of program '{job.slug}' ({job.lang}) has {pages} pages; "
                        f"at most {MAX_PAGES}. Shorten the text")


def make_all(site: Site, content: Content, strings: dict[str, Strings]) -> Made:
    """Every brochure of this build, rendered only when its inputs changed.

    A program brochure over :data:`MAX_PAGES` pages raises :class:`ContentInvalid`.
    """
    fonts = font_files()
    css = stylesheet(site, fonts)
    # one folder per site_url, so a preview build does not evict the deploy build's PDFs
    cache = own_folder(site.root, CACHE_DIR / hashlib.sha256(site.site_url.encode()).hexdigest()[:12])
    made: list[Brochure] = []
    errors: list[ContentError] = []
    rendered = 0
    all_jobs = jobs(site, content, strings)
    # program brochures first: no booklet for a build that fails anyway
    for batch in ([j for j in all_jobs if j.slug is not None], [j for j in all_jobs if j.slug is None]):
        if errors:
            break
        paths = [cache / f"{cache_key(job.html, css, fonts, site.site_url)}.pdf" for job in batch]
        todo = [(job, path) for job, path in zip(batch, paths) if not is_intact(path)]
        for (job, path), (pdf, pages) in zip(todo, render_all([job.html for job, _ in todo], css,
                                                               site.root / TEMPLATE_DIR)):
            rendered += 1
            if job.slug is not None and pages > MAX_PAGES:
                errors.append(_too_long(job, pages))
                continue
            store(path, pdf)
        made += [Brochure(job.lang, job.name, job.title, job.reviewed, site_path(site, job.lang, job.name),
                          path, path.stat().st_size, job.slug, "brochure" if job.slug else "booklet")
                 for job, path in zip(batch, paths) if path.exists()]
    if errors:
        raise ContentInvalid(errors)
    used = {b.cache_file.name for b in made} | {checksum_file(b.cache_file).name for b in made}
    for stale in cache.iterdir():
        if CACHE_FILE.match(stale.name) and stale.name not in used:  # only what the build wrote
            stale.unlink()
    log.info("Portal PMI: brochures: %d rendered, %d from cache", rendered, len(made) - rendered)
    return Made(tuple(made), rendered, len(made) - rendered)


def copy_to_site(site: Site, brochures: Iterable[Brochure]) -> None:
    """Copy this build's PDFs from the cache into ``site/``."""
    for b in brochures:
        dest = site.site_dir / b.site_path
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(b.cache_file, dest)


# --- benchmark (make bench) ---------------------------------------------------------------

@dataclass(frozen=True)
class Timing:
    lang: str
    name: str
    seconds: float
    bytes: int
    pages: int
    booklet: bool


def benchmark(site: Site | None = None) -> list[Timing]:
    """Render every brochure afresh (the cache is neither read nor written) and time each."""
    site = site or from_mkdocs_file()
    content = load_content(site.data_dir, site.languages, root=site.root)
    strings = load_strings(site.data_dir / "ui", site.languages, root=site.root)
    css = stylesheet(site, font_files())
    out = []
    for job in jobs(site, content, strings):
        start = time.perf_counter()
        pdf, pages = render_pdf(job.html, css, site.root / TEMPLATE_DIR)
        out.append(Timing(job.lang, job.name, time.perf_counter() - start, len(pdf), pages, job.slug is None))
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m portal.brochures [--json]``: time per brochure, PDF bytes per language."""
    timings = benchmark()
    langs = dict.fromkeys(t.lang for t in timings)
    totals = {lang: sum(t.bytes for t in timings if t.lang == lang) for lang in langs}
    if "--json" in (argv if argv is not None else sys.argv[1:]):
        print(json.dumps({"brochures": [asdict(t) for t in timings], "bytes_per_language": totals}, indent=2))
        return 0
    width = max((len(t.name) for t in timings), default=0)
    for t in timings:
        print(f"{t.lang}  {t.name:{width}} {t.seconds * 1000:7.0f} ms {t.bytes:9d} B {t.pages:3d} p")
    for label, group in (("program brochure", [t for t in timings if not t.booklet]),
                         ("booklet", [t for t in timings if t.booklet])):
        if group:
            mean = sum(t.seconds for t in group) / len(group)
            print(f"{len(group)} {label}s, {mean * 1000:.0f} ms each on average, "
                  f"{sum(t.seconds for t in group):.1f} s in total")
    for lang, total in totals.items():
        print(f"{lang}: {total} bytes in total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
