"""The home page by situation (issue 32) on a 360 x 640 phone: the question as its title, one
button per situation, 'I need help now' and the checker, all above the fold in each language, each
one tap from its page; the pages for workers abroad and for families show a help link on their
first screen."""
from __future__ import annotations

import pytest

from portal.site.strings import load_strings

from conftest import FIXTURE_DATA, REAL_UI, load_yaml

STRINGS = load_strings(REAL_UI, ("id", "en"))
SITUATIONS = {path.stem: load_yaml(path) for path in sorted((FIXTURE_DATA / "situations").glob("*.yaml"))}
ORDER = ["calon_pmi", "pmi", "purna_pmi", "keluarga", "anak_pmi"]
PHONE = {"width": 360, "height": 640}


def above_the_fold(locator) -> None:
    box = locator.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["height"] >= 44, box


@pytest.mark.parametrize("prefix, lang", [("", "id"), ("en/", "en")])
def test_the_home_page_leads_in_one_tap_to_each_situation_help_and_the_checker(page, served_site, prefix, lang):
    assert len(SITUATIONS) == 4
    page.set_viewport_size(PHONE)
    page.goto(served_site + prefix)
    assert page.locator("article h1").inner_text() == STRINGS[lang]("home.choose")
    expected = [(slug, data["title"][lang]) for slug, data in sorted(SITUATIONS.items(),
                                                                      key=lambda s: ORDER.index(s[1]["audience"]))]
    buttons = page.locator("ul.pmi-situations > li > a")
    assert buttons.all_inner_texts() == [title for _, title in expected] + [STRINGS[lang]("home.help")]
    for button in buttons.all():
        above_the_fold(button)
    checker = page.get_by_role("link", name=STRINGS[lang]("home.checker"), exact=True)
    above_the_fold(checker)
    for i, (slug, title) in enumerate(expected):
        page.goto(served_site + prefix)
        buttons.nth(i).click()
        page.wait_for_url(f"{served_site}{prefix}situasi/{slug}/")
        assert page.locator("article h1").inner_text() == title
    page.goto(served_site + prefix)
    buttons.last.click()
    page.wait_for_url(f"{served_site}{prefix}bantuan/")
    page.goto(served_site + prefix)
    checker.click()
    page.wait_for_url(f"{served_site}{prefix}cek/")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_workers_abroad_and_families_find_help_on_their_first_screen(page, served_site, prefix):
    page.set_viewport_size(PHONE)
    for slug, data in SITUATIONS.items():
        if data["audience"] not in ("pmi", "keluarga"):
            continue
        page.goto(f"{served_site}{prefix}situasi/{slug}/")
        links = [a for a in page.locator("article a[href$='bantuan/']").all() if a.is_visible()]
        assert links, slug
        box = links[0].bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], (slug, box)
