"""Fixes to what the theme and the i18n plugin write: one 404 page per language, and
Material's JavaScript kept from asking other hosts (or missing sitemaps) for anything."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from .site import ROOT, Site

POLYFILL_SOURCE = Path("node_modules/resize-observer-polyfill/dist/ResizeObserver.js")
POLYFILL_DEST = "assets/javascripts/resize-observer-polyfill.js"
PATCHED_MARK = "/* patched by Portal PMI: hooks/portal/sitefixes.py */\n"

# (what, pattern in Material's minified bundle, replacement). Each must match exactly once,
# so a theme upgrade that changes the code stops the build instead of silently leaking.
BUNDLE_PATCHES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("ResizeObserver polyfill from the site, not unpkg.com",
     re.compile(r'"https://unpkg\.com/resize-observer-polyfill"'),
     'new URL(JSON.parse(document.getElementById("__config").textContent).base'
     f'+"/{POLYFILL_DEST}",location).href'),
    # Diagrams are not supported: the loader would fetch mermaid from unpkg.com.
    ("no mermaid from unpkg.com",
     re.compile(r'"https://unpkg\.com/mermaid@[^"]*"'),
     'new URL(JSON.parse(document.getElementById("__config").textContent).base'
     '+"/assets/javascripts/mermaid.min.js",location).href'),
    # Material fetches sitemap.xml next to every <link rel="alternate">; our alternates are
    # per-page, absolute hreflang links (often another origin), so that fetch only fails.
    ("no sitemap.xml fetched next to hreflang alternates",
     re.compile(r'(\b[\w$]+)\(\(\)=>[\w$]+\("link\[rel=alternate\]"\)\)'),
     r"\1(()=>[])"),
)


class ThemeChanged(RuntimeError):
    """Material's bundle no longer looks as the patches expect: re-check them."""


def not_found_page(site: Site, lang: str, output: str) -> str:
    """Called with each language's rendered 404.html, which MkDocs writes to ``site/404.html``.

    Non-default languages go to ``site/<lang>/404.html``; ``site/404.html`` keeps (gets back)
    the default language's page, written by the default build that always runs first.
    """
    if lang == site.default_language:
        return output
    dest = site.site_dir / lang / "404.html"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(output, encoding="utf-8")
    default = site.site_dir / "404.html"
    return default.read_text(encoding="utf-8") if default.exists() else output


def patch_bundle(text: str) -> str:
    """Material's bundle with every :data:`BUNDLE_PATCHES` applied exactly once."""
    for what, pattern, replacement in BUNDLE_PATCHES:
        text, count = pattern.subn(replacement, text)
        if count != 1:
            raise ThemeChanged(f"mkdocs-material bundle: patch '{what}' matched {count} times, expected 1")
    return text


def fix_theme_javascript(site_dir: Path, root: Path = ROOT) -> None:
    """Patch Material's bundle(s) in ``site_dir`` and serve the ResizeObserver polyfill."""
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        if text.startswith(PATCHED_MARK):
            continue
        patched = PATCHED_MARK + patch_bundle(text)
        # The source map describes the unpatched file: drop the link to it.
        patched = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", patched)
        bundle.write_text(patched, encoding="utf-8")
    if bundles:
        source = root / POLYFILL_SOURCE
        if not source.exists():
            raise FileNotFoundError(f"{source} missing: run `make build` (it runs `npm ci`)")
        shutil.copyfile(source, site_dir / POLYFILL_DEST)
