"""Help one tap away (issue 31) on a 360 x 800 phone: the emergency-help link at the top of the
home page, outside the menu, leads to a page with every fixture country's phone lines; program,
procedure and country pages show the link in their first screen, and print the help page's address."""
from __future__ import annotations

import re

import pytest

from portal.site.strings import load_strings

from conftest import FIXTURE_DATA, REAL_UI, load_yaml

STRINGS = load_strings(REAL_UI, ("id", "en"))
PHONES = {path.stem: {"tel:" + re.sub(r"[^\d+]", "", c["value"]) for c in load_yaml(path)["contacts"] if c["kind"] == "phone"}
          for path in (FIXTURE_DATA / "countries").glob("*.yaml")}  # country slug -> its tel: links
PHONE = {"width": 360, "height": 800}


def visible_help_link(page, lang: str):
    """The page's emergency-help link, checked visible in the first screen with the menu closed."""
    link = page.locator("article .pmi-help-link a")
    assert link.is_visible() and link.inner_text() == STRINGS[lang]("help.link")
    box = link.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["y"] + box["height"] <= PHONE["height"]
    assert box["height"] >= 24, box  # a finger-sized target
    assert not page.locator("#__drawer").is_checked()
    return link


@pytest.mark.parametrize("prefix, lang", [("", "id"), ("en/", "en")])
def test_one_tap_from_the_home_page_reaches_every_countrys_help_lines(page, served_site, prefix, lang):
    assert set(PHONES) == {"hong-kong", "malaysia"} and all(PHONES.values())
    page.set_viewport_size(PHONE)
    page.goto(served_site + prefix)
    visible_help_link(page, lang).click()
    page.wait_for_url(served_site + prefix + "bantuan/")
    tel = {a.get_attribute("href") for a in page.locator("article a[href^='tel:']").all()}
    for slug, phones in PHONES.items():
        assert phones <= tel, slug
    assert page.locator("article a[href^='tel:']").first.is_visible()
    assert page.console_errors == [], page.console_errors


@pytest.mark.parametrize("path", ["program/melati/", "prosedur/jalur-resmi/", "negara/malaysia/",
                                  "en/program/melati/", "en/prosedur/jalur-resmi/", "en/negara/malaysia/"])
def test_program_procedure_and_country_pages_show_the_link_and_print_the_address(page, served_site, path):
    page.set_viewport_size(PHONE)
    page.goto(served_site + path)
    lang = "en" if path.startswith("en/") else "id"
    assert visible_help_link(page, lang).get_attribute("href") == "../../bantuan/"
    assert not page.locator(".pmi-help-link .pmi-print-only").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    printed = page.locator(".pmi-help-link").inner_text()
    assert printed.startswith(STRINGS[lang]("help.link") + ": http") and printed.endswith(f"/{path[:3] if lang == 'en' else ''}bantuan/"), printed
