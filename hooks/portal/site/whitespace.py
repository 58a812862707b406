"""Built pages without the blank lines and indentation that templates leave (about 5% of a page gzipped).

A line break and the spaces after it show as one space, with or without them, everywhere but in
``<pre>`` and ``<textarea>``, which are kept as they are; so what a reader sees does not change.
"""
from __future__ import annotations

import re

_KEPT = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S | re.I)
_BREAK = re.compile(r"\n\s+")


def compact(html: str) -> str:
    """``html`` with each line break and the white space after it (blank lines, indentation) one line break."""
    parts = _KEPT.split(html)
    return "".join(part if i % 2 else _BREAK.sub("\n", part) for i, part in enumerate(parts))
