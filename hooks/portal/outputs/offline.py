"""Offline reading and the installable web app: the service worker, a manifest and icons per
language, and the list of files "save for offline reading" keeps.

Everything here is computed from the built output, after the other post-build steps (so a
stylesheet renamed by its content, the search index, the checker's data are what they are in
``site/``): the build's version is a hash of every file; the shell, what the service worker caches
on install, is the offline and help pages and what they and the home page load
(:func:`portal.checks.page_weight.page_weight`), and must stay within :data:`SHELL_BUDGET`; what
"save for offline" keeps is every page of a language its pages link to (:func:`closure`), within
:data:`SAVE_BUDGET`. The worker's own logic is ``service_worker.js`` beside this module.
"""
from __future__ import annotations

import hashlib
import html
import io
import json
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from PIL import Image, ImageDraw, ImageFont

from portal.checks.html_tags import parse_pieces, tag_pieces
from portal.checks.page_weight import Measured, Resource, gzipped_size, page_weight
from portal.outputs.brochures import font_files
from portal.outputs.og_images import head_meta
from portal.outputs.script_strings import ON_DEMAND
from portal.outputs.search import DIALOG_SCRIPT
from portal.site.urls import (ADMIN_DIR, AZ_DIR, CHECKER_DIR, COUNTRY_DIR, ELIGIBILITY_DATA, HELP_DIR, OFFLINE_DIR,
                              PROCEDURE_DIR, PROGRAM_DIR, SEARCH_DIR, is_admin)

SHELL_BUDGET = 60 * 1024
"""What installing the worker downloads, gzipped: a reader who opens one page pays little more."""
SAVE_BUDGET = 1024 * 1024
"""What "save for offline" downloads for one language, at most, gzipped (the button says how much
before saving): the reader pays it once, on a prepaid plan. The real content's save lists were 664 KB
(id) and 684 KB (en) in issue 31, about 780 KB with issue 32's pages: everything fits. A bigger site
keeps what fits, the most urgent first (:data:`SAVE_ORDER`); the build never fails over it, since
adding content must not break the site."""
SAVE_ORDER = (HELP_DIR, COUNTRY_DIR, "", PROCEDURE_DIR, CHECKER_DIR)
"""What "save for offline" keeps first when not everything fits: help, the countries' lines, the home
page, the procedures, the checker; then every other page in order of its path, then search."""
TIMEOUT_MS = 3000
"""How long a page waits for the network before the kept copy is shown (patchy signal)."""
WORKER = "sw.js"  # at the site root: its scope is the whole site
MANIFEST = "manifest.webmanifest"  # at each language's root
SAVE_LIST = "offline.json"  # at each language's root: what "save for offline reading" fetches
ICON_DIR = "assets/portal/icons"
ICON_SIZES = (192, 512)
FAVICON = f"{ICON_DIR}/favicon.png"
"""The browser tab's icon (``theme.favicon`` in mkdocs.yml): the app icon at 32 px, a few hundred
bytes where Material's default costs every first view 1.8 KB."""
FAVICON_SIZE = 32
THEME_COLOR = "#4051b5"
VERSION_MARK = "__PORTAL_BUILD__"
"""Replaced in the built scripts by the build's version (Pagefind's metaCacheTag)."""
MARKED = ("assets/javascripts/portal-search-ui.js",)
SHARE_SCRIPT = "assets/portal/share.js"
"""Loaded when a page's share box comes near the screen (portal.js), and with the checker's results."""
SOURCE = Path(__file__).with_name("service_worker.js")

_SEARCH_STYLE = re.compile(r'data-pmi-style="([^"]+)"')  # the search dialog's stylesheet


class ShellTooLarge(Exception):
    """The install-time cache is over :data:`SHELL_BUDGET`."""


@dataclass(frozen=True)
class Offline:
    """What the build wrote for offline reading."""

    version: str
    shell: tuple[Resource, ...]
    saves: dict[str, int]  # language root: gzipped bytes of its "save for offline" list

    @property
    def shell_gz(self) -> int:
        return sum(r.gz for r in self.shell)


def version(site_dir: Path) -> str:
    """A hash of every file of the built site (but the worker): changes whenever anything does."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if rel != WORKER:
            digest.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def shell(site_dir: Path, roots: list[str], measured: Measured | None = None) -> tuple[Resource, ...]:
    """The offline page and the help page of each language, and what they and the home page load
    (not the home page itself, which the reader's first visit keeps anyway): after one visit, the
    help lines open with no network. ``measured``: see :func:`page_weight`."""
    found: dict[str, Resource] = {}
    for root in roots:
        home = page_weight(site_dir, root + "index.html", measured).resources[1:]
        kept = [page_weight(site_dir, f"{root}{folder}/index.html", measured).resources
                for folder in (OFFLINE_DIR, HELP_DIR)]
        for resource in (*home, *(r for resources in kept for r in resources)):
            found.setdefault(resource.path, resource)
    return tuple(sorted(found.values(), key=lambda r: r.path))


class _Hrefs(HTMLParser):
    """The ``href`` of every ``<a>``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.found.append(href)


def _hrefs(html: str, seen: dict[str, list[str]]) -> list[str]:
    """The links of a page, each distinct ``<a>`` tag parsed once per scan (``seen``)."""
    def parse(text: str) -> list[str]:
        parser = _Hrefs()
        parser.feed(text)
        parser.close()
        return parser.found
    pieces = tag_pieces(html) if "<!--" not in html else None
    if pieces is None:
        return parse(html)
    return parse_pieces((piece for name, piece in pieces if name == "a"), parse, seen)


def _linked_page(site_dir: Path, page: str, href: str, pages: dict[str, str | None]) -> str | None:
    """The site path of the HTML page ``href`` on ``page`` leads to ('glosarium/index.html'), or None:
    another host or scheme, a file that is not a page (a PDF), a page not in the site. ``pages``: what
    each site path was found to be so far in this scan (every page links to the same few)."""
    parts = urlsplit(urljoin("http://site/" + page, href.strip()))
    if (parts.scheme, parts.netloc) != ("http", "site"):
        return None
    path = unquote(parts.path).lstrip("/")
    if path not in pages:
        target = path
        if path == "" or path.endswith("/") or (site_dir / path).is_dir():
            target = posixpath.join(path, "index.html")
        pages[path] = target if target.endswith(".html") and (site_dir / target).is_file() else None
    return pages[path]


def closure(site_dir: Path, root: str, others: list[str], start: list[str]) -> list[str]:
    """The pages ``start`` links to, the pages those link to, and so on, in the language at ``root``
    (not under another language's root in ``others``, not the staff editor), ``start`` included:
    what a reader who saved ``start`` can tap on offline. Read from the built HTML (``<a href>``)."""
    def ours(path: str) -> bool:
        return path.startswith(root) and not any(o and path.startswith(o) for o in others) and not is_admin(path)
    found, queue, seen, pages = set(start), list(start), {}, {}
    while queue:
        page = queue.pop()
        for href in _hrefs((site_dir / page).read_text(encoding="utf-8"), seen):
            target = _linked_page(site_dir, page, href, pages)
            if target and target not in found and ours(target):
                found.add(target)
                queue.append(target)
    return sorted(found)


def save_list(site_dir: Path, root: str, others: list[str], tag: str,
              measured: Measured | None = None) -> list[tuple[str, int]]:
    """(site path, gzipped size) of what "save for offline reading" keeps for the language at
    ``root`` (``others``: the other languages' roots): the home and help pages, A–Z, the checker (its
    script and data too), every program, procedure and country page, every page of the language those
    link to (:func:`closure`: glossary, organisations, situations, the lists the menu opens), what each
    page loads, the scripts loaded on first use (:data:`ON_DEMAND`, the share box's) and the language's search index;
    within :data:`SAVE_BUDGET`, in :data:`SAVE_ORDER`, a page kept only with all it loads. Not PDFs:
    they stay downloads. ``measured``: the assets measured so far (see :func:`page_weight`), so that
    what every page loads is gzipped once."""
    measured = Measured() if measured is None else measured
    start = [f"{root}index.html", f"{root}{HELP_DIR}/index.html", f"{root}{AZ_DIR}/index.html",
             f"{root}{CHECKER_DIR}/index.html"]
    for folder in (PROGRAM_DIR, PROCEDURE_DIR, COUNTRY_DIR):
        start += sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / root / folder).glob("*/index.html"))

    def rank(page: str) -> tuple[int, str]:
        folder = page[len(root):].rpartition("index.html")[0].split("/")[0]
        return (SAVE_ORDER.index(folder) if folder in SAVE_ORDER else len(SAVE_ORDER), page)

    def extra(*paths: str) -> dict[str, int]:
        return {path: gzipped_size((site_dir / path).read_bytes()) for path in paths if (site_dir / path).exists()}

    groups = [extra(*ON_DEMAND, DIALOG_SCRIPT, SHARE_SCRIPT)]  # loaded on first use: Listen, a term, search, share
    for page in sorted(closure(site_dir, root, others, start), key=rank):
        group = {r.path: r.gz for r in page_weight(site_dir, page, measured).resources}
        if page == f"{root}{CHECKER_DIR}/index.html":
            group.update(extra(ELIGIBILITY_DATA))  # what the checker's script loads
        groups.append(group)
    home = (site_dir / root / "index.html").read_text(encoding="utf-8")
    styles = [_site_path(root, html.unescape(style)) for style in _SEARCH_STYLE.findall(home)]
    bundle = site_dir / root / SEARCH_DIR  # the search dialog's style, and the language's index
    groups.append(extra(*styles, *(p.relative_to(site_dir).as_posix() for p in sorted(bundle.rglob("*"))
                                   if p.is_file())))
    files: dict[str, int] = {}
    for group in groups:
        new = {path: size for path, size in group.items() if path not in files}
        if sum(files.values()) + sum(new.values()) <= SAVE_BUDGET:
            files.update(new)
    entry = f"{root}{SEARCH_DIR}/pagefind-entry.json"
    if entry in files:  # Pagefind asks for it with its metaCacheTag
        files[f"{entry}?ts={tag}"] = files.pop(entry)
    return sorted(files.items())


def _site_path(root: str, url: str) -> str:
    """A URL relative to the language's home page as a path in the site ('../x' from 'en/' is 'x')."""
    return posixpath.normpath(posixpath.join(root or ".", url))


def page_url(path: str) -> str:
    """'program/x/index.html' -> 'program/x/' (the URL a reader opens)."""
    return path[: -len("index.html")] if path.endswith("index.html") else path


def draw_icon(size: int, fonts: dict[str, Path]) -> bytes:
    """The app icon: 'PMI' in white on the theme colour, safe for a round mask."""
    image = Image.new("RGB", (size, size), THEME_COLOR)
    pen = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(fonts["bold"]), size * 30 // 100)
    pen.text((size / 2, size / 2), "PMI", font=font, fill="white", anchor="mm")
    out = io.BytesIO()
    image.quantize(colors=16, method=Image.Quantize.FASTOCTREE).save(out, "PNG")
    return out.getvalue()


def manifest(site_dir: Path, root: str, lang: str) -> dict:
    meta = head_meta(site_dir / root / "index.html")
    name = meta.get("og:site_name", "")
    up = "../" * root.count("/")
    return {"name": name, "short_name": name, "description": meta.get("description", ""), "lang": lang,
            "start_url": "./", "scope": "./", "display": "standalone",
            "theme_color": THEME_COLOR, "background_color": "#ffffff",
            "icons": [{"src": f"{up}{ICON_DIR}/icon-{s}.png", "sizes": f"{s}x{s}", "type": "image/png",
                       "purpose": "any maskable"} for s in ICON_SIZES]}


def write(site_dir: Path, languages: tuple[str, ...], notes: dict[str, str]) -> Offline:
    """Icons, a manifest per language, the version marked into the scripts, the save lists and the
    worker, with ``notes``: per language, what a link to a download says offline ("(needs internet)").
    :class:`ShellTooLarge` when the shell is over budget."""
    roots = ["" if i == 0 else f"{lang}/" for i, lang in enumerate(languages)]
    fonts = font_files()
    (site_dir / ICON_DIR).mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        (site_dir / ICON_DIR / f"icon-{size}.png").write_bytes(draw_icon(size, fonts))
    (site_dir / FAVICON).write_bytes(draw_icon(FAVICON_SIZE, fonts))
    for root, lang in zip(roots, languages):
        (site_dir / root / MANIFEST).write_text(json.dumps(manifest(site_dir, root, lang), ensure_ascii=False),
                                                encoding="utf-8")
    build = version(site_dir)
    for rel in MARKED:
        path = site_dir / rel
        if path.exists():
            path.write_text(path.read_text(encoding="utf-8").replace(VERSION_MARK, build), encoding="utf-8")
    saves = {}
    measured = Measured()
    for root in roots:
        files = save_list(site_dir, root, [r for r in roots if r != root], build, measured)
        saves[root] = sum(size for _, size in files)
        document = {"version": build, "bytes": saves[root], "files": [page_url(p) for p, _ in files]}
        (site_dir / root / SAVE_LIST).write_text(json.dumps(document), encoding="utf-8")
    found = shell(site_dir, roots, measured)
    total = sum(r.gz for r in found)
    if total > SHELL_BUDGET:
        raise ShellTooLarge(f"the offline shell is {total} B gzipped, over its budget of {SHELL_BUDGET} B: "
                            + ", ".join(f"{r.path} {r.gz} B" for r in found))
    config = {"version": build, "shell": [page_url(r.path) for r in found], "timeout": TIMEOUT_MS,
              "offline": {root: f"{root}{OFFLINE_DIR}/" for root in roots}, "admin": f"{ADMIN_DIR}/",
              "notes": {root: html.escape(notes[lang]) for root, lang in zip(roots, languages)}}
    (site_dir / WORKER).write_text(f"self.PMI_BUILD = {json.dumps(config)};\n" + SOURCE.read_text(encoding="utf-8"),
                                   encoding="utf-8")
    return Offline(build, found, saves)
