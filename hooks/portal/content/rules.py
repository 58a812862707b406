"""Eligibility rules: structural checks against the questions, and evaluation.

A rule is ``{all: [...]}``, ``{any: [...]}``, ``{not: rule}`` or a criterion
``{question: id, equals|in|at_least|at_most: value, reason: text, sources: [...]}``.
A combinator may carry the ``reason`` (and ``sources``) for its whole group, e.g. one line
"You are 18–39 years old" for ``{all: [umur >= 18, umur <= 39]}``; its criteria then need none.
Evaluation is three-valued: True, False, or None when an answer is missing. A question that
does not apply to the reader (its ``ask_if`` is false) makes its criteria false.
"""
from __future__ import annotations

from typing import Any, Callable, Collection, Iterator, Mapping, TypeVar

from portal.content.model import Question
from portal.content.schema import did_you_mean

COMBINATORS = ("all", "any", "not")
OPERATORS = ("equals", "in", "at_least", "at_most")

T = TypeVar("T")

ErrorSink = Callable[[tuple, str, str, str], None]
"""Called as sink(path, code, message_id, message_en)."""


def check_rule(rule: Mapping[str, Any], path: tuple, questions: Mapping[str, Question],
               report: ErrorSink, need_reason: bool = True) -> None:
    """Report every structural or type problem of ``rule`` (already schema-valid), top-down.

    A group that carries a ``reason`` covers its criteria (they need none); the walk does not go
    into a node with a structural error.
    """
    stopped: set[tuple] = set()  # nodes not walked into
    covering: list[tuple] = []  # groups whose reason covers every node under them
    for at, node in nodes(rule, path, enter=lambda at, node: at not in stopped):
        needs = need_reason and not any(at[:len(group)] == group for group in covering)
        if not _check_node(node, at, questions, report, needs):
            stopped.add(at)
        elif combinator(node) is not None and "reason" in node:
            covering.append(at)


def _check_node(rule: Mapping[str, Any], path: tuple, questions: Mapping[str, Question],
                report: ErrorSink, need_reason: bool) -> bool:
    """Report the problems of one node; False when it is malformed (its children are not checked)."""
    combinators = [k for k in COMBINATORS if k in rule]
    operators = [k for k in OPERATORS if k in rule]
    if combinators:
        if len(combinators) > 1 or operators or "question" in rule:
            report(path, "E-RULE", "satu aturan hanya boleh memakai satu dari all/any/not/question",
                   "a rule may use only one of all/any/not/question")
            return False
        if need_reason and "reason" in rule and "sources" not in rule:
            report(path + ("sources",), "E-MISSING", "kolom wajib 'sources' belum diisi",
                   "required field 'sources' is missing")
        return True
    if "question" not in rule:
        report(path, "E-RULE", "aturan harus punya all, any, not atau question",
               "a rule needs all, any, not or question")
        return False
    qid = rule["question"]
    if qid not in questions:
        hint_id, hint_en = did_you_mean(qid, questions)
        report(path + ("question",), "E-REF", f"pertanyaan '{qid}' tidak dikenal{hint_id}",
               f"unknown question '{qid}'{hint_en}")
        return False
    if len(operators) != 1:
        report(path, "E-RULE", "syarat harus punya tepat satu dari equals, in, at_least, at_most",
               "a criterion needs exactly one of equals, in, at_least, at_most")
        return False
    if need_reason:
        for key in ("reason", "sources"):
            if key not in rule:
                report(path + (key,), "E-MISSING", f"kolom wajib '{key}' belum diisi",
                       f"required field '{key}' is missing")
    _check_operand(questions[qid], operators[0], rule[operators[0]], path + (operators[0],), report)
    return True


def _check_operand(question: Question, op: str, operand: Any, path: tuple, report: ErrorSink) -> None:
    values = operand if op == "in" else [operand]
    if question.type == "number":
        for i, v in enumerate(values):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                at = path + (i,) if op == "in" else path
                report(at, "E-RULE-TYPE", f"pertanyaan '{question.id}' berupa angka; '{v}' bukan angka",
                       f"question '{question.id}' is a number; '{v}' is not a number")
        return
    if op in ("at_least", "at_most"):
        report(path, "E-RULE-TYPE", f"{op} hanya untuk pertanyaan angka; '{question.id}' bukan angka",
               f"{op} is only for number questions; '{question.id}' is not a number")
        return
    if question.type == "yes_no":
        if op != "equals" or not isinstance(operand, bool):
            report(path, "E-RULE-TYPE", f"pertanyaan ya/tidak '{question.id}': pakai equals: true atau false",
                   f"yes/no question '{question.id}': use equals: true or false")
        return
    options = question.option_values()
    for i, v in enumerate(values):
        if v not in options:
            at = path + (i,) if op == "in" else path
            hint_id, hint_en = did_you_mean(v, options)
            report(at, "E-OPTION", f"pilihan '{v}' tidak ada di pertanyaan '{question.id}'{hint_id}; "
                   f"pilihan: {', '.join(options)}",
                   f"question '{question.id}' has no option '{v}'{hint_en}; options: {', '.join(options)}")


def combinator(rule: Mapping[str, Any]) -> str | None:
    """'all', 'any' or 'not' for a group, None for a criterion."""
    return next((key for key in COMBINATORS if key in rule), None)


def fold(rule: Mapping[str, Any], leaf: Callable[[Mapping[str, Any]], T],
         group: Callable[[Mapping[str, Any], str, list[T]], T]) -> T:
    """The rule bottom-up: ``leaf(criterion)``, and ``group(node, key, results)`` for a group
    (``key`` 'all', 'any' or 'not') with its children's results in order, called in the order of a
    recursive walk (children first, in reading order). Evaluation, explanation, the checker's data
    and the checklist are folds; built on :func:`walk`."""
    results: dict[tuple, T] = {}
    for event, at, node in walk(rule):
        if event == "leave":
            key = combinator(node)
            results[at] = leaf(node) if key is None else \
                group(node, key, [results[at + step] for step, _ in _branches(node, key)])
    return results[()]


def _branches(rule: Mapping[str, Any], key: str) -> list[tuple[tuple, Mapping[str, Any]]]:
    """(path step, child) for each child of a group under ``key``: ``('not',)``, or ``('all', i)`` …"""
    return [((key,), rule[key])] if key == "not" else [((key, i), child) for i, child in enumerate(rule[key])]


def combine(key: str, results: list[bool | None]) -> bool | None:
    """A group's value from its children's (three-valued)."""
    if key == "all":
        return False if False in results else (None if None in results else True)
    if key == "any":
        return True if True in results else (None if None in results else False)
    return None if results[0] is None else not results[0]


def criterion_value(rule: Mapping[str, Any], answers: Mapping[str, Any],
                    not_applicable: Collection[str] = ()) -> bool | None:
    """A criterion's value: None without an answer, False when its question does not apply."""
    if rule["question"] in not_applicable:
        return False
    answer = answers.get(rule["question"])
    if answer is None:
        return None
    if "equals" in rule:
        return answer == rule["equals"]
    if "in" in rule:
        return answer in rule["in"]
    if "at_least" in rule:
        return answer >= rule["at_least"]
    return answer <= rule["at_most"]


def evaluate(rule: Mapping[str, Any], answers: Mapping[str, Any],
             not_applicable: Collection[str] = ()) -> bool | None:
    """True, False, or None when the answers given cannot decide.

    Criteria on a question in ``not_applicable`` are false.
    """
    return fold(rule, lambda node: criterion_value(node, answers, not_applicable),
                lambda node, key, results: combine(key, results))


def criteria(rule: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The criteria (leaves) of ``rule``, in reading order."""
    return fold(rule, lambda node: [node], lambda node, key, results: [leaf for r in results for leaf in r])


def walk(rule: Mapping[str, Any], path: tuple = (),
         enter: Callable[[tuple, Mapping[str, Any]], bool] | None = None
         ) -> Iterator[tuple[str, tuple, Mapping[str, Any]]]:
    """The one recursive walk over a rule: ``("enter", path, node)`` before a node's children and
    ``("leave", path, node)`` after them, from ``path``. ``enter(path, node)``, asked once the
    "enter" event has been handled, says whether to walk into the node's children (default: always).
    Every combinator present is followed, so a rule not yet checked is seen whole (one with two is an
    error). :func:`nodes`, :func:`check_rule` and :func:`fold` are built on it."""
    yield "enter", path, rule
    if enter is None or enter(path, rule):
        for key in COMBINATORS:
            if key in rule:
                for step, child in _branches(rule, key):
                    yield from walk(child, path + step, enter)
    yield "leave", path, rule


def nodes(rule: Mapping[str, Any] | None, path: tuple = ("eligibility", "rule"),
          enter: Callable[[tuple, Mapping[str, Any]], bool] | None = None
          ) -> Iterator[tuple[tuple, Mapping[str, Any]]]:
    """Every node of ``rule`` (criteria and groups) with its path, from ``path``, top-down
    (``enter`` as for :func:`walk`); none for no rule."""
    if rule is not None:
        yield from ((at, node) for event, at, node in walk(rule, path, enter) if event == "enter")
