"""Generated pages whose body is final HTML: MkDocs' Markdown pass is skipped for them.

Python-Markdown parsing the HTML of 2,000 generated pages took half of a large build. A
page whose front matter has ``portal_html: true`` is rendered by :func:`render` instead:
its source is its content, and its table of contents is made from its headings (those with
an ``id``), each keeping its HTML (``lang`` on untranslated text) for Material's template.
"""
from __future__ import annotations

import re
import types
from typing import Mapping

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.toc import TableOfContents, get_toc

from portal.site.front_matter import PRERENDERED as MARK

_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)</h\1>', re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")


def is_prerendered(meta: Mapping) -> bool:
    return meta.get(MARK) is True


TOC_DEPTH = 2
"""Sections only: every page carries its table of contents in the menu (the first view pays for
it), and the pages list their parts themselves (the help page's "go to your country", the steps)."""


def table_of_contents(html: str) -> TableOfContents:
    """The headings with an ``id`` down to :data:`TOC_DEPTH`, nested by level, titled by their text
    (tags left out); ``typeset`` holds a heading's HTML, which Material's table of contents shows."""
    headings = [h for h in _HEADING.findall(html) if int(h[0]) <= TOC_DEPTH]
    tokens = [{"level": int(level), "id": ident, "name": _TAG.sub("", inner).strip(), "children": []}
              for level, ident, inner in headings]
    toc = get_toc(nest_toc_tokens(tokens))
    inner_html = {ident: inner.strip() for _, ident, inner in headings}
    stack = list(toc)
    while stack:
        anchor = stack.pop()
        anchor.typeset = {"title": inner_html[anchor.id]}
        stack.extend(anchor.children)
    return toc


def anchor_ids(html: str) -> set[str]:
    """Every ``id`` in the page: the anchors other pages' links may point to."""
    return set(_ID.findall(html))


def skip_markdown(page) -> None:
    """Have MkDocs render ``page`` (whose source is HTML) with :func:`render`."""
    page.render = types.MethodType(render, page)


def render(page, config, files) -> None:
    """What ``Page.render`` sets, from a source that is HTML already."""
    page.content = page.markdown
    page.toc = table_of_contents(page.markdown)
    page.present_anchor_ids = anchor_ids(page.markdown)
