"""Generated pages skip MkDocs' Markdown pass: their table of contents comes from their headings."""
from __future__ import annotations

from types import SimpleNamespace

from portal.mkdocs import prerendered
from portal.site.front_matter import front_matter

BODY = """<h1>Judul halaman</h1>
<h2 id="about">Apa ini?</h2>
<p id="note">Teks</p>
<h2 id="steps">Langkah</h2>
<h3 id="step-1">1. <span lang="id">Daftar</span> &amp; bayar</h3>
<h3>Tanpa id: bukan bagian daftar isi</h3>
<h2 id="sources">Sumber</h2>
"""


def test_table_of_contents_nests_headings_with_an_id():
    toc = prerendered.table_of_contents(BODY)
    assert [(a.id, a.level) for a in toc] == [("about", 2), ("steps", 2), ("sources", 2)]
    steps = list(toc)[1]
    assert steps.children == []  # sections only (TOC_DEPTH): the page lists its steps itself
    # shown by Material's table of contents: the heading's HTML, untranslated text still marked
    deeper = prerendered.table_of_contents(BODY.replace('<h3 id="step-1">', '<h2 id="step-1">').replace(
        "bayar</h3>", "bayar</h2>"))
    assert list(deeper)[2].typeset == {"title": '1. <span lang="id">Daftar</span> &amp; bayar'}


def test_anchor_ids_are_every_id_in_the_page():
    assert prerendered.anchor_ids(BODY) == {"about", "note", "steps", "step-1", "sources"}


def test_generated_pages_are_marked_and_hand_written_ones_are_not():
    meta = front_matter(title="Judul")
    assert "portal_html: true" in meta
    assert prerendered.is_prerendered({"portal_html": True})
    assert not prerendered.is_prerendered({"title": "Beranda"})
    assert not prerendered.is_prerendered({"portal_html": "yes"})


def test_a_prerendered_page_renders_its_source_as_is():
    page = SimpleNamespace(markdown=BODY)
    prerendered.skip_markdown(page)
    page.render(None, None)
    assert page.content == BODY
    assert [a.id for a in page.toc] == ["about", "steps", "sources"]
    assert "step-1" in page.present_anchor_ids
