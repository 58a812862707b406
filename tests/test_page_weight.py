"""Page weight of a program page: first view and repeat view within budget (sizes, not timings)."""
from __future__ import annotations

import shutil
from pathlib import Path

from portal.checks.page_weight import (CHECKER_FIRST_VIEW_BUDGET, FIRST_VIEW_BUDGET, HELP_FIRST_VIEW_BUDGET,
                                      REPEAT_VIEW_BUDGET, page_weight)

PROGRAM = "program/melati/index.html"


def _summary(weight) -> str:
    return "\n".join(f"{r.path}: {r.raw} B raw, {r.gz} B gzipped" for r in weight.resources)


def test_program_page_first_and_repeat_view_within_budget(fixture_site):
    for page in (PROGRAM, "en/" + PROGRAM):
        weight = page_weight(fixture_site, page)
        assert weight.gz <= FIRST_VIEW_BUDGET, _summary(weight)
        assert weight.repeat_gz <= REPEAT_VIEW_BUDGET, _summary(weight)
        # HTML, 3 stylesheets (one for print), icon, search opener, share controls (issue 22)
        assert weight.requests <= 7, _summary(weight)
        kinds = weight.by_kind()
        assert "font" not in kinds, "no web fonts and no icon fonts"
        scripts = [r for r in weight.resources if r.kind == "script"]
        assert not any("bundle" in r.path for r in scripts), "no Material JS bundle"
        assert sum(r.gz for r in scripts) <= 3072, "only small scripts of our own (search opener, sharing)"


def test_help_page_first_view_within_budget(fixture_site):
    for page in ("bantuan/index.html", "en/bantuan/index.html"):
        weight = page_weight(fixture_site, page)
        assert weight.gz <= HELP_FIRST_VIEW_BUDGET, _summary(weight)


def test_checker_page_first_view_within_budget(fixture_site):
    for page in ("cek/index.html", "en/cek/index.html"):
        weight = page_weight(fixture_site, page)
        assert weight.gz <= CHECKER_FIRST_VIEW_BUDGET, _summary(weight)


def test_the_budget_check_fails_for_a_page_with_materials_script_bundle(fixture_site, tmp_path):
    """The check itself: the default Material page (its 35 KB JS bundle loaded) is over budget."""
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    import material  # the bundle is not published (sitefixes): take it from the theme package

    theme_js = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    bundle = next(theme_js.glob("bundle.*.min.js"))
    shutil.copy(bundle, site / "assets" / "javascripts" / bundle.name)
    page = site / PROGRAM
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</body>", f'<script src="../../assets/javascripts/{bundle.name}"></script></body>'),
                    encoding="utf-8")
    weight = page_weight(site, PROGRAM)
    assert weight.by_kind()["script"][1] > 30_000
    assert weight.gz > FIRST_VIEW_BUDGET


def test_the_browser_loads_nothing_the_measure_leaves_out(page, served_site, fixture_site):
    for path in (PROGRAM, "en/" + PROGRAM, "index.html"):
        page.requests.clear()
        page.goto(served_site + path.removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
        loaded = {url.removeprefix(served_site) or "index.html" for url in page.requests}
        loaded = {p + "index.html" if p.endswith("/") else p for p in loaded}
        measured = {r.path for r in page_weight(fixture_site, path).resources}
        assert loaded and loaded <= measured, loaded - measured
