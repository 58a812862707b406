"""Units behind the bilingual site: alternates, UI string fallback, fallback pages, bundle fixes."""
from __future__ import annotations

from pathlib import Path

from portal.site.config import Site
from portal.site.front_matter import FALLBACK_OF as MARK
from portal.site.handwritten import fallback_pages
from portal.site.hreflang import alternates
from portal.site.render import esc
from portal.site.strings import Fallback, Strings

SITE = Site(root=Path("."), data_dir=Path("data"), docs_dir=Path("docs"), site_dir=Path("site"),
            languages=("id", "en"), site_url="https://example.org/pmi/")


def test_alternates_absolute_with_x_default():
    assert alternates(SITE, {"en": "en/az/", "id": "az/"}) == [
        ("id", "https://example.org/pmi/az/"), ("en", "https://example.org/pmi/en/az/"),
        ("x-default", "https://example.org/pmi/az/")]
    assert alternates(SITE, {"id": "./", "en": "en/"})[0] == ("id", "https://example.org/pmi/")


def test_page_in_one_language_has_no_alternates():
    assert alternates(SITE, {"id": "program/x/"}) == []


def test_ui_string_missing_in_a_language_is_marked_as_the_default_language():
    jv = Strings("jv", {"a": "siji"}, {"a": "satu", "b": "dua {n}"}, "id")
    assert jv("a") == "siji" and not isinstance(jv("a"), Fallback)
    b = jv("b", n=2)
    assert b == "dua 2" and isinstance(b, Fallback) and b.lang == "id"
    assert esc(b) == '<span lang="id">dua 2</span>' and esc("a<b") == "a&lt;b"
    assert Strings("id", {"b": "dua"}, {"b": "dua"}, "id").lang_of("b") is None


def test_hand_written_page_missing_in_a_language_is_a_marked_copy(tmp_path):
    (tmp_path / "index.id.md").write_text("---\ntitle: Beranda\n---\n\n# Halo\n", encoding="utf-8")
    (tmp_path / "tentang.id.md").write_text("# Tentang\n", encoding="utf-8")
    (tmp_path / "tentang.en.md").write_text("# About\n", encoding="utf-8")
    strings = {"en": Strings("en", {"untranslated": "Not yet translated"}, {}, "id")}
    pages = fallback_pages(tmp_path, (), ("id", "en"), strings)
    assert list(pages) == ["index.en.md"]
    text = pages["index.en.md"]
    assert f"{MARK}: index.id.md" in text and 'title: <span lang="id">Beranda</span>' in text
    assert '<div class="pmi-untranslated" lang="id" markdown>' in text and "Not yet translated" in text


def test_no_copy_where_a_page_is_on_disk(tmp_path):
    (tmp_path / "index.id.md").write_text("# Halo\n", encoding="utf-8")
    (tmp_path / "index.en.md").write_text("# Hello\n", encoding="utf-8")
    strings = {lang: Strings(lang, {}, {"untranslated": "Belum diterjemahkan"}, "id") for lang in ("en", "jv")}
    assert list(fallback_pages(tmp_path, (), ("id", "en", "jv"), strings)) == ["index.jv.md"]


def test_preview_error_page_lists_errors_escaped_and_keeps_the_reload_hook(tmp_path):
    from portal.content.errors import ContentError
    from portal.site.error_page import error_page, show_everywhere
    page = error_page([ContentError("data/programs/x.yaml", 4, "title.en", "E-HTML", "<b> tidak boleh", "<b> not allowed")])
    assert "<code>data/programs/x.yaml:4</code> <code>title.en</code> [E-HTML]" in page
    assert "&lt;b&gt; tidak boleh" in page and "&lt;b&gt; not allowed" in page and "<b>" not in page
    assert page.rstrip().endswith("</body>\n</html>")  # MkDocs' live-reload script goes before </body>
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("old", encoding="utf-8")
    (tmp_path / "style.css").write_text("css", encoding="utf-8")
    outside = tmp_path.parent / "outside.html"
    outside.write_text("mine", encoding="utf-8")
    (tmp_path / "link.html").symlink_to(outside)
    assert show_everywhere(tmp_path, page) == 1
    assert (tmp_path / "a" / "index.html").read_text(encoding="utf-8") == page
    assert (tmp_path / "style.css").read_text(encoding="utf-8") == "css" and outside.read_text(encoding="utf-8") == "mine"
