"""The eligibility checker's data: questions and program rules compiled to one JSON document.

The same document drives two evaluators that must agree: :mod:`portal.content.evaluator` (used by
the validator's cases, the policy checks, tests and tools) and ``docs/assets/portal/checker.js``
(the reader's browser).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

from portal.content.evaluator import offered
from portal.content.model import Content
from portal.content.rules import COMBINATORS, fold
from portal.site.render import Renderer, status_text
from portal.site.strings import Strings
from portal.site.urls import ELIGIBILITY_DATA, country_path, procedure_path, program_path

CHECKER_JS = Path(__file__).resolve().parents[3] / "docs" / "assets" / "portal" / "checker.js"
"""The checker's JavaScript (the budget is 10 KB gzipped; `make bench` measures this file)."""

UI_KEYS = ("next", "back", "dont_know", "yes", "no", "number_error", "choose_error",
           "results", "likely", "maybe", "not", "unpublished", "ended", "documents",
           "documents_intro", "print", "restart", "answers", "change", "unknown", "question_n", "villages",
           "where", "print_estimate", "print_date", "print_answers",
           "share_heading", "share_results", "share_answers", "share_answers_note", "help", "help_intro", "guides",
           "unchecked", "registration")


def compile_data(content: Content, strings: Mapping[str, Strings]) -> dict[str, Any]:
    """The checker document: language-neutral rules, with texts per language."""
    renderers = {lang: Renderer(lang, content, strings[lang]) for lang in content.languages}

    def plain(text) -> dict[str, str] | None:
        return None if text is None else {lang: r.plain(text) for lang, r in renderers.items()}

    def html(text) -> dict[str, str] | None:
        return None if text is None else {lang: r.inline(text) for lang, r in renderers.items()}

    def own(node: Mapping[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in node.items() if k not in ("reason", "sources", *COMBINATORS)}
        return {**out, "reason": html(node["reason"])} if "reason" in node else out

    def rule(node: Mapping[str, Any]) -> dict[str, Any]:
        return fold(node, own, lambda n, key, kids: {**own(n), key: kids[0] if key == "not" else kids})

    def villages(org: str | None) -> list[str]:
        found = content.organization_index[org].villages if org else ()
        return [v.name + (f" ({v.kecamatan})" if v.kecamatan else "") for v in found]

    questions = [{
        "id": q.id, "type": q.type, "for_help": q.for_help, "text": plain(q.text), "help": html(q.help),
        "unit": plain(q.unit),
        "min": q.min, "max": q.max, "ask_if": q.ask_if,
        "options": [{"value": o.value, "label": plain(o.label)} for o in q.options],
        "villages": villages(q.villages_from),
    } for q in content.questions]
    programs = [{
        "slug": p.slug, "path": program_path(p.slug), "status": p.status.value,
        "offered": offered(p),
        "published": p.eligibility.criteria_published,
        "rule": rule(p.eligibility.rule) if p.eligibility.rule is not None else None,
        "unchecked": [html(u.text) for u in p.eligibility.unchecked],
        "registration": html(p.eligibility.registration.text) if p.eligibility.registration else None,
        "title": plain(p.title),
        "status_text": {lang: status_text(r, p) for lang, r in renderers.items()},
        "decided_by": html(p.eligibility.decided_by),
        "documents": [html(d) for d in p.documents],
        "where": {lang: [r.plain(content.organization_index[o].name) for o in p.where] for lang, r in renderers.items()},
    } for p in content.programs]
    policy = content.policy

    def readers(audience: tuple[str, ...]) -> list[str] | None:
        """The answers to the policy's audience question that readers of ``audience`` give (None: any)."""
        if policy is None:
            return None
        return sorted({answer for group in audience for answer in policy.audience_answers.get(group, ())})

    titles = {p.slug: p.title for p in content.procedures}
    help_pages = [{  # where to get help, shown with the results to the readers each procedure is for
        "path": procedure_path(p.slug), "title": plain(p.title), "answers": readers(p.audience),
        "contacts": {lang: r.contacts(p.contacts) for lang, r in renderers.items()},
    } for p in content.procedures if p.contacts]
    countries = [{  # the lines of the country a reader names (a country question), shown first
        "slug": c.slug, "path": country_path(c.slug), "title": plain(c.name),
        "contacts": {lang: r.contacts(c.contacts, notes=False) for lang, r in renderers.items()},
    } for c in content.countries] if any(q.for_help for q in content.questions) else []
    guides = [{  # the procedures a situation names, for the readers in it (issue 32)
        "answers": readers((s.audience,)), "procedures": [{"path": procedure_path(slug), "title": plain(titles[slug])}
                                                          for slug in s.procedures],
    } for s in content.situations if s.procedures]
    ui = {lang: {key: strings[lang](f"checker.{key}") for key in UI_KEYS} for lang in content.languages}
    rules_date = max((p.last_reviewed for p in content.programs), default=None)
    for lang in content.languages:  # shown by the checker, so that a kept copy says how old it is
        ui[lang]["rules_date"] = (strings[lang]("checker.rules_date", date=strings[lang].long_date(rules_date))
                                  if rules_date else "")
    return {"version": 1, "languages": list(content.languages), "questions": questions,
            "programs": programs, "help": help_pages, "countries": countries, "guides": guides, "help_question": policy.audience_question if policy else None,
            "ui": ui, "rules_date": rules_date.isoformat() if rules_date else None}


def dumps(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write(data: Mapping[str, Any], site_dir: Path) -> Path:
    path = site_dir / ELIGIBILITY_DATA
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(data), encoding="utf-8")
    return path
