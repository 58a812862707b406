"""The staff's web editor at /admin/: our own copy of Decap CMS, configured from the schema, kept
away from readers (noindex, no links, not in the sitemap or search), and in a real browser it
loads from our own origin only."""
from __future__ import annotations

import re

import yaml

from portal.outputs.admin import DIST, EDITOR_SCRIPT, YAML_DIST
from portal.site.urls import ADMIN_DIR, is_admin


def test_the_editor_is_our_pinned_copy_of_decap_with_a_generated_config(fixture_site):
    admin = fixture_site / ADMIN_DIR
    assert (admin / "decap-cms.js").read_bytes() == (DIST / "decap-cms.js").read_bytes()
    chunks = sorted(p.name for p in DIST.glob("*.decap-cms.js"))
    assert chunks and chunks == sorted(p.name for p in admin.glob("*.decap-cms.js"))
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {"name": "test-repo"}  # the fixture has no repository: a sandbox
    assert config["publish_mode"] == "editorial_workflow"
    assert {c["name"] for c in config["collections"]} >= {"programs", "sources", "glossary"}


def test_the_editor_page_is_noindex_and_loads_only_decap_and_our_widget(fixture_site):
    page = (fixture_site / ADMIN_DIR / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    # ours first (both deferred, so in this order): it registers the yaml widget, then starts Decap
    assert re.findall(r'<(?:script|link)\b[^>]*>', page) == ['<script type="module" src="editor.js">',
                                                             '<script defer src="decap-cms.js">',
                                                             '<script type="application/json" id="portal-editor-locale">']


def test_the_rule_widget_uses_the_yaml_library_make_fmt_uses(fixture_site):
    admin = fixture_site / ADMIN_DIR
    assert (admin / "editor.js").read_bytes() == EDITOR_SCRIPT.read_bytes()
    assert "from './yaml/index.js'" in EDITOR_SCRIPT.read_text(encoding="utf-8")
    copied = sorted(p.name for p in (admin / "yaml").iterdir())
    assert copied == sorted(p.name for p in YAML_DIST.glob("*.js")) and "index.js" in copied
    for name in copied:
        assert (admin / "yaml" / name).read_bytes() == (YAML_DIST / name).read_bytes()


def test_readers_never_meet_the_editor(fixture_site):
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/admin" not in sitemap
    for path in fixture_site.rglob("*.html"):
        if not is_admin(path.relative_to(fixture_site).as_posix()):
            assert not re.search(r'href="[^"]*\badmin/', path.read_text(encoding="utf-8")), path
    index = fixture_site / "pagefind"
    assert not any(b"/admin/" in p.read_bytes() for p in index.rglob("*") if p.is_file() and p.suffix != ".gz")


def test_the_admin_path_helper():
    assert is_admin("admin/") and is_admin("/admin/decap-cms.js") and is_admin("admin")
    assert not is_admin("administrasi/") and not is_admin("program/admin/")


def test_the_editor_runs_from_our_origin_only(page, served_site):
    """Decap starts in Chromium (sandbox backend), shows our collections, and asks no other host."""
    page.route(re.compile(r"^(?!" + re.escape(served_site) + ")"), lambda route: route.abort())
    page.goto(served_site + "admin/")
    page.get_by_role("button", name="Masuk").click()  # Decap's interface in Indonesian
    page.get_by_text("Program", exact=True).first.wait_for(timeout=30_000)
    assert page.get_by_text("Istilah glosarium", exact=True).first.is_visible()
    assert served_site + "admin/decap-cms.js" in page.requests
    assert all(url.startswith(served_site) or url.startswith("data:") or url.startswith("blob:")
               for url in page.requests), [u for u in page.requests if not u.startswith(served_site)]


def _leaves(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, path + (key,))
    else:
        yield path, node


def test_the_interface_in_indonesian_uses_decaps_own_keys_and_placeholders(tmp_path):
    """Every phrase of editor.id.yaml replaces one of Decap's English phrases (a misspelt key would
    silently stay English), with the same %{placeholders}; config.yml asks for that locale."""
    import json
    import shutil
    import subprocess

    from portal.outputs.admin import interface_locale

    from conftest import ROOT, missing_tool
    english = ROOT / "node_modules" / "decap-cms-locales" / "dist" / "esm" / "en" / "index.js"
    if shutil.which("node") is None or not english.is_file():
        missing_tool("node and node_modules/decap-cms-locales are needed: make node_modules/.installed")
    script = ("const fs = require('fs'); const src = fs.readFileSync(process.argv[1], 'utf8')"
              ".replace('export default en;', 'return en;'); console.log(JSON.stringify(new Function(src)()));")
    en = dict(_leaves(json.loads(subprocess.run(["node", "-e", script, str(english)], capture_output=True, text=True,
                                                check=True).stdout)))
    locale = interface_locale("id")
    assert locale["code"] == "id"
    phrases = dict(_leaves(locale["phrases"]))
    assert len(phrases) > 80 and ("editor", "editorToolbar", "save") in phrases
    for path, text in phrases.items():
        assert path in en, path
        assert sorted(re.findall(r"%\{\w+\}", text)) == sorted(re.findall(r"%\{\w+\}", en[path])), path
        assert text != en[path] or text in ("Media", "Status: %{status}") or text.startswith("＋"), path
    untranslated = [path for path in en if path not in phrases and not never_met(path)]
    assert untranslated == []  # the rest of what a volunteer meets ('Go back to site' too) is Indonesian
    assert interface_locale("jv") is None  # no file: Decap's English


def never_met(path: tuple) -> bool:
    """Phrases of Decap's interface our editor never shows (no media, no notes, no Decap i18n, no
    Markdown, image or file widget, GitHub login only), or that are a placeholder alone, the same in every language."""
    return (path[0] == "mediaLibrary" or path[:2] == ("editor", "editorNotesPane")
            or path[:3] == ("editor", "editorControlPane", "i18n")  # Decap's i18n: ours is a box per language
            or path[:3] in {("editor", "editorWidgets", w) for w in ("markdown", "image", "file", "headingOptions")}
            or (path[0] == "auth" and path[1].startswith("loginWith") and path[1] != "loginWithGitHub")
            or path == ("auth", "errors", "identitySettings") or path[-1].startswith("note")
            or path[-1] in ("onFailToAuth", "lastChangeNoAuthor", "onFailToAddNote", "onFailToUpdateNote",
                            "onFailToDeleteNote", "onFailToToggleNote"))


def test_the_editor_asks_for_the_sites_language(fixture_site):
    config = yaml.safe_load((fixture_site / ADMIN_DIR / "config.yml").read_text(encoding="utf-8"))
    assert config["locale"] == "id"
    page = (fixture_site / ADMIN_DIR / "index.html").read_text(encoding="utf-8")
    assert '"save": "Simpan"' in page
