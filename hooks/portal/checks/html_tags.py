"""A built page cut into its start tags, so that a scan over many pages parses each distinct tag once.

Pages share most of their tags (header, navigation, footer). :func:`tag_pieces` cuts a page into
its start tags and whole ``<script>``/``<style>`` elements, in order, and says when the cut does not
account for every ``<`` that opens a tag (then the page is parsed whole). :func:`parse_pieces` parses
each distinct piece once per scan. Used by the privacy scan and by the page weight.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

_PIECE = re.compile(r"""<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>.*?</\1\s*>"""
                    r"""|<([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I | re.S)
"""A ``<script>``/``<style>`` element with its content, or one start tag."""
_TAG_OPEN = re.compile(r"<[a-zA-Z]")


def tag_pieces(text: str) -> list[tuple[str, str]] | None:
    """(tag name in lower case, piece) of each start tag and script/style element of ``text``, in
    order; None when they do not account for every ``<x`` of the page (outside scripts and styles)."""
    matches = list(_PIECE.finditer(text))
    inside = sum(len(_TAG_OPEN.findall(m.group())) - 1 for m in matches if m.group(1))  # '<x' in scripts, styles
    if len(_TAG_OPEN.findall(text)) != len(matches) + inside:
        return None
    return [((m.group(1) or m.group(2)).lower(), m.group()) for m in matches]


def parse_pieces(pieces: Iterable[str], parse: Callable[[str], list[T]], seen: dict[str, list[T]]) -> list[T]:
    """``parse`` of each piece, joined in order; a piece in ``seen`` (this scan's) is not parsed again."""
    out: list[T] = []
    for piece in pieces:
        if piece not in seen:
            seen[piece] = parse(piece)
        out += seen[piece]
    return out
