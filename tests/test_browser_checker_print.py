"""The checker's printed results, printed to PDF by chromium: one A4 page for a reader with six
programmes that may fit, with where to go, tick boxes, the date and "this is an estimate", and the
answers only when the reader asks for them."""
from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from conftest import build_site, copy_fixture_data, make_project, serve_directory

# family, Banyuwangi, Desbumi village, owns a warung: Desbumi, Wenak, Melati and its 3 copies may fit
ANSWERS = "#situasi=keluarga&negara_sekarang=hong-kong&kabupaten=banyuwangi&desa_desbumi=ya&punya_usaha=ya"
DOCUMENTS = [f"    - id: Dokumen contoh nomor {n} untuk dibawa ke kantor desa\n"
             f"      en: Sample document number {n} to bring to the village office\n" for n in range(1, 7)]


@pytest.fixture(scope="module")
def six_programs_site(tmp_path_factory):
    """The fixture content with three more copies of Melati, each with six documents: six programmes
    may fit the reader of :data:`ANSWERS`. No brochures (not needed here)."""
    root = tmp_path_factory.mktemp("print")
    data = copy_fixture_data(root / "data")
    melati = (data / "programs" / "melati.yaml").read_text(encoding="utf-8")
    for n in (2, 3, 4):
        text = re.sub(r"^  (id|en): Melati", rf"  \1: Melati {n}", melati, count=2, flags=re.M)
        text = text.replace("where: [pemkab-banyuwangi]", "documents:\n" + "".join(DOCUMENTS).replace("    -", "  -")
                            .replace("      en:", "    en:") + "where: [pemkab-banyuwangi]")
        (data / "programs" / f"melati-{n}.yaml").write_text(text, encoding="utf-8")
    project = make_project(root / "project", data=data)
    url, server = serve_directory(build_site(project, env={"PORTAL_BROCHURES": "0"}))
    yield url
    server.shutdown()


def _printed(page) -> tuple[int, str]:
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    width, height = (float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height))
    assert (round(width), round(height)) == (595, 842)  # A4 portrait
    return len(pdf.pages), re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))


@pytest.mark.parametrize("lang, prefix, estimate, where, answers, include", [
    ("id", "", "Hasil ini perkiraan", "Ke mana:", "Jawaban Anda", "Cetak jawaban saya juga"),
    ("en", "en/", "This is an estimate", "Where to go:", "Your answers", "Print my answers too"),
])
def test_printed_results_fit_one_a4_page_without_answers_unless_chosen(page, six_programs_site, lang, prefix,
                                                                      estimate, where, answers, include):
    page.clock.set_fixed_time("2026-11-28T10:00:00")
    page.goto(six_programs_site + prefix + "cek/" + ANSWERS)
    page.wait_for_selector("#pmi-checker[data-ready=true]")
    fitting = page.locator(".pmi-results--likely .pmi-result, .pmi-results--maybe .pmi-result")
    assert fitting.count() == 6
    assert page.locator(".pmi-print-head").is_hidden()  # on paper only
    page.emulate_media(media="print")
    pages, text = _printed(page)
    assert pages == 1, f"the printed results take {pages} pages"
    for n in (2, 3, 4):
        assert f"Melati {n}" in text
    assert estimate in text and "28 November 2026" in text and where in text
    assert "Sample document number 6" in text or "Dokumen contoh nomor 6" in text
    assert answers not in text and "Banyuwangi" in text  # the regency is where to go, not an answer here
    assert page.locator(".pmi-my-documents .pmi-box").count() >= 18  # tick boxes, printed as boxes

    page.emulate_media(media="screen")
    page.get_by_label(include).check()
    page.emulate_media(media="print")
    _, text = _printed(page)
    assert answers in text


@pytest.mark.parametrize("prefix, unchecked, registration", [
    ("", "Syarat lain yang belum ditanyakan di sini. Tanyakan ke kantornya: Untuk posisi perawat: punya STR",
     "Pendaftaran: Pada 2025 pendaftaran dibuka 1 Februari sampai 31 Mei"),
    ("en/", "Other criteria these questions did not ask. Ask the office: For nurse positions: an STR",
     "Registration: In 2025, registration was open from 1 February to 31 May"),
])
def test_printed_result_names_what_was_not_asked_and_the_registration_window(page, served_site, prefix, unchecked,
                                                                             registration):
    """Issue 33 item 5: on paper too, Japan's 'maybe' names the criterion the questions did not ask
    and says when registration was open."""
    page.goto(served_site + prefix + "cek/#situasi=calon_pmi&umur=30&kabupaten=jember&desa_desbumi=tidak"
              "&negara_tujuan=jepang&pendidikan=d3_keperawatan&jlpt_n5=ya")
    page.wait_for_selector("#pmi-checker[data-ready=true]")
    page.emulate_media(media="print")
    pages, text = _printed(page)
    assert pages == 1
    text = unicodedata.normalize("NFKC", text)  # the PDF's ligatures (ﬃ) as letters
    assert unchecked in text and registration in text
