"""More fixture data for the tests that need it: two procedures with phone contacts and print marks,
and the policy's audiences (tests/fixtures/more-data/). The print kit and the checker's help lines
are proved on the fixture with these added; the fixture itself has none, so that the other tests
keep their small site."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

MORE_DATA = ROOT / "tests" / "fixtures" / "more-data"


def with_more_data(data: Path) -> Path:
    """``data`` (a copy of the fixture data) with the more-data files added; returns it."""
    shutil.copytree(MORE_DATA, data, dirs_exist_ok=True)
    return data
