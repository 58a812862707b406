"""Read YAML safely, keeping the line of every value.

Anchors and aliases are refused while composing (no "YAML bombs"), dates stay
strings (the schema checks their format), duplicate keys are errors.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

MAX_FILE_BYTES = 256 * 1024

Path_ = tuple[Any, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without anchors/aliases and without implicit timestamps."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML signature
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AnchorRefused(event.start_mark)
        return super().compose_node(parent, index)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same loader on libyaml (C) when PyYAML has it: composes several times faster."""

    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _compose_fast(text: str) -> tuple[yaml.Node, yaml.SafeLoader] | None:
    """Node tree and loader via libyaml; None when the text needs the careful path (errors, anchors)."""
    try:
        for event in yaml.parse(text, Loader=_FastLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return None
        loader = _FastLoader(text)
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    return (node, loader) if node is not None else None


class _AnchorRefused(Exception):
    def __init__(self, mark: yaml.Mark):
        self.mark = mark


@dataclass
class Document:
    """A loaded YAML file: its data and the line (1-based) of each path."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

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
    fast = _compose_fast(text)
    if fast is not None:
        doc = Document(file, None)
        doc.data = _convert(fast[0], (), doc, fast[1])
        return doc
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except _AnchorRefused as exc:
        raise LoadFailed(ContentError(
            file, exc.mark.line + 1, "", "E-ALIAS",
            "anchor/alias YAML (& dan *) tidak diizinkan; tulis isinya langsung",
            "YAML anchors/aliases (& and *) are not allowed; write the content out"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        tab = "\t" in text.splitlines()[line - 1] if mark and text.splitlines()[line - 1:line] else False
        hint_id = " (gunakan spasi, bukan tab)" if tab else ""
        hint_en = " (use spaces, not tabs)" if tab else ""
        raise LoadFailed(ContentError(
            file, line, "", "E-TAB" if tab else "E-SYNTAX",
            f"YAML tidak bisa dibaca: {exc.problem}{hint_id}",
            f"YAML cannot be read: {exc.problem}{hint_en}"))
    except yaml.YAMLError as exc:  # e.g. reader errors on control characters
        raise LoadFailed(ContentError(
            file, 1, "", "E-SYNTAX", f"YAML tidak bisa dibaca: {exc}", f"YAML cannot be read: {exc}"))
    finally:
        loader.dispose()
    if node is None:
        raise LoadFailed(ContentError(
            file, 1, "", "E-EMPTY", "berkas kosong", "file is empty"))
    doc = Document(file, None)
    doc.data = _convert(node, (), doc, loader)
    return doc


def load_file(path: Path, root: Path) -> Document:
    """Load ``path``; error locations use its path relative to ``root``."""
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if path.stat().st_size > MAX_FILE_BYTES:
        return load_text("x" * (MAX_FILE_BYTES + 1), name)  # raises E-SIZE without reading
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise LoadFailed(ContentError(
            name, 1, "", "E-ENCODING", "berkas harus UTF-8", "file must be UTF-8")) from None
    return load_text(text, name)


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
