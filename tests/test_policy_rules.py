"""Policy as data (data/policy.yaml): rules every program of a kind must imply; questions used and asked."""
from __future__ import annotations

import pytest
import yaml

from portal.content.errors import ContentInvalid
from portal.content.validator import load_content

from content_edits import KOREA, LANGS, TODAY, replace, write

POLICY = """audience:
  question: situasi
  answers: {calon_pmi: [calon_pmi], pmi: [pmi], purna_pmi: [purna_pmi], keluarga: [keluarga],
            anak_pmi: [pmi, purna_pmi, keluarga]}
rules:
  - id: umur-minimal-18
    applies_to: placement
    require: {question: umur, at_least: 18}
    text: {id: Calon PMI paling sedikit berumur 18 tahun., en: A prospective migrant worker is at least 18.}
    sources: [voiceindonesia-2025-08-19-g2g-korea]
"""
AGE_GROUP = "{question: umur, at_least: 18}"


def aged_16(data):
    """Korea's lower age limit at 16, its reason saying so too (else E-REASON)."""
    replace(AGE_GROUP, "{question: umur, at_least: 16}", KOREA)(data)
    replace("{id: Anda berusia 18–39 tahun, en: You are 18–39 years old}",
            "{id: Anda berusia 16–39 tahun, en: You are 16–39 years old}", KOREA)(data)


def errors_of(data):
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    return info.value.errors


@pytest.fixture
def placement(data):
    """The fixture with the policy; its G to G Korea is a placement programme."""
    write("policy.yaml", POLICY)(data)
    assert "\nkind: placement\n" in (data / KOREA).read_text(encoding="utf-8")
    return data


def test_a_placement_programme_with_the_age_criterion_passes(placement):
    load_content(placement, LANGS, today=TODAY, root=placement.parent)


def test_a_placement_programme_without_the_age_criterion_fails_naming_the_policy_source(placement):
    aged_16(placement)
    errors = [e for e in errors_of(placement) if e.code == "E-POLICY"]
    [error] = errors
    assert (error.file, error.field) == (f"data/{KOREA}", "eligibility.rule")
    for message in (error.message_id, error.message_en):
        assert "umur-minimal-18" in message and "voiceindonesia-2025-08-19-g2g-korea" in message
    assert "umur paling sedikit 18" in error.message_id and "umur at least 18" in error.message_en
    assert "umur = 16" in error.message_id  # a reader it would mislead: at the wrong limit


def test_the_criterion_hidden_in_an_any_is_not_enough(placement):
    replace(AGE_GROUP, "{any: [{question: umur, at_least: 18}, {question: buta_warna, equals: false}]}",
            KOREA)(placement)
    assert [e.code for e in errors_of(placement) if e.code == "E-POLICY"] == ["E-POLICY"]


def test_a_programme_of_no_kind_is_not_bound_by_the_placement_rules(data):
    write("policy.yaml", POLICY)(data)
    replace("kind: placement", "kind: null", KOREA)(data)
    aged_16(data)
    errors = errors_of(data)  # only the fixture's own case about a 17-year-old breaks
    assert "E-POLICY" not in {e.code for e in errors}


def test_policy_names_real_questions_options_and_sources(data):
    write("policy.yaml", POLICY.replace("keluarga: [keluarga]", "keluarga: [keluarg]")
          .replace("question: umur, at_least", "question: umr, at_least")
          .replace("[voiceindonesia-2025-08-19-g2g-korea]", "[nowhere]"))(data)
    found = {(e.file, e.field, e.code) for e in errors_of(data)}
    assert ("data/policy.yaml", "audience.answers.keluarga[0]", "E-OPTION") in found
    assert ("data/policy.yaml", "rules[0].require.question", "E-REF") in found
    assert ("data/policy.yaml", "rules[0].sources[0]", "E-REF") in found


def test_an_unused_question_is_an_error(data):
    with (data / "questions.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: perawat_str\n  type: yes_no\n  text: {id: Perawat dengan STR, en: A nurse with an STR}\n")
    last = len(yaml.safe_load((data / "questions.yaml").read_text(encoding="utf-8"))) - 1
    [error] = errors_of(data)
    assert (error.file, error.field, error.code) == ("data/questions.yaml", f"[{last}].id", "E-QUESTION-UNUSED")
    assert "perawat_str" in error.message_id and "perawat_str" in error.message_en


def test_the_country_question_is_used_for_help_and_takes_no_options(data):
    """Used by no rule, yet not E-QUESTION-UNUSED (the fixture's own loads); its options are the
    country pages, so options written by hand are an error on their line."""
    load_content(data, LANGS, today=TODAY, root=data.parent)
    replace("  type: country\n", "  type: country\n  options:\n    - {value: a, label: {id: A, en: A}}\n"
            "    - {value: b, label: {id: B, en: B}}\n", "questions.yaml")(data)
    [error] = errors_of(data)
    assert (error.file, error.code) == ("data/questions.yaml", "E-OPTIONS") and error.field.endswith("].options")
    assert "data/countries/" in error.message_id and "remove 'options'" in error.message_en


def test_a_country_question_without_country_pages_is_an_error(data):
    for page in (data / "countries").glob("*.yaml"):
        page.unlink()
    errors = [e for e in errors_of(data) if e.code == "E-MISSING"]
    assert [(e.file, e.field.endswith("].type")) for e in errors] == [("data/questions.yaml", True)]
    assert "data/countries/" in errors[0].message_en


def test_a_rule_question_never_asked_of_part_of_the_audience_is_an_error(data):
    """The returnee with a school-age child: Melati's rule asks about the child, its audience
    includes children of migrant workers (answered by a returnee parent too)."""
    write("policy.yaml", POLICY)(data)
    with (data / "questions.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: anak_sekolah\n  type: yes_no\n  text: {id: Punya anak usia sekolah, en: A school-age child}\n"
                  "  ask_if: {question: situasi, in: [pmi, keluarga]}\n")
    rule = ("  rule:\n    all:\n      - question: anak_sekolah\n        equals: true\n"
            "        reason: {id: Anda punya anak usia sekolah., en: You have a school-age child.}\n"
            "        sources: [antara-jatim-2021-ipuk-pmi]\n")
    replace("  decided_by:", rule + "  decided_by:")(data)
    errors = [e for e in errors_of(data) if e.code == "E-NOT-ASKED"]
    [error] = errors
    assert error.field == "eligibility.rule.all[0].question"
    assert "situasi = purna_pmi" in error.message_id and "anak_pmi" in error.message_en
    replace("A school-age child}\n  ask_if: {question: situasi, in: [pmi, keluarga]}",
            "A school-age child}\n  ask_if: {question: situasi, in: [pmi, purna_pmi, keluarga]}", "questions.yaml")(data)
    assert "E-NOT-ASKED" not in {e.code for e in errors_of(data)}  # (the fixture's cases about Melati break)

