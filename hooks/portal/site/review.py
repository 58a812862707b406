"""Upkeep of a page: when it is due for review (stale), and its "edit" and "report" links.

Links are plain URLs built from ``extra.portal`` (no API call from readers' browsers); when
nothing is configured the link is left out rather than pointing somewhere invented.
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Iterable
from urllib.parse import quote, urlencode

from portal.site.config import Options


def add_months(date: dt.date, months: int) -> dt.date:
    """``date`` plus ``months`` calendar months, the day clamped to the month's length."""
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    return date.replace(year=year, month=month + 1, day=min(date.day, calendar.monthrange(year, month + 1)[1]))


def is_stale(last_reviewed: dt.date, today: dt.date, months: int) -> bool:
    """True once more than ``months`` months have passed since ``last_reviewed``."""
    return add_months(last_reviewed, months) < today


def stale_items(items: Iterable, today: dt.date, months: int) -> list:
    """Items (anything with ``file`` and ``last_reviewed``) due for review, oldest first."""
    return sorted((i for i in items if is_stale(i.last_reviewed, today, months)),
                  key=lambda i: (i.last_reviewed, i.file))


def edit_url(options: Options, path: str) -> str | None:
    """The web editor for a file (``data/x.yaml``) or the listing of a folder (``data/programs``)."""
    if not options.repo_url:
        return None
    action = "edit" if path.endswith((".yaml", ".yml")) else "tree"
    return f"{options.repo_url}/{action}/{quote(options.edit_branch)}/{quote(path)}"


def report_url(options: Options, title: str, path: str) -> str | None:
    """A mailto: link to the configured address, else a new issue in the repository, else None."""
    subject = f"Informasi salah / Wrong information: {title}"
    body = (f"Halaman / page: {title}\nBerkas / file: {path}\n\n"
            "Apa yang salah, dan apa sumbernya? / What is wrong, and what is the source?\n")
    if options.report_email:
        return f"mailto:{options.report_email}?" + urlencode({"subject": subject, "body": body}, quote_via=quote)
    if options.repo_url:
        return f"{options.repo_url}/issues/new?" + urlencode({"title": subject, "body": body}, quote_via=quote)
    return None
