"""Load everything under ``data/`` into a validated :class:`Content`, or fail with all errors."""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from portal.content import cases as case_rules
from portal.content import deception
from portal.content import markup
from portal.content import policy
from portal.content import policy_rules
from portal.content import rules
from portal.content import reasons
from portal.content import schema
from portal.content import translations
from portal.content import words
from portal.content.errors import ContentError, ContentInvalid
from portal.content.loader import Document, LoadFailed, character_errors, dotted, load_file, strings
from portal.content.model import (OTHER_COUNTRIES, Case, Contact, Content, Country, CountryLaw, Eligibility,
                                  GlossaryTerm, Option, Organization, Policy, PolicyRule, Procedure, ProcedureStep,
                                  Program, Proposal, Question, Situation, Source, Sourced, Status, Text, TextField, Village)

COLLECTIONS = {"programs": "program", "procedures": "procedure", "countries": "country", "situations": "situation",
               "organizations": "organization", "proposals": "proposal",
               "sources": "source", "glossary": "glossary_term", case_rules.CASES_DIR: "case"}
"""Folders of ``data/`` holding one item per file, ``<slug>.yaml``, and the kind of each."""
SINGLE_FILES = {"questions": "questions", "policy": "policy", "words": "words", "queries": "queries"}
MOVED = {"sources": "sources/<id>.yaml", "glossary": "glossary/<istilah-term>.yaml"}
"""Files of ``data/`` that became folders of one file per item: where their items live now."""
NOW_LINE_MAX = 160
"""A "what to do now" line, as the reader sees it: two lines on a 360 px phone, read at a glance."""
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WEB_URL = re.compile(r"^https?://[^\s<>\"']+$", re.I)
EMAIL = re.compile(r"^[^@\s:/<>\"']+@[^@\s:/<>\"']+\.[^@\s:/<>\"']+$")
PAGES = {"program": "program/{slug}/", "procedure": "prosedur/{slug}/", "country": "negara/{slug}/",
         "situation": "situasi/{slug}/",
         "organization": "organisasi/{slug}/", "proposal": "usulan/", "glossary_term": "glosarium/", "questions": "cek/",
         "source": "program/sumber/", "case": "cek/", "policy": "cek/", "words": "az/", "queries": "az/"}
"""The page (site path) that shows a kind's texts: relative links in them are resolved against it
(sources are cited on program, procedure, country and organisation pages, all two folders deep)."""


ID_HOMES = {"source": "`data/sources/`", "organisation": "`data/organizations/`", "procedure": "`data/procedures/`"}
"""Where a new id is added before anything can refer to it."""
POCKET_HINTS = {
    "procedure": ("prosedurnya tidak punya 'pocket' "
                  "(tulis 'pocket: sebelum-berangkat' atau 'pocket: jika-ada-masalah' di prosedur)",
                  "its procedure has no 'pocket' "
                  "(write 'pocket: sebelum-berangkat' or 'pocket: jika-ada-masalah' on the procedure)"),
}
"""Why a ``pocket: true`` mark is refused, per kind of item that holds it."""


class _Checker:
    """Builds model objects from one document, reporting every problem it sees."""

    def __init__(self, doc: Document, languages: tuple[str, ...], errors: list[ContentError], page: str = "",
                 records: translations.Records | None = None):
        self.doc, self.languages, self.errors = doc, languages, errors
        self.records = records or {}  # which source text each translation was made from
        self.texts_read: list[tuple[tuple, str]] = []  # (path, text) of every text field, for the policy checks
        self.fields: list[tuple[tuple, Text]] = []  # (path, text) of every text field, for translation records
        self.page = page  # where the texts are shown, e.g. 'program/melati/'
        self.links: list[tuple[tuple, str, str]] = []  # (path, site path, fragment) of every relative link

    def report(self, path: tuple, code: str, msg_id: str, msg_en: str, line: int | None = None) -> None:
        self.errors.append(ContentError(self.doc.file, line or self.doc.line(path), dotted(path), code, msg_id, msg_en))

    def report_problems(self, path: tuple, problems: list[markup.Problem]) -> None:
        for problem in problems:
            self.report(path, problem.code, problem.message_id, problem.message_en)

    def get(self, path: tuple) -> Any:
        """The value at ``path``, or None when an optional field is absent."""
        value = self.doc.data
        for part in path:
            if isinstance(value, dict) and part not in value:
                return None
            value = value[part]
        return value

    def text(self, path: tuple, value: Any = None) -> Text | None:
        value = self.get(path) if value is None else value
        if value is None:
            return None
        default = self.languages[0]
        if default not in value:
            self.report(path, "E-MISSING-LANG", f"teks bahasa '{default}' wajib diisi",
                        f"the '{default}' text is required")
        for lang, text in value.items():
            self.texts_read.append((path + (lang,), text))
            if lang not in self.languages:
                hint_id, hint_en = schema.did_you_mean(lang, self.languages)
                self.report(path + (lang,), "E-LANG", f"bahasa '{lang}' tidak dipakai situs ini{hint_id}",
                            f"language '{lang}' is not configured for this site{hint_en}")
            self.report_problems(path + (lang,), [*markup.problems(text, self.page), *deception.problems(text)])
            self.links += [(path + (lang,), *link) for link in markup.internal_links(text, self.page)]
        text = Text.of(value, translations.stale_languages(value, dotted(path), self.records, default))
        self.fields.append((path, text))
        return text

    def texts(self, path: tuple) -> tuple[Text, ...]:
        return tuple(self.text(path + (i,)) for i in range(len(self.get(path) or ())))

    def now_box(self, key: str = "now") -> tuple[Text, ...]:
        """The "what to do now" lines (a situation's ``first``); each at most :data:`NOW_LINE_MAX`
        characters as the reader sees it."""
        lines = self.texts((key,))
        for i, line in enumerate(lines):
            for lang, text in line.items():
                if len(visible := markup.visible_text(text)) > NOW_LINE_MAX:
                    self.report((key, i, lang), "E-NOW-LONG",
                                f"baris 'yang harus dilakukan sekarang' paling banyak {NOW_LINE_MAX} huruf; ini "
                                f"{len(visible)}. Persingkat, dan taruh rinciannya di langkah atau isi halaman",
                                f"a 'what to do now' line has at most {NOW_LINE_MAX} characters; this one has "
                                f"{len(visible)}. Shorten it, and put the details in the steps or the page's body")
        return lines

    def opt_text(self, mapping: dict, path: tuple, key: str):
        return self.text(path + (key,)) if key in mapping else None

    def pocket_mark(self, path: tuple, section: str | None, owner: str = "procedure") -> None:
        """A step or contact marked ``pocket: true`` needs its procedure (``owner``) in the pocket guide."""
        if section is None:
            why_id, why_en = POCKET_HINTS[owner]
            self.report(path, "E-MARK", f"ditandai 'pocket: true', tetapi {why_id}",
                        f"marked 'pocket: true', but {why_en}")

    def date(self, path: tuple, today: dt.date) -> dt.date:
        raw = self.get(path)
        try:
            value = dt.date.fromisoformat(raw)
        except ValueError:
            self.report(path, "E-DATE", f"tanggal '{raw}' tidak ada di kalender",
                        f"date '{raw}' does not exist")
            return today
        if value > today:
            self.report(path, "E-FUTURE", f"tanggal '{raw}' ada di masa depan",
                        f"date '{raw}' is in the future")
        return value

    def partial_date(self, path: tuple, today: dt.date) -> str | None:
        raw = self.get(path)
        if raw is None:
            return None
        full = raw + "-01" * (2 - raw.count("-"))
        try:
            if dt.date.fromisoformat(full) > today:
                self.report(path, "E-FUTURE", f"tanggal '{raw}' ada di masa depan",
                            f"date '{raw}' is in the future")
        except ValueError:
            self.report(path, "E-DATE", f"tanggal '{raw}' tidak ada di kalender",
                        f"date '{raw}' does not exist")
        return raw

    def contacts(self, path: tuple, pocket_section: str | None = None,
                 printable: str | None = None) -> tuple[Contact, ...]:
        """The contacts at ``path``; the print marks ``pocket``/``poster`` only on the contacts of a
        procedure or country (``printable``: which), ``pocket`` only when that item is in the pocket
        guide (``pocket_section``)."""
        out = []
        for i, c in enumerate(self.get(path) or ()):
            p = path + (i,)
            if c["kind"] == "web" and not WEB_URL.match(c["value"]):
                self.report(p + ("value",), "E-LINK", f"alamat web '{c['value']}' harus diawali http:// atau https://",
                            f"web address '{c['value']}' must start with http:// or https://")
            if c["kind"] == "email" and not EMAIL.match(c["value"]):
                self.report(p + ("value",), "E-EMAIL", f"'{c['value']}' bukan alamat email; tulis mis. nama@contoh.go.id",
                            f"'{c['value']}' is not an email address; write e.g. name@example.go.id")
            if c["kind"] in ("web", "email"):
                href = ("mailto:" if c["kind"] == "email" else "") + c["value"]
                self.report_problems(p + ("value",), deception.link_problems(c["value"], href))
            for mark in ("pocket", "poster"):
                if c.get(mark) and not printable:
                    self.report(p + (mark,), "E-MARK",
                                f"'{mark}' hanya untuk kontak prosedur atau negara (data/procedures/, data/countries/)",
                                f"'{mark}' is only for the contacts of a procedure or country "
                                "(data/procedures/, data/countries/)")
            if c.get("pocket") and printable:
                self.pocket_mark(p + ("pocket",), pocket_section, printable)
            out.append(Contact(kind=c["kind"], value=c["value"], sources=tuple(c["sources"]),
                               label=self.opt_text(c, p, "label"), note=self.opt_text(c, p, "note"),
                               pocket=bool(c.get("pocket")), poster=bool(c.get("poster"))))
        return tuple(out)


UNCHECKED_HINTS = {
    True: ("syarat diumumkan: tulis di 'unchecked' setiap syarat dari sumber yang tidak ditanyakan 'rule' "
           "(teks dan sumbernya), atau 'unchecked: []' jika 'rule' menanyakan semua syarat yang diumumkan",
           "criteria published: list in 'unchecked' every criterion the sources publish that 'rule' does not ask "
           "(its text and sources), or write 'unchecked: []' if 'rule' asks every published criterion"),
    False: ("'unchecked' berisi syarat hanya untuk program dengan syarat diumumkan (criteria_published: true)",
            "'unchecked' lists criteria only for programmes whose criteria are published (criteria_published: true)"),
}
"""E-UNCHECKED: a programme with published criteria says which of them its rule does not ask."""


def _program(ck: _Checker, slug: str, today: dt.date) -> Program:
    d = ck.doc.data
    el = d["eligibility"]
    if el["criteria_published"] and "rule" not in el:
        ck.report(("eligibility", "rule"), "E-MISSING", "syarat diumumkan: kolom 'rule' wajib",
                  "criteria published: field 'rule' is required")
    if not el["criteria_published"] and "decided_by" not in el:
        ck.report(("eligibility", "decided_by"), "E-MISSING",
                  "syarat tidak diumumkan: tulis siapa yang memutuskan di 'decided_by'",
                  "criteria not published: say who decides in 'decided_by'")
    said = bool(el.get("unchecked")) or (el["criteria_published"] and "unchecked" in el)  # [] says nothing unpublished
    if el["criteria_published"] != said:
        ck.report(("eligibility", "unchecked"), "E-UNCHECKED", *UNCHECKED_HINTS[el["criteria_published"]])
    for leaf_path, leaf in rules.nodes(el.get("rule"), ("eligibility", "rule")):
        if "reason" in leaf:
            ck.text(leaf_path + ("reason",))
    status = d["status"]
    if status["as_of"] is None:
        ck.report(("status", "as_of"), "E-MISSING",
                  "tulis tanggal sumber terbaru yang menyatakan status ini (YYYY, YYYY-MM atau YYYY-MM-DD), "
                  "agar pembaca tahu seberapa baru informasinya",
                  "write the date of the latest source that states this status (YYYY, YYYY-MM or YYYY-MM-DD), "
                  "so readers know how recent it is")
    return Program(
        slug=slug, file=ck.doc.file, title=ck.text(("title",)), summary=ck.text(("summary",)),
        audience=tuple(d["audience"]), region=tuple(d["region"]),
        status=Status(status["value"], ck.partial_date(("status", "as_of"), today), tuple(status["sources"])),
        description=ck.text(("description",)),
        eligibility=Eligibility(el["criteria_published"], el.get("rule"),
                                ck.opt_text(el, ("eligibility",), "decided_by"),
                                ck.opt_text(el, ("eligibility",), "note"),
                                tuple(Sourced(ck.text(("eligibility", "unchecked", i, "text")), tuple(u["sources"]))
                                      for i, u in enumerate(el.get("unchecked", ()))),
                                Sourced(ck.text(("eligibility", "registration", "text")),
                                        tuple(el["registration"]["sources"])) if "registration" in el else None),
        sources=tuple(d["sources"]), last_reviewed=ck.date(("last_reviewed",), today),
        benefits=ck.texts(("benefits",)), steps=ck.texts(("steps",)),
        documents=ck.texts(("documents",)), where=tuple(d.get("where", ())),
        contacts=ck.contacts(("contacts",)), warnings=ck.texts(("warnings",)),
        old_slugs=tuple(d.get("old_slugs", ())), kind=d.get("kind"), pocket=bool(d.get("pocket")))


def _procedure(ck: _Checker, slug: str, today: dt.date) -> Procedure:
    d = ck.doc.data
    section = d.get("pocket")
    for i, s in enumerate(d["steps"]):
        if s.get("pocket"):
            ck.pocket_mark(("steps", i, "pocket"), section)
    steps = tuple(
        ProcedureStep(title=ck.text(("steps", i, "title")), body=ck.opt_text(s, ("steps", i), "body"),
                      documents=ck.texts(("steps", i, "documents")), where=tuple(s.get("where", ())),
                      sources=tuple(s.get("sources", ())), pocket=bool(s.get("pocket")),
                      poster=bool(s.get("poster")))
        for i, s in enumerate(d["steps"]))
    return Procedure(
        slug=slug, file=ck.doc.file, title=ck.text(("title",)), summary=ck.text(("summary",)),
        audience=tuple(d["audience"]), steps=steps, sources=tuple(d["sources"]),
        last_reviewed=ck.date(("last_reviewed",), today), now=ck.now_box(),
        introduction=ck.opt_text(d, (), "introduction"), warnings=ck.texts(("warnings",)),
        contacts=ck.contacts(("contacts",), section, printable="procedure"), old_slugs=tuple(d.get("old_slugs", ())),
        pocket=section)


def _country(ck: _Checker, slug: str, today: dt.date) -> Country:
    d = ck.doc.data
    if not any(c["kind"] == "phone" for c in d["contacts"]):
        ck.report(("contacts",), "E-COUNTRY-LINE",
                  "negara wajib punya paling sedikit satu saluran bantuan telepon di 'contacts' (kind: phone) "
                  "dengan sumber dan catatan, mis. hotline perwakilan RI",
                  "a country needs at least one help line in 'contacts' (kind: phone) with sources and a note, "
                  "e.g. the Indonesian mission's hotline")
    law = tuple(CountryLaw(title=ck.text(("law", i, "title")), body=ck.text(("law", i, "body")),
                           sources=tuple(entry["sources"])) for i, entry in enumerate(d.get("law", ())))
    return Country(
        slug=slug, file=ck.doc.file, name=ck.text(("name",)), summary=ck.text(("summary",)), now=ck.now_box(),
        emergency=ck.opt_text(d, (), "emergency"),
        # a country's contacts marked 'pocket' go into the guide's help lines, the country marked or not
        contacts=ck.contacts(("contacts",), "saluran-bantuan", printable="country"),
        law=law, lapor_diri=ck.opt_text(d, (), "lapor_diri"), unknown=ck.opt_text(d, (), "unknown"),
        sources=tuple(d["sources"]), last_reviewed=ck.date(("last_reviewed",), today),
        old_slugs=tuple(d.get("old_slugs", ())), pocket=bool(d.get("pocket")))


def _situation(ck: _Checker, slug: str, today: dt.date) -> Situation:
    d = ck.doc.data
    return Situation(slug=slug, file=ck.doc.file, title=ck.text(("title",)), summary=ck.text(("summary",)),
                     audience=d["audience"], first=ck.now_box("first"), procedures=tuple(d.get("procedures", ())),
                     sources=tuple(d["sources"]), last_reviewed=ck.date(("last_reviewed",), today))


def _organization(ck: _Checker, slug: str, today: dt.date) -> Organization:
    d = ck.doc.data
    villages = tuple(
        Village(name=v["name"], sources=tuple(v["sources"]), kecamatan=v.get("kecamatan"),
                note=ck.opt_text(v, ("villages", i), "note"))
        for i, v in enumerate(d.get("villages", ())))
    return Organization(
        slug=slug, file=ck.doc.file, name=ck.text(("name",)), kind=d["kind"], region=tuple(d["region"]),
        description=ck.text(("description",)), sources=tuple(d["sources"]),
        last_reviewed=ck.date(("last_reviewed",), today), short_name=d.get("short_name"),
        services=ck.texts(("services",)), villages=villages, contacts=ck.contacts(("contacts",)),
        old_slugs=tuple(d.get("old_slugs", ())))


def _proposal(ck: _Checker, slug: str, today: dt.date) -> Proposal:
    d = ck.doc.data
    return Proposal(
        slug=slug, file=ck.doc.file, title=ck.text(("title",)), summary=ck.text(("summary",)),
        raised_by=ck.text(("raised_by",)), raised_at=ck.text(("raised_at",)),
        sources=tuple(d["sources"]), last_reviewed=ck.date(("last_reviewed",), today),
        date=ck.partial_date(("date",), today) if "date" in d else None)


def _source(ck: _Checker, slug: str, today: dt.date) -> Source:
    s = ck.doc.data
    if s["id"] != slug:
        ck.report(("id",), "E-SLUG", f"id '{s['id']}' harus sama dengan nama berkas '{slug}'; "
                  f"ganti id-nya atau nama berkasnya menjadi '{s['id']}.yaml'",
                  f"id '{s['id']}' must be the file name '{slug}'; change the id or rename the file to "
                  f"'{s['id']}.yaml'")
    if "url" in s:
        ck.report_problems(("url",), deception.link_problems(s["title"], s["url"]))
    return Source(id=s["id"], title=s["title"], publisher=s["publisher"],
                  date=ck.partial_date(("date",), today), url=s.get("url"), note=ck.opt_text(s, (), "note"))


def _glossary_term(ck: _Checker, slug: str, today: dt.date) -> GlossaryTerm:
    g = ck.doc.data
    return GlossaryTerm(term=g["term"], definition=ck.text(("definition",)),
                        aliases=tuple(g.get("aliases", ())), expansion=ck.opt_text(g, (), "expansion"),
                        sources=tuple(g.get("sources", ())), pocket=bool(g.get("pocket")))


def _questions(ck: _Checker, today: dt.date) -> list[Question]:
    out = []
    for i, q in enumerate(ck.doc.data):
        if q["type"] == "choice" and "options" not in q:
            ck.report((i, "options"), "E-MISSING", "pertanyaan pilihan wajib punya 'options'",
                      "a choice question needs 'options'")
        if q["type"] == "country" and "options" in q:
            ck.report((i, "options"), "E-OPTIONS",
                      "pertanyaan negara tidak punya 'options': pilihannya adalah halaman negara (data/countries/); "
                      "hapus 'options'",
                      "a country question has no 'options': its options are the country pages (data/countries/); "
                      "remove 'options'")
        out.append(Question(
            id=q["id"], type=q["type"], text=ck.text((i, "text")), help=ck.opt_text(q, (i,), "help"),
            options=tuple(Option(o["value"], ck.text((i, "options", j, "label")))
                          for j, o in enumerate(q.get("options", ()))),
            min=q.get("min"), max=q.get("max"), unit=ck.opt_text(q, (i,), "unit"), ask_if=q.get("ask_if"),
            villages_from=q.get("villages_from")))
    return out


def _policy(ck: _Checker, today: dt.date) -> list[Policy]:
    d = ck.doc.data
    return [Policy(audience_question=d["audience"]["question"],
                   audience_answers={k: tuple(v) for k, v in d["audience"]["answers"].items()},
                   rules=tuple(PolicyRule(id=r["id"], applies_to=r["applies_to"], require=r["require"],
                                          text=ck.text(("rules", i, "text")), sources=tuple(r["sources"]))
                               for i, r in enumerate(d["rules"])))]


def _case(ck: _Checker, slug: str, today: dt.date) -> Case:
    return case_rules.case(ck.doc.data)


BUILDERS: dict[str, Callable] = {"program": _program, "procedure": _procedure, "country": _country,
                                 "situation": _situation,
                                 "organization": _organization, "proposal": _proposal,
                                 "source": _source, "glossary_term": _glossary_term, "questions": _questions,
                                 "case": _case, "policy": _policy, "words": words.words, "queries": words.queries}


def _visible(folder: Path) -> list[Path]:
    """Entries of ``folder`` not hidden (``.gitkeep``, editor swap files), sorted; none if it is no folder."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def looks_like_yaml(name: str) -> bool:
    """``x.YAML``, ``x.yml``, ``x.yaml.txt``: a name meant for a YAML file."""
    return re.search(r"\.ya?ml", name, re.I) is not None


def content_files(data_dir: Path) -> list[Path]:
    """Every entry the loader reads or reports (for change detection)."""
    files = [p for d in COLLECTIONS for p in _visible(data_dir / d)]
    files += _record_files(data_dir)
    return files + [p for p in _visible(data_dir) if not p.is_dir() and looks_like_yaml(p.name)]


def _record_files(data_dir: Path) -> list[Path]:
    """Every visible file under ``data/translations/`` (one folder level, as the content files)."""
    top = data_dir / translations.RECORDS_DIR
    return [p for entry in _visible(top) for p in (_visible(entry) if entry.is_dir() else [entry])]


def _records(path: Path, root: Path, data_dir: Path, errors: list[ContentError]) -> translations.Records:
    """The translation records at ``path`` (none when there is no such file); errors reported."""
    if not os.path.lexists(path):
        return {}
    try:
        doc = load_file(path, root, inside=data_dir)
    except LoadFailed as exc:
        errors.append(exc.error)
        return {}
    problems = schema.validate(doc, "translations")
    errors.extend(problems)
    return {} if problems else translations.as_records(doc.data)


def _followed(doc: Document, records: translations.Records, languages: tuple[str, ...],
              errors: list[ContentError]) -> dict[str, dict[str, str]]:
    """``records`` with those the web editor saved in the entry, following each text's list item."""
    data = doc.data if isinstance(doc.data, dict) else {}
    checked = data.get(translations.CHECKED) or {}
    current = translations.sources({k: v for k, v in data.items() if k != translations.CHECKED}, languages)
    for lang, by_field in checked.items():
        where = (translations.CHECKED, lang)
        if lang not in languages[1:]:
            errors.append(ContentError(doc.file, doc.line(where), dotted(where), "E-LANG",
                                       f"'{lang}' bukan bahasa terjemahan situs ini; tekan lagi tombol "
                                       "'Terjemahan ... sudah saya periksa' di editor web",
                                       f"'{lang}' is not a translation language of this site; press the button "
                                       "'Terjemahan ... sudah saya periksa' in the web editor again"))
        for field in by_field:  # a renumbered or removed list item is fine: its record follows or goes
            top = re.match(r"[^.\[]*", field)[0]
            if not any(translations.under(f, top) for f in current):
                errors.append(ContentError(doc.file, doc.line(where + (field,)), dotted(where + (field,)), "E-RECORD",
                                           f"'{field}' bukan kolom teks berkas ini; tekan lagi tombol "
                                           "'Terjemahan ... sudah saya periksa' di editor web",
                                           f"'{field}' is not a text field of this file; press the button "
                                           "'Terjemahan ... sudah saya periksa' in the web editor again"))
    return translations.merged(records, checked, current)


def _orphan_records(data_dir: Path, root: Path, errors: list[ContentError]) -> tuple[str, ...]:
    """Record files whose content file is gone (a warning); a misnamed one is an error."""
    orphans = []
    for path in _record_files(data_dir):
        if path.is_dir() or path.suffix != ".yaml":
            errors.append(_misnamed(path, root))
        elif not os.path.lexists(translations.content_path(data_dir, path)):
            orphans.append(path.relative_to(root).as_posix())
    return tuple(orphans)


def _misnamed(path: Path, root: Path) -> ContentError:
    """A file in a collection folder whose name is not ``<slug>.yaml``."""
    stem = re.split(r"\.ya?ml", path.name, maxsplit=1, flags=re.I)[0].lower()
    hint_id, hint_en = _hint(f"{stem}.yaml" if looks_like_yaml(path.name) else None, path.name)
    return ContentError(
        path.relative_to(root).as_posix(), 1, "", "E-SLUG",
        f"nama berkas '{path.name}' harus huruf kecil, angka, tanda hubung, berakhiran .yaml "
        f"(huruf kecil); berkas lain tidak boleh di folder ini{hint_id}",
        f"file name '{path.name}' must be lower-case letters, digits, hyphens, ending in .yaml "
        f"(lower case); no other files belong in this folder{hint_en}")


def _list_of_items(doc: Document, path: Path) -> ContentError:
    """A file of a one-item-per-file folder holding a list (the old form of ``data/cases/``)."""
    return ContentError(doc.file, 1, "", "E-TYPE",
                        f"berkas ini berisi daftar; di data/{path.parent.name}/ setiap butir punya berkasnya sendiri: "
                        f"pindahkan setiap butir ke data/{path.parent.name}/<nama>.yaml (tanpa '- ' di depannya)",
                        f"this file holds a list; in data/{path.parent.name}/ every item has a file of its own: "
                        f"move every item to data/{path.parent.name}/<name>.yaml (without the leading '- ')")


def _unknown(path: Path, root: Path) -> ContentError:
    """A YAML-looking file in ``data/`` that is none of :data:`SINGLE_FILES`."""
    stem = path.name.split(".")[0].lower()
    known = ", ".join(f"{name}.yaml" for name in SINGLE_FILES)
    if stem in MOVED:
        hint_id = f"; isinya kini satu berkas per butir: pindahkan setiap butir ke data/{MOVED[stem]}"
        hint_en = f"; its items now have one file each: move every item to data/{MOVED[stem]}"
    else:
        hint_id, hint_en = _hint(f"{stem}.yaml" if stem in SINGLE_FILES else None, path.name)
    return ContentError(path.relative_to(root).as_posix(), 1, "", "E-SLUG",
                        f"berkas '{path.name}' tidak dikenal; di data/ hanya {known}{hint_id}",
                        f"unknown file '{path.name}'; data/ holds only {known}{hint_en}")


def _hint(suggestion: str | None, name: str) -> tuple[str, str]:
    if not suggestion or suggestion == name:
        return "", ""
    return f"; maksudnya '{suggestion}'?", f"; did you mean '{suggestion}'?"


def load_content(data_dir: Path, languages: tuple[str, ...], today: dt.date | None = None,
                 root: Path | None = None) -> Content:
    """Read, validate and cross-check ``data_dir``; raise :class:`ContentInvalid` on any error.

    ``languages`` are the configured languages, the default first.
    """
    today = today or dt.date.today()
    root = root or data_dir.parent
    errors: list[ContentError] = []
    built: dict[str, list] = {kind: [] for kind in (*COLLECTIONS.values(), *SINGLE_FILES.values())}
    checkers: dict[int, _Checker] = {}
    text_fields: list[TextField] = []
    records_read: dict[str, translations.Records] = {}
    case_paths: dict[int, tuple] = {}  # where a program's own case is in its file (a case file: the root)
    unreadable: dict[str, set[str]] = {}  # kind -> slugs of its files that exist but could not be read

    def read(path: Path, kind: str, slug: str | None) -> None:
        if slug is not None:
            unreadable.setdefault(kind, set()).add(slug)  # until it is read
        try:
            doc = load_file(path, root, inside=data_dir)
        except LoadFailed as exc:
            errors.append(exc.error)
            return
        records = _records(translations.record_path(data_dir, path), root, data_dir, errors)
        errors.extend(character_errors(doc))
        errors.extend(policy.placeholders(doc))
        errors.extend(deception.addresses(doc))
        if slug is not None and isinstance(doc.data, list):
            errors.append(_list_of_items(doc, path))
            return
        problems = schema.validate(doc, kind)
        if problems:
            errors.extend(problems)
            return
        records = _followed(doc, records, languages, errors)
        ck = _Checker(doc, languages, errors, PAGES[kind].format(slug=slug or ""), records)
        args = (ck, slug, today) if slug is not None else (ck, today)
        item = BUILDERS[kind](*args)
        if slug is not None:
            unreadable[kind].discard(slug)
        text_fields.extend(TextField(doc.file, doc.line(p), dotted(p), text) for p, text in ck.fields)
        records_read[doc.file] = records
        if slug is None:
            built[kind].extend(item)
            for obj in item:
                checkers[id(obj)] = ck
        else:
            built[kind].append(item)
            checkers[id(item)] = ck
        if kind == "program":  # its own cases, saved with it
            for i, own in enumerate(case_rules.own_cases(doc.data, slug)):
                built["case"].append(own)
                checkers[id(own)], case_paths[id(own)] = ck, ("cases", i)

    for folder, kind in COLLECTIONS.items():
        for path in _visible(data_dir / folder):
            if path.suffix != ".yaml" or not SLUG.match(path.stem):
                errors.append(_misnamed(path, root))
            else:
                read(path, kind, path.stem)
    singles = {f"{name}.yaml" for name in SINGLE_FILES}
    for path in _visible(data_dir):
        if path.name not in singles and not path.is_dir() and looks_like_yaml(path.name):
            errors.append(_unknown(path, root))
    for name, kind in SINGLE_FILES.items():
        path = data_dir / f"{name}.yaml"
        if os.path.lexists(path):
            read(path, kind, None)
    if not built["source"] and not any(e.file.startswith(f"{data_dir.name}/sources/") for e in errors):
        errors.append(ContentError(f"{data_dir.name}/sources/", 1, "", "E-MISSING",
                                   "belum ada sumber; tambahkan satu berkas per sumber di folder ini",
                                   "no sources yet; add one file per source in this folder"))

    content = Content(
        languages=languages, default_language=languages[0],
        programs=tuple(built["program"]), procedures=tuple(built["procedure"]), countries=tuple(built["country"]),
        situations=tuple(built["situation"]),
        organizations=tuple(built["organization"]), proposals=tuple(built["proposal"]),
        glossary=tuple(built["glossary_term"]), sources=tuple(built["source"]),
        questions=_with_country_options(built["questions"], built["country"], languages[0], checkers),
        cases=tuple(built["case"]),
        policy=built["policy"][0] if built["policy"] else None,
        words=tuple(built["words"]), queries=tuple(built["queries"]),
        source_index={s.id: s for s in built["source"]},
        organization_index={o.slug: o for o in built["organization"]},
        text_fields=tuple(text_fields), translation_records=records_read,
        orphan_record_files=_orphan_records(data_dir, root, errors))
    _cross_check(content, checkers, errors, unreadable)
    evaluable = not errors  # the rules can be run only on otherwise valid content
    _check_cases(content, checkers, case_paths, errors, {p.stem for p in (data_dir / "programs").glob("*.y*ml")})
    if evaluable:
        _check_policy(content, checkers)
    if errors:
        raise ContentInvalid(errors)
    return content


UNREAD_KINDS = {"source": "source", "organisation": "organization", "procedure": "procedure"}
"""The kind of file each id of :data:`ID_HOMES` names."""


def _cross_check(content: Content, checkers: dict[int, _Checker], errors: list[ContentError],
                 unreadable: dict[str, set[str]]) -> None:
    """References between files. An id or page whose file exists but has errors of its own (``unreadable``,
    by kind) is not reported again wherever it is named: one mistake, one message, at the mistake."""
    sources, orgs = content.source_index, content.organization_index
    questions = {q.id: q for q in content.questions}

    def ref(ck: _Checker, path: tuple, value: str, index, what_id: str, what_en: str) -> None:
        if value not in index and value not in unreadable.get(UNREAD_KINDS[what_en], ()):
            home = ID_HOMES[what_en]
            hint_id, hint_en = schema.did_you_mean(value, index, schema.ID_CUTOFF)
            ck.report(path, "E-REF",
                      f"{what_id} '{value}' tidak dikenal{hint_id}; jika {what_id} ini baru, tambahkan dulu ke {home}",
                      f"unknown {what_en} '{value}'{hint_en}; if this {what_en} is new, add it first to {home}")

    def refs(ck: _Checker, path: tuple, ids, index, what_id: str, what_en: str) -> None:
        for i, value in enumerate(ids):
            ref(ck, path + (i,), value, index, what_id, what_en)

    def contact_refs(ck, path, contacts):
        for i, c in enumerate(contacts):
            refs(ck, path + (i, "sources"), c.sources, sources, "sumber", "source")

    _unique(checkers, content.sources, lambda s: s.id, lambda i: ("id",), "id")
    _unique(checkers, content.questions, lambda q: q.id, lambda i: (i, "id"), "id")
    _unique(checkers, content.glossary, lambda g: g.term.lower(), lambda i: ("term",), "term")
    _unique(checkers, content.situations, lambda s: s.audience, lambda i: ("audience",), "audience")
    words.check(content, lambda item: checkers[id(item)].report, words.known_pages(content, {
        PAGES[kind].split("/")[0]: [*(item.slug for item in items), *unreadable.get(kind, ())] for kind, items in (
            ("program", content.programs), ("procedure", content.procedures), ("country", content.countries),
            ("situation", content.situations), ("organization", content.organizations))}, INDEX_PAGES))

    pages = [*content.programs, *content.procedures, *content.countries, *content.organizations]
    owners: dict[str, str] = {p.slug: p.file for p in pages}
    for item in pages:
        ck = checkers[id(item)]
        for i, old in enumerate(item.old_slugs):
            if old in owners and owners[old] != item.file:
                ck.report(("old_slugs", i), "E-DUPLICATE-SLUG",
                          f"slug lama '{old}' sudah dipakai oleh {owners[old]}",
                          f"old slug '{old}' is already used by {owners[old]}")
            owners.setdefault(old, item.file)

    for program in content.programs:
        ck = checkers[id(program)]
        refs(ck, ("sources",), program.sources, sources, "sumber", "source")
        refs(ck, ("status", "sources"), program.status.sources, sources, "sumber", "source")
        refs(ck, ("where",), program.where, orgs, "organisasi", "organisation")
        contact_refs(ck, ("contacts",), program.contacts)
        for i, extra in enumerate(program.eligibility.unchecked):
            refs(ck, ("eligibility", "unchecked", i, "sources"), extra.sources, sources, "sumber", "source")
        if program.eligibility.registration is not None:
            refs(ck, ("eligibility", "registration", "sources"), program.eligibility.registration.sources,
                 sources, "sumber", "source")
        rule = program.eligibility.rule
        if rule is not None:
            rules.check_rule(rule, ("eligibility", "rule"), questions, ck.report)
            reasons.check(rule, ("eligibility", "rule"), questions, ck.report)
            for leaf_path, leaf in rules.nodes(rule, ("eligibility", "rule")):
                refs(ck, leaf_path + ("sources",), leaf.get("sources", ()), sources, "sumber", "source")
        policy.check_calo_warning(program, ck.report)
    procedures = {p.slug: p for p in content.procedures}
    for situation in content.situations:
        ck = checkers[id(situation)]
        refs(ck, ("sources",), situation.sources, sources, "sumber", "source")
        refs(ck, ("procedures",), situation.procedures, procedures, "prosedur", "procedure")
    for proc in content.procedures:
        ck = checkers[id(proc)]
        refs(ck, ("sources",), proc.sources, sources, "sumber", "source")
        contact_refs(ck, ("contacts",), proc.contacts)
        for i, step in enumerate(proc.steps):
            refs(ck, ("steps", i, "where"), step.where, orgs, "organisasi", "organisation")
            refs(ck, ("steps", i, "sources"), step.sources, sources, "sumber", "source")
    for country in content.countries:
        ck = checkers[id(country)]
        refs(ck, ("sources",), country.sources, sources, "sumber", "source")
        contact_refs(ck, ("contacts",), country.contacts)
        for i, entry in enumerate(country.law):
            refs(ck, ("law", i, "sources"), entry.sources, sources, "sumber", "source")
    for org in content.organizations:
        ck = checkers[id(org)]
        refs(ck, ("sources",), org.sources, sources, "sumber", "source")
        contact_refs(ck, ("contacts",), org.contacts)
        for i, v in enumerate(org.villages):
            refs(ck, ("villages", i, "sources"), v.sources, sources, "sumber", "source")
    for prop in content.proposals:
        refs(checkers[id(prop)], ("sources",), prop.sources, sources, "sumber", "source")
    for term in content.glossary:
        refs(checkers[id(term)], ("sources",), term.sources, sources, "sumber", "source")
    _link_targets(content, checkers, unreadable)
    _policy_refs(content, checkers, refs)
    for i, q in enumerate(content.questions):
        if q.for_help and not content.countries:
            checkers[id(q)].report((i, "type"), "E-MISSING",
                                   "pertanyaan negara perlu halaman negara; belum ada berkas di data/countries/",
                                   "a country question needs country pages; data/countries/ has none yet")
        if q.villages_from is not None:
            ref(checkers[id(q)], (i, "villages_from"), q.villages_from, orgs, "organisasi", "organisation")
        if q.ask_if is not None:
            ck = checkers[id(q)]
            rules.check_rule(q.ask_if, (i, "ask_if"), questions, ck.report, need_reason=False)
            earlier = {e.id for e in content.questions[:i]}
            for leaf_path, leaf in rules.nodes(q.ask_if, (i, "ask_if")):
                if leaf.get("question") in questions and leaf["question"] not in earlier:
                    ck.report(leaf_path + ("question",), "E-ORDER",
                              f"ask_if hanya boleh memakai pertanyaan sebelumnya; '{leaf['question']}' "
                              f"ada sesudah '{q.id}'",
                              f"ask_if may only use earlier questions; '{leaf['question']}' comes after '{q.id}'")
    _check_phones(content, checkers)


def _with_country_options(questions: list[Question], countries: list[Country], lang: str,
                          checkers: dict[int, _Checker]) -> tuple[Question, ...]:
    """Country questions get one option per country page, by name, 'other countries' last (each
    keeps its file's checker)."""
    ordered = sorted(countries, key=lambda c: (c.slug == OTHER_COUNTRIES, c.name[lang].casefold()))
    options = tuple(Option(c.slug, c.name) for c in ordered)
    out = []
    for q in questions:
        filled = replace(q, options=options) if q.for_help else q
        checkers[id(filled)] = checkers[id(q)]
        out.append(filled)
    return tuple(out)


def _check_phones(content: Content, checkers: dict[int, _Checker]) -> None:
    """Numbers in texts, and in every other string a page may show (a source's title, a name), are
    sourced phone contacts; phone contacts have notes; no WhatsApp links, a source's url included."""
    items = (*content.programs, *content.procedures, *content.countries, *content.organizations)
    sourced = policy.sourced_phones(c for item in items for c in item.contacts)
    for item in items:
        policy.check_contacts(item.contacts, ("contacts",), checkers[id(item)].report)
    for ck in {id(ck): ck for ck in checkers.values()}.values():
        for path, text in ck.texts_read:
            policy.check_text_phones(text, path, sourced, ck.report, ck.doc)
        read = {path for path, _ in ck.texts_read}
        for path, value in strings(ck.doc.data):
            is_contact = "contacts" in path and path[-1] == "value"  # checked by check_contacts
            is_record = path[:1] == (translations.CHECKED,)  # fingerprints, never shown
            if path not in read and not is_contact and not is_record:
                policy.check_text_phones(value, path, sourced, ck.report, ck.doc)


def _check_cases(content: Content, checkers: dict[int, _Checker], case_paths: dict[int, tuple],
                 errors: list[ContentError], program_files: set[str]) -> None:
    """Cases name real questions, answers and programs; each gives the verdicts it expects.

    ``program_files`` are the slugs of every program file, loaded or not: a program with
    errors of its own is not also reported as unknown.
    """
    questions = {q.id: q for q in content.questions}
    data = case_rules.decision_data(content)
    located = [(c, checkers[id(c)], case_paths.get(id(c), ())) for c in content.cases]  # (case, checker, path)
    questions_broken = any(e.file.endswith("/questions.yaml") for e in errors)
    question_ids = set(questions)
    for c, ck, path in located:
        if not questions_broken:
            case_rules.check_answers(c.answers, path + ("answers",), questions, ck.report)
        case_rules.check_refs(c, path, question_ids, program_files, ck.report)
    if errors:  # run the cases only on otherwise valid content (a broken rule cannot be evaluated)
        return
    case_rules.run_all([(c, path, ck.report) for c, ck, path in located], data, content.default_language)
    case_rules.check_coverage(content, list(content.cases), lambda p: checkers[id(p)].report)


def _check_policy(content: Content, checkers: dict[int, _Checker]) -> None:
    """Programs of a kind imply the policy's rules; questions are used and asked of every reader."""
    policy_rules.check_programs(content, lambda p: checkers[id(p)].report)
    policy_rules.check_questions_used(content, lambda i: checkers[id(content.questions[i])].report)
    policy_rules.check_askable(content, lambda p: checkers[id(p)].report)


def _policy_refs(content: Content, checkers: dict[int, _Checker], refs) -> None:
    """The policy's question, its answers, its criteria and their sources exist."""
    pol = content.policy
    if pol is None:
        return
    ck = checkers[id(pol)]
    questions = {q.id: q for q in content.questions}
    aq = questions.get(pol.audience_question)
    if aq is None:
        hint_id, hint_en = schema.did_you_mean(pol.audience_question, questions)
        ck.report(("audience", "question"), "E-REF", f"pertanyaan '{pol.audience_question}' tidak dikenal{hint_id}",
                  f"unknown question '{pol.audience_question}'{hint_en}")
    else:
        for audience, answers in pol.audience_answers.items():
            for i, value in enumerate(answers):
                if value not in aq.option_values():
                    hint_id, hint_en = schema.did_you_mean(value, aq.option_values())
                    ck.report(("audience", "answers", audience, i), "E-OPTION",
                              f"pertanyaan '{aq.id}' tidak punya pilihan '{value}'{hint_id}",
                              f"question '{aq.id}' has no option '{value}'{hint_en}")
    for i, rule in enumerate(pol.rules):
        rules.check_rule(rule.require, ("rules", i, "require"), questions, ck.report, need_reason=False)
        refs(ck, ("rules", i, "sources"), rule.sources, content.source_index, "sumber", "source")


INDEX_PAGES = ("", "bantuan", "glosarium", "usulan", "cek", "az", "brosur")
"""Pages a text may link to besides items' pages: the home page and these folders' index pages."""


def _link_targets(content: Content, checkers: dict[int, _Checker], unreadable: dict[str, set[str]]) -> None:
    """A relative link leads to a page the site has: a program, procedure, country, situation or organisation
    (or its folder's list), the home page or an :data:`INDEX_PAGES` page; a ``#fragment`` only to a glossary
    term (``glosarium/#pmi``), the one anchor content can know. So every link of a built page resolves."""
    folders = {PAGES[kind].split("/")[0]: (kind, items) for kind, items in (
        ("program", content.programs), ("procedure", content.procedures), ("country", content.countries),
        ("situation", content.situations), ("organization", content.organizations))}
    known = {folder: {s for item in items for s in (item.slug, *getattr(item, "old_slugs", ()))} | unreadable.get(kind, set())
             for folder, (kind, items) in folders.items()}
    anchors = {term.anchor for term in content.glossary}
    for ck in {id(ck): ck for ck in checkers.values()}.values():
        for path, target, fragment in ck.links:
            folder, _, rest = target.partition("/")
            slug = rest.split("/")[0]
            if folder in known and slug and slug not in known[folder]:
                hint_id, hint_en = schema.did_you_mean(slug, known[folder])
                ck.report(path, "E-LINK", f"tautan ke '{target}': halaman itu tidak ada{hint_id}",
                          f"link to '{target}': there is no such page{hint_en}")
            elif (folder in known and rest.strip("/") not in ("", slug)) or (
                    folder not in known and (folder not in INDEX_PAGES or rest.strip("/"))):
                ck.report(path, "E-LINK", f"tautan ke '{target}': halaman itu tidak ada di situs ini",
                          f"link to '{target}': this site has no such page")
            elif fragment and not (folder == "glosarium" and fragment in anchors):
                hint_id, hint_en = schema.did_you_mean(fragment, anchors) if folder == "glosarium" else ("", "")
                ck.report(path, "E-LINK", f"tautan ke '{target}#{fragment}': bagian '#{fragment}' tidak dikenal; "
                          f"tautkan halamannya saja, atau istilah glosarium (glosarium/#istilah){hint_id}",
                          f"link to '{target}#{fragment}': unknown part '#{fragment}'; link to the page itself, "
                          f"or to a glossary term (glosarium/#term){hint_en}")


def _unique(checkers, items, key, path, label) -> None:
    """E-DUPLICATE on every repeat of a key, naming the file that has it first when that is another."""
    first: dict = {}
    for i, item in enumerate(items):
        k, ck = key(item), checkers[id(item)]
        if k not in first:
            first[k] = ck.doc.file
            continue
        where_id, where_en = ("", "") if first[k] == ck.doc.file else (f", juga di {first[k]}", f", also in {first[k]}")
        ck.report(path(i), "E-DUPLICATE", f"{label} '{k}' ditulis dua kali{where_id}",
                  f"{label} '{k}' appears twice{where_en}")
