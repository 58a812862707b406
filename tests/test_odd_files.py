"""Odd entries in data/ (devices, FIFOs, links, folders, misnamed files): each a clear error, quickly.

Each case would hang (FIFO), exhaust memory (/dev/zero), crash with a traceback or be
silently skipped without the loader's checks; pytest-timeout turns a hang into a failure.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal.content.errors import ContentInvalid
from portal.content.loader import MAX_FILE_BYTES, LoadFailed, load_file
from portal.content.validator import load_content

from conftest import ROOT

PORTAL = [sys.executable, str(ROOT / "scripts" / "portal.py")]


def _dev_zero(folder: Path) -> str:
    (folder / "zero.yaml").symlink_to("/dev/zero")
    return "zero.yaml"


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "pipe.yaml")
    return "pipe.yaml"


def _dangling(folder: Path) -> str:
    (folder / "gone.yaml").symlink_to(folder / "nowhere.yaml")
    return "gone.yaml"


def _loop(folder: Path) -> str:
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    return "loop.yaml"


def _folder(folder: Path) -> str:
    (folder / "x.yaml").mkdir()
    return "x.yaml"


def _outside(folder: Path) -> str:
    outside = folder.parents[2] / "secret.yaml"
    outside.write_text("title: {id: rahasia}\n", encoding="utf-8")
    (folder / "secret.yaml").symlink_to(outside)
    return "secret.yaml"


def _upper_case_suffix(folder: Path) -> str:
    (folder / "melati.yaml").rename(folder / "melati.YAML")
    return "melati.YAML"


def _yml(folder: Path) -> str:
    (folder / "melati.yaml").rename(folder / "melati.Yml")
    return "melati.Yml"


def _yaml_txt(folder: Path) -> str:
    (folder / "melati.yaml").rename(folder / "melati.yaml.txt")
    return "melati.yaml.txt"


ODD = {"/dev/zero": (_dev_zero, "E-FILE"), "FIFO": (_fifo, "E-FILE"), "dangling link": (_dangling, "E-FILE"),
       "link loop": (_loop, "E-FILE"), "folder named x.yaml": (_folder, "E-FILE"),
       "link out of data/": (_outside, "E-FILE"), "x.YAML": (_upper_case_suffix, "E-SLUG"),
       "x.Yml": (_yml, "E-SLUG"), "x.yaml.txt": (_yaml_txt, "E-SLUG")}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", ODD)
def test_validate_names_the_odd_entry_without_a_traceback(data, case):
    make, code = ODD[case]
    name = make(data / "programs")
    result = subprocess.run([*PORTAL, "validate", "--data", str(data)], capture_output=True, text=True,
                            timeout=50, cwd=ROOT)
    assert result.returncode == 1
    assert f"data/programs/{name}:1: [{code}]" in result.stderr, result.stderr
    assert " / " in result.stderr.splitlines()[1]  # Indonesian / English
    assert "Traceback" not in result.stderr


def test_misnamed_file_gets_a_suggestion(data):
    _upper_case_suffix(data / "programs")
    with pytest.raises(ContentInvalid) as exc:
        load_content(data, ("id", "en"))
    assert "did you mean 'melati.yaml'?" in exc.value.report()


def test_misnamed_single_file_in_data_is_reported(data):
    (data / "questions.yaml").rename(data / "questions.yml")
    with pytest.raises(ContentInvalid) as exc:
        load_content(data, ("id", "en"))
    assert "data/questions.yml:1: [E-SLUG]" in exc.value.report()
    assert "did you mean 'questions.yaml'?" in exc.value.report()


@pytest.mark.parametrize("old,folder", [("sources.yaml", "sources/<id>.yaml"),
                                        ("glossary.yaml", "glossary/<istilah-term>.yaml")])
def test_a_list_file_from_before_the_move_says_where_its_items_go(data, old, folder):
    (data / old).write_text("- term: PMI\n", encoding="utf-8")
    with pytest.raises(ContentInvalid) as exc:
        load_content(data, ("id", "en"))
    assert f"data/{old}:1: [E-SLUG]" in exc.value.report()
    assert f"move every item to data/{folder}" in exc.value.report()


@pytest.mark.timeout(60)
@pytest.mark.parametrize("folder", ["sources", "glossary"])
@pytest.mark.parametrize("case", ["FIFO", "dangling link", "link out of data/", "folder named x.yaml"])
def test_odd_entries_in_the_folders_of_sources_and_terms_are_named(data, folder, case):
    make, code = ODD[case]
    name = make(data / folder)
    with pytest.raises(ContentInvalid) as exc:
        load_content(data, ("id", "en"))
    assert f"data/{folder}/{name}:1: [{code}]" in exc.value.report()


@pytest.mark.parametrize("folder,good", [("sources", "antara-jatim-2021-ipuk-pmi.yaml"), ("glossary", "pmi.yaml")])
def test_near_miss_names_in_the_folders_of_sources_and_terms_get_a_suggestion(data, folder, good):
    (data / folder / good).rename(data / folder / good.replace(".yaml", ".YML"))
    with pytest.raises(ContentInvalid) as exc:
        load_content(data, ("id", "en"))
    assert f"data/{folder}/{good.replace('.yaml', '.YML')}:1: [E-SLUG]" in exc.value.report()
    assert f"did you mean '{good}'?" in exc.value.report()


def test_hidden_files_are_left_alone(data):
    (data / "programs" / ".gitkeep").touch()
    load_content(data, ("id", "en"))


def test_link_inside_data_is_read(data):
    (data / "shared").mkdir()
    (data / "programs" / "melati.yaml").rename(data / "shared" / "melati.yaml")
    (data / "programs" / "melati.yaml").symlink_to(data / "shared" / "melati.yaml")
    content = load_content(data, ("id", "en"))
    assert "melati" in {p.slug for p in content.programs}


def test_size_limit_applies_to_the_bytes_read(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    with pytest.raises(LoadFailed) as exc:
        load_file(big, tmp_path)
    assert exc.value.error.code == "E-SIZE"


def test_load_file_checks_any_path_it_is_given(tmp_path):
    """load_file is general: a caller outside data/ (e.g. the UI strings) gets the same checks."""
    os.mkfifo(tmp_path / "ui.yaml")
    with pytest.raises(LoadFailed) as exc:
        load_file(tmp_path / "ui.yaml", tmp_path)
    assert exc.value.error.code == "E-FILE" and exc.value.error.file == "ui.yaml"
