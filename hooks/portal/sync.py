"""Generated pages in ``docs/`` from before they were kept in memory: removed."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable


def remove_generated(docs_dir: Path, owned_dirs: Iterable[str]) -> int:
    """Empty the folders of ``docs_dir`` only the build writes; return the files removed."""
    removed = 0
    for folder in owned_dirs:
        for path in sorted((docs_dir / folder).rglob("*"), reverse=True):
            if path.is_file() or path.is_symlink():
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        if (docs_dir / folder).is_dir() and not any((docs_dir / folder).iterdir()):
            (docs_dir / folder).rmdir()
    return removed
