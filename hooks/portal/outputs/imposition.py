"""Booklet imposition with pypdf: blank pages to a multiple of 4, and the office print file.

The office file puts an A6 booklet onto A4 landscape sides, two pages per side, each scaled to A5,
in saddle-stitch order: printed duplex (flip on the short edge), the stack folds once into an A5
booklet stapled in the middle.
"""
from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter, Transformation

A4_LANDSCAPE = (841.89, 595.28)  # points
A5_SCALE = 2 ** 0.5  # A6 to A5: each side times the square root of 2


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pad_to_multiple(pdf: bytes, multiple: int = 4) -> bytes:
    """``pdf`` with blank pages of its own size added at the end up to a multiple of ``multiple``."""
    reader = PdfReader(io.BytesIO(pdf))
    missing = -len(reader.pages) % multiple
    if not missing:
        return pdf
    writer = PdfWriter(clone_from=reader)
    box = reader.pages[-1].mediabox
    for _ in range(missing):
        writer.add_blank_page(float(box.width), float(box.height))
    return _bytes(writer)


def saddle_order(pages: int) -> list[tuple[int, int]]:
    """(left, right) page numbers, from 1, of each printed side for a booklet of ``pages`` pages
    (a multiple of 4): side 2k+1 holds (N−2k | 2k+1), side 2k+2 holds (2k+2 | N−2k−1)."""
    if pages <= 0 or pages % 4:
        raise ValueError(f"a saddle-stitched booklet needs a multiple of 4 pages, not {pages}")
    sides = []
    for k in range(pages // 4):
        sides.append((pages - 2 * k, 2 * k + 1))
        sides.append((2 * k + 2, pages - 2 * k - 1))
    return sides


def impose(pdf: bytes) -> bytes:
    """The office print file of an A6 booklet ``pdf`` (a multiple of 4 pages): A4 landscape sides,
    each A6 page scaled to A5, in :func:`saddle_order`."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    width, height = A4_LANDSCAPE
    for left, right in saddle_order(len(reader.pages)):
        side = writer.add_blank_page(width, height)
        for slot, number in enumerate((left, right)):
            page = reader.pages[number - 1]
            box = page.mediabox
            scale = min(width / 2 / float(box.width), height / float(box.height), A5_SCALE)
            x = slot * width / 2 + (width / 2 - float(box.width) * scale) / 2
            y = (height - float(box.height) * scale) / 2
            side.merge_transformed_page(page, Transformation().translate(-float(box.left), -float(box.bottom))
                                        .scale(scale, scale).translate(x, y))
    return _bytes(writer)


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
