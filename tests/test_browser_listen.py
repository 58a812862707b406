"""'Dengarkan' / 'Listen' (issue 35) in headless Chromium, with a stub speech engine that behaves like
Android's: Indonesian voices named 'in-ID', voices listed only after 'voiceschanged', pause() that
cancels, no boundary events, and a network voice beside each local one. The page must speak with the
local voice of its language only, one sentence per utterance, and fetch nothing but its script."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

ANDROID_TTS = """
(function () {
  var all = [
    { name: "Bahasa Indonesia (network)", lang: "id-ID", localService: false, voiceURI: "id-net", default: true },
    { name: "Bahasa Indonesia", lang: "in-ID", localService: true, voiceURI: "in-local", default: false },
    { name: "English (network)", lang: "en-GB", localService: false, voiceURI: "en-net", default: false },
    { name: "English", lang: "en_US", localService: true, voiceURI: "en-local", default: false }];
  var voices = window.__noLocalVoice ? all.filter(function (v) { return !v.localService; }) : all;
  var listed = false, listeners = [], T = window.__tts = { spoken: [], cancels: 0, queue: [], current: null, auto: true };
  function fire(u, type) { if (u["on" + type]) u["on" + type]({ type: type, utterance: u }); }
  function next() {
    var u = T.queue.shift();
    T.current = u || null;
    if (!u) return;
    T.spoken.push({ text: u.text, voice: u.voice && u.voice.name, local: !!(u.voice && u.voice.localService), rate: u.rate });
    setTimeout(function () {
      if (T.current !== u) return;
      fire(u, "start");  /* and no boundary events */
      if (T.auto) setTimeout(function () { T.finish(u); }, 2);
    }, 0);
  }
  T.finish = function (u) { u = u || T.current; if (!u || T.current !== u) return; T.current = null; fire(u, "end"); if (!T.current) next(); };
  var synth = {
    getVoices: function () { return listed ? voices.slice() : []; },
    addEventListener: function (type, f) { if (type === "voiceschanged") listeners.push(f); },
    removeEventListener: function () {},
    speak: function (u) { T.queue.push(u); if (!T.current) next(); },
    cancel: function () { var u = T.current; T.cancels++; T.queue = []; T.current = null; if (u) fire(u, "end"); },
    pause: function () { this.cancel(); },  /* Android: pause() cancels */
    resume: function () {}
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ""; this.voice = null; this.rate = 1; };
  setTimeout(function () { listed = true; listeners.forEach(function (f) { f({ type: "voiceschanged" }); }); }, 30);
})();
"""

PAGES = ["program/melati/", "prosedur/jalur-resmi/", "negara/hong-kong/", "situasi/keluarga-pmi/", "bantuan/"]
VOICE = {"id": "Bahasa Indonesia", "en": "English"}


def with_tts(page, local: bool = True):
    if not local:
        page.add_init_script("window.__noLocalVoice = true;")
    page.add_init_script(ANDROID_TTS)
    return page


def spoken(page) -> list[dict]:
    return page.evaluate("window.__tts.spoken")


def listen_through(page) -> list[dict]:
    """Tap Listen and wait until the page has been read to its end (the control says Listen again)."""
    box = page.locator("[data-pmi-listen]")
    label = box.locator("button").first.inner_text()
    box.locator("button").first.click()
    expect(box.locator("button[data-act=toggle]")).to_have_text(label, timeout=20_000)
    return spoken(page)


def fetched_after(page, before: int) -> set[str]:
    return {url for url in page.requests[before:]}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_kind_of_page_is_read_in_its_language_with_the_local_voice(page, served_site, lang):
    with_tts(page)
    root = "" if lang == "id" else "en/"
    for path in PAGES:
        page.goto(served_site + root + path)
        box = page.locator("[data-pmi-listen]")
        expect(box).to_be_visible()
        before = len(page.requests)
        said = listen_through(page)
        texts = [s["text"] for s in said]
        assert said and all(s["voice"] == VOICE[lang] and s["local"] for s in said), said  # never the network voice
        title = page.locator("article h1").inner_text()
        assert texts[0] == title, (path, texts[:3])
        assert len(texts) > 3 and all(len(t) < 400 for t in texts), texts  # one sentence per utterance
        sources = page.locator("#sources")
        if sources.count():
            assert sources.inner_text() not in texts  # the sources list is skipped
            first_source = page.locator("ol.pmi-sources li").first.inner_text()
            assert not any(first_source[:40] in t for t in texts), first_source
        assert not any("Bagikan" in t or "Share:" in t for t in texts)
        loaded = fetched_after(page, before)
        # nothing fetched but the script (and share.js, as reading scrolls to the share box at the end)
        assert loaded <= {served_site + "assets/portal/listen.js", served_site + "assets/portal/share.js"}, loaded
        assert not page.console_errors, page.console_errors


def test_phone_numbers_are_read_digit_by_digit(page, served_site):
    with_tts(page)
    page.goto(served_site + "bantuan/")
    texts = [s["text"] for s in listen_through(page)]
    assert any("plus 8 5 2" in t for t in texts), texts  # +852 6773 0466, a tel: link
    assert any(" 9 9 9" in t or t.startswith("9 9 9") for t in texts), texts


def test_pause_remembers_the_sentence_and_the_highlight_follows(page, served_site):
    with_tts(page)
    page.goto(served_site + "program/melati/")
    page.evaluate("window.__tts.auto = false")
    box = page.locator("[data-pmi-listen]")
    box.locator("button").click()
    page.wait_for_function("window.__tts.spoken.length === 1")
    now = page.locator(".pmi-said--now")
    expect(now.first).to_be_visible()
    assert " ".join(now.all_inner_texts()).split() == spoken(page)[0]["text"].split()
    page.evaluate("window.__tts.finish()")
    page.wait_for_function("window.__tts.spoken.length === 2")
    second = spoken(page)[1]["text"]
    expect(page.locator(".pmi-said--now").first).to_be_visible()
    assert " ".join(page.locator(".pmi-said--now").all_inner_texts()).split() == second.split()
    box.get_by_role("button", name="Jeda").click()  # Android: cancel, and the cancelled one 'ends'
    expect(box.get_by_role("button", name="Lanjutkan")).to_be_visible()
    assert page.evaluate("window.__tts.cancels") >= 1 and len(spoken(page)) == 2  # the 'end' did not move on
    box.locator("select").select_option("fast")
    box.get_by_role("button", name="Lanjutkan").click()
    page.wait_for_function("window.__tts.spoken.length === 3")
    third = spoken(page)[2]
    assert third["text"] == second and third["rate"] > 1  # the same sentence again, faster
    box.get_by_role("button", name="Berhenti").click()
    expect(page.locator(".pmi-said--now")).to_have_count(0)
    expect(box.get_by_role("button", name="Dengarkan")).to_be_visible()


def test_checker_reads_the_current_question_then_the_results(page, served_site):
    with_tts(page)
    page.goto(served_site + "en/cek/")
    page.wait_for_selector("#pmi-checker[data-ready=true]")
    question = page.locator("#pmi-checker legend h2").inner_text()
    options = page.locator("#pmi-checker .pmi-option").all_inner_texts()
    texts = [s["text"] for s in listen_through(page)]
    assert question in texts and all(o.strip() in texts for o in options), texts
    assert not any("Eligibility checklists" in t for t in texts)  # only the checker, not the page's lists
    assert all(s["voice"] == "English" for s in spoken(page))
    page.goto(served_site + "en/cek/#umur=17&situasi=calon_pmi&kabupaten=jember&desa_desbumi=tidak")
    page.reload()
    page.wait_for_selector("#pmi-checker[data-ready=true] .pmi-results")
    results = page.locator("#pmi-checker > h2").inner_text()
    texts = [s["text"] for s in listen_through(page)]
    assert results in texts, texts
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_the_control_is_hidden_without_a_local_voice(page, served_site):
    with_tts(page, local=False)
    page.goto(served_site + "program/melati/")
    box = page.locator("[data-pmi-listen]")
    expect(box).to_have_text("Ponsel ini tidak punya suara bahasa Indonesia untuk membacakan halaman.")
    expect(box.locator("button")).to_have_count(0)  # no control: the network voice is never offered
    assert page.evaluate("window.__tts.spoken.length") == 0


def test_without_speech_the_control_stays_hidden(page, served_site):
    page.add_init_script("Object.defineProperty(window, 'speechSynthesis', { value: undefined });")
    page.goto(served_site + "en/program/melati/")
    assert page.locator("[data-pmi-listen]").is_hidden()
    assert not any(url.endswith("listen.js") for url in page.requests)  # loaded on the first tap only


def test_saved_pages_keep_the_scripts_loaded_on_first_tap(fixture_site):
    import json

    for root in ("", "en/"):
        files = json.loads((fixture_site / root / "offline.json").read_text(encoding="utf-8"))["files"]
        assert {"assets/portal/listen.js", "assets/portal/term.js"} <= set(files)


def test_a_stop_after_an_abbreviation_or_an_initial_is_read_on(page, served_site):
    """"UU No. 18" and "Jl. A. Yani" are read on, as the plain-words counter counts them."""
    with_tts(page)
    page.goto(served_site + "program/melati/")
    expect(page.locator("[data-pmi-listen]")).to_be_visible()
    page.evaluate("""() => { const p = document.createElement("p");
        p.textContent = "Lihat UU No. 18 Tahun 2017. Datang ke Jl. A. Yani, mis. hari Senin. Selesai.";
        document.querySelector("article h1").after(p); }""")
    texts = [s["text"] for s in listen_through(page)]
    assert texts[1:4] == ["Lihat UU No. 18 Tahun 2017.", "Datang ke Jl. A. Yani, mis. hari Senin.", "Selesai."], texts[:5]
