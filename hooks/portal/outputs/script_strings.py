"""Interface strings of the scripts loaded on first use (issue 35), written into them.

``listen.js`` and ``term.js`` load on a reader's first tap, so their strings cannot ride in the
first view of every page: each holds the mark ``"__PORTAL_UI__"``, which the build replaces with
its section of ``data/ui/<lang>.yaml`` in every language (``{"id": {...}, "en": {...}}``); the
script picks the page's language. Offline reading keeps these scripts in every save list.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping

from portal.content import readability
from portal.site.strings import Strings

MARK = '"__PORTAL_UI__"'
ON_DEMAND = {"assets/portal/listen.js": "listen", "assets/portal/term.js": "term"}
"""Site path of each script loaded on first use, and the section of interface strings it shows."""


def write(site_dir: Path, strings: Mapping[str, Strings], docs_dir: Path) -> None:
    """Put each :data:`ON_DEMAND` script's strings, in every language, in place of its mark: read from
    its source in ``docs_dir``, so the step can run again on a built site (``make bench`` does)."""
    for rel, section in ON_DEMAND.items():
        path = site_dir / rel
        keys = sorted({key for s in strings.values() for key in s.raw(section)})
        table = {lang: {key: str(s(f"{section}.{key}")) for key in keys} for lang, s in strings.items()}
        if section == "listen":  # it reads sentence by sentence, as the plain-words counter counts them
            for words in table.values():
                words["abbreviations"] = sorted(readability.ABBREVIATIONS)
        source = (docs_dir / rel).read_text(encoding="utf-8")
        if MARK not in source:
            raise ValueError(f"{rel} has no {MARK} for its strings")
        path.write_text(source.replace(MARK, json.dumps(table, ensure_ascii=False), 1), encoding="utf-8")
