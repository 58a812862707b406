""".ci/debian-packages, which `make build`, `make test` and .ci/run call: as root it installs what is
missing with apt-get; otherwise it stops, naming the packages and the one command that installs
them; a Node.js older than 20 (Debian bookworm's is 18) stops with how to get 20. Run against stub
commands, so that nothing is installed and the machine's own tools do not matter."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = ROOT / ".ci" / "debian-packages"


def stub(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def machine(tmp_path):
    """A machine with nothing installed but bash, a non-root user, and apt-get recording its calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("grep", "cat"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    stub(bin_dir, "id", "echo 1000")
    stub(bin_dir, "ls", "exit 2")
    stub(bin_dir, "python3", "exit 1")  # no ensurepip: Debian's python3 without python3-venv
    stub(bin_dir, "apt-get", f'echo "$@" >> {tmp_path}/apt.log')

    def run(level: str = "build") -> subprocess.CompletedProcess:
        return subprocess.run(["/bin/bash", str(SCRIPT), level], capture_output=True, text=True, timeout=60,
                              env={"PATH": str(bin_dir), "HOME": str(tmp_path)})
    run.bin = bin_dir
    run.apt_log = tmp_path / "apt.log"
    return run


def test_as_a_user_it_names_the_missing_packages_and_the_one_command(machine):
    result = machine("test")
    assert result.returncode == 1
    command = next(line.strip() for line in result.stderr.splitlines() if "apt-get install" in line)
    assert command.startswith("sudo apt-get install -y")
    for package in ("python3-venv", "fonts-dejavu-core", "libpangoft2-1.0-0", "nodejs", "npm", "chromium",
                    "poppler-utils", "faketime"):
        assert package in command.split(), package
    assert not machine.apt_log.exists()


def test_the_build_asks_for_no_test_tool(machine):
    command = next(line for line in machine("build").stderr.splitlines() if "apt-get install" in line)
    assert "chromium" not in command and "nodejs" in command


def test_as_root_it_installs_them_with_apt_get(machine):
    stub(machine.bin, "id", "echo 0")
    stub(machine.bin, "node", "echo 20")
    result = machine("build")
    calls = machine.apt_log.read_text(encoding="utf-8").splitlines()
    assert calls[0] == "update -qq"
    assert calls[1].startswith("install -y -qq --no-install-recommends") and "fonts-dejavu-core" in calls[1]
    assert result.returncode == 0, result.stderr


def test_node_older_than_20_stops_with_how_to_get_it(machine):
    stub(machine.bin, "python3", "exit 0")
    stub(machine.bin, "fc-list", "echo /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf: DejaVu Sans")
    stub(machine.bin, "ldconfig", "echo libpangoft2-1.0.so.0")
    stub(machine.bin, "npm", "exit 0")
    stub(machine.bin, "node", "echo 18")  # `node -p` prints the major version
    result = machine("build")
    assert result.returncode == 1
    assert "older than the 20" in result.stderr and "NodeSource" in result.stderr and "nvm install 20" in result.stderr
    stub(machine.bin, "node", "echo 20")
    assert machine("build").returncode == 0
