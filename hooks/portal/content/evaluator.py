"""The Python evaluator of the eligibility checker, twin of ``docs/assets/portal/checker.js``.

Both read the checker's document (:func:`portal.outputs.eligibility.compile_data`, or the same
shape built from the content) and implement:

- ``effective``: which answers count (a question whose ``ask_if`` is false does not apply);
- ``verdict``: ``likely`` / ``maybe`` / ``not`` per program, with the reasons behind it. A
  program whose criteria are unpublished is never ``likely``: its rule (whom the sources name,
  e.g. "lives in Banyuwangi") can only make it ``not``; nor is one with published criteria its rule
  does not ask (``unchecked``): those are named with a ``maybe``;
- ``next_question``: the next question that can still change some verdict, or that asks where
  the reader is for the help lines (``for_help``, asked only of the readers its ``ask_if`` names).

Answers map question ids to values; ``None`` means "I don't know" (asked, no answer). The shared
cases in ``tests/eligibility/`` hold the two to the same results.
"""
from __future__ import annotations

from typing import Any, Mapping

from portal.content.model import Program
from portal.content.rules import combine, criterion_value, evaluate, fold

LIKELY, MAYBE, NOT = "likely", "maybe", "not"

Answers = Mapping[str, Any]


def offered(program: Program) -> bool:
    """Ended programs are never offered as eligible."""
    return program.status.value != "ended"


def effective(data: Mapping[str, Any], answers: Answers) -> tuple[dict[str, Any], set[str]]:
    """(answers that count, questions that do not apply), walking the questions in order."""
    counted: dict[str, Any] = {}
    not_applicable: set[str] = set()
    for q in data["questions"]:
        gate = True if q["ask_if"] is None else evaluate(q["ask_if"], counted, not_applicable)
        if gate is False:
            not_applicable.add(q["id"])
        elif gate and q["id"] in answers:
            counted[q["id"]] = answers[q["id"]]
    return counted, not_applicable


def explain(node: Mapping[str, Any], counted: Answers, na: set[str], lang: str) -> list[tuple[str, Any]]:
    """(reason, value) for the criteria that decide ``node``'s value, in reading order."""
    def leaf(n):
        value = criterion_value(n, counted, na)
        return value, [(n["reason"][lang], value)] if "reason" in n else []

    def group(n, key, results):
        value = combine(key, [v for v, _ in results])
        if "reason" in n:
            return value, [(n["reason"][lang], value)]
        if key == "not":
            return value, results[0][1]
        every = value is (key == "all")  # all true, or any false: every child counts
        return value, [pair for v, pairs in results if every or v == value for pair in pairs]
    return fold(node, leaf, group)[1]


def verdict(data: Mapping[str, Any], program: Mapping[str, Any], answers: Answers,
            lang: str) -> dict[str, Any]:
    """``{"verdict": likely|maybe|not, "reasons": [[reason, true|false|null], ...]}``, and with a
    ``maybe`` of a program whose rule leaves published criteria unasked, ``"unchecked": [text, ...]``."""
    ui = data["ui"][lang]
    unpublished = [ui["unpublished"], None]
    if not program["offered"]:
        return {"verdict": NOT, "reasons": [[ui["ended"], False]]}
    if program["rule"] is None:
        return {"verdict": MAYBE, "reasons": [unpublished]}
    counted, na = effective(data, answers)
    value = evaluate(program["rule"], counted, na)
    reasons = [[text, v] for text, v in explain(program["rule"], counted, na, lang)]
    unchecked = [text[lang] for text in program["unchecked"]]
    if program["published"] and not unchecked:
        return {"verdict": {True: LIKELY, False: NOT, None: MAYBE}[value], "reasons": reasons}
    if program["published"]:  # criteria the rule does not ask: at most "maybe", and they are named
        return {"verdict": NOT, "reasons": reasons} if value is False else \
            {"verdict": MAYBE, "reasons": reasons, "unchecked": unchecked}
    # Unpublished criteria: the rule only says whom the sources name; never "likely".
    return {"verdict": NOT, "reasons": reasons} if value is False else \
        {"verdict": MAYBE, "reasons": reasons + [unpublished]}


def verdicts(data: Mapping[str, Any], answers: Answers, lang: str) -> dict[str, dict[str, Any]]:
    return {p["slug"]: verdict(data, p, answers, lang) for p in data["programs"]}


def pending(node: Mapping[str, Any], counted: Answers, na: set[str]) -> set[str]:
    """Unanswered questions that could still change the value of ``node``."""
    def leaf(n):
        value = criterion_value(n, counted, na)
        return value, {n["question"]} if value is None else set()

    def group(n, key, results):
        value = combine(key, [v for v, _ in results])
        return value, set().union(*(p for _, p in results)) if value is None else set()
    return fold(node, leaf, group)[1]


def next_question(data: Mapping[str, Any], answers: Answers) -> str | None:
    """The first question not yet asked that can change some program's verdict or is for help, or None."""
    counted, na = effective(data, answers)
    needed = {q["id"] for q in data["questions"] if q.get("for_help")}
    for p in data["programs"]:
        if p["offered"] and p["rule"] is not None:
            needed |= pending(p["rule"], counted, na)
    for q in reversed(data["questions"]):  # a needed question needs the ones its ask_if names
        if q["id"] in needed and q["ask_if"] is not None:
            needed |= pending(q["ask_if"], counted, na)
    for q in data["questions"]:
        if q["id"] in needed and q["id"] not in answers and q["id"] not in na:
            gate = True if q["ask_if"] is None else evaluate(q["ask_if"], counted, na)
            if gate:
                return q["id"]
    return None


def interview(data: Mapping[str, Any], answers: Answers) -> tuple[list[str], dict[str, Any]]:
    """The questions a reader answering ``answers`` is asked (others: "don't know"), in order."""
    given: dict[str, Any] = {}
    asked: list[str] = []
    while (qid := next_question(data, given)) is not None:
        asked.append(qid)
        given[qid] = answers.get(qid)
    return asked, given
