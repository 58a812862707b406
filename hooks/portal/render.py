"""Markdown/HTML fragments in one language, with untranslated text marked as such."""
from __future__ import annotations

import datetime as dt
import functools
import html
import re
from typing import Any, Iterable, Mapping

import markdown

from .model import Contact, Content, Source, Text
from .site import Options
from .strings import Strings

_SAFE_HREF = re.compile(r'href="(?!https?://|mailto:|tel:|#|\.{0,2}/|[a-z0-9-]+/?(?:#[^"]*)?")[^"]*"', re.I)


_MARKDOWN = markdown.Markdown(extensions=["sane_lists"], output_format="html")


@functools.lru_cache(maxsize=8192)  # untranslated text is the same in every language: render it once
def markdown_to_html(text: str, inline: bool = False) -> str:
    """Content Markdown to HTML; raw HTML is escaped, unsafe link targets dropped."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    out = _MARKDOWN.reset().convert(escaped)  # one parser, reused: building one costs more than converting
    out = _SAFE_HREF.sub('href="#"', out)
    if inline and out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return "\n".join(line for line in out.splitlines() if line.strip())


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def tel_href(number: str) -> str:
    return "tel:" + re.sub(r"(?!^\+)[^\d]", "", number.strip())


class Renderer:
    """Renders content values for one page language."""

    def __init__(self, lang: str, content: Content, strings: Strings, options: Options | None = None,
                 today: dt.date | None = None):
        self.lang, self.content, self.t = lang, content, strings
        self.default = content.default_language
        self.options, self.today = options or Options(), today or dt.date.today()

    def pick(self, text: Text) -> tuple[str, bool]:
        """The text in this language, or the default's and True when untranslated."""
        if self.lang in text:
            return text[self.lang], False
        return text[self.default], True

    def plain(self, text: Text) -> str:
        """Plain text (for titles and meta), no Markdown."""
        value, _ = self.pick(text)
        return re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", value).strip()

    def notice(self) -> str:
        return f'<span class="pmi-untranslated__notice" lang="{self.lang}">{esc(self.t("untranslated"))}</span>'

    def block(self, text: Text, cls: str = "pmi-text") -> str:
        """A block of Markdown text in a <div>, marked when untranslated."""
        value, missing = self.pick(text)
        body = markdown_to_html(value)
        if missing:
            return (f'<div class="{cls} pmi-untranslated" lang="{self.default}">\n'
                    f'<p>{self.notice()}</p>\n{body}\n</div>')
        return f'<div class="{cls}">\n{body}\n</div>'

    def inline(self, text: Text) -> str:
        """Inline HTML for a list item or sentence, marked when untranslated."""
        value, missing = self.pick(text)
        body = markdown_to_html(value, inline=True)
        if missing:
            return f'{self.notice()} <span class="pmi-untranslated" lang="{self.default}">{body}</span>'
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
