"""``docs/`` belongs to the staff: the build writes and deletes nothing there.

Generated pages stay in memory (:mod:`portal.mkdocs.memory_pages`), so ``docs/`` never needs cleaning, and
hand-written files in the folders the build generates into (``program/``, ``brosur/``, ...) are
kept and published. What would go wrong instead of being deleted is an error naming the file:

- E-PAGE-CLASH: a hand-written page has the address of a generated one (both are named);
- E-OLD-PAGE: a page an older version of the build wrote into ``docs/`` (it carries one of the
  build's front-matter marks): the staff delete it, not the build;
- E-LINK-OUT: a folder the build generates into is a link out of the repository (MkDocs would
  publish what it points to).
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable, Mapping

import yaml

from portal.build.paths import within
from portal.content.errors import ContentError
from portal.site import front_matter
from portal.site.front_matter import BUILD_MARKS



def page_address(rel: str, languages: tuple[str, ...]) -> tuple[str, str]:
    """(language, address) of a Markdown page of ``docs/``: ``program/melati.en.md`` and
    ``program/melati/index.en.md`` are both ('en', 'program/melati/'); ``README.md`` is an index."""
    parts = rel[: -len(".md")].split("/")
    lang, name = languages[0], parts[-1]
    stem, _, suffix = name.rpartition(".")
    if stem and suffix in languages:
        lang, name = suffix, stem
    folder = parts[:-1] if name in ("index", "README") else [*parts[:-1], name]
    return lang, "".join(f"{part}/" for part in folder)


def markdown_on_disk(docs_dir: Path, root: Path) -> list[str]:
    """Every regular ``*.md`` file of ``docs_dir`` (relative, POSIX), not looking through links out of ``root``."""
    out: list[str] = []
    seen: set[str] = set()
    for folder, dirs, files in os.walk(docs_dir, followlinks=True):
        seen.add(os.path.realpath(folder))
        dirs[:] = sorted(d for d in dirs if within(Path(folder) / d, root)
                         and os.path.realpath(Path(folder) / d) not in seen)  # no link loops
        for name in sorted(files):
            path = Path(folder) / name
            if name.endswith(".md") and _is_regular(path):
                out.append(path.relative_to(docs_dir).as_posix())
    return out


def _meta(path: Path) -> dict:
    """The page's front matter; empty when unreadable (MkDocs then reports the page itself)."""
    try:
        meta = front_matter.read(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def problems(docs_dir: Path, root: Path, generated: Mapping[str, str], generated_dirs: Iterable[str],
             languages: tuple[str, ...]) -> list[ContentError]:
    """Every reason the generated pages cannot join ``docs_dir``. ``generated``: {path under docs/:
    the file it is made from, e.g. 'data/programs/melati.yaml', or '' for an index page}."""
    name = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else str(docs_dir)
    errors = []
    for folder in generated_dirs:
        path = docs_dir / folder
        if path.is_symlink() and not within(path, root):
            errors.append(ContentError(
                f"{name}/{folder}", 1, "", "E-LINK-OUT",
                "folder ini tautan (symlink) ke luar repositori; build tidak mengikutinya: hapus tautannya",
                "this folder is a symbolic link out of the repository; the build does not follow it: "
                "remove the link"))
    addresses = {page_address(rel, languages): rel for rel in generated}
    for rel in markdown_on_disk(docs_dir, root):
        if any(mark in _meta(docs_dir / rel) for mark in BUILD_MARKS):
            errors.append(ContentError(
                f"{name}/{rel}", 1, "", "E-OLD-PAGE",
                "halaman ini ditulis oleh build versi lama (halaman buatan tidak lagi disimpan di docs/); hapus berkas ini",
                "an older version of the build wrote this page (generated pages are no longer kept in docs/); "
                "delete this file"))
        elif page_address(rel, languages) in addresses:
            other = addresses[page_address(rel, languages)]
            what_id = "halaman ini juga" if other == rel else f"halaman {name}/{other}"
            what_en = "this very page" if other == rel else f"{name}/{other}"
            made_id, made_en = (f" dari {generated[other]}", f" from {generated[other]}") if generated[other] else ("", "")
            errors.append(ContentError(
                f"{name}/{rel}", 1, "", "E-PAGE-CLASH",
                f"alamat halaman ini bertabrakan: build membuat {what_id}{made_id}; ganti nama atau pindahkan berkas ini",
                f"this page is in the way: the build generates {what_en}{made_en}; rename or move this file"))
    return errors
