"""The post-build pipeline: runs once, after every language is built, in a fixed order."""
from __future__ import annotations

import logging
from typing import Callable
from urllib.parse import urlsplit

from portal.build.prepare import Prepared
from portal.checks import privacy
from portal.content.schema import SCHEMA_FILE
from portal.content.validator import COLLECTIONS
from portal.mkdocs.borrowed import THEME_STYLESHEET
from portal.mkdocs.theme_fixes import remove_theme_javascript, remove_unused_theme_files
from portal.outputs import admin
from portal.outputs import eligibility
from portal.outputs import minified_scripts
from portal.outputs import og_images
from portal.outputs import offline
from portal.outputs.cms_config import Backend
from portal.outputs import redirects
from portal.outputs import script_strings
from portal.outputs import search
from portal.outputs import unused_css
from portal.outputs.brochures import copy_to_site

log = logging.getLogger("mkdocs.hooks.portal")

Step = Callable[[Prepared], None]


def brochures(prepared: Prepared) -> None:
    """Copy this build's brochures from the cache into ``site/``."""
    copy_to_site(prepared.site, prepared.brochures.brochures)


def rules_json(prepared: Prepared) -> None:
    """The eligibility checker's questions and rules, for the browser."""
    data = eligibility.compile_data(prepared.content, prepared.strings)
    eligibility.write(data, prepared.site.site_dir)


def trimmed_stylesheet(prepared: Prepared) -> None:
    """Material's stylesheet less the rules no page uses, under a new hash in every page."""
    result = unused_css.trim_site(prepared.site.site_dir, THEME_STYLESHEET)
    if result is not None:
        log.info("Portal PMI: theme stylesheet trimmed to %d of %d selectors (%.1f KB)", result.kept_selectors,
                 result.kept_selectors + result.dropped_selectors, len(result.css) / 1024)


def web_editor(prepared: Prepared) -> None:
    """The staff's editor at /admin/, configured from the schema; ``today`` only when it is set (tests)."""
    site, options = prepared.site, prepared.site.options
    backend = Backend(name=options.cms_backend, repo_url=options.repo_url,
                      branch=options.cms_branch or options.edit_branch, auth_url=options.cms_auth_url,
                      auth_endpoint=options.cms_auth_endpoint,
                      local_url=options.cms_local_url)
    admin.write(site.site_dir, SCHEMA_FILE, COLLECTIONS, site.languages, backend, site.site_url,
                options.today)


def privacy_check(prepared: Prepared) -> None:
    """Fail the build when a page, stylesheet or script of site/ would load from another host."""
    site = prepared.site
    privacy.check(site.site_dir, [urlsplit(site.site_url).netloc])


# Fixed order: site fixes and redirects, the stylesheet trimmed over every page written so far,
# brochures, then rules JSON, link preview images, the search index, then the web editor (after
# the index: readers never find it; it loads no theme stylesheet), our scripts and stylesheets minified
# (after the CSS trim, which reads the class names and custom properties in them), then offline reading (computed from everything
# before it); last, the privacy scan of everything written.
STEPS: list[tuple[str, Step]] = [
    ("site fixes", lambda prepared: (remove_theme_javascript(prepared.site.site_dir),
                                     remove_unused_theme_files(prepared.site.site_dir, prepared.site.docs_dir))),
    ("redirects", lambda prepared: redirects.write_redirects(prepared.content, prepared.site)),
    ("unused CSS", trimmed_stylesheet),
    ("brochures", brochures),
    ("rules JSON", rules_json),
    ("link preview images", lambda prepared: og_images.write_cards(prepared.site)),
    ("search index", lambda prepared: search.build_index(prepared.site.site_dir, prepared.site.languages[1:])),
    ("web editor", web_editor),
    ("script strings", lambda prepared: script_strings.write(prepared.site.site_dir, prepared.strings,
                                                             prepared.site.docs_dir)),
    ("minified scripts", lambda prepared: minified_scripts.minify_site(prepared.site.site_dir)),
    ("offline reading", lambda prepared: offline.write(
        prepared.site.site_dir, prepared.site.languages,
        {lang: prepared.strings[lang]("offline.needs_internet") for lang in prepared.site.languages})),
    ("privacy", privacy_check),
]


def run(prepared: Prepared) -> None:
    for name, step in STEPS:
        log.info("Portal PMI post-build: %s", name)
        step(prepared)
