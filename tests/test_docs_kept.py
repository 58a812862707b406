"""The build writes and deletes nothing in docs/: hand-written files in the folders it generates
into are kept, a page in the way of a generated one is an error naming both, and a generated
folder linked out of the repository is neither followed nor emptied."""
from __future__ import annotations

from pathlib import Path

import pytest

from portal.checks.docs_guard import markdown_on_disk, page_address, problems
from portal.site.urls import OWNED_DIRS

from conftest import make_project, run_build

LANGS = ("id", "en")
NO_PDF = {"PORTAL_BROCHURES": "0"}  # the brochures play no part here


def test_hand_written_files_in_every_generated_folder_survive_the_build(tmp_path):
    project = make_project(tmp_path / "p")
    written = {}
    for folder in OWNED_DIRS:
        page = project / "docs" / folder / "catatan.id.md"
        page.parent.mkdir()
        written[page] = f"# Catatan {folder}\n\nDitulis tangan.\n"
        written[page.with_name("catatan.en.md")] = f"# Note {folder}\n\nHand-written.\n"
        written[page.with_name("gambar.txt")] = "not a page\n"
    for path, text in written.items():
        path.write_text(text, encoding="utf-8")
    result = run_build(project, env=NO_PDF)
    assert result.returncode == 0, result.stderr
    for path, text in written.items():
        assert path.read_text(encoding="utf-8") == text, f"{path} changed or vanished"
    for folder in OWNED_DIRS:  # and they are published beside the generated pages
        html = (project / "site" / folder / "catatan" / "index.html").read_text(encoding="utf-8")
        assert f"Catatan {folder}" in html


def test_generated_folder_linked_out_of_the_repository_is_left_alone(tmp_path):
    project = make_project(tmp_path / "p")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "penting.id.md").write_text("# Penting\n", encoding="utf-8")
    (outside / "data.bin").write_bytes(b"\0\1\2")
    (project / "docs" / "program").symlink_to(outside)
    result = run_build(project, env=NO_PDF)
    assert result.returncode != 0
    assert "docs/program:1: [E-LINK-OUT]" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in outside.iterdir()) == ["data.bin", "penting.id.md"]
    assert (outside / "penting.id.md").read_text(encoding="utf-8") == "# Penting\n"
    assert (outside / "data.bin").read_bytes() == b"\0\1\2"


def test_page_in_the_way_of_a_generated_one_stops_the_build_naming_both(tmp_path):
    project = make_project(tmp_path / "p")
    page = project / "docs" / "program" / "melati.id.md"
    page.parent.mkdir()
    page.write_text("# Melati lama\n", encoding="utf-8")
    result = run_build(project, env=NO_PDF)
    assert result.returncode != 0
    assert "docs/program/melati.id.md:1: [E-PAGE-CLASH]" in result.stderr
    assert "from data/programs/melati.yaml" in result.stderr and "Traceback" not in result.stderr
    assert page.read_text(encoding="utf-8") == "# Melati lama\n"


@pytest.mark.parametrize("rel, expected", [
    ("index.md", ("id", "")), ("index.en.md", ("en", "")), ("tentang.id.md", ("id", "tentang/")),
    ("program/melati.en.md", ("en", "program/melati/")), ("program/melati/index.en.md", ("en", "program/melati/")),
    ("brosur/README.md", ("id", "brosur/")), ("v1.2.md", ("id", "v1.2/")),
])
def test_page_address(rel, expected):
    assert page_address(rel, LANGS) == expected


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_problems_name_clashes_and_pages_an_older_build_left(tmp_path):
    docs = tmp_path / "docs"
    _write(docs / "brosur" / "README.md", "# Brosur kami\n")
    _write(docs / "tentang.en.md", "---\nportal_fallback_of: tentang.id.md\n---\n\n# Tentang\n")
    _write(docs / "program" / "lama" / "index.id.md", "---\nportal_html: true\n---\n\n<h1>Lama</h1>\n")
    _write(docs / "program" / "catatan.id.md", "# Catatan\n")
    found = {(e.file, e.code, e.message_en) for e in problems(
        docs, tmp_path, {"brosur/index.id.md": "", "program/melati.id.md": "data/programs/melati.yaml"},
        OWNED_DIRS, LANGS)}
    assert {(file, code) for file, code, _ in found} == {
        ("docs/brosur/README.md", "E-PAGE-CLASH"), ("docs/tentang.en.md", "E-OLD-PAGE"),
        ("docs/program/lama/index.id.md", "E-OLD-PAGE")}
    assert any("docs/brosur/index.id.md" in message for _, _, message in found)
    assert (docs / "program" / "lama" / "index.id.md").exists(), "reported, not deleted"


def test_walk_stops_at_links_out_of_the_repository_and_at_loops(tmp_path):
    docs = tmp_path / "repo" / "docs"
    _write(docs / "a" / "index.id.md", "# A\n")
    (docs / "a" / "again").symlink_to(docs / "a")
    _write(tmp_path / "outside" / "x.id.md", "# X\n")
    (docs / "out").symlink_to(tmp_path / "outside")
    assert markdown_on_disk(docs, tmp_path / "repo") == ["a/index.id.md"]
