"""Material's stylesheet without the rules no page uses (issue 21), published under a content hash.

A style rule is kept when one of its selectors matches an element of a built page, judged with
tinycss2 (CSS parser), lxml (HTML parser) and cssselect2 (selector engine) after every pseudo-class that depends on the
reader or on run time (``:hover``, ``:focus``, ``:checked``, ``:empty`` …) and every
pseudo-element is taken out of it: that can only make a selector match more. A selector that
names something our scripts add at run time (:data:`RUNTIME_NAMES`, and every Material class
named in our own JavaScript) is kept when everything else it names is on some page. The same
holds inside ``@media`` (``print`` included) and ``@supports``; ``@font-face`` and ``@keyframes``
stay when a kept rule names them, custom properties when a kept rule uses them (through any
chain of ``var()``). The trimmed file replaces the full one in every page, named by its hash.
"""
from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import cssselect2
import lxml.html
import tinycss2
from tinycss2 import ast

from portal.site.urls import ADMIN_DIR

RUNTIME_NAMES: dict[str, frozenset[str]] = {
    # What each script adds to a page after it loads, as selector names: ``.class``, ``#id``, ``tag``.
    # A script that adds elements or classes a built page lacks gets its entry here.
    "checker.js": frozenset({
        ".md-button", ".md-button--primary", "a", "button", "dd", "details", "div", "dl", "dt",
        "fieldset", "form", "h2", "h3", "h4", "input", "label", "legend", "li", "p", "script", "section",
        "span", "summary", "ul"}),
    "portal.js": frozenset({"dialog", "script"}),
    "portal-search-ui.js": frozenset({"link", "script", "li", "a", "span", "p", "mark"}),
    "listen.js": frozenset({".pmi-said", ".pmi-said--now", "button", "label", "option", "select", "span", "style"}),
    "term.js": frozenset({".pmi-term-tip", ".pmi-term-close", ".pmi-term-def", "a", "button", "span", "strong", "style"}),
    "share.js": frozenset({"textarea"}),  # a hidden one, to copy the link where the clipboard API is missing
    "sw.js": frozenset({"small"}),  # "(needs internet)" in a kept copy's links to PDFs (offline.py)
    "Pagefind UI": frozenset({
        "a", "button", "div", "form", "h3", "img", "input", "li", "mark", "ol", "p", "path",
        "span", "svg", "ul"}),
}
"""The named safelist: elements and classes that ``checker.js``, ``portal*.js``, ``share.js``,
the service worker and Pagefind's UI create. Material classes our scripts name need no entry (see
:func:`script_names`)."""

STATIC_PSEUDO_CLASSES = frozenset({
    "root", "scope", "first-child", "last-child", "only-child", "first-of-type", "last-of-type",
    "only-of-type", "link", "any-link"})
"""Pseudo-classes that depend on the built page alone; every other one is taken out before matching."""
STATIC_PSEUDO_FUNCTIONS = frozenset({
    "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "lang", "not", "is", "where",
    "matches", "has"})
DYNAMIC_ATTRIBUTES = frozenset({"open"})
"""Attributes the reader toggles (``<details>``, ``<dialog>``): selectors on them are taken out too."""


_CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
"""A class attribute as our templates, Markdown and lxml write it."""
_WORD = re.compile(r"[\w-]+")
"""What a class, id, tag or attribute name is made of; a page whose text lacks one of a selector's
names as a whole word cannot match it, and is not parsed for it (the build stays fast)."""


@dataclass
class _Selector:
    """One selector of a rule's selector list: its text, and the names it requires."""
    text: str
    static: str  # the selector with dynamic parts taken out, for matching
    names: frozenset[str]  # class, id, tag and attribute names at its top level, once made static
    classes: frozenset[str]  # the class names among them
    values: frozenset[str] = frozenset()  # attribute values it requires as whole words (``[a=v]``, ``[a~=v]``)


@dataclass
class TrimResult:
    css: str
    kept_selectors: int
    dropped_selectors: int
    unmatchable: list[str] = field(default_factory=list)  # selectors cssselect2 cannot compile: kept


# --- selectors -------------------------------------------------------------------------------------

def _split_commas(tokens: list) -> list[list]:
    parts: list[list] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _starts_compound(out: list) -> bool:
    last = out[-1] if out else None
    return last is None or last.type == "whitespace" or (last.type == "literal" and last.value in ">+~")


def _has_dynamic(tokens: list) -> bool:
    return _static_tokens(tokens) != tokens


def _static_tokens(tokens: list) -> list:
    """``tokens`` of one selector without reader- or run-time-dependent parts (a ``*`` where a
    compound would be left empty)."""
    out: list = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "literal" and token.value == ":":
            j = i + 1
            element = j < len(tokens) and tokens[j].type == "literal" and tokens[j].value == ":"
            j += element
            name = tokens[j] if j < len(tokens) else None
            keep: list | None = None
            if not element and name is not None and name.type == "ident" and name.lower_value in STATIC_PSEUDO_CLASSES:
                keep = [token, name]
            elif not element and name is not None and name.type == "function" and name.lower_name in STATIC_PSEUDO_FUNCTIONS:
                keep = _static_function(token, name)
            if keep:
                out += keep
            elif _starts_compound(out):
                out.append(ast.LiteralToken(0, 0, "*"))
            i = j + 1
        elif token.type == "[] block" and _attribute(token) in DYNAMIC_ATTRIBUTES:
            if _starts_compound(out):
                out.append(ast.LiteralToken(0, 0, "*"))
            i += 1
        else:
            out.append(token)
            i += 1
    return out


def _attribute(block) -> str | None:
    first = next((t for t in block.content if t.type != "whitespace"), None)
    return first.lower_value if first is not None and first.type == "ident" else None


def _static_function(colon, function) -> list | None:
    """A functional pseudo-class made static: ``:not()`` of anything dynamic goes (matching
    more), ``:is()``/``:where()``/``:has()`` keep the static part of each argument."""
    name = function.lower_name
    if name.startswith("nth-") or name == "lang":
        return [colon, function]
    if name == "not":
        return None if _has_dynamic(function.arguments) else [colon, function]
    args = []
    for part in _split_commas(function.arguments):
        static = _static_tokens(part)
        args.append(static if tinycss2.serialize(static).strip() else [ast.LiteralToken(0, 0, "*")])
    joined: list = []
    for k, arg in enumerate(args):
        joined += ([ast.LiteralToken(0, 0, ",")] if k else []) + arg
    return [colon, ast.FunctionBlock(0, 0, function.name, joined)]


def _names(tokens: list, classes_only: bool = False) -> frozenset[str]:
    """The classes, ids, tag and attribute names a selector requires at its top level (not inside
    functions); only names that are one word (:data:`_WORD`)."""
    names, classes = set(), set()
    for k, token in enumerate(tokens):
        prev = tokens[k - 1] if k else None
        if token.type == "hash":
            names.add(token.value)
        elif token.type == "[] block" and _attribute(token):
            names.add(_attribute(token))
        elif token.type == "ident":
            if prev is not None and prev.type == "literal" and prev.value == ".":
                names.add(token.value)
                classes.add(token.value)
            elif prev is None or prev.type == "whitespace" or (prev.type == "literal" and prev.value in ">+~"):
                names.add(token.lower_value)
    return frozenset(n for n in (classes if classes_only else names) if _WORD.fullmatch(n))


def _values(tokens: list) -> frozenset[str]:
    """The attribute values a selector requires at its top level, lower-cased: only those of ``=``
    and ``~=`` (the value is then a whole word of the attribute) that are one word
    (:data:`_WORD`). A page without such a value among its words cannot match the selector
    (as for names, a value written with character references in the HTML is not looked for)."""
    values = set()
    for token in tokens:
        if token.type == "[] block":
            parts = [t for t in token.content if t.type != "whitespace"]
            if (len(parts) >= 3 and parts[1].type == "literal" and parts[1].value in ("=", "~=")
                    and parts[2].type in ("ident", "string") and _WORD.fullmatch(parts[2].value)):
                values.add(parts[2].value.lower())
    return frozenset(values)


def _selectors(prelude: list) -> list[_Selector]:
    out = []
    for part in _split_commas(prelude):
        static = _static_tokens(part)
        out.append(_Selector(tinycss2.serialize(part).strip(), tinycss2.serialize(static).strip() or "*",
                             _names(static), _names(static, classes_only=True), _values(static)))
    return out


# --- what the site uses ------------------------------------------------------------------------------

@dataclass
class SiteUse:
    """What the built pages and our scripts use, gathered before the stylesheet is trimmed."""
    matched: set[str] = field(default_factory=set)  # static selector texts that matched an element
    words: set[str] = field(default_factory=set)  # every word of every page: names, custom properties …
    classes: set[str] = field(default_factory=set)  # every class of an element of a page (its class attribute)
    runtime: set[str] = field(default_factory=set)  # names our scripts add at run time
    properties: set[str] = field(default_factory=set)  # custom properties used outside the stylesheet
    inline_scripts: set[str] = field(default_factory=set)  # the text of the pages' inline <script>s
    parsed: int = 0  # pages parsed and matched (the others could match no selector left)


def match_pages(pages: Iterable[str], selectors: Iterable[_Selector], use: SiteUse) -> list[str]:
    """Match every static selector against the elements of ``pages``; fills ``use``. Returns the
    selectors cssselect2 cannot compile (they are kept, unjudged). A page is parsed only when some
    selector not matched yet has all its names and values among the page's words, and no page of
    the same skeleton (:func:`skeleton`) came before: a selector that could match this page's tree
    matched that page's, or was left out there because the page lacked a name its tree lacks too."""
    compiled: dict[str, tuple[frozenset[str], list]] = {}
    unmatchable = []
    for selector in selectors:
        try:
            compiled.setdefault(selector.static, (selector.names | selector.values, _compile(selector.static)))
        except cssselect2.SelectorError:
            unmatchable.append(selector.static)
    free_value = free_values(_valued_attributes(frozenset(compiled)))
    skeletons: set[str | None] = set()
    remaining = dict(compiled)
    for html in pages:
        words = set(_WORD.findall(html))
        words |= {w.lower() for w in words}
        use.words |= words
        use.classes |= {name for value in _CLASS_ATTRIBUTE.findall(html) for name in value.split()}
        use.inline_scripts.update(_inline_scripts(html))
        key = skeleton(html, free_value)
        if key is not None and key in skeletons:
            continue  # what can match here matched on the page of the same skeleton
        skeletons.add(key)
        candidates = [(text, compiled) for text, (names, compiled) in remaining.items() if names <= words]
        if not candidates:
            continue
        for text in _match_skeleton(html, key, candidates, use):
            use.matched.add(text)
            remaining.pop(text, None)
    use.properties |= {w for w in use.words if w.startswith("--")}  # style attributes, inline <style>
    return sorted(set(unmatchable))


_matched_before: dict[str, tuple[set[str], set[str]]] = {}
"""By skeleton (:func:`skeleton`): the selector texts matched against that tree so far, and those
among them that match. It outlives a build, so that a preview's rebuild parses only the pages whose
skeleton an edit changed."""


def _match_skeleton(html: str, key: str | None, candidates: list[tuple[str, list]], use: SiteUse) -> set[str]:
    """The selector texts among ``candidates`` that match an element of ``html``, whose skeleton is
    ``key``: only those not yet tried on that skeleton are matched (the page parsed, counted in ``use``)."""
    tried, found = _matched_before.get(key, (set(), set())) if key is not None else (set(), set())
    new = [(text, selector_list) for text, selector_list in candidates if text not in tried]
    if new:
        use.parsed += 1
        tried, found = tried | {text for text, _ in new}, found | _match(html, new)
        if key is not None:
            _matched_before[key] = (tried, found)
    return found & {text for text, _ in candidates}


@lru_cache(maxsize=4096)
def _compile(selector: str) -> list:
    return cssselect2.compile_selector_list(selector)


def _match(html: str, candidates: list[tuple[str, list]]) -> set[str]:
    """The selector texts among ``candidates`` that match an element of ``html``."""
    matcher = cssselect2.Matcher()
    for text, selector_list in candidates:
        for selector in selector_list:
            matcher.add_selector(selector, text)
    found = set()
    for element in cssselect2.ElementWrapper.from_html_root(lxml.html.document_fromstring(html)).iter_subtree():
        for *_, payload in matcher.match(element):
            found.add(payload)
    return found


ALWAYS_VALUED = frozenset({"class", "id", "lang", "xml:lang"})
"""Attributes whose values a selector tests without naming them in brackets (``.x``, ``#x``, ``:lang()``)."""
_TEXT = re.compile(r">[^<>]*[^\s<>][^<>]*<")
"""Text between two tags: when no attribute value holds a ``<`` or ``>`` (:data:`_BRACKET_VALUE`), a
run without them after a ``>`` is outside every tag."""
_BRACKET_VALUE = re.compile(r"""=\s*(?:"[^"]*[<>]|'[^']*[<>])""")


@lru_cache(maxsize=4)
def _valued_attributes(compiled: frozenset[str]) -> frozenset[str]:
    """Attributes whose value some selector tests (``[a=v]``, ``[a^=v]`` …), and :data:`ALWAYS_VALUED`."""
    found = set(ALWAYS_VALUED)

    def walk(tokens):
        for token in tokens:
            if token.type == "[] block":
                parts = [t for t in token.content if t.type != "whitespace"]
                if len(parts) > 1 and _attribute(token):
                    found.add(_attribute(token))
            elif token.type == "function":
                walk(token.arguments)

    for text in compiled:
        walk(tinycss2.parse_component_value_list(text))
    return frozenset(found)


def skeleton(html: str, free_value: re.Pattern) -> str | None:
    """What of a page a selector can see: the page less its text between tags (where there is some)
    and less the values of attributes no selector tests (``free_value``, see :func:`free_values`),
    so it keeps every tag and every attribute name. Two pages of one skeleton parse to trees that
    every selector matches alike, so program pages made from one template are matched once. None
    for a page that has a ``<`` or ``>`` in an attribute value kept (the cut between tags and text
    could be wrong: attribute values of ours never do), or sets its language in a ``<meta>`` (read by ``:lang()``): that page is
    parsed on its own."""
    if "content-language" in html.lower():
        return None
    if _BRACKET_VALUE.search(html):
        return None
    kept = free_value.sub("=", _TEXT.sub(">T<", html))
    return hashlib.sha256(f"{free_value.pattern}\0{kept}".encode("utf-8")).hexdigest()


def free_values(valued: frozenset[str]) -> re.Pattern:
    """``="value"`` of an attribute not in ``valued`` (with no ``<`` in the value: it hides no tag).
    A value written with spaces around ``=`` or in single quotes is not matched, so it stays in the
    skeleton: that can only tell pages apart that are alike, never the reverse."""
    return re.compile(r"""(?<=[^\s"'=<>/])=""" + "".join(rf"""(?<![\s/"'](?i:{re.escape(name)})=)"""
                                                       for name in sorted(valued)) + r'"[^"<]*"')


def _inline_scripts(html: str) -> Iterator[str]:
    """The text of each ``<script>`` without ``src`` (a plain scan: our templates write them)."""
    for chunk in html.split("<script")[1:]:
        tag, _, rest = chunk.partition(">")
        if "src=" not in tag:
            yield rest.partition("</script")[0]


def custom_properties(tokens: Iterable) -> set[str]:
    """Names of the custom properties ``var()`` reads in ``tokens``, fallbacks included."""
    found = set()
    for token in tokens:
        if token.type == "function":
            if token.lower_name == "var":
                first = next((t for t in token.arguments if t.type != "whitespace"), None)
                if first is not None and first.type == "ident":
                    found.add(first.value)
            found |= custom_properties(token.arguments)
        elif hasattr(token, "content") and isinstance(token.content, list):
            found |= custom_properties(token.content)
    return found


_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _code(script: str) -> str:
    """``script`` without its block comments, whose prose would otherwise keep rules it names."""
    return _BLOCK_COMMENT.sub(" ", script)


def script_names(scripts: Iterable[str], stylesheet_names: Iterable[str]) -> set[str]:
    """Classes and custom properties of the stylesheet that our scripts name (a class a script
    adds is used though no built page has it)."""
    words: set[str] = set()
    for text in scripts:
        words |= set(_WORD.findall(text))
    return set(stylesheet_names) & words


# --- trimming ----------------------------------------------------------------------------------------

def _walk(rules: list) -> Iterator:
    """Every style rule, also inside ``@media`` and ``@supports``."""
    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            yield from _walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))


@lru_cache(maxsize=16)
def parse(css: str) -> list:
    """The rules of ``css`` (not to be changed: a preview's rebuilds share them)."""
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


@lru_cache(maxsize=4)
def selectors_of(css: str) -> list[_Selector]:
    """Every selector of every style rule of ``css`` (not to be changed: a preview's rebuilds share them)."""
    return [s for rule in _walk(parse(css)) for s in _selectors(rule.prelude)]


def _declarations(rule) -> list:
    return [d for d in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            if d.type == "declaration"]


def _declaration_text(d) -> str:
    return f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"


def _idents(tokens: Iterable) -> set[str]:
    """Identifiers and strings in a value (font family and animation names)."""
    found = set()
    for token in tokens:
        if token.type in ("ident", "string"):
            found.add(token.value)
        elif token.type == "function":
            found |= _idents(token.arguments)
    return found


def trim(css: str, use: SiteUse, unmatchable: Iterable[str] = ()) -> TrimResult:
    """``css`` with only the rules, selectors, custom properties, fonts and animations ``use`` needs."""
    known = use.words | use.runtime
    unjudged = set(unmatchable)
    counts = {"kept": 0, "dropped": 0}

    def used(selector: _Selector) -> bool:
        if selector.static in use.matched or selector.static in unjudged:
            return True
        # a rule on what a script adds (``summary``) inside classes some element has, or a script adds:
        # a class that is only a word of a page's text ("info") keeps nothing
        return (bool(selector.names & use.runtime) and selector.names <= known
                and selector.classes <= use.classes | use.runtime)

    def style_rules(rules: list) -> list:
        """Rules as (kind, payload): kept style rules as (selectors, declarations), at-rules kept whole."""
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                selectors = _selectors(rule.prelude)
                kept = [s.text for s in selectors if used(s)]
                counts["kept"] += len(kept)
                counts["dropped"] += len(selectors) - len(kept)
                if kept:
                    out.append(("style", (kept, _declarations(rule))))
            elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
                inner = style_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                if inner:
                    out.append(("group", (tinycss2.serialize(rule.prelude).strip(), rule.at_keyword, inner)))
            elif rule.type == "at-rule":
                out.append(("at", rule))
        return out

    tree = style_rules(parse(css))

    def each_style(items):
        for kind, payload in items:
            if kind == "style":
                yield payload
            elif kind == "group":
                yield from each_style(payload[2])

    definitions: dict[str, set[str]] = {}
    roots = set(use.properties)
    for _, declarations in each_style(tree):
        for d in declarations:
            refs = custom_properties(d.value)
            if d.name.startswith("--"):
                definitions.setdefault(d.name, set()).update(refs)
            else:
                roots |= refs
    properties = _closure(roots, definitions)
    words = set()
    for _, declarations in each_style(tree):
        for d in declarations:
            if not d.name.startswith("--") or d.name in properties:
                words |= _idents(d.value)

    def serialize(items) -> str:
        parts = []
        for kind, payload in items:
            if kind == "style":
                selectors, declarations = payload
                body = ";".join(_declaration_text(d) for d in declarations
                                if not d.name.startswith("--") or d.name in properties)
                if body:
                    parts.append(",".join(selectors) + "{" + body + "}")
            elif kind == "group":
                prelude, keyword, inner = payload
                body = serialize(inner)
                if body:
                    parts.append(f"@{keyword} {prelude}{{{body}}}")
            elif _at_rule_used(payload, words):
                parts.append(tinycss2.serialize([payload]))
        return "".join(parts)

    return TrimResult(serialize(tree), counts["kept"], counts["dropped"], sorted(unjudged))


def _closure(roots: set[str], definitions: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += definitions.get(name, ())
    return seen


def _at_rule_used(rule, words: set[str]) -> bool:
    """``@font-face`` and ``@keyframes`` only when a kept declaration names them; others always."""
    if rule.lower_at_keyword == "keyframes":
        return bool(_idents(rule.prelude) & words)
    if rule.lower_at_keyword == "font-face":
        family = next((d for d in _declarations(rule) if d.lower_name == "font-family"), None)
        return family is not None and bool(_idents(family.value) & words)
    return True


# --- the site ----------------------------------------------------------------------------------------

def runtime_names() -> set[str]:
    """The safelist's names as words (``.md-button`` → ``md-button``)."""
    return {name.lstrip(".#") for names in RUNTIME_NAMES.values() for name in names}


def site_use(site_dir: Path, stylesheet: Path, selectors: list[_Selector],
             stylesheet_names: Iterable[str]) -> tuple[SiteUse, list[str]]:
    """What every page, stylesheet and script of ``site_dir`` uses of ``stylesheet``: not Pagefind's,
    nor the web editor's (its pages never load the stylesheet, and its 5 MB of code name every word)."""
    use = SiteUse(runtime=runtime_names())
    pages = sorted(site_dir.rglob("*.html"))
    unmatchable = match_pages((p.read_text(encoding="utf-8") for p in pages), selectors, use)
    scripts = [_code(p.read_text(encoding="utf-8", errors="replace")) for p in sorted(site_dir.rglob("*.js"))
               if not {"pagefind", ADMIN_DIR} & set(p.relative_to(site_dir).parts)]
    scripts += sorted(use.inline_scripts)
    for name in script_names(scripts, stylesheet_names):
        (use.properties if name.startswith("--") else use.runtime).add(name)
    for css in site_dir.rglob("*.css"):
        if css != stylesheet:
            use.properties |= custom_properties(parse(css.read_text(encoding="utf-8")))
    return use, unmatchable


def hashed_name(stylesheet: Path, css: str) -> str:
    """``main.<hash>.min.css`` for Material's ``main.<its hash>.min.css``: the hash of the trimmed text."""
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]
    stem = stylesheet.name.split(".")[0]
    return f"{stem}.{digest}.min.css"


def trim_site(site_dir: Path, pattern: str) -> TrimResult | None:
    """Trim the stylesheet ``pattern`` (a glob under ``site_dir``) and point every page to the
    trimmed copy; the full file and its source map are deleted. None when there is no stylesheet."""
    found = sorted(site_dir.glob(pattern))
    if not found:
        return None
    stylesheet = found[0]
    css = stylesheet.read_text(encoding="utf-8")
    selectors = selectors_of(css)
    stylesheet_names = {n for s in selectors for n in s.classes}
    stylesheet_names |= {d.name for rule in _walk(parse(css)) for d in _declarations(rule) if d.name.startswith("--")}
    use, unmatchable = site_use(site_dir, stylesheet, selectors, stylesheet_names)
    result = trim(css, use, unmatchable)
    name = hashed_name(stylesheet, result.css)
    (stylesheet.parent / name).write_text(result.css, encoding="utf-8")
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if stylesheet.name in text:
            _replace(page, text.replace(stylesheet.name, name))
    for old in (stylesheet, stylesheet.with_name(stylesheet.name + ".map")):
        if old.name != name:
            old.unlink(missing_ok=True)
    return result


def _replace(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in one step (Pagefind may be reading the pages meanwhile)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
