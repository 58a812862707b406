"""Every internal link and #anchor of the built site resolves, in both languages."""
from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT
from portal.checks import linkcheck
from portal.site.config import LOCAL_SITE_URL


def test_every_internal_link_and_anchor_resolves_in_both_languages(fixture_site):
    pages = linkcheck.html_pages(fixture_site)
    assert {"program/melati/index.html", "en/program/melati/index.html", "index.html", "en/index.html"} <= set(pages)
    internal = [link for link in linkcheck.links(fixture_site)
                if not linkcheck.is_external(link.url, LOCAL_SITE_URL)]
    assert sum("#" in link.url for link in internal) > 10, "anchors are checked too"
    assert sum(link.page.startswith("en/") for link in internal) > 50, "English pages are checked too"
    assert [str(b) for b in linkcheck.check(fixture_site, LOCAL_SITE_URL)] == []


def test_the_check_reports_a_missing_page_and_a_missing_anchor(fixture_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    page = site / "en" / "program" / "melati" / "index.html"
    html = page.read_text(encoding="utf-8")
    broken = '<a href="../nowhere/">gone</a> <a href="../warung-naik-kelas/#no-such-part">lost</a> <a href="#about">ok</a>'
    page.write_text(html.replace("</article>", broken + "</article>", 1), encoding="utf-8")
    problems = [str(b) for b in linkcheck.check(site, LOCAL_SITE_URL)]
    assert len(problems) == 2, problems
    assert "en/program/melati/index.html:" in problems[0] and "no file en/program/nowhere/index.html" in problems[0]
    assert "no id 'no-such-part' in en/program/warung-naik-kelas/index.html" in problems[1]


def test_links_script_lists_external_links_and_checks_internal_ones(fixture_site):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "links.py"), "--site", str(fixture_site), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "| link | pages | first page |" in result.stdout
    assert "0 broken internal links or anchors." in result.stdout

