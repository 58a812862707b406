"""Rules checked against the policy (``data/policy.yaml``) and the questions.

- Every program of a kind (``kind: placement``) implies each policy rule for that kind: no
  reader who fails the policy's criterion (e.g. younger than 18) gets "likely" or "maybe".
  Checked by asking the checker itself, with only that one question answered, for every answer
  that fails the criterion (one per stretch of numbers where a verdict could change).
- Every question is used by some program rule, an ``ask_if`` or the policy.
- Every question a rule uses can be asked of every reader the program's audience includes.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

from portal.content import evaluator
from portal.content.cases import decision_data
from portal.content.model import Content, Program, Question
from portal.content.rules import evaluate, nodes

Report = Callable[[tuple, str, str, str], None]
RULE = ("eligibility", "rule")


def _values(criterion: Mapping[str, Any]) -> list:
    for op in ("at_least", "at_most", "equals"):
        if op in criterion:
            return [criterion[op]]
    return list(criterion.get("in", ()))


def failing_answers(require: Mapping[str, Any], question: Question, rule: Mapping[str, Any] | None) -> list:
    """Answers to ``require``'s question that fail it: for a number, one at each limit any
    criterion on it names and one inside each stretch between them (where verdicts are constant)."""
    if question.type == "yes_no":
        candidates: list = [True, False]
    elif question.type == "choice":
        candidates = list(question.option_values())
    else:
        cuts = sorted({v for _, n in nodes(rule) if n.get("question") == question.id for v in _values(n)}
                      | set(_values(require)))
        candidates = [cuts[0] - 1, *cuts, *((a + b) / 2 for a, b in zip(cuts, cuts[1:])), cuts[-1] + 1]
        candidates = [x for x in candidates if (question.min is None or x >= question.min)
                      and (question.max is None or x <= question.max)]
    return [x for x in candidates if evaluate(require, {question.id: x}) is False]


def _describe(require: Mapping[str, Any]) -> tuple[str, str]:
    q = require["question"]
    for op, word_id, word_en in (("at_least", "paling sedikit", "at least"), ("at_most", "paling banyak", "at most"),
                                 ("equals", "sama dengan", "equal to"), ("in", "salah satu dari", "one of")):
        if op in require:
            return f"{q} {word_id} {require[op]}", f"{q} {word_en} {require[op]}"
    return q, q


def check_programs(content: Content, report_for: Callable[[Program], Report]) -> None:
    """Each program of a kind gives no reader who fails a policy rule for that kind 'likely' or 'maybe'."""
    if content.policy is None:
        return
    questions = {q.id: q for q in content.questions}
    data = decision_data(content)
    programs = {p["slug"]: p for p in data["programs"]}
    for program in content.programs:
        for rule in content.policy.rules:
            if program.kind != rule.applies_to:
                continue
            question = questions[rule.require["question"]]
            for answer in failing_answers(rule.require, question, program.eligibility.rule):
                got = evaluator.verdict(data, programs[program.slug], {question.id: answer},
                                          content.default_language)["verdict"]
                if got == evaluator.NOT:
                    continue
                sources = ", ".join(rule.sources)
                crit_id, crit_en = _describe(rule.require)
                text_id = rule.text[content.default_language]
                text_en = rule.text.get("en", text_id)
                report_for(program)(
                    RULE if program.eligibility.rule is not None else ("kind",), "E-POLICY",
                    f"program kind '{program.kind}' wajib mensyaratkan {crit_id} (data/policy.yaml, aturan "
                    f"'{rule.id}': {text_id} Sumber: {sources}); sekarang pembaca dengan {question.id} = {answer} "
                    f"mendapat '{got}'. Tambahkan syarat {{question: {question.id}, ...}} dengan sumber itu",
                    f"a programme of kind '{program.kind}' must require {crit_en} (data/policy.yaml, rule "
                    f"'{rule.id}': {text_en} Sources: {sources}); a reader with {question.id} = {answer} now gets "
                    f"'{got}'. Add the criterion {{question: {question.id}, ...}} with that source")
                break


def check_questions_used(content: Content, report_for_question: Callable[[int], Report]) -> None:
    """Every question is used by a program rule, an ``ask_if`` or the policy; a country question
    (:attr:`Question.for_help`) is asked for the help lines it puts first, not for a verdict."""
    used = {n["question"] for p in content.programs for _, n in nodes(p.eligibility.rule) if "question" in n}
    used |= {n["question"] for q in content.questions for _, n in nodes(q.ask_if) if "question" in n}
    if content.policy is not None:
        used |= {content.policy.audience_question} | {r.require["question"] for r in content.policy.rules}
    for i, q in enumerate(content.questions):
        if q.id not in used and not q.for_help:
            report_for_question(i)((i, "id"), "E-QUESTION-UNUSED",
                                   f"pertanyaan '{q.id}' tidak dipakai aturan program mana pun, ask_if, atau "
                                   "data/policy.yaml; pembaca menjawabnya tanpa hasil. Pakai dalam aturan atau hapus",
                                   f"question '{q.id}' is used by no programme rule, ask_if or data/policy.yaml; "
                                   "readers answer it for nothing. Use it in a rule or remove it")


def check_askable(content: Content, report_for: Callable[[Program], Report]) -> None:
    """Every question a current program's rule uses is asked of each reader of its audience
    (unless the rule already rules that reader out, or the answer could not change the verdict,
    e.g. the other branch of an ``any`` the reader already meets)."""
    if content.policy is None:
        return
    data = decision_data(content)
    aq = content.policy.audience_question
    for program in content.programs:
        rule = program.eligibility.rule
        if rule is None or not evaluator.offered(program):
            continue
        reported: set[str] = set()
        for audience in program.audience:
            for answer in content.policy.audience_answers.get(audience, ()):
                counted, not_applicable = evaluator.effective(data, {aq: answer})
                if evaluate(rule, counted) is False:
                    continue
                for path, node in nodes(rule):
                    qid = node.get("question")
                    # not asked, and asking it could change this reader's verdict
                    if qid in not_applicable and qid not in reported and \
                            qid in evaluator.pending(rule, counted, not_applicable - {qid}):
                        reported.add(qid)
                        report_for(program)(
                            path + ("question",), "E-NOT-ASKED",
                            f"pertanyaan '{qid}' tidak pernah ditanyakan kepada pembaca dengan {aq} = {answer} "
                            f"(audience '{audience}' program ini, lihat data/policy.yaml); ubah 'ask_if' "
                            f"pertanyaan itu di data/questions.yaml atau 'audience' program ini",
                            f"question '{qid}' is never asked of readers with {aq} = {answer} (this programme's "
                            f"audience '{audience}', see data/policy.yaml); change that question's 'ask_if' in "
                            f"data/questions.yaml or this programme's 'audience'")
