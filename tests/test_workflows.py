"""Pull-request plumbing: the GitHub workflows pass actionlint and do what CONTRIBUTING.md promises."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, missing_tool

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = ROOT / "scripts" / "actionlint.cjs"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    installed = (ROOT / "node_modules" / "@tktco" / "node-actionlint" / "main.wasm").exists()
    if not node or not installed:
        message = "actionlint needs node and `npm ci` (make test runs it; .ci/run installs npm)"
        missing_tool(message)
    return subprocess.run([node, str(ACTIONLINT), *map(str, files)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps(flow: dict, job: str) -> str:
    return "\n".join(yaml.safe_dump(step) for step in flow["jobs"][job]["steps"])


BROKEN = ("on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
          "      - run: echo ${{ github.no_such_thing }}\n      - uses: actions/checkout@v4\n"
          "        with:\n          no-such-input: 1\n")


@pytest.fixture(scope="module")
def linted(tmp_path_factory):
    """One actionlint run (the WebAssembly start-up is slow) over ours plus a broken workflow."""
    bad = tmp_path_factory.mktemp("wf") / "broken.yml"
    bad.write_text(BROKEN, encoding="utf-8")
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    result = actionlint(*files, bad)
    return files, result


def test_workflows_pass_actionlint(linted):
    files, result = linted
    assert {f.name for f in files} >= {"pull-request.yml", "deploy.yml", "upstream.yml"}
    problems = [line for line in result.stdout.splitlines() if ".yml:" in line and "broken.yml" not in line]
    assert not problems, result.stdout + result.stderr
    assert f"{len(files) + 1} file(s), 2 problem(s)" in result.stdout, result.stdout


def test_actionlint_catches_a_broken_workflow(linted):
    _, result = linted
    assert result.returncode == 1
    assert "broken.yml:6:" in result.stdout and "no_such_thing" in result.stdout
    assert "broken.yml:9:" in result.stdout and "no-such-input" in result.stdout


def test_pull_request_workflow_validates_builds_tests_and_uploads_the_site():
    flow = workflow("pull-request.yml")
    assert "pull_request" in flow[True]  # PyYAML reads the key `on` as True
    text = steps(flow, "check")
    for needed in ("make validate FORMAT=github", "bash .ci/run", "make build", "actions/upload-artifact@",
                   "path: site/", "portal.py status", "set -o pipefail"):
        assert needed in text, needed
    assert "--strict" not in text.replace("mkdocs build --strict", "")  # the report is advice: one gate
    assert flow["jobs"]["check"]["env"]["CI"] == "true"


def test_pull_request_workflow_validates_first_and_uploads_the_preview_before_the_tests():
    order = [step.get("run") or step.get("uses", "").split("@")[0]
             for step in workflow("pull-request.yml")["jobs"]["check"]["steps"]]
    validate, build = order.index("make validate FORMAT=github"), order.index("make build")
    upload, tests = order.index("actions/upload-artifact"), order.index("bash .ci/run")
    assert validate < build < upload < tests
    step = workflow("pull-request.yml")["jobs"]["check"]["steps"][upload]
    assert "steps.build.outcome == 'success'" in step["if"] and "cancelled()" in step["if"]


def test_upstream_workflow_runs_the_readmes_two_commands_weekly_in_a_clean_container():
    """Upstream drift shows up here first: a fresh clone, nothing cached, the README's quick start."""
    flow = workflow("upstream.yml")
    assert "schedule" in flow[True] and "workflow_dispatch" in flow[True]
    job = flow["jobs"]["fresh-clone"]
    assert job["container"] == "python:3.11-bookworm" and job["env"]["CI"] == "true"
    uses = [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-node"]  # no cache of any kind
    node = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-node@"))
    assert node["with"] == {"node-version": 20}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = re.search(r"## Quick start\n\n```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in quick_start.splitlines()]
    assert commands == ["make build", "make test"]
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert runs == ["bash .ci/debian-packages test", *commands]
    assert "60 days" in readme


def test_third_party_actions_are_pinned_to_commit_shas():
    for path in WORKFLOWS.glob("*.y*ml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                ref = line.split("uses:", 1)[1].split("#")[0].strip()
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), f"{path.name}: {ref}"


def test_deploy_workflow_publishes_main_with_site_url():
    flow = workflow("deploy.yml")
    assert flow[True]["push"]["branches"] == ["main"]
    build = flow["jobs"]["build"]["steps"]
    make_build = next(step for step in build if step.get("run") == "make build")
    assert make_build["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    assert "actions/upload-pages-artifact@" in steps(flow, "build")
    assert "actions/deploy-pages@" in steps(flow, "deploy")
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert flow["jobs"]["build"]["permissions"]["pages"] == "read"  # configure-pages needs it


def test_pull_request_template_has_the_review_checklist():
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for needed in ("make validate", "sumber", "source", "last_reviewed", "- [ ]"):
        assert needed in text, needed


def test_contributing_covers_web_editor_preview_sources_and_review():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needed in ("## Menyunting program lewat GitHub", "## Melihat hasilnya di komputer sendiri",
                   "## Menambah sumber", "## Daftar periksa", "## English", "portal.py new program",
                   "portal.py status", "make serve"):
        assert needed in text, needed


def test_contributing_starts_with_the_quick_start_then_the_reference():
    """'Mulai cepat' first, at most 600 words; then the web editor, GitHub's editor, local setup, and
    the error table and maintainers' settings last; each reference part says who needs it."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[0] == "## Mulai cepat"
    order = [headings.index(h) for h in ("## Mulai cepat", "## Menyunting lewat penyunting web (/admin/)",
                                         "## Menyunting program lewat GitHub", "## Melihat hasilnya di komputer sendiri",
                                         "## Aturan isi yang diperiksa otomatis",
                                         "## Untuk pengelola: pengaturan sekali saja", "## English")]
    assert order == sorted(order)
    quick = text[text.index("## Mulai cepat"):text.index(headings[1])]
    assert len(quick.split()) <= 600
    for needed in ("/admin/", "Sunting halaman ini", "Create pull request", "make editor", "Files changed",
                   "E-COLON", "E-REF", "E-PHONE", "E-MISSING", "E-DATE"):
        assert needed in quick, needed
    for heading in headings[1:-1]:
        part = text[text.index(heading) + len(heading):].lstrip("\n")
        assert part.startswith("*Untuk"), heading
    english = text[text.index("## English"):]
    assert english.index("**Quick start**") < english.index("web editor (/admin/)") < \
        english.index("GitHub web editor") < english.index("Preview locally")


def test_the_repository_tracks_no_local_environment_or_build_output():
    """.venv, node_modules, site/ and .cache/ are made on each machine (a link to them neither)."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for path in tracked.splitlines():
        top = path.split("/", 1)[0]
        assert top not in (".venv", "node_modules", "site", ".cache"), path
