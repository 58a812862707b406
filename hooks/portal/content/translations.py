"""Translation freshness: which source text each translation was made from.

Every content file may have a record beside it under ``data/translations/`` (the same path
below ``data/``): per language, per text field, a short fingerprint of the default-language
text the translation was made from. A translation whose record differs from the fingerprint
of the source text as it is now is *stale*: its pages show a notice and ``portal.py status``
lists it. A translation with no record yet (new content) shows no notice; status lists it as
not recorded, so that its next source change can be noticed. ``portal.py translated FILE [FIELD]`` writes the
record after a translator has checked the text. Records name fields by position
(``steps[2].title``); :func:`follow` moves them with their list item when an item is inserted,
deleted or moved, so the other items stay fresh. One record file per content file, so two
pull requests on different items never touch the same file, and the web editor, which
rewrites content files, never drops a record.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import yaml

RECORDS_DIR = "translations"
"""The folder under ``data/`` that holds the records, mirroring the content files' paths."""

HEADER = ("# yaml-language-server: $schema={schema}\n"
          "# Catatan terjemahan: ditulis oleh `python scripts/portal.py translated BERKAS [KOLOM]`, "
          "jangan diubah dengan tangan.\n"
          "# Translation records: written by `python scripts/portal.py translated FILE [FIELD]`, "
          "do not edit by hand.\n")

Records = Mapping[str, Mapping[str, str]]
"""language -> field (``steps[0].title``) -> fingerprint of the source text it was made from."""


def fingerprint(text: str) -> str:
    """A short hash of ``text`` as written, ignoring line wrapping and spacing (10 hex digits)."""
    normal = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:10]


def sources(data: Any, languages: Iterable[str], path: str = "") -> dict[str, str]:
    """Field path -> fingerprint of the default-language text, for every text field in ``data``.

    A text field is a mapping whose keys are all configured languages (the default first in
    ``languages``) with the default-language text present: the fields the validator reads as texts.
    """
    langs = tuple(languages)
    if isinstance(data, dict):
        if data and set(data) <= set(langs) and isinstance(data.get(langs[0]), str):
            return {path: fingerprint(data[langs[0]])}
        return {k: v for key, value in data.items()
                for k, v in sources(value, langs, f"{path}.{key}" if path else str(key)).items()}
    if isinstance(data, list):
        return {k: v for i, value in enumerate(data) for k, v in sources(value, langs, f"{path}[{i}]").items()}
    return {}


_ITEM = re.compile(r"^(?P<prefix>[^\[]*)\[(?P<index>\d+)\](?P<rest>.*)$")


def follow(recorded: Mapping[str, str], current: Mapping[str, str]) -> dict[str, str]:
    """One language's records (field -> fingerprint) renamed to where their list item is now.

    ``current`` is :func:`sources` of the content as it is. At each list (``steps[i]``), the
    recorded items are matched with the current ones by the texts under them, so a step keeps
    its records when a step is inserted, deleted or moved before it: items with the same texts
    in the same order pair up; between them, items sharing a text pair up (most shared first),
    and what is left pairs in order when both sides have as many; an item with the same texts
    elsewhere in the list (moved) pairs with it. A recorded item left unpaired
    keeps its place when no paired item took it (its texts then read as changed); otherwise it
    is dropped. Fields outside lists keep their name.
    """
    out: dict[str, str] = {}
    old_lists: dict[str, dict[int, dict[str, str]]] = {}
    new_lists: dict[str, dict[int, dict[str, str]]] = {}
    for fields, lists in ((recorded, old_lists), (current, new_lists)):
        for field, value in fields.items():
            m = _ITEM.match(field)
            if m:
                lists.setdefault(m["prefix"], {}).setdefault(int(m["index"]), {})[m["rest"]] = value
            elif fields is recorded:
                out[field] = value
    for prefix, old in old_lists.items():
        new = new_lists.get(prefix, {})
        pairs = _pair(old, new)
        taken = set(pairs.values())
        for i, items in old.items():
            if i in pairs:
                j = pairs[i]
                out.update({f"{prefix}[{j}]{rest}": v for rest, v in follow(items, new[j]).items()})
            elif i not in taken:
                out.update({f"{prefix}[{i}]{rest}": v for rest, v in items.items()})
    return out


def _pair(old: Mapping[int, Mapping[str, str]], new: Mapping[int, Mapping[str, str]]) -> dict[int, int]:
    """Recorded item index -> current item index, for the items of one list (see :func:`follow`)."""
    olds, news = sorted(old), sorted(new)
    sig = [frozenset(old[i].items()) for i in olds], [frozenset(new[j].items()) for j in news]
    pairs: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, sig[0], sig[1], autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            pairs.update(zip(olds[a0:a1], news[b0:b1]))
        elif tag == "replace":
            left, right = list(range(a0, a1)), list(range(b0, b1))
            shared = sorted(((len(sig[0][a] & sig[1][b]), a, b) for a in left for b in right
                             if sig[0][a] & sig[1][b]), key=lambda t: (-t[0], t[1], t[2]))
            for _, a, b in shared:
                if a in left and b in right:
                    pairs[olds[a]] = news[b]
                    left.remove(a)
                    right.remove(b)
            if len(left) == len(right):
                pairs.update((olds[a], news[b]) for a, b in zip(left, right))
    free = {j: texts for j, texts in zip(news, sig[1]) if j not in pairs.values()}
    for i, texts in zip(olds, sig[0]):  # moved: the same texts elsewhere in the list
        j = next((j for j, other in free.items() if other == texts), None) if i not in pairs else None
        if j is not None:
            pairs[i] = j
            del free[j]
    return pairs


CHECKED = "translation_checked"
"""The field of a content file where the web editor's button records checked translations, in the
shape of a record file (the editor cannot write ``data/translations/``)."""


def merged(recorded: Records, checked: Records, current: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """A file's records and its entry's own (:data:`CHECKED`), each following its list items.

    Per field, a record made from the source text as it is now wins; otherwise the record file's.
    Records of the entry for a text that is gone are dropped (the editor removed it).
    """
    out: dict[str, dict[str, str]] = {}
    for lang in sorted({*recorded, *checked}):
        ours = follow(recorded.get(lang, {}), current)
        theirs = {f: h for f, h in follow(checked.get(lang, {}), current).items() if f in current}
        both = {**theirs, **ours, **{f: h for f, h in theirs.items() if h == current[f]}}
        if both:
            out[lang] = both
    return out


def record_path(data_dir: Path, content_file: Path) -> Path:
    """Where the records of ``content_file`` (a file under ``data_dir``) are kept."""
    return data_dir / RECORDS_DIR / content_file.relative_to(data_dir)


def content_path(data_dir: Path, record_file: Path) -> Path:
    """The content file whose records ``record_file`` holds."""
    return data_dir / record_file.relative_to(data_dir / RECORDS_DIR)


def stale_languages(text: Mapping[str, str], field: str, records: Records, default: str) -> frozenset[str]:
    """The languages of ``text`` whose translation was recorded as made from another source text."""
    source = fingerprint(text[default]) if default in text else None
    return frozenset(lang for lang in text if lang != default
                     and field in records.get(lang, {}) and records[lang][field] != source)


def unrecorded_languages(text: Mapping[str, str], field: str, records: Records, default: str) -> list[str]:
    """The languages of ``text`` whose translation has no record yet (never checked with the tool)."""
    return sorted(lang for lang in text if lang != default and field not in records.get(lang, {}))


def orphans(fields: Iterable[str], records: Records, languages: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(language, field) of records that belong to no text of a configured language any more."""
    known, configured = set(fields), set(languages)
    for lang, by_field in records.items():
        for field in by_field:
            if lang not in configured or field not in known:
                yield lang, field


def updated(records: Records, texts: Iterable[tuple[str, Mapping[str, str]]], default: str,
            only: str | None = None, languages: Iterable[str] = ()) -> dict[str, dict[str, str]]:
    """``records`` with the translations of ``texts`` recorded as made from their source now.

    ``only`` limits the change to one field (``summary``) or the fields below it (``steps``,
    ``steps[2]``), ``languages`` to those languages (default: every translation there is).
    Records of fields that no longer exist are dropped when ``only`` is None.
    """
    texts, wanted = list(texts), set(languages)
    chosen = [(f, t) for f, t in texts if only is None or under(f, only)]
    out: dict[str, dict[str, str]] = {lang: dict(by_field) for lang, by_field in records.items()}
    if only is None:
        known = {f for f, _ in texts}
        out = {lang: {f: h for f, h in by_field.items() if f in known} for lang, by_field in out.items()}
    for field, text in chosen:
        if default not in text:
            continue
        for lang in text:
            if lang != default and (not wanted or lang in wanted):
                out.setdefault(lang, {})[field] = fingerprint(text[default])
    order = {f: i for i, (f, _) in enumerate(texts)}
    return {lang: dict(sorted(by_field.items(), key=lambda kv: order.get(kv[0], len(order))))
            for lang, by_field in sorted(out.items()) if by_field}


def under(field: str, prefix: str) -> bool:
    """True when ``field`` is ``prefix`` or a field below it (``steps[0].title`` below ``steps``)."""
    return field == prefix or field.startswith(prefix + ".") or field.startswith(prefix + "[")


def dump(records: Records, path: Path, data_dir: Path) -> str:
    """The text of the record file at ``path``, naming its schema for editors."""
    schema = os.path.relpath(data_dir.parent / "schema" / "translations.schema.json", path.parent)
    body = yaml.safe_dump({lang: dict(by_field) for lang, by_field in records.items()},
                         allow_unicode=True, sort_keys=False, default_flow_style=False)
    return HEADER.format(schema=Path(schema).as_posix()) + body


def as_records(data: Any) -> Records:
    """A loaded (and schema-checked) record file as :data:`Records`; an empty file is no records."""
    return data or {}
