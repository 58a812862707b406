"""axe-core in headless Chromium: no serious or critical violations, in both languages, on phones
and on desktops; untranslated text carries its own ``lang``; keyboard focus is always visible."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, build_site, make_project, missing_tool, serve_directory

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
REPORT = ROOT / ".cache" / "axe-remaining.json"  # minor/moderate findings, for the closing note
_remaining: dict[str, list] = {}


def pages_to_check(site: Path) -> list[str]:
    """Home, a program page, the 404, the checker and the A–Z index when the site has them; every language."""
    pages = []
    for prefix in ("", "en/"):
        for path in ("", "program/melati/", "404.html", "cek/", "az/"):
            file = site / prefix / (path + "index.html" if not path.endswith(".html") else path)
            if file.exists():
                pages.append(prefix + path)
    return pages


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        message = f"{AXE} missing: run `npm ci` (make test does)"
        missing_tool(message)
    return AXE.read_text(encoding="utf-8")


def run_axe(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                           TAGS)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [" ".join(map(str, n["target"])) for n in v["nodes"]][:5]} for v in result["violations"]]


def serious(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in ("serious", "critical") or v["id"] == "heading-order"]


@pytest.fixture(scope="module")
def checked_pages(fixture_site):
    pages = pages_to_check(fixture_site)
    assert {"", "en/", "program/melati/", "en/program/melati/", "404.html"} <= set(pages)
    return pages


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_serious_or_critical_axe_violations(browser, served_site, checked_pages, axe_source, viewport):
    failures = {}
    for path in checked_pages:
        context = browser.new_context(viewport=VIEWPORTS[viewport])
        page = context.new_page()
        page.goto(served_site + path)
        violations = run_axe(page, axe_source)
        context.close()
        _remaining[f"{viewport} /{path}"] = [v for v in violations if v not in serious(violations)]
        if serious(violations):
            failures[path] = serious(violations)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(_remaining, indent=1), encoding="utf-8")
    assert not failures, json.dumps(failures, indent=1)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_results_have_no_serious_violations(browser, served_site, axe_source, prefix):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(served_site + prefix + "program/melati/")
    page.click("#pmi-search-open")
    page.fill(".pmi-search__input", "warung")
    page.wait_for_selector(".pmi-search__ui[data-done='warung'] .pmi-search__link")  # every result shown
    violations = run_axe(page, axe_source)
    _remaining[f"phone /{prefix}program/melati/ search 'warung'"] = [v for v in violations if v not in serious(violations)]
    REPORT.write_text(json.dumps(_remaining, indent=1), encoding="utf-8")
    assert serious(violations) == [], json.dumps(violations, indent=1)
    context.close()


def test_the_axe_check_catches_low_contrast_and_a_missing_alt(page, served_site, axe_source):
    """The check itself: a page made worse on purpose fails it."""
    page.goto(served_site + "program/melati/")
    page.evaluate("""() => {
        const p = document.createElement('p'); p.textContent = 'pale text'; p.style.color = '#ccc';
        const img = document.createElement('img'); img.src = '../../assets/images/favicon.png';
        document.querySelector('article').append(p, img); }""")
    ids = {v["id"] for v in serious(run_axe(page, axe_source))}
    assert {"color-contrast", "image-alt"} <= ids


@pytest.fixture(scope="module")
def untranslated_site(tmp_path_factory):
    """The fixture with Melati's English description and step left out (shown in Indonesian)."""
    project = make_project(tmp_path_factory.mktemp("untranslated") / "project")
    melati = project / "data" / "programs" / "melati.yaml"
    lines = melati.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("  en: |"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("    "))
    del lines[start:end]
    text = "".join(lines).replace("    en: Ask the Banyuwangi regency government", "    #")
    melati.write_text(text, encoding="utf-8")
    site = build_site(project)
    url, server = serve_directory(site)
    yield url
    server.shutdown()


def test_untranslated_text_is_marked_with_its_language(browser, untranslated_site, axe_source):
    context = browser.new_context()
    page = context.new_page()
    page.goto(untranslated_site + "en/program/melati/")
    assert page.locator("html").get_attribute("lang") == "en"
    blocks = page.locator(".pmi-untranslated")
    assert blocks.count() >= 2, "the description and the step are untranslated"
    for i in range(blocks.count()):
        block = blocks.nth(i)
        assert block.get_attribute("lang") == "id", block.inner_html()
        assert "Menurut Bupati" in block.inner_text() or "Tanyakan" in block.inner_text()
    notices = page.locator(".pmi-untranslated__notice")
    assert notices.count() >= 2 and all(notices.nth(i).get_attribute("lang") == "en" for i in range(notices.count()))
    assert serious(run_axe(page, axe_source)) == []
    context.close()


FOCUS_STYLE = """() => { const el = document.activeElement, s = getComputedStyle(el), r = el.getBoundingClientRect();
  return {tag: el.tagName, text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 &&
                    r.left < innerWidth && getComputedStyle(el).visibility !== 'hidden'}; }"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_keyboard_focus_is_always_visible(browser, served_site, viewport, javascript):
    context = browser.new_context(viewport=VIEWPORTS[viewport], java_script_enabled=javascript)
    page = context.new_page()
    page.goto(served_site + "en/program/melati/")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE)
        if focus["tag"] == "BODY":
            break
        page.evaluate("document.activeElement.scrollIntoView({block: 'center'})")
        focus = page.evaluate(FOCUS_STYLE)
        assert focus["outline"] and focus["onScreen"], focus
        seen.append(focus["text"])
    assert len(seen) >= 5, seen
    context.close()


def test_menu_button_works_from_the_keyboard(browser, served_site):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(served_site + "en/program/melati/")
    button = page.locator("button[data-pmi-drawer]")
    assert button.get_attribute("aria-label") and button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator("#__drawer").is_checked() and button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked()
    assert page.evaluate("document.activeElement.hasAttribute('data-pmi-drawer')")
    context.close()
