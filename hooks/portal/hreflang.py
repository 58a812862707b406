"""Absolute ``hreflang`` alternates: search engines ignore relative ones (static-i18n writes ``./``)."""
from __future__ import annotations

import re
from urllib.parse import urljoin

_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def absolute_alternates(html: str, page_url: str) -> str:
    """``html`` with every relative ``<link rel="alternate" hreflang>`` resolved against ``page_url``."""
    def fix(match: re.Match) -> str:
        return f'<link rel="alternate" href="{urljoin(page_url, match.group(1))}" hreflang="{match.group(2)}">'
    return _ALTERNATE.sub(fix, html)
