"""The eligibility checker's data: questions and program rules compiled to one JSON document.

The same document drives two evaluators that must agree: this module (used by tests and
tools) and ``docs/assets/portal/checker.js`` (the reader's browser). Both implement:

- ``effective``: which answers count (a question whose ``ask_if`` is false does not apply);
- ``verdict``: ``likely`` / ``maybe`` / ``not`` per program, with the reasons behind it. A
  program whose criteria are unpublished is never ``likely``: its rule (whom the sources name,
  e.g. "lives in Banyuwangi") can only make it ``not``;
- ``next_question``: the next question that can still change some verdict.

Answers map question ids to values; ``None`` means "I don't know" (asked, no answer).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

from portal.content.model import Content, Program
from portal.content.rules import evaluate
from portal.site.render import Renderer, status_text
from portal.site.strings import Strings
from portal.site.urls import ELIGIBILITY_DATA, program_path

"""URL folder of the checker page in each language."""
CHECKER_JS = Path(__file__).resolve().parents[3] / "docs" / "assets" / "portal" / "checker.js"
"""The checker's JavaScript (the budget is 10 KB gzipped; `make bench` measures this file)."""
"""Where the compiled document is written, relative to the site directory."""

LIKELY, MAYBE, NOT = "likely", "maybe", "not"
UI_KEYS = ("next", "back", "dont_know", "yes", "no", "number_error", "choose_error",
           "results", "likely", "maybe", "not", "unpublished", "ended", "documents",
           "documents_intro", "print", "restart", "answers", "change", "unknown", "question_n", "villages",
           "where", "print_estimate", "print_date", "print_answers")

Answers = Mapping[str, Any]


def offered(program: Program) -> bool:
    """Ended programs are never offered as eligible."""
    return program.status.value != "ended"


def compile_data(content: Content, strings: Mapping[str, Strings]) -> dict[str, Any]:
    """The checker document: language-neutral rules, with texts per language."""
    renderers = {lang: Renderer(lang, content, strings[lang]) for lang in content.languages}

    def plain(text) -> dict[str, str] | None:
        return None if text is None else {lang: r.plain(text) for lang, r in renderers.items()}

    def html(text) -> dict[str, str] | None:
        return None if text is None else {lang: r.inline(text) for lang, r in renderers.items()}

    def rule(node: Mapping[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in node.items() if k not in ("reason", "sources", "all", "any", "not")}
        for key in ("all", "any"):
            if key in node:
                out[key] = [rule(child) for child in node[key]]
        if "not" in node:
            out["not"] = rule(node["not"])
        if "reason" in node:
            out["reason"] = html(node["reason"])
        return out

    def villages(org: str | None) -> list[str]:
        found = content.organization_index[org].villages if org else ()
        return [v.name + (f" ({v.kecamatan})" if v.kecamatan else "") for v in found]

    questions = [{
        "id": q.id, "type": q.type, "text": plain(q.text), "help": html(q.help), "unit": plain(q.unit),
        "min": q.min, "max": q.max, "ask_if": q.ask_if,
        "options": [{"value": o.value, "label": plain(o.label)} for o in q.options],
        "villages": villages(q.villages_from),
    } for q in content.questions]
    programs = [{
        "slug": p.slug, "path": program_path(p.slug), "status": p.status.value,
        "offered": offered(p),
        "published": p.eligibility.criteria_published,
        "rule": rule(p.eligibility.rule) if p.eligibility.rule is not None else None,
        "title": plain(p.title),
        "status_text": {lang: status_text(r, p) for lang, r in renderers.items()},
        "decided_by": html(p.eligibility.decided_by),
        "documents": [html(d) for d in p.documents],
        "where": {lang: [r.plain(content.organization_index[o].name) for o in p.where] for lang, r in renderers.items()},
    } for p in content.programs]
    ui = {lang: {key: strings[lang](f"checker.{key}") for key in UI_KEYS} for lang in content.languages}
    return {"version": 1, "languages": list(content.languages), "questions": questions,
            "programs": programs, "ui": ui}


def dumps(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write(data: Mapping[str, Any], site_dir: Path) -> Path:
    path = site_dir / ELIGIBILITY_DATA
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(data), encoding="utf-8")
    return path


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
    value = evaluate(node, counted, na)
    if "reason" in node:
        return [(node["reason"][lang], value)]
    if "not" in node:
        return explain(node["not"], counted, na, lang)
    if "question" in node:
        return []
    key = "all" if "all" in node else "any"
    every = value is (key == "all")  # all true, or any false: every child counts
    return [pair for child in node[key] if every or evaluate(child, counted, na) == value
            for pair in explain(child, counted, na, lang)]


def verdict(data: Mapping[str, Any], program: Mapping[str, Any], answers: Answers,
            lang: str) -> dict[str, Any]:
    """``{"verdict": likely|maybe|not, "reasons": [[reason, true|false|null], ...]}``."""
    ui = data["ui"][lang]
    unpublished = [ui["unpublished"], None]
    if not program["offered"]:
        return {"verdict": NOT, "reasons": [[ui["ended"], False]]}
    if program["rule"] is None:
        return {"verdict": MAYBE, "reasons": [unpublished]}
    counted, na = effective(data, answers)
    value = evaluate(program["rule"], counted, na)
    reasons = [[text, v] for text, v in explain(program["rule"], counted, na, lang)]
    if program["published"]:
        return {"verdict": {True: LIKELY, False: NOT, None: MAYBE}[value], "reasons": reasons}
    # Unpublished criteria: the rule only says whom the sources name; never "likely".
    return {"verdict": NOT, "reasons": reasons} if value is False else \
        {"verdict": MAYBE, "reasons": reasons + [unpublished]}


def verdicts(data: Mapping[str, Any], answers: Answers, lang: str) -> dict[str, dict[str, Any]]:
    return {p["slug"]: verdict(data, p, answers, lang) for p in data["programs"]}


def pending(node: Mapping[str, Any], counted: Answers, na: set[str]) -> set[str]:
    """Unanswered questions that could still change the value of ``node``."""
    if evaluate(node, counted, na) is not None:
        return set()
    if "question" in node:
        return {node["question"]}
    children = node.get("all") or node.get("any") or [node["not"]]
    return set().union(*(pending(child, counted, na) for child in children))


def next_question(data: Mapping[str, Any], answers: Answers) -> str | None:
    """The first question not yet asked that can change some program's verdict, or None."""
    counted, na = effective(data, answers)
    needed: set[str] = set()
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
