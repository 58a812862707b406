"""Eligibility cases are content: ``data/cases/<name>.yaml``, one case per file, checked against
the questions and run.

Each case is what one reader answers and the verdict expected for some programs (as OpenFisca
keeps YAML tests beside its rules). A program's file may also hold cases about that program alone
(``cases``), so that a program and its cases are saved together: the web editor saves one file
per pull request, and each pull request must pass the checks on its own. A rule change that
breaks a case is a content error naming the case; a program with published criteria needs a case
where the reader is likely eligible and one where they are not.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

from portal.content import evaluator, schema
from portal.content.model import Case, Content, Question

CASES_DIR = "cases"
"""Folder of ``data/`` holding the case files, one per case."""

Report = Callable[[tuple, str, str, str], None]


def case(item: Mapping[str, Any]) -> Case:
    return Case(name=item["name"], answers=dict(item["answers"]), expect=dict(item["expect"]),
                asks=tuple(item["asks"]) if "asks" in item else None)


def own_cases(program: Mapping[str, Any], slug: str) -> list[Case]:
    """The cases a program's file holds about that program alone (``cases``: name, answers, its verdict)."""
    return [Case(name=c["name"], answers=dict(c["answers"]), expect={slug: c["expect"]}, asks=None)
            for c in program.get("cases", ())]


def expect_path(path: tuple, slug: str) -> tuple:
    """Where the verdict expected for ``slug`` is: one of ``expect``, or (a program's own case,
    ``path`` = ``("cases", i)``) ``expect`` itself."""
    return path + ("expect",) if path[:1] == ("cases",) else path + ("expect", slug)


def check_answers(answers: Mapping[str, Any], path: tuple, questions: Mapping[str, Question],
                  report: Report) -> None:
    """Each answer names a question and is an answer that question can get (null: "I don't know")."""
    for qid, value in answers.items():
        q = questions.get(qid)
        if q is None:
            hint_id, hint_en = schema.did_you_mean(qid, questions)
            report(path + (qid,), "E-REF", f"pertanyaan '{qid}' tidak dikenal{hint_id}",
                   f"unknown question '{qid}'{hint_en}")
            continue
        if value is None:
            continue
        if q.type == "yes_no" and not isinstance(value, bool):
            report(path + (qid,), "E-ANSWER", f"jawaban '{qid}' harus true atau false (atau null: tidak tahu)",
                   f"the answer to '{qid}' must be true or false (or null: don't know)")
        elif q.type == "choice" and value not in q.option_values():
            hint_id, hint_en = schema.did_you_mean(value, q.option_values())
            report(path + (qid,), "E-ANSWER",
                   f"'{value}' bukan pilihan '{qid}'{hint_id}; pilihan: {', '.join(q.option_values())}",
                   f"'{value}' is not an option of '{qid}'{hint_en}; options: {', '.join(q.option_values())}")
        elif q.type == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))
                                     or (q.min is not None and value < q.min) or (q.max is not None and value > q.max)):
            low, high = "" if q.min is None else q.min, "" if q.max is None else q.max
            report(path + (qid,), "E-ANSWER", f"jawaban '{qid}' harus angka ({low}–{high})",
                   f"the answer to '{qid}' must be a number ({low}–{high})")


def check_refs(c: Case, path: tuple, questions: set[str], programs: set[str], report: Report) -> None:
    """Programs in ``expect`` (``programs``: every program file's slug) and ``questions`` in ``asks`` exist."""
    for slug in c.expect:
        if slug not in programs:
            hint_id, hint_en = schema.did_you_mean(slug, programs)
            report(expect_path(path, slug), "E-REF", f"program '{slug}' tidak dikenal{hint_id}",
                   f"unknown programme '{slug}'{hint_en}")
    for i, qid in enumerate(c.asks or ()):
        if qid not in questions:
            hint_id, hint_en = schema.did_you_mean(qid, questions)
            report(path + ("asks", i), "E-REF", f"pertanyaan '{qid}' tidak dikenal{hint_id}",
                   f"unknown question '{qid}'{hint_en}")


def decision_data(content: Content) -> dict[str, Any]:
    """The language-neutral part of the checker document: enough to decide verdicts."""
    return {"questions": [{"id": q.id, "ask_if": q.ask_if, "for_help": q.for_help} for q in content.questions],
            "programs": [{"slug": p.slug, "offered": evaluator.offered(p),
                          "published": p.eligibility.criteria_published, "rule": p.eligibility.rule,
                          "unchecked": [u.text for u in p.eligibility.unchecked]}
                         for p in content.programs],
            "ui": {content.default_language: {"unpublished": "", "ended": ""}}}


def run_all(located: list[tuple[Case, tuple, Report]], data: Mapping[str, Any], lang: str) -> None:
    """:func:`run` for every (case, its path, its report), with the programs indexed once."""
    programs = {p["slug"]: p for p in data["programs"]}
    for c, path, report in located:
        run(c, path, data, programs, lang, report)


def run(c: Case, path: tuple, data: Mapping[str, Any], programs: Mapping[str, Any], lang: str,
        report: Report) -> None:
    """Report each expected verdict the rules do not give, and a different list of questions asked
    (``programs``: the programs of ``data`` by slug)."""
    for slug, expected in c.expect.items():
        if slug not in programs:
            continue
        got = evaluator.verdict(data, programs[slug], c.answers, lang)["verdict"]
        if got != expected:
            report(expect_path(path, slug), "E-CASE",
                   f"kasus '{c.name}': '{slug}' seharusnya '{expected}', tetapi aturannya sekarang memberi "
                   f"'{got}'; periksa aturan program itu atau perbarui kasusnya sesuai sumber",
                   f"case '{c.name}': '{slug}' should be '{expected}', but the rules now give '{got}'; "
                   "check that programme's rule, or update the case as its sources say")
    if c.asks is not None:
        asked, _ = evaluator.interview(data, c.answers)
        if asked != list(c.asks):
            report(path + ("asks",), "E-CASE",
                   f"kasus '{c.name}': pertanyaan yang diajukan sekarang {asked}",
                   f"case '{c.name}': the questions asked are now {asked}")


def check_coverage(content: Content, cases: list[Case], report_for: Callable[[Any], Report]) -> None:
    """Each current program with published criteria has a 'likely' case and a 'not' case; one whose
    rule leaves published criteria unasked (``unchecked``) has, instead of 'likely', a 'maybe' case
    that shows them: a reader who meets every criterion the rule asks."""
    data = decision_data(content)
    programs = {p["slug"]: p for p in data["programs"]}
    lang = content.default_language
    seen: dict[str, set[str]] = {}
    for c in cases:
        for slug, expected in c.expect.items():
            result = evaluator.verdict(data, programs[slug], c.answers, lang) if slug in programs else {}
            shows = "unchecked" in result and all(value is True for _, value in result["reasons"])
            seen.setdefault(slug, set()).add(evaluator.LIKELY if shows and expected == evaluator.MAYBE else expected)
    for p in content.programs:
        if not (p.eligibility.criteria_published and evaluator.offered(p)):
            continue
        missing = [v for v in (evaluator.LIKELY, evaluator.NOT) if v not in seen.get(p.slug, set())]
        if not missing:
            continue
        names = [MAYBE_SHOWING if m == evaluator.LIKELY and p.eligibility.unchecked else (repr(m), repr(m)) for m in missing]
        report_for(p)(("eligibility", "criteria_published"), "E-CASE-MISSING",
                      f"syarat diumumkan: tambahkan kasus dengan hasil {' dan '.join(n[0] for n in names)} "
                      f"untuk '{p.slug}', di kolom 'cases' program ini atau di data/{CASES_DIR}/ "
                      "(lihat CONTRIBUTING.md)",
                      f"criteria published: add cases expecting {' and '.join(n[1] for n in names)} "
                      f"for '{p.slug}', in this programme's 'cases' or in data/{CASES_DIR}/ (see CONTRIBUTING.md)")


MAYBE_SHOWING = ("'maybe' (pembaca memenuhi semua syarat yang ditanyakan; yang tidak ditanyakan disebut)",
                 "'maybe' (the reader meets every criterion asked; those not asked are named)")
"""How E-CASE-MISSING names the case a programme with ``unchecked`` criteria needs instead of 'likely'."""
