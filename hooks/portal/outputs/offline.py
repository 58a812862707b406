"""Offline reading and the installable web app: the service worker, a manifest and icons per
language, and the list of files "save for offline reading" keeps.

Everything here is computed from the built output, after the other post-build steps (so a
stylesheet renamed by its content, the search index, the checker's data are what they are in
``site/``): the build's version is a hash of every file; the shell, what the service worker caches
on install, is the offline and help pages and what they and the home page load
(:func:`portal.checks.page_weight.page_weight`), and must stay within :data:`SHELL_BUDGET`. The
worker's own logic is ``service_worker.js`` beside this module.
"""
from __future__ import annotations

import hashlib
import html
import io
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from portal.checks.page_weight import Measured, Resource, gzipped_size, page_weight
from portal.outputs.brochures import font_files
from portal.outputs.og_images import head_meta
from portal.site.urls import (ADMIN_DIR, AZ_DIR, CHECKER_DIR, COUNTRY_DIR, ELIGIBILITY_DATA, HELP_DIR, OFFLINE_DIR,
                              PROCEDURE_DIR, PROGRAM_DIR, SEARCH_DIR)

SHELL_BUDGET = 60 * 1024
"""What installing the worker downloads, gzipped: a reader who opens one page pays little more."""
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
MARKED = ("assets/javascripts/portal-search.js",)
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


def save_list(site_dir: Path, root: str, tag: str, measured: Measured | None = None) -> list[tuple[str, int]]:
    """(site path, gzipped size) of what "save for offline reading" keeps for the language at
    ``root``: the help page, every program, procedure and country page, the checker (its script and data too), A–Z and
    the language's search index. ``measured``: the assets measured so far (see :func:`page_weight`),
    so that what every page loads is gzipped once."""
    measured = Measured() if measured is None else measured
    pages = [f"{root}{HELP_DIR}/index.html", f"{root}{AZ_DIR}/index.html", f"{root}{CHECKER_DIR}/index.html"]
    for folder in (PROGRAM_DIR, PROCEDURE_DIR, COUNTRY_DIR):
        pages += sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / root / folder).glob("*/index.html"))
    files: dict[str, int] = {}
    for page in pages:
        for resource in page_weight(site_dir, page, measured).resources:
            files.setdefault(resource.path, resource.gz)
    if (site_dir / ELIGIBILITY_DATA).exists():  # what the checker's script loads
        files.setdefault(ELIGIBILITY_DATA, gzipped_size((site_dir / ELIGIBILITY_DATA).read_bytes()))
    home = (site_dir / root / "index.html").read_text(encoding="utf-8")
    for style in _SEARCH_STYLE.findall(home):  # what the search dialog loads besides Pagefind
        path = _site_path(root, html.unescape(style))
        files.setdefault(path, gzipped_size((site_dir / path).read_bytes()))
    bundle = site_dir / root / SEARCH_DIR
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        files.setdefault(rel, gzipped_size(path.read_bytes()))
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


def write(site_dir: Path, languages: tuple[str, ...]) -> Offline:
    """Icons, a manifest per language, the version marked into the scripts, the save lists and the
    worker. :class:`ShellTooLarge` when the shell is over budget."""
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
        files = save_list(site_dir, root, build, measured)
        saves[root] = sum(size for _, size in files)
        document = {"version": build, "bytes": saves[root], "files": [page_url(p) for p, _ in files]}
        (site_dir / root / SAVE_LIST).write_text(json.dumps(document), encoding="utf-8")
    found = shell(site_dir, roots, measured)
    total = sum(r.gz for r in found)
    if total > SHELL_BUDGET:
        raise ShellTooLarge(f"the offline shell is {total} B gzipped, over its budget of {SHELL_BUDGET} B: "
                            + ", ".join(f"{r.path} {r.gz} B" for r in found))
    config = {"version": build, "shell": [page_url(r.path) for r in found], "timeout": TIMEOUT_MS,
              "offline": {root: f"{root}{OFFLINE_DIR}/" for root in roots}, "admin": f"{ADMIN_DIR}/"}
    (site_dir / WORKER).write_text(f"self.PMI_BUILD = {json.dumps(config)};\n" + SOURCE.read_text(encoding="utf-8"),
                                   encoding="utf-8")
    return Offline(build, found, saves)
