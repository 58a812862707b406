"""Where readers find the brochures: a download link on each program page and a brochures page."""
from __future__ import annotations

from portal.content.model import Content
from portal.outputs.brochures import Brochure, Made
from portal.site.front_matter import front_matter
from portal.site.html import fragments, render
from portal.site.render import HtmlStrings, esc
from portal.site.strings import Strings
from portal.site.urls import BROCHURE_DIR, brochure_path, program_page, relative_root


def human_size(size: int) -> str:
    """'24 KB': what a reader on paid mobile data needs to know before downloading."""
    return f"{max(1, round(size / 1024))} KB"


def download_links(made: Made, strings: dict[str, Strings]) -> dict[tuple[str, str], str]:
    """``{(lang, program slug): HTML}``: the "Download brochure (PDF, 24 KB)" paragraph of a program page."""
    out = {}
    for b in made.brochures:
        if b.slug is not None:
            text = strings[b.lang]("brochure.download", size=human_size(b.size))
            href = relative_root(program_page(b.slug)) + brochure_path(b.name)
            out[(b.lang, b.slug)] = fragments().download(href, b.name, esc(text))
    return out


KIT_KINDS = ("pocket", "office", "poster-a3", "poster-a4")  # the print kit, listed first in this order


def brochures_page(lang: str, t: Strings, brochures: list[Brochure], built: bool = True) -> str:
    """The brochures page of one language: the print kit first (paper, pages, size, how to print
    and fold), then every brochure with its size and review date, booklet first; when brochures
    were not ``built`` (a quick preview), a note saying so instead of the tables."""
    kit = sorted((b for b in brochures if b.kind in KIT_KINDS), key=lambda b: KIT_KINDS.index(b.kind))
    rest = sorted((b for b in brochures if b.kind not in KIT_KINDS), key=lambda b: (b.slug is not None, b.title.lower()))
    return (front_matter(title=t("brochure.page_title"), description=t("brochure.page_intro"), kind="index")
            + render("brochures.html", t=HtmlStrings(t), built=built, size=human_size, kit=kit, brochures=rest))


def brochure_pages(content: Content, strings: dict[str, Strings], made: Made, built: bool = True) -> dict[str, str]:
    """``{relative path: page source}`` of the brochures page in every language (``built``: see
    :func:`brochures_page`)."""
    return {f"{BROCHURE_DIR}/index.{lang}.md":
            brochures_page(lang, strings[lang], [b for b in made.brochures if b.lang == lang], built)
            for lang in content.languages}
