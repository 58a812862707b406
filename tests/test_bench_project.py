"""make bench's synthetic projects are valid content: its clones carry their eligibility cases."""
from __future__ import annotations

import importlib.util

from portal.content.validator import load_content

from conftest import ROOT

LANGS = ("id", "en")


def _bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_synthetic_programs_pass_the_validator(tmp_path):
    project = _bench().make_project(tmp_path / "syn", synthetic=120)
    content = load_content(project / "data", LANGS, root=project)
    slugs = {p.slug for p in content.programs}
    assert {f"sintetis-{i:04d}" for i in range(1, 121)} <= slugs
    assert list((project / "data" / "cases").glob("sintetis-*-likely.yaml"))  # one file per case
    published = {p.slug for p in content.programs if p.slug.startswith("sintetis-") and p.eligibility.criteria_published}
    assert published and published <= {slug for case in content.cases for slug in case.expect}
