"""The web editor's configuration is generated from the schema: every field of every kind has
its widget and every widget its field, in the configured languages, with the right widgets."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from portal.content.schema import SCHEMA_FILE
from portal.content.validator import COLLECTIONS
from portal.outputs import cms_config
from portal.outputs.cms_config import Backend

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
DEFS = SCHEMA["$defs"]
LANGS = ("id", "en")
REPO = "https://github.com/contoh/portal-pmi"


def make(languages=LANGS, backend=Backend(repo_url=REPO), today=None) -> dict:
    return cms_config.config(SCHEMA, COLLECTIONS, languages, backend, "https://portal.example/", today)


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def field(fields: list[dict], path: str) -> dict:
    """The field at a dotted path, e.g. 'eligibility.rule'."""
    head, _, rest = path.partition(".")
    found = next(f for f in fields if f["name"] == head)
    return field(found["fields"], rest) if rest else found


def schema_paths(node: dict, languages, prefix: str = "") -> set[str]:
    """Dotted paths of every field the schema allows, bilingual texts down to each language."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        if name in ("text", "texts"):
            return {f"{prefix}.{lang}" for lang in languages}
        if name in ("rule", "source_ids", "org_ids", "date", "partial_date", "slug", "audience", "region"):
            return set()  # one widget for the whole value
        return schema_paths(DEFS[name], languages, prefix)
    if node.get("type") == "array":
        return schema_paths(node["items"], languages, prefix)
    paths = set()
    for key, prop in node.get("properties", {}).items():
        path = f"{prefix}.{key}" if prefix else key
        paths |= {path} | schema_paths(prop, languages, path)
    return paths


def config_paths(fields: list[dict], prefix: str = "") -> set[str]:
    paths = set()
    for f in fields:
        path = f"{prefix}.{f['name']}" if prefix else f["name"]
        paths |= {path} | config_paths(f.get("fields", []), path)
    return paths


@pytest.mark.parametrize("languages", [LANGS, ("id", "en", "jv")])
@pytest.mark.parametrize("folder,kind", COLLECTIONS.items())
def test_every_schema_field_has_a_widget_and_every_widget_a_field(folder, kind, languages):
    fields = collection(make(languages), folder)["fields"]
    assert config_paths(fields) == schema_paths(DEFS[kind], languages)


def test_one_folder_collection_per_kind_saved_as_yaml_in_data():
    config = make()
    assert [c["name"] for c in config["collections"]] == list(COLLECTIONS)
    for c in config["collections"]:
        assert (c["folder"], c["extension"], c["format"], c["create"]) == (f"data/{c['name']}", "yaml", "yaml", True)


def test_labels_and_hints_are_the_indonesian_half_of_the_schema():
    status = field(collection(make(), "programs")["fields"], "status.as_of")
    assert status["label"] == "Per tanggal"
    assert status["hint"] == "Tanggal sumber terbaru yang menyatakan status ini, mis. 2025-08 untuk berita Agustus 2025."


def test_a_bilingual_text_is_one_text_field_per_configured_language_the_default_required():
    title = field(collection(make(("id", "en", "jv")), "programs")["fields"], "title")
    assert title["widget"] == "object"
    assert [(f["name"], f["label"], f["widget"], f["required"]) for f in title["fields"]] == [
        ("id", "Bahasa Indonesia", "text", True), ("en", "English", "text", False), ("jv", "jv", "text", False)]


def values(options: list) -> list:
    return [o["value"] if isinstance(o, dict) else o for o in options]


def test_closed_choices_are_selects_with_the_schema_values():
    fields = collection(make(), "programs")["fields"]
    audience = field(fields, "audience")
    assert (audience["widget"], audience["multiple"]) == ("select", True)
    assert values(audience["options"]) == DEFS["audience"]["items"]["enum"]
    assert values(field(fields, "status.value")["options"]) == DEFS["status"]["properties"]["value"]["enum"]
    assert values(field(fields, "region")["options"]) == DEFS["region"]["items"]["enum"]
    assert values(field(fields, "kind")["options"]) == ["placement"]  # null: the field left empty


def test_codes_are_shown_by_their_labels_in_both_languages():
    config = make()
    programs = collection(config, "programs")["fields"]
    assert {"label": "Anak PMI / children of migrant workers", "value": "anak_pmi"} in field(programs, "audience")["options"]
    assert {"label": "Diumumkan / announced", "value": "announced"} in field(programs, "status.value")["options"]
    for c in config["collections"]:  # every closed choice the editor offers has a label
        for path in config_paths(c["fields"]):
            f = field(c["fields"], path)
            for option in f.get("options", []):
                assert isinstance(option, dict) and option["label"] not in ("", option["value"]), (c["name"], path, option)


def test_ids_of_sources_and_organisations_are_chosen_from_the_data():
    fields = collection(make(), "programs")["fields"]
    sources, where = field(fields, "sources"), field(fields, "where")
    assert (sources["widget"], sources["collection"], sources["value_field"], sources["multiple"]) == (
        "relation", "sources", "id", True)
    assert (where["widget"], where["collection"], where["value_field"]) == ("relation", "organizations", "{{slug}}")
    assert field(fields, "contacts.sources")["collection"] == "sources"


def test_dates_use_the_date_picker_and_last_reviewed_is_today_on_create_only():
    fields = collection(make(today=dt.date(2026, 11, 28)), "programs")["fields"]
    reviewed = field(fields, "last_reviewed")
    assert (reviewed["widget"], reviewed["format"], reviewed["time_format"]) == ("datetime", "YYYY-MM-DD", False)
    assert "picker_utc" not in reviewed  # no 'UTC' beside the date; 'Sekarang' is the volunteer's today
    assert reviewed["default"] == "2026-11-28"  # Decap applies defaults to new entries only
    assert "default" not in field(collection(make(), "programs")["fields"], "last_reviewed")  # Decap's own today


def test_rules_are_edited_as_yaml_and_markdown_is_never_the_markdown_widget():
    config = make()
    rule = field(collection(config, "programs")["fields"], "eligibility.rule")
    assert rule["widget"] == "yaml"  # ours (editor.js); the browser test edits a rule through it
    assert "markdown" not in json.dumps(config)


def test_saves_are_pull_requests_from_forks_too():
    config = make()
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "github", "repo": "contoh/portal-pmi", "branch": "main",
                                 "open_authoring": True}


def test_new_file_names_are_ascii_without_accents_as_the_validator_wants():
    assert make()["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


def test_login_settings_come_from_the_options():
    backend = Backend(repo_url=REPO, branch="utama", auth_url="https://oauth.portal.example",
                      auth_endpoint="masuk", local_url="http://localhost:8081/api/v1")
    config = make(backend=backend)
    assert config["backend"]["base_url"] == "https://oauth.portal.example"
    assert (config["backend"]["auth_endpoint"], config["backend"]["branch"]) == ("masuk", "utama")
    assert config["local_backend"] == {"url": "http://localhost:8081/api/v1"}


def test_without_a_repository_the_editor_is_a_sandbox_that_saves_nothing():
    assert make(backend=Backend())["backend"] == {"name": "test-repo"}
    assert make(backend=Backend(name="test-repo", repo_url=REPO))["backend"] == {"name": "test-repo"}


def test_the_local_editor_starts_its_saves_from_the_configured_branch_even_without_a_repository():
    """decap-server is asked for the backend's branch; without one Decap asks for 'master'."""
    config = make(backend=Backend(branch="editor-base", local_url="http://127.0.0.1:8081/api/v1"))
    assert config["backend"] == {"name": "test-repo", "branch": "editor-base"}
    assert config["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}


def test_cases_are_a_collection_with_answers_and_verdicts_as_yaml():
    config = make()
    cases = collection(config, "cases")
    assert (cases["folder"], cases["identifier_field"]) == ("data/cases", "name")
    fields = cases["fields"]
    assert [field(fields, name)["widget"] for name in ("name", "answers", "expect", "asks")] == [
        "string", "yaml", "yaml", "list"]  # null ("don't know") stays apart from an absent answer
    own = field(collection(config, "programs")["fields"], "cases")  # a programme's own cases, saved with it
    assert own["widget"] == "list" and own["required"] is False
    assert [(f["name"], f["widget"]) for f in own["fields"]] == [("name", "string"), ("answers", "yaml"),
                                                                  ("expect", "select")]
    assert values(field(own["fields"], "expect")["options"]) == ["likely", "maybe", "not"]


def test_only_required_booleans_have_a_default():
    """Decap writes a default into every new entry: an optional boolean left alone stays absent."""
    fields = collection(make(), "programs")["fields"]
    assert field(fields, "eligibility.criteria_published")["default"] is False
    assert "default" not in field(fields, "pocket")
    assert "default" not in field(fields, "contacts.pocket")  # else every new programme got a contact


def hints(fields: list[dict], prefix: str = ""):
    """(dotted path, hint) of every field below ``fields`` that has one."""
    for f in fields:
        if f.get("hint"):
            yield prefix + f["name"], f["hint"]
        yield from hints(f.get("fields", ()), prefix + f["name"] + ".")


def test_hints_speak_to_a_volunteer_not_a_programmer():
    """A hint names fields by their labels and says what to do: no 'true:', arrows, file names
    standing for fields, or 'slug' (issue 36: "Wajib jika criteria_published: true")."""
    jargon = ("true:", "->", "slug", "Nama berkas =", "pocket: true", "(data/", "criteria_published", "kind:")
    found = [(c["name"], path, word) for c in make()["collections"]
             for path, hint in [("", c.get("description", "")), *hints(c["fields"])]
             for word in jargon if word.lower() in hint.lower()]
    assert found == []


def test_every_edited_kind_with_texts_has_the_translation_sign_off_told_the_languages():
    config = make(("id", "en", "jv"))
    for folder, kind in COLLECTIONS.items():
        fields = collection(config, folder)["fields"]
        if kind == "case":  # a case has no bilingual text
            assert all(f["name"] != "translation_checked" for f in fields)
            continue
        sign_off = field(fields, "translation_checked")
        assert fields[-1] is sign_off and sign_off["required"] is False
        assert (sign_off["widget"], sign_off["languages"]) == ("translation_check", ["id", "en", "jv"])
        assert sign_off["language_names"] == {"id": "Bahasa Indonesia", "en": "English", "jv": "jv"}
