"""The web editor end to end: decap-server (npm, pinned) in git mode on a temporary clone, /admin/
driven in Chromium with local_backend. One text of a program with a rule is changed and saved:
the branch the editor wrote changes only that field's lines, the rule is unchanged, the content
still validates, and no request left the machine. A rule is edited as YAML text in our widget:
a text that does not read is an error in the form and is not saved; a good one is saved as the
rule's mapping, changing only its own lines. A translation is signed off with the editor's button."""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import time

import pytest
from playwright.sync_api import expect as pw_expect

from portal.content import translations
from portal.content.errors import ContentInvalid
from portal.content.loader import load_text
from portal.content.validator import load_content

from conftest import FIXTURE_TODAY, ROOT, build_site, make_project, missing_tool, require_tool, serve_directory

SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
PROGRAM = "data/programs/g-to-g-korea.yaml"
NEW_TEXT = "Placement in South Korea's manufacturing sector through the government (edited in the browser)."


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _git(repo, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def clone(tmp_path):
    """A project in git (the fixture data in the editor's form), decap-server on it, its site served."""
    if not SERVER.is_file():
        missing_tool("node_modules/decap-server is missing: make node_modules/.installed")
    repo = make_project(tmp_path / "repo")
    node = require_tool("node", "apt-get install nodejs")
    subprocess.run([node, str(ROOT / "scripts" / "fmt.mjs"), str(repo / "data")], check=True, capture_output=True)
    (repo / ".gitignore").write_text("site/\n.cache/\n", encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=Uji", "-c", "user.email=uji@localhost", "commit", "-qm", "awal")
    port = _free_port()
    log = (tmp_path / "decap-server.log").open("w")
    server = subprocess.Popen([node, str(SERVER)], stdout=log, stderr=subprocess.STDOUT, env={
        **os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "git", "GIT_REPO_DIRECTORY": str(repo)})
    try:
        api = f"http://127.0.0.1:{port}/api/v1"
        site = build_site(repo, {"PORTAL_CMS_LOCAL_URL": api, "PORTAL_REPO_URL": "https://github.com/contoh/portal-pmi",
                                 "PORTAL_BROCHURES": "0"})
        for _ in range(100):  # decap-server listening
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        url, httpd = serve_directory(site)
        yield repo, url, f"http://127.0.0.1:{port}/"
        httpd.shutdown()
    finally:
        server.terminate()
        server.wait(timeout=10)


def _open(page, url: str, api: str, path: str) -> None:
    """Log in to the local backend (every other host refused) and open ``path`` of /admin/."""
    page.route(re.compile(r"^(?!" + re.escape(url) + "|" + re.escape(api) + ")"), lambda route: route.abort())
    page.goto(url + "admin/")
    page.get_by_role("button", name="Masuk").click()  # Decap in Indonesian
    page.goto(url + "admin/#/" + path)


def _saved(page, repo, branch: str) -> str:
    """Wait (up to a minute) for the editor's commit on ``branch``; the log of its commits over main."""
    for _ in range(600):
        if branch in _git(repo, "branch", "--list", branch) and _git(repo, "log", "--oneline", f"main..{branch}"):
            break
        page.wait_for_timeout(100)
    return _git(repo, "log", "--oneline", f"main..{branch}")


def _validates(repo, tmp_path, files: dict[str, str]) -> None:
    """The project's data with ``files`` (path -> text) passes the validator."""
    data = tmp_path / "check" / "data"
    shutil.copytree(repo / "data", data)
    for path, text in files.items():
        target = data.parent / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    try:
        load_content(data, ("id", "en"), today=dt.date.fromisoformat(FIXTURE_TODAY), root=data.parent)
    except ContentInvalid as exc:
        pytest.fail(exc.report())


def _only_local(page, url: str, api: str) -> None:
    assert all(u.startswith((url, api, "data:", "blob:")) for u in page.requests), page.requests


def test_an_edit_in_the_browser_changes_only_that_field(clone, page, tmp_path):
    repo, url, api = clone
    _open(page, url, api, "collections/programs/entries/g-to-g-korea")
    summary_en = page.locator("xpath=//label[normalize-space()='Ringkasan satu kalimat']/following::textarea[2]")
    summary_en.wait_for(timeout=60_000)
    before = _git(repo, "show", f"main:{PROGRAM}")
    assert summary_en.input_value() == load_text(before, PROGRAM).data["summary"]["en"]
    summary_en.fill(NEW_TEXT)
    page.get_by_role("button", name="Simpan").first.click()
    branch = "cms/programs/g-to-g-korea"
    _saved(page, repo, branch)
    after = _git(repo, "show", f"{branch}:{PROGRAM}")

    old, new = load_text(before, PROGRAM), load_text(after, PROGRAM)
    assert new.data["summary"]["en"] == NEW_TEXT
    assert new.data["eligibility"]["rule"] == old.data["eligibility"]["rule"]
    assert {**new.data, "summary": old.data["summary"]} == old.data  # nothing else changed

    def outside_summary_en(doc, text):  # summary.en is the last line(s) before audience
        start, end = doc.line(("summary", "en")), doc.line(("audience",))
        return text.splitlines()[:start - 1] + text.splitlines()[end - 1:]
    assert outside_summary_en(new, after) == outside_summary_en(old, before)  # every other line as it was
    assert _git(repo, "diff", "--name-only", "main", branch).split() == [PROGRAM]

    _validates(repo, tmp_path, {PROGRAM: after})
    _only_local(page, url, api)


def test_a_rule_is_edited_as_yaml_and_saved_as_the_rule(clone, page, tmp_path):
    repo, url, api = clone
    _open(page, url, api, "collections/programs/entries/g-to-g-korea")
    rule = page.locator("textarea[id^='rule-field-']")  # the field labelled Aturan
    rule.wait_for(timeout=60_000)
    before = _git(repo, "show", f"main:{PROGRAM}")
    old = load_text(before, PROGRAM)
    text = rule.input_value()
    assert load_text(text, "rule").data == old.data["eligibility"]["rule"]  # the rule, as YAML text
    assert "at_most: 39" in text and "id: Anda berusia 18–39 tahun" in text

    old_reason, new_reason = "id: Anda berusia 18–39 tahun", "id: Umur Anda 18 sampai 39 tahun"
    good, bad = text.replace(old_reason, new_reason), text.replace("at_most: 39", "at_most: [39")
    rule.fill(good)
    rule.fill(bad)  # unreadable: an error under the field, and the save is refused
    alert = page.get_by_role("alert").filter(has_text="YAML tidak bisa dibaca")
    alert.wait_for(timeout=10_000)
    page.get_by_role("button", name="Simpan").first.click()
    page.get_by_text("YAML cannot be read; the rule is unchanged").nth(1).wait_for(timeout=10_000)  # Decap's too
    branch = "cms/programs/g-to-g-korea"
    assert not _git(repo, "branch", "--list", branch)

    rule.fill(good)
    assert not alert.is_visible()
    page.get_by_role("button", name="Simpan").first.click()
    assert len(_saved(page, repo, branch).splitlines()) == 1  # one save: the good text
    after = _git(repo, "show", f"{branch}:{PROGRAM}")
    new = load_text(after, PROGRAM)
    assert after == before.replace(old_reason, new_reason, 1)  # the rule's one line; still nested YAML
    assert new.data["eligibility"]["rule"]["all"][1]["reason"]["id"] == "Umur Anda 18 sampai 39 tahun"
    _validates(repo, tmp_path, {PROGRAM: after})
    _only_local(page, url, api)


NEW_RULE = """all:
  - question: situasi
    equals: purna_pmi
    reason:
      id: Anda purna PMI
      en: You are a returnee
    sources:
      - antara-jatim-2021-ipuk-pmi
"""
NEW_PROGRAM = "data/programs/pelatihan-usaha-purna-pmi-ekspor.yaml"  # accents dropped (slug settings)


def _field(page, name: str):
    """Decap's inputs of the fields called ``name`` (their ids are '<name>-field-<n>'), in form order."""
    return page.locator(f"[id^='{name}-field-']")


def _text(page, label: str):
    """The first language box of the bilingual text labelled ``label``."""
    return page.locator(f"xpath=//label[normalize-space()='{label}']/following::textarea[1]")


def _choose(page, control, typed: str, option: str) -> None:
    """Open a select or relation widget, type, and click the option shown."""
    control.click()
    control.fill(typed)
    page.get_by_role("option", name=option, exact=True).click()


def test_a_new_programme_with_its_rule_and_cases_is_created_through_the_form(clone, page, tmp_path):
    """Every required field through the form, organisation and sources picked in relation widgets,
    the rule written in the YAML widget and its two cases in the programme's own list: the one file
    the editor saves passes the PR check on its own."""
    repo, url, api = clone
    _open(page, url, api, "collections/programs/new")
    _text(page, "Judul").wait_for(timeout=60_000)
    _text(page, "Judul").fill("Pelatihan usaha purna PMI (Ékspor)")
    _text(page, "Ringkasan satu kalimat").fill("Pelatihan usaha untuk purna PMI di Banyuwangi.")
    _text(page, "Apa ini").fill("Pelatihan usaha bagi purna PMI.")
    _choose(page, page.get_by_label("Untuk siapa"), "purna", "Purna PMI / returnees")  # codes shown by their labels
    _choose(page, page.get_by_label("Wilayah"), "banyu", "Banyuwangi")
    _choose(page, _field(page, "value").first, "berjalan", "Berjalan / running")
    _field(page, "as_of").fill("2026-11-20")
    source_title = "Bupati Banyuwangi paparkan program perlindungan dan pemberdayaan pekerja migran"
    _choose(page, _field(page, "sources").first, "Bupati", source_title)  # status.sources
    _field(page, "criteria_published").click()
    _field(page, "rule").fill(NEW_RULE)
    for name, answers, verdict in (("purna PMI di Banyuwangi", "situasi: purna_pmi\nkabupaten: banyuwangi\n",
                                    "Mungkin memenuhi syarat / likely eligible"),
                                   ("keluarga, umur tidak tahu", "situasi: keluarga\numur: null\n",
                                    "Tidak memenuhi syarat / not eligible")):
        page.get_by_role("button", name=re.compile("Tambah kasus kelayakan program ini", re.I)).click()
        _field(page, "name").last.fill(name)
        _field(page, "answers").last.fill(answers)
        _choose(page, _field(page, "expect").last, verdict.split()[0], verdict)
    _choose(page, page.get_by_label("Ke mana"), "Pemerintah", "Pemerintah Kabupaten Banyuwangi")
    _choose(page, _field(page, "sources").last, "Bupati", source_title)  # the programme's sources
    assert _field(page, "last_reviewed").input_value() == FIXTURE_TODAY  # today, on create
    page.get_by_role("button", name="Simpan").first.click()
    branch = "cms/programs/pelatihan-usaha-purna-pmi-ekspor"
    _saved(page, repo, branch)

    assert _git(repo, "diff", "--name-only", "main", branch).split() == [NEW_PROGRAM]
    text = _git(repo, "show", f"{branch}:{NEW_PROGRAM}")
    saved = load_text(text, NEW_PROGRAM).data
    assert saved["eligibility"] == {"criteria_published": True, "rule": load_text(NEW_RULE, "rule").data,
                                    "unchecked": []}  # the rule asks every published criterion: said, not silent
    assert "  rule:\n    all:\n      - question: situasi\n" in text  # the rule as nested YAML, not a string
    assert saved["cases"] == [
        {"name": "purna PMI di Banyuwangi", "answers": {"situasi": "purna_pmi", "kabupaten": "banyuwangi"},
         "expect": "likely"},
        {"name": "keluarga, umur tidak tahu", "answers": {"situasi": "keluarga", "umur": None}, "expect": "not"}]
    assert (saved["where"], saved["sources"], saved["status"]["sources"]) == (
        ["pemkab-banyuwangi"], ["antara-jatim-2021-ipuk-pmi"], ["antara-jatim-2021-ipuk-pmi"])
    assert saved["last_reviewed"] == FIXTURE_TODAY and "pocket" not in saved and "contacts" not in saved

    checkout = tmp_path / "branch"  # the branch's data/ as the PR check sees it: portal.py validate
    checkout.mkdir()  # (git archive: decap-server may have the branch checked out in the clone)
    archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", branch, "data"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(checkout, filter="data")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "portal.py"), "validate", "--data",
                             str(checkout / "data")], capture_output=True, text=True, timeout=120, cwd=ROOT,
                            env={**os.environ, "PORTAL_TODAY": FIXTURE_TODAY})
    assert result.returncode == 0, result.stdout + result.stderr
    fmt = subprocess.run(["node", str(ROOT / "scripts" / "fmt.mjs"), "--check", str(checkout / "data")],
                         capture_output=True, text=True, timeout=60)
    assert fmt.stdout == "", fmt.stdout  # the editor's file is what make fmt writes
    _only_local(page, url, api)


def test_the_form_speaks_to_volunteers_and_the_preview_looks_like_the_page(clone, page):
    """Language boxes named by their language, codes shown by their labels, a date without 'UTC',
    the interface in Indonesian, and the preview pane styled by the site's own stylesheet."""
    repo, url, api = clone
    _open(page, url, api, "collections/programs/entries/melati")
    title = _text(page, "Judul")
    title.wait_for(timeout=60_000)
    pw_expect(page.get_by_text("Bahasa Indonesia", exact=True).first).to_be_visible()
    pw_expect(page.get_by_text(re.compile(r"^English \(tidak wajib\)$")).first).to_be_visible()
    pw_expect(page.get_by_text("Diumumkan / announced", exact=True)).to_be_visible()  # status: announced
    pw_expect(page.get_by_text("Anak PMI / children of migrant workers", exact=True)).to_be_visible()
    pw_expect(_field(page, "last_reviewed")).to_have_value(FIXTURE_TODAY)
    body = page.locator("body").inner_text()
    assert "UTC" not in body and "Go back to site" not in body and "anak_pmi" not in body
    preview = page.frame_locator("iframe").first
    pw_expect(preview.locator("link[rel=stylesheet][href$='/assets/portal.css']")).to_have_count(1)
    _only_local(page, url, api)
    assert any(u == url + "assets/portal.css" for u in page.requests)  # our stylesheet, from our origin


def test_a_case_is_edited_in_its_own_collection(clone, page, tmp_path):
    """A case file (data/cases/<name>.yaml): answers and expected verdicts as YAML text, where
    null ("don't know") is written as such; the save changes only the lines edited."""
    repo, url, api = clone
    case = "data/cases/age-unknown.yaml"
    _open(page, url, api, "collections/cases/entries/age-unknown")
    answers, expect = _field(page, "answers"), _field(page, "expect")
    pw_expect(answers).to_have_value(re.compile("umur: null"), timeout=60_000)  # the entry loaded
    pw_expect(expect).to_have_value("g-to-g-korea: maybe\n")
    before = _git(repo, "show", f"main:{case}")
    answers.fill(answers.input_value().replace("umur: null", "umur: 40"))
    expect.fill("g-to-g-korea: not\n")
    page.get_by_role("button", name="Simpan").first.click()
    branch = "cms/cases/age-unknown"
    _saved(page, repo, branch)
    after = _git(repo, "show", f"{branch}:{case}")
    assert after == before.replace("  umur: null\n", "  umur: 40\n").replace("  g-to-g-korea: maybe\n",
                                                                              "  g-to-g-korea: not\n")
    assert after != before
    _validates(repo, tmp_path, {case: after})
    _only_local(page, url, api)


def _listening(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex((host, port)) == 0


def test_make_editor_saves_a_branch_and_never_touches_the_checkout(tmp_path, page):
    """`make editor`'s command (scripts/editor.py) on a project with uncommitted work: both servers
    answer on 127.0.0.1 only (not on 127.0.0.2, another loopback address), the editor saves a
    branch from the last commit, and the checkout (its branch, files and uncommitted edits) is as it was."""
    if not SERVER.is_file():
        missing_tool("node_modules/decap-server is missing: make node_modules/.installed")
    node = require_tool("node", "apt-get install nodejs")
    repo = make_project(tmp_path / "repo")
    subprocess.run([node, str(ROOT / "scripts" / "fmt.mjs"), str(repo / "data")], check=True, capture_output=True)
    (repo / ".gitignore").write_text("site/\n.cache/\n", encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=Uji", "-c", "user.email=uji@localhost", "commit", "-qm", "awal")
    draft = repo / PROGRAM
    draft.write_text(draft.read_text(encoding="utf-8") + "# draf yang belum di-commit\n", encoding="utf-8")
    (repo / "catatan.txt").write_text("belum di-commit\n", encoding="utf-8")
    status, drafted = _git(repo, "status", "--porcelain"), draft.read_text(encoding="utf-8")
    port, api_port = _free_port(), _free_port()
    log = (tmp_path / "editor.log").open("w")
    editor = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "editor.py"), "--root", str(repo),
                               "--port", str(port), "--api-port", str(api_port)], stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "PORTAL_REPO_URL": "https://github.com/contoh/portal-pmi"})
    try:
        url, api = f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{api_port}/"
        for _ in range(1800):  # the preview's first build
            if _listening("127.0.0.1", port) and _listening("127.0.0.1", api_port):
                break
            assert editor.poll() is None, (tmp_path / "editor.log").read_text()
            time.sleep(0.1)
        assert not _listening("127.0.0.2", api_port) and not _listening("127.0.0.2", port)
        _open(page, url, api, "collections/programs/entries/g-to-g-korea")
        summary_en = page.locator("xpath=//label[normalize-space()='Ringkasan satu kalimat']/following::textarea[2]")
        summary_en.wait_for(timeout=60_000)
        summary_en.fill(NEW_TEXT)
        page.get_by_role("button", name="Simpan").first.click()
        branch = "cms/programs/g-to-g-korea"
        assert _saved(page, repo, branch)
        assert "livereload" not in page.content()  # a rebuild of the preview never reloads the editor
        assert _git(repo, "diff", "--name-only", "main", branch).split() == [PROGRAM]
        assert load_text(_git(repo, "show", f"{branch}:{PROGRAM}"), PROGRAM).data["summary"]["en"] == NEW_TEXT
        assert _git(repo, "branch", "--show-current").strip() == "main"
        assert (_git(repo, "status", "--porcelain"), draft.read_text(encoding="utf-8")) == (status, drafted)
        _only_local(page, url, api)
    finally:
        editor.terminate()
        editor.wait(timeout=30)
    assert not (repo / ".cache" / "editor-worktree").exists()  # removed on stop; the branch stays
    assert _git(repo, "branch", "--list", "cms/*").split() == ["cms/programs/g-to-g-korea"]


def test_a_translation_is_signed_off_in_the_editor(clone, page, tmp_path):
    """The Indonesian summary changed in the editor makes the English stale; the sign-off button
    records every text's fingerprint in the entry, and the saved file then shows no stale mark."""
    repo, url, api = clone
    _open(page, url, api, "collections/programs/entries/g-to-g-korea")
    summary_id = page.locator("xpath=//label[normalize-space()='Ringkasan satu kalimat']/following::textarea[1]")
    summary_id.wait_for(timeout=60_000)
    summary_id.fill("Penempatan kerja di pabrik Korea Selatan lewat pemerintah (G to G).")
    sign = page.get_by_role("button", name="Terjemahan English sudah saya periksa")
    count = sign.locator("xpath=preceding-sibling::span[1]")
    sign.hover()
    pw_expect(count).to_contain_text("English: ")
    assert count.get_attribute("data-changed") != "0"  # nothing recorded in the entry yet
    sign.click()
    pw_expect(count).to_have_attribute("data-changed", "0")
    page.get_by_role("button", name="Simpan").first.click()
    branch = "cms/programs/g-to-g-korea"
    _saved(page, repo, branch)
    after = _git(repo, "show", f"{branch}:{PROGRAM}")
    saved = load_text(after, PROGRAM).data
    checked = saved["translation_checked"]["en"]
    assert checked["summary"] == translations.fingerprint(saved["summary"]["id"])
    assert set(checked) == set(translations.sources({**saved, "translation_checked": None}, ("id", "en")))

    def stale(text: str) -> dict:
        data = tmp_path / "c" / "data"
        shutil.rmtree(data.parent, ignore_errors=True)
        shutil.copytree(repo / "data", data)
        (data.parent / PROGRAM).write_text(text, encoding="utf-8")
        content = load_content(data, ("id", "en"), today=dt.date.fromisoformat(FIXTURE_TODAY), root=data.parent)
        return {tf.field: tf.text.stale for tf in content.text_fields if tf.file == PROGRAM and tf.text.stale}
    assert stale(after) == {}
    without = after[:after.index("translation_checked:")]
    assert stale(without) == {"summary": {"en"}}, "without the sign-off the English summary is stale"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "portal.py"), "validate", "--data",
                             str(tmp_path / "c" / "data")], capture_output=True, text=True, timeout=120, cwd=ROOT,
                            env={**os.environ, "PORTAL_TODAY": FIXTURE_TODAY})
    assert result.returncode == 0, result.stdout + result.stderr
    _only_local(page, url, api)
