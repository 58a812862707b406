"""The privacy scan runs on every real build: anything in site/ that would load from another host
fails the build, naming the file; plain links are fine; /admin/ is exempt by name."""
from __future__ import annotations

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
    ("img after a quoted '>'", "page.html", f'<p title="a > b">x</p><IMG SRC="{EVIL}/a.png" alt="">'),
    ("img in a page sharing its other tags", "shared.html", f'<p>a</p><img src="{EVIL}/a.png" alt="">'),
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


def test_each_page_is_judged_on_its_own_tags_though_pages_share_most_of_them(tmp_path):
    """The scan parses each distinct tag once: a tag seen on a clean page first still counts on the next."""
    shared = '<html><head><link rel="stylesheet" href="a.css"></head><body><p>x</p>'
    (tmp_path / "a.html").write_text(shared + "</body></html>", encoding="utf-8")
    (tmp_path / "b.html").write_text(shared + f'<img src="{EVIL}/t.png" alt=""></body></html>', encoding="utf-8")
    (tmp_path / "c.html").write_text(shared + f'<img src="{EVIL}/t.png" alt=""></body></html>', encoding="utf-8")
    assert [f.file for f in privacy.scan(tmp_path)] == ["b.html", "c.html"]


@pytest.mark.parametrize("html", [
    f'<p title="a > b">x</p><img src="{EVIL}/a.png">',
    f'<script>if (a<b) {{ x = "<img src=\'{EVIL}/s.png\'>"; }}</script><img src="{EVIL}/b.png">',
    f'<style>p {{ background: url({EVIL}/c.png) }}</style><!-- <img src="{EVIL}/d.png"> -->',
    f'<p title="unclosed><img src="{EVIL}/e.png"></p><img src="{EVIL}/f.png">',
    f'<div\nstyle="background:url({EVIL}/g.png)"\n>x</div><svg><use href="{EVIL}/h.svg#i"/></svg>',
])
def test_the_shared_tag_scan_finds_what_a_whole_page_parse_finds(html):
    whole = privacy._Loads()
    whole.feed(html)
    whole.close()
    assert set(privacy._html_loads(html, {})) >= set(whole.loads)
