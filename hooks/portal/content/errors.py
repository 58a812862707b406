"""One error format for the whole project: file, line, field, code, message id/en."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """A problem in a content file, located precisely enough for a non-programmer."""

    file: str
    line: int
    field: str
    code: str
    message_id: str
    message_en: str

    def __str__(self) -> str:
        field = f" {self.field}" if self.field else ""
        return (
            f"{self.file}:{self.line}:{field} [{self.code}] "
            f"{self.message_id} / {self.message_en}"
        )


class ContentInvalid(Exception):
    """Raised when content has errors; carries all of them, sorted."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"{count} kesalahan isi ditemukan / {count} content error(s) found:"
        return "\n".join([head, *(f"  {e}" for e in self.errors)])
