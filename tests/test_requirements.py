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


def test_make_installs_the_lock_with_hashes_and_resolves_nothing():
    """--no-deps: a newer release on the index can never enter (pip 23.2 once resolved weasyprint's
    `fonttools[woff]>=…` against the index and refused what it found); `pip check` after it."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\$\(STAMP\): requirements\.lock requirements-dev\.lock( \| setup)?$", makefile, re.M)
    assert "--no-deps --require-hashes -r requirements-dev.lock" in makefile
    assert "-m pip check" in makefile
    assert re.search(r"^PIP_TOOLS := pip-tools==[\d.]+$", makefile, re.M) and "--generate-hashes" in makefile


def test_the_lock_holds_every_dependency_with_the_extras_asked_for():
    """With --no-deps nothing is resolved at install, so the lock must hold each installed package's
    dependencies, and those of the extras other packages ask for (fonttools[woff] needs brotli and
    zopfli), which `pip check` does not look at."""
    from packaging.requirements import Requirement

    locked = pins("requirements-dev.lock")
    by_name = {_name(d.metadata["Name"]): d for d in distributions()}
    wanted = [(Requirement(r), "") for name in locked for r in (by_name[name].requires or ())]
    while wanted:
        requirement, extra = wanted.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = _name(requirement.name)
        assert name in locked, f"{requirement} is needed but not locked: run make lock"
        assert requirement.specifier.contains(locked[name], prereleases=True), f"{name}=={locked[name]} vs {requirement}"
        for asked in requirement.extras:
            wanted += [(Requirement(r), asked) for r in (by_name[name].requires or ()) if "extra" in r]
