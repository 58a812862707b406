"""Where the build may write: only inside the project, never through a link out of it."""
from __future__ import annotations

import os
from pathlib import Path


class OutsideProject(Exception):
    """A folder the build writes into resolves (through a link) outside the project."""


def within(path: Path, root: Path) -> bool:
    """Whether ``path``, links followed, is ``root`` or inside it."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def own_folder(root: Path, rel: Path) -> Path:
    """``root / rel``, created; :class:`OutsideProject` (before anything is created) when a link
    would take it out of ``root``."""
    folder = root / rel
    if not within(folder, root):
        raise OutsideProject(f"{rel.as_posix()} is a link out of the project ({os.path.realpath(folder)}): "
                             "the build does not write there; remove the link. / "
                             f"{rel.as_posix()} adalah tautan ke luar proyek: build tidak menulis di sana; hapus tautannya.")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
