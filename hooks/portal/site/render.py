"""Markdown/HTML fragments in one language, with untranslated and outdated translations marked as such."""
from __future__ import annotations

import datetime as dt
import functools
import html
import re
from typing import Any, Callable, Iterable, Mapping

from portal.content.markup import to_html
from portal.content.model import Contact, Content, GlossaryTerm, Program, Source, Text, is_stale
from portal.site.config import Options
from portal.site.strings import Fallback, Strings


@functools.lru_cache(maxsize=8192)  # untranslated text is the same in every language: render it once
def markdown_to_html(text: str, inline: bool = False) -> str:
    """Content Markdown to HTML (:mod:`.markup`: raw HTML and images escaped, unsafe links dropped)."""
    out = to_html(text).strip()
    if inline and out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return "\n".join(line for line in out.splitlines() if line.strip())


def esc(text: Any) -> str:
    """HTML-escaped text; a UI string shown in another language is wrapped in its ``lang``."""
    if isinstance(text, Fallback):
        return f'<span lang="{text.lang}">{html.escape(str(text), quote=True)}</span>'
    return html.escape(str(text), quote=True)


def tel_href(number: str) -> str:
    return "tel:" + re.sub(r"(?!^\+)[^\d]", "", number.strip())


_TAG = re.compile(r"(<[^>]+>)")
_NO_LINK_TAGS = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}


class TermLinker:
    """Links glossary terms (and their aliases) in rendered HTML to their glossary entries.

    Only text outside links, headings and code is touched; each term is linked at its
    first use in a section, longest name first, whole words only. The first letter may be
    upper or lower case ("Calo", "calo"); the rest must match exactly.
    """

    def __init__(self, glossary: Iterable[GlossaryTerm], title: "Callable[[GlossaryTerm], str]"):
        self.entries: dict[str, tuple[str, str]] = {}  # lower-cased name -> (anchor, title)
        names = []
        for term in glossary:
            for name in (term.term, *term.aliases):
                self.entries.setdefault(name[0].lower() + name[1:], (term.anchor, title(term)))
                names.append(name)
        names.sort(key=len, reverse=True)
        alternatives = "|".join((f"[{re.escape(n[0].upper())}{re.escape(n[0].lower())}]" if n[0].isalpha()
                                 else re.escape(n[0])) + re.escape(n[1:]) for n in names)
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if names else None

    def link(self, html_text: str, base: str, seen: set[str]) -> str:
        """``html_text`` with first uses linked to ``base#anchor``; updates ``seen`` (anchors)."""
        if self.pattern is None:
            return html_text
        out, skip = [], 0
        for part in _TAG.split(html_text):
            if part.startswith("<"):
                name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
                if name and name.group(1).lower() in _NO_LINK_TAGS and not part.endswith("/>"):
                    skip += -1 if part.startswith("</") else 1
                out.append(part)
            elif skip > 0 or not part:
                out.append(part)
            else:
                out.append(self.pattern.sub(lambda m: self._anchor(m.group(0), base, seen), part))
        return "".join(out)

    def _anchor(self, text: str, base: str, seen: set[str]) -> str:
        anchor, title = self.entries[text[0].lower() + text[1:]]
        if anchor in seen:
            return text
        seen.add(anchor)
        inner = f'<abbr title="{esc(title)}">{text}</abbr>' if title and title.lower() != text.lower() else text
        return f'<a class="pmi-term" href="{esc(base)}#{anchor}">{inner}</a>'


class Renderer:
    """Renders content values for one page language."""

    def __init__(self, lang: str, content: Content, strings: Strings, options: Options | None = None,
                 today: dt.date | None = None):
        self.lang, self.content, self.t = lang, content, strings
        self.default = content.default_language
        self.options, self.today = options or Options(), today or dt.date.today()
        self.terms = TermLinker(content.glossary,
                                lambda g: self.plain(g.expansion) if g.expansion else "")
        self.root = ""  # the site root, relative to the page being rendered
        self._glossary_url: str | None = None  # glossary links are off until begin_page()
        self._seen: set[str] = set()

    def begin_page(self, root: str, glossary: str) -> None:
        """Start a page ``root`` ('../../') below the site root whose texts link glossary terms
        to ``root + glossary``."""
        self.root, self._glossary_url, self._seen = root, root + glossary, set()

    def new_section(self, *already_linked: str) -> None:
        """Start a section: each term may be linked again once (except the given anchors)."""
        self._seen = set(already_linked)

    def _terms(self, html_text: str) -> str:
        if self._glossary_url is None:
            return html_text
        return self.terms.link(html_text, self._glossary_url, self._seen)

    def pick(self, text: Text) -> tuple[str, bool]:
        """The text in this language, or the default's and True when untranslated."""
        if self.lang in text:
            return text[self.lang], False
        return text[self.default], True

    def plain(self, text: Text) -> str:
        """Plain text (for titles and meta), no Markdown."""
        value, _ = self.pick(text)
        return re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", value).strip()

    def title(self, text: Text) -> str:
        """A title as escaped inline HTML (a link text, a list item), in its own language."""
        plain = esc(self.plain(text))
        return f'<span lang="{self.default}">{plain}</span>' if self.lang_of(text) else plain

    def lang_of(self, text: Text | None) -> str | None:
        """The language ``text`` is shown in when that is not the page's (for front matter)."""
        return None if text is None or self.lang in text else self.default

    def notice(self) -> str:
        return f'<span class="pmi-untranslated__notice" lang="{self.lang}">{esc(self.t("untranslated"))}</span>'

    def outdated(self, text: Text | None) -> bool:
        """True when ``text`` is shown in a translation that may be out of date."""
        return text is not None and self.lang in text and self.lang != self.default and is_stale(text, self.lang)

    def outdated_notice(self) -> str:
        return f'<span class="pmi-outdated__notice">{esc(self.t("translation_outdated"))}</span>'

    def block(self, text: Text, cls: str = "pmi-text") -> str:
        """A block of Markdown text in a <div>, marked when untranslated or its translation may be outdated."""
        value, missing = self.pick(text)
        body = self._terms(markdown_to_html(value))
        if missing:
            return (f'<div class="{cls} pmi-untranslated" lang="{self.default}">\n'
                    f'<p>{self.notice()}</p>\n{body}\n</div>')
        if self.outdated(text):
            return f'<div class="{cls} pmi-outdated">\n<p>{self.outdated_notice()}</p>\n{body}\n</div>'
        return f'<div class="{cls}">\n{body}\n</div>'

    def inline(self, text: Text) -> str:
        """Inline HTML for a list item or sentence, marked when untranslated or its translation may be outdated."""
        value, missing = self.pick(text)
        body = self._terms(markdown_to_html(value, inline=True))
        if missing:
            return f'{self.notice()} <span class="pmi-untranslated" lang="{self.default}">{body}</span>'
        if self.outdated(text):
            return f'{self.outdated_notice()} <span class="pmi-outdated">{body}</span>'
        return body

    def item_list(self, texts: Iterable[Text], tag: str = "ul", cls: str = "pmi-list") -> str:
        items = "\n".join(f"<li>{self.inline(t)}</li>" for t in texts)
        return f'<{tag} class="{cls}">\n{items}\n</{tag}>'

    def checklist(self, texts: Iterable[Text]) -> str:
        """Tick-box list (documents to bring); boxes are decorative, for printing."""
        items = "\n".join(f'<li><span class="pmi-box" aria-hidden="true"></span> {self.inline(t)}</li>'
                          for t in texts)
        return f'<ul class="pmi-checklist">\n{items}\n</ul>'

    def rule(self, rule: Mapping[str, Any]) -> str:
        """An eligibility rule as a nested plain-language checklist."""
        return f'<ul class="pmi-checklist pmi-rule">\n{self._rule_items(rule)}\n</ul>'

    def _rule_items(self, rule: Mapping[str, Any], flatten_all: bool = True) -> str:
        """List items; an ``all`` group is flattened into its parent list only inside an ``all``."""
        box = '<span class="pmi-box" aria-hidden="true"></span> '
        if "reason" in rule:
            return f"<li>{box}{self.inline(rule['reason'])}</li>"
        if "all" in rule and flatten_all:
            return "\n".join(self._rule_items(child) for child in rule["all"])
        key = next(k for k in ("all", "any", "not") if k in rule)
        label = self.t({"all": "eligibility.all_of", "any": "eligibility.any_of",
                        "not": "eligibility.none_of"}[key])
        children = [rule["not"]] if key == "not" else rule[key]
        inner = "\n".join(self._rule_items(child, key == "all") for child in children)
        return f'<li>{box}{esc(label)}\n<ul class="pmi-checklist">\n{inner}\n</ul></li>'

    def source(self, source: Source) -> str:
        date = self.t.month_date(source.date) if source.date else self.t("source_undated")
        title = esc(source.title)
        if source.url:
            title = f'<a href="{esc(source.url)}" rel="nofollow noopener">{title}</a>'
        note = f" {self.inline(source.note)}" if source.note else ""
        return f"<li>{title}. {esc(source.publisher)}, {esc(date)}.{note}</li>"

    def sources(self, ids: Iterable[str]) -> str:
        items = "\n".join(self.source(self.content.source_index[i]) for i in dict.fromkeys(ids))
        return f'<ol class="pmi-sources">\n{items}\n</ol>'

    def contact(self, contact: Contact) -> str:
        value = esc(contact.value)
        if contact.kind == "phone":
            value = f'<a href="{esc(tel_href(contact.value))}">{value}</a>'
        elif contact.kind == "email":
            value = f'<a href="mailto:{esc(contact.value)}">{value}</a>'
        elif contact.kind == "web":
            value = f'<a href="{esc(contact.value)}" rel="nofollow noopener">{value}</a>'
        label = f"{self.inline(contact.label)}: " if contact.label else ""
        note = f" ({self.inline(contact.note)})" if contact.note else ""
        cited = ", ".join(self._cite(s) for s in contact.sources)
        return f'<li class="pmi-contact pmi-contact--{contact.kind}">{label}{value}{note} <small>[{cited}]</small></li>'

    def contacts(self, contacts: Iterable[Contact]) -> str:
        return '<ul class="pmi-contacts">\n' + "\n".join(self.contact(c) for c in contacts) + "\n</ul>"

    def _cite(self, source_id: str) -> str:
        s = self.content.source_index[source_id]
        date = self.t.month_date(s.date) if s.date else self.t("source_undated")
        return f"{esc(s.publisher)}, {esc(date)}"


def status_text(r: Renderer, program: Program) -> str:
    """'Open', 'Ended since March 2026' …: a program's status in the page's language."""
    return r.t(f"status.{program.status.value}", date=r.t.month_date(program.status.as_of))
