"""Eligibility cases through both evaluators: Python and the checker's JavaScript.

The cases are content: ``data/cases/*.yaml`` for the real programs (the validator runs them
through Python) and ``tests/fixtures/data/cases/`` for the fixture. Each gives answers and the
expected verdict per program. The Python evaluator (portal.eligibility) and the JavaScript one
(docs/assets/portal/checker.js, run in Node) read the same compiled JSON and must agree on every
verdict, every reason and every question asked.
"""
from __future__ import annotations

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

from conftest import FIXTURE_DATA, ROOT, load_yaml, missing_tool

RUNNER = ROOT / "tests" / "eligibility" / "run.js"
LANGS = ("id", "en")
DATA_DIRS = ("data", "tests/fixtures/data")
CASE_FILES = sorted(path.relative_to(ROOT) for data in DATA_DIRS for path in (ROOT / data / "cases").glob("*.yaml"))


def compiled(data_dir: Path) -> dict:
    content = load_content(data_dir, LANGS, root=data_dir.parent)
    strings = load_strings(ROOT / "data" / "ui", LANGS)
    return json.loads(eligibility.dumps(eligibility.compile_data(content, strings)))


@lru_cache(maxsize=None)
def compiled_for(data: str) -> str:
    return json.dumps(compiled(ROOT / data))


def node() -> str:
    path = shutil.which("node")
    if path is None:
        message = "node not found: apt-get install nodejs (.ci/run does this)"
        missing_tool(message)
    return path


def run_js(data: dict, cases=(), fragments=()) -> dict:
    payload = json.dumps({"data": data, "cases": list(cases), "fragments": list(fragments)})
    result = subprocess.run([node(), str(RUNNER), str(eligibility.CHECKER_JS)], input=payload,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def run_py(data: dict, answers: dict) -> dict:
    verdicts = {lang: evaluator.verdicts(data, answers, lang) for lang in data["languages"]}
    asked, given = evaluator.interview(data, answers)
    interview = {slug: v["verdict"] for slug, v in evaluator.verdicts(data, given, data["languages"][0]).items()}
    return json.loads(json.dumps({"verdicts": verdicts, "asked": asked, "interview": interview}))


def load_case(path: Path) -> tuple[str, dict]:
    """(the data folder the case file belongs to, its case)."""
    return path.parent.parent.as_posix(), load_yaml(ROOT / path)


ALL_CASES = [(path.as_posix(), *load_case(path)) for path in CASE_FILES]
"""(case file, its data folder, the case), every case of every data folder."""


@pytest.fixture(scope="module")
def js_results() -> dict:
    """Every case through Node, once per data folder: {case file: its results}."""
    out = {}
    for data in DATA_DIRS:
        located = [(file, case) for file, folder, case in ALL_CASES if folder == data]
        results = run_js(json.loads(compiled_for(data)), [case for _, case in located])["cases"]
        out.update((file, result) for (file, _), result in zip(located, results))
    return out


@pytest.mark.parametrize("file,data_dir,case", ALL_CASES, ids=[f"{f}:{c['name']}" for f, _, c in ALL_CASES])
def test_case_in_python_and_javascript(file, data_dir, case, js_results):
    data = json.loads(compiled_for(data_dir))
    py = run_py(data, case["answers"])
    js = js_results[file]
    for slug, expected in case["expect"].items():
        assert slug in py["verdicts"]["id"], f"unknown program '{slug}'"
        assert py["verdicts"]["id"][slug]["verdict"] == expected, ("python", slug, py["verdicts"]["id"][slug])
        assert js["verdicts"]["id"][slug]["verdict"] == expected, ("javascript", slug, js["verdicts"]["id"][slug])
    if "asks" in case:
        assert py["asked"] == case["asks"], "python"
        assert js["asked"] == case["asks"], "javascript"
    assert py == js  # verdicts, reasons in every language, questions asked
    # Skipping the questions that cannot change a verdict never changes one.
    assert py["interview"] == {slug: v["verdict"] for slug, v in py["verdicts"]["id"].items()}


def test_cases_cover_both_real_and_fixture_data():
    assert {folder for _, folder, _ in ALL_CASES} == set(DATA_DIRS)
    assert len(ALL_CASES) >= 25


def test_reasons_explain_the_verdict():
    data = json.loads(compiled_for("tests/fixtures/data"))
    korea = next(p for p in data["programs"] if p["slug"] == "g-to-g-korea")
    answers = {"situasi": "calon_pmi", "umur": 17, "negara_tujuan": "korea", "buta_warna": True}
    result = evaluator.verdict(data, korea, answers, "en")
    assert result["verdict"] == "not"
    assert result["reasons"] == [["You are 18–39 years old", False], ["You are not colour-blind", False]]
    result = evaluator.verdict(data, korea, {"situasi": "calon_pmi", "umur": 18}, "id")
    assert ["Anda berusia 18–39 tahun", True] not in result["reasons"]  # maybe: only the open criteria
    assert ["Anda ingin bekerja di Korea Selatan", None] in result["reasons"]


def test_ended_program_is_never_offered(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data_dir)
    path = data_dir / "programs" / "g-to-g-korea.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: announced", "value: ended"), encoding="utf-8")
    shutil.rmtree(data_dir / "cases")  # its cases expect Korea to be open
    data = compiled(data_dir)
    qualifying = load_case(Path("tests/fixtures/data/cases/calon-pmi-aged-25-who-qualifies-for-korea.yaml"))[1]["answers"]
    cases = [{"answers": qualifying}, {"answers": {}}]
    js = run_js(data, cases)["cases"]
    for case, js_result in zip(cases, js):
        py = run_py(data, case["answers"])
        assert py["verdicts"]["en"]["g-to-g-korea"] == {"verdict": "not",
                                                       "reasons": [["This programme has ended.", False]]}
        assert py == js_result
        assert not {"umur", "negara_tujuan", "pendidikan"} & set(py["asked"])  # only Korea needed these


def test_fragment_prefill_in_javascript():
    data = json.loads(compiled_for("tests/fixtures/data"))
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
