"""Pages by the reader's situation (issue 32): what that reader needs first, the checker, the guides
the content names, the programmes of its audience that run, and the ended ones apart and below; the
validator's rules for situations."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from portal.content.errors import ContentInvalid
from portal.content.validator import load_content
from portal.site.config import Options
from portal.site.pages import build_pages
from portal.site.strings import load_strings

from conftest import FIXTURE_DATA, FIXTURE_TODAY, REAL_UI, ROOT
from content_edits import LANGS, TODAY, line_of, replace

STRINGS = load_strings(REAL_UI, LANGS)
DAY = dt.date.fromisoformat(FIXTURE_TODAY)
ABROAD = "situations/bekerja-di-luar-negeri.yaml"
GOING = "situations/ingin-bekerja-ke-luar-negeri.yaml"


def headings(html: str) -> list[str]:
    return re.findall(r'<h2 id="([a-z_]+)"', html)


def test_a_situation_page_puts_first_things_first_and_ended_programmes_apart():
    """Melati (for families) has ended: the family page lists it below, apart, never among the
    programmes that run; the other situations' pages do not list it at all."""
    content = load_content(FIXTURE_DATA, LANGS, today=DAY, root=ROOT)
    ended = next(p for p in content.programs if p.slug == "melati")
    ended = dataclasses.replace(ended, status=dataclasses.replace(ended.status, value="ended"))
    content = dataclasses.replace(content, programs=tuple(ended if p.slug == "melati" else p for p in content.programs))
    pages = build_pages(content, STRINGS, Options(), DAY)
    for situation in content.situations:
        for lang in LANGS:
            html = pages[f"situasi/{situation.slug}.{lang}.md"]
            order = headings(html)
            assert order[0] == "first" and "current_programs" in order, (situation.slug, lang)
            first = html[html.index('id="first"'):html.index('id="current_programs"')]
            assert 'href="../../cek/"' in first  # the checker, before the programmes
            for guide in situation.procedures:
                assert f'href="../../prosedur/{guide}/"' in first, guide
            running = html[html.index('id="current_programs"'):]
            running = running[:running.index('id="ended_programs"')] if "ended_programs" in order else running
            for p in content.programs:
                link = f'href="../../program/{p.slug}/"'
                if situation.audience not in p.audience:
                    assert link not in html, (situation.slug, p.slug)
                elif p.slug == "melati":
                    assert link not in running and link in html[html.index('id="ended_programs"'):], lang
                else:
                    assert link in running, (situation.slug, p.slug)
            assert ("ended_programs" in order) == (situation.audience in ended.audience), situation.slug


def test_the_home_page_lists_the_situations_in_audience_order_then_help():
    content = load_content(FIXTURE_DATA, LANGS, today=DAY, root=ROOT)
    pages = build_pages(content, STRINGS, Options(), DAY)
    for lang in LANGS:
        html = pages[f"index.{lang}.md"]
        block = html[html.index('class="pmi-situations"'):html.index("</ul>")]
        links = re.findall(r'href="([^"]+)"', block)
        assert links == ["situasi/ingin-bekerja-ke-luar-negeri/", "situasi/bekerja-di-luar-negeri/",
                         "situasi/sudah-pulang/", "situasi/keluarga-pmi/", "bantuan/"], lang


def errors_of(data):
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    return info.value.errors


@pytest.mark.parametrize("edit, file, needle, field, code", [
    (replace("audience: pmi", "audience: calon_pmi", ABROAD), ABROAD, "audience:", "audience", "E-DUPLICATE"),
    (replace("procedures: [jalur-resmi]", "procedures: [jalur-resmii]", GOING), GOING, "procedures:", "procedures[0]",
     "E-REF"),
    (replace("    en: In trouble? Open [Emergency help](../../bantuan/).",
             "    en: In trouble? Open [Emergency help](../../bantuan/)." + " And more." * 20, ABROAD),
     ABROAD, "    en: In trouble?", "first[0].en", "E-NOW-LONG"),
    (replace("audience: pmi", "audience: pekerja", ABROAD), ABROAD, "audience:", "audience", "E-ENUM"),
    (replace("(../../negara/)", "(../../situasi/tidak-ada/)", ABROAD), ABROAD, "(../../negara/)",
     "first[1].id", "E-LINK"),
])
def test_bad_situations_are_located(data, edit, file, needle, field, code):
    edit(data)
    duplicate = code == "E-DUPLICATE"  # reported on the second file that has it, naming the first
    errors = [e for e in errors_of(data) if e.code == code and (duplicate or e.file == f"data/{file}")]
    assert errors, code
    assert errors[0].field == field and (duplicate or errors[0].line == line_of(needle, file)), errors[0]
    if duplicate:
        files = {f"data/{ABROAD}", f"data/{GOING}"}
        assert errors[0].file in files and "calon_pmi" in errors[0].message_en
        assert f"also in {(files - {errors[0].file}).pop()}" in errors[0].message_en
    assert errors[0].message_id != errors[0].message_en
