"""A glossary term tapped on a 360 px phone (issue 35): its meaning opens in place, under the term,
with a link to its glossary entry; no page change; term.js loads on the first tap only."""
from __future__ import annotations

from playwright.sync_api import expect


def test_tapping_a_term_shows_its_meaning_in_place(browser, served_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                                  service_workers="block")
    try:
        page = context.new_page()
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(served_site + "program/melati/")
        assert not any(url.endswith("term.js") for url in requests)  # not in the first view
        term = page.locator("article a.pmi-term").first
        name, href = term.inner_text(), term.get_attribute("href")
        term.tap()
        tip = page.locator(".pmi-term-tip")
        expect(tip).to_be_visible()
        assert page.url == served_site + "program/melati/"  # no page change
        assert tip.locator("strong").inner_text() == name
        expansion = term.locator("abbr").get_attribute("title") if term.locator("abbr").count() else None
        if expansion:
            expect(tip).to_contain_text(expansion)
        expect(tip.locator(".pmi-term-def")).not_to_be_empty()  # the entry's definition, from the glossary page
        more = tip.get_by_role("link", name="Lihat di glosarium")
        assert more.get_attribute("href").endswith(href.split("/")[-1])  # the glossary entry, #anchor
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box  # inside a small phone's screen
        assert all(url.startswith(served_site) for url in requests), requests
        term.tap()  # a second tap folds it
        expect(tip).to_have_count(0)
        term.tap()
        page.get_by_role("button", name="Tutup").tap()
        expect(page.locator(".pmi-term-tip")).to_have_count(0)
    finally:
        context.close()
