"""The package layout draws the pipeline: MkDocs stays in one room, no module imports in a circle,
and hooks/portal/README.md names every module. Read from the source (AST), nothing imported."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "portal"
FENCED = ("mkdocs", "mkdocs_static_i18n", "material")  # imported only in portal/mkdocs/
MKDOCS_ROOM = "portal.mkdocs"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, text: str | None = None) -> list[tuple[str, int]]:
    """(dotted module name, line) of every import in ``path``, function-level ones included;
    ``from a import b`` counts as importing ``a.b`` when that is a module, else ``a``."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    text = path.read_text(encoding="utf-8") if text is None else text
    for node in ast.walk(ast.parse(text, str(path))):
        if isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.append((sub if sub in MODULES else base, node.lineno))
    return out


def test_only_the_mkdocs_room_imports_mkdocs():
    offenders = [f"{path.relative_to(ROOT)}:{line} imports {target}"
                 for name, path in MODULES.items() if not (name + ".").startswith(MKDOCS_ROOM + ".")
                 for target, line in imports(path) if target.split(".")[0] in FENCED]
    assert not offenders, ("only hooks/portal/mkdocs/ may import MkDocs, Material or mkdocs-static-i18n "
                           "(the rest is plain Python, testable without them):\n" + "\n".join(offenders))


def import_graph() -> dict[str, set[str]]:
    return {name: {target for target, _ in imports(path) if target in MODULES and target != name}
            for name, path in MODULES.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each as a list."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    found = cycles(import_graph())
    assert not found, "modules that import each other (function-level imports count too):\n" + "\n".join(
        " <-> ".join(group) for group in found)


def test_cycle_finder_sees_a_function_level_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    text = "def f():\n    from portal.site import pages\n    import mkdocs.plugins\n"
    found = [target for target, _ in imports(PACKAGE / "site" / "x.py", text)]
    assert found == ["portal.site.pages", "mkdocs.plugins"]


def test_the_package_readme_names_every_module():
    readme = (PACKAGE / "README.md").read_text(encoding="utf-8")
    listed = {line.split("`")[1] for line in readme.splitlines() if line.startswith("| `")}
    on_disk = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py") if path.name != "__init__.py"}
    assert listed == on_disk, f"missing from hooks/portal/README.md: {sorted(on_disk - listed)}; " \
                              f"listed but gone: {sorted(listed - on_disk)}"


# HTML lives in templates (overrides/sections/, overrides/pages/, overrides/brochure/), never in Python.
HTML_ELEMENTS = ("a abbr article aside b body br code dd details div dl dt em footer form h1 h2 h3 h4 h5 h6 head "
                 "header hr html i img input label li link main meta nav noscript ol p pre section small span "
                 "strong style summary svg script table tbody td th thead title tr ul").split()
HTML_TAG = re.compile(r"<!doctype|</?(?:%s)(?=[\s>/])" % "|".join(HTML_ELEMENTS), re.I)
HTML_ALLOWED = {
    # the privacy check names what it found where (finding labels, not HTML it builds)
    ("checks/privacy.py", "<link rel="), ("checks/privacy.py", "<meta refresh>"),
    ("checks/privacy.py", "<style>"), ("checks/privacy.py", "<script>"),
    # the pattern that takes the index-only blocks (templates/search_extras.html) out of built pages
    ("outputs/search.py", r'\n?<div class="pmi-search-(?:aliases|filters)" hidden[^>]*>.*?</div>'),
    # the parts of a built page whose white space is kept as written
    ("site/whitespace.py", r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)"),
}


def html_in_strings(path: Path, text: str | None = None) -> list[tuple[int, str]]:
    """(line, literal) of each string literal in ``path`` holding an HTML tag; docstrings (a string
    standing alone as a statement) left out."""
    tree = ast.parse(path.read_text(encoding="utf-8") if text is None else text)
    docstrings = {id(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and HTML_TAG.search(node.value)]


def test_no_html_in_python_strings():
    found = [f"hooks/{path.relative_to(PACKAGE.parent)}:{line}: {value[:60]!r}"
             for path in sorted((ROOT / "hooks").rglob("*.py")) for line, value in html_in_strings(path)
             if (path.relative_to(PACKAGE).as_posix() if path.is_relative_to(PACKAGE) else "", value)
             not in HTML_ALLOWED]
    assert not found, "HTML belongs in a template (see hooks/portal/README.md):\n" + "\n".join(found)


def test_html_finder_sees_tags_in_strings_and_f_strings(tmp_path):
    source = ('"""A <p> in a docstring is prose."""\n'
              'x = f\'<p class="{cls}">\'\n"""A <b> after an assignment documents it."""\nz = "</ul>\\n" + "<slug>.yaml"\n')
    assert [line for line, _ in html_in_strings(tmp_path / "m.py", source)] == [2, 4]
