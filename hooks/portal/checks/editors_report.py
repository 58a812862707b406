"""The editors' report: what needs attention in valid content, what to review first at the top.

Ranked by what a reader risks, each line ending with what to do: first the programs still said
to be running, announced or planned (running first), the one resting on the oldest sources and
review first (information); then translations that may no longer match the Indonesian text,
missing translations, pages past their review date (longest first), title
warnings, readability warnings (long sentences, a paragraph a list swallows: :mod:`.readability`) and programs for people going abroad that do not say their ``kind``, all warnings;
programs whose criteria are not published (information only); and readers' queries
(``data/queries.yaml``) whose pages the last ``make search-cases`` did not find (:mod:`.search_cases`,
warnings; information when it never ran). Identical notes on many files
are printed as one line with a count. The report never fails: what must hold is the validator's
(placeholder text, items without sources), so that one command decides.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterator

from portal.checks import search_cases
from portal.content import readability, titles, translations
from portal.content.loader import Document, dotted, load_file
from portal.content.model import Content
from portal.content.schema import SCHEMA_FILE
from portal.content.validator import COLLECTIONS, SINGLE_FILES
from portal.site.config import ROOT
from portal.site.review import stale_items

TEXT_REF = "#/$defs/text"


@dataclass(frozen=True, order=True)
class Finding:
    """One line of the report: advice, never a failure."""

    section: str
    file: str
    line: int
    field: str
    message_id: str
    message_en: str
    dated: str = ""
    """The date the item's age is counted from (oldest first in its section), or empty."""
    rank: int = 0
    """Before ``dated`` in its section: what the reader risks most comes first (0)."""

    def __str__(self) -> str:
        field = f" {self.field}" if self.field else ""
        return f"{self.file}:{self.line}:{field} {self.message_id} / {self.message_en}"


SECTIONS = {
    "review": ("Tinjau dulu: program yang masih disebut berjalan, sumber tertua dulu (info)",
               "Review first: programmes still said to run, oldest sources first (for information)"),
    "outdated": ("Terjemahan yang mungkin tidak cocok lagi dengan teks Indonesia",
                 "Translations that may no longer match the Indonesian text"),
    "translation": ("Terjemahan yang belum ada", "Missing translations"),
    "stale": ("Perlu ditinjau ulang", "Due for review"),
    "warning": ("Peringatan", "Warnings"),
    "unpublished": ("Syarat tidak diumumkan (info)", "Criteria not published (for information)"),
    "search": ("Pencarian: kasus yang tidak menemukan halamannya (make search-cases)",
               "Search: cases that no longer find their pages (make search-cases)"),
    "search_untried": ("Pencarian: kasus belum dicoba (info)", "Search: cases not tried (for information)"),
}


def text_paths(data: Any, node: dict, defs: dict, path: tuple = ()) -> Iterator[tuple]:
    """Paths of every bilingual text in ``data``, found by walking the schema alongside it."""
    ref = node.get("$ref")
    if ref == TEXT_REF:
        yield path
        return
    if ref:
        yield from text_paths(data, defs[ref.rsplit("/", 1)[1]], defs, path)
        return
    if isinstance(data, dict):
        props = node.get("properties", {})
        for key, value in data.items():
            if key in props:
                yield from text_paths(value, props[key], defs, path + (key,))
    elif isinstance(data, list) and "items" in node:
        for i, value in enumerate(data):
            yield from text_paths(value, node["items"], defs, path + (i,))


def _documents(data_dir: Path, root: Path) -> Iterator[tuple[Document, str]]:
    for folder, kind in COLLECTIONS.items():
        for path in sorted((data_dir / folder).glob("*.yaml")):
            yield load_file(path, root), kind
    for name, kind in SINGLE_FILES.items():
        if (data_dir / f"{name}.yaml").exists():
            yield load_file(data_dir / f"{name}.yaml", root), kind


def _value(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def collect(content: Content, data_dir: Path, root: Path, today: dt.date, stale_after_months: int) -> list[Finding]:
    """Every finding for ``content`` (already validated) read from ``data_dir``."""
    defs = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]
    findings: list[Finding] = []
    docs = {}
    for doc, kind in _documents(data_dir, root):
        docs[doc.file] = doc
        for path in text_paths(doc.data, {"$ref": f"#/$defs/{kind}"}, defs):
            text = _value(doc.data, path)
            for lang in content.languages:
                if lang not in text:
                    findings.append(Finding(
                        "translation", doc.file, doc.line(path), dotted(path),
                        f"belum ada teks '{lang}'; tulis terjemahannya di baris '{lang}: ...' di bawah "
                        f"'{content.default_language}:'",
                        f"no '{lang}' text yet; write the translation as '{lang}: ...' below "
                        f"'{content.default_language}:'"))
    findings += _review_first(content, docs, today)
    findings += _outdated(content, data_dir, root)
    pages = [*content.programs, *content.procedures, *content.countries, *content.situations, *content.organizations,
             *content.proposals]
    for item in stale_items(pages, today, stale_after_months):
        findings.append(Finding(
            "stale", item.file, docs[item.file].line(("last_reviewed",)), "last_reviewed",
            f"terakhir ditinjau {item.last_reviewed.isoformat()}, lebih dari {stale_after_months} bulan lalu; "
            "periksa isinya dengan sumbernya, lalu tulis tanggal hari ini di last_reviewed",
            f"last reviewed {item.last_reviewed.isoformat()}, more than {stale_after_months} months ago; "
            "check it against its sources, then write today's date in last_reviewed",
            dated=item.last_reviewed.isoformat()))
    for warning in titles.check(content):
        findings.append(Finding("warning", warning.file, docs[warning.file].line(warning.path), dotted(warning.path),
                                warning.message_id, warning.message_en))
    for advice in readability.check(content):
        findings.append(Finding("warning", advice.file, advice.line, advice.field, advice.message_id, advice.message_en))
    findings += _kind_unsaid(content, docs)
    findings += _search_cases(content, docs, root)
    for program in content.programs:
        if not program.eligibility.criteria_published:
            findings.append(Finding(
                "unpublished", program.file, docs[program.file].line(("eligibility", "criteria_published")),
                "eligibility.criteria_published",
                "syarat tidak diumumkan; pemeriksa kelayakan paling jauh menjawab 'mungkin: tanyakan dulu'; "
                "jika sumber baru menyebut syaratnya, tulis di 'eligibility'",
                "criteria not published; the eligibility checker can at most answer 'maybe: ask first'; "
                "once a source gives them, write them in 'eligibility'"))
    return sorted(findings, key=lambda f: (list(SECTIONS).index(f.section), f.rank, f.dated, f.file, f.line,
                                           f.field))


TRANSLATED = "make translated FILE={file}"
"""The command that records a checked translation, as printed (it runs from the project folder;
``.venv/bin/python scripts/portal.py translated FILE [FIELD]`` is the same)."""


def translated_command(file: str, field: str = "", data_dir: Path | None = None) -> str:
    """``make translated`` for ``file`` (and ``field``), with ``DATA=`` for data not in the project's ``data/``."""
    data = f" DATA={data_dir}" if data_dir and data_dir.resolve() != (ROOT / "data").resolve() else ""
    return TRANSLATED.format(file=file) + (f" FIELD='{field}'" if field else "") + data


def _kind_unsaid(content: Content, docs: dict[str, Document]) -> list[Finding]:
    """Current programs for people going abroad whose file does not say whether they place workers
    abroad: left out, ``kind`` reads as "not placement" and the age rules of ``policy.yaml`` are skipped."""
    findings = []
    for program in content.programs:
        doc = docs[program.file]
        if "calon_pmi" in program.audience and program.status.value != "ended" and "kind" not in doc.data:
            findings.append(Finding(
                "warning", program.file, doc.line(("audience",)), "kind",
                "program untuk calon PMI tanpa 'kind': tulis 'kind: placement' jika program ini menempatkan "
                "pekerja ke luar negeri (aturan data/policy.yaml berlaku, mis. umur paling sedikit 18), "
                "atau 'kind: null' jika tidak",
                "programme for people going abroad without 'kind': write 'kind: placement' if it places "
                "workers abroad (the rules of data/policy.yaml apply, e.g. age 18 or over), or 'kind: null' "
                "if it does not"))
    return findings


def _search_cases(content: Content, docs: dict[str, Document], root: Path) -> list[Finding]:
    """Cases of ``data/queries.yaml`` whose pages the last ``make search-cases`` did not find in the top 5
    (read from its record: no build, no browser here), or that it did not try."""
    doc = next((d for d in docs.values() if Path(d.file).name == "queries.yaml"), None)
    if doc is None:
        return []
    out = []
    for i, kind, message_id, message_en in search_cases.findings(content.queries, search_cases.load(root)):
        section = "search" if kind == "miss" else "search_untried"
        line, field = (doc.line((i, "top5")), f"[{i}].top5") if i >= 0 else (1, "")
        out.append(Finding(section, doc.file, line, field, message_id, message_en))
    return out


def _outdated(content: Content, data_dir: Path, root: Path) -> list[Finding]:
    """Translations not recorded as made from their source text as it is now, and stray records."""
    out = []
    for tf in content.text_fields:
        records = content.translation_records.get(tf.file, {})
        for lang in sorted(tf.text.stale):
            out.append(Finding("outdated", tf.file, tf.line, tf.field,
                               f"teks Indonesia berubah sejak teks '{lang}' diterjemahkan; perbaiki teks '{lang}', "
                               f"lalu jalankan `{translated_command(tf.file, tf.field, data_dir)}`",
                               f"the Indonesian text changed since the '{lang}' text was translated; fix the "
                               f"'{lang}' text, then run `{translated_command(tf.file, tf.field, data_dir)}`"))
        for lang in translations.unrecorded_languages(tf.text, tf.field, records, content.default_language):
            out.append(Finding("outdated", tf.file, tf.line, tf.field,
                               f"teks '{lang}' belum pernah ditandai sudah diperiksa; bandingkan dengan teks "
                               f"Indonesia, lalu jalankan `{translated_command(tf.file, tf.field, data_dir)}`",
                               f"the '{lang}' text was never marked as checked; compare it with the Indonesian "
                               f"text, then run `{translated_command(tf.file, tf.field, data_dir)}`", rank=1))
    fields: dict[str, set[str]] = {}
    for tf in content.text_fields:
        fields.setdefault(tf.file, set()).add(tf.field)
    for file, records in content.translation_records.items():
        stray = list(translations.orphans(fields.get(file, ()), records, content.languages))
        if not stray:
            continue
        record_file = translations.record_path(data_dir, root / file)
        doc = load_file(record_file, root)
        command = translated_command(file, data_dir=data_dir)
        for lang, field in stray:
            out.append(Finding(
                "outdated", doc.file, doc.line((lang, field)), f"{lang}.{field}",
                f"catatan terjemahan tanpa teks '{lang}' di {file}; jalankan `{command}`",
                f"translation record without a '{lang}' text in {file}; run `{command}`", rank=2))
    for record_file in content.orphan_record_files:
        out.append(Finding(
            "outdated", record_file, 1, "", "catatan terjemahan untuk berkas yang tidak ada; hapus berkas ini",
            "translation records of a file that does not exist; delete this file", rank=2))
    return out


STILL_CLAIMED = ("active", "announced", "planned")
"""Statuses a reader takes as true today: they are only as good as the sources behind them; a
running programme first (a reader acts on it)."""
STATUS_WORDS = {"active": ("berjalan", "running"), "announced": ("diumumkan", "announced"),
                "planned": ("direncanakan", "planned")}


REVIEWED_LATELY = dt.timedelta(days=90)
"""A program reviewed this recently goes below the others (its review just checked the status)."""


def _review_first(content: Content, docs: dict[str, Document], today: dt.date) -> list[Finding]:
    """Every program whose status is still claimed, running ones first, then by the newest source
    behind it, oldest first; one reviewed lately (:data:`REVIEWED_LATELY`) after the others."""
    out = []
    for program in content.programs:
        status = program.status
        if status.value not in STILL_CLAIMED:
            continue
        dates = [d for d in (content.source_index[s].date for s in status.sources) if d]
        newest = max(dates, default=status.as_of or "")
        reviewed = program.last_reviewed.isoformat()
        word_id, word_en = STATUS_WORDS[status.value]
        out.append(Finding(
            "review", program.file, docs[program.file].line(("status", "value")), "status",
            f"{word_id} menurut sumber terbaru {newest or '(tanpa tanggal)'} (ditinjau {reviewed}); periksa, lalu "
            "tambahkan sumber baru atau ubah status, dan perbarui last_reviewed",
            f"{word_en} by its newest source {newest or '(undated)'} (reviewed {reviewed}); check, then add a newer "
            "source or change the status, and update last_reviewed",
            dated=newest, rank=STILL_CLAIMED.index(status.value)
            + len(STILL_CLAIMED) * (today - program.last_reviewed < REVIEWED_LATELY)))
    return out


COLLAPSE_FROM = 3
"""This many findings with the same field and message (on different files) print as one line."""


def _same(f: Finding) -> tuple[str, str, str]:
    """(field, messages) of ``f`` with its own file name (in a command) as ``<nama>``: the same note."""
    generic = f"{Path(f.file).parent.as_posix()}/<nama>.yaml"
    return f.field, f.message_id.replace(f.file, generic), f.message_en.replace(f.file, generic)


def _lines(items: list[Finding]) -> list[str]:
    """One line per finding; identical notes on :data:`COLLAPSE_FROM` or more files as one line with a count."""
    groups: dict[tuple, list[Finding]] = {}
    for f in items:
        groups.setdefault(_same(f), []).append(f)
    lines, done = [], set()
    for f in items:
        key = _same(f)
        same = groups[key]
        if len(same) < COLLAPSE_FROM:
            lines.append(f"  {f}")
        elif key not in done:
            done.add(key)
            names = ", ".join(Path(g.file).stem for g in same)
            lines.append(f"  {len(same)}\u00d7 {f.field} {key[1]} / {key[2]}: {names}")
    return lines


def report(findings: list[Finding]) -> str:
    """The findings grouped by section, with a count per section (and per language for translations)."""
    if not findings:
        return "Semua beres. / All good."
    lines = []
    for section, (title_id, title_en) in SECTIONS.items():
        items = [f for f in findings if f.section == section]
        if not items:
            continue
        lines.append(f"{title_id} / {title_en}: {len(items)}")
        if section in ("translation", "outdated"):
            per_lang: dict[str, int] = {}
            for f in items:
                if "'" in f.message_en:
                    lang = f.message_en.split("'")[1]
                    per_lang[lang] = per_lang.get(lang, 0) + 1
            lines.append("  " + ", ".join(f"{lang}: {n}" for lang, n in sorted(per_lang.items())))
        if section == "outdated":
            lines.append("  Setelah memeriksa terjemahan / once the translation is checked: "
                         "make translated FILE=data/... [FIELD=...]")
        lines += _lines(items)
    return "\n".join(lines)


INFORMATION = frozenset({"review", "unpublished", "search_untried"})
"""Sections listed for information only: no warning annotation, never a failure."""


def to_json(findings: list[Finding]) -> str:
    """The findings for tools, in the report's order, one object each (nothing collapsed)."""
    return json.dumps({"findings": [asdict(f) for f in findings]}, ensure_ascii=False, indent=2)
