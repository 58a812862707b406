"""MkDocs hooks: adapt MkDocs events to the :mod:`portal` package (kept thin on purpose)."""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from portal import build, postbuild, redirects
from portal.hreflang import absolute_alternates
from portal.brochures import BrochureError
from portal.errors import ContentInvalid
from portal.site import from_mkdocs_config


def on_config(config):
    try:
        build.prepare(from_mkdocs_config(config))
    except ContentInvalid as exc:
        raise PluginError(exc.report()) from None
    except BrochureError as exc:
        raise PluginError(str(exc)) from None
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    prepared = build.prepare(from_mkdocs_config(config))
    redirects.write_redirects(prepared.content, prepared.site)
    postbuild.run(prepared)


def on_env(env, config, files):
    env.auto_reload = False  # a fresh environment each build: no need to stat every template per page
    return env


def on_post_page(output, page, config):
    return absolute_alternates(output, page.canonical_url or "")
