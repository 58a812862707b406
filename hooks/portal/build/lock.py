"""One build at a time per checkout: an exclusive lock on ``.cache/build.lock``.

Two builds in one checkout would share ``site/`` and the brochure cache. The hooks take the
lock when MkDocs reads the config, before anything is written, and give it back when the build
ends (or fails). Taking it again in the same process is a no-op: mkdocs-static-i18n builds each
language as a nested build, and ``mkdocs serve`` rebuilds in the same process. The system drops
the lock when the process ends, however it ends, so a killed build never leaves it behind.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from portal.build.paths import own_folder

LOCK_DIR = Path(".cache")
LOCK_NAME = "build.lock"

_held: dict[Path, int] = {}  # {lock file: descriptor} held by this process


class BuildLocked(Exception):
    """Another process is building this checkout."""


def acquire(root: Path) -> None:
    """Hold the lock of the checkout at ``root``; :class:`BuildLocked` when another process does."""
    path = own_folder(root, LOCK_DIR) / LOCK_NAME
    if path in _held:
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 32).decode(errors="replace").strip() or "?"
        os.close(fd)
        raise BuildLocked(
            f"Build lain sedang berjalan di checkout ini (proses {holder}); tunggu sampai selesai, lalu ulangi. / "
            f"Another build is running in this checkout (process {holder}); wait until it ends, then try again. "
            f"(lock: {path})") from None
    os.ftruncate(fd, 0)
    os.write(fd, str(os.getpid()).encode())
    _held[path] = fd


def release_all() -> None:
    """Give back every lock this process holds."""
    while _held:
        _, fd = _held.popitem()
        os.ftruncate(fd, 0)  # the file names the holding process only while it holds the lock
        os.close(fd)  # closing the descriptor releases the flock
