"""Site search with Pagefind: what each page adds to its index entry, the index itself, its size.

Pagefind builds one index per ``<html lang>``, with stemming for Indonesian and English. Pages
mark their searchable part with ``data-pagefind-body`` (``overrides/partials/content.html``);
:func:`index_extras` appends to that part a hidden block with the glossary's other names for
terms on the page (so "TKI" finds pages about PMI) and, on program pages, the audience and status
filters. :func:`start_index` has the Pagefind service index the default language while MkDocs builds
the others, and :func:`build_index` indexes the rest and writes the bundle once every language
is built; :func:`measure` reports what a reader downloads (``python scripts/search_size.py``).
"""
from __future__ import annotations

import asyncio
import gzip
import html
import json
import logging
import re
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Iterable, Mapping

from .model import GlossaryTerm
from .render import esc
from .strings import Strings

log = logging.getLogger("mkdocs.hooks.portal")

SEARCH_DIR = "pagefind"
FIRST_SEARCH_BUDGET = 150_000  # bytes, gzipped, before index chunks
ALIAS_WEIGHT = "0.5"  # other names count, but less than words actually on the page
# The default UI's files; the worker is optional (Pagefind falls back to the main thread).
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
# Parts of every page that say nothing about its subject: edit/report links, the stale-page
# notice, the brochure download link. Left out of the index so they do not match every page.
NOT_INDEXED = (".pmi-page-links", ".pmi-stale", ".pmi-download")
DIALOG_STYLE = "assets/stylesheets/portal-search.css"  # overrides/assets/, loaded with the UI
# The other UIs Pagefind writes; the site uses none of them.
UNUSED_FILES = ("pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-modular-ui.js",
                "pagefind-modular-ui.css", "pagefind-highlight.js")

_TAG = re.compile(r"<[^>]+>")


def page_text(page_html: str) -> str:
    """The visible words of an HTML fragment."""
    return html.unescape(_TAG.sub(" ", page_html))


def _mentions(text: str, lowered: str, word: str) -> bool:
    """Whether ``text`` has ``word`` as a whole word; ``lowered`` (the text in lower case) lets the
    common case, a word not there at all, skip the regular expression (this runs for every page)."""
    if word.lower() not in lowered:
        return False
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def other_names(text: str, glossary: Iterable[GlossaryTerm]) -> list[str]:
    """Names of glossary terms mentioned in ``text`` (term or alias) that ``text`` does not use."""
    lowered = text.lower()
    names: list[str] = []
    for term in glossary:
        group = [term.term, *term.aliases]
        if len(group) > 1:
            used = [name for name in group if _mentions(text, lowered, name)]
            if used:
                names += [name for name in group if name not in used and name not in names]
    return names


def filters(meta: Mapping[str, Any], t: Strings) -> list[tuple[str, str]]:
    """(filter name, value) pairs of a program page, in the page's language."""
    if meta.get("kind") != "program":
        return []
    pairs = [(t("search.filter.audience"), t(f"audience.{a}")) for a in meta.get("audience") or ()]
    if meta.get("status"):
        pairs.append((t("search.filter.status"), t(f"search.status.{meta['status']}")))
    return pairs


def index_extras(page_html: str, meta: Mapping[str, Any], t: Strings, glossary: Iterable[GlossaryTerm]) -> str:
    """Hidden HTML for the index only: other names of terms on the page, and program filters."""
    out = []
    names = other_names(page_text(page_html), glossary)
    if names:
        out.append(f'<div class="pmi-search-aliases" hidden data-pagefind-weight="{ALIAS_WEIGHT}">'
                   f"{esc(' '.join(names))}</div>")
    pairs = filters(meta, t)
    if pairs:
        spans = "".join(f'<span data-pagefind-filter="{esc(name)}">{esc(value)}</span>' for name, value in pairs)
        out.append(f'<div class="pmi-search-filters" hidden data-pagefind-ignore>{spans}</div>')
    return "\n".join(out)


def fallback_page(lang_root: str, dest_uris: Iterable[str]) -> str:
    """Where the search button leads without JavaScript: the language's A–Z page (``az/``),
    or its home page while there is none. Paths are relative to the site root."""
    return f"{lang_root}az/" if f"{lang_root}az/index.html" in set(dest_uris) else lang_root


class BackgroundIndex:
    """One Pagefind index of ``site_dir``, filled by the Pagefind service in its own process while
    this one goes on (MkDocs building the next language); its asyncio loop runs in a thread."""

    def __init__(self, site_dir: Path):
        from pagefind.index import PagefindIndex  # the service needs the pagefind[bin] binary

        self.site_dir = site_dir
        self.added: set[str] = {SEARCH_DIR}  # top-level entries of site_dir indexed or not to index
        self._pending: list[Future] = []
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True).start()
        self._index = PagefindIndex(config={"exclude_selectors": list(NOT_INDEXED),
                                            "output_path": str(site_dir / SEARCH_DIR)})
        self._call(self._index.__aenter__()).result(timeout=60)

    def _call(self, coroutine) -> Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def add(self, skip: Iterable[str] = ()) -> None:
        """Start indexing the HTML pages of the top-level entries not yet added, except ``skip``."""
        entries = sorted(p for p in self.site_dir.iterdir() if p.name not in self.added | set(skip))
        self.added |= {p.name for p in entries}
        patterns = [f"{p.name}/**/*.html" if p.is_dir() else p.name for p in entries
                    if p.is_dir() or p.suffix == ".html"]
        if patterns:
            glob = patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}"
            self._pending.append(self._call(self._index.add_directory(str(self.site_dir), glob=glob)))

    def finish(self) -> int:
        """Index what is left, write the bundle to ``site_dir/pagefind/``; return the HTML files read."""
        try:
            self.add()
            pages = sum(future.result(timeout=300)["page_count"] for future in self._pending)
            self._call(self._index.__aexit__(None, None, None)).result(timeout=300)  # writes the files
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
        return pages

    def discard(self) -> None:
        """Stop the service without writing (the build that started it failed)."""
        try:
            self._call(self._index.__aexit__(RuntimeError, None, None)).result(timeout=60)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)


_background: dict[Path, BackgroundIndex] = {}


def discard_index(site_dir: Path) -> None:
    """Forget an index a failed build left unfinished (``mkdocs serve`` goes on after one)."""
    index = _background.pop(site_dir, None)
    if index is not None:
        index.discard()


def start_index(site_dir: Path, languages: Iterable[str]) -> None:
    """Index the pages built so far, all but ``languages``' folders, while the rest is built."""
    if site_dir not in _background:
        _background[site_dir] = BackgroundIndex(site_dir)
        _background[site_dir].add(skip=languages)


def build_index(site_dir: Path) -> None:
    """Index every built language of ``site_dir`` into ``site_dir/pagefind/`` (what
    :func:`start_index` began, or all of it)."""
    index = _background.pop(site_dir, None) or BackgroundIndex(site_dir)
    pages = index.finish()
    log.info("Pagefind: %d HTML files read", pages)
    for name in UNUSED_FILES:
        (site_dir / SEARCH_DIR / name).unlink(missing_ok=True)


def gzipped_size(path: Path) -> int:
    """Bytes on the wire: Pagefind's own files (.pagefind, .pf_*) are gzip already."""
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 9))


def measure(site_dir: Path) -> dict[str, dict[str, int]]:
    """Per language: bytes (gzipped) of the first search before index chunks, and of the whole index.

    ``first_search``: the dialog's and Pagefind UI's style, the UI script, Pagefind's script and
    worker, the entry file, the language's WebAssembly and metadata. ``index``: everything
    Pagefind wrote for the language (metadata, index chunks, fragments, filters). ``pages``:
    pages indexed.
    """
    bundle = site_dir / SEARCH_DIR
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    files = [bundle / name for name in UI_FILES] + [site_dir / DIALOG_STYLE]
    shared = sum(gzipped_size(path) for path in files if path.exists())
    report = {}
    for lang, info in entry["languages"].items():
        wasm = bundle / f"wasm.{info['wasm']}.pagefind"
        meta = bundle / f"pagefind.{info['hash']}.pf_meta"
        chunks = [p for folder in ("index", "fragment", "filter") for p in (bundle / folder).glob(f"{lang}_*")]
        report[lang] = {"pages": info["page_count"],
                        "first_search": shared + gzipped_size(wasm) + gzipped_size(meta),
                        "index": gzipped_size(meta) + sum(gzipped_size(p) for p in chunks)}
    return report
