"""The privacy scan runs on every real build: anything in site/ that would load from another host
fails the build, naming the file; plain links are fine; /admin/ is exempt by name."""
from __future__ import annotations

from pathlib import Path

import pytest

from portal.checks import privacy

from conftest import make_project, run_build

EVIL = "https://evil.example"
PLANTED = [
    ("img", "page.html", f'<img src="{EVIL}/a.png" alt="">'),
    ("script", "page.html", f'<script src="{EVIL}/a.js"></script>'),
    ("stylesheet", "page.html", f'<link rel="stylesheet" href="{EVIL}/a.css">'),
    ("preload", "page.html", f'<link rel="preload" as="font" href="{EVIL}/a.woff2">'),
    ("icon", "page.html", f'<link rel="icon" href="{EVIL}/favicon.ico">'),
    ("modulepreload", "page.html", f'<link rel="modulepreload" href="{EVIL}/m.js">'),
    ("iframe", "page.html", f'<iframe src="{EVIL}/embed"></iframe>'),
    ("video poster", "page.html", f'<video poster="{EVIL}/p.jpg"></video>'),
    ("audio source", "page.html", f'<audio><source src="{EVIL}/a.mp3"></audio>'),
    ("srcset", "page.html", f'<img src="a.png" srcset="a.png 1x, {EVIL}/b.png 2x" alt="">'),
    ("protocol-relative", "page.html", '<img src="//evil.example/a.png" alt="">'),
    ("inline style", "page.html", f'<p style="background:url({EVIL}/bg.png)">x</p>'),
    ("style element @import", "page.html", f'<style>@import "{EVIL}/i.css";</style>'),
    ("CSS url()", "assets/x.css", f'body {{ background: url("{EVIL}/bg.png") }}'),
    ("CSS @import", "assets/x.css", f'@import url({EVIL}/i.css);'),
    ("JS fetch", "assets/x.js", f'fetch("{EVIL}/track?x=1")'),
    ("JS XHR", "assets/x.js", f'var r = new XMLHttpRequest(); r.open("GET", "//evil.example/t");'),
]


@pytest.mark.parametrize("name,file,text", PLANTED, ids=[p[0] for p in PLANTED])
def test_each_kind_of_foreign_load_fails_naming_the_file(tmp_path, name, file, text):
    path = tmp_path / file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(privacy.ThirdPartyLoads) as info:
        privacy.check(tmp_path, ["portal.example.org"])
    assert file in str(info.value) and "evil.example" in str(info.value)


def test_links_own_host_and_admin_are_fine(tmp_path):
    (tmp_path / "page.html").write_text(
        f'<a href="{EVIL}/story">source</a> <a href="https://wa.me/?text=x">share</a>'
        '<img src="https://portal.example.org/a.png" alt=""> <link rel="canonical" href="https://x.example/">'
        '<link rel="alternate" hreflang="en" href="https://x.example/en/">', encoding="utf-8")
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "index.html").write_text(f'<script src="{EVIL}/cms.js"></script>', encoding="utf-8")
    privacy.check(tmp_path, ["portal.example.org"])


def test_a_real_build_with_a_foreign_load_fails_naming_the_file(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "docs" / "tentang-gambar.id.md").write_text(
        f"# Gambar\n\n<img src=\"{EVIL}/pixel.png\" alt=\"\">\n", encoding="utf-8")
    result = run_build(project, {"PORTAL_BROCHURES": "0"}, strict=False)
    assert result.returncode != 0
    assert "tentang-gambar/index.html" in result.stderr + result.stdout
    assert f"{EVIL}/pixel.png" in result.stderr + result.stdout
