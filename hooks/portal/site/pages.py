"""Pages per language from the content model: ``{relative path: page source}``.

Each page is front matter and a body of final HTML (rendered from content by
:mod:`.render`): MkDocs' Markdown pass is skipped for them (see :mod:`portal.mkdocs.prerendered`),
as it cost half of a large build. Headings carry their ``id`` (the table of contents
is made from them); links between pages are relative URLs, checked over the built
site by :mod:`portal.checks.linkcheck`.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Mapping


from portal.content.errors import ContentError, ContentInvalid
from portal.content.model import AUDIENCES, Content, Organization, Procedure, Program, Proposal
from portal.site.config import Options
from portal.site.front_matter import front_matter
from portal.site.render import Renderer, esc, status_text
from portal.site.review import edit_url, is_stale, report_url
from portal.site.strings import Strings
from portal.site.urls import (AZ_DIR, BY_ORGANIZATION, CHECKER_DIR, GLOSSARY_DIR, ORGANIZATION_DIR,
                              PROCEDURE_DIR, PROGRAM_DIR, PROPOSAL_DIR, audience_slug, relative_root, url)

PROPOSALS_DATA = "proposals"


LIST_PAGE_SEARCH = {"exclude": True}
"""List pages lead to items; search results should be the items themselves."""


def h(level: int, inner_html: str, anchor: str | None = None) -> str:
    """A heading; with an ``anchor`` it is in the table of contents."""
    ident = f' id="{anchor}"' if anchor else ""
    return f"<h{level}{ident}>{inner_html}</h{level}>\n\n"


def heading(r: Renderer, key: str, level: int = 2) -> str:
    r.new_section()
    return h(level, esc(r.t("heading." + key)), key)


def link(href: str, inner_html: str) -> str:
    return f'<a href="{esc(href)}">{inner_html}</a>'


def link_list(items: Iterable[str], cls: str = "") -> str:
    """A <ul> of list items given as inner HTML."""
    attr = f' class="{cls}"' if cls else ""
    return f"<ul{attr}>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n\n"


def reviewed(r: Renderer, date, file: str | None = None, title: str = "") -> str:
    return (f'<p class="pmi-reviewed">{esc(r.t("last_reviewed", date=r.t.long_date(date)))}</p>\n'
            + page_links(r, file, title))


def page_links(r: Renderer, file: str | None, title: str) -> str:
    """"Edit this page" (to the YAML in the repository) and "report wrong information" links."""
    links = [(edit_url(r.options, file) if file else None, "footer.edit", "pmi-edit-link"),
             (report_url(r.options, title, file or ""), "footer.report", "pmi-report-link")]
    items = [f'<a class="{cls}" href="{esc(url)}" rel="nofollow">{esc(r.t(key))}</a>'
             for url, key, cls in links if url]
    return f'<p class="pmi-page-links">{" · ".join(items)}</p>\n' if items else ""


def stale_notice(r: Renderer, date, file: str, title: str) -> str:
    """A visible notice when the page was last reviewed too long ago (empty otherwise)."""
    months = r.options.stale_after_months
    if not is_stale(date, r.today, months):
        return ""
    report = report_url(r.options, title, file)
    link = f' <a href="{esc(report)}" rel="nofollow">{esc(r.t("footer.report"))}</a>' if report else ""
    return (f'<div class="pmi-stale" role="note"><p><strong>{esc(r.t("footer.stale_title"))}</strong> '
            f'{esc(r.t("footer.stale", months=months, date=r.t.long_date(date)))}{link}</p></div>\n\n')


def page_title(r: Renderer, title) -> str:
    """The page's H1; an untranslated title, or one whose translation may be outdated, is followed by a notice."""
    if r.lang_of(title):
        return h(1, r.title(title)) + f"<p>{r.notice()}</p>\n\n"
    if r.outdated(title):
        return h(1, r.title(title)) + f"<p>{r.outdated_notice()}</p>\n\n"
    return h(1, r.title(title))


def org_links(r: Renderer, slugs: Iterable[str]) -> str:
    orgs = r.content.organization_index
    return link_list(link(url(r.root, f"{ORGANIZATION_DIR}/{s}"), r.title(orgs[s].name)) for s in slugs)


def program_page(r: Renderer, p: Program, download: str = "") -> str:
    t = r.t
    out = [front_matter(title=r.plain(p.title), description=r.plain(p.summary), kind="program",
                        slug=p.slug, source_file=p.file, last_reviewed=p.last_reviewed.isoformat(),
                        status=p.status.value, audience=list(p.audience),
                        title_lang=r.lang_of(p.title), description_lang=r.lang_of(p.summary)),
           page_title(r, p.title), stale_notice(r, p.last_reviewed, p.file, r.plain(p.title)),
           r.block(p.summary, "pmi-summary"), "\n\n",
           f"{download}\n\n" if download else "",
           heading(r, "about"), r.block(p.description), "\n\n",
           heading(r, "who"),
           f'<p class="pmi-audience">{esc(t("for_audience"))} '
           f'{", ".join(esc(t("audience." + a)) for a in p.audience)}. '
           f'{esc(t("region_label"))} {", ".join(esc(t("region." + x)) for x in p.region)}.</p>\n\n']
    out += [eligibility_section(r, p)]
    out += [f'<p class="pmi-checker-link">{link(url(r.root, f"{CHECKER_DIR}/index"), esc(t("checker.page_link")))}</p>\n\n']
    out += [heading(r, "status"),
            f'<p class="pmi-status pmi-status--{p.status.value}">{esc(status_text(r, p))}</p>\n\n']
    if p.benefits:
        out += [heading(r, "benefits"), r.item_list(p.benefits), "\n\n"]
    out += [heading(r, "steps"),
            r.item_list(p.steps, "ol") if p.steps else f'<p>{esc(t("no_steps"))}</p>', "\n\n",
            heading(r, "documents"),
            r.checklist(p.documents) if p.documents else f'<p>{esc(t("no_documents"))}</p>', "\n\n"]
    out += [heading(r, "where"), org_links(r, p.where) if p.where else ""]
    out += [r.contacts(p.contacts) if p.contacts else f'<p class="pmi-no-contacts">{esc(t("no_contacts"))}</p>', "\n\n"]
    if p.warnings:
        out += [heading(r, "warnings"), '<div class="pmi-warnings">\n',
                "\n".join(r.block(w, "pmi-warning") for w in p.warnings), "\n</div>\n\n"]
    out += [heading(r, "sources"), r.sources([*p.sources, *p.status.sources]), "\n\n",
            reviewed(r, p.last_reviewed, p.file, r.plain(p.title))]
    return "".join(out)


def eligibility_section(r: Renderer, p: Program) -> str:
    """The program's criteria as a checklist, or who decides when none are published."""
    t, el, out = r.t, p.eligibility, []
    if not el.criteria_published:
        out += [f'<p class="pmi-unpublished">{esc(t("eligibility.unpublished"))}</p>\n\n']
    if el.rule is not None:  # unpublished criteria may still say whom the sources name
        out += [f'<p>{esc(t("eligibility.intro"))}</p>\n\n', r.rule(el.rule), "\n\n"]
    if el.decided_by:
        out += [f'<p class="pmi-decided-by"><strong>{esc(t("eligibility.decided_by"))}</strong> '
                f'{r.inline(el.decided_by)}</p>\n\n']
    if el.note:
        out += [r.block(el.note), "\n\n"]
    return "".join(out)


def checker_page(r: Renderer) -> str:
    """The eligibility checker: the script mounts on #pmi-checker; without it, every checklist."""
    t = r.t
    out = [front_matter(title=t("checker.title"), description=t("checker.intro"), kind="checker", hide=["toc"]),
           h(1, esc(t("checker.title"))), f'<p class="pmi-summary">{esc(t("checker.intro"))}</p>\n\n',
           f'<p class="pmi-privacy">{esc(t("checker.privacy"))}</p>\n\n',
           f'<p class="pmi-caution">{esc(t("checker.caution"))}</p>\n\n',
           '<div id="pmi-checker" class="pmi-checker"></div>\n\n',
           '<div class="pmi-checker-all">\n\n',
           f'<noscript><p>{esc(t("checker.no_script"))}</p></noscript>\n\n',
           h(2, esc(t("checker.all_programs")), "all")]
    programs = sorted(r.content.programs, key=lambda p: (p.status.value == "ended", r.plain(p.title).lower()))
    for p in programs:
        r.new_section()
        out += [h(3, r.title(p.title), p.slug),
                f'<p class="pmi-status pmi-status--{p.status.value}">{esc(status_text(r, p))}</p>\n\n',
                eligibility_section(r, p),
                f"<p>{link(url(r.root, f'{PROGRAM_DIR}/{p.slug}'), esc(t('checker.to_program')) + ': ' + r.title(p.title))}</p>\n\n"]
    out += ["</div>\n"]
    return "".join(out)


def procedure_page(r: Renderer, p: Procedure) -> str:
    out = [front_matter(title=r.plain(p.title), description=r.plain(p.summary), kind="procedure",
                        slug=p.slug, source_file=p.file, last_reviewed=p.last_reviewed.isoformat(),
                        title_lang=r.lang_of(p.title), description_lang=r.lang_of(p.summary)),
           page_title(r, p.title), stale_notice(r, p.last_reviewed, p.file, r.plain(p.title)),
           r.block(p.summary, "pmi-summary"), "\n\n"]
    if p.introduction:
        out += [r.block(p.introduction), "\n\n"]
    if p.warnings:
        out += ['<div class="pmi-warnings">\n', "\n".join(r.block(w, "pmi-warning") for w in p.warnings),
                "\n</div>\n\n"]
    out += [heading(r, "procedure_steps")]
    for n, step in enumerate(p.steps, 1):
        r.new_section()
        out += [h(3, f"{n}. {r.title(step.title)}", f"step-{n}")]
        if step.body:
            out += [r.block(step.body), "\n\n"]
        if step.documents:
            out += [r.checklist(step.documents), "\n\n"]
        if step.where:
            out += [org_links(r, step.where)]
    if p.contacts:
        out += [heading(r, "contacts"), r.contacts(p.contacts), "\n\n"]
    step_sources = [s for step in p.steps for s in step.sources]
    out += [heading(r, "sources"), r.sources([*p.sources, *step_sources]), "\n\n",
            reviewed(r, p.last_reviewed, p.file, r.plain(p.title))]
    return "".join(out)


def organization_page(r: Renderer, o: Organization) -> str:
    out = [front_matter(title=r.plain(o.name), description=r.plain(o.description), kind="organization",
                        slug=o.slug, source_file=o.file, last_reviewed=o.last_reviewed.isoformat(),
                        title_lang=r.lang_of(o.name), description_lang=r.lang_of(o.description)),
           page_title(r, o.name), stale_notice(r, o.last_reviewed, o.file, r.plain(o.name)),
           r.block(o.description), "\n\n"]
    if o.services:
        out += [heading(r, "services"), r.item_list(o.services), "\n\n"]
    if o.villages:
        items = "\n".join(
            f"<li>{esc(v.name)}{' (' + esc(v.kecamatan) + ')' if v.kecamatan else ''}"
            f"{' ' + r.inline(v.note) if v.note else ''}</li>" for v in o.villages)
        out += [heading(r, "villages"), f'<ul class="pmi-villages">\n{items}\n</ul>\n\n']
    programs = [p for p in r.content.programs if o.slug in p.where]
    if programs:
        out += [h(2, esc(r.t("section.programs")), "programs"),
                link_list(link(url(r.root, f"{PROGRAM_DIR}/{p.slug}"), r.title(p.title)) for p in programs)]
    out += [heading(r, "contacts"),
            r.contacts(o.contacts) if o.contacts else f'<p class="pmi-no-contacts">{esc(r.t("no_contacts"))}</p>',
            "\n\n", heading(r, "sources"), r.sources(o.sources), "\n\n",
            reviewed(r, o.last_reviewed, o.file, r.plain(o.name))]
    return "".join(out)


def proposals_page(r: Renderer, proposals: Iterable[Proposal]) -> str:
    t = r.t
    out = [front_matter(title=t("index.proposals_title"), description=t("index.proposals_intro"), kind="index"),
           h(1, esc(t("index.proposals_title"))),
           f'<p class="pmi-proposal-notice">{esc(t("proposal_notice"))}</p>\n\n']
    for p in sorted(proposals, key=lambda p: r.plain(p.title).lower()):
        r.new_section()
        out += [h(2, r.title(p.title), p.slug), r.block(p.summary), "\n\n",
                f'<p><strong>{esc(t("raised_by"))}</strong> {r.inline(p.raised_by)}. '
                f'<strong>{esc(t("raised_at"))}</strong> {r.inline(p.raised_at)}.</p>\n\n',
                r.sources(p.sources), "\n\n"]
    out += [page_links(r, f"data/{PROPOSALS_DATA}", t("index.proposals_title"))]
    return "".join(out)


def glossary_page(r: Renderer) -> str:
    t = r.t
    out = [front_matter(title=t("index.glossary_title"), description=t("index.glossary_intro"), kind="index"),
           h(1, esc(t("index.glossary_title"))), f"<p>{esc(t('index.glossary_intro'))}</p>\n\n"]
    for term in sorted(r.content.glossary, key=lambda g: g.term.lower()):
        r.new_section(term.anchor)  # a term's own entry does not link to itself
        out += [h(2, esc(term.term), term.anchor)]
        if term.expansion:
            out += [f'<p class="pmi-expansion"><strong>{r.inline(term.expansion)}</strong></p>\n\n']
        out += [r.block(term.definition), "\n\n"]
        if term.aliases:
            out += [f'<p class="pmi-aliases">{esc(t("index.also_known_as"))} {esc(", ".join(term.aliases))}</p>\n\n']
    out += [page_links(r, "data/glossary.yaml", t("index.glossary_title"))]
    return "".join(out)


def sort_key(title_html: str) -> str:
    """A–Z order of a title given as inline HTML (tags left out)."""
    return re.sub(r"<[^>]+>", "", title_html).casefold()


def list_page(r: Renderer, key: str, items: list[tuple[str, str, str]], extra: str = "") -> str:
    """An index page: (title HTML, URL, summary HTML) per item, sorted A–Z; ``extra`` after the intro."""
    t = r.t
    lines = link_list(f"{link(href, title)}: {summary}" for title, href, summary in
                      sorted(items, key=lambda item: sort_key(item[0])))
    return (front_matter(title=t(f"index.{key}_title"), description=t(f"index.{key}_intro"), kind="index",
                         search=LIST_PAGE_SEARCH)
            + h(1, esc(t(f"index.{key}_title"))) + f"<p>{esc(t(f'index.{key}_intro'))}</p>\n\n{extra}{lines}"
            + page_links(r, f"data/{key}", t(f"index.{key}_title")))


def collection_index(r: Renderer, key: str, folder: str, items: Iterable, title: Callable) -> str:
    """The index page of one collection (programs, procedures or organisations)."""
    def summary(item) -> str:
        return r.inline(item.summary if hasattr(item, "summary") else item.description).replace("\n", " ")
    return list_page(r, key, [(r.title(title(i)), url(r.root, f"{folder}/{i.slug}"), summary(i)) for i in items],
                     extra=browse_links(r) if key == "programs" else "")


def program_items(r: Renderer, programs: Iterable[Program]) -> str:
    """A list of programs, A–Z: title link, summary and status."""
    items = sorted(programs, key=lambda p: sort_key(r.title(p.title)))
    return link_list(f"{link(url(r.root, f'{PROGRAM_DIR}/{p.slug}'), r.title(p.title))}: "
                     f"{r.inline(p.summary).replace(chr(10), ' ')}"
                     f' <small class="pmi-item-status">{esc(status_text(r, p))}</small>' for p in items)


def browse_links(r: Renderer) -> str:
    """Links to the ways into the programs: by audience, by organisation, A–Z."""
    links = [(r.t(f"audience_index.{a}"), f"{PROGRAM_DIR}/{audience_slug(a)}") for a in AUDIENCES]
    links += [(r.t("index.by_organization_title"), f"{PROGRAM_DIR}/{BY_ORGANIZATION}"),
              (r.t("index.az_title"), f"{AZ_DIR}/index")]
    return (f'<p class="pmi-browse-label">{esc(r.t("index.browse"))}</p>\n\n'
            + link_list(link(url(r.root, path), esc(title)) for title, path in links)
            + h(2, esc(r.t("index.all_programs")), "all"))


def audience_page(r: Renderer, audience: str) -> str:
    """Programs for one audience ('Untuk calon PMI')."""
    t = r.t
    title, intro = t(f"audience_index.{audience}"), t("index.audience_intro", audience=t(f"audience.{audience}"))
    programs = [p for p in r.content.programs if audience in p.audience]
    body = program_items(r, programs) if programs else f'<p>{esc(t("index.audience_empty"))}</p>\n'
    return (front_matter(title=title, description=intro, kind="index", search=LIST_PAGE_SEARCH)
            + h(1, esc(title)) + f"<p>{esc(intro)}</p>\n\n{body}")


def by_organization_page(r: Renderer) -> str:
    """Programs grouped by the organisations that run them or where to ask."""
    t = r.t
    out = [front_matter(title=t("index.by_organization_title"), description=t("index.by_organization_intro"),
                        kind="index", search=LIST_PAGE_SEARCH),
           h(1, esc(t("index.by_organization_title"))), f"<p>{esc(t('index.by_organization_intro'))}</p>\n\n"]
    for o in sorted(r.content.organizations, key=lambda o: sort_key(r.title(o.name))):
        programs = [p for p in r.content.programs if o.slug in p.where]
        if programs:
            out += [h(2, r.title(o.name), o.slug),
                    f"<p>{link(url(r.root, f'{ORGANIZATION_DIR}/{o.slug}'), esc(t('index.about_organization')))}</p>\n\n",
                    program_items(r, programs)]
    others = [p for p in r.content.programs if not p.where]
    if others:
        out += [h(2, esc(t("index.other_programs")), "other"), program_items(r, others)]
    return "".join(out)


def az_page(r: Renderer) -> str:
    """Every program, procedure, organisation and glossary term A–Z (also the no-JavaScript search)."""
    t = r.t
    c = r.content
    entries = ([(r.title(p.title), url(r.root, f"{PROGRAM_DIR}/{p.slug}"), "program") for p in c.programs]
               + [(r.title(p.title), url(r.root, f"{PROCEDURE_DIR}/{p.slug}"), "procedure") for p in c.procedures]
               + [(r.title(o.name), url(r.root, f"{ORGANIZATION_DIR}/{o.slug}"), "organization") for o in c.organizations]
               + [(esc(g.term), url(r.root, f"{GLOSSARY_DIR}/index", g.anchor), "term") for g in c.glossary])
    out = [front_matter(title=t("index.az_title"), description=t("index.az_intro"), kind="index",
                        search=LIST_PAGE_SEARCH),
           h(1, esc(t("index.az_title"))), f"<p>{esc(t('index.az_intro'))}</p>\n\n"]
    by_letter: dict[str, list[str]] = {}
    for title, href, kind in sorted(entries, key=lambda e: (sort_key(e[0]), e[2])):
        first = sort_key(title)[:1].upper()
        by_letter.setdefault(first if first.isalpha() else "#", []).append(
            f'{link(href, title)} <small class="pmi-kind">{esc(t("kind." + kind))}</small>')
    for letter, items in by_letter.items():
        out += [h(2, letter, letter.lower() if letter.isalpha() else "other"), link_list(items)]
    return "".join(out)


def build_pages(content: Content, strings: dict[str, Strings], options: Options | None = None,
                today=None, downloads: Mapping[tuple[str, str], str] | None = None) -> dict[str, str]:
    """Every generated page, for every configured language.

    ``downloads`` maps (language, program slug) to the brochure download link's HTML.
    """
    downloads = downloads or {}
    reserved = {audience_slug(a) for a in AUDIENCES} | {BY_ORGANIZATION, "index"}
    clashes = [p for p in content.programs if p.slug in reserved]
    if clashes:
        raise ContentInvalid([ContentError(p.file, 1, "", "E-SLUG-RESERVED",
                                           f"nama berkas '{p.slug}' dipakai halaman indeks",
                                           f"file name '{p.slug}' is used by an index page") for p in clashes])
    pages: dict[str, str] = {}
    for lang in content.languages:
        r = Renderer(lang, content, strings[lang], options, today)

        def add(path: str, page: Callable[..., str], *args) -> None:
            r.begin_page(relative_root(path), GLOSSARY_DIR + "/")
            pages[f"{path}.{lang}.md"] = page(r, *args)

        collections: list[tuple[str, str, tuple, Callable, Callable]] = [
            (PROGRAM_DIR, "programs", content.programs,
             lambda r, p: program_page(r, p, downloads.get((lang, p.slug), "")), lambda p: p.title),
            (PROCEDURE_DIR, "procedures", content.procedures, procedure_page, lambda p: p.title),
            (ORGANIZATION_DIR, "organizations", content.organizations, organization_page, lambda o: o.name),
        ]
        for folder, key, items, page, title in collections:
            for item in items:
                add(f"{folder}/{item.slug}", page, item)
            add(f"{folder}/index", collection_index, key, folder, items, title)
        for audience in AUDIENCES:
            add(f"{PROGRAM_DIR}/{audience_slug(audience)}", audience_page, audience)
        add(f"{PROGRAM_DIR}/{BY_ORGANIZATION}", by_organization_page)
        add(f"{AZ_DIR}/index", az_page)
        add(f"{GLOSSARY_DIR}/index", glossary_page)
        add(f"{PROPOSAL_DIR}/index", proposals_page, content.proposals)
        add(f"{CHECKER_DIR}/index", checker_page)
    return pages
