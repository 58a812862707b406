"""Link preview images (Open Graph, Twitter card): one 1200×630 PNG per page, drawn with Pillow.

A page asks for its card in its ``<head>`` (``overrides/partials/portal/meta.html``: ``og:image``,
the page's canonical URL + ``og.png``, only when the page has a canonical
URL, i.e. when ``site_url`` is set). After MkDocs, :func:`write_cards` draws every card a built page
asks for: the page's ``og:title`` (in the page's language), ``og:site_name`` and the site's host,
in DejaVu Sans from the system. Nothing is fetched. Cards are cached in ``.cache/og`` by what they
show, so an unchanged page is not drawn again. Missing cards are drawn in threads, one per core:
Pillow lets go of Python's lock while it maps the colours and compresses, which is most of
the time a card takes, and threads need no fork beside the build's other threads (Pagefind's).
The colours are mapped to a fixed palette of the card's four colours and the shades their
anti-aliased edges blend to: five times quicker than finding a palette per card, and closer.
"""
from __future__ import annotations

import hashlib
import io
import logging
import os
import shutil
import threading
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from html.parser import HTMLParser
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import PIL
from PIL import Image, ImageDraw, ImageFont

from portal.build.paths import own_folder
from portal.outputs.brochures import font_files
from portal.site.config import Site

log = logging.getLogger("mkdocs.hooks.portal")

SIZE = (1200, 630)
MAX_BYTES = 100 * 1024
"""Link previews on WhatsApp and elsewhere are dropped above this size."""
CACHE_DIR = Path(".cache") / "og"
DESIGN = "3"  # bump when the drawing changes: cached cards are drawn again
BRAND, INK, MUTED, PAPER = (64, 81, 181), (33, 33, 33), (97, 97, 97), (255, 255, 255)
MARGIN, BAND = 60, 120
TITLE_SIZES = (68, 58, 50, 42)  # the largest that fits in MAX_LINES
MAX_LINES = 5


def _blend(a: tuple[int, ...], b: tuple[int, ...], steps: int) -> list[tuple[int, ...]]:
    """``steps`` + 1 colours from ``a`` to ``b``, both included."""
    return [tuple(round(x + (y - x) * i / steps) for x, y in zip(a, b)) for i in range(steps + 1)]


PALETTE = Image.new("P", (1, 1))
"""16 colours: paper to ink and to grey (text edges), the band's blue to paper (its lettering)."""
PALETTE.putpalette([v for colour in _blend(PAPER, INK, 5) + _blend(PAPER, MUTED, 4)[1:] + _blend(BRAND, PAPER, 6)[:-1]
                    for v in colour])

@dataclass(frozen=True)
class Card:
    """What one card shows."""

    title: str
    site_name: str
    host: str

    def key(self, drawing: str = DESIGN) -> str:
        """The card's name in the cache: what it shows and how it is drawn (:func:`drawing`)."""
        text = "\n".join((drawing, self.title, self.site_name, self.host))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def drawing(fonts: dict[str, Path]) -> str:
    """What else a card's pixels depend on: :data:`DESIGN`, Pillow's version and the font files
    (a new Pillow or DejaVu Sans draws every card again, so a cached card is never stale)."""
    digest = hashlib.sha256(f"{DESIGN}\n{PIL.__version__}".encode())
    for weight, path in sorted(fonts.items()):
        digest.update(weight.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (a single word wider than that gets its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


_loaded = threading.local()


def _font(file: Path, size: int) -> ImageFont.FreeTypeFont:
    """The font ``file`` at ``size``, loaded once per thread (a FreeType face is not shared between threads)."""
    fonts = _loaded.__dict__.setdefault("fonts", {})
    if (file, size) not in fonts:
        fonts[file, size] = ImageFont.truetype(str(file), size)
    return fonts[file, size]


def draw(card: Card, fonts: dict[str, Path]) -> bytes:
    """The card as PNG bytes: the portal's name on a band, the title below, the host at the bottom."""
    image = Image.new("RGB", SIZE, PAPER)
    pen = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    pen.rectangle((0, 0, SIZE[0], BAND), fill=BRAND)
    pen.text((MARGIN, BAND // 2), card.site_name, font=_font(fonts["bold"], 52), fill=PAPER, anchor="lm")
    for size in TITLE_SIZES:
        font = _font(fonts["bold"], size)
        lines = wrap(card.title, font, width)
        if len(lines) <= MAX_LINES and all(font.getlength(line) <= width for line in lines):
            break
    lines = lines[:MAX_LINES]
    pen.multiline_text((MARGIN, BAND + 50), "\n".join(lines), font=font, fill=INK, spacing=size // 4)
    pen.text((MARGIN, SIZE[1] - MARGIN), card.host, font=_font(fonts["normal"], 32), fill=MUTED, anchor="ls")
    out = io.BytesIO()
    image.quantize(palette=PALETTE, dither=Image.Dither.NONE).save(out, "PNG")
    return out.getvalue()


class _HeadMeta(HTMLParser):
    """The ``<meta>`` of a page's head, by ``name`` or ``property``; stops at the body."""

    class Done(Exception):
        pass

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        key = a.get("property") or a.get("name")
        if tag == "meta" and key and a.get("content") is not None:
            self.meta.setdefault(key, a["content"])
        elif tag == "body":
            raise self.Done

    def handle_endtag(self, tag):
        if tag == "head":
            raise self.Done


def head_meta(page: Path) -> dict[str, str]:
    """``{name or property: content}`` of the ``<meta>`` in the head of a built page."""
    parser = _HeadMeta()
    try:
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    except _HeadMeta.Done:
        pass
    return parser.meta


def cards_asked(site_dir: Path, site_url: str) -> Iterator[tuple[Path, Card]]:
    """(where in ``site_dir``, card) for each built page whose ``<head>`` names a card under ``site_url``."""
    base = site_url.rstrip("/") + "/"
    host = urlsplit(site_url).netloc
    for page in sorted(site_dir.rglob("*.html")):
        meta = head_meta(page)
        image = meta.get("og:image", "")
        if image.startswith(base) and meta.get("og:title"):
            yield site_dir / image[len(base):], Card(meta["og:title"], meta.get("og:site_name", ""), host)


def write_cards(site: Site, workers: int | None = None) -> int:
    """Draw (or take from the cache) every card the built pages ask for; returns how many were drawn.
    Cards are drawn on ``workers`` threads (one per core by default); the first error stops the
    drawing and is raised, before any card is copied into the site."""
    cache = own_folder(site.root, CACHE_DIR)
    fonts = font_files()
    how = drawing(fonts)
    asked = [(target, card.key(how), card) for target, card in cards_asked(site.site_dir, site.site_url)]
    missing = {key: card for _, key, card in asked if not (cache / f"{key}.png").exists()}
    _draw_all(list(missing.items()), fonts, cache, workers or os.cpu_count() or 1)
    used = set()
    for target, key, _ in asked:
        cached = cache / f"{key}.png"
        used.add(cached.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    for stale in cache.glob("*.png"):
        if stale.name not in used:
            stale.unlink()
    log.info("Portal PMI: link preview images: %d drawn, %d from cache", len(missing), len(used) - len(missing))
    return len(missing)


def _draw_all(cards: list[tuple[str, Card]], fonts: dict[str, Path], cache: Path, workers: int) -> None:
    """Draw ``cards`` (key, card) into ``cache`` on ``workers`` threads. An error, or Ctrl-C, cancels
    what has not started; the cards being drawn finish (a few milliseconds) and the error is raised."""
    if workers < 2 or len(cards) < 2:
        for key, card in cards:
            _draw_into(card, fonts, cache / f"{key}.png")
        return
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="og")
    try:
        done, _ = wait([pool.submit(_draw_into, card, fonts, cache / f"{key}.png") for key, card in cards],
                       return_when=FIRST_EXCEPTION)
        for future in done:
            future.result()  # raises the first error
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _draw_into(card: Card, fonts: dict[str, Path], cached: Path) -> None:
    """Draw one card into the file ``cached``, in one step (no half-written file under that name)."""
    data = draw(card, fonts)
    if len(data) > MAX_BYTES:
        raise ValueError(f"link preview image of {len(data)} B for {card.title!r} is over {MAX_BYTES} B")
    tmp = cached.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(cached)
