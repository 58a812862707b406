"""The suite's own rules: a test reaches the real content only through ``REAL_DATA`` or ``real_site``
(tests/conftest.py), so that it is marked ``real_content`` and the rehearsal (scripts/rehearse.py)
runs it on a staff member's edits."""
from __future__ import annotations

import ast

import pytest

from conftest import REAL_DATA, ROOT, reads_real_content


def _joins_root_with_data(tree: ast.AST) -> list[int]:
    """Lines of ``ROOT / "data…"`` and ``ROOT.joinpath("data…")``."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            left, right = node.left, node.right
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "joinpath" \
                and node.args:
            left, right = node.func.value, node.args[0]
        else:
            continue
        if isinstance(left, ast.Name) and left.id == "ROOT" and isinstance(right, ast.Constant) \
                and str(right.value).split("/")[0] == "data":
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("path", sorted((ROOT / "tests").glob("*.py")), ids=lambda p: p.name)
def test_no_test_reaches_the_real_content_around_real_data(path):
    if path.name == "conftest.py":
        return
    lines = _joins_root_with_data(ast.parse(path.read_text(encoding="utf-8")))
    assert not lines, f"{path.name}:{lines}: use REAL_DATA (or REAL_UI) from conftest, which marks the test"


def test_the_guard_sees_both_spellings():
    tree = ast.parse('a = ROOT / "data"\nb = ROOT.joinpath("data", "ui")\nc = ROOT / "docs"\n')
    assert _joins_root_with_data(tree) == [1, 2]


def test_a_test_naming_real_data_is_marked(request):
    assert REAL_DATA.name == "data"  # this test names it, so it reads the real content
    assert reads_real_content(request.node) and request.node.get_closest_marker("real_content")


def test_a_test_on_the_fixture_is_not_marked(request):
    assert not reads_real_content(request.node) and not request.node.get_closest_marker("real_content")
