"""`make fmt`: the files the web editor saves are in the form it writes (Decap CMS's YAML, from the
same npm `yaml` copy), so an editor save changes only the edited lines; the rewrite is idempotent
and keeps every value; a file not in that form is a warning, never a failure."""
from __future__ import annotations

import json
import shutil
import subprocess

from portal.content.loader import load_text
from portal.content.validator import COLLECTIONS

from conftest import FIXTURE_DATA, ROOT, copy_fixture_data, missing_tool

FMT = ROOT / "scripts" / "fmt.mjs"


def node(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    if shutil.which("node") is None or not (ROOT / "node_modules" / "yaml").is_dir():
        missing_tool("node and node_modules/yaml are needed: make node_modules/.installed")
    return subprocess.run(["node", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_the_editors_folders_are_the_validators_collections():
    out = node("--input-type=module", "-e",
               f"import {{FOLDERS}} from {json.dumps(FMT.as_uri())}; console.log(JSON.stringify(FOLDERS))")
    assert json.loads(out.stdout) == COLLECTIONS, out.stderr


def test_fmt_uses_the_yaml_copy_decap_uses():
    out = node("-e", "console.log(require.resolve('yaml', {paths: [require.resolve('decap-cms-core/package.json')]})"
                     " === require.resolve('yaml'))")
    assert out.stdout.strip() == "true", out.stderr


def test_fmt_is_idempotent_and_keeps_every_value(tmp_path):
    data = copy_fixture_data(tmp_path / "data")
    before = {p: load_text(p.read_text(encoding="utf-8"), p.name).data for p in data.rglob("*.yaml")}
    assert node(str(FMT), str(data)).returncode == 0
    once = {p: p.read_text(encoding="utf-8") for p in data.rglob("*.yaml")}
    assert once != {p: (FIXTURE_DATA / p.relative_to(data)).read_text(encoding="utf-8") for p in once}
    assert node(str(FMT), str(data)).returncode == 0
    assert once == {p: p.read_text(encoding="utf-8") for p in data.rglob("*.yaml")}
    assert before == {p: load_text(text, p.name).data for p, text in once.items()}


def test_a_file_not_in_the_editors_form_is_a_warning_not_a_failure(tmp_path):
    data = copy_fixture_data(tmp_path / "data")
    result = node(str(FMT), "--check", str(data), cwd=tmp_path)
    assert result.returncode == 0
    assert "::warning file=data/programs/melati.yaml,line=1,title=make fmt::" in result.stdout
    assert "::error" not in result.stdout
