"""Link preview images (issue 22): a 1200×630 PNG under 100 KB per page, drawn with Pillow at
build time from the page's title in its language, named by absolute Open Graph and Twitter URLs."""
from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image

from conftest import build_site, make_project
from portal.outputs.brochures import font_files
from portal.outputs.og_images import BRAND, INK, MAX_BYTES, MUTED, PAPER, SIZE, Card, cards_asked, draw
from portal.site.config import LOCAL_SITE_URL
from portal.site.urls import is_admin


def meta(html: str, attr: str, name: str) -> str | None:
    m = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', html)
    return m.group(1) if m else None


def test_a_long_title_is_drawn_within_size_and_weight():
    title = " ".join(["Pelatihan keterampilan dan pendampingan usaha bagi purna pekerja migran"] * 4)
    data = draw(Card(title, "Portal PMI", "portal.example.org"), font_files())
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.size == SIZE == (1200, 630)
    assert len(data) < MAX_BYTES == 100 * 1024


def test_a_card_is_drawn_in_its_four_colours_and_the_shades_of_their_edges():
    data = draw(Card("Jika ada masalah di luar negeri", "Portal PMI", "portal.example.org"), font_files())
    image = Image.open(io.BytesIO(data)).convert("RGB")
    used = {colour for _, colour in image.getcolors(maxcolors=256)}
    assert {BRAND, INK, MUTED, PAPER} <= used and len(used) <= 16
    assert image.getpixel((5, 5)) == BRAND and image.getpixel((5, SIZE[1] - 5)) == PAPER


def test_every_page_names_its_card_and_the_build_draws_it(fixture_site):
    pages = [p for p in sorted(fixture_site.rglob("index.html"))
             if not is_admin(p.relative_to(fixture_site).as_posix())]  # the staff's editor is no reader page
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        card = meta(html, "property", "og:image")
        assert card == canonical + "og.png" and card.startswith(LOCAL_SITE_URL), path
        assert meta(html, "name", "twitter:card") == "summary_large_image", path
        assert meta(html, "name", "twitter:image") == card, path
        file = fixture_site / card[len(LOCAL_SITE_URL):]
        assert file.stat().st_size < 100 * 1024, file
        assert Image.open(file).size == (1200, 630), file


def test_cards_carry_the_title_in_the_page_language(fixture_site):
    cards = dict(cards_asked(fixture_site, LOCAL_SITE_URL))
    id_card = cards[fixture_site / "program" / "melati" / "og.png"]
    en_card = cards[fixture_site / "en" / "program" / "melati" / "og.png"]
    assert id_card.title == "Melati (mengajar dan melatih dengan hati)"
    assert en_card.title == 'Melati ("teaching and training with heart")'
    assert id_card.site_name == en_card.site_name == "Portal PMI"
    id_file, en_file = (fixture_site / "program/melati/og.png"), (fixture_site / "en/program/melati/og.png")
    assert id_file.read_bytes() != en_file.read_bytes()


def test_without_site_url_there_is_no_card(tmp_path):
    """No site_url: no canonical URL, so no absolute image URL to give, and no card is drawn."""
    site = build_site(make_project(tmp_path / "p"), env={"SITE_URL": "", "PORTAL_BROCHURES": "0"})
    html = (site / "program" / "melati" / "index.html").read_text(encoding="utf-8")
    assert meta(html, "property", "og:image") is None and not list(Path(site).rglob("og.png"))
