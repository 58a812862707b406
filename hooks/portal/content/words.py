"""Readers' words for search (``data/words.yaml``) and readers' queries as cases (``data/queries.yaml``).

The words file is the one owner of the vocabulary search knows: each group holds words that mean the
same thing to a reader (``words`` in every language, ``id``/``en`` in one), and may name ``pages``
the words belong to although those pages do not use them (``bantuan/``, ``negara/*``). Glossary
aliases are only the names a term is shown and linked under; search does not read them.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from portal.content.model import Content, SearchQuery, WordGroup

Report = Callable[[tuple, str, str, str], None]


def words(ck: Any, today: Any) -> list[WordGroup]:
    """The groups of ``data/words.yaml`` (valid against the schema), per language."""
    groups = []
    for g in ck.doc.data:
        groups.append(WordGroup(words={lang: tuple(dict.fromkeys([*g.get("words", ()), *g.get(lang, ())]))
                                       for lang in ck.languages},
                                pages=tuple(g.get("pages", ()))))
    return groups


def queries(ck: Any, today: Any) -> list[SearchQuery]:
    """The cases of ``data/queries.yaml``."""
    return [SearchQuery(q["lang"], q["query"], tuple(q["top5"])) for q in ck.doc.data]


def known_pages(content: Content, folders: dict[str, Iterable[str]], index_pages: Iterable[str]) -> set[str]:
    """Site paths (no language prefix) a words group or a case may name: each item's page, each
    folder's list and ``folder/*`` (every page in it), the home page and the index pages."""
    known = {f"{page}/" if page else "" for page in index_pages}
    for folder, slugs in folders.items():
        known |= {f"{folder}/", f"{folder}/*", *(f"{folder}/{slug}/" for slug in slugs)}
    return known


def check(content: Content, report_for: Callable[[Any], Report], known: set[str]) -> None:
    """E-DUPLICATE for a word in two groups of one language, E-REF for an unknown page, E-LANG for a
    case in a language the site does not have, E-WORDS for a group with one word and no pages."""
    seen: dict[tuple[str, str], int] = {}
    for i, group in enumerate(content.words):
        report = report_for(group)
        for lang, names in group.words.items():
            if len(names) < 2 and not group.pages and names:
                report((i,), "E-WORDS", f"kelompok dengan satu kata ('{names[0]}', {lang}) dan tanpa 'pages' "
                       "tidak menambah apa pun; tambahkan kata lain yang artinya sama, atau 'pages'",
                       f"a group with one word ('{names[0]}', {lang}) and no 'pages' adds nothing; add another "
                       "word that means the same, or 'pages'")
            for name in names:
                key = (lang, name.lower())
                if key in seen and seen[key] != i:
                    report((i,), "E-DUPLICATE", f"kata '{name}' ({lang}) juga ada di kelompok {seen[key] + 1}; "
                           "satu kata hanya di satu kelompok",
                           f"word '{name}' ({lang}) is also in group {seen[key] + 1}; a word belongs to one group")
                seen.setdefault(key, i)
        for j, page in enumerate(group.pages):
            if page not in known:
                report((i, "pages", j), "E-REF", f"halaman '{page}' tidak ada di situs ini",
                       f"this site has no page '{page}'")
    for i, case in enumerate(content.queries):
        report = report_for(case)
        if case.lang not in content.languages:
            report((i, "lang"), "E-LANG", f"bahasa '{case.lang}' tidak ada di situs ini ({', '.join(content.languages)})",
                   f"the site has no language '{case.lang}' ({', '.join(content.languages)})")
        for j, page in enumerate(case.top5):
            if page not in known:
                report((i, "top5", j), "E-REF", f"halaman '{page}' tidak ada di situs ini",
                       f"this site has no page '{page}'")
