"""MkDocs hooks: adapt MkDocs events to the :mod:`portal` package (kept thin on purpose)."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from portal.build import interrupt, lock as buildlock, postbuild, prepare as build
from portal.build.paths import OutsideProject
from portal.checks import privacy
from portal.content.errors import ContentInvalid
from portal.mkdocs import i18n, memory_pages, prerendered, templates, theme_fixes
from portal.mkdocs.config import from_mkdocs_config
from portal.outputs import offline, search
from portal.outputs.brochures import BrochureError
from portal.site import error_page, hreflang, whitespace


log = logging.getLogger("mkdocs.hooks.portal")
_this_build: dict[str, build.Prepared] = {}  # by config file; set in on_config, read per page
_content_errors: list[ContentInvalid] = []  # the content errors of the last build, for the preview


def on_startup(command, dirty):
    interrupt.exit_on_sigterm()


def on_config(config):
    site = from_mkdocs_config(config)
    _content_errors.clear()
    try:
        buildlock.acquire(site.root)  # before anything is written; a no-op in this build's nested builds
        _this_build[config.config_file_path] = build.prepare(site)
    except ContentInvalid as exc:
        _content_errors.append(exc)
        raise PluginError(exc.report()) from None
    except (BrochureError, buildlock.BuildLocked, OutsideProject) as exc:
        raise PluginError(str(exc)) from None
    return config


@event_priority(50)  # before mkdocs-static-i18n (-100) sorts the files by language
def on_files(files, config):
    return memory_pages.add_files(files, _prepared(config).pages, config.docs_dir, config.site_dir,
                                  config.use_directory_urls)


def on_page_read_source(page, config):
    """The text of a generated page (None for a page on disk)."""
    return _prepared(config).pages.get(page.file.src_uri)


def on_pre_build(config):
    site = _prepared(config).site
    if i18n.other_languages_building(config):  # the default language is built: index it while the others build
        search.start_index(site.site_dir, site.languages[1:])
    else:
        search.discard_index(site.site_dir)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config):
    if i18n.other_languages_building(config):
        return
    try:
        postbuild.run(build.prepare(from_mkdocs_config(config)))
    except (privacy.ThirdPartyLoads, offline.ShellTooLarge) as exc:
        raise PluginError(str(exc)) from None
    buildlock.release_all()  # the whole build is done (mkdocs serve takes it again per rebuild)


def on_serve(server, config, builder):
    """A rebuild that fails on content errors shows them on every served page (see :mod:`.error_page`)."""
    rebuild = server.builder

    def rebuild_or_show_errors():
        try:
            rebuild()
        except Exception:
            if not _content_errors:
                raise
            shown = error_page.show_everywhere(Path(config.site_dir), error_page.error_page(_content_errors[0].errors))
            log.error("Portal PMI: content errors shown on the %d pages of the preview until fixed", shown)

    server.builder = rebuild_or_show_errors
    return server


def on_build_error(error):
    buildlock.release_all()


def on_shutdown():
    buildlock.release_all()


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    return whitespace.compact(theme_fixes.not_found_page(from_mkdocs_config(config), i18n.current_language(config), output))


def on_post_page(output, page, config):
    return whitespace.compact(output)


def on_page_context(context, page, config, nav):
    context["portal_alternates"] = hreflang.alternates(_prepared(config).site, i18n.alternate_urls(page))
    return context


def on_env(env, config, files):
    """Template globals for the language being built (see :mod:`portal.mkdocs.templates`)."""
    env.globals.update(templates.template_globals(config, _prepared(config).strings))
    templates.cache_compiled(env, _prepared(config).site.root)


def on_page_markdown(markdown, page, config, files):
    if prerendered.is_prerendered(page.meta):  # a generated page: its body is HTML already
        prerendered.skip_markdown(page)
    return markdown


def on_page_content(html, page, config, files):
    prepared = _prepared(config)
    lang = i18n.current_language(config)
    path = page.url[len(lang) + 1:] if page.url.startswith(f"{lang}/") else page.url
    return html + search.index_extras(html, page.meta, prepared.strings[lang], prepared.content.words, lang, path)


def _prepared(config):
    """This build's prepared content, without re-checking every data file on each page."""
    return _this_build.get(config.config_file_path) or build.prepare(from_mkdocs_config(config))
