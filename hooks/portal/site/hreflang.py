"""hreflang alternates: the absolute URL of each language version of a page, for the templates."""
from __future__ import annotations

from typing import Mapping
from urllib.parse import urljoin

from portal.site.config import Site


def alternates(site: Site, urls: Mapping[str, str]) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of each language version of a page, in site order.

    ``urls`` maps language to the page's site-relative URL ('', 'en/program/melati/').
    The default language's version is also the ``x-default``. One version alone gets none.
    """
    base = site.site_url.rstrip("/") + "/"
    out = [(lang, urljoin(base, urls[lang].lstrip("/"))) for lang in site.languages if lang in urls]
    if len(out) < 2:
        return []
    if site.default_language in urls:
        out.append(("x-default", urljoin(base, urls[site.default_language].lstrip("/"))))
    return out
