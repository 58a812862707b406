"""The package layout draws the pipeline: MkDocs stays in one room, no module imports in a circle,
and hooks/portal/README.md names every module. Read from the source (AST), nothing imported."""
from __future__ import annotations

import ast
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
