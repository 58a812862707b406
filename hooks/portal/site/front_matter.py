"""Front matter of the pages the build makes: written as YAML, read back, and the keys that mark
a page as the build's own (never one to keep in ``docs/``)."""
from __future__ import annotations

import html
import re
from pathlib import Path

import yaml
from markupsafe import Markup

from portal.site.html import fragments
from portal.site.strings import Fallback

PRERENDERED = "portal_html"  # a generated page whose body is final HTML (portal.mkdocs.prerendered)
FALLBACK_OF = "portal_fallback_of"  # a generated copy of a hand-written page (portal.site.handwritten)
BUILD_MARKS = (FALLBACK_OF, PRERENDERED)  # keys only generated pages carry
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: same output, faster
PATTERN = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def front_matter(**meta) -> str:
    """YAML front matter of a generated page. ``title`` becomes HTML (Material prints it as is in the
    header and nav): escaped, in a ``<span lang>`` when not in the page's language (``title_lang``)."""
    for key in ("title", "description"):
        if isinstance(meta.get(key), Fallback):  # UI text not in the page's language
            meta[f"{key}_lang"] = meta[key].lang
    meta = {k: str(v) if isinstance(v, Fallback) else v for k, v in meta.items() if v is not None}
    if "title" in meta:
        meta["title"] = str(fragments().in_lang(Markup(html.escape(meta["title"], quote=False)), meta.get("title_lang")))
    meta[PRERENDERED] = True
    dumped = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return "---\n" + dumped + "---\n\n"


def read(path: Path) -> dict:
    """The front matter of the Markdown file ``path`` ({} when it has none)."""
    match = PATTERN.match(path.read_text(encoding="utf-8"))
    return (yaml.safe_load(match.group(1)) or {}) if match else {}
