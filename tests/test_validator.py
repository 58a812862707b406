"""The validator against a table of bad inputs: each names file, line, field and code.

The bad inputs whose message staff read (syntax, tabs, dates, types, misspelt names, raw HTML …) are
in tests/test_staff_errors.py, which checks the message in both languages as well; each bad input
is in one table only. Every problem reported in one run: test_staff_errors.py too."""
from __future__ import annotations

import pytest

from portal.content import reasons
from portal.content.errors import ContentInvalid
from portal.content.validator import load_content

from conftest import FIXTURE_DATA
from content_edits import KOREA, LANGS, MELATI, SOURCE, TODAY, append, drop_cases_about, line_of, replace, write

QUESTIONS = "questions.yaml"
CASES_FILE = "cases/calon-pmi-aged-25-who-qualifies-for-korea.yaml"
OLD_CASE = "cases/age-40-is-too-old.yaml"
FIRST_OLD_CASE = "cases/age-39-and-a-half-is-over-39.yaml"  # the first file (by name) a higher age limit breaks
SUMMARY = "  id: Program pendampingan pendidikan"
HONG_KONG = "countries/hong-kong.yaml"
HK_EMERGENCY = "  id: Dalam bahaya, telepon 999"


def question_with(needle: str) -> str:
    """'[i]': the index of the fixture question whose entry holds ``needle`` first."""
    lines = (FIXTURE_DATA / QUESTIONS).read_text(encoding="utf-8").splitlines()
    upto = lines[:line_of(needle, QUESTIONS)]
    return f"[{sum(line.startswith('- id:') for line in upto) - 1}]"


def expect_line_of(file: str) -> int:
    """The line of the ``expect:`` of the fixture case in ``file``."""
    lines = (FIXTURE_DATA / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith("expect:"))


def aged_18_to_45(data):
    """Korea's upper age limit at 45, its reason saying so too (else E-REASON)."""
    replace("{question: umur, at_most: 39}", "{question: umur, at_most: 45}", KOREA)(data)
    replace("{id: Anda berusia 18–39 tahun, en: You are 18–39 years old}",
            "{id: Anda berusia 18–45 tahun, en: You are 18–45 years old}", KOREA)(data)


CASES = [
    # (name, edit, file, line, field, code)
    ("future review date", replace('last_reviewed: "2026-11-24"', 'last_reviewed: "2027-01-01"'),
     MELATI, line_of("last_reviewed:"), "last_reviewed", "E-FUTURE"),
    ("source id not its file name", replace("id: republika-2021-03-10-wenak", "id: antara-jatim-2021-ipuk-pmi", SOURCE),
     SOURCE, line_of("id: republika-2021-03-10-wenak", SOURCE), "id", "E-SLUG"),
    ("alias", replace("audience: [anak_pmi, keluarga]\nregion: [banyuwangi]",
                      "audience: &a [anak_pmi, keluarga]\nregion: *a"),
     MELATI, line_of("audience:"), "", "E-ALIAS"),
    ("empty file", write(MELATI, "# nothing here\n"), MELATI, 1, "", "E-EMPTY"),
    ("missing Indonesian text", replace("  id: Melati (mengajar dan melatih dengan hati)\n", ""),
     MELATI, line_of("title:"), "title", "E-MISSING-LANG"),
    ("bad file name", write("programs/Bad Name.yaml", "title: {id: x}\n"),
     "programs/Bad Name.yaml", 1, "", "E-SLUG"),
    ("duplicate key", replace("region: [banyuwangi]", "region: [banyuwangi]\nregion: [jember]"),
     MELATI, line_of("region:") + 1, "region", "E-DUPKEY"),
    # Eligibility rules against data/questions.yaml
    ("rule: option in a list the question lacks", replace("in: [smp, sma,", "in: [smp, slta,", KOREA),
     KOREA, line_of("in: [smp, sma,", KOREA), "eligibility.rule.all[2].in[1]", "E-OPTION"),
    ("rule: number question compared with text", replace("{question: umur, at_least: 18}",
                                                         "{question: umur, at_least: '18'}", KOREA),
     KOREA, line_of("{question: umur, at_least: 18}", KOREA), "eligibility.rule.all[1].all[0].at_least", "E-TYPE"),
    ("rule: number question equals text", replace("{question: umur, at_most: 39}",
                                                  "{question: umur, equals: tiga puluh}", KOREA),
     KOREA, line_of("{question: umur, at_most: 39}", KOREA), "eligibility.rule.all[1].all[1].equals", "E-RULE-TYPE"),
    ("rule: choice question compared with a number", replace("equals: korea", "at_least: 3", KOREA),
     KOREA, line_of("equals: korea", KOREA), "eligibility.rule.all[0].at_least", "E-RULE-TYPE"),
    ("rule: yes/no question compared with text", replace("equals: false\n        reason: {id: Anda tidak buta",
                                                         "equals: tidak\n        reason: {id: Anda tidak buta", KOREA),
     KOREA, line_of("reason: {id: Anda tidak buta", KOREA) - 1, "eligibility.rule.all[3].equals", "E-RULE-TYPE"),
    ("rule: criterion without reason", replace("        reason: {id: Anda tidak buta warna, en: You are not colour-blind}\n", "", KOREA),
     KOREA, line_of("- question: buta_warna", KOREA), "eligibility.rule.all[3].reason", "E-MISSING"),
    ("rule: group reason without sources", replace("        reason: {id: Anda berusia 18–39 tahun, en: You are 18–39 years old}\n"
                                                   "        sources: [voiceindonesia-2025-08-19-g2g-korea]\n",
                                                   "        reason: {id: Anda berusia 18–39 tahun, en: You are 18–39 years old}\n", KOREA),
     KOREA, line_of("- all:", KOREA), "eligibility.rule.all[1].sources", "E-MISSING"),
    ("rule: unknown source", replace("        sources: [voiceindonesia-2025-08-19-g2g-korea]\n      - question: pendidikan",
                                     "        sources: [voiceindonesia-2025]\n      - question: pendidikan", KOREA),
     KOREA, line_of("- question: pendidikan", KOREA) - 1, "eligibility.rule.all[1].sources[0]", "E-REF"),
    ("ask_if: option the question lacks", replace("ask_if: {question: negara_tujuan, equals: korea}",
                                                  "ask_if: {question: negara_tujuan, equals: korae}", QUESTIONS),
     QUESTIONS, line_of("ask_if: {question: negara_tujuan, equals: korea}", QUESTIONS), question_with("ask_if: {question: negara_tujuan, equals: korea}") + ".ask_if.equals", "E-OPTION"),
    ("questions: villages of an unknown organisation", replace("villages_from: desa-desbumi", "villages_from: desbumi", QUESTIONS),
     QUESTIONS, line_of("villages_from: desa-desbumi", QUESTIONS), question_with("villages_from: desa-desbumi") + ".villages_from", "E-REF"),
    ("ask_if: a later question", replace("ask_if: {question: kabupaten, in: [banyuwangi, jember]}",
                                         "ask_if: {question: punya_usaha, equals: true}", QUESTIONS),
     QUESTIONS, line_of("ask_if: {question: kabupaten, in: [banyuwangi, jember]}", QUESTIONS),
     question_with("ask_if: {question: kabupaten, in: [banyuwangi, jember]}") + ".ask_if.question", "E-ORDER"),
    # editorial rules (portal.content.policy)
    ("placeholder text left from portal.py new", replace(
        SUMMARY + " untuk anak PMI yang diumumkan Pemkab Banyuwangi pada 2021.", '  id: "GANTI: ringkasan satu kalimat"'),
     MELATI, line_of(SUMMARY), "summary.id", "E-PLACEHOLDER"),
    ("GANTI comment left on a choice", replace("value: announced", "value: announced  # GANTI: pilih / REPLACE: choose"),
     MELATI, line_of("value: announced"), "status.value", "E-PLACEHOLDER"),
    ("unpublished criteria without who decides", replace(
        "  decided_by:\n    id: Belum ada syarat yang diumumkan. Tanyakan ke Pemkab Banyuwangi (dinas pendidikan) atau pos "
        "Desbumi di desa Anda.\n    en: No criteria have been published. Ask the Banyuwangi regency government "
        "(education office) or the Desbumi post in your village.\n", ""),
     MELATI, line_of("eligibility:"), "eligibility.decided_by", "E-MISSING"),
    ("status without a date (the scaffold's null)", replace('as_of: "2021"', "as_of: null"),
     MELATI, line_of('as_of: "2021"'), "status.as_of", "E-MISSING"),
    ("programme for calon PMI without the calo warning", replace("  - id: Hati-hati dengan calo.", "  - id: Hati-hati.", KOREA),
     KOREA, line_of("warnings:", KOREA), "warnings", "E-CALO-WARNING"),
    ("phone number in a text that is no sourced contact",
     replace("Banyuwangi pada 2021.", "Banyuwangi pada 2021. Hubungi 0812 3456 7890."),
     MELATI, line_of(SUMMARY), "summary.id", "E-PHONE"),
    ("short line named by a call word that is no sourced contact",
     replace("Banyuwangi pada 2021.", "Banyuwangi pada 2021. Jika ada masalah, telepon 1966."),
     MELATI, line_of(SUMMARY), "summary.id", "E-PHONE"),
    ("WhatsApp link", replace("Banyuwangi pada 2021.", "Banyuwangi pada 2021. [Tanya](https://wa.me/6281234567890)."),
     MELATI, line_of(SUMMARY), "summary.id", "E-WHATSAPP"),
    ("country: number in a text that is no sourced contact", replace(HK_EMERGENCY, HK_EMERGENCY + " atau telepon 1966", HONG_KONG),
     HONG_KONG, line_of(HK_EMERGENCY, HONG_KONG), "emergency.id", "E-PHONE"),
    ("country: phone contact without a note", replace(
        '    note: {id: "Polisi, ambulans, pemadam kebakaran.", en: "Police, ambulance, fire."}\n', "", HONG_KONG),
     HONG_KONG, line_of('value: "999"', HONG_KONG) - 1, "contacts[1].note", "E-MISSING"),
    ("country: law entry without sources", replace(
        "en: According to Alinea (17 July 2023), domestic workers are entitled to one rest day every week.\n"
        "    sources: [alinea-2023-07-17-siapkerja]\n",
        "en: According to Alinea (17 July 2023), domestic workers are entitled to one rest day every week.\n", HONG_KONG),
     HONG_KONG, line_of("- title: {id: Hari libur", HONG_KONG), "law[0].sources", "E-MISSING"),
    ("country: a 'what to do now' line too long to read at a glance",
     replace("    en: Wages unpaid or passport held? Call the KJRI Hong Kong hotline below.",
             "    en: Wages unpaid or passport held? Call the KJRI Hong Kong hotline below. " + "More words. " * 8,
             HONG_KONG),
     HONG_KONG, line_of("    en: Wages unpaid or passport held?", HONG_KONG), "now[1].en", "E-NOW-LONG"),
    ("procedure: six 'what to do now' lines", replace(
        "now:\n", "now:\n" + "  - {id: Satu baris., en: One line.}\n" * 5, "procedures/jalur-resmi.yaml"),
     "procedures/jalur-resmi.yaml", line_of("now:", "procedures/jalur-resmi.yaml"), "now", "E-SCHEMA"),
    # eligibility cases (portal.content.cases)
    ("case: unknown question", replace("umur: 25, kabupaten: banyuwangi", "umr: 25, kabupaten: banyuwangi", CASES_FILE),
     CASES_FILE, line_of("umur: 25, kabupaten: banyuwangi", CASES_FILE), "answers.umr", "E-REF"),
    ("case: not an option of the question", replace("negara_tujuan: korea,", "negara_tujuan: korae,", CASES_FILE),
     CASES_FILE, line_of("negara_tujuan: korea,", CASES_FILE), "answers.negara_tujuan", "E-ANSWER"),
    ("case: yes/no answered with a word", replace("buta_warna: false", "buta_warna: tidak", CASES_FILE),
     CASES_FILE, line_of("buta_warna: false", CASES_FILE), "answers.buta_warna", "E-ANSWER"),
    ("case: unknown programme", replace("expect: {g-to-g-korea: likely", "expect: {g-to-g-korae: likely", CASES_FILE),
     CASES_FILE, line_of("expect: {g-to-g-korea: likely", CASES_FILE), "expect.g-to-g-korae", "E-REF"),
    ("case: YAML anchors are refused here too", replace("answers: {", "answers: &korea {", CASES_FILE),
     CASES_FILE, line_of("answers: {", CASES_FILE), "", "E-ALIAS"),
    ("case broken by a rule change", aged_18_to_45,
     FIRST_OLD_CASE, expect_line_of(FIRST_OLD_CASE), "expect.g-to-g-korea", "E-CASE"),
    ("case: a file of the old form, a list of cases",
     write("cases/lama.yaml", "- name: one reader\n  answers: {situasi: calon_pmi}\n  expect: {g-to-g-korea: maybe}\n"),
     "cases/lama.yaml", 1, "", "E-TYPE"),
]


def test_fixture_is_valid(data):
    content = load_content(data, LANGS, today=TODAY, root=data.parent)
    assert {p.slug for p in content.programs} == {"desbumi", "g-to-g-jepang", "g-to-g-korea", "melati", "warung-naik-kelas"}


@pytest.mark.parametrize("name,edit,file,line,field,code", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_located(data, name, edit, file, line, field, code):
    edit(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    errors = [e for e in info.value.errors if e.code == code]
    assert errors, info.value.report()
    error = errors[0]
    assert error.file == f"data/{file}"
    assert error.line == line, str(error)
    assert error.field == field, str(error)
    assert error.message_id and error.message_en and error.message_id != error.message_en
    report = info.value.report()
    assert f"data/{file}:{error.line}:" in report and "Traceback" not in report


def test_the_same_source_id_in_two_files_names_both(data):
    original = data / "sources" / "antara-jatim-2021-ipuk-pmi.yaml"
    (data / "sources" / "antara-jatim-2021.yaml").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    duplicate = next(e for e in info.value.errors if e.code == "E-DUPLICATE")
    assert (duplicate.file, duplicate.field) == ("data/sources/antara-jatim-2021.yaml", "id")
    assert "also in data/sources/antara-jatim-2021-ipuk-pmi.yaml" in duplicate.message_en
    assert "juga di data/sources/antara-jatim-2021-ipuk-pmi.yaml" in duplicate.message_id


def test_the_same_glossary_term_in_two_files_names_both(data):
    (data / "glossary" / "tki.yaml").write_text(
        "term: pmi\ndefinition: {id: Pekerja migran.}\nsources: [antara-jatim-2021-ipuk-pmi]\n", encoding="utf-8")
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    [duplicate] = info.value.errors
    assert (duplicate.file, duplicate.line, duplicate.field, duplicate.code) == (
        "data/glossary/tki.yaml", 1, "term", "E-DUPLICATE")
    assert "also in data/glossary/pmi.yaml" in duplicate.message_en


def test_no_sources_is_an_error(data):
    for path in (data / "sources").iterdir():
        path.unlink()
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    assert any(e.file == "data/sources/" and e.code == "E-MISSING" for e in info.value.errors)

def test_misspelt_field_suggests_the_right_one(data):
    replace("audience:", "audiense:")(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    assert "did you mean 'audience'" in str(info.value)


def test_a_broken_case_is_named_in_both_languages(data):
    aged_18_to_45(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    [error] = [e for e in info.value.errors if e.file == f"data/{OLD_CASE}"]
    assert error.field == "expect.g-to-g-korea"
    assert "kasus 'age 40 is too old'" in error.message_id and "seharusnya 'not'" in error.message_id
    assert "case 'age 40 is too old'" in error.message_en and "should be 'not'" in error.message_en


def test_a_programme_with_published_criteria_needs_a_likely_and_a_not_case(data):
    drop_cases_about(data, "g-to-g-korea")
    write("cases/one-reader.yaml", "name: one reader\nanswers: {situasi: calon_pmi}\nexpect: {g-to-g-korea: maybe}\n")(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    [error] = info.value.errors
    assert (error.file, error.code, error.field) == (f"data/{KOREA}", "E-CASE-MISSING", "eligibility.criteria_published")
    assert "'likely' dan 'not'" in error.message_id and "'likely' and 'not'" in error.message_en


JAPAN = "programs/g-to-g-jepang.yaml"


def test_a_programme_with_unchecked_criteria_needs_a_maybe_case_that_shows_them_not_a_likely_one(data):
    drop_cases_about(data, "g-to-g-jepang")
    # 'maybe' only because the JLPT is not known: the unchecked criteria are not what it shows
    write("cases/jlpt-unknown.yaml", "name: jlpt unknown\nanswers: {situasi: calon_pmi, umur: 30, "
          "negara_tujuan: jepang, pendidikan: d3_keperawatan, jlpt_n5: null}\nexpect: {g-to-g-jepang: maybe}\n")(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    [error] = info.value.errors
    assert (error.file, error.code, error.field) == (f"data/{JAPAN}", "E-CASE-MISSING", "eligibility.criteria_published")
    assert "'maybe' (pembaca memenuhi semua syarat yang ditanyakan" in error.message_id and "'not'" in error.message_id
    assert "'maybe' (the reader meets every criterion asked" in error.message_en and "likely" not in error.message_en
    write("cases/shows.yaml", "name: shows\nanswers: {situasi: calon_pmi, umur: 30, negara_tujuan: jepang, "
          "pendidikan: d3_keperawatan, jlpt_n5: true}\nexpect: {g-to-g-jepang: maybe}\n")(data)
    write("cases/no.yaml", "name: too old\nanswers: {situasi: calon_pmi, umur: 36}\nexpect: {g-to-g-jepang: not}\n")(data)
    load_content(data, LANGS, today=TODAY, root=data.parent)


def test_published_criteria_say_which_the_rule_does_not_ask(data):
    replace("  unchecked: []  # the rule asks every criterion its source publishes\n", "", KOREA)(data)
    replace("criteria_published: false", "criteria_published: false\n  unchecked:\n"
            "    - {text: {id: Punya STR, en: An STR}, sources: [antara-jatim-2021-ipuk-pmi]}", MELATI)(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    errors = sorted((e.file, e.code, e.field) for e in info.value.errors)
    assert errors == [(f"data/{KOREA}", "E-UNCHECKED", "eligibility.unchecked"),
                      (f"data/{MELATI}", "E-UNCHECKED", "eligibility.unchecked")]
    korea = next(e for e in info.value.errors if e.file == f"data/{KOREA}")
    assert "'unchecked: []'" in korea.message_id and "'unchecked: []'" in korea.message_en


def test_an_empty_unchecked_list_is_allowed_without_published_criteria(data):
    """The web editor writes 'unchecked: []' on every programme it saves (the field's default): an
    empty list says nothing, so it passes where criteria are not published."""
    replace("criteria_published: false", "criteria_published: false\n  unchecked: []", MELATI)(data)
    load_content(data, LANGS, today=TODAY, root=data.parent)


def test_an_unchecked_criterion_and_a_registration_window_cite_known_sources(data):
    replace("      sources: [spadanews-2025-ijepa]\n  registration:", "      sources: [tidak-ada]\n  registration:",
            JAPAN)(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    assert [(e.code, e.field) for e in info.value.errors] == [("E-REF", "eligibility.unchecked[0].sources[0]")]


@pytest.mark.parametrize("old, new, field", [
    # an intention the reader never stated, in one language only
    ("en: You want to work in South Korea}", "en: You want to work abroad}", "eligibility.rule.all[0].reason.en"),
    ("{id: Anda ingin bekerja di Korea Selatan,", "{id: Anda ingin bekerja di luar negeri,", "eligibility.rule.all[0].reason.id"),
    # a group's reason over numbers names each of them
    ("{id: Anda berusia 18–39 tahun,", "{id: Anda masih muda,", "eligibility.rule.all[1].reason.id"),
    # 'equals: false' says 'not'
    ("en: You are not colour-blind}", "en: You passed the colour-blind test}",
     "eligibility.rule.all[3].reason.en"),
    # a yes/no reason is about its own question
    ("en: You have never been in prison or deported}", "en: You have never been refused}",
     "eligibility.rule.all[4].reason.en"),
])
def test_a_reason_restates_the_answer_to_its_own_question(data, old, new, field):
    replace(old, new, KOREA)(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    [error] = info.value.errors
    assert (error.file, error.code, error.field) == (f"data/{KOREA}", "E-REASON", field)
    assert "alasan ini harus menyebut jawaban pembaca" in error.message_id
    assert "must restate the reader's answer" in error.message_en


def test_every_fixture_reason_is_checked_mechanically():
    """The fixture's reasons all pass E-REASON (load_content) and none is left for a person to read."""
    content = load_content(FIXTURE_DATA, LANGS, today=TODAY, root=FIXTURE_DATA.parent)
    questions = {q.id: q for q in content.questions}
    assert [p.slug for p in content.programs if list(reasons.unverifiable(p.eligibility.rule, questions))] == []


def test_ended_programme_for_calon_pmi_needs_no_calo_warning(data):
    replace("  - id: Hati-hati dengan calo.", "  - id: Hati-hati.", KOREA)(data)
    replace("value: announced", "value: ended", KOREA)(data)
    drop_cases_about(data, "g-to-g-korea")  # they expect Korea to be open
    load_content(data, LANGS, today=TODAY, root=data.parent)


def test_phone_number_given_as_a_sourced_contact_may_be_repeated_in_text(data):
    contact = ("contacts:\n  - kind: phone\n    value: 0812 3456 7890\n    sources: [antara-jatim-2021-ipuk-pmi]\n"
               "    note: {id: dari berita 2021, en: from a 2021 news report}\n")
    replace("\nsources:", "\n" + contact + "sources:", KOREA)(data)
    replace("Banyuwangi pada 2021.", "Banyuwangi pada 2021. Hubungi [0812-3456-7890](tel:+6281234567890).")(data)
    load_content(data, LANGS, today=TODAY, root=data.parent)
    replace("    note: {id: dari berita 2021, en: from a 2021 news report}\n", "", KOREA)(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    assert [(e.code, e.field) for e in info.value.errors] == [("E-MISSING", "contacts[0].note")]


def test_a_country_contact_marked_pocket_needs_no_mark_on_its_country(data):
    """It goes into the pocket guide's help lines by country; the country's own mark adds its summary."""
    replace('    value: "999"\n', '    value: "999"\n    pocket: true\n', HONG_KONG)(data)
    content = load_content(data, LANGS, today=TODAY, root=data.parent)
    hong_kong = next(c for c in content.countries if c.slug == "hong-kong")
    assert not hong_kong.pocket and [c.value for c in hong_kong.contacts if c.pocket] == ["999"]


OWN_CASES = """cases:
  - name: calon PMI aged 25 who qualifies
    answers: {situasi: calon_pmi, umur: 25, kabupaten: banyuwangi, negara_tujuan: korea, pendidikan: sma,
              buta_warna: false, pernah_dipenjara_dideportasi: false, kerja_korea_5_tahun: false}
    expect: likely
  - name: age 17
    answers: {situasi: calon_pmi, umur: 17, kabupaten: banyuwangi, negara_tujuan: korea}
    expect: not
  - name: age unknown
    answers: {situasi: calon_pmi, umur: null, kabupaten: banyuwangi, negara_tujuan: korea}
    expect: maybe
"""


def test_a_programme_may_hold_its_own_cases_saved_with_it(data):
    """The web editor saves one file per pull request: a new programme's cases come in its file."""
    drop_cases_about(data, "g-to-g-korea")
    append(OWN_CASES, KOREA)(data)
    content = load_content(data, LANGS, today=TODAY, root=data.parent)  # a likely and a not case: covered
    own = {c.name: c for c in content.cases if c.name in ("calon PMI aged 25 who qualifies", "age 17", "age unknown")}
    assert {name: c.expect for name, c in own.items()} == {"calon PMI aged 25 who qualifies": {"g-to-g-korea": "likely"},
                                                           "age 17": {"g-to-g-korea": "not"},
                                                           "age unknown": {"g-to-g-korea": "maybe"}}
    assert own["age unknown"].answers["umur"] is None and "pendidikan" not in own["age unknown"].answers

    replace("    expect: maybe", "    expect: not", KOREA)(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    [error] = info.value.errors
    lines = (data / KOREA).read_text(encoding="utf-8").splitlines()
    assert (error.code, error.file, error.field) == ("E-CASE", f"data/{KOREA}", "cases[2].expect")
    assert lines[error.line - 1] == "    expect: not"
    assert "kasus 'age unknown'" in error.message_id and "should be 'not', but the rules now give 'maybe'" in (
        error.message_en)


@pytest.mark.parametrize("edit, field, code", [
    (replace("title: ", 'title: "Hubungi 0812 3456 7890" #', "sources/antara-jatim-2021-ipuk-pmi.yaml"),
     "title", "E-PHONE"),
    (replace('date: "2021"\n', 'date: "2021"\nurl: "https://wa.me/6281234567890"\n',
             "sources/antara-jatim-2021-ipuk-pmi.yaml"), "url", "E-WHATSAPP"),
], ids=["unsourced number in a source's title", "WhatsApp link as a source's url"])
def test_numbers_and_whatsapp_are_refused_in_every_string_a_page_shows_not_only_texts(data, edit, field, code):
    """A source's title is shown on every page citing it: its numbers are sourced contacts too."""
    edit(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    found = {(e.file, e.field, e.code) for e in info.value.errors}
    assert ("data/sources/antara-jatim-2021-ipuk-pmi.yaml", field, code) in found, info.value.errors


MELATI_TEXT = "Pada 2021 program ini disebut"


@pytest.mark.parametrize("href, refused", [
    ("../../tidak-ada/", True),
    ("../../glosarium/#tidak-ada", True),
    ("../../program/melati/#syarat", True),
    ("../../program/melati/lain/", True),
    ("../../usulan/x/", True),
    ("../../glosarium/#pmi", False),
    ("../../glosarium/", False),
    ("../../cek/", False),
    ("../../", False),
    ("../../prosedur/", False),
    ("../../negara/tidak-ada/", True),
    ("../../negara/hong-kong/", False),
    ("../../negara/", False),
    ("../desbumi/", False),
])
def test_a_relative_link_must_lead_to_a_page_and_anchor_the_site_has(data, href, refused):
    """Otherwise a built page links nowhere, which only the built-site tests noticed."""
    replace(MELATI_TEXT, f"[Lihat]({href}) {MELATI_TEXT}")(data)
    if not refused:
        load_content(data, LANGS, today=TODAY, root=data.parent)
        return
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    [error] = info.value.errors
    assert (error.file, error.line, error.field, error.code) == (
        "data/programs/melati.yaml", line_of("description:") + 1, "description.id", "E-LINK")
    assert "tidak" in error.message_id and ("no such" in error.message_en or "unknown part" in error.message_en)


def test_a_file_with_a_mistake_of_its_own_is_not_reported_again_wherever_it_is_named(data):
    """A staff member breaks one source file and one country file: two messages, at the two mistakes,
    not one more in every file that cites the source or links to, or searches for, the country's page."""
    source = data / "sources" / "antara-jatim-2021-ipuk-pmi.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("title:", "title: [", 1), encoding="utf-8")
    country = data / HONG_KONG
    country.write_text(country.read_text(encoding="utf-8") + "bukan_kolom: 1\n", encoding="utf-8")
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    assert sorted((e.file, e.code) for e in info.value.errors) == [
        ("data/countries/hong-kong.yaml", "E-UNKNOWN-FIELD"), ("data/sources/antara-jatim-2021-ipuk-pmi.yaml", "E-SYNTAX")], \
        info.value.report()


def test_a_reference_to_a_file_that_does_not_exist_is_still_reported(data):
    (data / "sources" / "antara-jatim-2021-ipuk-pmi.yaml").unlink()
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    assert [e for e in info.value.errors if e.code == "E-REF" and "antara-jatim-2021-ipuk-pmi" in e.message_en]
