"""A staff member's day, rehearsed on a copy of the project (.ci/run runs it after `make test`).

On the copy, dated today (the real date, as staff work):
1. a new program made with `portal.py new program`, filled in as CONTRIBUTING.md says, with no
   English summary;
2. an existing program edited the way the web editor saves it (Decap CMS's YAML, scripts/fmt.mjs's
   `canonical`): its summary changed and `last_reviewed` set to today.
Then the pull-request workflow's own checks (every `run:` of .github/workflows/pull-request.yml but
the tests and the Debian packages) and every test that reads the real content (`pytest -m
real_content`, tests/conftest.py) run on the copy. A content rule that lives in a test and not in
the validator, or a test that pins a day on the real content, fails here, in our CI, instead of
in a staff member's pull request.

Usage: .venv/bin/python scripts/rehearse.py [--keep]   (--keep: leave the copy and print where)
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
NEW_PROGRAM = "latihan-gladi-staf"
WORKFLOW = ROOT / ".github" / "workflows" / "pull-request.yml"
NOT_CHECKS = ("bash .ci/run", ".ci/debian-packages")
"""Workflow steps that are not content checks: the tests (run here as `-m real_content`) and set-up."""
SHARED = (".venv", "node_modules")
"""Installed once, linked into the copy (their stamps are newer than the copied locks: make keeps them)."""


def step(message: str) -> None:
    print(f"\n== rehearsal: {message}", flush=True)


def run(command: list[str] | str, cwd: Path, env: dict, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, env=env, shell=isinstance(command, str), **kwargs)
    if result.returncode != 0:
        sys.exit(f"rehearsal failed: {command!r} exited {result.returncode} (copy at {cwd})")
    return result


def copy_project(dest: Path) -> Path:
    """The project's files as they are in the working tree (tracked and untracked, not ignored),
    modification times kept, with the installed environments linked."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    for name in SHARED:
        (dest / name).symlink_to(ROOT / name)
    cache = ROOT / ".cache"
    if cache.is_dir():  # PDFs and link preview images already made, keyed by their inputs
        shutil.copytree(cache, dest / ".cache", symlinks=True, ignore=shutil.ignore_patterns("lock-venv", "*.tmp"))
    return dest


def new_program(project: Path, env: dict, today: dt.date) -> Path:
    """`portal.py new program`, then the steps of CONTRIBUTING.md's "Program baru": every GANTI text
    written, every GANTI choice checked and its comment deleted, `status.as_of` dated from the
    source; the English summary left for a translator."""
    run([str(project / ".venv" / "bin" / "python"), "scripts/portal.py", "new", "program", NEW_PROGRAM],
        project, env, stdout=subprocess.DEVNULL)
    path = project / "data" / "programs" / f"{NEW_PROGRAM}.yaml"
    text = path.read_text(encoding="utf-8")
    source_id = re.search(r"^sources: \[([a-z0-9-]+)\]", text, re.M).group(1)
    source = yaml.safe_load((project / "data" / "sources" / f"{source_id}.yaml").read_text(encoding="utf-8"))
    as_of = str(source.get("date") or today.year)
    text = text.replace('  en: "REPLACE: one-sentence summary"\n', "")  # no English summary yet
    filled = {
        "GANTI: nama program": "Gladi staf: pelatihan usaha purna PMI",
        "REPLACE: programme name": "Staff rehearsal: business training for returnees",
        "GANTI: ringkasan satu kalimat": "Pelatihan usaha untuk purna PMI, menurut sumbernya.",
        "GANTI: siapa yang memutuskan penerima, mis. dinas terkait": "Dinas tenaga kerja kabupaten",
        "REPLACE: who decides, e.g. the regency office concerned": "The regency's labour office",
    }
    for placeholder, words in filled.items():
        assert placeholder in text, f"the scaffold changed: {placeholder!r} is gone; update {__file__}"
        text = text.replace(placeholder, words)
    text = re.sub(r"GANTI: jelaskan program ini[^\n]*", "Menurut sumbernya, pelatihan ini untuk purna PMI.", text)
    text = re.sub(r"REPLACE: describe the programme[^\n]*", "According to its source, this training is for returnees.",
                  text)
    text = text.replace("as_of: null", f'as_of: "{as_of}"')
    text = "\n".join(line.split("  # GANTI")[0] for line in text.splitlines()) + "\n"
    assert f'last_reviewed: "{today.isoformat()}"' in text, "the scaffold no longer dates the review today"
    path.write_text(text, encoding="utf-8")
    return path


EDITOR_SAVE = """
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { canonical } from '%s';
const YAML = createRequire(import.meta.url)('yaml');
const [path, today] = process.argv.slice(1);
const data = YAML.parse(readFileSync(path, 'utf8'));
data.summary.id = `${data.summary.id} Diperiksa ulang oleh staf.`;
data.last_reviewed = today;
writeFileSync(path, canonical(YAML.stringify(data), 'program'));
"""


def edit_as_the_web_editor_saves(project: Path, env: dict, today: dt.date) -> Path:
    """The first program in data/programs/, its summary changed and reviewed today, saved in the
    form Decap CMS writes."""
    path = sorted(p for p in (project / "data" / "programs").glob("*.yaml") if p.stem != NEW_PROGRAM)[0]
    script = EDITOR_SAVE % (project / "scripts" / "fmt.mjs").as_uri()
    run(["node", "--input-type=module", "-e", script, str(path), today.isoformat()], project, env)
    return path


def workflow_checks() -> list[str]:
    """The `run:` commands of the pull-request workflow that check content and build the site."""
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runs = [s["run"] for job in flow["jobs"].values() for s in job["steps"] if "run" in s]
    return [r for r in runs if not any(n in r for n in NOT_CHECKS)]


def main(argv: list[str]) -> None:
    keep = "--keep" in argv
    today = dt.date.today()
    work = Path(tempfile.mkdtemp(prefix="portal-rehearsal-"))
    env = {k: v for k, v in os.environ.items() if k not in ("PORTAL_TODAY", "SITE_URL")}
    env.update(GITHUB_STEP_SUMMARY=os.devnull, CI=env.get("CI", "true"))
    try:
        project = copy_project(work / "project")
        step(f"a new program, {NEW_PROGRAM}, made as CONTRIBUTING.md says, reviewed {today}, no English summary")
        print(new_program(project, env, today).relative_to(project))
        step("a program edited and saved as the web editor saves it")
        print(edit_as_the_web_editor_saves(project, env, today).relative_to(project))
        for command in workflow_checks():
            step(f"pull-request check: {json.dumps(command)}")
            run(["bash", "-eo", "pipefail", "-c", command], project, env)
        step("every test that reads the real content (pytest -m real_content)")
        run([str(project / ".venv" / "bin" / "python"), "-m", "pytest", "-m", "real_content", "-q",
             "-p", "no:cacheprovider"], project, env)
        step("passed")
    finally:
        if keep:
            print(f"copy kept at {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
