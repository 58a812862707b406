"""The help page (bantuan/, issue 31): in danger now, every country's phone lines with a link to its
page, then help for families at home, all from the content; its link at the top of every page."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from urllib.parse import urljoin

from portal.content.model import Text
from portal.content.validator import load_content
from portal.outputs import offline
from portal.site.config import Options
from portal.site.pages import build_pages
from portal.site.strings import load_strings

from conftest import FIXTURE_DATA, FIXTURE_TODAY, REAL_UI, ROOT, HtmlPage, load_yaml

LANGS = (("", "id"), ("en/", "en"))
STRINGS = load_strings(REAL_UI, ("id", "en"))
COUNTRIES = {path.stem: load_yaml(path) for path in (FIXTURE_DATA / "countries").glob("*.yaml")}  # slug -> data


def tel(value: str) -> str:
    return "tel:" + re.sub(r"[^\d+]", "", value)


def headings(html: str) -> list[str]:
    return re.findall(r'<h2 id="([a-z_]+)"', html)


def test_help_page_shows_each_countrys_emergency_text_phone_lines_and_page_link(fixture_site):
    assert set(COUNTRIES) == {"hong-kong", "malaysia"}
    for prefix, lang in LANGS:
        html = (fixture_site / prefix / "bantuan" / "index.html").read_text(encoding="utf-8")
        page = HtmlPage(html)
        assert page.lang == lang and f"<h1>{STRINGS[lang]('help.title')}</h1>" in html, prefix
        assert headings(html) == ["danger", "lines"], prefix  # no family procedure, no organisation with a phone
        danger, lines = html[html.index('id="danger"'):html.index('id="lines"')], html[html.index('id="lines"'):]
        text = re.sub(r"<[^>]+>", "", danger)
        hrefs = {urljoin(f"http://site/{prefix}bantuan/", a.attrs.get("href", "")) for a in page.all("a", inside="article")}
        in_lines = re.findall(r'href="(tel:[^"]+)"', lines)
        for slug, data in COUNTRIES.items():
            phones = [tel(c["value"]) for c in data["contacts"] if c["kind"] == "phone"]
            assert phones and all(in_lines.count(p) >= 1 for p in phones), (prefix, slug)
            assert f"http://site/{prefix}negara/{slug}/" in hrefs, (prefix, slug)
            assert (data["name"][lang] in text) == ("emergency" in data), (prefix, slug)
            if "emergency" in data:
                assert data["emergency"][lang] in text, (prefix, slug)
        assert len(in_lines) == sum(c["kind"] == "phone" for d in COUNTRIES.values() for c in d["contacts"]), prefix


def test_help_page_is_in_the_nav_the_az_the_search_and_the_offline_list(fixture_site):
    for prefix, lang in LANGS:
        home = (fixture_site / prefix / "index.html").read_text(encoding="utf-8")
        nav = home[home.index('<nav class="md-nav md-nav--primary"'):]
        assert re.search(r'href="bantuan/"[^>]*>\s*(<[^>]+>\s*)*' + STRINGS[lang]("help.title"), nav), prefix
        assert len(re.findall(r'<a href="bantuan/">', home[home.index("<article"):])) == 2, prefix  # the top and the home page's own
        az = (fixture_site / prefix / "az" / "index.html").read_text(encoding="utf-8")
        assert f'<a href="../bantuan/">{STRINGS[lang]("help.title")}</a> <small class="pmi-kind">' in az, prefix
        assert "data-pagefind-body" in (fixture_site / prefix / "bantuan" / "index.html").read_text(encoding="utf-8")
        saved = json.loads((fixture_site / prefix / offline.SAVE_LIST).read_text(encoding="utf-8"))
        assert f"{prefix}bantuan/" in saved["files"], prefix


def test_every_page_links_to_the_help_page_and_prints_its_address(fixture_site):
    for prefix, lang in LANGS:
        for path in ("index.html", "program/melati/index.html", "prosedur/jalur-resmi/index.html",
                     "negara/malaysia/index.html", "cek/index.html", "az/index.html", "404.html"):
            html = (fixture_site / prefix / path).read_text(encoding="utf-8")
            link = re.search(r'<p class="pmi-help-link"><a href="([^"]+)">([^<]+)</a><span class="pmi-print-only">: ([^<]+)</span>', html)
            assert link, (prefix, path)
            target = urljoin(f"http://site/{prefix}{path}", link.group(1))
            assert target == f"http://site/{prefix}bantuan/" and link.group(2) == STRINGS[lang]("help.link"), (prefix, path)
            assert link.group(3).endswith(f"/{prefix}bantuan/"), (prefix, path)
        assert "pmi-help-link" not in (fixture_site / prefix / "bantuan" / "index.html").read_text(encoding="utf-8")


def test_families_section_lists_family_procedures_and_organisations_with_phone_lines():
    """The fixture has neither: one procedure made for families and one organisation given a phone line."""
    content = load_content(FIXTURE_DATA, ("id", "en"), today=dt.date.fromisoformat(FIXTURE_TODAY), root=ROOT)
    line = content.countries[0].contacts[0]
    procedure = dataclasses.replace(content.procedures[0], audience=("keluarga",), contacts=(line,))
    organization = dataclasses.replace(content.organizations[0], contacts=(line,))
    content = dataclasses.replace(content, procedures=(procedure,),
                                  organizations=(organization, *content.organizations[1:]))
    pages = build_pages(content, STRINGS, Options(), dt.date.fromisoformat(FIXTURE_TODAY))
    for _, lang in LANGS:
        html = pages[f"bantuan/index.{lang}.md"]
        assert headings(html) == ["danger", "lines", "families"], lang
        families = html[html.index('id="families"'):]
        assert f'href="../prosedur/{procedure.slug}/"' in families and f'href="../organisasi/{organization.slug}/"' in families
        assert families.count(f'href="{tel(line.value)}"') == 1, lang  # the organisation's; the procedure is a link
        others = [o.slug for o in content.organizations[1:]]
        assert not any(f"organisasi/{slug}/" in families for slug in others), lang  # no phone line: not listed


def test_help_page_starts_with_a_link_to_each_countrys_lines(fixture_site):
    """A reader in Malaysia jumps to Malaysia's lines instead of scrolling past every other country."""
    for prefix, lang in LANGS:
        page = HtmlPage((fixture_site / prefix / "bantuan" / "index.html").read_text(encoding="utf-8"))
        jumps = [a.attrs["href"] for a in page.all("a", inside="article") if a.attrs.get("href", "").startswith("#negara-")]
        assert jumps == [f"#negara-{slug}" for slug in sorted(COUNTRIES)], prefix
        assert {j[1:] for j in jumps} <= page.ids, prefix
        first_link = next(a for a in page.all("a", inside="article"))
        assert first_link.attrs["href"] == jumps[0], prefix  # the choice comes before any section


def test_other_countries_come_after_the_named_ones_on_the_list_and_help_pages():
    """'lainnya' (every other country) is last, whatever its name sorts as."""
    content = load_content(FIXTURE_DATA, ("id", "en"), today=dt.date.fromisoformat(FIXTURE_TODAY), root=ROOT)
    first = content.countries[0]
    other = dataclasses.replace(first, slug="lainnya", name=Text({"id": "Aneka negara lain", "en": "All other countries"}))
    content = dataclasses.replace(content, countries=(other, *content.countries))
    pages = build_pages(content, STRINGS, Options(), dt.date.fromisoformat(FIXTURE_TODAY))
    for _, lang in LANGS:
        listed = re.findall(r'href="(?:\.\./)?negara/([a-z-]+)/"|href="([a-z-]+)/"', pages[f"negara/index.{lang}.md"])
        order = [a or b for a, b in listed if (a or b) in {c.slug for c in content.countries}]
        assert order[-1] == "lainnya" and len(order) == 3, (lang, order)
        help_order = re.findall(r'id="negara-([a-z-]+)"', pages[f"bantuan/index.{lang}.md"])
        assert help_order[-1] == "lainnya", (lang, help_order)
