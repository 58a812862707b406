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

from markupsafe import Markup

from portal.content.errors import ContentError, ContentInvalid
from portal.content.model import (AUDIENCES, OTHER_COUNTRIES, Content, Country, Organization, Procedure, Program,
                                  Proposal, Situation)
from portal.site.config import Options
from portal.site.front_matter import front_matter
from portal.site.html import render
from portal.site.render import Renderer, esc
from portal.site.strings import Strings
from portal.site.urls import (AZ_DIR, BY_ORGANIZATION, CHECKER_DIR, COUNTRY_DIR, GLOSSARY_DIR, HELP_DIR, OFFLINE_DIR,
                              ORGANIZATION_DIR, PROCEDURE_DIR, PROGRAM_DIR, PROPOSAL_DIR, SITUATION_DIR, audience_slug,
                              relative_root, url)

PROPOSALS_DATA = "proposals"


LIST_PAGE_SEARCH = {"exclude": True}
"""List pages lead to items; search results should be the items themselves."""


def _page(template: str, r: Renderer, **context) -> str:
    return render(template, r=r, medium="web", **context)


def program_page(r: Renderer, p: Program, download: str = "") -> str:
    return (front_matter(title=r.plain(p.title), description=r.plain(p.summary), kind="program",
                         slug=p.slug, source_file=p.file, last_reviewed=p.last_reviewed.isoformat(),
                         status=p.status.value, audience=list(p.audience),
                         title_lang=r.lang_of(p.title), description_lang=r.lang_of(p.summary))
            + _page("program.html", r, item=p, download=Markup(download), sources=[*p.sources, *p.status.sources]))


def checker_page(r: Renderer) -> str:
    """The eligibility checker: the script mounts on #pmi-checker; without it, every checklist."""
    t = r.t
    programs = sorted(r.content.programs, key=lambda p: (p.status.value == "ended", r.plain(p.title).lower()))
    return (front_matter(title=t("checker.title"), description=t("checker.intro"), kind="checker", hide=["toc"])
            + _page("checker.html", r, programs=programs))


def procedure_page(r: Renderer, p: Procedure) -> str:
    return (front_matter(title=r.plain(p.title), description=r.plain(p.summary), kind="procedure",
                         slug=p.slug, source_file=p.file, last_reviewed=p.last_reviewed.isoformat(),
                         title_lang=r.lang_of(p.title), description_lang=r.lang_of(p.summary))
            + _page("procedure.html", r, item=p, sources=[*p.sources, *(s for step in p.steps for s in step.sources)]))


def country_page(r: Renderer, c: Country) -> str:
    return (front_matter(title=r.plain(c.name), description=r.plain(c.summary), kind="country",
                         slug=c.slug, source_file=c.file, last_reviewed=c.last_reviewed.isoformat(),
                         title_lang=r.lang_of(c.name), description_lang=r.lang_of(c.summary))
            + _page("country.html", r, item=c, sources=[*c.sources, *(s for entry in c.law for s in entry.sources)]))


def help_page(r: Renderer) -> str:
    """Emergency help (bantuan/): in danger now, every country's phone lines, help for families at home."""
    c = r.content
    countries = sorted(c.countries, key=lambda n: (n.slug == OTHER_COUNTRIES, sort_key(r.title(n.name))))
    families = [p for p in c.procedures if "keluarga" in p.audience]
    callable_orgs = [o for o in c.organizations if any(x.kind == "phone" for x in o.contacts)]
    return (front_matter(title=r.t("help.title"), description=r.t("help.intro"), kind="help")
            + _page("help.html", r, countries=countries, emergencies=[n for n in countries if n.emergency],
                    procedures=sorted(families, key=lambda p: sort_key(r.title(p.title))),
                    organizations=sorted(callable_orgs, key=lambda o: sort_key(r.title(o.name)))))


def situation_page(r: Renderer, s: Situation) -> str:
    """A reader's situation: what they need first, the checker, their guides, then the programmes
    of its audience that run, and apart, below, those that have ended."""
    programs = [p for p in r.content.programs if s.audience in p.audience]
    guides = {p.slug: p for p in r.content.procedures}
    return (front_matter(title=r.plain(s.title), description=r.plain(s.summary), kind="situation",
                         slug=s.slug, source_file=s.file, last_reviewed=s.last_reviewed.isoformat(),
                         title_lang=r.lang_of(s.title), description_lang=r.lang_of(s.summary))
            + _page("situation.html", r, item=s, sources=s.sources, procedures=[guides[g] for g in s.procedures],
                    current=_by_title(r, [p for p in programs if p.status.value != "ended"]),
                    ended=_by_title(r, [p for p in programs if p.status.value == "ended"])))


def home_page(r: Renderer) -> str:
    """The home page: the reader's situations and help now, then the checker and search, then the rest."""
    situations = sorted(r.content.situations, key=lambda s: AUDIENCES.index(s.audience))
    return (front_matter(title=r.t("home.title"), description=r.t("home.intro"), kind="home", hide=["toc"])
            + _page("home.html", r, situations=situations))


def organization_page(r: Renderer, o: Organization) -> str:
    return (front_matter(title=r.plain(o.name), description=r.plain(o.description), kind="organization",
                         slug=o.slug, source_file=o.file, last_reviewed=o.last_reviewed.isoformat(),
                         title_lang=r.lang_of(o.name), description_lang=r.lang_of(o.description))
            + _page("organization.html", r, item=o, sources=o.sources,
                    programs=[p for p in r.content.programs if o.slug in p.where]))


def proposals_page(r: Renderer, proposals: Iterable[Proposal]) -> str:
    t = r.t
    return (front_matter(title=t("index.proposals_title"), description=t("index.proposals_intro"), kind="index")
            + _page("proposals.html", r, proposals=sorted(proposals, key=lambda p: r.plain(p.title).lower()),
                    data_file=f"data/{PROPOSALS_DATA}"))


def glossary_page(r: Renderer) -> str:
    t = r.t
    return (front_matter(title=t("index.glossary_title"), description=t("index.glossary_intro"), kind="index")
            + _page("glossary.html", r, terms=sorted(r.content.glossary, key=lambda g: g.term.lower())))


def sort_key(title_html: str) -> str:
    """A–Z order of a title given as inline HTML (tags left out)."""
    return re.sub(r"<[^>]+>", "", title_html).casefold()


def _index_front_matter(r: Renderer, key: str, **meta) -> str:
    return front_matter(title=r.t(f"index.{key}_title"), description=r.t(f"index.{key}_intro"), kind="index", **meta)


def collection_index(r: Renderer, key: str, folder: str, items: Iterable, title: Callable) -> str:
    """The index page of one collection (programs, procedures, countries, situations or organisations): A–Z, each
    with its summary ('other countries' after the named ones)."""
    def summary(item) -> Markup:
        return r.one_line(item.summary if hasattr(item, "summary") else item.description)
    last = OTHER_COUNTRIES if folder == COUNTRY_DIR else None
    ordered = sorted(items, key=lambda i: (i.slug == last, sort_key(r.title(title(i)))))
    rows = [(r.title(title(i)), url(r.root, f"{folder}/{i.slug}"), summary(i)) for i in ordered]
    return (_index_front_matter(r, key, search=LIST_PAGE_SEARCH)
            + _page("list.html", r, key=key, items=rows, browse=browse_links(r)))


def browse_links(r: Renderer) -> list[tuple[str, str]]:
    """The ways into the programs: by audience, by organisation, A–Z (title, site path)."""
    links = [(r.t(f"audience_index.{a}"), f"{PROGRAM_DIR}/{audience_slug(a)}") for a in AUDIENCES]
    return links + [(r.t("index.by_organization_title"), f"{PROGRAM_DIR}/{BY_ORGANIZATION}"),
                    (r.t("index.az_title"), f"{AZ_DIR}/index")]


def _by_title(r: Renderer, programs: Iterable[Program]) -> list[Program]:
    return sorted(programs, key=lambda p: sort_key(r.title(p.title)))


def audience_page(r: Renderer, audience: str) -> str:
    """Programs for one audience ('Untuk calon PMI')."""
    t = r.t
    title, intro = t(f"audience_index.{audience}"), t("index.audience_intro", audience=t(f"audience.{audience}"))
    programs = _by_title(r, [p for p in r.content.programs if audience in p.audience])
    return (front_matter(title=title, description=intro, kind="index", search=LIST_PAGE_SEARCH)
            + _page("audience.html", r, audience=audience, intro=intro, programs=programs))


def by_organization_page(r: Renderer) -> str:
    """Programs grouped by the organisations that run them or where to ask."""
    groups = [(o, _by_title(r, [p for p in r.content.programs if o.slug in p.where]))
              for o in sorted(r.content.organizations, key=lambda o: sort_key(r.title(o.name)))]
    return (_index_front_matter(r, "by_organization", search=LIST_PAGE_SEARCH)
            + _page("by_organization.html", r, groups=[(o, ps) for o, ps in groups if ps],
                    others=_by_title(r, [p for p in r.content.programs if not p.where])))


def az_page(r: Renderer) -> str:
    """Every program, procedure, country, organisation, glossary term and the help page A–Z (also the no-JavaScript search)."""
    c = r.content
    entries = ([(r.title(p.title), url(r.root, f"{PROGRAM_DIR}/{p.slug}"), "program") for p in c.programs]
               + [(r.title(p.title), url(r.root, f"{PROCEDURE_DIR}/{p.slug}"), "procedure") for p in c.procedures]
               + [(r.title(n.name), url(r.root, f"{COUNTRY_DIR}/{n.slug}"), "country") for n in c.countries]
               + [(r.title(o.name), url(r.root, f"{ORGANIZATION_DIR}/{o.slug}"), "organization") for o in c.organizations]
               + [(esc(r.t("help.title")), url(r.root, f"{HELP_DIR}/index"), "help")]
               + [(esc(g.term), url(r.root, f"{GLOSSARY_DIR}/index", g.anchor), "term") for g in c.glossary])
    by_letter: dict[str, list[tuple[str, str, str]]] = {}
    for title, href, kind in sorted(entries, key=lambda e: (sort_key(e[0]), e[2])):
        first = sort_key(title)[:1].upper()
        by_letter.setdefault(first if first.isalpha() else "#", []).append((title, href, kind))
    return (_index_front_matter(r, "az", search=LIST_PAGE_SEARCH)
            + _page("az.html", r, letters=list(by_letter.items())))


def offline_page(r: Renderer) -> str:
    """What the service worker shows offline for a page not kept (``overrides/pages/offline.html``)."""
    t, languages = r.t, r.content.languages
    others = [f"{lang}/" for lang in languages[1:]] if r.lang == languages[0] else []
    return (front_matter(title=t("offline.title"), description=t("offline.intro"), kind="offline",
                         search=LIST_PAGE_SEARCH, hide=["toc"])
            + _page("offline.html", r, others=others))


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
            (COUNTRY_DIR, "countries", content.countries, country_page, lambda c: c.name),
            (SITUATION_DIR, "situations", content.situations, situation_page, lambda s: s.title),
            (ORGANIZATION_DIR, "organizations", content.organizations, organization_page, lambda o: o.name),
        ]
        for folder, key, items, page, title in collections:
            for item in items:
                add(f"{folder}/{item.slug}", page, item)
            add(f"{folder}/index", collection_index, key, folder, items, title)
        for audience in AUDIENCES:
            add(f"{PROGRAM_DIR}/{audience_slug(audience)}", audience_page, audience)
        add(f"{PROGRAM_DIR}/{BY_ORGANIZATION}", by_organization_page)
        add("index", home_page)
        add(f"{HELP_DIR}/index", help_page)
        add(f"{AZ_DIR}/index", az_page)
        add(f"{GLOSSARY_DIR}/index", glossary_page)
        add(f"{PROPOSAL_DIR}/index", proposals_page, content.proposals)
        add(f"{CHECKER_DIR}/index", checker_page)
        add(f"{OFFLINE_DIR}/index", offline_page)
    return pages
