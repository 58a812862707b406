"""Editorial rules beyond the schema: what no file may keep and what some pages must say.

- Placeholders left by ``portal.py new`` (``GANTI:`` / ``REPLACE:`` texts, ``# GANTI`` marks).
- A program for prospective migrant workers (``calon_pmi``) warns about brokers (calo) and
  says to check the agency in Jendela PMI, unless it has ended.
- Phone numbers: a number in a text (also a short one a call word names: "call 999") must be a phone contact with sources somewhere in the
  content, every phone contact has a note (what the number is for, how sure we are), and no
  WhatsApp links (readers are told to trust only official numbers).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from portal.content.errors import ContentError
from portal.content.loader import Document, dotted, strings

PLACEHOLDER_TEXT = re.compile(r"^\s*(GANTI|REPLACE):")
PLACEHOLDER_MARK = re.compile(r"\S\s+#\s*GANTI\b")  # an inline comment after a value, as the scaffold writes
PHONE = re.compile(  # 0812 3456 7890, 0333-424123, 0333.424.123, (0333) 424 123, +62 333 424123, +62 (0)333 424123
    r"(?<![\w.,/-])(?:\(0\d{1,4}\)[\s.-]?\d{2,5}(?:[\s.-]?\d{2,5}){0,3}"
    r"|(?:\+\d{1,3}[\s.-]?(?:\(0?\d{0,4}\)[\s.-]?)?|0)\d{1,4}(?:[\s.-]?\d{2,5}){1,4})(?![\w.,/-]*\d)")
CALL_WORDS = r"(?:telepon|telpon|telp|tel|hubungi|saluran|hotline|nomor|call|phone|telephone|dial|ring|line|number)"
CALLED = re.compile(  # a number written without 0 or +, e.g. Taiwan's 1955 or Hong Kong's 999, named as one
    rf"\b{CALL_WORDS}\b[\s*_:]{{0,4}}([1-9]\d{{2,4}}(?:[ -]\d{{3,5}}){{0,2}})(?![\w.,/-]*\d)(?![ -]\d)"
    rf"|(?<![\w.,/+-])([1-9]\d{{2,4}}(?:[ -]\d{{3,5}}){{0,2}})[*_]{{0,2}}\s+(?:hotline|line|saluran)\b", re.I)
WHATSAPP = re.compile(r"\b(wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|wa\.link)/", re.I)
CALO = re.compile(r"\bcalo\b", re.I)
JENDELA = re.compile(r"\bJendela PMI\b")

Report = Callable[..., None]
"""Called as report(path, code, message_id, message_en), with ``line=`` when not the field's."""


def placeholders(doc: Document) -> list[ContentError]:
    """Every placeholder text and ``# GANTI`` mark left in ``doc`` (its comments are in ``doc.text``)."""
    errors = [ContentError(doc.file, doc.line(path), dotted(path), "E-PLACEHOLDER",
                           "masih berisi teks contoh dari `portal.py new`; tulis isi yang sebenarnya",
                           "still holds the example text from `portal.py new`; write the real content")
              for path, value in strings(doc.data) if PLACEHOLDER_TEXT.match(value)]
    field_at: dict[int, tuple] = {}  # line -> the deepest field named on it
    for path, number in doc.lines.items():
        if path and isinstance(path[-1], str) and len(path) >= len(field_at.get(number, ())):
            field_at[number] = path
    for number, line in enumerate(doc.text.splitlines(), 1):
        if PLACEHOLDER_MARK.search(line) and not line.lstrip().startswith("#"):
            errors.append(ContentError(
                doc.file, number, dotted(field_at.get(number, ())), "E-PLACEHOLDER",
                "pilihan contoh dari `portal.py new` belum diperiksa; pilih nilai yang benar lalu hapus komentar '# GANTI'",
                "example choice from `portal.py new` not checked yet; choose the right value, then delete the '# GANTI' comment"))
    return errors


def check_calo_warning(program, report: Report) -> None:
    """A current program for prospective migrant workers warns about calo and names Jendela PMI."""
    if "calon_pmi" not in program.audience or program.status.value == "ended":
        return
    langs = sorted({lang for w in program.warnings for lang in w}) or [next(iter(program.title))]
    for lang in langs:
        text = " ".join(w[lang] for w in program.warnings if lang in w)
        if not (CALO.search(text) and JENDELA.search(text)):
            report(("warnings",) if program.warnings else ("audience",), "E-CALO-WARNING",
                   f"program untuk calon PMI wajib punya peringatan ('warnings', teks '{lang}') tentang calo "
                   "dan cek perusahaan di Jendela PMI; contoh di data/programs/ltsa-banyuwangi.yaml",
                   f"a programme for prospective migrant workers needs warnings ('{lang}' text) about calo "
                   "(illegal recruiters) and checking the agency in Jendela PMI; see data/programs/ltsa-banyuwangi.yaml")


def canonical_phone(value: str) -> str:
    """Digits only, an Indonesian +62 number written as 0… (so +62 812… and 0812… are one number)."""
    number = ("+" if value.strip().startswith("+") else "") + re.sub(r"\D", "", value.replace("(0)", ""))
    return "0" + number[3:] if number.startswith("+62") else number


def phone_numbers(text: str) -> set[str]:
    """Phone-like numbers in ``text``, canonical: Indonesian 0… or international +…, and a number
    without either (a short line such as 1955, a local number abroad) that a call word names."""
    return set(written_phones(text))


def written_phones(text: str) -> dict[str, str]:
    """canonical number -> the number as first written in ``text`` (see :func:`phone_numbers`)."""
    found = [m.group(0) for m in PHONE.finditer(text) if len(re.sub(r"\D", "", m.group(0))) >= 7]
    found += [m.group(1) or m.group(2) for m in CALLED.finditer(text)]
    out: dict[str, str] = {}
    for written in found:
        out.setdefault(canonical_phone(written), written)
    return out


def written_line(doc: Document, path: tuple, written: str) -> int:
    """The line of ``doc`` where ``written`` stands in the value at ``path`` (a number in a long
    text), or the field's line when no single line holds it."""
    start = doc.line(path)
    end = min((n for p, n in doc.lines.items() if n > start and p[:len(path)] != tuple(path)), default=None)
    lines = doc.text.splitlines()[start - 1:(end - 1) if end else None]
    return next((start + i for i, line in enumerate(lines) if written in line), start)


def sourced_phones(contacts: Iterable) -> set[str]:
    """The numbers of phone contacts (each has sources: the schema requires them)."""
    return {canonical_phone(c.value) for c in contacts if c.kind == "phone"}


def check_text_phones(text: str, path: tuple, sourced: set[str], report: Report, doc: Document | None = None) -> None:
    """A number in a text must be a sourced phone contact (reported on its own line of ``doc``);
    no WhatsApp links."""
    written = written_phones(text)
    for number in sorted(set(written) - sourced):
        line = {"line": written_line(doc, path, written[number])} if doc else {}
        report(path, "E-PHONE",
               f"nomor telepon '{number}' di teks tidak ada di 'contacts' mana pun; tambahkan sebagai kontak "
               "(kind: phone) dengan sumber dan catatan, atau hapus nomornya",
               f"phone number '{number}' in the text is not in any 'contacts'; add it as a contact "
               "(kind: phone) with sources and a note, or remove it", **line)
    if WHATSAPP.search(text):
        report(path, "E-WHATSAPP",
               "tautan WhatsApp tidak boleh (pembaca diajari hanya percaya nomor resmi); tulis nomor resmi di "
               "'contacts' (kind: phone) dengan sumbernya",
               "WhatsApp links are not allowed (readers are taught to trust official numbers only); put the "
               "official number in 'contacts' (kind: phone) with its sources")


def check_contacts(contacts, path: tuple, report: Report) -> None:
    """Every phone contact says in a note what the number is for and how sure we are of it."""
    for i, c in enumerate(contacts):
        if c.kind == "phone" and not c.note:
            report(path + (i, "note"), "E-MISSING",
                   "nomor telepon wajib punya 'note': untuk apa nomor ini dan dari mana (mis. diumumkan 2021 oleh ...)",
                   "a phone number needs a 'note': what it is for and where it comes from (e.g. published in 2021 by ...)")
        if WHATSAPP.search(c.value):
            report(path + (i, "value"), "E-WHATSAPP",
                   "tautan WhatsApp tidak boleh; tulis nomornya sebagai kind: phone dengan sumbernya",
                   "WhatsApp links are not allowed; write the number as kind: phone with its sources")
