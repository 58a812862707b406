"""Globals of the theme's templates (``overrides/main.html`` and its partials) for the language being built."""
from __future__ import annotations

from typing import Any, Iterable

from portal.mkdocs import i18n
from portal.outputs import search
from portal.site.strings import Strings
from portal.site.urls import SEARCH_DIR


def template_globals(config, dest_uris: Iterable[str], strings: dict[str, Strings]) -> dict[str, Any]:
    """``portal_t(key)``, the language's interface strings; ``portal_search_fallback``, the page the
    search button leads to without JavaScript; ``portal_search_bundle``, the language's Pagefind
    bundle (paths relative to the site root); ``portal_nav_cache``, the nav of pages outside it, by
    folder (filled by ``main.html``)."""
    lang_root = i18n.language_root(config)
    return {"portal_t": strings[i18n.current_language(config)],
            "portal_search_fallback": search.fallback_page(lang_root, dest_uris),
            "portal_search_bundle": lang_root + SEARCH_DIR + "/",
            "portal_nav_cache": {}}
