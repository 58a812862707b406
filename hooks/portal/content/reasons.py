"""E-REASON: a reason the checker shows restates the reader's answer to its own question.

A reason is shown beside the answer it stands on (issue 33): "You want to work abroad (again)"
under "I have come back from working abroad" states an intention the reader never gave. What can
be checked mechanically is checked here, in every language:

- a criterion on a number question names its number ("at least 18" → "18");
- a criterion on a choice question names every option it accepts, by a word only that option's
  label has ("purna PMI", "returnee"); accepting an option and every one after it ("SMP or
  higher") may name the first alone;
- a criterion on a yes/no question shares a word with the question, and ``equals: false`` says
  "not" (tidak, belum, bukan …);
- a group's reason over number criteria on one question names each of their numbers.

A group's reason over several questions, or over a ``not``, cannot be checked so: it is listed by
:func:`unverifiable` for a person to read.
"""
from __future__ import annotations

import re
from typing import Any, Iterator, Mapping

from portal.content.model import Question
from portal.content.rules import ErrorSink, combinator, criteria, nodes

NEGATIONS = {"id": (" tidak ", " belum ", " bukan ", " tanpa "), "en": (" not ", " never ", " no ", " without ")}
"""Words that say a yes/no answer was "no"."""
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> set[str]:
    """The words of ``text`` that can tell answers apart: lower-case, three letters or more, or with a digit."""
    return {w for w in _WORD.findall(text.casefold()) if len(w) >= 3 or any(c.isdigit() for c in w)}


COMMON = {"anda", "apakah", "saya", "sudah", "yang", "atau", "dari", "untuk", "pernah", "dengan",
          "you", "your", "are", "have", "been", "ever", "with", "from", "the", "and", "does", "did"}
"""Words of a yes/no question that say nothing about what it asks."""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _options_named(question: Question, accepted: list[str], reason: str, lang: str) -> bool:
    """Each accepted option is named by a word of its label no other label has (a run to the last option: its first)."""
    values = list(question.option_values())
    if len(accepted) > 1 and values[-len(accepted):] == accepted:
        accepted = accepted[:1]
    labels = {o.value: words(o.label.get(lang, "")) for o in question.options}
    said = words(reason)
    for value in accepted:
        if value not in labels:  # an unknown option: E-OPTION
            continue
        others = set().union(*(w for v, w in labels.items() if v != value))
        if not (labels[value] - others) & said:
            return False
    return True


def _restates(node: Mapping[str, Any], question: Question, reason: str, lang: str) -> bool:
    """True when ``reason`` (in ``lang``) restates the answer the criterion ``node`` asks for."""
    op = next((k for k in ("at_least", "at_most", "equals", "in") if k in node), None)
    operands = node[op] if op == "in" and isinstance(node[op], list) else [node.get(op)]
    if question.type == "number":
        return all(_number(v) in reason for v in operands if isinstance(v, (int, float)) and not isinstance(v, bool))
    if question.type == "yes_no":
        said = words(reason)
        shares = bool((words(question.text.get(lang, "")) - COMMON) & said)
        spaced = " " + " ".join(_WORD.findall(reason.casefold())) + " "
        negated = any(n in spaced for n in NEGATIONS.get(lang, ())) or "n't" in reason.casefold()
        return shares and (negated or node.get("equals") is not False)
    return op not in ("equals", "in") or _options_named(question, [v for v in operands if isinstance(v, str)],
                                                         reason, lang)


def checkable(node: Mapping[str, Any], questions: Mapping[str, Question]) -> list[Mapping[str, Any]] | None:
    """The criteria whose answers a reason on ``node`` must restate, or None when that cannot be
    checked mechanically (a group over several questions, a ``not``, a group over choices)."""
    if combinator(node) is None:
        return [node] if node["question"] in questions else None
    if combinator(node) == "not":
        return None
    leaves = criteria(node)
    asked = {leaf["question"] for leaf in leaves}
    question = questions.get(asked.pop()) if len(asked) == 1 else None
    if question is not None and question.type == "number" and all(combinator(n) != "not" for _, n in nodes(node, ())):
        return leaves
    return None


def check(rule: Mapping[str, Any], path: tuple, questions: Mapping[str, Question], report: ErrorSink) -> None:
    """Report (E-REASON) each reason of ``rule`` that, in some language, does not restate its answer."""
    for at, node in nodes(rule, path):
        leaves = checkable(node, questions) if "reason" in node else None
        for lang, reason in (node.get("reason") or {}).items():
            if leaves is None:
                continue
            bad = [leaf for leaf in leaves if not _restates(leaf, questions[leaf["question"]], reason, lang)]
            if bad:
                qid = bad[0]["question"]
                report(at + ("reason", lang), "E-REASON",
                       f"alasan ini harus menyebut jawaban pembaca atas pertanyaan '{qid}' (pilihan, angka, "
                       f"atau kata pertanyaannya; 'tidak' untuk jawaban tidak), bukan hal yang tidak ditanyakan",
                       f"this reason must restate the reader's answer to question '{qid}' (its option, number or "
                       "the question's words; 'not' for a no), not something the reader was not asked")


def unverifiable(rule: Mapping[str, Any] | None, questions: Mapping[str, Question]
                 ) -> Iterator[tuple[tuple, Mapping[str, Any]]]:
    """(path, node) of each reason :func:`check` cannot check: a person reads these."""
    for at, node in nodes(rule):
        if "reason" in node and checkable(node, questions) is None:
            yield at, node
