"""The theme stylesheet's trimming (portal.outputs.unused_css) on small sites made here: what it
keeps, what it drops, and how the pages are pointed to the trimmed file."""
from __future__ import annotations

from pathlib import Path

from portal.outputs import unused_css

PAGE = """<!doctype html><html lang="id"><head><link rel="stylesheet" href="assets/stylesheets/main.0000.min.css">
<script>document.querySelector('.md-header').classList.add('md-header--shadow')</script></head>
<body><header class="md-header"><a class="md-logo" href="/">x</a></header>
<article class="md-typeset"><p>Teks</p><ul><li>satu</li></ul>
<div class="admonition warning" style="border-color: var(--from-style)"><p>awas</p></div></article></body></html>"""

CSS = """@charset "UTF-8";
:root{--used:red;--chained:var(--used);--unused:blue;--from-style:green;--script-read:1px}
.md-header{color:var(--chained)}
.md-header--shadow{box-shadow:0 0 1px black}
.md-logo:hover,.md-logo:focus-visible{outline:2px solid}
.md-typeset blockquote::before{content:"x"}
.md-typeset ul li:not(:first-child){margin:0}
.md-typeset details[open]>summary{color:red}
.md-button{padding:1em}
.md-tabs{display:none}
.md-typeset table th{font-weight:700}
.admonition.note{border-color:blue}
@media print{.md-header{display:none}.md-tabs{display:none}}
@media screen and (min-width:60em){.md-tabs{display:block}}
@font-face{font-family:Used;src:url(used.woff2)}
@font-face{font-family:Unused;src:url(unused.woff2)}
.md-typeset{font-family:Used,sans-serif;animation:spin 1s}
@keyframes spin{to{transform:rotate(1turn)}}
@keyframes unused{to{opacity:0}}
"""


def make_site(tmp_path: Path, page: str = PAGE, css: str = CSS) -> Path:
    site = tmp_path / "site"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "assets" / "stylesheets" / "main.0000.min.css").write_text(css, encoding="utf-8")
    (site / "assets" / "stylesheets" / "main.0000.min.css.map").write_text("{}", encoding="utf-8")
    (site / "index.html").write_text(page, encoding="utf-8")
    (site / "en").mkdir()
    (site / "en" / "index.html").write_text(page.replace('href="assets', 'href="../assets'), encoding="utf-8")
    (site / "assets" / "portal.js").write_text("getComputedStyle(x).getPropertyValue('--script-read')", encoding="utf-8")
    return site


def trimmed(tmp_path: Path, **kwargs) -> str:
    site = make_site(tmp_path, **kwargs)
    unused_css.trim_site(site, "assets/stylesheets/main.*.min.css")
    (name,) = [p.name for p in (site / "assets" / "stylesheets").iterdir()]
    return (site / "assets" / "stylesheets" / name).read_text(encoding="utf-8")


def test_rules_no_element_matches_are_dropped_and_used_ones_kept(tmp_path):
    css = trimmed(tmp_path)
    assert ".md-header{color:var(--chained)}" in css
    assert ".md-tabs" not in css, "no page has .md-tabs, in any media"
    assert "table" not in css and ".admonition.note" not in css


def test_dynamic_pseudo_classes_and_elements_do_not_make_a_rule_look_unused(tmp_path):
    css = trimmed(tmp_path)
    assert ".md-logo:hover,.md-logo:focus-visible{outline:2px solid}" in css
    assert ".md-typeset ul li:not(:first-child){margin:0}" in css
    assert ".md-typeset details[open]>summary" in css, "details: added by checker.js (safelist)"


def test_a_pseudo_element_of_an_absent_element_still_goes(tmp_path):
    assert "::before" not in trimmed(tmp_path), "no page has a blockquote, no script adds one"


def test_run_time_classes_are_kept_from_the_safelist_and_from_our_scripts(tmp_path):
    css = trimmed(tmp_path)
    assert ".md-button{padding:1em}" in css, "checker.js adds .md-button (safelist)"
    assert ".md-header--shadow{" in css, "an inline script of ours names it"
    assert "md-button" in {n.lstrip(".") for n in unused_css.RUNTIME_NAMES["checker.js"]}


def test_a_class_that_is_only_a_word_of_the_text_or_of_a_comment_keeps_nothing(tmp_path):
    """"info" in a page's text, "danger" in a comment of our script and "example" in the web editor's
    code keep no rule on a ``summary`` (which checker.js adds): no element has those classes."""
    css = CSS + ".md-typeset .info>summary{color:blue}.md-typeset .danger>summary{color:red}" \
                ".md-typeset .example>summary{color:green}.md-typeset .warning>summary{color:orange}"
    site = make_site(tmp_path, page=PAGE.replace("<p>Teks</p>", "<p>Teks info danger example</p>"), css=css)
    (site / "assets" / "portal.js").write_text("/* no danger here */ var a = 1;", encoding="utf-8")
    (site / "admin").mkdir()
    (site / "admin" / "decap-cms.js").write_text("var example = 'info danger';", encoding="utf-8")
    unused_css.trim_site(site, "assets/stylesheets/main.*.min.css")
    (name,) = [p.name for p in (site / "assets" / "stylesheets").iterdir()]
    kept = (site / "assets" / "stylesheets" / name).read_text(encoding="utf-8")
    assert ".warning>summary" in kept, "a summary inside the page's warning box: checker.js may add one"
    assert not [c for c in ("info", "danger", "example") if f".{c}>summary" in kept], kept


def test_print_rules_are_kept_when_they_can_apply(tmp_path):
    assert "@media print{.md-header{display:none}}" in trimmed(tmp_path)


def test_custom_properties_are_kept_when_used_through_var_chains_styles_and_scripts(tmp_path):
    css = trimmed(tmp_path)
    assert "--used:red" in css and "--chained:var(--used)" in css
    assert "--from-style:green" in css, "read by an inline style attribute"
    assert "--script-read:1px" in css, "named in our JavaScript"
    assert "--unused" not in css


def test_fonts_and_animations_are_kept_only_when_named(tmp_path):
    css = trimmed(tmp_path)
    assert "font-family:Used" in css and "Unused" not in css
    assert "@keyframes spin" in css and "@keyframes unused" not in css


def test_pages_point_to_the_trimmed_file_named_by_its_hash_and_the_full_one_is_gone(tmp_path):
    site = make_site(tmp_path)
    result = unused_css.trim_site(site, "assets/stylesheets/main.*.min.css")
    name = unused_css.hashed_name(site / "assets/stylesheets/main.0000.min.css", result.css)
    assert sorted(p.name for p in (site / "assets" / "stylesheets").iterdir()) == [name]
    assert f'href="assets/stylesheets/{name}"' in (site / "index.html").read_text(encoding="utf-8")
    assert f'href="../assets/stylesheets/{name}"' in (site / "en" / "index.html").read_text(encoding="utf-8")
    other = unused_css.trim(CSS + ".md-logo{color:red}", unused_css.SiteUse(matched={".md-logo"}))
    assert unused_css.hashed_name(site / "main.0000.min.css", other.css) != name, "another text, another name"


def test_a_site_without_the_stylesheet_is_left_alone(tmp_path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    assert unused_css.trim_site(tmp_path, "assets/stylesheets/main.*.min.css") is None
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == PAGE


def test_static_form_of_selectors():
    static = {s.text: s.static for s in unused_css.selectors_of(
        ".a:hover>.b::after,:focus-visible,.c:not(:focus) .d,.e:is(:hover,.f),details[open]>summary,.g:nth-child(2n){x:y}")}
    assert static == {".a:hover>.b::after": ".a>.b", ":focus-visible": "*", ".c:not(:focus) .d": ".c .d",
                      ".e:is(:hover,.f)": ".e:is(*,.f)", "details[open]>summary": "details>summary",
                      ".g:nth-child(2n)": ".g:nth-child(2n)"}
