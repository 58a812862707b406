"""An interrupted build takes its helper processes with it.

Ctrl-C raises KeyboardInterrupt in the build; :func:`exit_on_sigterm` makes SIGTERM raise
SystemExit the same way (Python's default would end the process on the spot, leaving the
brochure workers running). Either unwinds the build, and the brochure pool, leaving its ``with``
block, terminates its workers. :func:`worker_init` runs in each worker: Ctrl-C is left to the
build, and the worker ends with the build process however that ends (Linux ``PR_SET_PDEATHSIG``),
even killed with SIGKILL. The Pagefind command gets :func:`die_with_parent` for the same reason.
Helpers are started inside :func:`forking`, so that no signal is lost in a fork.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def exit_on_sigterm() -> None:
    """SIGTERM raises SystemExit(143) in the build; installed once, from the main thread only."""
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _exit)


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def forking() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back from this thread while helper processes are started: handled
    inside a fork's own callbacks, their exception would be ignored (Python prints it) and the build
    would go on. They take effect when the block ends; the helpers unblock them
    (:func:`die_with_parent`). ``mkdocs build`` forks from its main thread while it is the only one;
    under ``mkdocs serve`` another thread may still take the signal."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
"""Loaded here, so that :func:`die_with_parent` only makes a system call in a freshly forked child."""


def die_with_parent(parent_pid: int) -> None:
    """In a child of ``parent_pid`` (Linux): SIGTERM when the parent ends, however it ends; Ctrl-C
    and SIGTERM no longer held back (:func:`forking`)."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    if _LIBC is not None:
        _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent_pid:  # the parent ended before the line above took effect
        os._exit(1)


def worker_init(build_pid: int) -> None:
    """In a worker process of the build ``build_pid``: ignore Ctrl-C, end on SIGTERM, die with the build."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(build_pid)
