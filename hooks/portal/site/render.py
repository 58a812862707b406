"""Markdown/HTML fragments in one language, with untranslated and outdated translations marked as such."""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any, Callable, Iterable, Mapping, NamedTuple

from markupsafe import Markup

from portal.content.markup import to_html, to_inline_html
from portal.content.model import Contact, Content, GlossaryTerm, Organization, Program, Source, Text, outdated_in
from portal.content.rules import fold
from portal.site.config import Options
from portal.site.html import fragments
from portal.site.review import edit_url, is_stale, report_url
from portal.site.strings import Strings
from portal.site.urls import url


@functools.lru_cache(maxsize=8192)  # untranslated text is the same in every language: render it once
def markdown_to_html(text: str, inline: bool = False) -> str:
    """Content Markdown to HTML (:mod:`.markup`: raw HTML and images escaped, unsafe links dropped)."""
    out = (inline and to_inline_html(text) or to_html(text)).strip()
    return "\n".join(line for line in out.splitlines() if line.strip())


def esc(text: Any) -> Markup:
    """HTML-escaped text; a UI string shown in another language (:class:`.strings.Fallback`) is
    marked with its ``lang``."""
    return fragments().in_lang(text, getattr(text, "lang", None))


class HtmlStrings:
    """A language's UI strings for templates: each as escaped HTML, marked when untranslated (:func:`esc`)."""

    def __init__(self, strings: Strings):
        self.strings = strings
        self.lang, self.month_date, self.long_date = strings.lang, strings.month_date, strings.long_date

    def __call__(self, key: str, **values: Any) -> Markup:
        return esc(self.strings(key, **values))


def tel_href(number: str) -> str:
    return "tel:" + re.sub(r"(?!^\+)[^\d]", "", number.strip())


_TAG = re.compile(r"(<[^>]+>)")  # a tag in rendered HTML
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
        shown = title if title and title.lower() != text.lower() else None
        return fragments().term_link(Markup(text), f"{base}#{anchor}", shown)


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

    def new_section(self, *already_linked: str) -> str:
        """Start a section: each term may be linked again once (except the given anchors); '' (for templates)."""
        self._seen = set(already_linked)
        return ""

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

    def title(self, text: Text) -> Markup:
        """A title as escaped inline HTML (a link text, a list item), in its own language."""
        return fragments().in_lang(self.plain(text), self.lang_of(text))

    def lang_of(self, text: Text | None) -> str | None:
        """The language ``text`` is shown in when that is not the page's (for front matter)."""
        return None if text is None or self.lang in text else self.default

    def notice(self) -> Markup:
        return fragments().notice(self.ui("untranslated"), self.lang)

    def outdated(self, text: Text | None) -> bool:
        """True when ``text`` is shown in a translation that may be out of date."""
        return text is not None and self.lang != self.default and self.lang in text and outdated_in(text, self.lang)

    def outdated_notice(self) -> Markup:
        return fragments().outdated_notice(self.ui("translation_outdated"))

    def block(self, text: Text, cls: str = "pmi-text") -> Markup:
        """A block of Markdown text in a <div>, marked when untranslated or its translation may be outdated."""
        value, missing = self.pick(text)
        body = Markup(self._terms(markdown_to_html(value)))
        if missing:
            return fragments().block(body, cls, self.default, self.notice())
        if self.outdated(text):
            return fragments().block(body, cls, outdated=self.outdated_notice())
        return fragments().block(body, cls)

    def inline(self, text: Text) -> Markup:
        """Inline HTML for a list item or sentence, marked when untranslated or its translation may be outdated."""
        value, missing = self.pick(text)
        body = Markup(self._terms(markdown_to_html(value, inline=True)))
        if missing:
            return fragments().untranslated_inline(body, self.default, self.notice())
        if self.outdated(text):
            return fragments().outdated_inline(body, self.outdated_notice())
        return body

    def item_list(self, texts: Iterable[Text], tag: str = "ul", cls: str = "pmi-list") -> Markup:
        return fragments().item_list([self.inline(t) for t in texts], tag, cls)

    def checklist(self, texts: Iterable[Text]) -> Markup:
        """Tick-box list (documents to bring); boxes are decorative, for printing."""
        return fragments().item_list([self.inline(t) for t in texts], "ul", "pmi-checklist", True)

    def rule(self, rule: Mapping[str, Any]) -> Markup:
        """An eligibility rule as a nested plain-language checklist."""
        return fragments().rule(self.checklist_items(rule))

    def checklist_items(self, rule: Mapping[str, Any]) -> list[ChecklistItem]:
        """The items of a rule's checklist: a reason is one item (a group's stands for its whole
        group); an ``all`` group is flattened into its parent list only inside an ``all`` (or at
        the top), any other group is an item labelled "all of" / "any of" / "none of"."""
        def leaf(node) -> tuple[list[ChecklistItem], list[ChecklistItem]]:
            if "reason" not in node:  # a criterion inside a group that has the reason
                return [], []
            return ([ChecklistItem(self.inline(node["reason"]))],) * 2

        def group(node, key, results) -> tuple[list[ChecklistItem], list[ChecklistItem]]:
            if "reason" in node:
                return leaf(node)
            inner = [item for flat, boxed in results for item in (flat if key == "all" else boxed)]
            boxed = [ChecklistItem(self.ui(RULE_LABELS[key]), inner)]
            return (inner if key == "all" else boxed), boxed
        # each node's items as they stand inside an ``all`` (flattened) and inside another group
        return fold(rule, leaf, group)[0]

    def source(self, source: Source) -> Markup:
        date = self.t.month_date(source.date) if source.date else self.t("source_undated")
        note = self.inline(source.note) if source.note else None
        return fragments().source(source.title, source.url, source.publisher, date, note)

    def sources(self, ids: Iterable[str]) -> Markup:
        return fragments().sources([self.source(self.content.source_index[i]) for i in dict.fromkeys(ids)])

    def contact(self, contact: Contact, notes: bool = True, cited: bool = True) -> Markup:
        label = self.inline(contact.label) if contact.label else None
        note = self.inline(contact.note) if contact.note and notes else None
        href = tel_href(contact.value) if contact.kind == "phone" else None
        citation = self.citation(contact.sources) if cited else ""
        return fragments().contact(contact.kind, contact.value, href, label, note, citation)

    def citation(self, ids: Iterable[str]) -> Markup:
        """The short citation of ``ids`` ('[Alinea, Jul 2023]'), after a contact or a country's law."""
        return fragments().citation([self._cite(s) for s in ids])

    def contacts(self, contacts: Iterable[Contact], notes: bool = True, cited: bool = True) -> Markup:
        """A list of contacts; ``notes=False`` (the help page, kept small) leaves their notes to the item's page,
        ``cited=False`` (the pocket guide's help lines, dialled from paper) their sources too."""
        return fragments().contacts([self.contact(c, notes, cited) for c in contacts])

    def _cite(self, source_id: str) -> str:
        s = self.content.source_index[source_id]
        date = self.t.month_date(s.date) if s.date else self.t("source_undated")
        return f"{s.publisher}, {date}"

    def ui(self, key: str, **values: Any) -> Markup:
        """A UI string as HTML, marked when untranslated."""
        return esc(self.t(key, **values))

    esc = staticmethod(esc)

    def one_line(self, text: Text) -> Markup:
        """:meth:`inline` on one line (a list item's summary)."""
        return self.inline(text).replace("\n", " ")

    def status(self, program: Program) -> str:
        return status_text(self, program)

    def href(self, path: str, anchor: str | None = None) -> str:
        """The URL of the site path ``path`` from the page being rendered."""
        return url(self.root, path, anchor)

    def organizations(self, slugs: Iterable[str]) -> list[Organization]:
        return [self.content.organization_index[s] for s in slugs]

    def is_stale(self, date: dt.date) -> bool:
        return is_stale(date, self.today, self.options.stale_after_months)

    def report_url(self, title: str, file: str) -> str | None:
        return report_url(self.options, title, file)

    def page_links(self, file: str | None, title: str) -> list[tuple[str, str, str]]:
        """(URL, UI string, class) of "edit this page" (to the YAML in the repository) and "report
        wrong information", those the site has."""
        links = [(edit_url(self.options, file) if file else None, "footer.edit", "pmi-edit-link"),
                 (report_url(self.options, title, file or ""), "footer.report", "pmi-report-link")]
        return [(href, key, cls) for href, key, cls in links if href]


class ChecklistItem(NamedTuple):
    """One line of an eligibility checklist: a reason, or a group's label with its own items."""

    text: Markup
    items: list["ChecklistItem"] = []


RULE_LABELS = {"all": "eligibility.all_of", "any": "eligibility.any_of", "not": "eligibility.none_of"}
"""The UI string introducing each kind of group in an eligibility checklist."""


def status_text(r: Renderer, program: Program) -> str:
    """'Open', 'Ended since March 2026' …: a program's status in the page's language."""
    return r.t(f"status.{program.status.value}", date=r.t.month_date(program.status.as_of))
