"""Globals of the theme's templates (``overrides/main.html`` and its partials) for the language being built."""
from __future__ import annotations

from typing import Any

from portal.mkdocs import i18n
from portal.site.strings import Strings
from portal.site.urls import AZ_DIR, HELP_DIR, SEARCH_DIR


def template_globals(config, strings: dict[str, Strings]) -> dict[str, Any]:
    """``portal_t(key)``, the language's interface strings; ``portal_az``, the language's A–Z page
    (generated in every language: the search button leads there without JavaScript); ``portal_help``,
    the language's help page (linked at the top of every page);
    ``portal_search_bundle``, the language's Pagefind bundle (paths relative to the site root);
    ``portal_lang_root``, the language's root ('' or 'en/': manifest, offline reading);
    ``portal_nav_cache``, the nav of pages outside it, by folder (filled by ``main.html``)."""
    lang_root = i18n.language_root(config)
    return {"portal_t": strings[i18n.current_language(config)],
            "portal_az": f"{lang_root}{AZ_DIR}/",
            "portal_help": f"{lang_root}{HELP_DIR}/",
            "portal_search_bundle": lang_root + SEARCH_DIR + "/",
            "portal_lang_root": lang_root,
            "portal_nav_cache": {}}
