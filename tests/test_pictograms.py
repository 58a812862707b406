"""Pictograms (issue 35): the section headings readers scan for (documents, where to go, money, warning,
steps, who it is for) and every contact carry their drawing, inline, on the page and in the brochure."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import lxml.html
import pytest
from PIL import Image

from conftest import POPPLER, require_tool
from portal.site import icons

ISSUE_SECTIONS = {"documents", "where", "benefits", "warnings", "who"}
"""Headings the issue names: documents, where to go, money (what it gives), warning, who it is for."""
STEPS = {"steps", "procedure_steps"}


def drawing(svg) -> str:
    (path,) = svg.findall("path")
    return path.get("d")


def test_headings_and_contacts_carry_their_pictograms_inline(fixture_site):
    seen, contacts = set(), set()
    pages = [p for d in ("program", "prosedur", "negara", "bantuan", "organisasi") for p in (fixture_site / d).rglob("index.html")]
    for page in pages + [fixture_site / "en" / p.relative_to(fixture_site) for p in pages]:
        tree = lxml.html.parse(str(page)).getroot()
        for heading in tree.xpath("//article//h2[@id] | //article//h3[@id]"):
            key = heading.get("id")
            if key in icons.SECTIONS:
                first = heading[0] if len(heading) else None
                assert first is not None and first.tag == "svg" and first.get("class") == "pmi-icon", (page, key)
                assert first.get("aria-hidden") == "true" and drawing(first) == icons.path(icons.SECTIONS[key])
                seen.add(key)
        for item in tree.xpath("//li[contains(@class, 'pmi-contact ')]"):
            kind = re.search(r"pmi-contact--(\w+)", item.get("class")).group(1)
            assert item[0].tag == "svg" and drawing(item[0]) == icons.path(icons.CONTACTS[kind]), (page, kind)
            contacts.add(kind)
        assert not tree.xpath("//svg//use | //svg//image"), "drawn inline, nothing fetched"
    assert ISSUE_SECTIONS <= seen and seen & STEPS, seen
    assert "phone" in contacts


def test_procedure_steps_are_numbered_large(fixture_site):
    tree = lxml.html.parse(str(fixture_site / "prosedur" / "jalur-resmi" / "index.html")).getroot()
    numbers = [n.text for n in tree.xpath("//h3[starts-with(@id, 'step-')]/span[@class='pmi-step__no']")]
    assert numbers and numbers == [f"{i}." for i in range(1, len(numbers) + 1)]
    assert ".pmi-step__no{font-size:1.6em" in (fixture_site / "assets" / "portal.css").read_text(encoding="utf-8")


def words(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, word) of every word of ``pdf``, in points (pdftotext -bbox)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found, page = [], 0
    for m in re.finditer(r'<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out):
        if m.group(0) == "<page ":
            page += 1
        else:
            found.append((page, *(float(m.group(i)) for i in range(1, 5)), m.group(5)))
    return found


def ink_left_of(pdf: Path, word: tuple, tmp_path: Path) -> int:
    """Dark pixels in the 15 points left of ``word`` on its page (rendered at 72 dpi: a pixel a point)."""
    page, x0, y0, _, y1, _ = word
    out = tmp_path / f"p{page}"
    subprocess.run(["pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf), str(out)],
                   check=True)
    with Image.open(f"{out}.png") as image:
        box = image.convert("L").crop((int(x0) - 15, int(y0), int(x0) - 1, int(y1) + 1))
        return sum(1 for value in box.tobytes() if value < 160)


@pytest.mark.parametrize("lang,headings,plain", [
    ("id", ["Untuk", "Cara", "Dokumen", "Perhatian"], "Apa"),
    ("en", ["Who", "How", "Documents", "Take"], "What")])
def test_brochure_headings_carry_their_pictograms(fixture_site, tmp_path, lang, headings, plain):
    require_tool("pdftoppm", POPPLER)
    pdf = next((fixture_site / "en" / "brosur" if lang == "en" else fixture_site / "brosur").glob("g-to-g-korea-*.pdf"))
    found = words(pdf)
    first = {w[5]: w for w in reversed(found)}  # each word's first place
    for heading in headings:
        assert heading in first, (heading, sorted(first)[:40])
        assert ink_left_of(pdf, first[heading], tmp_path) > 10, f"no pictogram left of '{heading}' in {pdf.name}"
    assert ink_left_of(pdf, first[plain], tmp_path) == 0, "a heading without a pictogram has none"
