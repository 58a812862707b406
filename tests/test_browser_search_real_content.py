"""A reader's first searches on the real content (issue 20): placement costs, and Taiwan's 1955 line."""
from __future__ import annotations

import pytest

from conftest import serve_directory
from test_browser_search import search_from


@pytest.fixture(scope="module")
def served_real_site(real_site):
    """The real data/ built (tests/conftest.py) and served on loopback."""
    url, server = serve_directory(real_site)
    yield url
    server.shutdown()


@pytest.mark.parametrize("start, query, first", [
    ("", "biaya penempatan", "/prosedur/biaya-penempatan/"),
    ("en/", "placement costs", "/en/prosedur/biaya-penempatan/"),
])
def test_costs_page_comes_first(page, served_real_site, start, query, first):
    found = search_from(page, served_real_site + start, query)
    assert found and found[0] == first, found


@pytest.mark.parametrize("start, found_page", [
    ("", "/prosedur/dalam-masalah-di-luar-negeri/"),
    ("en/", "/en/prosedur/dalam-masalah-di-luar-negeri/"),
])
def test_taiwan_hotline_number_finds_the_trouble_abroad_page(page, served_real_site, start, found_page):
    assert found_page in search_from(page, served_real_site + start, "1955")
