"""The staff's web editor at ``/admin/``: Decap CMS from our own npm install, and its configuration.

``decap-cms.js`` and the chunks it loads beside itself are copied from
``node_modules/decap-cms/dist`` (pinned in ``package-lock.json``), never fetched from a CDN, and so
is the browser build of the ``yaml`` library (``node_modules/yaml/browser/dist``, the copy Decap and
``make fmt`` use) for our own script, ``editor.js`` beside this module: the ``yaml`` widget that edits
eligibility rules as YAML text. The page (``overrides/pages/admin.html``) is ``noindex`` and is
written after the search index, so readers never meet it.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import yaml

from portal.outputs import cms_config
from portal.site import html
from portal.site.config import ROOT
from portal.site.urls import ADMIN_DIR

DIST = ROOT / "node_modules" / "decap-cms" / "dist"
"""Where ``npm ci`` puts Decap's browser bundle: beside the code (``package.json``), whichever project it builds."""
SCRIPT = "decap-cms.js"
YAML_DIST = ROOT / "node_modules" / "yaml" / "browser" / "dist"
"""The ``yaml`` library's browser build (ES modules), copied to ``admin/yaml/``."""
EDITOR_SCRIPT = Path(__file__).with_name("editor.js")
EDITOR_MODULES = (Path(__file__).with_name("translation_check.js"),)
"""Modules ``editor.js`` imports, copied beside it."""
LOCALE_FILE = "editor.{lang}.yaml"
"""Decap's interface in a language (beside this module), e.g. ``editor.id.yaml``: keys of Decap's
English locale, the ones volunteers meet; a key missing falls back to English (Decap merges them)."""


class _PlainDumper(yaml.SafeDumper):
    """Writes a list used twice out twice, without YAML anchors (``&id001``)."""

    def ignore_aliases(self, data):
        return True


class EditorMissing(Exception):
    """Decap's bundle is not installed."""


def bundle_files(dist: Path) -> list[Path]:
    """``decap-cms.js``, the chunks it loads (``<n>.decap-cms.js``) and their WebAssembly."""
    if not (dist / SCRIPT).is_file():
        raise EditorMissing(f"{dist / SCRIPT} tidak ada; jalankan 'npm ci' (make build melakukannya) / "
                            f"is missing; run 'npm ci' (make build does)")
    return [dist / SCRIPT, *sorted(dist.glob(f"*.{SCRIPT}")), *sorted(dist.glob("*.wasm"))]


def yaml_files(dist: Path) -> list[Path]:
    """The modules of the ``yaml`` library's browser build."""
    if not (dist / "index.js").is_file():
        raise EditorMissing(f"{dist / 'index.js'} tidak ada; jalankan 'npm ci' / is missing; run 'npm ci'")
    return sorted(dist.glob("*.js"))


def interface_locale(lang: str) -> dict | None:
    """``{"code", "phrases"}`` for Decap's interface in ``lang``, or None (English) without a file."""
    path = EDITOR_SCRIPT.with_name(LOCALE_FILE.format(lang=lang))
    if not path.is_file():
        return None
    return {"code": lang, "phrases": yaml.safe_load(path.read_text(encoding="utf-8"))}


def write(site_dir: Path, schema_file: Path, folders: dict[str, str], languages: tuple[str, ...],
          backend: cms_config.Backend, site_url: str, today: dt.date | None) -> Path:
    """Write ``site_dir/admin/`` (page, Decap's bundle, ``config.yml``); return the folder."""
    files = bundle_files(DIST)
    out = site_dir / ADMIN_DIR
    out.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copyfile(path, out / path.name)
    (out / "yaml").mkdir(exist_ok=True)
    for path in yaml_files(YAML_DIST):
        shutil.copyfile(path, out / "yaml" / path.name)
    for path in (EDITOR_SCRIPT, *EDITOR_MODULES):
        shutil.copyfile(path, out / path.name)
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    config = cms_config.config(schema, folders, languages, backend, site_url, today)
    locale = interface_locale(languages[0])
    if locale:
        config["locale"] = locale["code"]
    (out / "config.yml").write_text(yaml.dump(config, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    page = html.render("admin.html", script=SCRIPT, editor_script=EDITOR_SCRIPT.name, locale=locale)
    (out / "index.html").write_text(page, encoding="utf-8")
    return out
