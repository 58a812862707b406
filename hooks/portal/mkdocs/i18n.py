"""What the hooks read from mkdocs-static-i18n. Most of it is not the plugin's documented API
(see :mod:`portal.mkdocs.borrowed`), so it is read here only."""
from __future__ import annotations


def _plugin(config):
    return config.plugins["i18n"]


def configured_languages(config) -> list:
    """The plugin's ``languages`` entries (its documented configuration)."""
    return _plugin(config).config.languages


def other_languages_building(config) -> bool:
    """True while the plugin builds the other languages (the default one is written by then);
    False in the default language's own build, which runs first and finishes last."""
    return _plugin(config).building


def current_language(config) -> str:
    """The language being built."""
    return _plugin(config).current_language


def language_root(config) -> str:
    """The root of the language being built, relative to the site root ('' or 'en/')."""
    return _plugin(config).current_language_config.link.lstrip("/")


def alternate_urls(page) -> dict[str, str]:
    """{language: site-relative URL} of each language version of ``page`` (the plugin sets
    ``file.alternates``; a page outside its languages has none)."""
    return {lang: f.url for lang, f in (getattr(page.file, "alternates", None) or {}).items()}
