"""The web editor's translation sign-off (hooks/portal/outputs/translation_check.js), run in Node:
it fingerprints a text and finds an entry's text fields exactly as the build does."""
from __future__ import annotations

import json
import subprocess

import yaml

from portal.content import translations

from conftest import FIXTURE_DATA, ROOT, require_tool

MODULE = ROOT / "hooks" / "portal" / "outputs" / "translation_check.js"
TEXTS = [
    "Pendaftaran di LTSA",
    "Pendaftaran di LTSA ",  # trailing space
    "  Dua  baris\n\nteks\t",  # runs of spaces, newlines, tabs
    "Cafe\u0301 dan caf\u00e9",  # NFD and NFC: the same text
    "Jangan bayar calo 💸🙏🏽",  # emoji, outside the BMP
    "tanpa\u00a0spasi\u2003lebar\u3000jepang",  # spaces JavaScript and Python both collapse
    "batas\x1cfile\x85baris",  # spaces only Python's \s knows
    "BOM\ufeffdi tengah",  # a space only JavaScript's \s knows: not collapsed
    "",
]


def _node(script: str, *args: str) -> str:
    node = require_tool("node", "apt-get install nodejs")
    result = subprocess.run([node, "--input-type=module", "-e", script, *args], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_browser_fingerprint_is_the_builds():
    script = (f"import {{ fingerprint }} from {json.dumps(MODULE.as_uri())};\n"
              "const texts = JSON.parse(process.argv[1]);\n"
              "console.log(JSON.stringify(await Promise.all(texts.map(fingerprint))));")
    assert json.loads(_node(script, json.dumps(TEXTS))) == [translations.fingerprint(t) for t in TEXTS]
    assert translations.fingerprint(TEXTS[3]) == translations.fingerprint("Caf\u00e9 dan caf\u00e9")


def test_the_browser_finds_the_builds_text_fields_with_their_paths():
    folders = ("procedures", "programs", "countries", "situations")
    files = [p for d in folders for p in sorted((FIXTURE_DATA / d).glob("*.yaml"))]
    entries = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in files}
    script = (f"import {{ fingerprints }} from {json.dumps(MODULE.as_uri())};\n"
              "const entries = JSON.parse(process.argv[1]);\n"
              "const out = {};\n"
              "for (const [name, data] of Object.entries(entries)) {\n"
              "  out[name] = await fingerprints(data, ['id', 'en']);\n"
              "}\n"
              "console.log(JSON.stringify(out));")
    found = json.loads(_node(script, json.dumps(entries, default=str)))
    assert found == {name: translations.sources(data, ("id", "en")) for name, data in entries.items()}
    assert "steps[0].title" in found["jalur-resmi.yaml"]
