"""Sharing (issue 22) in headless Chromium: Linux Chromium has no Web Share API, so the fallback
(a plain wa.me link and "copy link") is what it shows; a stubbed ``navigator.share`` stands in for a
phone's share sheet. A checker result shares the matching programmes, answers only on request."""
from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect


SITE = "http://127.0.0.1:8000/"
"""The fixture build's site_url: shared links are canonical URLs, wherever the copy is served."""
SHARE_STUB = """navigator.share = function (data) { window.__shared = data; return Promise.resolve(); };"""


def whatsapp_text(link) -> str:
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/"), href
    return parse_qs(parts.query)["text"][0]


def test_program_page_without_web_share_offers_whatsapp_and_copy(page, served_site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(served_site + "program/melati/")
    page.locator("[data-pmi-share]").scroll_into_view_if_needed()  # its script loads as it nears the screen
    box = page.locator("[data-pmi-share][data-ready=true]")
    expect(box).to_have_count(1)
    wa = box.locator(".pmi-share-whatsapp")
    assert wa.is_visible() and box.locator(".pmi-share-native").is_hidden()
    title = page.locator("h1").inner_text()
    assert whatsapp_text(wa) == f"{title}\n{SITE}program/melati/"  # the page's title and URL, nothing else
    box.get_by_role("button", name="Salin tautan").click()
    expect(box.locator(".pmi-share-status")).to_have_text("Tautan disalin.")  # once the clipboard's promise settles
    assert page.evaluate("navigator.clipboard.readText()") == SITE + "program/melati/"
    assert all(url.startswith(served_site) for url in page.requests), page.requests  # wa.me is a link only


def test_procedure_page_with_web_share_uses_the_share_sheet_in_english(page, served_site):
    page.add_init_script(SHARE_STUB)
    page.goto(served_site + "en/prosedur/")
    page.locator("article a[href*='prosedur/']").first.click()
    page.locator("[data-pmi-share]").scroll_into_view_if_needed()
    box = page.locator("[data-pmi-share][data-ready=true]")
    expect(box).to_have_count(1)
    assert box.locator(".pmi-share-whatsapp").is_hidden() and box.locator(".pmi-share-copy").is_hidden()
    box.get_by_role("button", name="Share…").click()
    shared = page.wait_for_function("window.__shared").json_value()
    assert shared == {"title": page.locator("h1").inner_text(), "text": shared["title"], "url": page.url.replace(served_site, SITE)}


def test_the_share_script_loads_only_when_the_box_nears_the_screen(page, served_site):
    """The share box ends the page: a reader who never scrolls there never downloads its script."""
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(served_site + "prosedur/")
    page.locator("article a[href*='prosedur/']").first.click()
    page.wait_for_load_state("load")
    box = page.locator("[data-pmi-share]")
    assert box.evaluate("b => b.getBoundingClientRect().top") > 640 + 400, "the fixture page is too short to tell"
    assert not [url for url in page.requests if url.endswith("/share.js")]
    box.scroll_into_view_if_needed()
    expect(page.locator("[data-pmi-share][data-ready=true]")).to_have_count(1)
    assert [url for url in page.requests if url.endswith("/share.js")]


def test_without_javascript_the_whatsapp_link_is_there(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto(served_site + "en/program/melati/")
        box = pg.locator("[data-pmi-share]")
        assert box.locator(".pmi-share-whatsapp").is_visible() and box.locator(".pmi-share-copy").is_hidden()
        assert whatsapp_text(box.locator(".pmi-share-whatsapp")).endswith("\n" + SITE + "en/program/melati/")
    finally:
        context.close()


def test_checker_result_shares_programmes_not_answers_by_default(page, served_site):
    page.add_init_script(SHARE_STUB)
    page.goto(served_site + "cek/#umur=17&situasi=calon_pmi&kabupaten=jember&desa_desbumi=tidak")
    page.wait_for_selector("#pmi-checker[data-ready=true]")
    section = page.locator(".pmi-share-result")
    default = section.locator("[data-pmi-share]").first
    default.get_by_role("button", name="Bagikan…").click()
    shared = page.wait_for_function("window.__shared").json_value()
    assert shared["url"] == SITE + "cek/"  # no answers in the link
    assert shared["text"] == f"Program yang mungkin cocok untuk saya:\n- Melati (mengajar dan melatih dengan hati): {SITE}program/melati/"
    for answer in ("umur", "17", "jember", "desa_desbumi"):
        assert answer not in shared["url"] + shared["text"]

    details = section.locator("details.pmi-share-answers")
    assert details.get_attribute("open") is None  # the answers are a second, explicit choice
    details.locator("summary").click()
    assert "Tautan ini akan memuat jawaban Anda" in details.inner_text()
    assert "Berapa umur Anda?: 17" in details.inner_text()  # says what will be sent
    page.evaluate("window.__shared = null")
    details.get_by_role("button", name="Bagikan…").click()
    shared = page.wait_for_function("window.__shared").json_value()
    link = urlsplit(shared["url"])
    assert link.path == "/cek/" and "umur=17" in unquote(link.fragment)

    page.goto(shared["url"].replace(SITE, served_site))  # the link with answers opens the same result
    page.wait_for_selector("#pmi-checker[data-ready=true]")
    assert "17 tahun" in page.locator(".pmi-answers").inner_text()
    assert all(url.startswith(served_site) for url in page.requests), page.requests


def test_checker_result_without_web_share_has_an_answer_free_whatsapp_link(page, served_site):
    page.goto(served_site + "en/cek/#umur=17&situasi=calon_pmi&kabupaten=jember&desa_desbumi=tidak")
    page.wait_for_selector("#pmi-checker[data-ready=true]")
    default = page.locator(".pmi-share-result [data-pmi-share]").first
    text = whatsapp_text(default.locator(".pmi-share-whatsapp"))
    assert text == f"Programmes that may fit me:\n- Melati (\"teaching and training with heart\"): {SITE}en/program/melati/\n{SITE}en/cek/"
    with_answers = page.locator(".pmi-share-answers .pmi-share-whatsapp")
    assert "#" in whatsapp_text(with_answers) and "umur=17" in whatsapp_text(with_answers)


def test_checker_loads_share_js_with_the_first_results_not_in_its_first_view(page, served_site):
    """share.js is not in the checker's first view: the page's own share box is its plain WhatsApp link
    until the results; with them checker.js loads share.js (held here until the reader has scrolled),
    and the results' share section then appears, focus and the reader's place kept."""
    held = []
    page.route("**/assets/portal/share.js", lambda route: held.append(route))
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(served_site + "cek/#umur=17&situasi=calon_pmi&kabupaten=jember")
    page.wait_for_selector("#pmi-checker[data-ready=true]")
    own = page.locator("[data-pmi-share]")
    assert own.locator(".pmi-share-whatsapp").is_visible() and own.get_attribute("data-ready") is None
    assert whatsapp_text(own.locator(".pmi-share-whatsapp")).endswith("\n" + SITE + "cek/")
    assert not any(url.endswith("share.js") for url in page.requests), page.requests

    with page.expect_request("**/assets/portal/share.js"):
        page.locator("#pmi-checker").get_by_label("Tidak", exact=True).check()  # the last question
        page.locator("#pmi-checker").get_by_role("button", name="Lanjut").click()
    section = page.locator(".pmi-share-result")
    assert section.is_hidden()  # until share.js is there
    page.add_style_tag(content="* { overflow-anchor: none }")  # as a browser without scroll anchoring
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # the reader reads on, past it
    restart = page.locator(".pmi-restart")
    before = restart.evaluate("b => b.getBoundingClientRect().top")
    assert page.evaluate("document.querySelector('.pmi-share-result').nextElementSibling.getBoundingClientRect().top") < 0
    while not held:
        page.wait_for_timeout(20)
    held[0].continue_()
    expect(section.locator(".pmi-share-whatsapp").first).to_be_visible()
    assert restart.evaluate("b => b.getBoundingClientRect().top") == pytest.approx(before, abs=1)  # the same place
    assert page.evaluate("document.activeElement.textContent") == page.locator("#pmi-checker h2").first.inner_text()
    text = whatsapp_text(section.locator("[data-pmi-share]").first.locator(".pmi-share-whatsapp"))
    assert text == f"Program yang mungkin cocok untuk saya:\n- Melati (mengajar dan melatih dengan hati): {SITE}program/melati/\n{SITE}cek/"
    assert section.locator("[data-pmi-share]").first.get_by_role("button", name="Salin tautan").is_visible()  # share.js ran
    assert page.requests.count(served_site + "assets/portal/share.js") == 1
    assert not page.console_errors, page.console_errors
