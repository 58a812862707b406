"""The post-build pipeline: runs once, after every language is built, in a fixed order."""
from __future__ import annotations

import logging
from typing import Callable

from . import search
from .brochures import copy_to_site
from .build import Prepared

log = logging.getLogger("mkdocs.hooks.portal")

Step = Callable[[Prepared], None]


def brochures(prepared: Prepared) -> None:
    """Copy this build's brochures from the cache into ``site/``."""
    copy_to_site(prepared.site, prepared.brochures.brochures)


# Fixed order: brochures, then the search index, then checks. Later issues fill these in.
STEPS: list[tuple[str, Step]] = [
    ("brochures", brochures),
    ("search index", lambda prepared: search.build_index(prepared.site.site_dir)),
]


def run(prepared: Prepared) -> None:
    for name, step in STEPS:
        log.info("Portal PMI post-build: %s", name)
        step(prepared)
