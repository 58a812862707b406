"""Our scripts are published minified: smaller, still valid JavaScript, strings and marks kept
(the browser tests run the minified copies: the checker, sharing, search and offline reading)."""
from __future__ import annotations

import re
import shutil
import subprocess

from conftest import ROOT, require_tool
from portal.outputs.minified_scripts import minify_site
from portal.outputs.offline import VERSION_MARK

SOURCES = {"assets/portal": ROOT / "docs" / "assets" / "portal",
           "assets/javascripts": ROOT / "overrides" / "assets" / "javascripts"}


def test_our_scripts_lose_comments_and_spaces_and_stay_valid_javascript(tmp_path):
    node = require_tool("node", "apt-get install nodejs")
    for rel, source in SOURCES.items():
        shutil.copytree(source, tmp_path / rel, ignore=shutil.ignore_patterns("*.css"))
    (tmp_path / "assets" / "javascripts" / "bundle.js").write_text("/* Material's own */ var a = 1;\n")
    before = {p: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.js")}
    saved = minify_site(tmp_path)
    assert saved == sum(len(text.encode()) for text in before.values()) - sum(
        len(p.read_bytes()) for p in tmp_path.rglob("*.js"))
    checker = (tmp_path / "assets" / "portal" / "checker.js").read_text(encoding="utf-8")
    assert len(checker) < 0.8 * len(before[tmp_path / "assets" / "portal" / "checker.js"])
    assert "/* --- Engine" not in checker and "pmi-result" in checker  # comments out, class names kept
    assert VERSION_MARK in (tmp_path / "assets" / "javascripts" / "portal-search-ui.js").read_text(encoding="utf-8")
    assert (tmp_path / "assets" / "javascripts" / "bundle.js").read_text() == "/* Material's own */ var a = 1;\n"
    for path in tmp_path.rglob("*.js"):
        check = subprocess.run([node, "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, f"{path.name}: {check.stderr}"


def test_our_stylesheets_lose_comments_and_spaces_and_keep_every_rule(tmp_path):
    css = (ROOT / "docs" / "assets" / "portal.css").read_text(encoding="utf-8")
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "portal.css").write_text(css, encoding="utf-8")
    (tmp_path / "assets" / "stylesheets" / "main.1234.min.css").write_text("/* Material's */ a { b: c }\n")
    minify_site(tmp_path)
    out = (tmp_path / "assets" / "portal.css").read_text(encoding="utf-8")
    assert "/*" not in out and len(out) < 0.85 * len(css)
    assert out.count("{") == re.sub(r"/\*.*?\*/", "", css, flags=re.S).count("{")  # no rule lost
    assert ".pmi-icon{" in out and "--pmi-warn:" in out
    assert (tmp_path / "assets" / "stylesheets" / "main.1234.min.css").read_text() == "/* Material's */ a { b: c }\n"
