"""MkDocs hooks: adapt MkDocs events to the :mod:`portal` package (kept thin on purpose)."""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from portal import build, meta, postbuild, redirects, sitefixes
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


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    return sitefixes.not_found_page(from_mkdocs_config(config), config.plugins["i18n"].current_language, output)


def on_page_context(context, page, config, nav):
    urls = {lang: f.url for lang, f in (getattr(page.file, "alternates", None) or {}).items()}
    context["portal_alternates"] = meta.alternates(from_mkdocs_config(config), urls)
    return context


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        context["portal_ui"] = build.prepare(from_mkdocs_config(config)).strings[
            config.plugins["i18n"].current_language]
    return context
