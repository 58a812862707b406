"""Site search with Pagefind: what each page adds to its index entry, the index itself, its size.

Each language has its own Pagefind bundle at its root (``site/pagefind/``, ``site/en/pagefind/``),
with stemming for Indonesian and English; a reader downloads only their language's. Pages
mark their searchable part with ``data-pagefind-body`` (``overrides/partials/content.html``);
:func:`index_extras` appends to that part a hidden block with the readers' words
(``data/words.yaml``, :mod:`portal.content.words`): the other words of a group one of whose words
the page uses (so "TKW" finds pages about PMI), and every word of a group that names the page (so
"gaji" finds the help page), weighted; on program pages, the audience and status filters (the search dialog ranks
ended programmes lower). The block's word count is in
the page's metadata too, so the dialog never shows those words in an excerpt; once Pagefind has
read the pages, the block is taken out of them (no reader downloads it). :func:`start_index` has the Pagefind command make the default language's bundle, on one
core, while MkDocs builds the others on the other; :func:`build_index` makes the others once they
are built. :func:`measure` reports what a reader downloads (``python scripts/search_size.py``).
"""
from __future__ import annotations

import functools
import html
import json
import logging
import os
import re
import subprocess
from pathlib import Path
from typing import Any, Iterable, Mapping

from portal.build.interrupt import die_with_parent, forking
from portal.checks.page_weight import gzipped_size
from portal.content.model import WordGroup
from portal.site.html import render
from portal.site.render import esc
from portal.site.strings import Strings
from portal.site.urls import SEARCH_DIR

log = logging.getLogger("mkdocs.hooks.portal")

FIRST_SEARCH_BUDGET = 150_000  # bytes, gzipped, before index chunks
ALIAS_WEIGHT = "0.5"  # other names count, but less than words actually on the page
PAGE_WORDS_WEIGHT = "5"  # words a group gives its pages: they rank those pages high, also for words on every page (TKW)
# What the dialog loads of Pagefind (its API; the interface is ours, DIALOG_SCRIPT); the worker
# is optional (Pagefind falls back to the main thread).
UI_FILES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
# Parts of every page that say nothing about its subject: edit/report links, the stale-page
# notice, the brochure download link; and the list of sources (publishers' titles would match, and
# a result would open there). Left out of the index so they do not match every page.
NOT_INDEXED = (".pmi-page-links", ".pmi-stale", ".pmi-download", ".pmi-sources")
DIALOG_STYLE = "assets/stylesheets/portal-search.css"  # overrides/assets/, loaded with the UI
DIALOG_SCRIPT = "assets/javascripts/portal-search-ui.js"  # the dialog's code: portal.js loads it on first use
# The UIs Pagefind writes; the site uses none of them.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-modular-ui.js",
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


def other_names(text: str, groups: Iterable[WordGroup], lang: str) -> list[str]:
    """Words of ``lang`` from groups with a word ``text`` uses, that ``text`` does not use."""
    lowered = text.lower()
    names: list[str] = []
    for group in groups:
        group_words = group.words.get(lang, ())
        if len(group_words) > 1:
            used = [name for name in group_words if _mentions(text, lowered, name)]
            if used:
                names += [name for name in group_words if name not in used and name not in names]
    return names


def page_words(path: str, groups: Iterable[WordGroup], lang: str) -> list[str]:
    """Words of ``lang`` from groups naming the page at ``path`` (``negara/taiwan/``; ``negara/*``)."""
    folder = path.split("/")[0]
    names: list[str] = []
    for group in groups:
        if path in group.pages or (path.count("/") == 2 and f"{folder}/*" in group.pages):
            names += [name for name in group.words.get(lang, ()) if name not in names]
    return names


def filters(meta: Mapping[str, Any], t: Strings) -> list[tuple[str, str]]:
    """(filter name, value) pairs of a program page, in the page's language."""
    if meta.get("kind") != "program":
        return []
    pairs = [(t("search.filter.audience"), t(f"audience.{a}")) for a in meta.get("audience") or ()]
    if meta.get("status"):
        pairs.append((t("search.filter.status"), t(f"search.status.{meta['status']}")))
    return pairs


def index_extras(page_html: str, meta: Mapping[str, Any], t: Strings, groups: Iterable[WordGroup],
                 lang: str, path: str) -> str:
    """Hidden HTML for the index only: readers' words for the page, and program filters.

    ``path`` is the page's site path without the language folder (``negara/taiwan/``)."""
    groups = list(groups)
    named = page_words(path, groups, lang)
    names = [n for n in other_names(page_text(page_html), groups, lang) if n not in named]
    hidden = sum(len(n.split()) for n in [*names, *named])
    return render("search_extras.html", names=names, named=named, hidden=hidden,
                  weight=ALIAS_WEIGHT, named_weight=PAGE_WORDS_WEIGHT,
                  filters=[(esc(n), esc(v)) for n, v in filters(meta, t)])


ONE_THREAD = {"RAYON_NUM_THREADS": "1", "TOKIO_WORKER_THREADS": "1"}
"""Environment of a Pagefind run beside the build: one core for Pagefind, one for MkDocs."""


class BackgroundIndex:
    """The Pagefind bundle of one language, made by the Pagefind command (PyPI ``pagefind-bin``) in
    its own process while this one goes on (MkDocs building the next language). The process gets
    its environment and ends with the build however the build ends (:func:`die_with_parent`).

    ``root`` is the language's root folder (result URLs are relative to it, as is the bundle);
    ``glob`` picks its pages there (the default language shares the site root with the others).
    """

    def __init__(self, root: Path, glob: str = "**/*.html", env: dict[str, str] | None = None):
        from pagefind_bin import get_executable

        self.root = root
        command = [str(get_executable()), "--site", str(root), "--glob", glob,
                   "--output-path", str(root / SEARCH_DIR), "--quiet"]
        for selector in NOT_INDEXED:
            command += ["--exclude-selectors", selector]
        with forking():
            self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                             stderr=subprocess.STDOUT, text=True, env={**os.environ, **(env or {})},
                                             preexec_fn=functools.partial(die_with_parent, os.getpid()))

    def finish(self) -> int:
        """Wait for the bundle; return the pages indexed. Pagefind's unused UIs are left out."""
        try:
            output, _ = self._process.communicate(timeout=300)
        finally:
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait()
        if self._process.returncode != 0:
            raise RuntimeError(f"Pagefind failed on {self.root} (exit {self._process.returncode}):\n{output}")
        for name in UNUSED_FILES:
            (self.root / SEARCH_DIR / name).unlink(missing_ok=True)
        entry = json.loads((self.root / SEARCH_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(info["page_count"] for info in entry["languages"].values())


_background: dict[Path, BackgroundIndex] = {}


def default_language_glob(site_dir: Path, other_languages: Iterable[str]) -> str:
    """The default language's pages: the site root's, not those under the other languages' folders."""
    skip = {*other_languages, SEARCH_DIR}
    patterns = [f"{p.name}/**/*.html" if p.is_dir() else p.name for p in sorted(site_dir.iterdir())
                if p.name not in skip and (p.is_dir() or p.suffix == ".html")]
    return "{" + ",".join(patterns) + "}" if len(patterns) > 1 else (patterns or ["*.html"])[0]


def discard_index(site_dir: Path) -> None:
    """Wait for, then forget, a bundle a failed build left unfinished (``mkdocs serve`` goes on
    after one): the next build makes its own."""
    index = _background.pop(site_dir, None)
    if index is not None:
        try:
            index.finish()
        except Exception:  # the build that started it failed; this one starts afresh
            pass


def start_index(site_dir: Path, other_languages: Iterable[str]) -> None:
    """Make the default language's bundle (on one core) while the other languages are built."""
    if site_dir not in _background:
        _background[site_dir] = BackgroundIndex(site_dir, default_language_glob(site_dir, other_languages),
                                                env=ONE_THREAD)


def build_index(site_dir: Path, other_languages: Iterable[str]) -> None:
    """Every built language's bundle (the default language's as :func:`start_index` began it), then
    the blocks only the index reads taken out of the pages (:func:`remove_index_only`)."""
    other_languages = list(other_languages)
    default = _background.pop(site_dir, None) or BackgroundIndex(
        site_dir, default_language_glob(site_dir, other_languages))
    others = [BackgroundIndex(site_dir / lang) for lang in other_languages if (site_dir / lang).is_dir()]
    read = sum(index.finish() for index in [default, *others])
    log.info("Pagefind: %d pages indexed, %d bundles, index-only text removed from %d pages", read,
             1 + len(others), remove_index_only(site_dir))


_INDEX_ONLY = re.compile(r'\n?<div class="pmi-search-(?:aliases|filters)" hidden[^>]*>.*?</div>', re.S)


def remove_index_only(site_dir: Path) -> int:
    """Take the hidden blocks of :func:`index_extras` (readers' words, program filters) out of every
    built page once Pagefind has read them: they cost a reader nothing. Returns the pages changed."""
    changed = 0
    for path in site_dir.glob("**/*.html"):
        text = path.read_text(encoding="utf-8")
        if 'class="pmi-search-' in text:
            kept = _INDEX_ONLY.sub("", text)
            if kept != text:
                path.write_text(kept, encoding="utf-8")
                changed += 1
    return changed


def bundles(site_dir: Path) -> list[Path]:
    """Every language's Pagefind bundle in ``site_dir``."""
    return sorted(entry.parent for entry in site_dir.glob(f"**/{SEARCH_DIR}/pagefind-entry.json"))


def measure(site_dir: Path) -> dict[str, dict[str, int]]:
    """Per language: bytes (gzipped) of the first search before index chunks, and of the whole index.

    ``first_search``: the dialog's code and style, Pagefind's script and
    worker, the entry file, the language's WebAssembly and metadata. ``index``: everything
    Pagefind wrote for the language (metadata, index chunks, fragments, filters). ``pages``:
    pages indexed.
    """
    def size(path: Path) -> int:
        return gzipped_size(path.read_bytes())

    report = {}
    for bundle in bundles(site_dir):
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        files = [bundle / name for name in UI_FILES] + [site_dir / DIALOG_STYLE, site_dir / DIALOG_SCRIPT]
        shared = sum(gzipped_size(path.read_bytes()) for path in files if path.exists())
        for lang, info in entry["languages"].items():
            wasm = bundle / f"wasm.{info['wasm']}.pagefind"
            meta = bundle / f"pagefind.{info['hash']}.pf_meta"
            chunks = [p for folder in ("index", "fragment", "filter") for p in (bundle / folder).glob(f"{lang}_*")]
            report[lang] = {"pages": info["page_count"],
                            "first_search": shared + size(wasm) + size(meta),
                            "index": size(meta) + sum(size(p) for p in chunks)}
    return report
