"""Globals of the theme's templates (``overrides/main.html`` and its partials) for the language being built."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from portal.build.paths import own_folder
from portal.mkdocs import i18n
from portal.site.strings import Strings
from portal.site.urls import AZ_DIR, HELP_DIR, SEARCH_DIR

COMPILED_DIR = Path(".cache") / "templates"
"""Jinja's compiled theme templates, by their source's checksum (written by Jinja, read back by it)."""


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


def cache_compiled(env: jinja2.Environment, root: Path) -> None:
    """Compile the theme's templates once, not again at each language's build and each preview rebuild
    (MkDocs makes a new environment every time): Jinja's bytecode cache in :data:`COMPILED_DIR`, keyed
    by each template's source, so an edited template is compiled afresh."""
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(own_folder(root, COMPILED_DIR)))
