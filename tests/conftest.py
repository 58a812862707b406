"""Shared test helpers: a fixture site built with the real hooks, templates and UI strings."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def make_project(dest: Path, data: Path = FIXTURE_DATA, config_edit=None) -> Path:
    """A throwaway project in ``dest``: the repo's config, hooks and templates with ``data``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("hooks", "overrides", "schema"):
        (dest / name).symlink_to(ROOT / name)
    shutil.copytree(data, dest / "data")
    if not (dest / "data" / "ui").exists():
        shutil.copytree(ROOT / "data" / "ui", dest / "data" / "ui")
    docs = dest / "docs"
    docs.mkdir()
    for path in ROOT.joinpath("docs").iterdir():
        if path.is_file() or path.name == "assets":
            (docs / path.name).symlink_to(path)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if config_edit:
        text = config_edit(text)
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest


def run_build(project: Path, env: dict | None = None, strict: bool = True) -> subprocess.CompletedProcess:
    cmd = [*MKDOCS, "build", "-f", str(project / "mkdocs.yml")] + (["--strict"] if strict else [])
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    full_env.pop("SITE_URL", None) if env is None or "SITE_URL" not in env else None
    return subprocess.run(cmd, cwd=project, capture_output=True, text=True, env=full_env, timeout=300)


def build_site(project: Path, env: dict | None = None) -> Path:
    result = run_build(project, env)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture data built once per test session; returns its ``site/``."""
    project = make_project(tmp_path_factory.mktemp("fixture") / "project")
    return build_site(project)


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))
