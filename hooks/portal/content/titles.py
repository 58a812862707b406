"""Warnings about titles, never errors: too long for a phone, emoji the PDF font lacks, a program twice.

A warning names a file and a path in it; the editors' report gives it its line.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from portal.content.model import Content

MAX_TITLE = 90
"""Characters: a longer title runs over many lines on a phone."""
SAME_TITLE = 0.9
"""difflib ratio of two normalised program titles from which they are taken for one program."""
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE0F, 0xFE0F), (0x200D, 0x200D))
"""Emoji and pictographs (with the variation selector and joiner that build them): DejaVu Sans,
the brochures' font, draws most of them as empty boxes."""


@dataclass(frozen=True)
class TitleWarning:
    file: str
    path: tuple
    message_id: str
    message_en: str


def emoji(text: str) -> list[str]:
    """The emoji characters in ``text``, in order, each once."""
    found = [c for c in text if any(lo <= ord(c) <= hi for lo, hi in _EMOJI_RANGES)]
    return list(dict.fromkeys(c for c in found if c not in "\u200d\ufe0f"))


def normalised(title: str) -> str:
    """``title`` in lower case, without punctuation or repeated spaces: how alike two titles read."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _titled(content: Content) -> Iterable[tuple[str, tuple, dict[str, str]]]:
    for item in (*content.programs, *content.procedures, *content.situations, *content.proposals):
        yield item.file, ("title",), item.title
    for named in (*content.countries, *content.organizations):
        yield named.file, ("name",), named.name


def check(content: Content) -> list[TitleWarning]:
    """Every title warning for ``content`` (already validated)."""
    out = []
    for file, path, title in _titled(content):
        for lang, text in title.items():
            if len(text) > MAX_TITLE:
                out.append(TitleWarning(
                    file, path + (lang,),
                    f"judul {len(text)} karakter, lebih dari {MAX_TITLE}; di ponsel jadi banyak baris. "
                    "Pendekkan, dan pindahkan rinciannya ke ringkasan",
                    f"title of {len(text)} characters, more than {MAX_TITLE}; it runs over many lines on a "
                    "phone. Shorten it and move the details to the summary"))
            found = emoji(text)
            if found:
                out.append(TitleWarning(
                    file, path + (lang,),
                    f"emoji di judul ({' '.join(found)}): huruf brosur PDF tidak punya emoji dan mencetak "
                    "kotak kosong; hapus emojinya",
                    f"emoji in the title ({' '.join(found)}): the PDF brochures' font has no emoji and prints "
                    "empty boxes; remove it"))
    out += _same_titles(content)
    return out


def _same_titles(content: Content) -> list[TitleWarning]:
    """Both programs of every pair whose titles, in some language, are (nearly) the same."""
    out = []
    programs = list(content.programs)
    for i, first in enumerate(programs):
        for second in programs[i + 1:]:
            for lang in content.languages:
                a, b = normalised(first.title.get(lang, "")), normalised(second.title.get(lang, ""))
                if a and b and difflib.SequenceMatcher(None, a, b).ratio() >= SAME_TITLE:
                    for this, other in ((first, second), (second, first)):
                        out.append(TitleWarning(
                            this.file, ("title", lang),
                            f"judul (hampir) sama dengan {other.file}; apakah ini program yang sama? "
                            "Jika ya, gabungkan ke satu berkas (slug lama ke old_slugs)",
                            f"title (nearly) the same as {other.file}'s; is it the same program? "
                            "If so, merge them into one file (the old slug into old_slugs)"))
                    break
    return out
