"""Our own scripts in ``site/`` without their comments and spaces (rjsmin), on every first view.

The sources in ``docs/assets/portal/`` and ``overrides/assets/javascripts/`` keep their comments;
the published copies lose them: the checker's first view is about 1 KB gzipped lighter. rjsmin
removes comments and white space only (no renaming), so strings, class names and the build mark
the later steps look for are kept as written. Material's scripts and the web editor's bundle
are minified already and left alone.
"""
from __future__ import annotations

from pathlib import Path

import rjsmin

OUR_SCRIPTS = ("assets/portal/*.js", "assets/javascripts/portal*.js")
"""Globs, relative to the site, of the scripts the build copies from this repository."""


def minify_site(site_dir: Path) -> int:
    """Minify every script of :data:`OUR_SCRIPTS` in ``site_dir`` in place; returns bytes saved."""
    saved = 0
    for pattern in OUR_SCRIPTS:
        for path in sorted(site_dir.glob(pattern)):
            source = path.read_text(encoding="utf-8")
            minified = rjsmin.jsmin(source, keep_bang_comments=False) + "\n"
            path.write_text(minified, encoding="utf-8")
            saved += len(source.encode("utf-8")) - len(minified.encode("utf-8"))
    return saved
