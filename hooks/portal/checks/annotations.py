"""Content errors and editors' findings as GitHub Actions annotations, shown beside the changed line.

See https://docs.github.com/actions/reference/workflow-commands-for-github-actions: the message
is percent-encoded so that a newline, ``%`` or ``:`` in it cannot end or forge a command.
"""
from __future__ import annotations

from portal.checks.editors_report import Finding
from portal.content.errors import ContentError


def _escape(text: str, in_property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def _command(level: str, file: str, line: int, title: str, message: str) -> str:
    return (f"::{level} file={_escape(file, True)},line={line},title={_escape(title, True)}::"
            f"{_escape(message)}")


def error(e: ContentError) -> str:
    """``::error`` for a content error: the check fails on it."""
    title = f"{e.code} {e.field}".strip()
    return _command("error", e.file, e.line, title, f"{e.message_id}\n{e.message_en}")


def warning(f: Finding) -> str:
    """``::warning`` for an editors' finding (stale review, missing translation): never fails the check."""
    return _command("warning", f.file, f.line, f.field or f.section, f"{f.message_id}\n{f.message_en}")
