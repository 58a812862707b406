"""Write generated pages into ``docs/``: only files whose text changed; stale ones removed."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping


def sync_pages(docs_dir: Path, pages: Mapping[str, str], owned_dirs: Iterable[str]) -> tuple[int, int]:
    """Make the owned folders of ``docs_dir`` hold exactly ``pages``; return (written, removed)."""
    written = removed = 0
    for rel, text in pages.items():
        path = docs_dir / rel
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += 1
    wanted = {docs_dir / rel for rel in pages}
    for folder in owned_dirs:
        for path in sorted((docs_dir / folder).rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, removed
