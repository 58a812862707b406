"""The post-build pipeline: runs once, after every language is built, in a fixed order."""
from __future__ import annotations

import logging
from typing import Callable

from .brochures import copy_to_site
from .build import Prepared
from .sitefixes import fix_theme_javascript

log = logging.getLogger("mkdocs.hooks.portal")

Step = Callable[[Prepared], None]

def brochures(prepared: Prepared) -> None:
    """Copy this build's brochures from the cache into ``site/``."""
    copy_to_site(prepared.site, prepared.brochures.brochures)


# Fixed order: site fixes, brochures, then the search index, then checks. Later issues fill these in.
STEPS: list[tuple[str, Step]] = [
    ("site fixes", lambda prepared: fix_theme_javascript(prepared.site.site_dir)),
    ("brochures", brochures),
]


def run(prepared: Prepared) -> None:
    for name, step in STEPS:
        log.info("Portal PMI post-build: %s", name)
        step(prepared)
