"""Eligibility cases through both evaluators: Python and the checker's JavaScript.

The cases are content: ``data/cases/*.yaml`` for the real programs (the validator runs them
through Python) and ``tests/fixtures/data/cases/`` for the fixture. Each gives answers and the
expected verdict per program. The Python evaluator (portal.eligibility) and the JavaScript one
(docs/assets/portal/checker.js, run in Node) read the same compiled JSON and must agree on every
verdict, every reason and every question asked.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from portal.content import evaluator
from portal.content.validator import load_content
from portal.outputs import eligibility
from portal.site.strings import load_strings

from conftest import FIXTURE_DATA, FIXTURE_TODAY, REAL_DATA, REAL_UI, ROOT, copy_fixture_data, load_yaml, require_tool

RUNNER = ROOT / "tests" / "eligibility" / "run.js"
LANGS = ("id", "en")
FIXTURE_DAY = dt.date.fromisoformat(FIXTURE_TODAY)


def compiled(data_dir: Path, today: dt.date | None = FIXTURE_DAY) -> dict:
    """The checker's data of ``data_dir``, judged on ``today`` (None: the real date, for the real content)."""
    content = load_content(data_dir, LANGS, today=today, root=data_dir.parent)
    strings = load_strings(REAL_UI, LANGS)
    return json.loads(eligibility.dumps(eligibility.compile_data(content, strings)))


@lru_cache(maxsize=None)
def compiled_for(data_dir: Path, today: dt.date | None = FIXTURE_DAY) -> str:
    return json.dumps(compiled(data_dir, today))


def run_js(data: dict, cases=(), fragments=()) -> dict:
    payload = json.dumps({"data": data, "cases": list(cases), "fragments": list(fragments)})
    result = subprocess.run([require_tool("node", "apt-get install nodejs"), str(RUNNER), str(eligibility.CHECKER_JS)], input=payload,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def run_py(data: dict, answers: dict) -> dict:
    verdicts = {lang: evaluator.verdicts(data, answers, lang) for lang in data["languages"]}
    asked, given = evaluator.interview(data, answers)
    interview = {slug: v["verdict"] for slug, v in evaluator.verdicts(data, given, data["languages"][0]).items()}
    return json.loads(json.dumps({"verdicts": verdicts, "asked": asked, "interview": interview}))


def cases_of(data_dir: Path) -> list:
    """Every case file of ``data_dir``, as parameters (file, case)."""
    params = []
    for path in sorted((data_dir / "cases").glob("*.yaml")):
        file, case = path.relative_to(ROOT).as_posix(), load_yaml(path)
        params.append(pytest.param(file, case, id=f"{file}:{case['name']}"))
    return params


@lru_cache(maxsize=None)
def _js_results(data_dir: Path, today: dt.date | None) -> str:
    """Every case of ``data_dir`` through Node at once: {case file: its results}."""
    located = [param.values for param in cases_of(data_dir)]
    results = run_js(json.loads(compiled_for(data_dir, today)), [case for _, case in located])["cases"]
    return json.dumps({file: result for (file, _), result in zip(located, results)})


@lru_cache(maxsize=None)
def _py_result(data_dir: Path, today: dt.date | None, answers: str) -> str:
    return json.dumps(run_py(json.loads(compiled_for(data_dir, today)), json.loads(answers)))


def check_case(data_dir: Path, today: dt.date | None, file: str, case: dict, engine: str) -> None:
    """The case's verdicts and questions asked, in Python; in JavaScript, the same results as in
    Python: verdicts, reasons in every language, questions asked."""
    py = json.loads(_py_result(data_dir, today, json.dumps(case["answers"], sort_keys=True)))
    result = py if engine == "python" else json.loads(_js_results(data_dir, today))[file]
    for slug, expected in case["expect"].items():
        assert slug in result["verdicts"]["id"], f"unknown program '{slug}'"
        assert result["verdicts"]["id"][slug]["verdict"] == expected, (slug, result["verdicts"]["id"][slug])
    if "asks" in case:
        assert result["asked"] == case["asks"]
    # Skipping the questions that cannot change a verdict never changes one.
    assert py["interview"] == {slug: v["verdict"] for slug, v in py["verdicts"]["id"].items()}
    assert result == py


ENGINES = pytest.mark.parametrize("engine", ["python", "javascript"])


@ENGINES
@pytest.mark.parametrize("file,case", cases_of(REAL_DATA))
def test_real_case(file, case, engine):
    """The real cases (which the validator runs in Python: E-CASE), on the real date."""
    check_case(REAL_DATA, None, file, case, engine)


@ENGINES
@pytest.mark.parametrize("file,case", cases_of(FIXTURE_DATA))
def test_fixture_case(file, case, engine):
    check_case(FIXTURE_DATA, FIXTURE_DAY, file, case, engine)


def test_the_fixture_has_cases_of_every_verdict():
    cases = [param.values[1] for param in cases_of(FIXTURE_DATA)]
    assert len(cases) >= 25 and {v for case in cases for v in case["expect"].values()} == {"likely", "maybe", "not"}


def test_reasons_explain_the_verdict():
    data = json.loads(compiled_for(FIXTURE_DATA))
    korea = next(p for p in data["programs"] if p["slug"] == "g-to-g-korea")
    answers = {"situasi": "calon_pmi", "umur": 17, "negara_tujuan": "korea", "buta_warna": True}
    result = evaluator.verdict(data, korea, answers, "en")
    assert result["verdict"] == "not"
    assert result["reasons"] == [["You are 18–39 years old", False], ["You are not colour-blind", False]]
    result = evaluator.verdict(data, korea, {"situasi": "calon_pmi", "umur": 18}, "id")
    assert ["Anda berusia 18–39 tahun", True] not in result["reasons"]  # maybe: only the open criteria
    assert ["Anda ingin bekerja di Korea Selatan", None] in result["reasons"]


def test_a_programme_with_unchecked_criteria_is_never_likely_and_names_them():
    """Issue 33: the nurse who meets every criterion asked gets 'maybe' with the STR and experience
    named, in both languages and both engines; a reader who fails one gets 'not' without them."""
    data = json.loads(compiled_for(FIXTURE_DATA))
    nurse = {"situasi": "calon_pmi", "umur": 30, "negara_tujuan": "jepang", "pendidikan": "d3_keperawatan",
             "jlpt_n5": True}
    readers = [nurse, {**nurse, "jlpt_n5": None}, {**nurse, "umur": 36}]
    py = [run_py(data, answers)["verdicts"] for answers in readers]
    assert py == [r["verdicts"] for r in run_js(data, [{"answers": a} for a in readers])["cases"]]
    met, unknown, failed = (v["en"]["g-to-g-jepang"] for v in py)
    assert met["verdict"] == "maybe" and all(value is True for _, value in met["reasons"])
    assert met["unchecked"] == ["For nurse positions: an STR (registration certificate) and at least 2 years' work experience."]
    assert py[0]["id"]["g-to-g-jepang"]["unchecked"] == ["Untuk posisi perawat: punya STR dan pengalaman kerja paling sedikit 2 tahun."]
    assert unknown["verdict"] == "maybe" and unknown["unchecked"] == met["unchecked"]
    assert failed["verdict"] == "not" and "unchecked" not in failed
    japan = next(p for p in data["programs"] if p["slug"] == "g-to-g-jepang")
    assert japan["registration"]["en"] == "In 2025, registration was open from 1 February to 31 May (Spadanews)."
    korea = next(p for p in data["programs"] if p["slug"] == "g-to-g-korea")
    assert korea["unchecked"] == [] and korea["registration"] is None


def _ended_korea(tmp_path: Path) -> tuple[dict, list[dict]]:
    """The fixture's content with Korea's program ended, and two readers' answers."""
    data_dir = copy_fixture_data(tmp_path / "data")
    path = data_dir / "programs" / "g-to-g-korea.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: announced", "value: ended"), encoding="utf-8")
    shutil.rmtree(data_dir / "cases")  # its cases expect Korea to be open
    japan = data_dir / "programs" / "g-to-g-jepang.yaml"  # ended too: its coverage needs those cases
    japan.write_text(japan.read_text(encoding="utf-8").replace("value: active", "value: ended"), encoding="utf-8")
    qualifying = load_yaml(FIXTURE_DATA / "cases" / "calon-pmi-aged-25-who-qualifies-for-korea.yaml")["answers"]
    return compiled(data_dir), [{"answers": qualifying}, {"answers": {}}]


def test_ended_program_is_never_offered(tmp_path):
    data, cases = _ended_korea(tmp_path)
    for case in cases:
        py = run_py(data, case["answers"])
        assert py["verdicts"]["en"]["g-to-g-korea"] == {"verdict": "not",
                                                       "reasons": [["This programme has ended.", False]]}
        assert not {"umur", "negara_tujuan", "pendidikan"} & set(py["asked"])  # only Korea needed these


def test_ended_program_in_javascript_as_in_python(tmp_path):
    data, cases = _ended_korea(tmp_path)
    for case, js_result in zip(cases, run_js(data, cases)["cases"]):
        assert run_py(data, case["answers"]) == js_result


def test_fragment_prefill_in_javascript():
    data = json.loads(compiled_for(FIXTURE_DATA))
    fragments = ["#umur=17&situasi=calon_pmi", "#buta_warna=tidak&negara_tujuan=korea&umur=abc",
                 "#umur=200&situasi=astronaut&nope=1&kabupaten=jember", "#desa_desbumi=ya&umur=39.5&umur_anak=3",
                 "#situasi=%3F", "", "#all", "#umur=%E0%A4&situasi=pmi"]
    assert run_js(data, fragments=fragments)["fragments"] == [
        {"umur": 17, "situasi": "calon_pmi"},
        {"buta_warna": False, "negara_tujuan": "korea"},
        {"kabupaten": "jember"},
        {"desa_desbumi": True, "umur": 39.5},
        {"situasi": None},
        {},
        {},
        {"situasi": "pmi"},
    ]


# --- The country question (issue 31): where the reader works, for the help lines, no verdict ---

def test_the_country_question_is_asked_of_workers_abroad_and_families_only():
    data = json.loads(compiled_for(FIXTURE_DATA))
    readers = [{"situasi": s} for s in ("pmi", "keluarga", "calon_pmi", "purna_pmi", "lainnya")] + [{"situasi": None}]
    asked = [run_py(data, answers)["asked"] for answers in readers]
    assert [a[:2] for a in asked[:2]] == [["situasi", "negara_sekarang"]] * 2  # right after who they are
    assert all("negara_sekarang" not in a for a in asked[2:])
    js = run_js(data, [{"answers": answers} for answers in readers])["cases"]
    assert [r["asked"] for r in js] == asked


def test_the_country_answer_changes_no_verdict():
    data = json.loads(compiled_for(FIXTURE_DATA))
    for param in cases_of(FIXTURE_DATA):
        answers = {**param.values[1]["answers"], "situasi": "pmi"}
        without = run_py(data, {**answers, "negara_sekarang": None})["verdicts"]
        for country in ("malaysia", "hong-kong"):
            assert run_py(data, {**answers, "negara_sekarang": country})["verdicts"] == without


def test_the_country_options_are_the_country_pages_with_their_lines():
    data = json.loads(compiled_for(FIXTURE_DATA))
    question = next(q for q in data["questions"] if q["id"] == "negara_sekarang")
    assert question["for_help"] and question["type"] == "country"
    assert [(o["value"], o["label"]["en"]) for o in question["options"]] == [("hong-kong", "Hong Kong"),
                                                                            ("malaysia", "Malaysia")]
    malaysia = next(c for c in data["countries"] if c["slug"] == "malaysia")
    assert malaysia["path"] == "negara/malaysia/" and malaysia["title"]["id"] == "Malaysia"
    assert 'href="tel:+60300000000"' in malaysia["contacts"]["id"] and "KBRI Kuala Lumpur" in malaysia["contacts"]["en"]
    assert run_js(data, fragments=["#negara_sekarang=malaysia&situasi=pmi", "#negara_sekarang=mars"])["fragments"] == [
        {"negara_sekarang": "malaysia", "situasi": "pmi"}, {}]
