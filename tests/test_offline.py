"""Offline reading (issue 22), from the built site: the install-time shell and its budget, the
worker's settings, a manifest and icons per language, the "save for offline" lists."""
from __future__ import annotations

import json
import re
import shutil

from PIL import Image

from portal.outputs import offline
from portal.site.urls import ADMIN_DIR, HELP_DIR, OFFLINE_DIR


def worker_settings(site) -> dict:
    text = (site / offline.WORKER).read_text(encoding="utf-8")
    return json.loads(re.match(r"self\.PMI_BUILD = (\{.*\});\n", text).group(1))


def test_the_shell_is_computed_from_the_build_and_within_budget(fixture_site):
    shell = offline.shell(fixture_site, ["", "en/"])
    paths = {r.path for r in shell}
    assert {f"{OFFLINE_DIR}/index.html", f"en/{OFFLINE_DIR}/index.html"} <= paths  # the offline pages
    assert {f"{HELP_DIR}/index.html", f"en/{HELP_DIR}/index.html"} <= paths  # the help lines, without a save
    stylesheets = set(re.findall(r'<link rel="stylesheet" href="(?:\.\./)*([^"]+)"',
                                 (fixture_site / "index.html").read_text(encoding="utf-8")))
    assert stylesheets and stylesheets <= paths  # what the home page loads, whatever its name
    assert "index.html" not in paths and not any("/program/" in p for p in paths)  # no page but those two
    assert sum(r.gz for r in shell) <= offline.SHELL_BUDGET == 60 * 1024
    settings = worker_settings(fixture_site)
    assert settings["shell"] == [offline.page_url(r.path) for r in shell]
    assert settings["offline"] == {"": f"{OFFLINE_DIR}/", "en/": f"en/{OFFLINE_DIR}/"}
    assert settings["admin"] == f"{ADMIN_DIR}/" and settings["timeout"] == 3000


def test_the_version_follows_every_file(fixture_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    built = worker_settings(fixture_site)["version"]
    assert built in (site / "assets" / "javascripts" / "portal-search-ui.js").read_text(encoding="utf-8")  # metaCacheTag
    before = offline.version(site)
    assert offline.version(site) == before
    (site / "assets" / "portal" / "eligibility.json").write_text("{}", encoding="utf-8")
    assert offline.version(site) != before


def test_a_manifest_and_icons_per_language(fixture_site):
    for root, lang in (("", "id"), ("en/", "en")):
        manifest = json.loads((fixture_site / root / offline.MANIFEST).read_text(encoding="utf-8"))
        assert manifest["lang"] == lang and manifest["name"] == "Portal PMI"
        assert manifest["start_url"] == manifest["scope"] == "./"
        html = (fixture_site / root / "index.html").read_text(encoding="utf-8")
        assert '<link rel="manifest"' in html and offline.MANIFEST in html
        for icon in manifest["icons"]:
            image = Image.open(fixture_site / root / icon["src"])
            assert icon["sizes"] == f"{image.width}x{image.height}" and image.width in (192, 512)


def test_save_lists_hold_every_program_procedure_country_checker_az_and_search(fixture_site):
    for root in ("", "en/"):
        saved = json.loads((fixture_site / root / offline.SAVE_LIST).read_text(encoding="utf-8"))
        files = set(saved["files"])
        for folder in ("program", "prosedur", "negara"):
            pages = {p.parent.relative_to(fixture_site).as_posix() + "/" for p in (fixture_site / root / folder).glob("*/index.html")}
            assert pages and pages <= files, root
        assert {f"{root}cek/", f"{root}az/", "assets/portal/checker.js", "assets/portal/eligibility.json"} <= files
        assert f"{root}pagefind/pagefind-entry.json?ts={saved['version']}" in files
        assert any(f.startswith(f"{root}pagefind/fragment/") for f in files)
        others = [f for f in files if f.endswith("/") and not f.startswith(root)] if root else \
            [f for f in files if f.startswith("en/")]
        assert others == [], others  # one language's pages only
        assert saved["bytes"] > 10 * 1024 and saved["version"] == worker_settings(fixture_site)["version"]


def test_the_checker_data_carries_the_date_of_its_rules(fixture_site):
    data = json.loads((fixture_site / "assets" / "portal" / "eligibility.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", data["rules_date"])
    assert data["ui"]["id"]["rules_date"].startswith("Aturan program per ")
    assert data["ui"]["en"]["rules_date"].startswith("Programme rules as of ")
