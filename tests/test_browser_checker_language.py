"""The checker across a language switch (issue 33 item 3), in headless Chromium on the fixture: the
language link carries the answers in its fragment as it is clicked, the page's own address gets them
without a new history entry or a reload, and nothing else holds them (no storage, no request)."""
from __future__ import annotations

from playwright.sync_api import expect

from test_browser_checker import READY, answer, assert_private, question, results

AT_QUESTION_3 = "#situasi=calon_pmi&umur=30"


def to_question_3(page, site: str) -> None:
    page.goto(site + "cek/")
    page.wait_for_selector(READY)
    answer(page, "Saya ingin bekerja ke luar negeri (calon PMI)")
    answer(page, number="30")
    assert question(page) == "Di kabupaten mana Anda tinggal?"
    assert page.evaluate("location.hash") == ""  # answering puts nothing in the address


def english_link(page):
    page.locator(".md-header .md-select button").click()  # the language menu opens on focus
    return page.locator(".md-select__link[hreflang=en]")


def test_the_link_carries_the_answers_when_clicked_without_a_history_entry_or_a_reload(page, served_site):
    to_question_3(page, served_site)
    entries = page.evaluate("history.length")
    link = english_link(page)
    assert link.get_attribute("href") == "../en/cek/"  # nothing in it before the click
    page.evaluate("""() => {
        window.reloads = 0;
        addEventListener('hashchange', () => window.reloads++);
        document.querySelector('#pmi-checker form').dataset.same = 'yes';
        document.addEventListener('click', e => e.preventDefault());  // after the checker's own listener
    }""")
    link.click()
    assert link.get_attribute("href") == "../en/cek/" + AT_QUESTION_3
    assert page.evaluate("location.hash") == AT_QUESTION_3
    assert page.evaluate("history.length") == entries
    assert page.evaluate("window.reloads") == 0
    assert page.locator("#pmi-checker form[data-same=yes]").count() == 1  # the question was not drawn again
    assert_private(page, served_site)


def test_switching_language_on_question_3_keeps_the_question_and_the_answers(page, served_site):
    to_question_3(page, served_site)
    entries = page.evaluate("history.length")
    english_link(page).click()
    page.wait_for_url(served_site + "en/cek/" + AT_QUESTION_3)
    page.wait_for_selector(READY)
    assert question(page) == "Which regency (kabupaten) do you live in?"
    assert page.locator(".pmi-question-n").inner_text() == "Question 3"
    assert page.evaluate("history.length") == entries + 1  # the new page only, none for the answers
    page.locator(".pmi-back").click()
    assert question(page) == "How old are you?"
    assert page.input_value("#pmi-checker input[name=a]") == "30"
    page.locator(".pmi-back").click()
    assert page.locator("#pmi-checker").get_by_label("I want to work abroad (prospective migrant worker)").is_checked()

    page.go_back()  # the Indonesian page's address kept the answers: the reader is where she was
    page.wait_for_selector(READY)
    expect(page.locator("#pmi-checker legend h2")).to_have_text("Di kabupaten mana Anda tinggal?")
    assert page.locator(".pmi-question-n").inner_text() == "Pertanyaan 3"
    assert all("umur" not in url for url in page.requests), page.requests
    assert_private(page, served_site)


def test_results_and_dont_know_answers_cross_too(page, served_site):
    page.goto(served_site + "en/cek/")
    page.wait_for_selector(READY)
    answer(page, "I want to work abroad (prospective migrant worker)", button="Continue")
    page.locator("#pmi-checker").get_by_role("button", name="I don't know", exact=True).click()  # the age
    answer(page, "Another regency", button="Continue")
    answer(page, "South Korea", button="Continue")
    answer(page, "Senior secondary school (SMA/SMK)", button="Continue")
    for _ in range(3):
        answer(page, "No", button="Continue")
    verdicts = results(page)
    rows = page.locator(".pmi-answers dd").count()
    assert "I don't know" in page.locator(".pmi-answers").inner_text() and rows == 8
    page.locator(".md-header .md-select button").click()
    page.locator(".md-select__link[hreflang=id]").click()
    page.wait_for_url(served_site + "cek/#*")
    page.wait_for_selector(READY)
    assert results(page) == verdicts
    assert page.locator(".pmi-answers dd").count() == rows
    assert "Saya tidak tahu" in page.locator(".pmi-answers").inner_text()
    entries = page.evaluate("history.length")
    page.get_by_role("button", name="Mulai lagi").click()  # starting again forgets them in the address too
    assert question(page) == "Apa situasi Anda sekarang?"
    assert page.evaluate("location.hash") == "" and page.evaluate("history.length") == entries
    assert_private(page, served_site)
