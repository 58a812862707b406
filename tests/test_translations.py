"""Translation freshness: each translation records the source text it was made from
(``data/translations/``); a changed source marks it stale in status, the PR check, the page
and the PDF, until ``portal.py translated`` records it as checked again."""
from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
import yaml

from portal.content import translations
from portal.content.errors import ContentInvalid
from portal.content.model import Text
from portal.content.validator import load_content
from portal.site.render import Renderer
from portal.site.strings import Strings

from conftest import FIXTURE_DATA, FIXTURE_TODAY, POPPLER, ROOT, build_site, make_project, require_tool
from test_cli import portal

LANGS = ("id", "en")


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _load(data, languages=LANGS):
    """The fixture data (or an edited copy of it), judged on the fixture's day."""
    return load_content(data, languages, today=dt.date.fromisoformat(FIXTURE_TODAY), root=data.parent)


def _stale(content, file: str) -> dict[str, set[str]]:
    return {tf.field: set(tf.text.stale) for tf in content.text_fields if tf.file == file and tf.text.stale}


MELATI_SUMMARY_ID = "Program pendampingan pendidikan untuk anak PMI"


def test_fingerprint_ignores_wrapping_and_spacing_not_words():
    assert translations.fingerprint("Dua  baris\nteks ") == translations.fingerprint("Dua baris teks")
    assert translations.fingerprint("Dua baris teks") != translations.fingerprint("Dua baris teks.")
    assert re.fullmatch(r"[0-9a-f]{10}", translations.fingerprint("x"))


def test_the_fixture_starts_fresh():
    """The tests below start from no stale translation and no record file without its content file."""
    content = _load(FIXTURE_DATA)
    stale = sorted({tf.file for tf in content.text_fields if tf.text.stale})
    assert not stale, ("translations without a record: once checked, run `python scripts/portal.py "
                       f"translated --data tests/fixtures/data FILE` for {stale}")
    assert content.text_fields and not content.orphan_record_files


def test_changing_the_source_text_makes_only_that_translation_stale(data):
    _edit(data / "programs" / "melati.yaml", MELATI_SUMMARY_ID, "Program pendampingan belajar untuk anak PMI")
    content = _load(data)
    assert _stale(content, "data/programs/melati.yaml") == {"summary": {"en"}}
    melati = next(p for p in content.programs if p.slug == "melati")
    assert melati.summary.stale == {"en"} and not melati.title.stale
    # rewrapping the same words is no change
    _edit(data / "programs" / "melati.yaml", "Program pendampingan belajar untuk anak PMI",
          "Program pendampingan  belajar untuk anak PMI")
    assert _stale(_load(data), "data/programs/melati.yaml") == {"summary": {"en"}}


def test_a_text_without_a_record_shows_no_notice_but_status_lists_it(data):
    """New content written in both languages: readers see no notice, staff are told to record it."""
    (data / "translations" / "programs" / "melati.yaml").unlink()
    assert _stale(_load(data), "data/programs/melati.yaml") == {}
    status = portal("status", "--data", str(data)).stdout
    command = f"make translated FILE=data/programs/melati.yaml FIELD='summary' DATA={data}"
    assert (f"data/programs/melati.yaml:5: summary teks 'en' belum pernah ditandai sudah diperiksa; bandingkan "
            f"dengan teks Indonesia, lalu jalankan `{command}` / the 'en' text was never marked as checked; compare "
            f"it with the Indonesian text, then run `{command}`") in status
    # once recorded, a later change of the source is noticed
    melati = data / "programs" / "melati.yaml"
    assert portal("translated", "--data", str(data), str(melati)).returncode == 0
    _edit(melati, MELATI_SUMMARY_ID, "Program pendampingan belajar untuk anak PMI")
    assert _stale(_load(data), "data/programs/melati.yaml") == {"summary": {"en"}}


def test_a_third_language_has_records_of_its_own(data):
    melati = data / "programs" / "melati.yaml"
    _edit(melati, "  en: Education support", "  jv: Pendampingan sinau kanggo anak PMI.\n  en: Education support")
    content = _load(data, ("id", "en", "jv"))
    assert _stale(content, "data/programs/melati.yaml") == {}, "not recorded yet: no notice"
    file = "data/programs/melati.yaml"
    texts = [(tf.field, tf.text) for tf in content.text_fields if tf.file == file]
    records = translations.updated(content.translation_records[file], texts, "id", "summary", ["jv"])
    assert set(records) == {"en", "jv"} and set(records["jv"]) == {"summary"}
    record = translations.record_path(data, data / "programs" / "melati.yaml")
    record.write_text(translations.dump(records, record, data), encoding="utf-8")
    assert _stale(_load(data, ("id", "en", "jv")), file) == {}
    _edit(melati, MELATI_SUMMARY_ID, "Program pendampingan belajar untuk anak PMI")
    assert _stale(_load(data, ("id", "en", "jv")), file) == {"summary": {"en", "jv"}}


def test_status_and_the_pr_check_list_stale_translations_with_file_line_field_language(data):
    _edit(data / "programs" / "melati.yaml", MELATI_SUMMARY_ID, "Program pendampingan belajar untuk anak PMI")
    status = portal("status", "--data", str(data))
    assert status.returncode == 0, status.stderr
    assert ("Terjemahan yang mungkin tidak cocok lagi dengan teks Indonesia / Translations that may no longer "
            "match the Indonesian text: 1\n  en: 1\n" in status.stdout)
    line = next(i for i, l in enumerate((data / "programs" / "melati.yaml").read_text().splitlines(), 1)
                if l.startswith("summary:"))
    assert (f"data/programs/melati.yaml:{line}: summary teks Indonesia berubah sejak teks 'en' diterjemahkan; "
            "perbaiki teks 'en', lalu jalankan `make translated FILE=data/programs/melati.yaml FIELD='summary' "
            f"DATA={data}` / the Indonesian text changed since the 'en' text was translated" in status.stdout)
    # a warning, not a failure: stale translations never fail the strict gate on their own
    assert '"section": "outdated"' in portal("status", "--json", "--data", str(data)).stdout
    github = portal("validate", "--format", "github", "--data", str(data))
    assert github.returncode == 0, github.stderr
    assert (f"::warning file=data/programs/melati.yaml,line={line},title=summary::teks Indonesia berubah sejak "
            "teks 'en' diterjemahkan" in github.stdout)


def test_translated_records_one_field_or_the_whole_file(data):
    melati = data / "programs" / "melati.yaml"
    _edit(melati, MELATI_SUMMARY_ID, "Program pendampingan belajar untuk anak PMI")
    _edit(melati, "Melati (mengajar", "Melati (mendidik")
    assert _stale(_load(data), "data/programs/melati.yaml") == {"summary": {"en"}, "title": {"en"}}
    one = portal("translated", "--data", str(data), str(melati), "summary")
    assert one.returncode == 0, one.stderr
    assert "en summary" in one.stdout and "title" not in one.stdout
    assert _stale(_load(data), "data/programs/melati.yaml") == {"title": {"en"}}
    whole = portal("translated", "--data", str(data), str(melati))
    assert whole.returncode == 0, whole.stderr
    assert _stale(_load(data), "data/programs/melati.yaml") == {}
    assert "Semua beres" in portal("status", "--data", str(data)).stdout or \
        "usang" not in portal("status", "--data", str(data)).stdout


def test_translated_names_a_list_and_everything_under_it(data):
    procedure = data / "procedures" / "jalur-resmi.yaml"
    (data / "translations" / "procedures" / "jalur-resmi.yaml").unlink()
    result = portal("translated", "--data", str(data), str(procedure), "steps")
    assert result.returncode == 0, result.stderr
    content = _load(data)
    records = content.translation_records["data/procedures/jalur-resmi.yaml"]["en"]
    fields = {tf.field for tf in content.text_fields if tf.file == "data/procedures/jalur-resmi.yaml"}
    assert set(records) == {f for f in fields if f.startswith("steps[")} and set(records) < fields


def test_translated_refuses_an_unknown_field_or_file_and_writes_nothing(data):
    melati = data / "programs" / "melati.yaml"
    record = data / "translations" / "programs" / "melati.yaml"
    before = record.read_text(encoding="utf-8")
    wrong = portal("translated", "--data", str(data), str(melati), "sumary")
    assert wrong.returncode == 2 and "did you mean 'summary'" in wrong.stderr
    outside = portal("translated", "--data", str(data), str(ROOT / "mkdocs.yml"))
    assert outside.returncode == 2
    assert record.read_text(encoding="utf-8") == before


def test_translated_drops_records_of_fields_that_are_gone(data):
    melati = data / "programs" / "melati.yaml"
    record = data / "translations" / "programs" / "melati.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "  warnings[7]: 0123456789\n", encoding="utf-8")
    status = portal("status", "--data", str(data)).stdout
    assert "en.warnings[7] catatan terjemahan tanpa teks 'en'" in status
    assert portal("translated", "--data", str(data), str(melati)).returncode == 0
    assert "warnings[7]" not in record.read_text(encoding="utf-8")


def test_a_record_file_without_its_content_file_is_reported(data):
    (data / "programs" / "melati.yaml").unlink()
    from content_edits import drop_cases_about
    drop_cases_about(data, "melati")
    content = _load(data)
    assert content.orphan_record_files == ("data/translations/programs/melati.yaml",)
    status = portal("status", "--data", str(data)).stdout
    assert "data/translations/programs/melati.yaml:1: catatan terjemahan untuk berkas yang tidak ada" in status


@pytest.mark.parametrize("edit, code, field", [
    (lambda t: t.replace("summary: ", "summary: xyz", 1), "E-SCHEMA", "en.summary"),
    (lambda t: t.replace("en:", "english:", 1), "E-SCHEMA", ""),
])
def test_a_broken_record_file_is_an_error_naming_file_line_field(data, edit, code, field):
    record = data / "translations" / "programs" / "melati.yaml"
    record.write_text(edit(record.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ContentInvalid) as exc:
        _load(data)
    errors = [e for e in exc.value.errors if e.file == "data/translations/programs/melati.yaml"]
    assert errors, exc.value.report()
    assert all(e.line > 1 or not field for e in errors)
    if field:
        assert errors[0].field == field, errors


def test_a_misnamed_record_file_is_an_error(data):
    record = data / "translations" / "programs" / "melati.yaml"
    record.rename(record.with_suffix(".yml"))
    with pytest.raises(ContentInvalid) as exc:
        _load(data)
    assert [e.code for e in exc.value.errors] == ["E-SLUG"]
    assert exc.value.errors[0].file == "data/translations/programs/melati.yml"


def _renderer(lang: str, content) -> Renderer:
    strings = {"id": {"translation_outdated": "Terjemahan mungkin belum diperbarui", "untranslated": "Belum"},
               "en": {"translation_outdated": "Translation may be out of date", "untranslated": "Not yet"}}
    return Renderer(lang, content, Strings(lang, strings.get(lang, {}), strings["id"], "id"))


def test_the_page_language_shows_the_translation_with_a_notice_the_source_language_none(data):
    content = _load(data)
    text = Text.of({"id": "Teks baru.", "en": "Old text."}, frozenset({"en"}))
    en, source = _renderer("en", content), _renderer("id", content)
    block = en.block(text)
    assert "Old text." in block and 'class="pmi-text pmi-outdated"' in block
    assert '<span class="pmi-outdated__notice">Translation may be out of date</span>' in block
    assert "Translation may be out of date" in en.inline(text) and "Old text." in en.inline(text)
    assert "pmi-outdated" not in source.block(text) and "Teks baru." in source.block(text)
    fresh = Text.of({"id": "Teks.", "en": "Text."})
    assert "pmi-outdated" not in en.block(fresh) + en.inline(fresh)
    # a third language without the string says it in the default language, marked as such
    jv = Renderer("jv", content, Strings("jv", {}, {"translation_outdated": "Terjemahan mungkin belum diperbarui"}, "id"))
    stale_jv = Text.of({"id": "Teks.", "jv": "Teks jv."}, frozenset({"jv"}))
    assert '<span lang="id">Terjemahan mungkin belum diperbarui</span>' in jv.block(stale_jv)


@pytest.fixture(scope="module")
def outdated_site(tmp_path_factory):
    """The fixture with Melati's Indonesian summary changed after it was translated."""
    project = make_project(tmp_path_factory.mktemp("outdated") / "p")
    _edit(project / "data" / "programs" / "melati.yaml", MELATI_SUMMARY_ID,
          "Program pendampingan belajar untuk anak PMI")
    return build_site(project)


def test_the_built_page_and_brochure_carry_the_notice_in_their_language(outdated_site):
    en = (outdated_site / "en" / "program" / "melati" / "index.html").read_text(encoding="utf-8")
    summary = re.search(r'<div class="pmi-summary pmi-outdated">(.*?)</div>', en, re.S)
    assert summary, "the English summary is marked"
    assert "Translation may be out of date" in summary.group(1)
    assert "Education support for migrant workers" in summary.group(1)
    assert en.count("Translation may be out of date") == 1, "only the stale section is marked"
    id_page = (outdated_site / "program" / "melati" / "index.html").read_text(encoding="utf-8")
    assert "pmi-outdated" not in id_page and "belajar untuk anak PMI" in id_page
    pdfs = sorted((outdated_site / "en").rglob("melati*.pdf")) or sorted(outdated_site.rglob("*melati*en*.pdf"))
    assert pdfs, "an English brochure of Melati"
    text = subprocess.run([require_tool("pdftotext", POPPLER), str(pdfs[0]), "-"], capture_output=True, text=True, check=True).stdout
    assert "Translation may be out of date" in " ".join(text.split())


STEPS = {"title": "t", "steps[0].title": "a", "steps[0].body": "A", "steps[1].title": "b", "steps[1].body": "B",
         "steps[2].title": "c", "steps[2].body": "C"}


def _steps(*items: tuple[str, str]) -> dict[str, str]:
    out = {"title": "t"}
    for i, (title, body) in enumerate(items):
        out |= {f"steps[{i}].title": title, f"steps[{i}].body": body}
    return out


@pytest.mark.parametrize("now, expected", [
    # a step inserted: the others keep their records at their new place, the new one has none
    (_steps(("a", "A"), ("x", "X"), ("b", "B"), ("c", "C")),
     {"title": "t", "steps[0].title": "a", "steps[0].body": "A", "steps[2].title": "b", "steps[2].body": "B",
      "steps[3].title": "c", "steps[3].body": "C"}),
    # a step deleted: no record is left over
    (_steps(("a", "A"), ("c", "C")), _steps(("a", "A"), ("c", "C"))),
    # a step moved: it keeps its records
    (_steps(("c", "C"), ("a", "A"), ("b", "B")), _steps(("c", "C"), ("a", "A"), ("b", "B"))),
    # a step edited in place: its old record stays, so it reads as changed
    (_steps(("a", "A"), ("b", "B2"), ("c", "C")), STEPS),
    # inserted and edited: the edited step is paired by its unchanged title
    (_steps(("x", "X"), ("a", "A"), ("b", "B2"), ("c", "C")),
     {"title": "t", "steps[1].title": "a", "steps[1].body": "A", "steps[2].title": "b", "steps[2].body": "B",
      "steps[3].title": "c", "steps[3].body": "C"}),
    # every text of a step rewritten in place: still paired by position
    (_steps(("a", "A"), ("b2", "B2"), ("c", "C")), STEPS),
])
def test_records_follow_a_step_not_its_position(now, expected):
    assert translations.follow(STEPS, now) == expected


def test_records_follow_a_document_inside_a_step():
    recorded = {"steps[0].title": "a", "steps[0].documents[0]": "p", "steps[0].documents[1]": "q",
                "steps[1].title": "b"}
    now = {"steps[0].title": "a", "steps[0].documents[0]": "n", "steps[0].documents[1]": "p",
           "steps[0].documents[2]": "q", "steps[1].title": "b"}
    assert translations.follow(recorded, now) == {"steps[0].title": "a", "steps[0].documents[1]": "p",
                                                  "steps[0].documents[2]": "q", "steps[1].title": "b"}


def test_the_text_fields_found_in_a_file_are_the_ones_the_validator_reads():
    """Records are followed before the checker runs, from the texts found in the file as loaded."""
    content = _load(FIXTURE_DATA)
    fields: dict[str, set[str]] = {}
    for tf in content.text_fields:
        fields.setdefault(tf.file, set()).add(tf.field)
    assert len(fields) > 10
    for file, expected in fields.items():
        data = yaml.safe_load((FIXTURE_DATA.parent / file).read_text(encoding="utf-8"))
        assert set(translations.sources(data, LANGS)) == expected, file


NEW_STEP = """  - title:
      id: Pemeriksaan kesehatan
      en: Medical check
    body:
      id: Calon PMI menjalani pemeriksaan kesehatan.
      en: Prospective migrant workers have a medical check.
    sources: [alinea-2023-07-17-siapkerja]
"""


def test_inserting_a_step_reports_only_the_new_step(data):
    procedure = data / "procedures" / "jalur-resmi.yaml"
    file = "data/procedures/jalur-resmi.yaml"
    _edit(procedure, "sources: [alinea-2023-07-17-siapkerja]\nsources:",
          "sources: [alinea-2023-07-17-siapkerja]\n" + NEW_STEP.replace("kesehatan", "akhir")
          .replace("Medical check", "Last check").replace("a medical check", "a last check") + "sources:")
    assert portal("translated", "--data", str(data), str(procedure)).returncode == 0
    _edit(procedure, "steps:\n", "steps:\n" + NEW_STEP)
    content = _load(data)
    assert _stale(content, file) == {}, "the steps that moved keep their records"
    records = content.translation_records[file]["en"]
    assert {f for f in records if f.startswith("steps")} == {"steps[1].title", "steps[1].body",
                                                              "steps[2].title", "steps[2].body"}
    status = portal("status", "--data", str(data)).stdout
    listed = re.findall(r"data/procedures/jalur-resmi\.yaml:\d+: (\S+) teks", status)
    assert listed == ["steps[0].title", "steps[0].body"], status
    assert "catatan terjemahan tanpa teks" not in status
    # editing a moved step in place still marks it
    _edit(procedure, "Calon PMI menjalani pemeriksaan akhir.", "Calon PMI menjalani pemeriksaan terakhir.")
    assert _stale(_load(data), file) == {"steps[2].body": {"en"}}


def test_the_web_editors_sign_off_in_the_entry_counts_as_a_record(data):
    """``translation_checked`` (written by the editor's button): a record made from the source as it
    is now wins over the record file's; a stale one in the entry does not hide a fresh file record."""
    melati, file = data / "programs" / "melati.yaml", "data/programs/melati.yaml"
    new_summary = "Program pendampingan belajar untuk anak PMI"
    _edit(melati, MELATI_SUMMARY_ID, new_summary)
    assert _stale(_load(data), file) == {"summary": {"en"}}
    summary = yaml.safe_load(melati.read_text(encoding="utf-8"))["summary"]["id"]
    with melati.open("a", encoding="utf-8") as f:
        f.write(f"translation_checked:\n  en:\n    summary: {translations.fingerprint(summary)}\n"
                "    title: '0000000000'\n")
    content = _load(data)
    assert _stale(content, file) == {}
    assert content.translation_records[file]["en"]["summary"] == translations.fingerprint(summary)
    assert portal("translated", "--data", str(data), str(melati), "title").returncode == 0
    assert _stale(_load(data), file) == {}


@pytest.mark.parametrize("entry, code, field", [
    ("  jv:\n    summary: 0123456789\n", "E-LANG", "translation_checked.jv"),
    ("  en:\n    sumary: 0123456789\n", "E-RECORD", "translation_checked.en.sumary"),
    ("  en:\n    summary: xyz\n", "E-RECORD", "translation_checked.en.summary"),
])
def test_a_wrong_sign_off_in_the_entry_is_an_error_naming_file_line_field(data, entry, code, field):
    melati = data / "programs" / "melati.yaml"
    with melati.open("a", encoding="utf-8") as f:
        f.write("translation_checked:\n" + entry)
    with pytest.raises(ContentInvalid) as exc:
        _load(data)
    [error] = exc.value.errors
    lines = melati.read_text(encoding="utf-8").splitlines()
    assert (error.file, error.code, error.field) == ("data/programs/melati.yaml", code, field), error
    assert error.line == len(lines) - (0 if code == "E-RECORD" else 1)
    assert "web" in error.message_en


def test_the_entrys_sign_off_follows_a_step_and_forgets_a_removed_one():
    current = {"steps[0].title": "x", "steps[1].title": "a"}
    checked = {"en": {"steps[0].title": "a", "steps[1].title": "gone"}}
    assert translations.merged({}, checked, current) == {"en": {"steps[1].title": "a"}}
    recorded = {"en": {"steps[1].title": "old"}}
    assert translations.merged(recorded, checked, current) == {"en": {"steps[1].title": "a"}}
