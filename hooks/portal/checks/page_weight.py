"""Page weight of a built page: what a first and a repeat visit download, raw and gzipped.

Read from the built files, so the figures are exact and the same on every run. The first
view is the HTML plus every stylesheet, script, font, icon and eager image it loads (fonts
and ``@import`` found inside the CSS too); the repeat view is the HTML alone, everything else
being cached. ``tests/test_page_weight.py`` checks in a real browser that nothing loaded is
missing from this list.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from portal.checks.html_tags import parse_pieces, tag_pieces

# Budgets, in bytes gzipped: a program page (issue 9; first view from 35 to 18 KB in issue 21,
# Material's stylesheet trimmed), the help page (issue 31: a reader in trouble on a weak signal) and
# the checker page, before the data its script fetches.
FIRST_VIEW_BUDGET = 18 * 1024
HELP_FIRST_VIEW_BUDGET = FIRST_VIEW_BUDGET
REPEAT_VIEW_BUDGET = 6 * 1024
CHECKER_FIRST_VIEW_BUDGET = 25 * 1024

_CSS_URL = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)|url\(\s*["']?([^"')]+)["']?\s*\)""")
_FONT = re.compile(r"\.(woff2?|ttf|otf|eot)(\?|#|$)", re.I)


def gzipped_size(data: bytes) -> int:
    """Bytes on the wire: after gzip at level 6 (zlib's default, what web servers use),
    deterministic; data that is gzip already (Pagefind's own files) counts as it is."""
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, compresslevel=6, mtime=0))


@dataclass(frozen=True)
class Resource:
    path: str  # relative to the site folder
    kind: str  # document, stylesheet, script, font, image
    raw: int
    gz: int


@dataclass(frozen=True)
class PageWeight:
    page: str
    resources: tuple[Resource, ...]

    @property
    def requests(self) -> int:
        return len(self.resources)

    @property
    def raw(self) -> int:
        return sum(r.raw for r in self.resources)

    @property
    def gz(self) -> int:
        return sum(r.gz for r in self.resources)

    @property
    def repeat_gz(self) -> int:
        """The repeat view: only the HTML is downloaded again, assets come from the cache."""
        return sum(r.gz for r in self.resources if r.kind == "document")

    def by_kind(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for r in self.resources:
            raw, gz = out.get(r.kind, (0, 0))
            out[r.kind] = (raw + r.raw, gz + r.gz)
        return out


class _Assets(HTMLParser):
    """Collects the URLs a page loads on its own (not lazy images, not links to other pages)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").lower().split()
        if tag == "link" and a.get("href"):
            if "stylesheet" in rel:
                self.found.append(("stylesheet", a["href"]))
            elif "icon" in rel:
                self.found.append(("image", a["href"]))
            elif "preload" in rel or "modulepreload" in rel:
                self.found.append((a.get("as") or "script", a["href"]))
        elif tag == "script" and a.get("src"):
            self.found.append(("script", a["src"]))
        elif tag == "img" and a.get("src") and (a.get("loading") or "").lower() != "lazy":
            self.found.append(("image", a["src"]))


def _local(base: str, url: str) -> str | None:
    """Site-relative path of ``url`` as seen from ``base``, or None for other hosts and data URLs."""
    if url.startswith("data:"):
        return None
    full = urlsplit(urljoin("http://site/" + base, url))
    if full.netloc != "site":
        return None
    path = full.path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path


@dataclass
class Measured:
    """What the calls of :func:`page_weight` on one built site share, so that an asset many pages
    load is read and gzipped once, and a tag many pages have is parsed once."""

    assets: dict[tuple[str, str], tuple[Resource, list[tuple[str, str | None]]]] = field(default_factory=dict)
    """(path, kind) of an asset: its :class:`Resource` and what it loads in turn."""
    tags: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """A start tag or script element: the (kind, URL) it loads."""


_LOADING_TAGS = ("link", "script", "img")  # what :class:`_Assets` reads


def _assets(html: str, measured: Measured) -> list[tuple[str, str]]:
    """(kind, URL) of what a page loads on its own, in order: from its link, script and img tags,
    each distinct one parsed once (:mod:`portal.checks.html_tags`); a page with a comment (whose
    tags load nothing) or not cut in full is parsed whole."""
    pieces = tag_pieces(html) if "<!--" not in html else None
    if pieces is None:
        return _parse(html)
    return parse_pieces((piece for name, piece in pieces if name in _LOADING_TAGS), _parse, measured.tags)


def _parse(html: str) -> list[tuple[str, str]]:
    parser = _Assets()
    parser.feed(html)
    parser.close()
    return parser.found


def page_weight(site_dir: Path, page: str, measured: Measured | None = None) -> PageWeight:
    """Weight of ``page`` (e.g. 'program/melati/index.html') in ``site_dir``; ``measured``: the
    assets measured so far on this site (filled in)."""
    measured = Measured() if measured is None else measured
    html = (site_dir / page).read_bytes()
    resources = [Resource(page, "document", len(html), gzipped_size(html))]
    queue = [(kind, _local(page, url)) for kind, url in _assets(html.decode("utf-8"), measured)]
    seen = {page}
    while queue:
        kind, path = queue.pop(0)
        if path is None or path in seen:
            continue
        seen.add(path)
        if (path, kind) not in measured.assets:
            measured.assets[path, kind] = _measure(site_dir, page, path, kind)
        resource, loads = measured.assets[path, kind]
        resources.append(resource)
        queue += loads
    return PageWeight(page, tuple(resources))


def _measure(site_dir: Path, page: str, path: str, kind: str) -> tuple[Resource, list[tuple[str, str | None]]]:
    """An asset's weight, and what it loads (a stylesheet's imports and fonts)."""
    file = site_dir / path
    if not file.is_file():
        raise FileNotFoundError(f"{page} loads {path}, which is not in the site")
    data = file.read_bytes()
    loads: list[tuple[str, str | None]] = []
    if kind == "stylesheet":
        for imported, url in _CSS_URL.findall(data.decode("utf-8", "replace")):
            if imported:
                loads.append(("stylesheet", _local(path, imported)))
            elif _FONT.search(url):
                loads.append(("font", _local(path, url)))
    return Resource(path, kind, len(data), gzipped_size(data)), loads
