"""The oldest setting README promises, as far as Chromium emulates it: a 320 px touch phone on a
"Slow 3G" line with JavaScript off. Pages read, the menu and the language switch still work."""
from __future__ import annotations

import pytest

PHONE = {"viewport": {"width": 320, "height": 568}, "device_scale_factor": 1.5, "is_mobile": True,
         "has_touch": True, "java_script_enabled": False}
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}


@pytest.fixture
def old_phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    yield page
    context.close()


def slow_3g(page) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)


def test_program_page_reads_on_a_small_phone_on_slow_3g_without_javascript(old_phone, served_site):
    page = old_phone
    slow_3g(page)
    page.goto(served_site + "en/program/melati/", timeout=60_000)
    assert page.locator("h1").first.inner_text().startswith("Melati")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "no sideways scrolling"
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert size >= 16


def test_menu_drawer_opens_and_leads_on_without_javascript(old_phone, served_site):
    page = old_phone
    page.goto(served_site + "en/program/melati/", timeout=60_000)
    link = page.locator(".md-sidebar--primary a.md-nav__link", has_text="Programmes").first
    assert not link.is_visible()
    page.locator('.md-header label[for="__drawer"]').tap()
    assert page.locator("#__drawer").is_checked()
    link.wait_for(state="visible")
    for _ in range(50):  # the drawer slides in (CSS transition)
        if link.bounding_box()["x"] >= 0:
            break
        page.wait_for_timeout(50)
    link.tap()
    page.wait_for_url("**/en/program/", timeout=60_000)
    assert page.locator(".md-sidebar--primary").is_hidden() or not page.locator("#__drawer").is_checked()


def test_language_switch_works_without_javascript(old_phone, served_site):
    page = old_phone
    page.goto(served_site + "en/program/melati/", timeout=60_000)
    page.locator(".md-select button").tap()
    indonesian = page.locator(".md-select__link", has_text="Bahasa Indonesia")
    indonesian.wait_for(state="visible")
    box = indonesian.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320, "the menu stays on the screen"
    indonesian.tap()
    page.wait_for_url(served_site + "program/melati/", timeout=60_000)
    assert page.locator("html").get_attribute("lang") == "id"
