"""Edits of a copy of the fixture data, for the tables of bad inputs."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import FIXTURE_DATA

LANGS = ("id", "en")
TODAY = dt.date(2026, 11, 24)
MELATI = "programs/melati.yaml"
KOREA = "programs/g-to-g-korea.yaml"
SOURCE = "sources/republika-2021-03-10-wenak.yaml"


def replace(old: str, new: str, file: str = MELATI):
    """An edit replacing the first ``old`` in ``file`` (which must contain it) by ``new``."""
    def edit(data: Path) -> None:
        path = data / file
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def write(file: str, text: str):
    """An edit writing ``file`` anew."""
    def edit(data: Path) -> None:
        (data / file).write_text(text, encoding="utf-8")
    return edit


def append(text: str, file: str = MELATI):
    """An edit adding ``text`` at the end of ``file``."""
    def edit(data: Path) -> None:
        with (data / file).open("a", encoding="utf-8") as out:
            out.write(text)
    return edit


def line_of(needle: str, file: str = MELATI) -> int:
    """The first line of the fixture's ``file`` containing ``needle`` (1-based)."""
    lines = (FIXTURE_DATA / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def drop_cases_about(data: Path, slug: str) -> list:
    """Remove the fixture's eligibility cases (one per file) that expect a verdict for ``slug``;
    return the rest."""
    import yaml
    kept = []
    for path in sorted((data / "cases").glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        if slug in case["expect"]:
            path.unlink()
        else:
            kept.append(case)
    return kept
