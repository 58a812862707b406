"""Every Python package is pinned with hashes: the lock files (made by `make lock` with pip-tools)
cover the hand-edited requirements and everything installed, and `make build` installs them
with --require-hashes."""
from __future__ import annotations

import re
from importlib.metadata import distributions

from conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", re.M)
TOOLS = {"pip", "setuptools", "wheel"}  # the venv's own installer


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(file: str) -> dict[str, str]:
    return {_name(name): version for name, version in PIN.findall((ROOT / file).read_text(encoding="utf-8"))}


def test_every_locked_package_has_hashes_and_nothing_machine_specific():
    for lock in ("requirements.lock", "requirements-dev.lock"):
        text = (ROOT / lock).read_text(encoding="utf-8")
        for entry in re.split(r"\n(?=\S)", text):  # a package with its indented hash and comment lines
            if PIN.match(entry):
                assert "--hash=sha256:" in entry, f"{lock}: {entry.splitlines()[0]} has no hash"
        assert not re.search(r"--(extra-)?index-url|--find-links|--trusted-host|file:|/opt/|/home/|/work/", text)


def test_locks_follow_the_hand_edited_requirements_and_agree():
    build, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    for file, lock in (("requirements.txt", build), ("requirements-dev.txt", dev), ("requirements.txt", dev)):
        for name, version in pins(file).items():
            assert lock.get(name) == version, f"{name}=={version} of {file} is not locked: run make lock"
    assert {name: dev.get(name) for name in build} == build, "requirements.lock and requirements-dev.lock disagree"


def test_everything_installed_is_locked():
    locked = pins("requirements-dev.lock")
    for dist in distributions():
        name = _name(dist.metadata["Name"])
        if name not in TOOLS:
            assert locked.get(name) == dist.version, f"{name} {dist.version} is installed but not locked"


def test_make_installs_the_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\$\(STAMP\): requirements\.lock requirements-dev\.lock$", makefile, re.M)
    assert "--require-hashes -r requirements-dev.lock" in makefile
    assert re.search(r"^PIP_TOOLS := pip-tools==[\d.]+$", makefile, re.M) and "--generate-hashes" in makefile
