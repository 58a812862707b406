"""Readers' queries as cases (``data/queries.yaml``): tried in Chromium through the site's own search
dialog, on a built site, and the outcome kept for the editors' report.

:func:`top_results` types a query into the dialog of a page already open and returns the first
results' pages; the suite runs the fixture's cases with it (a miss there is a code bug).
:func:`run` tries every case on a built site (served on 127.0.0.1, Debian's Chromium) and
:func:`save` records what each found in ``.cache/search-cases.json``: ``portal.py status`` reads
that record (:func:`findings`), so it stays fast and needs no build; on the real content a miss is
advice, never a failure (``make search-cases``).
"""
from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit

from portal.content.model import SearchQuery

TOP = 5
RECORD = Path(".cache") / "search-cases.json"
"""Where :func:`save` keeps the last run, relative to the project."""
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]
_DONE = """q => document.querySelector('.pmi-search__ui').dataset.done === q"""


def site_path(href: str, lang: str, default_language: str) -> str:
    """A result's page as the cases name it: no host, anchor or language folder (``bantuan/``)."""
    path = urlsplit(href).path.lstrip("/")
    prefix = f"{lang}/"
    return path[len(prefix):] if lang != default_language and path.startswith(prefix) else path


def open_dialog(page: Any, url: str) -> None:
    """Open the search dialog of the page at ``url`` and wait until it takes queries."""
    page.goto(url)
    page.click("#pmi-search-open")
    page.wait_for_selector(".pmi-search__input", state="visible")


def top_results(page: Any, query: str, lang: str, default_language: str, top: int = TOP) -> list[str]:
    """The first ``top`` pages the open dialog shows for ``query``, in order."""
    page.fill(".pmi-search__input", query)
    page.keyboard.press("Enter")
    page.wait_for_function(_DONE, arg=query, polling=50)
    hrefs = page.eval_on_selector_all(".pmi-search__link", "links => links.map(a => a.href)")
    return [site_path(h, lang, default_language) for h in hrefs[:top]]


def missing(case: SearchQuery, found: Iterable[str]) -> list[str]:
    """Pages the case wants in its top 5 that ``found`` lacks."""
    found = list(found)[:TOP]
    return [p for p in case.top5 if p not in found]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def run(site_dir: Path, cases: Iterable[SearchQuery], default_language: str) -> dict[str, list[str]]:
    """Every case tried on the site built in ``site_dir``: ``{key(case): pages found}``."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out: dict[str, list[str]] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context(service_workers="block").new_page()
            opened = None
            for case in sorted(cases, key=lambda c: c.lang):
                if case.lang != opened:
                    open_dialog(page, base + ("" if case.lang == default_language else f"{case.lang}/"))
                    opened = case.lang
                out[key(case)] = top_results(page, case.query, case.lang, default_language)
            browser.close()
    finally:
        server.shutdown()
    return out


def key(case: SearchQuery) -> str:
    return f"{case.lang}:{case.query}"


def save(root: Path, site_dir: Path, found: dict[str, list[str]]) -> None:
    """Keep what each query found for ``portal.py status``."""
    record = root / RECORD
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps({"site": str(site_dir), "found": found}, ensure_ascii=False, indent=1),
                      encoding="utf-8")


def load(root: Path) -> dict[str, Any] | None:
    """The last run's record, or None when the cases were never run here."""
    record = root / RECORD
    return json.loads(record.read_text(encoding="utf-8")) if record.exists() else None


def findings(cases: Iterable[SearchQuery], record: dict[str, Any] | None) -> Iterator[tuple[int, str, str, str]]:
    """(case index, kind, Indonesian, English) for each case whose pages the last run did not find
    (kind ``miss``), or that it did not try (``untried``); one ``untried`` line without a run."""
    cases = list(cases)
    if record is None:
        if cases:
            yield (-1, "untried", "kasus pencarian belum dicoba pada situs yang dibangun; jalankan `make search-cases`",
                   "the search cases were not tried on a built site; run `make search-cases`")
        return
    for i, case in enumerate(cases):
        found = record["found"].get(key(case))
        if found is None:
            yield (i, "untried", f"'{case.query}' ({case.lang}) belum dicoba; jalankan `make search-cases`",
                   f"'{case.query}' ({case.lang}) not tried yet; run `make search-cases`")
            continue
        lost = missing(case, found)
        if lost:
            first = found[0] if found else "-"
            yield (i, "miss", f"'{case.query}' ({case.lang}): {', '.join(lost)} tidak ada di {TOP} hasil teratas "
                   f"(pertama: {first}); tambahkan kata pembaca di data/words.yaml, atau ubah kasus ini",
                   f"'{case.query}' ({case.lang}): {', '.join(lost)} not in the top {TOP} (first: {first}); add "
                   "readers' words to data/words.yaml, or change this case")
