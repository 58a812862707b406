"""Typed content model: what the validator produces and the page builders read."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

class Text(dict):
    """A multilingual Markdown text: language code -> text.

    ``stale`` names the languages whose translation may be out of date: it was not recorded
    as made from the default-language text as it is now (:mod:`portal.content.translations`).
    """

    stale: frozenset[str] = frozenset()

    @classmethod
    def of(cls, value: Mapping[str, str], stale: frozenset[str] = frozenset()) -> "Text":
        text = cls(value)
        text.stale = stale
        return text


def outdated_in(text: Mapping[str, str], lang: str) -> bool:
    """True when ``text`` in ``lang`` is a translation that may be out of date."""
    return lang in getattr(text, "stale", ())

AUDIENCES = ("calon_pmi", "pmi", "purna_pmi", "keluarga", "anak_pmi")
OTHER_COUNTRIES = "lainnya"  # the 'other countries' page, listed after the named ones


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    date: str | None
    url: str | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Contact:
    kind: str
    value: str
    sources: tuple[str, ...]
    label: Text | None = None
    note: Text | None = None
    pocket: bool = False  # in the A6 pocket guide (procedure and country contacts only)
    poster: bool = False  # on the poster (procedure and country contacts only)


@dataclass(frozen=True)
class Status:
    value: str
    as_of: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Sourced:
    """A short text with the sources that state it."""
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Eligibility:
    criteria_published: bool
    rule: Mapping[str, Any] | None = None
    decided_by: Text | None = None
    note: Text | None = None
    unchecked: tuple[Sourced, ...] = ()  # published criteria the rule does not ask: never "likely"
    registration: Sourced | None = None  # the registration window, dated: shown beside the result


@dataclass(frozen=True)
class Program:
    slug: str
    file: str
    title: Text
    summary: Text
    audience: tuple[str, ...]
    region: tuple[str, ...]
    status: Status
    description: Text
    eligibility: Eligibility
    sources: tuple[str, ...]
    last_reviewed: dt.date
    benefits: tuple[Text, ...] = ()
    steps: tuple[Text, ...] = ()
    documents: tuple[Text, ...] = ()
    where: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    warnings: tuple[Text, ...] = ()
    old_slugs: tuple[str, ...] = ()
    kind: str | None = None
    pocket: bool = False  # a short block in the A6 pocket guide
    """``placement`` for a route to work abroad: ``data/policy.yaml`` rules of that kind apply."""


@dataclass(frozen=True)
class ProcedureStep:
    title: Text
    body: Text | None = None
    documents: tuple[Text, ...] = ()
    where: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    pocket: bool = False  # in the A6 pocket guide
    poster: bool = False  # its title on the poster


@dataclass(frozen=True)
class Procedure:
    slug: str
    file: str
    title: Text
    summary: Text
    audience: tuple[str, ...]
    steps: tuple[ProcedureStep, ...]
    sources: tuple[str, ...]
    last_reviewed: dt.date
    now: tuple[Text, ...] = ()  # "what to do now": 1-5 short lines, shown first
    introduction: Text | None = None
    warnings: tuple[Text, ...] = ()
    contacts: tuple[Contact, ...] = ()
    old_slugs: tuple[str, ...] = ()
    pocket: str | None = None  # the pocket guide's section: 'sebelum-berangkat' or 'jika-ada-masalah'


@dataclass(frozen=True)
class Situation:
    """A reader's situation ('Saya bekerja di luar negeri'): a page linked from the home page, with
    what that reader needs first, the procedures for them, then the programmes of its audience."""

    slug: str
    file: str
    title: Text
    summary: Text
    audience: str  # one of AUDIENCES: whose programmes the page lists (and the home page's order)
    first: tuple[Text, ...]  # 1-5 short lines, shown first
    procedures: tuple[str, ...]
    sources: tuple[str, ...]
    last_reviewed: dt.date


@dataclass(frozen=True)
class CountryLaw:
    title: Text
    body: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Country:
    """A destination country: its help lines, what the law says, lapor diri, what our sources do not say."""

    slug: str
    file: str
    name: Text
    summary: Text
    contacts: tuple[Contact, ...]
    sources: tuple[str, ...]
    last_reviewed: dt.date
    now: tuple[Text, ...] = ()  # "what to do now": 1-5 short lines, shown first
    emergency: Text | None = None
    law: tuple[CountryLaw, ...] = ()
    lapor_diri: Text | None = None
    unknown: Text | None = None
    old_slugs: tuple[str, ...] = ()
    pocket: bool = False  # in the A6 pocket guide: its name, summary and pocket-marked contacts


@dataclass(frozen=True)
class Village:
    name: str
    sources: tuple[str, ...]
    kecamatan: str | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Organization:
    slug: str
    file: str
    name: Text
    kind: str
    region: tuple[str, ...]
    description: Text
    sources: tuple[str, ...]
    last_reviewed: dt.date
    short_name: str | None = None
    services: tuple[Text, ...] = ()
    villages: tuple[Village, ...] = ()
    contacts: tuple[Contact, ...] = ()
    old_slugs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Proposal:
    slug: str
    file: str
    title: Text
    summary: Text
    raised_by: Text
    raised_at: Text
    sources: tuple[str, ...]
    last_reviewed: dt.date
    date: str | None = None


@dataclass(frozen=True)
class WordGroup:
    """Words readers use for one thing (``data/words.yaml``), per language, and pages they belong to."""

    words: Mapping[str, tuple[str, ...]]
    pages: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchQuery:
    """A reader's query (``data/queries.yaml``) and the pages a good search shows in its top 5."""

    lang: str
    query: str
    top5: tuple[str, ...]


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    definition: Text
    aliases: tuple[str, ...] = ()
    expansion: Text | None = None
    sources: tuple[str, ...] = ()
    pocket: bool = False  # in the A6 pocket guide's glossary

    @property
    def anchor(self) -> str:
        return "".join(c if c.isalnum() else "-" for c in self.term.lower()).strip("-")


@dataclass(frozen=True)
class Option:
    value: str
    label: Text


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    text: Text
    help: Text | None = None
    options: tuple[Option, ...] = ()
    min: float | None = None
    max: float | None = None
    unit: Text | None = None
    ask_if: Mapping[str, Any] | None = None
    villages_from: str | None = None

    @property
    def for_help(self) -> bool:
        """A ``country`` question: where the reader, or their family member, works. Its options are the
        country pages; it changes no verdict but puts that country's help lines first in the results."""
        return self.type == "country"

    def option_values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)


@dataclass(frozen=True)
class Case:
    """An eligibility case (data/cases/): a reader's answers and the verdicts expected for them."""

    name: str
    answers: Mapping[str, Any]
    expect: Mapping[str, str]
    asks: tuple[str, ...] | None = None


@dataclass(frozen=True)
class PolicyRule:
    """What every program of a kind must require (``data/policy.yaml``), with its sources."""

    id: str
    applies_to: str
    require: Mapping[str, Any]
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Policy:
    """``data/policy.yaml``: readers per audience (their answers to one question), and the rules."""

    audience_question: str
    audience_answers: Mapping[str, tuple[str, ...]]
    rules: tuple[PolicyRule, ...] = ()


@dataclass(frozen=True)
class Content:
    """Everything under ``data/``, validated and cross-checked."""

    languages: tuple[str, ...]
    default_language: str
    programs: tuple[Program, ...] = ()
    procedures: tuple[Procedure, ...] = ()
    countries: tuple[Country, ...] = ()
    situations: tuple[Situation, ...] = ()
    organizations: tuple[Organization, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    sources: tuple[Source, ...] = ()
    questions: tuple[Question, ...] = ()
    cases: tuple[Case, ...] = ()
    policy: Policy | None = None
    words: tuple[WordGroup, ...] = ()
    queries: tuple[SearchQuery, ...] = ()
    source_index: Mapping[str, Source] = field(default_factory=dict)
    organization_index: Mapping[str, Organization] = field(default_factory=dict)
    text_fields: tuple["TextField", ...] = ()
    """Every text of every file, in file order: what translation records are about."""
    translation_records: Mapping[str, Mapping[str, Mapping[str, str]]] = field(default_factory=dict)
    """Per content file, its translation records as read (:mod:`portal.content.translations`)."""
    orphan_record_files: tuple[str, ...] = ()
    """Translation record files whose content file does not exist."""


@dataclass(frozen=True)
class TextField:
    """One text field of a content file, where it is written."""

    file: str
    line: int
    field: str
    text: Text
