"""Content Markdown: one parser (markdown-it-py, CommonMark) for the validator and every renderer.

The validator (:func:`problems`) and the HTML renderer (:func:`to_html`, used by web pages, the
checker's JSON and the PDFs) read the same token stream, so what passes validation is exactly
what is shown. The rules for text fields:

- no images (inline or reference-style): the site shows no content images;
- links only to ``https:``, ``http:``, ``mailto:``, ``tel:``, or relative links that stay
  inside the site (resolved against the page that shows the text); no ``//host``, no ``/path``;
- no headings (the page has its own); no raw HTML tags. Plain ``<`` and ``>`` ("usia > 18")
  are text, and ``<https://…>`` is a link: the parser only calls a real tag HTML;
- (control characters and bidirectional overrides are refused in every string by
  :func:`.loader.character_errors`; links that deceive a reader by :mod:`.deception`).

What the validator refuses is also never rendered: raw HTML and images come out as escaped
text, a heading as a paragraph, a link that is not allowed loses its ``href``.

A line break in a text starts a new paragraph (:func:`_line_breaks_as_paragraphs`), unlike plain
CommonMark, which joins the lines. The web editor's text box saves one Enter as one line break, and
``make fmt`` (the editor's YAML formatter) writes a long text with line breaks as a folded block
(``>``) with one blank line between its lines: what a staff member sees as paragraphs, in the
editor and in the file, is a paragraph on the page, in the PDFs and in the checker alike. Inside
a tight list item or emphasis, the break is a line break (``<br>``) instead.
"""
from __future__ import annotations

import copy
import functools

import html
import posixpath
import re
from dataclasses import dataclass
from typing import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

LINK_SCHEMES = ("https", "http", "mailto", "tel")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def _parser() -> MarkdownIt:
    # html on: the parser tells a real tag (html_inline/html_block token) from "< 18" (text)
    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True  # every link becomes a token, so the validator sees it
    rules = md.renderer.rules
    rules["html_inline"] = rules["html_block"] = lambda tokens, i, *_: html.escape(tokens[i].content)
    rules["image"] = lambda tokens, i, *_: html.escape(tokens[i].content)
    md.core.ruler.push("headings_as_paragraphs", _headings_as_paragraphs)
    md.core.ruler.push("line_breaks_as_paragraphs", _line_breaks_as_paragraphs)
    default_link_open = md.renderer.renderToken

    def link_open(tokens, i, options, env):
        token = tokens[i]
        if link_problem(str(token.attrGet("href") or ""), None) is not None:
            token.attrs.pop("href", None)
        return default_link_open(tokens, i, options, env)

    rules["link_open"] = link_open
    return md


def _headings_as_paragraphs(state) -> None:
    """A heading is rendered as a paragraph (its token keeps its type, for the validator)."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = "p"


def _line_breaks_as_paragraphs(state) -> None:
    """Split a paragraph at each line break between its lines; a break inside emphasis or a link,
    or in a paragraph not shown as one (a tight list item), becomes a ``<br>``."""
    out: list[Token] = []
    tokens = state.tokens
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not (token.type == "paragraph_open" and i + 2 < len(tokens) and tokens[i + 1].type == "inline"):
            out.append(token)
            i += 1
            continue
        opening, inline, closing = tokens[i:i + 3]
        pieces: list[list[Token]] = [[]]
        depth = 0
        for child in inline.children or []:
            depth += child.nesting
            if child.type == "softbreak" and depth == 0 and not opening.hidden:
                pieces.append([])
                continue
            if child.type == "softbreak":
                child.type, child.tag = "hardbreak", "br"
            pieces[-1].append(child)
        for piece in pieces:
            part = copy.copy(inline)
            part.children = piece
            part.content = "".join(c.content for c in piece)
            out += [copy.copy(opening), part, copy.copy(closing)]
        i += 3
    state.tokens = out


_MD = _parser()


@dataclass(frozen=True)
class Problem:
    code: str
    message_id: str
    message_en: str


def _walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


@functools.lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[Token, ...]:
    """Every token of ``text``, nested ones included (parsed once for both checks; read only)."""
    return tuple(_walk(_MD.parse(text)))


def problems(text: str, page: str) -> list[Problem]:
    """What is not allowed in ``text``, a text field shown on the page at ``page`` ('program/x/')."""
    out: list[Problem] = []
    for token in _tokens(text):
        if token.type == "image":
            out.append(Problem("E-IMAGE", f"gambar tidak boleh di dalam teks ('{_short(token.attrGet('src'))}'); "
                               "situs tidak menampilkan gambar isi. Hapus ![…](…) atau tulis tautan biasa [teks](alamat)",
                               f"images are not allowed in text ('{_short(token.attrGet('src'))}'); the site shows "
                               "no content images. Remove ![…](…) or write a plain link [text](address)"))
        elif token.type == "link_open":
            problem = link_problem(str(token.attrGet("href") or ""), page)
            if problem:
                out.append(problem)
        elif token.type in ("html_inline", "html_block"):
            name = HTML_TAG.match(token.content.strip())
            tag = f"<{name.group(1).lower()}>" if name else _short(token.content.strip())  # <b> and </b>: one error
            use_id, use_en = MARKDOWN_FOR.get(name.group(1).lower() if name else "", ("**tebal**", "**bold**"))
            out.append(Problem("E-HTML", f"HTML mentah tidak boleh; pakai Markdown: tulis {use_id} ('{tag}'). "
                               "Tanda < dan > biasa boleh, mis. 'usia > 18'",
                               f"raw HTML is not allowed; use Markdown: write {use_en} ('{tag}'). "
                               "Plain < and > are fine, e.g. 'age > 18'"))
        elif token.type == "heading_open":
            out.append(Problem("E-HEADING", "judul (# atau garis --- / === di bawah teks) tidak boleh di dalam "
                               "teks; halaman sudah punya judul. Pakai **tebal** untuk penekanan",
                               "headings (# or a --- / === line under text) are not allowed in a text; the page "
                               "has its own. Use **bold** for emphasis"))
    return out


HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
MARKDOWN_FOR = {
    "b": ("**tebal**", "**bold**"), "strong": ("**tebal**", "**bold**"),
    "i": ("*miring*", "*italic*"), "em": ("*miring*", "*italic*"),
    "br": ("baris kosong di antara paragraf", "an empty line between paragraphs"),
    "a": ("[teks](https://…)", "[text](https://…)"),
}
"""The Markdown to write instead of an HTML tag staff know from elsewhere."""


def link_problem(href: str, page: str | None) -> Problem | None:
    """Why ``href`` may not be a link on the page at ``page``, or None when it may (with ``page``
    None, a relative link is not resolved: the renderer does not know the page, the validator does)."""
    allowed_id = "hanya https://, http://, mailto:, tel: atau tautan relatif ke halaman situs ini"
    allowed_en = "only https://, http://, mailto:, tel: or relative links to a page of this site"
    scheme = _SCHEME.match(href)
    if scheme:
        name = scheme.group(1).lower()
        if name in LINK_SCHEMES and (name not in ("http", "https") or href[scheme.end():].startswith("//")):
            return None
        return Problem("E-LINK", f"tautan '{_short(href)}' tidak boleh; {allowed_id}",
                       f"link '{_short(href)}' is not allowed; {allowed_en}")
    if href.startswith(("//", "\\", "/\\")):
        return Problem("E-LINK", f"tautan '{_short(href)}' tidak boleh (alamat tanpa https:); tulis https://…",
                       f"link '{_short(href)}' is not allowed (an address without https:); write https://…")
    if href.startswith("/"):
        return Problem("E-LINK", f"tautan '{_short(href)}' diawali '/'; tulis relatif ke halaman ini, "
                       "mis. ../../prosedur/nama/",
                       f"link '{_short(href)}' starts with '/'; write it relative to this page, "
                       "e.g. ../../procedure-name/")
    if page is not None and resolve(href, page) is None:
        return Problem("E-LINK", f"tautan '{_short(href)}' mengarah ke luar situs ini",
                       f"link '{_short(href)}' points outside this site")
    return None


def resolve(href: str, page: str) -> str | None:
    """The site path a relative ``href`` on the page at ``page`` leads to ('' is the home page),
    or None when it leaves the site."""
    path = re.split(r"[?#]", href, maxsplit=1)[0]
    if not path:
        return page
    joined = posixpath.normpath(posixpath.join(page, path))
    if joined == ".." or joined.startswith("../"):
        return None
    return "" if joined == "." else joined + ("/" if path.endswith("/") else "")


def internal_links(text: str, page: str) -> Iterator[tuple[str, str]]:
    """(site path, #fragment or '') of the relative links in ``text`` (shown on ``page``) that stay
    in the site."""
    for token in _tokens(text):
        href = str(token.attrGet("href") or "") if token.type == "link_open" else ""
        if href and not _SCHEME.match(href) and not href.startswith("/") and not href.startswith("#"):
            target = resolve(href, page)
            if target is not None:
                yield target, href.partition("#")[2]


def links(text: str) -> Iterator[tuple[str, str]]:
    """(text shown, target) of every link in ``text``; an autolink's text is its address."""
    label: list[str] | None = None
    for token in _tokens(text):
        if token.type == "link_open":
            label, href = [], str(token.attrGet("href") or "")
        elif token.type == "link_close" and label is not None:
            yield "".join(label), href
            label = None
        elif label is not None:
            label.append(" " if token.type in ("softbreak", "hardbreak") else token.content)


def visible_text(text: str) -> str:
    """The words a reader sees of ``text`` (a link's text, not its address; no markup)."""
    return "".join(" " if t.type in ("softbreak", "hardbreak", "paragraph_close") else t.content
                   for t in _tokens(text)
                   if t.type in ("text", "code_inline", "softbreak", "hardbreak", "paragraph_close")).strip()


_LIST_MARKER = re.compile(r"([-*+]|\d{1,9}[.)])(\s|$)")


def swallowed_lines(text: str) -> list[str]:
    """Lines of ``text`` that continue a list item though they are not indented under it: a
    paragraph written right after a list, without an empty line, joins the list's last item."""
    lines = text.split("\n")
    out: list[str] = []
    for token in _MD.parse(text):
        if token.type != "list_item_open" or not token.map:
            continue
        start, end = token.map
        indent = len(lines[start]) - len(lines[start].lstrip())
        for line in lines[start + 1:end]:
            if line.strip() and len(line) - len(line.lstrip()) <= indent and not _LIST_MARKER.match(line.lstrip()):
                out.append(line.strip())
    return list(dict.fromkeys(out))


def to_html(text: str) -> str:
    """Content Markdown to HTML (raw HTML and images escaped, a link not allowed loses its href)."""
    return _MD.render(text)


def to_inline_html(text: str) -> str | None:
    """The inline HTML of ``text`` when it is a single paragraph (no block around it), else None."""
    tokens = _MD.parse(text)
    if len(tokens) == 3 and tokens[0].tag == "p" and tokens[1].type == "inline":
        return _MD.renderer.renderInline(tokens[1].children or [], _MD.options, {})
    return None


def _short(value: object, limit: int = 60) -> str:
    text = str(value or "")
    return text if len(text) <= limit else text[:limit - 1] + "…"
