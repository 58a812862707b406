"""Plain words: portal.py status warns (never fails) of long sentences and long-winded pages, per language."""
from __future__ import annotations

import datetime as dt

from conftest import FIXTURE_TODAY
from content_edits import replace
from portal.content import readability
from portal.content.validator import load_content

LANGS = ("id", "en")
SHORT = "Kata satu dua tiga empat. "


def _warnings(data):
    content = load_content(data, LANGS, dt.date.fromisoformat(FIXTURE_TODAY), root=data.parent)
    return [w for w in readability.check(content) if w.file.endswith("programs/melati.yaml")]


def test_sentences_end_at_stops_and_lines_and_words_are_what_a_reader_sees():
    assert readability.sentences("Satu dua. Tiga **empat** lima!\n- enam [tujuh](https://x.example/a.b.c)") == [
        "Satu dua.", "Tiga empat lima!", "enam tujuh"]
    assert readability.sentences("Biaya Rp37.500 per bulan. Bayar di bank.") == ["Biaya Rp37.500 per bulan.",
                                                                                "Bayar di bank."]
    assert readability.words("Biaya Rp37.500 (per bulan) - ya.") == 5


def test_a_stop_after_an_abbreviation_or_an_initial_ends_no_sentence():
    assert readability.sentences("Lihat UU No. 18 Tahun 2017. Datang ke Jl. A. Yani, mis. hari Senin.") == [
        "Lihat UU No. 18 Tahun 2017.", "Datang ke Jl. A. Yani, mis. hari Senin."]
    assert readability.sentences("Ask at a help desk, e.g. LTSA. Then go home.") == [
        "Ask at a help desk, e.g. LTSA.", "Then go home."]


def test_the_fixture_has_no_readability_warning(data):
    assert _warnings(data) == []


def test_a_sentence_over_25_words_is_named_in_its_language(data):
    long = " ".join(["kata"] * 26) + "."
    replace('  en: |\n', f'  en: |\n    {long}\n')(data)
    found = _warnings(data)
    assert [(w.field, "26 words" in w.message_en) for w in found if "over 25" in w.message_en] == [
        ("description.en", True)]
    replace(long, " ".join(["kata"] * 25) + ".")(data)
    assert not [w for w in _warnings(data) if "over 25" in w.message_en]


def test_a_page_averaging_over_15_words_a_sentence_is_named_once_per_language(data):
    sentence = "Kata " + " ".join(["kata"] * 23) + ". "
    replace('  en: |\n', '  en: |\n    ' + sentence * 12 + '\n')(data)
    found = [w for w in _warnings(data) if "on average" in w.message_en]
    assert [w.field for w in found] == ["en"]
    assert not [w for w in _warnings(data) if "over 25" in w.message_en]
