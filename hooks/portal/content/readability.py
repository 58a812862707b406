"""Warnings about how a text reads, never errors: long sentences, and paragraphs a list swallows.

Many readers finished primary school only or read Indonesian as a second language: a sentence over
:data:`MAX_WORDS` words, or a page whose sentences average over :data:`MAX_AVERAGE`, is hard going.
Counted per language on the words a reader sees (:func:`.markup.visible_text`); each line of a
text (a paragraph or a list item, :mod:`.markup`) ends a sentence; the notes of sources, for
staff, are left out. A warning names a file and a
field; the editors' report (``portal.py status``) prints it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from portal.content.markup import swallowed_lines, visible_text
from portal.content.model import Content

MAX_WORDS = 25
"""Words in one sentence."""
MAX_AVERAGE = 15
"""Words a sentence on average, over every text of a page in one language."""
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[^a-z\s])")
ABBREVIATIONS = frozenset({"no", "nomor", "mis", "dll", "dsb", "dst", "jl", "jln", "kec", "kab", "kel", "prov", "tgl",
                           "hlm", "rp", "dr", "drs", "ir", "st", "mr", "mrs", "ms", "e.g", "i.e", "a.n", "u.p", "vs"})
"""Words written with a stop that ends no sentence ("No. 18", "Jl. Ahmad Yani", "e.g. LTSA"), lower case
without their last stop; a single letter with a stop (an initial) ends none either."""
_WORD = re.compile(r"\S*\w\S*")


@dataclass(frozen=True)
class TextWarning:
    file: str
    line: int
    field: str
    message_id: str
    message_en: str


def sentences(text: str) -> list[str]:
    """The sentences of a Markdown ``text`` as a reader sees them (each line ends one; a stop after
    an abbreviation or an initial does not)."""
    out = []
    for line in text.split("\n"):
        joined: list[str] = []
        for piece in _SENTENCE_END.split(visible_text(line)):
            if joined and _ends_with_abbreviation(joined[-1]):
                joined[-1] = f"{joined[-1]} {piece}"
            else:
                joined.append(piece)
        out += [s for s in joined if s and _WORD.search(s)]
    return out


def _ends_with_abbreviation(sentence: str) -> bool:
    last = sentence.rstrip("\"'”’)]").rsplit(None, 1)[-1] if sentence.strip() else ""
    word = last.lstrip("(\"'“‘").lower()
    return word.endswith(".") and (word[:-1] in ABBREVIATIONS or (len(word) == 2 and word[0].isalpha()))


def words(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def _start(sentence: str, limit: int = 60) -> str:
    return sentence if len(sentence) <= limit else sentence[:limit - 1].rstrip() + "…"


def check(content: Content) -> Iterator[TextWarning]:
    """Every readability warning of ``content`` (already validated), in file order."""
    pages: dict[tuple[str, str], list[int]] = {}
    first_line: dict[str, int] = {}
    for tf in content.text_fields:
        if "/sources/" in f"/{tf.file}":
            continue  # a source's note is for staff, not read on a page
        first_line.setdefault(tf.file, tf.line)
        for lang, value in tf.text.items():
            for line in swallowed_lines(value):
                yield TextWarning(
                    tf.file, tf.line, f"{tf.field}.{lang}",
                    f"baris '{_start(line)}' langsung sesudah daftar masuk ke butir terakhirnya; jika ini "
                    "paragraf baru, beri baris kosong sebelumnya (di blok > : dua baris kosong)",
                    f"the line '{_start(line)}' right after a list joins its last item; if it is a new "
                    "paragraph, leave an empty line before it (in a > block: two empty lines)")
            for sentence in sentences(value):
                count = words(sentence)
                pages.setdefault((tf.file, lang), []).append(count)
                if count > MAX_WORDS:
                    yield TextWarning(
                        tf.file, tf.line, f"{tf.field}.{lang}",
                        f"kalimat {count} kata (lebih dari {MAX_WORDS}): '{_start(sentence)}'; pecah jadi "
                        "kalimat pendek",
                        f"a sentence of {count} words (over {MAX_WORDS}): '{_start(sentence)}'; split it "
                        "into shorter ones")
    for (file, lang), counts in pages.items():
        average = sum(counts) / len(counts)
        if average > MAX_AVERAGE:
            yield TextWarning(
                file, first_line[file], lang,
                f"rata-rata {average:.1f} kata per kalimat di halaman ini (lebih dari {MAX_AVERAGE}); "
                "tulis kalimat yang lebih pendek",
                f"{average:.1f} words a sentence on average on this page (over {MAX_AVERAGE}); "
                "write shorter sentences")
