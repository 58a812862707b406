"""Generated pages stay in memory: MkDocs gets them as files of ``docs/`` that are never written.

Writing 2,000 generated pages into ``docs/`` (and MkDocs reading them back) took a tenth of a
large build; nothing generated lands in the working tree either. The files are added before
mkdocs-static-i18n sorts the files by language, and their text is handed over when MkDocs
reads a page's source.
"""
from __future__ import annotations

from typing import Mapping

from mkdocs.structure.files import File, Files


def add_files(files: Files, sources: Mapping[str, str], docs_dir: str, site_dir: str,
              use_directory_urls: bool) -> Files:
    """``files`` with one documentation file per entry of ``sources`` ({path under docs/: text})."""
    for src_path in sources:
        files.append(File(src_path, docs_dir, site_dir, use_directory_urls))
    return files
