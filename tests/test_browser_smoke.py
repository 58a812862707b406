"""A reader opens a program page in a real browser: it renders, and asks nothing of other hosts."""
from __future__ import annotations


def test_program_page_loads_from_the_site_only(page, served_site):
    page.goto(served_site + "program/melati/")
    assert page.locator("h1").first.inner_text().startswith("Melati")
    assert page.requests, "no request recorded"
    assert all(url.startswith(served_site) for url in page.requests), page.requests
