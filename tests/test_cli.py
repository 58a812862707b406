"""scripts/portal.py: validate, new program, status, each with the exit code CI relies on."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from portal.checks.scaffold import is_left_to_fill, program_yaml
from portal.content.errors import ContentInvalid
from portal.content.validator import load_content

from conftest import FIXTURE_TODAY, ROOT, make_project, run_build
from content_edits import drop_cases_about

PORTAL = [sys.executable, str(ROOT / "scripts" / "portal.py")]


def portal(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the staff tool on the ``--data`` given (never the real content, which only the
    validator judges); the fixture data is judged on its own day unless ``env`` says otherwise."""
    assert "--data" in args or "--help" in args, "give --data: a test holds the fixture, not data/"
    return subprocess.run([*PORTAL, *args], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "PORTAL_TODAY": FIXTURE_TODAY, **(env or {})})


def test_help_is_in_indonesian_and_english():
    top = portal("--help").stdout
    assert "Alat staf Portal PMI" in top and "Portal PMI staff tool" in top
    for command in ("validate", "new", "status"):
        assert command in top
    status_help = " ".join(portal("status", "--help").stdout.split())
    assert "terjemahan yang belum ada" in status_help and "missing translations" in status_help
    assert "tidak pernah gagal" in status_help and "never fails" in status_help
    new_help = portal("new", "program", "--help").stdout
    assert "Buat data/programs/<SLUG>.yaml" in new_help and "Create data/programs/<SLUG>.yaml" in new_help


def test_validate_passes_on_good_content(data):
    result = portal("validate", "--data", str(data))
    assert result.returncode == 0, result.stderr
    programs = len(list((data / "programs").glob("*.yaml")))
    assert result.stdout.startswith(f"OK: {programs} program")


def test_validate_reports_every_error_and_exits_1(data):
    (data / "programs" / "melati.yaml").write_text(
        (data / "programs" / "melati.yaml").read_text(encoding="utf-8").replace("audience:", "audiens:"), encoding="utf-8")
    wenak = data / "programs" / "warung-naik-kelas.yaml"
    wenak.write_text(wenak.read_text(encoding="utf-8").replace("where: [pemkab-banyuwangi]", "where: [nowhere]"),
                     encoding="utf-8")
    result = portal("validate", "--data", str(data))
    assert result.returncode == 1
    assert "2 kesalahan isi ditemukan / 2 content error(s) found" in result.stderr
    assert "data/programs/melati.yaml:8: audiens [E-UNKNOWN-FIELD]" in result.stderr
    where_line = wenak.read_text(encoding="utf-8").splitlines().index("where: [nowhere]") + 1
    assert f"data/programs/warung-naik-kelas.yaml:{where_line}: where[0] [E-REF]" in result.stderr
    assert "Traceback" not in result.stderr


def test_make_validate_runs_the_tool():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "scripts/portal.py validate" in makefile


def fill_in(text: str, as_of: str = "2025-08") -> str:
    """A scaffolded program as CONTRIBUTING says to finish it: every placeholder replaced, every
    GANTI comment removed, the status dated."""
    text = text.replace("GANTI: ", "").replace("REPLACE: ", "").replace("as_of: null", f'as_of: "{as_of}"')
    return "\n".join(line.split("  # GANTI")[0] for line in text.splitlines()) + "\n"


def test_scaffold_has_every_program_field_and_only_placeholders_left_to_fill(data):
    import json
    text = program_yaml("bantuan-baru", "antara-jatim-2021-ipuk-pmi", dt.date(2026, 11, 1))
    assert text.startswith("# yaml-language-server: $schema=../../schema/program.schema.json\n")
    schema = json.loads((ROOT / "schema" / "portal.schema.json").read_text(encoding="utf-8"))
    for field in schema["$defs"]["program"]["properties"]:
        assert f"\n{field}:" in text or field == "translation_checked", field  # the web editor's button writes it
    path = data / "programs" / "bantuan-baru.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentInvalid) as exc:
        load_content(data, ("id", "en"), today=dt.date(2026, 11, 24), root=data.parent)
    left = exc.value.errors
    assert left and all(e.file == "data/programs/bantuan-baru.yaml" and is_left_to_fill(e) for e in left)
    assert {"title.id", "title.en", "audience", "status.as_of", "sources"} <= {e.field for e in left}
    path.write_text(fill_in(text), encoding="utf-8")
    content = load_content(data, ("id", "en"), today=dt.date(2026, 11, 24), root=data.parent)
    assert "bantuan-baru" in {p.slug for p in content.programs}


def test_the_scaffold_s_contact_example_passes_once_filled_in(data):
    """The commented contact example, uncommented and its '...' filled in, is a valid phone contact
    (it has the note a phone needs)."""
    text = fill_in(program_yaml("bantuan-baru", "antara-jatim-2021-ipuk-pmi", dt.date(2026, 11, 1)))
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Kontak")) + 1
    example = [line[2:].split("  # ")[0].rstrip() for line in lines[start:lines.index("contacts: []")]]
    filled = "\n".join(example).replace('value: "..."', 'value: "(0333) 424 123"').replace("id: ...", "id: Kantor desa")
    filled = filled.replace("en: ...", "en: Village office")
    path = data / "programs" / "bantuan-baru.yaml"
    path.write_text(text.replace("contacts: []", "contacts:\n" + filled), encoding="utf-8")
    content = load_content(data, ("id", "en"), today=dt.date(2026, 11, 24), root=data.parent)
    (program,) = [p for p in content.programs if p.slug == "bantuan-baru"]
    assert [c.kind for c in program.contacts] == ["phone"] and program.contacts[0].note


def test_new_program_lists_what_is_left_and_validate_refuses_it_until_done(data):
    result = portal("new", "program", "bantuan-baru", "--data", str(data), env={"PORTAL_TODAY": "2026-11-24"})
    assert result.returncode == 0, result.stderr
    path = data / "programs" / "bantuan-baru.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    title = lines.index("title:") + 2
    audience = next(i for i, line in enumerate(lines, 1) if line.startswith("audience:"))
    assert f"data/programs/bantuan-baru.yaml:{title}: title.id [E-PLACEHOLDER]" in result.stdout
    assert f"data/programs/bantuan-baru.yaml:{audience}: audience [E-PLACEHOLDER]" in result.stdout
    assert 'last_reviewed: "2026-11-24"' in lines  # the injected "today"
    refused = portal("validate", "--data", str(data))
    assert refused.returncode == 1 and "[E-PLACEHOLDER]" in refused.stderr and "Traceback" not in refused.stderr
    path.write_text(fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert portal("validate", "--data", str(data), env={"PORTAL_TODAY": "2026-11-24"}).returncode == 0


@pytest.mark.parametrize("english_summary", [True, False], ids=["translated", "no English summary"])
def test_new_program_made_as_contributing_says_builds_on_its_review_day(tmp_path, english_summary):
    """Whatever the date: the program is reviewed "today" and the build judges it on that same day."""
    today = dt.date(2031, 2, 3)  # any day; the build's "today" is injected like the scaffold's
    project = make_project(tmp_path / "p")
    text = fill_in(program_yaml("bantuan-baru", "antara-jatim-2021-ipuk-pmi", today))
    if not english_summary:
        text = text.replace('  en: "one-sentence summary"\n', "")
    (project / "data" / "programs" / "bantuan-baru.yaml").write_text(text, encoding="utf-8")
    result = run_build(project, env={"PORTAL_TODAY": today.isoformat()})
    assert result.returncode == 0, result.stderr
    english = (project / "site" / "en" / "program" / "bantuan-baru" / "index.html").read_text(encoding="utf-8")
    assert ("Not yet translated" in english) is not english_summary
    assert "one-sentence summary" in english or not english_summary


def test_new_program_refuses_bad_or_existing_slugs(data):
    bad = portal("new", "program", "Bantuan_Baru", "--data", str(data))
    assert bad.returncode == 2 and "huruf kecil" in bad.stderr and "lower-case" in bad.stderr
    taken = portal("new", "program", "melati", "--data", str(data))
    assert taken.returncode == 1 and "sudah ada / already exists" in taken.stderr
    # an old slug of another page: the file is not left behind
    wenak = data / "programs" / "warung-naik-kelas.yaml"
    wenak.write_text(wenak.read_text(encoding="utf-8") + "old_slugs: [wenak]\n", encoding="utf-8")
    clash = portal("new", "program", "wenak", "--data", str(data))
    assert clash.returncode == 1 and "E-DUPLICATE-SLUG" in clash.stderr
    assert not (data / "programs" / "wenak.yaml").exists()


def test_status_lists_translations_stale_pages_and_unpublished_criteria_and_never_fails(data):
    melati = data / "programs" / "melati.yaml"
    text = melati.read_text(encoding="utf-8")
    text = text.replace('  en: Melati ("teaching and training with heart")\n', "")
    text = text.replace('last_reviewed: "2026-11-24"', 'last_reviewed: "2020-01-15"')
    melati.write_text(text, encoding="utf-8")
    result = portal("status", "--data", str(data))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Terjemahan yang belum ada / Missing translations: 1\n  en: 1\n" in out
    assert ("data/programs/melati.yaml:2: title belum ada teks 'en'; tulis terjemahannya di baris 'en: ...' di bawah "
            "'id:' / no 'en' text yet; write the translation as 'en: ...' below 'id:'") in out
    assert "Perlu ditinjau ulang / Due for review: 1" in out
    assert "data/programs/melati.yaml:30: last_reviewed terakhir ditinjau 2020-01-15" in out
    unpublished = sum("criteria_published: false" in f.read_text(encoding="utf-8")
                      for f in (data / "programs").glob("*.yaml"))
    assert f"Syarat tidak diumumkan (info) / Criteria not published (for information): {unpublished}" in out
    # the same note on every such program is one line with a count and the files
    assert (f"  {unpublished}\u00d7 eligibility.criteria_published syarat tidak diumumkan" in out
            and ": desbumi, melati, warung-naik-kelas\n" in out)
    assert out.count("syarat tidak diumumkan") == 1


def test_a_glossary_term_without_sources_is_refused_by_validate_the_one_gate(data):
    """Once only ``status --strict`` failed on it, a second gate the web editor did not show."""
    pmi = data / "glossary" / "pmi.yaml"
    text = pmi.read_text(encoding="utf-8")
    pmi.write_text(text.replace("sources: [antara-jatim-2021-ipuk-pmi]\n", ""), encoding="utf-8")
    result = portal("validate", "--data", str(data))
    assert result.returncode == 1
    assert "data/glossary/pmi.yaml:2: sources [E-MISSING]" in result.stderr, result.stderr  # the line after the comment
    assert portal("status", "--data", str(data)).returncode == 1  # invalid content: no report


def test_status_puts_what_the_reader_risks_first(data):
    """Programs still claimed: running ones first, by the age of their newest status source (oldest
    first), one reviewed lately below the others; then translations that may not match, then
    missing translations, then overdue reviews (longest first), then the rest. Every line says
    what to do, in Indonesian words (no English status values)."""
    melati = data / "programs" / "melati.yaml"
    text = melati.read_text(encoding="utf-8").replace('  en: Melati ("teaching and training with heart")\n', "")
    text = text.replace("  id: Program pendampingan pendidikan", "  id: Program pendampingan sekolah")
    melati.write_text(text.replace('last_reviewed: "2026-11-24"', 'last_reviewed: "2020-01-15"'), encoding="utf-8")
    for name, reviewed in (("g-to-g-korea", "2019-05-01"), ("warung-naik-kelas", "2026-01-10")):
        path = data / "programs" / f"{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace('last_reviewed: "2026-11-24"',
                                                                 f'last_reviewed: "{reviewed}"'), encoding="utf-8")
    out = portal("status", "--data", str(data)).stdout.splitlines()
    assert out[0].startswith("Tinjau dulu: program yang masih disebut berjalan, sumber tertua dulu (info) / ")
    review = out[1:6]
    assert [line.split(":")[0].strip() for line in review] == [
        "data/programs/warung-naik-kelas.yaml",  # running, not reviewed for ten months
        "data/programs/melati.yaml", "data/programs/g-to-g-korea.yaml",  # announced, oldest source first
        "data/programs/desbumi.yaml", "data/programs/g-to-g-jepang.yaml"]  # running, but reviewed lately
    assert review[0] == ("  data/programs/warung-naik-kelas.yaml:11: status berjalan menurut sumber terbaru 2023-05-04 "
                         "(ditinjau 2026-01-10); periksa, lalu tambahkan sumber baru atau ubah status, dan perbarui "
                         "last_reviewed / running by its newest source 2023-05-04 (reviewed 2026-01-10); check, then "
                         "add a newer source or change the status, and update last_reviewed")
    assert not any("'active'" in line or "'announced'" in line for line in review)
    headings = [line.split(" / ")[0] for line in out if not line.startswith("  ")]
    assert headings == ["Tinjau dulu: program yang masih disebut berjalan, sumber tertua dulu (info)",
                        "Terjemahan yang mungkin tidak cocok lagi dengan teks Indonesia", "Terjemahan yang belum ada",
                        "Perlu ditinjau ulang", "Syarat tidak diumumkan (info)",
                        "Pencarian: kasus belum dicoba (info)"]  # no make search-cases run in this project
    stale = out[out.index(next(line for line in out if line.startswith("Perlu ditinjau ulang"))) + 1:][:2]
    assert "g-to-g-korea.yaml" in stale[0] and "melati.yaml" in stale[1]  # longest overdue first


def test_status_s_translation_command_runs_as_printed(data):
    """The command status prints for a translation that may not match (make translated FILE=...
    FIELD=...) runs as printed, from the project folder, and the line is gone afterwards."""
    import shlex
    melati = data / "programs" / "melati.yaml"
    melati.write_text(melati.read_text(encoding="utf-8").replace(
        "  id: Program pendampingan pendidikan", "  id: Program pendampingan sekolah"), encoding="utf-8")
    out = portal("status", "--data", str(data)).stdout
    (line,) = [line for line in out.splitlines() if "melati.yaml:5: summary teks Indonesia berubah" in line]
    command = line.split("`")[1]
    assert command == f"make translated FILE=data/programs/melati.yaml FIELD='summary' DATA={data}"
    done = subprocess.run(shlex.split(command), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Dicatat / recorded: 1" in done.stdout
    assert "melati.yaml:5: summary" not in portal("status", "--data", str(data)).stdout


def test_status_json_lists_every_finding_in_the_report_order(data):
    import json
    result = portal("status", "--json", "--data", str(data))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    findings = report["findings"]
    assert [f["section"] for f in findings[:5]] == ["review"] * 5
    assert findings[0] == {"section": "review", "file": "data/programs/desbumi.yaml", "line": 12, "field": "status",
                           "message_id": "berjalan menurut sumber terbaru 2018-11 (ditinjau 2026-11-24); periksa, lalu "
                           "tambahkan sumber baru atau ubah status, dan perbarui last_reviewed",
                           "message_en": "running by its newest source 2018-11 (reviewed 2026-11-24); check, then add "
                           "a newer source or change the status, and update last_reviewed", "dated": "2018-11",
                           "rank": 3}
    assert sum(f["section"] == "unpublished" for f in findings) == 3  # not collapsed
    assert set(report) == {"findings"}  # advice only: nothing in it fails


def test_status_fits_one_screen_and_starts_with_the_oldest_active_program(data):
    from portal.content.validator import load_content as load
    for i in range(12):  # many programs with the same notes: one line each, with a count
        (data / "programs" / f"melati-{i}.yaml").write_text(
            (data / "programs" / "melati.yaml").read_text(encoding="utf-8").replace(
                "  en: Melati", f"  en: Melati {i}").replace("  id: Melati", f"  id: Melati {i}"), encoding="utf-8")
    result = portal("status", "--data", str(data))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) <= 40, result.stdout
    content = load(data, ("id", "en"), today=dt.date.fromisoformat(FIXTURE_TODAY), root=data.parent)
    active = [p for p in content.programs if p.status.value == "active"]
    oldest = min(max(content.source_index[s].date or "" for s in p.status.sources) for p in active)
    assert lines[0].startswith("Tinjau dulu")
    assert "running by its newest source " + oldest in lines[1], lines[1]


def test_title_warnings_in_status_and_as_github_warnings(data):
    """A long title, emoji in a title, a second copy of a program: warnings on their line, never errors."""
    melati = data / "programs" / "melati.yaml"
    long_title = "Melati " + "pendampingan pendidikan anak PMI " * 3
    text = melati.read_text(encoding="utf-8").replace("  id: Melati (mengajar dan melatih dengan hati)",
                                                      f"  id: {long_title.strip()}")
    melati.write_text(text.replace('  en: Melati ("teaching', '  en: \U0001F33C Melati ("teaching'), encoding="utf-8")
    wenak = (data / "programs" / "warung-naik-kelas.yaml").read_text(encoding="utf-8")
    title_en = next(line for line in wenak.splitlines() if line.startswith("  en:"))
    (data / "programs" / "warung-naik-kelas-2.yaml").write_text(
        wenak.replace(title_en, title_en + "!"), encoding="utf-8")
    result = portal("status", "--data", str(data))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Peringatan / Warnings: 4" in out
    assert (f"data/programs/melati.yaml:3: title.id judul {len(long_title.strip())} karakter, lebih dari 90; "
            "di ponsel jadi banyak baris") in out
    assert f"title of {len(long_title.strip())} characters, more than 90; it runs over many lines on a phone" in out
    assert ("data/programs/melati.yaml:4: title.en emoji di judul (\U0001F33C): huruf brosur PDF tidak punya emoji"
            in out and "the PDF brochures' font has no emoji" in out)
    assert ("data/programs/warung-naik-kelas-2.yaml:3: title.id judul (hampir) sama dengan "
            "data/programs/warung-naik-kelas.yaml; apakah ini program yang sama?") in out
    assert "title (nearly) the same as data/programs/warung-naik-kelas-2.yaml's" in out
    github = portal("validate", "--format", "github", "--data", str(data))
    assert github.returncode == 0, github.stderr
    assert any(line.startswith("::warning file=data/programs/melati.yaml,line=4,title=title.en::emoji di judul")
               for line in github.stdout.splitlines())


def test_status_warns_when_a_program_for_people_going_abroad_does_not_say_its_kind(data):
    """Left out, ``kind`` reads as "not placement" and skips policy.yaml: the file must say it, either way."""
    desbumi = data / "programs" / "desbumi.yaml"
    desbumi.write_text(desbumi.read_text(encoding="utf-8").replace("kind: null\n", ""), encoding="utf-8")
    audience_line = next(i for i, line in enumerate(desbumi.read_text(encoding="utf-8").splitlines(), 1)
                         if line.startswith("audience:"))
    result = portal("status", "--data", str(data))
    assert (f"data/programs/desbumi.yaml:{audience_line}: kind program untuk calon PMI tanpa 'kind': "
            "tulis 'kind: placement'") in result.stdout
    assert "or 'kind: null' if it does not" in result.stdout
    assert "Syarat tidak diumumkan" in result.stdout and "E-" not in result.stderr
    github = portal("validate", "--format", "github", "--data", str(data))
    assert github.returncode == 0, github.stderr
    assert f"::warning file=data/programs/desbumi.yaml,line={audience_line},title=kind::" in github.stdout
    desbumi.write_text(desbumi.read_text(encoding="utf-8") + "kind: null\n", encoding="utf-8")
    assert "tanpa 'kind'" not in portal("status", "--data", str(data)).stdout


def test_status_says_nothing_is_due_when_nothing_is(data):
    result = portal("status", "--data", str(data))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Perlu ditinjau ulang" not in result.stdout


def test_status_on_invalid_content_shows_the_errors(data):
    (data / "programs" / "melati.yaml").write_text("title: [", encoding="utf-8")
    result = portal("status", "--data", str(data))
    assert result.returncode == 1 and "[E-SYNTAX]" in result.stderr


def test_contributing_examples_are_valid(data):
    """The eligibility, case and source examples in CONTRIBUTING.md pass the validator as written."""
    import re
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    rule = next(b for b in blocks if b.startswith("eligibility:"))
    cases = [b for b in blocks if b.startswith("# data/cases/")]
    source = next(b for b in blocks if b.startswith("id:"))
    source_id = source.split()[1]
    (data / "sources" / f"{source_id}.yaml").write_text(source.replace("https://…", "https://example.org/"),
                                                        encoding="utf-8")
    melati = data / "programs" / "melati.yaml"
    lines = melati.read_text(encoding="utf-8").split("\n")
    start = lines.index("eligibility:")
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" "))
    new = lines[:start] + rule.replace("id-sumber", "antara-jatim-2021-ipuk-pmi").rstrip("\n").split("\n") + lines[end:]
    melati.write_text("\n".join(new), encoding="utf-8")
    kept = drop_cases_about(data, "melati")  # they expect melati's unpublished criteria
    assert len(cases) == 2
    for case in cases:  # one file per case, named on its first line
        path = case.split("\n", 1)[0].removeprefix("# ")
        (data.parent / path).write_text(case.replace("contoh-program", "melati"), encoding="utf-8")
    content = load_content(data, ("id", "en"), today=dt.date(2026, 11, 24), root=data.parent)
    program = next(p for p in content.programs if p.slug == "melati")
    assert program.eligibility.criteria_published and len(program.eligibility.rule["all"]) == 3
    assert "contohpenerbit-2025-03-02-topik" in content.source_index
    assert len(content.cases) == len(kept) + 2


def test_validate_for_github_annotates_errors_beside_their_line(data):
    melati = data / "programs" / "melati.yaml"
    melati.write_text(melati.read_text(encoding="utf-8").replace("audience:", "audiens:"), encoding="utf-8")
    result = portal("validate", "--format", "github", "--data", str(data))
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert line.startswith("::error file=data/programs/melati.yaml,line=8,title=E-UNKNOWN-FIELD audiens::")
    message = line.split("::", 2)[2]
    assert "kolom 'audiens' tidak dikenal" in message and "%0Aunknown field 'audiens'" in message


def test_validate_for_github_warns_without_failing(data):
    melati = data / "programs" / "melati.yaml"
    text = melati.read_text(encoding="utf-8").replace('  en: Melati ("teaching and training with heart")\n', "")
    melati.write_text(text.replace('last_reviewed: "2026-11-24"', 'last_reviewed: "2020-01-15"'), encoding="utf-8")
    result = portal("validate", "--format", "github", "--data", str(data))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith("::warning ")]
    assert ("::warning file=data/programs/melati.yaml,line=2,title=title::belum ada teks 'en'; tulis terjemahannya di "
            "baris 'en: ...' di bawah 'id:'%0Ano 'en' text yet; write the translation as 'en: ...' below 'id:'") in warnings
    assert any("title=last_reviewed::terakhir ditinjau 2020-01-15" in w for w in warnings)
    assert not any(line.startswith("::error") for line in result.stdout.splitlines())


def test_annotation_messages_cannot_forge_a_command():
    from portal.checks.annotations import error
    from portal.content.errors import ContentError
    line = error(ContentError("data/x.yaml", 3, "a", "E-X", "50%\n::error::palsu", "b"))
    assert "\n" not in line and "50%25%0A::error::palsu" in line
