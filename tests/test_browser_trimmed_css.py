"""Proof that trimming Material's stylesheet (portal.outputs.unused_css) changes nothing a reader
sees: the same pages and states, screenshot with the full and with the trimmed stylesheet, at
three widths and in print, must have identical pixels (but for a few pixels of anti-aliasing noise,
:func:`same_to_the_eye`); axe-core finds nothing new. A stylesheet
with one used rule dropped must fail the same comparison."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import material
import pytest
import tinycss2
from PIL import Image, ImageChops

from conftest import ROOT
from portal.mkdocs.borrowed import THEME_STYLESHEET
from test_accessibility import run_axe, axe_source  # noqa: F401 (fixture)
from test_browser_checker import READY, answer

FULL_CSS = next((Path(material.__file__).parent / "templates").glob(THEME_STYLESHEET)).read_text(encoding="utf-8")
STYLESHEET_URL = re.compile(r"/assets/stylesheets/main\.[0-9a-f]+\.min\.css")
WIDTHS = {360: 740, 768: 1024, 1280: 800}
PRINT_WIDTH = 768
FAILED = ROOT / ".cache" / "trimmed-css"
STILL = """document.addEventListener('DOMContentLoaded', () => {
  const style = document.createElement('style');
  style.textContent = '*, ::before, ::after { transition: none !important; animation: none !important }';
  document.head.append(style); });"""
"""Transitions off in both versions: the end states are compared, never a frame half-way."""  # screenshots of a failed comparison, for a look


def home(page, site):
    page.goto(site)


def program(page, site):
    page.goto(site + "program/melati/")


def checker_question(page, site):
    """The first question, a radio focused from the keyboard, another option hovered."""
    page.goto(site + "cek/")
    page.wait_for_selector(READY)
    page.locator("#pmi-checker input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")  # keyboard focus (focus-visible) moves to the second option
    page.locator("#pmi-checker label").nth(2).hover()


def checker_results(page, site):
    page.goto(site + "cek/")
    page.wait_for_selector(READY)
    answer(page, "Saya ingin bekerja ke luar negeri (calon PMI)")
    answer(page, number="18")
    answer(page, "Kabupaten lain")
    answer(page, "Korea Selatan")
    answer(page, "SMA/SMK")
    for _ in range(3):
        answer(page, "Tidak")
    page.wait_for_selector(".pmi-results--likely")
    page.locator("details.pmi-results--not summary").click()


def az(page, site):
    page.goto(site + "az/")


def search_results(page, site):
    page.goto(site + "program/melati/")
    page.click("#pmi-search-open")
    page.fill(".pmi-search__input", "warung")
    page.wait_for_selector(".pmi-search__ui[data-done='warung'] .pmi-search__link")  # every result shown
    page.locator(".pmi-search__link").first.hover()


def not_found(page, site):
    page.goto(site + "404.html")


STATES = [home, program, checker_question, checker_results, az, search_results, not_found]


class Sheets:
    """Serves the page's Material stylesheet as the trimmed file, the full one, or a given text."""

    def __init__(self, page):
        self.page = page
        self.texts = {"full": FULL_CSS}
        page.route(STYLESHEET_URL, self._serve)
        page.add_init_script(STILL)

    def _serve(self, route):
        version = route.request.url.rpartition("?")[2]
        if version in self.texts:
            route.fulfill(body=self.texts[version], content_type="text/css")
        else:
            route.continue_()

    def use(self, version: str) -> None:
        """Swap the stylesheet in place (the page, its focus and hover stay) to ``version``."""
        self.page.evaluate("""version => new Promise((resolve, reject) => {
            const link = [...document.querySelectorAll('link[rel=stylesheet]')].find(l => /stylesheets\\/main\\./.test(l.href));
            const url = new URL(link.href); url.search = version === 'trimmed' ? '' : '?' + version;
            if (link.href === url.href) { resolve(); return; }
            link.onload = () => requestAnimationFrame(() => requestAnimationFrame(resolve)); link.onerror = reject;
            link.href = url.href; })""", version)

    def shot(self, version: str) -> bytes:
        """A full-page screenshot with ``version``, once rendering has settled (two in a row equal)."""
        self.use(version)
        size = self.page.viewport_size  # a resize repaints the whole page, not only what the swap changed
        self.page.set_viewport_size({"width": size["width"], "height": size["height"] + 1})
        self.page.set_viewport_size(size)
        shots = [self.page.screenshot(full_page=True, animations="disabled", caret="hide")]
        while len(shots) < 6 and (len(shots) < 2 or shots[-1] != shots[-2]):
            shots.append(self.page.screenshot(full_page=True, animations="disabled", caret="hide"))
        assert shots[-1] == shots[-2], f"the page keeps changing with the {version} stylesheet"
        return shots[-1]


def compare(sheets: Sheets, versions: tuple[str, str], views: list[tuple[str, int, str]], name: str) -> list[str]:
    """Screenshots with the two stylesheet ``versions`` in each (media, width, label) view: the
    views whose pixels differ (both screenshots kept under .cache/trimmed-css/). Chromium encodes
    equal pixels to equal PNG bytes."""
    page, differ = sheets.page, []
    for media, width, label in views:
        page.set_viewport_size({"width": width, "height": WIDTHS[width]})
        page.emulate_media(media=media)
        # The whole page in the viewport: Chromium's full-page capture, which resizes it, is not
        # pixel-stable (a focus ring's edge comes out in one of two ways).
        height = page.evaluate("document.documentElement.scrollHeight")
        page.set_viewport_size({"width": width, "height": max(height, WIDTHS[width])})
        for _ in range(3):  # Chromium's anti-aliasing of a rounded corner is now and then off by one
            shots = [sheets.shot(version) for version in versions]  # level: a real difference stays
            if shots[0] == shots[1]:
                break
        if not same_to_the_eye(*shots):
            differ.append(f"{name} {label}")
            FAILED.mkdir(parents=True, exist_ok=True)
            for version, shot in zip(versions, shots):
                (FAILED / f"{name}-{label}-{version}.png").write_bytes(shot)
    page.emulate_media(media="screen")
    return differ


NOISE_LEVELS, NOISE_PIXELS = 4, 16
"""Anti-aliasing noise tolerated between the two screenshots: at most this many pixels, each off by
at most this many levels (of 255) per channel. Chromium rasterises a rounded corner one or two
levels apart depending on how it layers the page, which the unused rules change; the computed
styles of the elements there are the same (checked). A dropped rule changes far more."""


def same_to_the_eye(a: bytes, b: bytes) -> bool:
    """Equal screenshots, or ones that differ only by :data:`NOISE_LEVELS` in :data:`NOISE_PIXELS` pixels."""
    if a == b:
        return True
    first, second = (Image.open(io.BytesIO(shot)).convert("RGB") for shot in (a, b))
    if first.size != second.size:
        return False
    diff = ImageChops.difference(first, second)
    changed = [px for px in diff.get_flattened_data() if any(px)]
    return len(changed) <= NOISE_PIXELS and max(max(px) for px in changed) <= NOISE_LEVELS


VIEWS = [("screen", w, f"{w}px") for w in WIDTHS] + [("print", PRINT_WIDTH, "print")]


@pytest.fixture(scope="module")
def sheets(browser):
    # the service worker blocked: page.route must see the stylesheet requests (the worker would answer them)
    context = browser.new_context(viewport={"width": 360, "height": WIDTHS[360]}, service_workers="block")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield Sheets(page)
    context.close()
    assert not errors, errors


@pytest.mark.parametrize("state", STATES, ids=lambda s: s.__name__)
def test_trimmed_stylesheet_looks_the_same_as_the_full_one(sheets, served_site, axe_source, state):
    page = sheets.page
    page.set_viewport_size({"width": 360, "height": WIDTHS[360]})
    state(page, served_site)
    assert page.locator("link[href*='stylesheets/main.']").count() == 1
    differ = []
    for media, width, label in VIEWS:
        if width != 360 and state in (checker_question, search_results):  # hover and focus follow the layout
            page.set_viewport_size({"width": width, "height": WIDTHS[width]})
            state(page, served_site)
        differ += compare(sheets, ("trimmed", "full"), [(media, width, label)], state.__name__)
    assert not differ, f"trimmed and full stylesheets differ (screenshots in {FAILED}): {differ}"

    page.set_viewport_size({"width": 360, "height": WIDTHS[360]})
    found = {}
    for version in ("full", "trimmed"):
        sheets.use(version)
        found[version] = {(v["id"], t) for v in run_axe(page, axe_source) for t in v["targets"]}
    assert found["trimmed"] <= found["full"], json.dumps(sorted(found["trimmed"] - found["full"]))


def without_rule(css: str, selector: str) -> str:
    """``css`` less its first style rule whose selector list is exactly ``selector``."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True)
    victim = next(r for r in rules if r.type == "qualified-rule" and tinycss2.serialize(r.prelude).strip() == selector)
    return "".join(tinycss2.serialize([r]) for r in rules if r is not victim)


def test_a_stylesheet_missing_one_used_rule_fails_the_comparison(sheets, served_site):
    page = sheets.page
    page.set_viewport_size({"width": 360, "height": WIDTHS[360]})
    home(page, served_site)
    trimmed = page.evaluate("""() => fetch([...document.querySelectorAll('link[rel=stylesheet]')]
        .find(l => /stylesheets\\/main\\./.test(l.href)).href).then(r => r.text())""")
    assert len(trimmed) < len(FULL_CSS) / 2, "the served stylesheet is trimmed"
    sheets.texts["over"] = without_rule(trimmed, ".md-header")
    assert len(sheets.texts["over"]) < len(trimmed)
    assert compare(sheets, ("full", "over"), [("screen", 360, "360px")], "over-trimmed") == ["over-trimmed 360px"]
