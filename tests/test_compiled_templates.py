"""The theme's templates are compiled once into .cache/templates, and an edited template is compiled afresh."""
from __future__ import annotations

import jinja2
import pytest

from portal.mkdocs import templates

pytestmark = pytest.mark.unit


def test_compiled_templates_are_kept_and_an_edit_is_seen(tmp_path):
    (tmp_path / "theme").mkdir()
    page = tmp_path / "theme" / "page.html"

    def rendered() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path / "theme"))  # a new one per build
        templates.cache_compiled(env, tmp_path)
        return env.get_template("page.html").render(name="PMI")

    page.write_text("Halo {{ name }}", encoding="utf-8")
    assert rendered() == "Halo PMI"
    assert list((tmp_path / templates.COMPILED_DIR).iterdir()), "nothing kept"
    page.write_text("Selamat datang, {{ name }}", encoding="utf-8")
    assert rendered() == "Selamat datang, PMI"
