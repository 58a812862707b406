"""Shared test helpers: a fixture site built with the real hooks, templates and UI strings."""
from __future__ import annotations

import functools
import inspect
import os
from dataclasses import dataclass
from html.parser import HTMLParser
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
REAL_DATA = ROOT / "data"
"""The real content. Staff change it every day, so a test reading it may check only what a correct
edit cannot break (links resolve, the privacy scan, the build succeeds): what a feature promises is
proved on the fixture, and every rule about content is the validator's. A test that names
``REAL_DATA`` or ``real_site`` (itself, a fixture or helper it uses, or its module's top level) is
marked ``real_content``; .ci/rehearse runs those again on a copy with a staff member's edits."""
REAL_UI = REAL_DATA / "ui"
"""The interface strings, which the fixture sites use too."""
FIXTURE_TODAY = "2026-11-24"
"""The day the fixture data is judged on (its review dates are on or before it): it never ages."""
MKDOCS = [sys.executable, "-m", "mkdocs"]

# --- One PDF cache for the whole session ---
# The build keeps its PDFs in .cache/brochures/ and .cache/print-kit/ of the project, each named by
# a hash of everything it depends on (and checked against its SHA-256 before reuse), so a PDF made
# by one test's build is right for any other build that needs the same one. Each project made here
# starts with the session's PDFs (hard links: the build replaces files, never writes into one), and
# run_build() keeps the intact new ones. The repository's own cache (make build) seeds the session's,
# read only.
PDF_CACHES = ("brochures", "print-kit")
_session_cache: Path | None = None


def pytest_configure(config):
    global _session_cache
    _session_cache = Path(tempfile.mkdtemp(prefix="portal-pdf-cache-"))
    for name in PDF_CACHES:
        if (ROOT / ".cache" / name).is_dir():
            shutil.copytree(ROOT / ".cache" / name, _session_cache / name, ignore=shutil.ignore_patterns("*.tmp"))


def pytest_unconfigure(config):
    if _session_cache is not None:
        shutil.rmtree(_session_cache, ignore_errors=True)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


def _seed_pdf_cache(project: Path) -> None:
    for name in PDF_CACHES:
        if _session_cache is not None and (_session_cache / name).is_dir():
            shutil.copytree(_session_cache / name, project / ".cache" / name, copy_function=_link_or_copy,
                            dirs_exist_ok=True)


def _keep_pdf_cache(project: Path) -> None:
    from portal.outputs.brochures import checksum_file, is_intact

    if _session_cache is None:
        return
    for name in PDF_CACHES:
        for pdf in (project / ".cache" / name).glob("*/*.pdf"):
            kept = _session_cache / name / pdf.parent.name / pdf.name
            if not kept.exists() and is_intact(pdf):
                kept.parent.mkdir(parents=True, exist_ok=True)
                for source, target in ((pdf, kept), (checksum_file(pdf), checksum_file(kept))):
                    shutil.copyfile(source, target.with_name(target.name + ".tmp"))
                    target.with_name(target.name + ".tmp").replace(target)


def make_project(dest: Path, data: Path = FIXTURE_DATA, config_edit=None, pdf_cache: bool = True) -> Path:
    """A throwaway project in ``dest``: the repo's config, hooks and templates with ``data``.

    Any data but the real ``data/`` is judged on :data:`FIXTURE_TODAY` (``extra.portal.today``),
    unless ``PORTAL_TODAY`` says otherwise; the real content on the real date. The project starts
    with the session's PDFs (``pdf_cache=False``: with none, for a test that counts renders).
    """
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("hooks", "overrides", "schema"):
        (dest / name).symlink_to(ROOT / name)
    shutil.copytree(data, dest / "data")
    if not (dest / "data" / "ui").exists():
        shutil.copytree(REAL_UI, dest / "data" / "ui")
    docs = dest / "docs"
    docs.mkdir()
    for path in ROOT.joinpath("docs").iterdir():
        if path.is_file() or path.name == "assets":
            (docs / path.name).symlink_to(path)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if data.resolve() != REAL_DATA.resolve():
        text = text.replace('today: !ENV [PORTAL_TODAY, ""]', f'today: !ENV [PORTAL_TODAY, "{FIXTURE_TODAY}"]')
    if config_edit:
        text = config_edit(text)
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    if pdf_cache:
        _seed_pdf_cache(dest)
    return dest


def run_build(project: Path, env: dict | None = None, strict: bool = True) -> subprocess.CompletedProcess:
    cmd = [*MKDOCS, "build", "-f", str(project / "mkdocs.yml")] + (["--strict"] if strict else [])
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    full_env.pop("SITE_URL", None) if env is None or "SITE_URL" not in env else None
    result = subprocess.run(cmd, cwd=project, capture_output=True, text=True, env=full_env, timeout=300)
    _keep_pdf_cache(project)
    return result


def build_site(project: Path, env: dict | None = None) -> Path:
    result = run_build(project, env)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture data built once per test session; returns its ``site/``."""
    project = make_project(tmp_path_factory.mktemp("fixture") / "project")
    return build_site(project)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real ``data/`` built once per session, on the real date; returns its ``site/``."""
    return build_site(make_project(tmp_path_factory.mktemp("real") / "project", data=REAL_DATA))


def copy_fixture_data(dest: Path, ui: bool = False) -> Path:
    """A copy of the fixture data at ``dest`` that a test may edit; ``ui``: with the interface
    strings of ``data/ui/`` in it, as a project's data has them."""
    shutil.copytree(FIXTURE_DATA, dest)
    if ui:
        shutil.copytree(REAL_UI, dest / "ui")
    return dest


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the fixture data that a test may edit."""
    return copy_fixture_data(tmp_path / "data")


def missing_tool(message: str) -> NoReturn:
    """A test's tool (browser, node, an npm package) is missing: with CI=true that is a failure,
    never a skip (CI installs everything); elsewhere the test is skipped with ``message``."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


POPPLER = "apt-get install poppler-utils"


def require_tool(name: str, install: str) -> str:
    """The path of the command ``name``; missing, :func:`missing_tool` says how to ``install`` it."""
    path = shutil.which(name)
    if path is None:
        missing_tool(f"{name} not found: {install} (.ci/run does this)")
    return path


# --- HTML read back: one parser for every test ---

@dataclass(eq=False)
class Element:
    """An element of a parsed page: its tag, attributes (a bare attribute reads as "") and the
    elements around it, outermost first."""

    tag: str
    attrs: dict[str, str]
    parents: tuple["Element", ...]

    def inside(self, tag: str) -> bool:
        return any(parent.tag == tag for parent in self.parents)


class HtmlPage(HTMLParser):
    """An HTML page read once: every element, and every piece of text with the elements around it.
    ``HtmlPage.read(path)`` for a file."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.pieces: list[tuple[str, tuple[Element, ...]]] = []
        self._open: list[Element] = []
        self.feed(html)
        self.close()

    @classmethod
    def read(cls, path: Path) -> "HtmlPage":
        return cls(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs}, tuple(self._open))
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        self.pieces.append((data, tuple(self._open)))

    def all(self, tag: str, inside: str | None = None) -> list[Element]:
        """The ``tag`` elements (those within an ``inside`` element only, if given), in order."""
        return [e for e in self.elements if e.tag == tag and (inside is None or e.inside(inside))]

    def texts(self, inside: str | None = None) -> list[str]:
        """The pieces of text a reader sees (not in <script> or <style>), within ``inside`` if given."""
        return [data for data, around in self.pieces
                if not any(e.tag in ("script", "style") for e in around)
                and (inside is None or any(e.tag == inside for e in around))]

    def text_of(self, element: Element) -> str:
        return "".join(data for data, around in self.pieces if element in around)

    @property
    def lang(self) -> str | None:
        return next((e.attrs.get("lang") for e in self.all("html")), None)

    @property
    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if "id" in e.attrs}


# --- PDF read back (pdfplumber pages) ---

def pdf_words(pdf_page, text: str, min_size: float = 0) -> list[dict] | None:
    """The words of ``text`` on ``pdf_page``, in order (the first at least ``min_size`` pt), or None."""
    words = pdf_page.extract_words(extra_attrs=["size"])
    wanted = text.split()
    for i in range(len(words) - len(wanted) + 1):
        run = words[i:i + len(wanted)]
        if [w["text"] for w in run] == wanted and run[0]["size"] >= min_size:
            return run
    return None


def pdf_line_start(pdf_page, word: dict) -> dict:
    """The first word of the line ``word`` is on."""
    return min((w for w in pdf_page.extract_words() if abs(w["top"] - word["top"]) < 2), key=lambda w: w["x0"])


def drawn_before(pdf_page, word: dict) -> bool:
    """Whether a drawn shape (a pictogram: a path, not a glyph) ends just left of ``word``, on its line."""
    return any(word["x0"] - 20 <= c["x1"] <= word["x0"] and c["bottom"] > word["top"] and c["top"] < word["bottom"]
               for c in pdf_page.curves)


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- Browser tests: Debian's chromium driven by Playwright, pages served on loopback. ---

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


def serve_directory(directory: Path):
    """Serve ``directory`` on 127.0.0.1 in a thread; returns (base_url, server)."""
    import functools
    import http.server
    import threading

    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def served_site(fixture_site):
    """Base URL of the fixture site served on loopback."""
    url, server = serve_directory(fixture_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium. Missing: a failure with CI=true, a skip otherwise."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} not found: apt-get install chromium (.ci/run does this)"
        missing_tool(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser page that records every request URL and console error. The site's service
    worker is blocked here, so that ``page.route`` and the page's requests see every fetch; the
    tests of offline reading (test_browser_offline.py) make their own context with it."""
    context = browser.new_context(service_workers="block")
    pg = context.new_page()
    pg.requests = []  # type: ignore[attr-defined]
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.on("request", lambda req: pg.requests.append(req.url))
    pg.on("console", lambda msg: pg.console_errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    yield pg
    context.close()


# --- Tiers: `unit` (no site build, no PDF rendered, no browser: `make check`), `build` (builds a
# site with MkDocs, or renders PDFs), `browser` (drives chromium). Each test gets one, from what it
# and the fixtures it uses call. Apart from its tier, a test reading the real content is marked
# `real_content` (see REAL_DATA).

BROWSER_FIXTURES = {"browser", "page", "served_site"}
BUILD_CALLS = re.compile(r"\b(build_site|run_build|fixture_site|MKDOCS)\b|\b(make_kit|render_pdf)\(")
REAL_CONTENT = re.compile(r"\b(REAL_DATA|real_site)\b")


def _mentions(function, pattern: re.Pattern, seen: set | None = None) -> bool:
    """True when the source of ``function``, or of a test helper it calls (at any depth), matches.
    For REAL_CONTENT, this file's helpers are not read: they take the data to use as an argument."""
    seen = set() if seen is None else seen
    if function in seen or not inspect.isfunction(function):
        return False
    if pattern is REAL_CONTENT and function.__code__.co_filename == __file__:
        return False
    seen.add(function)
    try:
        if pattern.search(inspect.getsource(function)):
            return True
    except (OSError, TypeError):
        return False
    helpers = (function.__globals__.get(name) for name in function.__code__.co_names)
    return any(_mentions(h, pattern, seen) for h in helpers
               if inspect.isfunction(h) and Path(h.__code__.co_filename).parent == ROOT / "tests")


@functools.lru_cache(maxsize=None)
def _top_level_mentions(module, pattern: re.Pattern) -> bool:
    """True when ``module``'s statements outside its functions and classes match (a constant such
    as ``CONTENT = load_content(REAL_DATA, …)``)."""
    import ast

    tree = ast.parse(inspect.getsource(module))
    return any(pattern.search(ast.unparse(node)) for node in tree.body
               if not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom))
               and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)))  # a docstring


def _functions(item) -> list:
    names = set(getattr(item, "fixturenames", ()))
    definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    return [item.function] + [d.func for name in names for d in definitions.get(name, ())]


def tier(item) -> str:
    """'browser', 'build' or 'unit' for a collected test."""
    names = set(getattr(item, "fixturenames", ()))
    if names & BROWSER_FIXTURES:
        return "browser"
    return "build" if "fixture_site" in names or any(_mentions(f, BUILD_CALLS) for f in _functions(item)) else "unit"


def reads_real_content(item) -> bool:
    """True when a collected test reads the real content (see REAL_DATA)."""
    return ("real_site" in getattr(item, "fixturenames", ()) or _top_level_mentions(item.module, REAL_CONTENT)
            or any(_mentions(f, REAL_CONTENT) for f in _functions(item)))


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(tier(item))
        if reads_real_content(item):
            item.add_marker("real_content")
