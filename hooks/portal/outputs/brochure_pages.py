"""Where readers find the brochures: a download link on each program page and a brochures page."""
from __future__ import annotations

from portal.content.model import Content
from portal.outputs.brochures import Brochure, Made
from portal.site.front_matter import front_matter
from portal.site.pages import h
from portal.site.render import esc
from portal.site.strings import Strings
from portal.site.urls import BROCHURE_DIR


def human_size(size: int) -> str:
    """'24 KB': what a reader on paid mobile data needs to know before downloading."""
    return f"{max(1, round(size / 1024))} KB"


def _link(b: Brochure, href: str, text: str) -> str:
    return f'<a href="{esc(href)}" download="{esc(b.name)}" type="application/pdf">{esc(text)}</a>'


def download_links(made: Made, strings: dict[str, Strings]) -> dict[tuple[str, str], str]:
    """``{(lang, program slug): HTML}``: the "Download brochure (PDF, 24 KB)" paragraph of a program page."""
    out = {}
    for b in made.brochures:
        if b.slug is not None:
            text = strings[b.lang]("brochure.download", size=human_size(b.size))
            out[(b.lang, b.slug)] = f'<p class="pmi-download">{_link(b, f"../../{BROCHURE_DIR}/{b.name}", text)}</p>'
    return out


KIT_KINDS = ("pocket", "office", "poster-a3", "poster-a4")  # the print kit, listed first in this order


def _kit_table(t: Strings, kit: list[Brochure]) -> str:
    """The print kit: file, paper, pages, size, date; then how to print and fold the office file."""
    rows = "".join(f"<tr><td>{_link(b, b.name, b.title)}</td><td>{esc(t('print_kit.paper_' + b.kind.replace('-', '_')))}</td>"
                   f"<td>{b.pages}</td><td>{human_size(b.size)}</td><td>{esc(t.month_date(b.reviewed))}</td></tr>\n"
                   for b in sorted(kit, key=lambda b: KIT_KINDS.index(b.kind)))
    head = "".join(f"<th>{esc(t(key))}</th>" for key in ("brochure.column_file", "print_kit.column_paper",
                                                          "print_kit.column_pages", "brochure.column_size",
                                                          "brochure.column_date"))
    return (h(2, esc(t("print_kit.kit_heading"))) + f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"
            + f'<p class="pmi-how-to-print">{esc(t("print_kit.how_to_print"))}</p>\n\n' + h(2, esc(t("print_kit.brochures_heading"))))


def brochures_page(lang: str, t: Strings, brochures: list[Brochure], built: bool = True) -> str:
    """The brochures page of one language: the print kit first (with paper, page count and how to
    print), then every brochure with its size and review date, booklet first; when brochures were
    not ``built`` (a quick preview), a note saying so instead of the tables."""
    if not built:
        return (front_matter(title=t("brochure.page_title"), description=t("brochure.page_intro"), kind="index")
                + h(1, esc(t("brochure.page_title"))) + f'<p class="pmi-not-built">{esc(t("brochure.not_built"))}</p>\n')
    kit = [b for b in brochures if b.kind in KIT_KINDS]
    rows = "".join(f"<tr><td>{_link(b, b.name, b.title)}</td><td>{human_size(b.size)}</td>"
                   f"<td>{esc(t.month_date(b.reviewed))}</td></tr>\n"
                   for b in sorted((b for b in brochures if b.kind not in KIT_KINDS),
                                   key=lambda b: (b.slug is not None, b.title.lower())))
    head = "".join(f"<th>{esc(t('brochure.column_' + c))}</th>" for c in ("file", "size", "date"))
    return (front_matter(title=t("brochure.page_title"), description=t("brochure.page_intro"), kind="index")
            + h(1, esc(t("brochure.page_title"))) + f"<p>{esc(t('brochure.page_intro'))}</p>\n\n"
            + (_kit_table(t, kit) if kit else "")
            + f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n")


def brochure_pages(content: Content, strings: dict[str, Strings], made: Made, built: bool = True) -> dict[str, str]:
    """``{relative path: page source}`` of the brochures page in every language (``built``: see
    :func:`brochures_page`)."""
    return {f"{BROCHURE_DIR}/index.{lang}.md":
            brochures_page(lang, strings[lang], [b for b in made.brochures if b.lang == lang], built)
            for lang in content.languages}
