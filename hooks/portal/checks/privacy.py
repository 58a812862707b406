"""Find what a built site would make a browser load from another host.

Only what is loaded counts: ``src``/``srcset``/``poster``/``data`` attributes, ``<link href>``
other than alternate/canonical/prev/next, SVG image/use references, meta refresh, CSS
``url()``/``@import``, and URL string literals in JavaScript. Plain links (``<a href>``) to
sources are fine: the reader chooses to follow them.

The post-build pipeline runs :func:`check` over every build's ``site/``: a load from another
host fails the build, naming the file. The staff editor under ``/admin/`` is exempt by name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from portal.checks.html_tags import parse_pieces, tag_pieces
from portal.site.urls import ADMIN_DIR

EXEMPT_DIRS = (ADMIN_DIR,)
"""Top folders of site/ the scan skips: the staff editor (admin/) loads its own tools."""
NOT_LOADED_RELS = {"alternate", "canonical", "prev", "next", "author", "license", "help"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)
_JS_URL = re.compile(r"""(["'`])((?:https?:)?//[^"'`\s)]+)""", re.I)
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.I)

# URL literals in third-party JavaScript that the site never lets run, and why.
DORMANT = {
    "https://api.github.com/": "Material's repository widget: runs only when mkdocs.yml sets repo_url",
    "https://${e}/api/v4/projects/": "the same widget for GitLab",
    "https://example.com${": "Pagefind: a dummy base for new URL(), stripped again, never requested",
    "http://www.w3.org/": "XML namespace names (SVG, XHTML, XLink): identifiers, never requested",
}


@dataclass(frozen=True)
class Finding:
    file: str
    context: str
    url: str

    def __str__(self) -> str:
        return f"{self.file}: {self.context} loads {self.url}"


def foreign(url: str, own_hosts: Iterable[str]) -> bool:
    """Whether ``url`` points at a host other than ``own_hosts`` (relative URLs never do)."""
    url = url.strip()
    if not (url.startswith("//") or re.match(r"[a-z][a-z0-9+.-]*://", url, re.I)):
        return False
    host = urlsplit(url if "://" in url else "http:" + url).netloc.lower()
    # 'localhost' or a name with a dot or port: not '//nbsp' and the like in minified code
    looks_like_host = "." in host or ":" in host or host == "localhost" or host.startswith("${")
    return looks_like_host and host not in own_hosts


def css_urls(text: str) -> Iterator[str]:
    for m in _CSS_URL.finditer(text):
        url = m.group(2) if m.group(2) is not None else m.group(4)
        if url and not url.startswith("data:"):
            yield url


def js_urls(text: str) -> Iterator[str]:
    for m in _JS_URL.finditer(text):
        yield m.group(2)


class _Loads(HTMLParser):
    """Collects (context, URL) of everything an HTML page loads."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        for name in ("src", "poster", "data", "background"):
            if a.get(name):
                self.loads.append((f"<{tag} {name}>", a[name]))
        for name in ("srcset", "imagesrcset"):
            for part in filter(None, (p.strip() for p in a.get(name, "").split(","))):
                self.loads.append((f"<{tag} {name}>", part.split()[0]))
        if tag == "link" and a.get("href"):
            rels = set(a.get("rel", "").lower().split())
            if not rels or not rels <= NOT_LOADED_RELS:
                self.loads.append((f"<link rel={a.get('rel', '')}>", a["href"]))
        if tag in ("image", "use", "feimage"):
            for name in ("href", "xlink:href"):
                if a.get(name):
                    self.loads.append((f"<{tag} {name}>", a[name]))
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            m = _REFRESH_URL.search(a.get("content", ""))
            if m:
                self.loads.append(("<meta refresh>", m.group(1)))
        if a.get("style"):
            self.loads += [("style attribute", url) for url in css_urls(a["style"])]
        self._in = tag if tag in ("style", "script") else None

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "style":
            self.loads += [("<style>", url) for url in css_urls(data)]
        elif self._in == "script":
            self.loads += [("<script>", url) for url in js_urls(data)]


class ThirdPartyLoads(Exception):
    """The built site would load something from another host."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        lines = "\n".join(f"  {f}" for f in findings)
        super().__init__(f"{len(findings)} muatan dari host lain di site/ (privasi pembaca); hapus atau simpan "
                         f"berkasnya di situs ini / {len(findings)} load(s) from another host in site/ (readers' "
                         f"privacy); remove them or host the file on this site:\n{lines}")


def _parse(piece: str) -> list[tuple[str, str]]:
    parser = _Loads()
    parser.feed(piece)
    parser.close()
    return parser.loads


def _html_loads(text: str, seen: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """What an HTML page loads. Each distinct tag or script/style element is parsed once per scan
    (``seen``, see :mod:`portal.checks.html_tags`); a page the cut does not account for in full is
    parsed whole."""
    pieces = tag_pieces(text)
    if pieces is None:
        return _parse(text)
    return parse_pieces((piece for _, piece in pieces), _parse, seen)


def scan(site_dir: Path, own_hosts: Iterable[str] = ()) -> list[Finding]:
    """Every load from another host in the HTML, CSS and JavaScript files under ``site_dir``
    (except under :data:`EXEMPT_DIRS`)."""
    own = {h.lower() for h in own_hosts}
    findings: list[Finding] = []
    seen: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(site_dir.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".html", ".css", ".js") or not path.is_file():
            continue
        if path.relative_to(site_dir).parts[0] in EXEMPT_DIRS:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if suffix == ".html":
            loads = _html_loads(text, seen)
        elif suffix == ".css":
            loads = [("CSS", url) for url in css_urls(text)]
        else:
            loads = [("JavaScript", url) for url in js_urls(text) if not url.startswith(tuple(DORMANT))]
        rel = path.relative_to(site_dir).as_posix()
        findings += [Finding(rel, context, url) for context, url in loads if foreign(url, own)]
    return findings


def check(site_dir: Path, own_hosts: Iterable[str] = ()) -> None:
    """Raise :class:`ThirdPartyLoads` when :func:`scan` finds anything."""
    findings = scan(site_dir, own_hosts)
    if findings:
        raise ThirdPartyLoads(findings)
