"""Hand-written pages (``docs/*.<lang>.md``) missing in a language: generated (in memory) from the
default language's page, marked as not yet translated."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import yaml
from markupsafe import Markup

from portal.site import front_matter
from portal.site.front_matter import FALLBACK_OF
from portal.site.html import fragments, render
from portal.site.render import esc
from portal.site.strings import Strings



def markdown_files(docs_dir: Path, generated_dirs: Iterable[str]) -> list[Path]:
    """Markdown files outside the generated folders (and ``assets``), relative to ``docs_dir``."""
    skip = {*generated_dirs, "assets"}
    out: list[Path] = []

    def walk(folder: Path) -> None:
        for path in sorted(folder.iterdir()):
            rel = path.relative_to(docs_dir)
            if path.is_dir() and rel.parts[0] not in skip:
                walk(path)
            elif path.name.endswith(".md"):
                out.append(rel)

    walk(docs_dir)
    return out


def handwritten(docs_dir: Path, generated_dirs: Iterable[str], lang: str) -> list[Path]:
    """Hand-written pages in ``lang``, relative to ``docs_dir``."""
    return [rel for rel in markdown_files(docs_dir, generated_dirs)
            if rel.name.endswith(f".{lang}.md") and FALLBACK_OF not in front_matter.read(docs_dir / rel)]


def fallback_page(source: Path, source_rel: Path, lang: str, default: str, strings: Strings) -> str:
    """The default-language page ``source`` shown in ``lang``: its text under lang=default, with a notice."""
    text = source.read_text(encoding="utf-8")
    match = front_matter.PATTERN.match(text)
    meta = (yaml.safe_load(match.group(1)) or {}) if match else {}
    body = text[match.end():] if match else text
    meta.update({"title_lang": default, "description_lang": default, FALLBACK_OF: source_rel.as_posix()})
    if meta.get("title"):  # HTML, as in generated pages (see front_matter.front_matter)
        meta["title"] = str(fragments().in_lang(meta["title"], default))
    notice = fragments().notice(esc(strings("untranslated")), lang)
    return ("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"
            + render("untranslated_page.html", notice=notice, lang=default, body=Markup(body.strip())))


def fallback_pages(docs_dir: Path, generated_dirs: Iterable[str], languages: tuple[str, ...],
                   strings: dict[str, Strings]) -> dict[str, str]:
    """``{relative path: Markdown}`` for every hand-written page some language lacks."""
    default = languages[0]
    pages: dict[str, str] = {}
    for rel in handwritten(docs_dir, generated_dirs, default):
        stem = rel.name[: -len(f".{default}.md")]
        for lang in languages[1:]:
            target = rel.with_name(f"{stem}.{lang}.md")
            if not os.path.lexists(docs_dir / target):  # one on disk is kept (see docs_guard)
                pages[target.as_posix()] = fallback_page(docs_dir / rel, rel, lang, default, strings[lang])
    return pages
