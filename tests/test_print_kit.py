"""The print kit: the A6 pocket guide read back with pdfplumber (size, pages, marked titles, glyph
sizes, margins, QR code), its office file's imposition, the posters, the marks' rules and the error
when the marked content does not fit; on the fixture with more data (tests/more_data.py: two
procedures marked for the guide and the poster, each with a marked step and contact and an
unmarked one) and a program, a term and a country (Hong Kong) marked, and of the countries' contacts
Hong Kong's KJRI line and Malaysia's (its country unmarked) for the help lines by country. The real
content's kit is made by its build."""
from __future__ import annotations

import datetime as dt
import html
import io
import re
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader, PdfWriter

from conftest import (FIXTURE_TODAY, POPPLER, REAL_UI, ROOT, copy_fixture_data, drawn_before, pdf_line_start,
                      pdf_words, require_tool)
from more_data import with_more_data
from portal.content.errors import ContentInvalid
from portal.content.validator import load_content
from portal.outputs import print_kit
from portal.outputs.imposition import impose, pad_to_multiple, saddle_order
from portal.site.config import Options, Site
from portal.site.render import Renderer
from portal.site.strings import load_strings

SITE_URL = "https://portal-pmi.example.org/"
LANGS = ("id", "en")
FIXTURE_DAY = dt.date.fromisoformat(FIXTURE_TODAY)
MM = 72 / 25.4
A6 = (297.64, 419.53)
A4_LANDSCAPE = (841.89, 595.28)


def flat(value: str) -> str:
    return re.sub(r"\s+", " ", value)


def _project(tmp: Path, data: Path) -> Site:
    (tmp / "overrides").symlink_to(ROOT / "overrides")
    return Site(root=tmp, data_dir=data, docs_dir=tmp / "docs", site_dir=tmp / "site", languages=LANGS,
                site_url=SITE_URL, options=Options(today=FIXTURE_DAY))


def _mark(path: Path) -> None:
    """Mark a program or a glossary term for the pocket guide."""
    path.write_text(path.read_text(encoding="utf-8") + "pocket: true\n", encoding="utf-8")


def _mark_contact(path: Path, value: str, marks: str = "    pocket: true\n") -> None:
    """Mark the contact of ``value`` in the country file ``path``."""
    line = f'    value: "{value}"\n'
    path.write_text(path.read_text(encoding="utf-8").replace(line, line + marks), encoding="utf-8")


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    """The print kit of the fixture with more data, Melati and the term PMI marked, for a public site
    URL (QR codes), made once."""
    tmp = tmp_path_factory.mktemp("kit")
    data = with_more_data(copy_fixture_data(tmp / "data"))
    _mark(data / "programs" / "melati.yaml")
    _mark(data / "glossary" / "pmi.yaml")
    _mark(data / "countries" / "hong-kong.yaml")  # and its KJRI line for the guide and the poster:
    _mark_contact(data / "countries" / "hong-kong.yaml", "+852 6773 0466", "    pocket: true\n    poster: true\n")
    _mark_contact(data / "countries" / "malaysia.yaml", "+60 3 0000 0000")  # the country unmarked
    site = _project(tmp, data)
    content = load_content(data, LANGS, today=FIXTURE_DAY, root=tmp)
    strings = load_strings(REAL_UI, LANGS)
    files = {(b.lang, b.kind): b for b in print_kit.make_kit(site, content, strings)}
    return site, content, strings, files


def _text(pdf) -> str:
    return flat(" ".join(page.extract_text() or "" for page in pdf.pages))


# --- the imposition, on its own ----------------------------------------------------------------

def test_saddle_order_follows_the_formula():
    assert saddle_order(4) == [(4, 1), (2, 3)]
    assert saddle_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    for n in range(4, 25, 4):
        sides = saddle_order(n)
        assert len(sides) == n // 2
        assert sorted(p for side in sides for p in side) == list(range(1, n + 1))
        for k in range(n // 4):  # side 2k+1: (N-2k | 2k+1), side 2k+2: (2k+2 | N-2k-1)
            assert sides[2 * k] == (n - 2 * k, 2 * k + 1) and sides[2 * k + 1] == (2 * k + 2, n - 2 * k - 1)
    with pytest.raises(ValueError):
        saddle_order(6)


def _blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(*A6)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("pages, padded", [(1, 4), (4, 4), (5, 8), (23, 24)])
def test_blank_pages_are_added_up_to_a_multiple_of_four(pages, padded):
    with pdfplumber.open(io.BytesIO(pad_to_multiple(_blank_pdf(pages)))) as pdf:
        assert len(pdf.pages) == padded
        assert all((round(p.width, 1), round(p.height, 1)) == (297.6, 419.5) for p in pdf.pages)


def test_impose_makes_half_as_many_a4_landscape_sides():
    with pdfplumber.open(io.BytesIO(impose(_blank_pdf(8)))) as pdf:
        assert len(pdf.pages) == 4
        assert all((round(p.width), round(p.height)) == (842, 595) for p in pdf.pages)


# --- the pocket guide -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_pocket_guide_is_a6_at_most_24_pages_a_multiple_of_4(kit, lang):
    _, _, _, files = kit
    guide = files[(lang, "pocket")]
    with pdfplumber.open(guide.cache_file) as pdf:
        assert len(pdf.pages) == guide.pages
        assert len(pdf.pages) <= print_kit.MAX_POCKET_PAGES and len(pdf.pages) % 4 == 0
        for page in pdf.pages:
            assert (page.width, page.height) == pytest.approx(A6, abs=0.1)
    assert guide.site_path.endswith(f"brosur/{guide.name}") and guide.name.endswith(f"-{lang}.pdf")


@pytest.mark.parametrize("lang", LANGS)
def test_every_marked_item_is_in_the_guide_and_nothing_unmarked(kit, lang):
    site, content, strings, files = kit
    r = Renderer(lang, content, strings[lang], Options(), site.today)
    with pdfplumber.open(files[(lang, "pocket")].cache_file) as pdf:
        body = _text(pdf)

    def title(text) -> str:
        return flat(html.unescape(r.plain(text)))

    kinds = ("procedure", "step", "contact", "country", "program", "term")
    marked: dict[str, list[str]] = {kind: [] for kind in kinds}
    unmarked: dict[str, list[str]] = {kind: [] for kind in kinds}
    for p in content.procedures:
        (marked if p.pocket else unmarked)["procedure"].append(title(p.title))
        if p.pocket:
            for s in p.steps:
                (marked if s.pocket else unmarked)["step"].append(title(s.title))
            for c in p.contacts:
                (marked if c.pocket else unmarked)["contact"].append(c.value)
    for country in content.countries:  # its name is in the help lines when a contact is marked: its summary tells
        (marked if country.pocket else unmarked)["country"].append(title(country.summary))
        for c in country.contacts:
            (marked if c.pocket else unmarked)["contact"].append(c.value)
    for p in content.programs:
        (marked if p.pocket else unmarked)["program"].append(title(p.title))
    for g in content.glossary:
        (marked if g.pocket else unmarked)["term"].append(g.term)
    assert all(marked.values()) and all(unmarked.values()), (marked, unmarked)  # each kind, either way
    def norm(text: str) -> str:  # lines may wrap anywhere in a web address, or after a hyphen
        return re.sub(r"[\s-]", "", text)

    for item in (i for items in marked.values() for i in items):
        assert norm(item) in norm(body), f"{item!r} is marked 'pocket' but not in the {lang} guide"
    for item in (i for items in unmarked.values() for i in items):
        assert norm(item) not in norm(body), f"{item!r} is not marked 'pocket' but is in the {lang} guide"
    assert strings[lang]("print_kit.before") in body and strings[lang]("print_kit.problem") in body


@pytest.mark.parametrize("lang", LANGS)
def test_a_marked_procedure_has_its_now_lines_under_its_title_not_its_summary(kit, lang):
    """Issue 32 item 2: a procedure marked for the guide prints its title, "what to do now" and its
    ``now`` lines, in that order, where the web page's summary would be; an unmarked one prints none."""
    site, content, strings, files = kit
    r = Renderer(lang, content, strings[lang], Options(), site.today)
    with pdfplumber.open(files[(lang, "pocket")].cache_file) as pdf:
        body = re.sub(r"\s", "", _text(pdf))

    def plain(text) -> str:
        return re.sub(r"\s", "", html.unescape(r.plain(text)))

    marked = [p for p in content.procedures if p.pocket]
    assert marked and all(p.now for p in marked)
    for p in marked:
        title = body.index(plain(p.title))
        heading = body.index(re.sub(r"\s", "", strings[lang]("heading.now")), title)
        assert heading == title + len(plain(p.title)), p.slug  # right under the title
        at = heading
        for line in p.now:
            at = body.index(plain(line), at)  # each line, in order
        assert plain(p.summary) not in body, p.slug
    for p in content.procedures:
        if not p.pocket:
            assert not any(plain(line) in body for line in p.now), p.slug


@pytest.mark.parametrize("lang", LANGS)
def test_marked_contacts_where_lines_and_contacts_headings_carry_their_pictograms(kit, lang):
    """Issue 35 item 2: the guide's help lines and procedures' contacts, "where to go" and the
    "contacts" heading each start with their pictogram (a drawn path) on their line."""
    site, content, strings, files = kit
    values = [c.value for p in content.procedures if p.pocket for c in p.contacts if c.pocket]
    values += [c.value for country in content.countries for c in country.contacts if c.pocket]
    where = strings[lang]("heading.where")
    labels = [where if where.endswith("?") else where + ":", strings[lang]("heading.contacts")]
    found: dict[str, int] = {}
    with pdfplumber.open(files[(lang, "pocket")].cache_file) as pdf:
        for pdf_page in pdf.pages:
            for text in [*values, *labels]:
                words = pdf_words(pdf_page, text)
                if words:
                    assert drawn_before(pdf_page, pdf_line_start(pdf_page, words[0])), (pdf_page.page_number, text)
                    found[text] = found.get(text, 0) + 1
    assert len(values) >= 3 and set(found) == {*values, *labels}


@pytest.mark.parametrize("lang", LANGS)
def test_no_glyph_under_8_5_pt_and_every_glyph_inside_the_margins(kit, lang):
    _, _, _, files = kit
    with pdfplumber.open(files[(lang, "pocket")].cache_file) as pdf:
        chars = [(page, c) for page in pdf.pages for c in page.chars]
        assert len(chars) > 1000  # every part of the guide, each kind of marked item
        small = [c["text"] for _, c in chars if c["size"] < 8.5 - 0.01]
        assert not small, f"{len(small)} glyphs under 8.5 pt: {''.join(small[:40])!r}"
        assert {c["fontname"].split("+")[-1] for _, c in chars} <= {"DejaVu-Sans", "DejaVu-Sans-Bold"}
        for page, c in chars:  # 7 mm on three sides; the page number sits in the 11 mm bottom margin
            assert c["x0"] >= 7 * MM - 0.5 and c["x1"] <= page.width - 7 * MM + 0.5, (page.page_number, c["text"])
            assert c["top"] >= 7 * MM - 0.5 and c["bottom"] <= page.height - 5 * MM, (page.page_number, c["text"])


@pytest.mark.parametrize("lang", LANGS)
def test_office_file_is_the_guide_in_saddle_stitch_order(kit, lang):
    _, _, _, files = kit
    with pdfplumber.open(files[(lang, "pocket")].cache_file) as guide, \
            pdfplumber.open(files[(lang, "office")].cache_file) as office:
        n = len(guide.pages)
        assert len(office.pages) == n // 2 == files[(lang, "office")].pages
        def words(page) -> str:  # spaces between glyphs are judged differently at another scale
            return re.sub(r"\s", "", page.extract_text() or "")

        pages = [words(p) for p in guide.pages]
        assert len(set(pages)) > n // 2  # the pages tell apart (the blank ones at the end aside)
        for side, (left, right) in zip(office.pages, saddle_order(n)):
            assert (side.width, side.height) == pytest.approx(A4_LANDSCAPE, abs=0.1)
            half = side.width / 2
            assert words(side.crop((0, 0, half, side.height))) == pages[left - 1]
            assert words(side.crop((half, 0, side.width, side.height))) == pages[right - 1]
            # each A6 page is scaled to A5: a glyph of 8.5 pt becomes 12 pt
            assert min((c["size"] for c in side.chars), default=12.1) >= 8.5 * 2 ** 0.5 - 0.05


@pytest.mark.parametrize("lang", LANGS)
def test_cover_qr_code_decodes_to_the_home_page_in_its_language(kit, lang, tmp_path):
    import zxingcpp
    from PIL import Image

    site, _, _, files = kit
    subprocess.run([require_tool("pdftoppm", POPPLER), "-r", "300", "-png", "-f", "1", "-l", "1",
                    str(files[(lang, "pocket")].cache_file), str(tmp_path / "p")], check=True)
    codes = zxingcpp.read_barcodes(Image.open(next(tmp_path.glob("p*.png"))))
    assert [c.text for c in codes] == [site.page_url(lang, "")]


def _part(path: Path) -> tuple[int, int]:
    """The first and last page (from 1) of the guide's help lines by country: its named destinations."""
    reader = PdfReader(path)
    dests = reader.named_destinations
    return tuple(reader.get_destination_page_number(dests[name]) + 1
                 for name in ("saluran-bantuan", "saluran-bantuan-akhir"))


@pytest.mark.parametrize("lang", LANGS)
def test_help_lines_by_country_follow_the_cover_each_marked_line_once_with_the_help_page(kit, lang):
    site, content, strings, files = kit
    r = Renderer(lang, content, strings[lang], Options(), site.today)
    path = files[(lang, "pocket")].cache_file
    first, last = _part(path)
    assert first == 2 and last - first + 1 <= print_kit.MAX_HELP_LINES_PAGES
    with pdfplumber.open(path) as pdf:
        part = re.sub(r"\s", "", "".join(page.extract_text() for page in pdf.pages[first - 1:last]))
        guide = re.sub(r"[\s-]", "", _text(pdf))
    assert re.sub(r"\s", "", strings[lang]("help.lines")) in part
    assert re.sub(r"\s", "", site.page_url(lang, "bantuan/")) in part
    names = [re.sub(r"\s", "", html.unescape(r.plain(c.name))) for c in content.countries]
    assert sorted(names, key=part.index) == sorted(names, key=str.casefold)  # the help page's order
    for country in content.countries:
        for c in country.contacts:  # label and number of each marked line, nowhere else in the guide
            assert (re.sub(r"\s", "", f"{html.unescape(r.plain(c.label))}:{c.value}") in part) == c.pocket, c.value
            assert guide.count(re.sub(r"[\s-]", "", c.value)) == c.pocket, c.value


@pytest.mark.parametrize("lang", LANGS)
def test_help_lines_qr_code_decodes_to_the_help_page(kit, lang, tmp_path):
    import zxingcpp
    from PIL import Image

    site, _, _, files = kit
    path = files[(lang, "pocket")].cache_file
    _, last = _part(path)
    subprocess.run([require_tool("pdftoppm", POPPLER), "-r", "300", "-png", "-f", str(last), "-l", str(last),
                    str(path), str(tmp_path / "p")], check=True)
    codes = zxingcpp.read_barcodes(Image.open(next(tmp_path.glob("p*.png"))))
    assert [c.text for c in codes] == [site.page_url(lang, "bantuan/")]


# --- marks and limits, on the fixture content ----------------------------------------------------

def _fixture(tmp_path: Path, edit) -> Path:
    data = copy_fixture_data(tmp_path / "data")
    path = data / "procedures" / "jalur-resmi.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return data


def _mark_procedure(text: str) -> str:
    return re.sub(r"^(audience: .*)$", r"\1\npocket: sebelum-berangkat", text, count=1, flags=re.M)


def _mark_first_step(text: str) -> str:
    return re.sub(r"^(  - title:\n(?:      .*\n){2})", r"\1    pocket: true\n", text, count=1, flags=re.M)


def test_a_step_marked_pocket_needs_its_procedure_marked(tmp_path):
    data = _fixture(tmp_path, _mark_first_step)
    with pytest.raises(ContentInvalid) as raised:
        load_content(data, LANGS, today=FIXTURE_DAY, root=tmp_path)
    errors = [e for e in raised.value.errors if e.code == "E-MARK"]
    assert errors and errors[0].field == "steps[0].pocket" and errors[0].file.endswith("jalur-resmi.yaml")
    assert "prosedurnya tidak punya 'pocket'" in str(errors[0]) and "its procedure has no 'pocket'" in str(errors[0])
    content = load_content(_fixture(tmp_path / "ok", lambda t: _mark_procedure(_mark_first_step(t))), LANGS,
                           today=FIXTURE_DAY, root=tmp_path / "ok")
    procedure = content.procedures[0]
    assert procedure.pocket == "sebelum-berangkat" and procedure.steps[0].pocket
    assert not any(s.pocket for s in procedure.steps[1:])


def test_a_guide_that_does_not_fit_stops_with_what_is_marked(tmp_path, monkeypatch):
    data = _fixture(tmp_path, lambda t: _mark_procedure(_mark_first_step(t)))
    site = _project(tmp_path, data)
    content = load_content(data, LANGS, today=FIXTURE_DAY, root=tmp_path)
    monkeypatch.setattr(print_kit, "MAX_POCKET_PAGES", 1)  # the fixture's guide has a cover and a page
    with pytest.raises(ContentInvalid) as raised:
        print_kit.make_kit(site, content, load_strings(REAL_UI, LANGS))
    errors = raised.value.errors
    assert [e.code for e in errors] == ["E-POCKET-PAGES"] * 2
    message = "\n".join(map(str, errors))
    assert errors[0].file.endswith("jalur-resmi.yaml") and errors[0].field == "pocket"
    assert re.search(r"buku saku \(id\) perlu \d+ halaman A6; paling banyak 1", message)
    assert re.search(r"the pocket guide \(id\) needs \d+ A6 pages; at most 1", message)
    assert "1 prosedur (jalur-resmi) dengan 1 langkah" in message and "1 procedures (jalur-resmi) with 1 steps" in message
    assert not list((tmp_path / ".cache").rglob("*.pdf"))  # nothing half-made is kept


def test_help_lines_over_two_pages_stop_naming_every_marked_line(tmp_path):
    data = copy_fixture_data(tmp_path / "data")
    hong_kong = data / "countries" / "hong-kong.yaml"
    _mark_contact(hong_kong, "+852 6773 0466")
    _mark_contact(data / "countries" / "malaysia.yaml", "+60 3 0000 0000")
    long_label = "{id: %s, en: %s}" % (" ".join(["Hotline KJRI Hong Kong"] * 300), " ".join(["KJRI hotline"] * 400))
    hong_kong.write_text(hong_kong.read_text(encoding="utf-8").replace(
        "{id: Hotline KJRI Hong Kong, en: KJRI Hong Kong hotline}", long_label), encoding="utf-8")
    site = _project(tmp_path, data)
    content = load_content(data, LANGS, today=FIXTURE_DAY, root=tmp_path)
    with pytest.raises(ContentInvalid) as raised:
        print_kit.make_kit(site, content, load_strings(REAL_UI, LANGS))
    errors = raised.value.errors
    assert [e.code for e in errors] == ["E-POCKET-LINES"] * 2
    lines = hong_kong.read_text(encoding="utf-8").splitlines()
    mark = lines.index('    value: "+852 6773 0466"') + 2  # the 'pocket: true' under it, from 1
    assert lines[mark - 1] == "    pocket: true"
    assert {(e.file, e.line, e.field) for e in errors} == {("data/countries/hong-kong.yaml", mark,
                                                             "contacts[0].pocket")}
    message = "\n".join(map(str, errors))
    assert re.search(r"saluran bantuan per negara di buku saku \(id\) perlu \d+ halaman A6; paling banyak 2", message)
    assert re.search(r"the help lines by country in the pocket guide \(en\) need \d+ A6 pages; at most 2", message)
    assert "hong-kong: +852 6773 0466; malaysia: +60 3 0000 0000" in message
    assert "Hapus tanda 'pocket' dari sebagian" in message and "Remove the 'pocket' mark from some" in message
    assert not list((tmp_path / ".cache").rglob("*.pdf"))  # nothing half-made is kept


# --- the posters ---------------------------------------------------------------------------------

POSTER_SIZES = {"poster-a3": (841.89, 1190.55), "poster-a4": (595.28, 841.89)}


@pytest.mark.parametrize("kind", POSTER_SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_poster_is_one_page_black_on_white_with_the_marked_steps_and_contacts(kit, lang, kind):
    site, content, strings, files = kit
    r = Renderer(lang, content, strings[lang], Options(), site.today)
    with pdfplumber.open(files[(lang, kind)].cache_file) as pdf:
        assert len(pdf.pages) == 1 == files[(lang, kind)].pages
        page = pdf.pages[0]
        assert (page.width, page.height) == pytest.approx(POSTER_SIZES[kind], abs=0.1)
        body = re.sub(r"[\s-]", "", page.extract_text())
        title = strings[lang]("print_kit.poster_title")
        title_size = max(c["size"] for c in page.chars)
        assert title_size >= (48 if kind == "poster-a3" else 48 / 2 ** 0.5)
        assert re.sub(r"\s", "", title) in re.sub(r"\s", "", "".join(c["text"] for c in page.chars
                                                                    if c["size"] == title_size))
        assert {tuple(c["non_stroking_color"] or (0,)) for c in page.chars} <= {(0,), (0, 0, 0)}  # black
        steps = [(s.poster, flat(html.unescape(r.plain(s.title)))) for p in content.procedures for s in p.steps]
        contacts = [(c.poster, c.value) for p in (*content.procedures, *content.countries) for c in p.contacts]
        for poster, item in (*steps, *contacts):
            shown = re.sub(r"[\s-]", "", item) in body
            assert shown == poster, f"{item!r} is {'' if poster else 'not '}marked 'poster' but {'not ' if poster else ''}on the {kind}"
        assert {poster for poster, _ in steps} == {poster for poster, _ in contacts} == {True, False}
        assert min(c["size"] for c in page.chars) >= 8.5


@pytest.mark.parametrize("kind", POSTER_SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_poster_names_the_help_page_under_its_title(kit, lang, kind):
    site, _, strings, files = kit
    with pdfplumber.open(files[(lang, kind)].cache_file) as pdf:
        text = re.sub(r"\s", "", pdf.pages[0].extract_text())
    line = re.sub(r"\s", "", strings[lang]("print_kit.poster_help") + site.page_url(lang, "bantuan/"))
    title = re.sub(r"\s", "", strings[lang]("print_kit.poster_title"))
    assert line in text and text.index(title) < text.index(line)


@pytest.mark.parametrize("lang", LANGS)
def test_poster_qr_code_decodes_to_the_checker(kit, lang, tmp_path):
    import zxingcpp
    from PIL import Image

    site, _, _, files = kit
    subprocess.run([require_tool("pdftoppm", POPPLER), "-r", "100", "-png", str(files[(lang, "poster-a4")].cache_file), str(tmp_path / "p")],
                   check=True)
    codes = zxingcpp.read_barcodes(Image.open(next(tmp_path.glob("p*.png"))))
    assert [c.text for c in codes] == [site.page_url(lang, "cek/")]
