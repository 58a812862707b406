"""Links of a built site: every internal link and #anchor must resolve; external ones are listed.

Works on the files in ``site/`` only (no network). A link is internal when it is relative or
starts with the site's own URL; ``mailto:``, ``tel:`` and other schemes are left alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

_ROOT = "http://site.invalid/"
_SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "whatsapp:")
_LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "iframe": "src",
               "source": "src", "form": "action"}


@dataclass(frozen=True)
class Link:
    page: str  # site-relative path of the page holding the link
    line: int
    url: str


@dataclass(frozen=True)
class Broken:
    link: Link
    reason: str

    def __str__(self) -> str:
        return f"{self.link.page}:{self.link.line}: {self.link.url} — {self.reason}"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        attr = _LINK_ATTRS.get(tag)
        if attr and a.get(attr) is not None:
            self.links.append((self.getpos()[0], a[attr]))


@lru_cache(maxsize=None)
def _parse(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text(encoding="utf-8"))
    return page


def html_pages(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def links(site_dir: Path) -> list[Link]:
    """Every link (href/src) of every HTML page in ``site_dir``."""
    return [Link(rel, line, url) for rel in html_pages(site_dir)
            for line, url in _parse(site_dir / rel).links]


def _target(site_dir: Path, page: str, url: str, site_url: str) -> tuple[str | None, str]:
    """(site-relative file, fragment) the link points to; file None for an external link."""
    if site_url and url.startswith(site_url):
        url = "/" + url[len(site_url):]
    parts = urlsplit(urljoin(_ROOT + page, url))
    if f"{parts.scheme}://{parts.netloc}/" != _ROOT:
        return None, ""
    path = unquote(parts.path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    elif (site_dir / path).is_dir():
        path += "/index.html"
    return path, unquote(parts.fragment)


def is_external(url: str, site_url: str = "") -> bool:
    if url.lower().startswith(_SKIP_SCHEMES):
        return False
    if site_url and url.startswith(site_url):
        return False
    return urlsplit(url).scheme in ("http", "https") or url.startswith("//")


def check(site_dir: Path, site_url: str = "") -> list[Broken]:
    """Internal links of ``site_dir`` that lead nowhere: a missing file or a missing #anchor."""
    _parse.cache_clear()
    problems = []
    for link in links(site_dir):
        url = link.url.strip()
        if not url or url.lower().startswith(_SKIP_SCHEMES) or is_external(url, site_url):
            continue
        path, fragment = _target(site_dir, link.page, url, site_url)
        if path is None:
            continue
        file = site_dir / path
        if not file.is_file():
            problems.append(Broken(link, f"no file {path}"))
        elif fragment and path.endswith(".html") and fragment not in _parse(file).ids:
            problems.append(Broken(link, f"no id '{fragment}' in {path}"))
    return problems


def external(site_dir: Path, site_url: str = "") -> dict[str, list[str]]:
    """External URLs, each with the pages that link to it (for manual review)."""
    out: dict[str, list[str]] = {}
    for link in links(site_dir):
        if is_external(link.url, site_url):
            pages = out.setdefault(link.url, [])
            if link.page not in pages:
                pages.append(link.page)
    return dict(sorted(out.items()))
