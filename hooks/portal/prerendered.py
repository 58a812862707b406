"""Generated pages whose body is final HTML: MkDocs' Markdown pass is skipped for them.

Python-Markdown parsing the HTML of 2,000 generated pages took half of a large build. A
page whose front matter has ``portal_html: true`` goes through MkDocs with an empty
Markdown source instead; its HTML is put back as the page's content, with a table of
contents made from its headings (those with an ``id``).
"""
from __future__ import annotations

import re
from typing import Mapping

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.toc import TableOfContents, get_toc

MARK = "portal_html"  # front-matter key of a page whose body is HTML
_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)</h\1>', re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")


def is_prerendered(meta: Mapping) -> bool:
    return meta.get(MARK) is True


def table_of_contents(html: str) -> TableOfContents:
    """The headings with an ``id``, nested by level, titled by their text (tags left out)."""
    tokens = [{"level": int(level), "id": ident, "name": _TAG.sub("", inner).strip(), "children": []}
              for level, ident, inner in _HEADING.findall(html)]
    return get_toc(nest_toc_tokens(tokens))


def anchor_ids(html: str) -> set[str]:
    """Every ``id`` in the page: the anchors other pages' links may point to."""
    return set(_ID.findall(html))
