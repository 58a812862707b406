"""The eligibility checker in headless Chromium, answered as a reader would, in both languages."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

READY = "#pmi-checker[data-ready=true]"


def answer(page, label: str | None = None, number: str | None = None, button: str = "Lanjut") -> None:
    if number is not None:
        page.fill("#pmi-checker input[name=a]", number)
    else:
        page.locator("#pmi-checker").get_by_label(label, exact=True).check()
    page.locator("#pmi-checker").get_by_role("button", name=button, exact=True).click()


def question(page) -> str:
    return page.locator("#pmi-checker legend h2").inner_text()


def results(page) -> dict[str, list[str]]:
    """{verdict: [program slugs]} as shown on the results screen."""
    out = {}
    for section in page.locator("#pmi-checker .pmi-results").all():
        slugs = [li.get_attribute("data-slug") for li in section.locator(".pmi-result").all()]
        out[section.get_attribute("data-verdict")] = slugs
    return out


def open_not_eligible(page):
    """The "not eligible" list is folded; the reader opens it."""
    folded = page.locator("details.pmi-results--not")
    assert folded.get_attribute("open") is None and not folded.locator(".pmi-reasons").first.is_visible()
    folded.locator("summary").click()
    return folded


def assert_private(page, site: str) -> None:
    assert page.requests and all(url.startswith(site) for url in page.requests), page.requests
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert not page.console_errors or all("404" in e for e in page.console_errors), page.console_errors


def test_reader_answers_in_indonesian_and_goes_back(page, served_site):
    page.goto(served_site + "cek/")
    page.wait_for_selector(READY)
    assert page.locator(".pmi-checker-all").is_hidden()
    assert question(page) == "Apa situasi Anda sekarang?"
    assert page.locator(".pmi-back").count() == 0
    answer(page, "Saya ingin bekerja ke luar negeri (calon PMI)")
    assert question(page) == "Berapa umur Anda?"
    assert page.get_by_role("spinbutton", name="Berapa umur Anda?").is_visible()  # the input is named by the question
    answer(page, number="")
    assert page.locator(".pmi-error").inner_text() == "Tulis angka antara 0 dan 120."
    answer(page, number="18")
    assert question(page) == "Di kabupaten mana Anda tinggal?"
    answer(page, "Kabupaten lain")
    assert question(page) == "Ke negara mana Anda ingin bekerja?"  # a warung cannot matter outside Banyuwangi
    answer(page, "Korea Selatan")
    answer(page, "SMA/SMK")
    for _ in range(3):  # colour-blind, prison or deported, 5 years in Korea
        answer(page, "Tidak")
    assert results(page) == {"likely": ["g-to-g-korea"], "maybe": ["melati"], "not": ["desbumi", "g-to-g-jepang", "warung-naik-kelas"]}
    assert list(results(page)) == ["likely", "maybe", "not"]  # in this order on the page
    likely = page.locator(".pmi-results--likely")
    assert "Anda berusia 18–39 tahun" in likely.inner_text()
    documents = page.locator(".pmi-my-documents")
    assert "Paspor" in documents.inner_text() and documents.get_by_role("button", name="Cetak daftar ini").is_visible()

    page.locator(".pmi-back").click()
    assert question(page) == "Apakah Anda sudah pernah bekerja di Korea selama 5 tahun atau lebih?"
    assert page.locator("#pmi-checker").get_by_label("Tidak", exact=True).is_checked()
    answer(page, "Ya")
    assert results(page) == {"maybe": ["melati"], "not": ["desbumi", "g-to-g-jepang", "g-to-g-korea", "warung-naik-kelas"]}
    assert "Anda belum pernah bekerja di Korea selama 5 tahun atau lebih" in open_not_eligible(page).inner_text()
    assert page.locator(".pmi-my-documents").count() == 0

    page.locator(".pmi-answers").get_by_role("button", name="Ubah").nth(1).click()  # change the age
    assert question(page) == "Berapa umur Anda?"
    assert page.input_value("#pmi-checker input[name=a]") == "18"
    page.locator("#pmi-checker").get_by_role("button", name="Saya tidak tahu").click()
    assert results(page)["not"] == ["desbumi", "g-to-g-jepang", "g-to-g-korea", "warung-naik-kelas"]  # still decided by the 5 years
    assert "Saya tidak tahu" in page.locator(".pmi-answers").inner_text()
    assert_private(page, served_site)


def test_reader_answers_in_english_and_follows_a_result(page, served_site):
    page.goto(served_site + "en/cek/")
    page.wait_for_selector(READY)
    assert question(page) == "What is your situation now?"
    answer(page, "I am a family member of a migrant worker", button="Continue")
    assert question(page).endswith("which country do they work in?")
    answer(page, "Hong Kong", button="Continue")
    assert question(page) == "Which regency (kabupaten) do you live in?"
    answer(page, "Banyuwangi", button="Continue")
    assert question(page).startswith("Is your village a Desbumi village")
    villages = page.locator("#pmi-checker details.pmi-villages")
    assert villages.locator("summary").inner_text() == "Villages named in our sources (2)"
    villages.locator("summary").click()
    assert villages.locator("p").inner_text() == "Tegaldelimo, Wringinpitu"
    answer(page, "Yes", button="Continue")
    answer(page, "Yes", button="Continue")
    # The sources name this reader for Desbumi and Wenak (2 criteria met each): before Melati (none published).
    assert results(page) == {"maybe": ["desbumi", "warung-naik-kelas", "melati"], "not": ["g-to-g-jepang", "g-to-g-korea"]}
    assert page.locator(".pmi-results--not h3").inner_text() == "Not eligible (2)"
    assert "You want to work in South Korea" in open_not_eligible(page).inner_text()
    maybe = page.locator(".pmi-results--maybe")
    assert "Maybe: ask first (3)" == maybe.locator("h3").inner_text()
    assert "You own a warung" in maybe.inner_text() and "criteria for this programme are not published" in maybe.inner_text()
    for expected in ("Do you own a small business or a warung (small shop)?",
                     'Is your village a Desbumi village (Desa Peduli Buruh Migran, "village that cares for migrant workers")?',
                     "Which regency (kabupaten) do you live in?",
                     "Which country do you work in now? If you are a migrant worker's family member, which country "
                     "do they work in?", "What is your situation now?"):
        page.locator(".pmi-back").click()
        assert question(page) == expected
    assert page.locator(".pmi-back").count() == 0
    answer(page, "I want to work abroad (prospective migrant worker)", button="Continue")
    answer(page, number="39", button="Continue")
    answer(page, "Another regency", button="Continue")
    answer(page, "South Korea", button="Continue")
    answer(page, "Primary school (SD)", button="Continue")
    assert results(page)["not"] == ["desbumi", "g-to-g-jepang", "g-to-g-korea", "warung-naik-kelas"]
    open_not_eligible(page)
    page.locator(".pmi-result[data-slug=g-to-g-korea] a").click()
    page.wait_for_url(served_site + "en/program/g-to-g-korea/")
    assert page.locator("h1").inner_text().startswith("G to G placement in South Korea")
    assert_private(page, served_site)


def test_prefilled_link_from_a_volunteer(page, served_site):
    page.goto(served_site + "cek/#umur=17&situasi=calon_pmi&kabupaten=jember&desa_desbumi=tidak")
    page.wait_for_selector(READY)
    assert results(page) == {"maybe": ["melati"], "not": ["desbumi", "g-to-g-jepang", "g-to-g-korea", "warung-naik-kelas"]}
    assert "17 tahun" in page.locator(".pmi-answers").inner_text()
    page.evaluate("location.hash = '#all'")  # an anchor, not answers: nothing changes
    assert results(page) == {"maybe": ["melati"], "not": ["desbumi", "g-to-g-jepang", "g-to-g-korea", "warung-naik-kelas"]}
    page.evaluate("location.hash = '#situasi=keluarga&negara_sekarang=malaysia&kabupaten=banyuwangi'")  # new answers
    page.wait_for_selector("#pmi-checker legend h2")
    assert question(page) == "Apakah desa Anda termasuk desa Desbumi (Desa Peduli Buruh Migran)?"
    page.goto(served_site + "en/cek/#situasi=calon_pmi&umur=30&kabupaten=lainnya")
    page.wait_for_selector(READY)
    assert question(page) == "Which country do you want to work in?"
    assert page.locator(".pmi-question-n").inner_text() == "Question 4"  # the link's answers count as asked
    page.locator(".pmi-back").click()
    assert question(page) == "Which regency (kabupaten) do you live in?"
    assert page.locator("#pmi-checker").get_by_label("Another regency", exact=True).is_checked()
    assert_private(page, served_site)


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_every_checklist_is_shown(page_without_js, served_site):
    page = page_without_js
    page.goto(served_site + "cek/")
    assert page.locator(".pmi-checker-all").is_visible()
    assert "Tanpa JavaScript, pemeriksa tidak berjalan." in page.locator(".pmi-checker-all").inner_text()
    text = page.locator(".pmi-checker-all").inner_text()
    for needle in ("G to G Korea Selatan 2025", "Anda berusia 18–39 tahun", "Melati", "Warung Naik Kelas",
                   "Syarat program ini tidak diumumkan di sumber kami."):
        assert needle in text


def test_a_worker_abroad_gets_her_countrys_lines_first(page, served_site):
    """Issue 31: a worker in Malaysia says where she is; her results open the help with Malaysia's
    lines (a tel: link) and a link to its page. A returnee is not asked."""
    page.goto(served_site + "cek/")
    page.wait_for_selector(READY)
    answer(page, "Saya sedang bekerja di luar negeri (PMI)")
    assert question(page).startswith("Di negara mana Anda bekerja sekarang?")
    assert [t.strip() for t in page.locator("#pmi-checker .pmi-option").all_inner_texts()] == ["Hong Kong", "Malaysia"]
    answer(page, "Malaysia")
    while page.locator("#pmi-checker legend h2").count():
        page.locator("#pmi-checker").get_by_role("button", name="Saya tidak tahu", exact=True).click()
    first = page.locator("#pmi-checker .pmi-help > div").first
    assert first.locator("h4").inner_text() == "Malaysia"
    assert first.locator("h4 a").get_attribute("href") == "../negara/malaysia/"
    assert first.locator("a[href='tel:+60300000000']").count() == 1
    assert page.locator("#pmi-checker .pmi-answers dd").first.inner_text().startswith("Saya sedang bekerja")
    page.goto(served_site + "en/cek/")
    page.wait_for_selector(READY)
    answer(page, "I have come back from working abroad (returnee)", button="Continue")
    assert "Which country do you work in now?" not in question(page)


# A nurse for Japan (the fixture's programme with an unasked criterion and a registration window).
NURSE = ("#situasi=calon_pmi&umur=30&kabupaten=jember&desa_desbumi=tidak&negara_tujuan=jepang"
         "&pendidikan=d3_keperawatan&jlpt_n5=ya")


@pytest.mark.parametrize("prefix, unchecked, registration", [
    ("", "Untuk posisi perawat: punya STR", "Pendaftaran: Pada 2025 pendaftaran dibuka 1 Februari sampai 31 Mei"),
    ("en/", "For nurse positions: an STR", "Registration: In 2025, registration was open from 1 February to 31 May"),
])
def test_a_nurse_for_japan_sees_what_was_not_asked_on_her_first_screen(page, served_site, prefix, unchecked,
                                                                      registration):
    """Issue 33 item 5: Japan is 'maybe' with the criterion the questions did not ask named in a box,
    and the registration window beside it; at 360 px both are on the first screen of the results."""
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(served_site + prefix + "cek/")
    page.wait_for_selector(READY)
    page.evaluate(f"location.hash = {NURSE!r}")
    expect(page.locator("#pmi-checker .pmi-results").first).to_be_visible()
    shown = results(page)
    assert list(shown) == ["maybe", "not"] and shown["maybe"][0] == "g-to-g-jepang"
    japan = page.locator(".pmi-result[data-slug=g-to-g-jepang]")
    assert unchecked in japan.locator(".pmi-unchecked").inner_text()
    assert japan.locator(".pmi-registration").inner_text().startswith(registration)
    assert page.locator(".pmi-unchecked").count() == 1 and page.locator(".pmi-registration").count() == 1
    heading = page.locator("#pmi-checker > h2").bounding_box()
    for part in (".pmi-unchecked", ".pmi-registration"):
        box = japan.locator(part).bounding_box()
        assert box["y"] + box["height"] - heading["y"] <= 640, f"{part} is below the first screen of the results"


@pytest.mark.parametrize("broken", ["abort eligibility.json", "404 eligibility.json", "abort checker.js"])
def test_the_static_list_comes_back_when_the_checker_cannot_run(page, served_site, broken):
    """Issue 33 item 4: the list hidden before paint is shown again if the script or its data fails."""
    how, name = broken.split()
    page.route("**/" + name, lambda route: route.abort() if how == "abort" else route.fulfill(status=404, body=""))
    page.goto(served_site + "cek/")
    expect(page.locator(".pmi-checker-all")).to_be_visible()
    assert "G to G Korea Selatan 2025" in page.locator(".pmi-checker-all").inner_text()
    assert page.locator(".pmi-loading").is_hidden()


def test_a_cold_load_shows_no_static_list_while_the_questions_load(page, served_site):
    """Issue 33 item 4: while the checker's data is on its way the reader sees 'loading', never the
    whole static list, which the questions then replace."""
    held = []
    page.route("**/eligibility.json", lambda route: held.append(route))
    page.goto(served_site + "en/cek/", wait_until="domcontentloaded")
    expect(page.locator(".pmi-loading")).to_have_text("Loading the questions…")
    assert page.locator(".pmi-checker-all").is_hidden()
    while not held:
        page.wait_for_timeout(50)
    page.wait_for_timeout(300)  # still nothing but "loading"
    assert page.locator(".pmi-checker-all").is_hidden() and page.locator(".pmi-loading").is_visible()
    held[0].continue_()
    page.wait_for_selector(READY)
    assert question(page) == "What is your situation now?"
    assert page.locator(".pmi-checker-all").is_hidden() and page.locator(".pmi-loading").count() == 0
