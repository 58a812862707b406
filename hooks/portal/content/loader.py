"""Read YAML safely, keeping the line of every value.

Anchors, aliases and tags are refused before anything is built (no "YAML bombs", no
custom objects), as are oversized files, deep nesting (no recursion blow-ups) and anything but
a regular file (:func:`read_bounded`); dates stay strings (the schema checks their format),
duplicate keys are errors.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

from portal.content.errors import ContentError

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32  # real content nests under 10 deep
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: they can make text read differently from what it is."""
ALLOWED_CONTROLS = frozenset("\n\t")

Path_ = tuple[Any, ...]


_PLAIN_STRINGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value", "tag:yaml.org,2002:merge"}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when PyYAML has it
    """SafeLoader without implicit timestamps (dates stay strings), '=' values or '<<' merges."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in _PLAIN_STRINGS]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _check_events(text: str) -> None:
    """Refuse anchors/aliases and deep nesting before anything is built from the events."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AnchorRefused(event.start_mark)
        if getattr(event, "tag", None) not in (None, "!"):
            raise _TagRefused(event.start_mark)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _TooDeep(event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _AnchorRefused(Exception):
    def __init__(self, mark: yaml.Mark):
        self.mark = mark


class _TooDeep(_AnchorRefused):
    pass


class _TagRefused(_AnchorRefused):
    pass


@dataclass
class Document:
    """A loaded YAML file: its data and the line (1-based) of each path."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    text: str = ""  # the file as written (comments included)

    def line(self, path: Path_) -> int:
        """Line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class LoadFailed(Exception):
    def __init__(self, error: ContentError):
        self.error = error
        super().__init__(str(error))


def load_text(text: str, file: str) -> Document:
    """Parse ``text`` (the contents of ``file``) into a :class:`Document`."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise LoadFailed(ContentError(
            file, 1, "", "E-SIZE",
            f"berkas lebih dari {MAX_FILE_BYTES // 1024} KB",
            f"file is larger than {MAX_FILE_BYTES // 1024} KB"))
    loader = None
    try:
        _check_events(text)
        loader = _Loader(text)
        node = loader.get_single_node()
    except _TooDeep as exc:
        raise LoadFailed(ContentError(
            file, exc.mark.line + 1, "", "E-DEPTH",
            f"isi bersarang lebih dari {MAX_DEPTH} tingkat; tulis lebih datar",
            f"content is nested more than {MAX_DEPTH} levels deep; write it flatter")) from None
    except _TagRefused as exc:
        raise LoadFailed(ContentError(
            file, exc.mark.line + 1, "", "E-TAG",
            "tag YAML (!...) tidak diizinkan; tulis nilainya saja",
            "YAML tags (!...) are not allowed; write the plain value")) from None
    except _AnchorRefused as exc:
        raise LoadFailed(ContentError(
            file, exc.mark.line + 1, "", "E-ALIAS",
            "anchor/alias YAML (& dan *) tidak diizinkan; tulis isinya langsung",
            "YAML anchors/aliases (& and *) are not allowed; write the content out"))
    except yaml.MarkedYAMLError as exc:
        raise LoadFailed(_syntax_error(exc, text, file)) from None
    except yaml.reader.ReaderError as exc:  # control characters (position: a byte offset with libyaml)
        line = text.encode("utf-8")[:exc.position].count(b"\n") + 1
        raise LoadFailed(ContentError(
            file, line, "", "E-CHAR", f"karakter khusus #x{exc.character:04x} tidak boleh; hapus karakter itu",
            f"special character #x{exc.character:04x} is not allowed; delete it")) from None
    except yaml.YAMLError as exc:
        raise LoadFailed(ContentError(
            file, 1, "", "E-SYNTAX", "YAML tidak bisa dibaca; periksa tanda kutip, kurung [ ] { } dan jarak menjorok",
            "YAML cannot be read; check quotes, brackets [ ] { } and indentation")) from None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        raise LoadFailed(ContentError(
            file, 1, "", "E-EMPTY", "berkas kosong", "file is empty"))
    doc = Document(file, None, text=text)
    try:
        doc.data = _convert(node, (), doc, loader)
    except yaml.MarkedYAMLError as exc:  # a value no safe constructor accepts
        mark = exc.problem_mark or exc.context_mark
        raise LoadFailed(ContentError(
            file, mark.line + 1 if mark else 1, "", "E-SYNTAX",
            "YAML tidak bisa dibaca: nilai di baris ini tidak dikenali; beri tanda kutip, mis. \"nilainya\"",
            "YAML cannot be read: the value on this line is not understood; put it in quotes, e.g. \"a value\""
        )) from None
    return doc


CURLY_QUOTES = "\u201c\u201d\u2018\u2019"
"""“ ” ‘ ’: typographic quotes, which YAML reads as ordinary characters, not as quotes."""
KEY_LINE = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][\w-]{0,30})(?:\s+(\S.*?))?\s*$")
"""A line that starts with a field name and has no colon: ``title``, or ``en Placement in Korea``."""
_OPEN_QUOTE = re.compile(r"^\s*(?:-\s+(?:[\w-]+:\s+)?|[\w-]+:\s+)([\"'])")
_AFTER_QUOTE = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+(\"[^\"]*\"|'[^']*')\s*[^\s#]")
_KEY_AND_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s:#][^:#]*:\s+(.*)$")
CANNOT_READ = ("YAML tidak bisa dibaca", "YAML cannot be read")
Found = tuple[int, str, str, str]
"""(line, code, what to do in Indonesian, in English) of a syntax mistake."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" -"))


def _before(lines: list[str], line: int) -> int:
    """The nearest line above ``line`` with content (not blank, not a comment), or 0."""
    return next((i for i in range(line - 1, 0, -1)
                 if lines[i - 1].strip() and not lines[i - 1].lstrip().startswith("#")), 0)


def _missing_colon(lines: list[str], at: int) -> Found | None:
    """E-COLON when line ``at`` starts with a field name and has no colon after it."""
    found = KEY_LINE.match(lines[at - 1]) if 0 < at <= len(lines) else None
    if not found or ":" in lines[at - 1]:
        return None
    key, rest = found.group(3), found.group(4)
    if not rest:  # `title` alone on a line
        return (at, "E-COLON", f"'{key}' di baris ini tidak diikuti titik dua; tulis '{key}:'",
                f"'{key}' on this line has no colon after it; write '{key}:'")
    return (at, "E-COLON",
            f"'{key}' di baris ini tidak diikuti titik dua; tulis '{key}: {rest}' (atau, jika baris ini "
            "lanjutan teks di atasnya, geser lebih ke kanan dari baris itu)",
            f"'{key}' on this line has no colon after it; write '{key}: {rest}' (or, if this line continues "
            "the text above, indent it further than that line)")


def _unclosed(exc: yaml.MarkedYAMLError, lines: list[str], line: int) -> Found | None:
    """A quote, [ or { opened and never closed: reported on the line that opens it."""
    context, at = str(exc.context), exc.context_mark.line + 1 if exc.context_mark else 0
    if "flow sequence" in context or "flow mapping" in context:
        opened, close, example = ("[", "]", "[banyuwangi, jember]") if "sequence" in context else (
            "{", "}", "{id: ..., en: ...}")
        return (at, "E-SYNTAX",
                f"kurung '{opened}' di baris ini tidak ditutup; akhiri dengan '{close}', mis. {example}",
                f"the '{opened}' on this line is never closed; end it with '{close}', e.g. {example}")
    if "quoted scalar" not in context:  # else: the first line above the error opening a quote it leaves open
        at = next((i for i in range(1, min(line, len(lines)) + 1) if _opens_quote(lines[i - 1])), 0)
    if not at:
        return None
    return (at, "E-SYNTAX", "tanda kutip yang dibuka di baris ini tidak ditutup; tutup teksnya dengan tanda "
            "kutip yang sama di akhir, mis. id: \"Catatan: bawa KTP\"",
            "the quote opened on this line is never closed; end the text with the same quote, "
            "e.g. id: \"Note: bring your KTP\"")


def _opens_quote(text: str) -> bool:
    """``text``'s value starts with a quote that the line does not close."""
    found = _OPEN_QUOTE.match(text)
    if not found:
        return False
    rest = text[found.end():].replace('\\"', "").replace("''", "")
    return found.group(1) not in rest


def _misplaced(exc: yaml.MarkedYAMLError, lines: list[str], line: int) -> Found | None:
    """A ': ' inside a text, a '-' without its space, text after a closing quote, a bracket too
    many, or a line indented unlike its neighbours."""
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    above = _before(lines, line)
    problem = str(exc.problem)
    value = _KEY_AND_VALUE.match(here)
    if "mapping values are not allowed" in problem and value and (": " in value.group(1) or value.group(1)[-1:] == ":"):
        return (line, "E-SYNTAX",
                "ada ': ' di dalam teks; beri tanda kutip pada teksnya, mis. id: \"Catatan: bawa KTP\"",
                "there is a ': ' inside a text; put the text in quotes, e.g. id: \"Note: bring your KTP\"")
    if above and re.match(r"^\s*-[^\s-]", lines[above - 1]):
        return (above, "E-SYNTAX", "tulis spasi sesudah '-' di awal butir daftar, mis. '- label: ...'",
                "put a space after the '-' that starts a list item, e.g. '- label: ...'")
    if _AFTER_QUOTE.match(here):
        return (line, "E-SYNTAX", "ada teks sesudah tanda kutip penutup; masukkan seluruh teks ke dalam tanda kutip",
                "there is text after the closing quote; put the whole text inside the quotes")
    if here.count("]") > here.count("[") or here.count("}") > here.count("{"):
        return (line, "E-SYNTAX", "ada kurung tutup ] atau } yang berlebih di baris ini; hapus satu",
                "there is one closing ] or } too many on this line; delete one")
    unaligned = above and _indent(here) != _indent(lines[above - 1])
    if unaligned and ("mapping values" in problem or "expected key" in problem):
        return (line, "E-SYNTAX", "baris ini menjorok tidak sejajar; kolom dalam kelompok yang sama dimulai pada "
                f"kolom huruf yang sama (mis. sejajar dengan baris {above})",
                "this line's indentation does not match; fields of the same group start in the same column "
                f"(e.g. lined up with line {above})")
    return None


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> ContentError:
    """E-SYNTAX (E-TAB, E-COLON, E-QUOTES) on the line the mistake is on, saying what to write there;
    the parser's own (English) words are never shown."""
    lines = text.splitlines()
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    found: Found | None = None
    if "\t" in here:
        found = (line, "E-TAB", "ada karakter tab (gunakan spasi, bukan tab); ganti tab di baris ini dengan spasi",
                 "there is a tab (use spaces, not tabs); replace the tab on this line with spaces")
    elif any(q in here for q in CURLY_QUOTES):
        found = (line, "E-QUOTES", "tanda kutip miring “ ” atau ‘ ’ bukan tanda kutip YAML; ganti dengan "
                 "tanda kutip lurus \", mis. id: \"Catatan: bawa KTP\"",
                 "curly quotes “ ” or ‘ ’ are not YAML quotes; use straight quotes \" instead, "
                 "e.g. id: \"Note: bring your KTP\"")
    elif "simple key" in str(exc.context) and exc.context_mark:  # YAML looked for the ':' of that line
        found = _missing_colon(lines, exc.context_mark.line + 1)
    elif "mapping values are not allowed" in str(exc.problem):  # the line above may be a key without ':'
        above = _before(lines, line)
        found = _missing_colon(lines, above) if above and _indent(here) >= _indent(lines[above - 1]) else None
    found = found or _unclosed(exc, lines, line) or _misplaced(exc, lines, line) or (
        line, "E-SYNTAX", "periksa tanda kutip, kurung [ ] { } dan jarak menjorok di baris ini atau sebelumnya",
        "check quotes, brackets [ ] { } and indentation on this line or the one before")
    at, code, what_id, what_en = found
    return ContentError(file, at, "", code, f"{CANNOT_READ[0]}: {what_id}", f"{CANNOT_READ[1]}: {what_en}")


def load_file(path: Path, root: Path, inside: Path | None = None) -> Document:
    """Load ``path``; error locations use its path relative to ``root``.

    Only a regular file that really lies in ``inside`` (default: ``root``), after following
    links, is read, and at most :data:`MAX_FILE_BYTES` + 1 bytes of it (see :func:`read_bounded`).
    """
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    data = read_bounded(path, name, inside or root)
    if len(data) > MAX_FILE_BYTES:
        return load_text("x" * (MAX_FILE_BYTES + 1), name)  # raises E-SIZE
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise LoadFailed(ContentError(
            name, 1, "", "E-ENCODING", "berkas harus UTF-8; simpan ulang dengan pengodean UTF-8",
            "file must be UTF-8; save it again with UTF-8 encoding")) from None
    return load_text(text, name)


_BAD_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) but tab and newline,
and the bidirectional overrides (:data:`BIDI_CONTROLS`)."""


def bad_character(text: str) -> str | None:
    """The first control character or bidirectional override in ``text`` as 'U+202E', or None."""
    found = _BAD_CHARACTER.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def character_errors(doc: Document) -> list[ContentError]:
    """E-CHAR for every key or string of ``doc`` holding a control character or a bidirectional
    override (YAML lets them in through escapes such as "\\u202e")."""
    errors: list[ContentError] = []

    def check(path: Path_, text: str) -> None:
        bad = bad_character(text)
        if bad:
            errors.append(ContentError(
                doc.file, doc.line(path), _dotted(path), "E-CHAR",
                f"karakter kendali/arah teks {bad} tidak boleh (tak terlihat, bisa mengubah arti teks); "
                "hapus karakter itu",
                f"control or text-direction character {bad} is not allowed (invisible, it can change how "
                "the text reads); delete it"))

    def walk(value: Any, path: Path_) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                check(path + (key,), str(key))
                walk(child, path + (key,))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                walk(child, path + (i,))
        elif isinstance(value, str):
            check(path, value)

    walk(doc.data, ())
    return errors


_NOT_REGULAR = ((stat.S_ISDIR, "folder", "a folder"), (stat.S_ISFIFO, "pipa (FIFO)", "a pipe (FIFO)"),
                (stat.S_ISSOCK, "soket", "a socket"), (stat.S_ISCHR, "perangkat", "a device"),
                (stat.S_ISBLK, "perangkat", "a device"))


def _file_error(name: str, msg_id: str, msg_en: str) -> LoadFailed:
    return LoadFailed(ContentError(name, 1, "", "E-FILE", msg_id, msg_en))


def _check_regular(mode: int, name: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind_id, kind_en = next(((i, e) for test, i, e in _NOT_REGULAR if test(mode)), ("bukan berkas", "not a file"))
    raise _file_error(name, f"ini {kind_id}, bukan berkas biasa; hapus, atau ganti dengan berkas YAML",
                      f"this is {kind_en}, not a regular file; delete it or replace it with a YAML file")


def read_bounded(path: Path, name: str, inside: Path) -> bytes:
    """The bytes of ``path`` (named ``name`` in errors), at most ``MAX_FILE_BYTES + 1`` of them.

    Refused with an E-FILE error, before anything is read: a dangling or looping link, a
    file whose real location is outside ``inside``, and anything but a regular file (a folder,
    device, FIFO or socket: ``stat`` says 0 bytes for those, and reading one may never end).
    The file is opened without blocking and checked again once open, in case it was swapped.
    """
    try:
        real = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        if os.path.islink(path):
            raise _file_error(name, "tautan (symlink) ini menunjuk ke berkas yang tidak ada; hapus tautannya",
                              "this symbolic link points to a file that does not exist; delete the link") from None
        raise _file_error(name, "berkas tidak ada", "file does not exist") from None
    except OSError as exc:  # ELOOP, EACCES, ...
        if exc.errno == errno.ELOOP:
            raise _file_error(name, "tautan (symlink) ini berputar tanpa ujung; hapus tautannya",
                              "this symbolic link loops; delete the link") from None
        raise _file_error(name, f"berkas tidak bisa dibaca ({exc.strerror})",
                          f"file cannot be read ({exc.strerror})") from None
    if not real.is_relative_to(Path(os.path.realpath(inside))):
        raise _file_error(name, f"tautan (symlink) ini menunjuk ke luar {inside.name}/; salin isinya ke sini",
                          f"this symbolic link points outside {inside.name}/; copy the content here instead")
    _check_regular(real.stat().st_mode, name)
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise _file_error(name, f"berkas tidak bisa dibaca ({exc.strerror})",
                          f"file cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        _check_regular(os.fstat(fd).st_mode, name)
        chunks, left = [], MAX_FILE_BYTES + 1
        while left > 0:
            chunk = handle.read(left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)


def _convert(node: yaml.Node, path: Path_, doc: Document, loader: _Loader) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, bool)) or key is None:
                key = str(key)
            if key in result:
                raise LoadFailed(ContentError(
                    doc.file, key_node.start_mark.line + 1, _dotted(path + (key,)), "E-DUPKEY",
                    f"kolom '{key}' ditulis dua kali", f"field '{key}' appears twice"))
            result[key] = _convert(value_node, path + (key,), doc, loader)
            doc.lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), doc, loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted


def strings(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """(path, value) of every string value in ``data``, keys left out."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, path + (i,))
