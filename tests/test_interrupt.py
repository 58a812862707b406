"""Safe to run twice and to interrupt: a second build in the same checkout stops with a message
while the first completes, and a build killed mid-way leaves no helper process running."""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from portal.build import interrupt
from portal.build.lock import LOCK_DIR, LOCK_NAME

from conftest import MKDOCS, make_project, run_build


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/<pid>/stat after the command name (state first); None once the process is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw.rsplit(")", 1)[1].split()


def _alive(pid: int, started: str) -> bool:
    fields = _stat(pid)  # a zombie has ended; a new process with the same id started at another time
    return fields is not None and fields[0] != "Z" and fields[19] == started


def _descendants(pid: int) -> dict[int, str]:
    """{pid: start time} of every living descendant of ``pid``."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) and fields[0] != "Z":
            parents[int(entry.name)] = (int(fields[1]), fields[19])
    found, todo = {}, [pid]
    while todo:
        parent = todo.pop()
        for child, (ppid, started) in parents.items():
            if ppid == parent and child not in found:
                found[child] = started
                todo.append(child)
    return found


def _cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def _start_build(project: Path, log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    full_env.pop("SITE_URL", None)
    with log.open("w") as err:
        return subprocess.Popen([*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml")], cwd=project,
                                stdout=subprocess.DEVNULL, stderr=err, env=full_env, preexec_fn=_ctrl_c_as_at_a_terminal)


def _ctrl_c_as_at_a_terminal() -> None:
    """SIGINT back to its default in the build, as in a terminal: a suite started in the background
    (``make test &`` in a script) ignores it, and so would every build it starts."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_until(condition, build: subprocess.Popen, what: str, log: Path) -> None:
    """Poll ``condition`` until it holds (pytest-timeout bounds the wait); fail if the build ends first."""
    while not condition():
        assert build.poll() is None, f"the build ended before {what}:\n{log.read_text()}"
        time.sleep(0.01)


@pytest.mark.timeout(400)
def test_second_build_in_the_same_checkout_stops_while_the_first_completes(tmp_path):
    project = make_project(tmp_path / "p")
    lock = project / LOCK_DIR / LOCK_NAME
    first = _start_build(project, tmp_path / "first.log")

    def first_holds_lock() -> bool:
        return lock.exists() and lock.read_text() == str(first.pid)

    try:
        _wait_until(first_holds_lock, first, "taking the lock", tmp_path / "first.log")
        first.send_signal(signal.SIGSTOP)  # paused while holding the lock: the two builds overlap for sure
        assert first_holds_lock()
        second = run_build(project)
    finally:
        first.send_signal(signal.SIGCONT)
        first.wait(timeout=300)
    assert second.returncode != 0
    assert f"Another build is running in this checkout (process {first.pid})" in second.stderr
    assert "Build lain sedang berjalan" in second.stderr and "Traceback" not in second.stderr
    assert first.returncode == 0, (tmp_path / "first.log").read_text()
    site = project / "site"
    for rel in ("index.html", "en/index.html", "program/melati/index.html", "en/program/melati/index.html",
                "brosur/melati-id.pdf", "en/brosur/melati-en.pdf", "assets/portal/eligibility.json",
                "pagefind/pagefind-entry.json", "en/pagefind/pagefind-entry.json"):
        assert (site / rel).is_file(), f"site/{rel} missing"
    assert run_build(project).returncode == 0, "the lock is given back when the build ends"


def _is_brochure_worker(build: subprocess.Popen):
    own = _cmdline(build.pid)
    return lambda pid: _cmdline(pid) == own  # forked: the same command line as the build


def _is_pagefind(build: subprocess.Popen):
    return lambda pid: Path(_cmdline(pid)[0]).name == "pagefind"


@pytest.mark.timeout(400)
@pytest.mark.parametrize("sig, helper, env", [
    (signal.SIGTERM, _is_brochure_worker, {}),
    (signal.SIGINT, _is_brochure_worker, {}),
    (signal.SIGTERM, _is_pagefind, {"PORTAL_BROCHURES": "0"}),
], ids=["SIGTERM during brochures", "SIGINT during brochures", "SIGTERM during search indexing"])
def test_killed_build_leaves_no_process_behind(tmp_path, sig, helper, env):
    project = make_project(tmp_path / "p")
    melati = (project / "data" / "programs" / "melati.yaml").read_text(encoding="utf-8")
    for i in range(24):  # more brochures: the helpers run long enough to be seen, even on a fast machine
        (project / "data" / "programs" / f"melati-{i}.yaml").write_text(melati, encoding="utf-8")
    build = _start_build(project, tmp_path / "build.log", env)
    is_helper = helper(build)
    helpers: dict[int, str] = {}

    def helpers_running() -> bool:  # the snapshot that saw a helper is the one checked below
        helpers.clear()
        helpers.update(_descendants(build.pid))
        return any(is_helper(pid) for pid in helpers)

    try:
        _wait_until(helpers_running, build, "starting its helpers", tmp_path / "build.log")
        build.send_signal(sig)
        assert build.wait(timeout=120) != 0
    finally:
        if build.poll() is None:
            build.kill()
    assert helpers
    while any(_alive(pid, started) for pid, started in helpers.items()):  # pytest-timeout bounds this
        time.sleep(0.05)
    if sig == signal.SIGTERM:  # an orderly exit, not a crash
        assert "Traceback" not in (tmp_path / "build.log").read_text()


@pytest.mark.timeout(400)
def test_sigterm_while_link_preview_images_are_drawn_stops_the_build_and_publishes_no_card(tmp_path):
    """The cards are drawn on threads: SIGTERM still ends the build in order (no traceback), what has
    not started is cancelled, and no card reaches site/ (they are copied only once all are drawn)."""
    project = make_project(tmp_path / "p")
    melati = (project / "data" / "programs" / "melati.yaml").read_text(encoding="utf-8")
    for i in range(60):  # many cards: drawing lasts long enough to be caught in the act
        (project / "data" / "programs" / f"melati-{i}.yaml").write_text(
            melati.replace("title:\n  id: ", f"title:\n  id: Salinan {i} ", 1), encoding="utf-8")
    build = _start_build(project, tmp_path / "build.log", {"PORTAL_BROCHURES": "0"})
    cards = project / ".cache" / "og"
    try:
        _wait_until(lambda: cards.is_dir() and any(cards.glob("*.png")), build, "drawing cards", tmp_path / "build.log")
        build.send_signal(signal.SIGTERM)
        assert build.wait(timeout=120) != 0
    finally:
        if build.poll() is None:
            build.kill()
    assert "Traceback" not in (tmp_path / "build.log").read_text()
    assert not list((project / "site").rglob("og.png"))


def test_a_stop_signal_while_helpers_are_forked_takes_effect_once_they_are():
    """A signal handled inside a fork's own callbacks would be lost (Python ignores an exception
    raised there, and the build went on): interrupt.forking() holds SIGINT and SIGTERM back until
    the helpers are started."""
    handled = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: handled.append(signum))
    try:
        with interrupt.forking():
            # to this thread: in the suite other threads run (servers), and one of them would take a
            # signal sent to the process; in the build, the main thread forks while it is the only one
            signal.pthread_kill(threading.main_thread().ident, signal.SIGTERM)
            time.sleep(0.05)
            inside = list(handled)
        time.sleep(0.05)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert inside == [] and handled == [signal.SIGTERM]
