"""Title warnings (portal.content.titles): what counts as an emoji and as the same title."""
from __future__ import annotations

from portal.content import titles


def test_emoji_found_once_each_without_their_joiners():
    assert titles.emoji("Bantuan \U0001F33C modal \u2764\ufe0f \U0001F33C") == ["\U0001F33C", "\u2764"]
    assert titles.emoji("Bantuan modal (Rp 5 juta) \u2013 \u201ccepat\u201d") == []


def test_same_title_ignores_case_punctuation_and_spacing_but_not_other_programs():
    assert titles.normalised("Warung Naik Kelas (Wenak)!") == "warung naik kelas wenak"
    alike = titles.normalised("Warung naik kelas - Wenak"), titles.normalised("Warung Naik Kelas (Wenak)")
    assert alike[0] == alike[1]
    import difflib
    ratio = difflib.SequenceMatcher(None, titles.normalised("G to G Korea"), titles.normalised("G to G Jepang")).ratio()
    assert ratio < titles.SAME_TITLE
