"""Offline without holes (issue 31): "save for offline" keeps every page of its language a saved page
links to (glossary, organisations, the lists the menu opens …), within its budget; PDFs stay
downloads, and their links say so when the reader is offline."""
from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from portal.checks.page_weight import gzipped_size, page_weight
from portal.outputs import offline
from portal.site.strings import load_strings

from conftest import REAL_UI, HtmlPage
from test_browser_offline import SLOW, wait_for_worker
from test_offline import worker_settings

LANGS = (("", "id"), ("en/", "en"))
STRINGS = load_strings(REAL_UI, ("id", "en"))


def write_site(site: Path, pages: dict[str, list[str]]) -> Path:
    """A built site of bare pages: each site path holds links to the ``href``s given."""
    for path, hrefs in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        links = "".join(f'<a href="{href}">x</a>' for href in hrefs)
        (site / path).write_text(f"<!doctype html><html><body>{links}</body></html>", encoding="utf-8")
    return site


def test_the_closure_follows_links_to_pages_of_the_same_language_only(tmp_path):
    site = write_site(tmp_path, {
        "index.html": ["program/x/"],
        "program/x/index.html": ["../../organisasi/o/", "https://example.org/", "../../admin/", "../../brosur/x.pdf",
                                 "../../en/program/x/", "#atas", "tel:+62123", "mailto:a@b.id", "../../hilang/"],
        "organisasi/o/index.html": ["../../glosarium/#pmi", "../../program/x/", "../../usulan"],
        "glosarium/index.html": ["../index.html"],
        "usulan/index.html": [],
        "lepas/index.html": [],  # no saved page links to it
        "admin/index.html": [],
        "en/program/x/index.html": ["../../glosarium/", "../../../en/glosarium/"],
        "en/glosarium/index.html": ["../program/x/"],
        **{f"{folder}/index.html": [] for folder in ("bantuan", "az", "cek")},  # what save_list starts from
    })
    (site / "brosur").mkdir()
    (site / "brosur" / "x.pdf").write_bytes(b"%PDF-1.7")
    assert offline.closure(site, "", ["en/"], ["program/x/index.html"]) == [
        "glosarium/index.html", "index.html", "organisasi/o/index.html", "program/x/index.html", "usulan/index.html"]
    assert offline.closure(site, "en/", [""], ["en/program/x/index.html"]) == [
        "en/glosarium/index.html", "en/program/x/index.html"]
    saved = [path for path, _ in offline.save_list(site, "", ["en/"], "v")]
    assert "glosarium/index.html" in saved and not [p for p in saved if p.endswith(".pdf") or "lepas" in p]


def saved_files(site: Path, root: str) -> tuple[dict, set[str]]:
    saved = json.loads((site / root / offline.SAVE_LIST).read_text(encoding="utf-8"))
    return saved, set(saved["files"])


def test_every_page_a_saved_page_links_to_in_its_language_is_saved(fixture_site):
    for root, _ in LANGS:
        saved, files = saved_files(fixture_site, root)
        for must in ("", "glosarium/", "organisasi/", "organisasi/pemkab-banyuwangi/", "program/", "prosedur/",
                     "negara/", "negara/malaysia/", "bantuan/", "brosur/"):
            assert root + must in files, (root, must)
        assert not [f for f in files if f.endswith(".pdf")], root  # downloads, not saved
        for page in (f for f in files if f.endswith("/") or f == root):
            for a in HtmlPage.read(fixture_site / page / "index.html").all("a"):
                url = urlsplit(urljoin(f"http://site/{page}", a.attrs.get("href", "")))
                path = url.path.lstrip("/")
                if url.netloc != "site" or (path and not path.endswith("/")) or path.startswith("admin/"):
                    continue  # another host, a file (a PDF), the staff editor
                if (path.startswith("en/") == (root == "en/")) and (fixture_site / path / "index.html").is_file():
                    assert path in files, (page, a.attrs["href"])
        assert saved["bytes"] <= offline.SAVE_BUDGET, root


def test_the_worker_has_the_offline_note_of_each_language(fixture_site):
    settings = worker_settings(fixture_site)
    assert settings["notes"] == {root: STRINGS[lang]("offline.needs_internet") for root, lang in LANGS}


def test_the_button_states_what_the_save_costs(fixture_site):
    """The size the button says is what its files weigh, gzipped."""
    for root, _ in LANGS:
        saved, files = saved_files(fixture_site, root)
        weight = 0
        for file in files:
            path = file.split("?")[0]
            path = path + "index.html" if path.endswith("/") or path == "" else path
            weight += gzipped_size((fixture_site / path).read_bytes())
        assert saved["bytes"] == weight, root


def test_a_site_too_big_to_save_keeps_the_most_urgent_pages_within_the_budget(fixture_site, tmp_path, monkeypatch):
    """Adding content never fails the build: over the budget, 'save for offline' keeps what fits,
    the help page and the countries' lines first, each page with all it loads."""
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    full = json.loads((site / offline.SAVE_LIST).read_text(encoding="utf-8"))
    budget = full["bytes"] // 3
    monkeypatch.setattr(offline, "SAVE_BUDGET", budget)
    offline.write(site, ("id", "en"), {"id": "(perlu internet)", "en": "(needs internet)"})
    for root in ("", "en/"):
        saved = json.loads((site / root / offline.SAVE_LIST).read_text(encoding="utf-8"))
        assert 0 < saved["bytes"] <= budget and len(saved["files"]) < len(full["files"]), root
        kept = set(saved["files"])
        assert {f"{root}bantuan/", f"{root}negara/hong-kong/", f"{root}negara/malaysia/"} <= kept, root
        assert not any(f.startswith(f"{root}pagefind/") for f in kept), root  # search comes last: it did not fit
        for page in (f for f in kept if f.endswith("/") or f == root):  # a kept page has all it loads
            loads = page_weight(site, (page or "") + "index.html").resources
            assert {offline.page_url(r.path) for r in loads} <= kept, page


class _Uncached(http.server.SimpleHTTPRequestHandler):
    """Files with ``Cache-Control: no-cache``: the browser's HTTP cache never answers for the server
    (a page just built would be fresh in it for a few seconds, and could hide the cut)."""

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cut_site(fixture_site):
    """The fixture site served on its own (so its own origin, worker and caches), and a function that
    stops the server: the network cut at the server, the phone still thinking it is online."""
    handler = functools.partial(_Uncached, directory=str(fixture_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    running = [True]

    def cut():
        server.shutdown()
        server.server_close()
        running.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}/", cut
    if running:
        cut()


def pdf_links(page) -> list[str]:
    return page.eval_on_selector_all("a[href$='.pdf']", "links => links.map(a => a.textContent)")


def test_after_saving_linked_pages_open_with_the_network_cut_and_pdf_links_say_they_need_internet(
        browser, cut_site):
    base, cut = cut_site
    context = browser.new_context()
    page = context.new_page()
    note = " " + STRINGS["id"]("offline.needs_internet")
    page.goto(base)
    wait_for_worker(page)
    box = page.locator("[data-pmi-save]")
    box.locator(".pmi-save-ask").click()
    box.locator(".pmi-save-go").click()
    page.wait_for_selector("[data-pmi-save][data-done]", timeout=SLOW)
    assert box.get_attribute("data-done") == "true"
    page.goto(base + "program/melati/")
    assert pdf_links(page) and not any(text.endswith(note) for text in pdf_links(page))  # online: as built

    cut()
    for path in ("program/melati/", "brosur/"):
        page.goto(base + path)
        assert page.url == base + path and page.locator("h1").count() == 1, path
        assert pdf_links(page) and all(text.endswith(note) for text in pdf_links(page)), path
    for link in ("../../glosarium/#pmi", "../../organisasi/pemkab-banyuwangi/"):
        page.goto(base + "program/melati/")
        page.locator(f"article a[href='{link}']").first.click()
        if "glosarium" in link:  # a term's tap shows its meaning in place (term.js, kept too), with the link
            page.locator(".pmi-term-tip a[href*='glosarium']").first.click()
        page.wait_for_load_state()
        assert page.url == urljoin(base + "program/melati/", link), link  # not the offline notice
        assert page.locator("h1").count() == 1, link
    context.close()
