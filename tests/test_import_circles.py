"""No import circle among navplan's modules (issue 18).

A circle makes the order of imports matter: whichever module is imported first sees the other half
initialised, and a name moved on one side breaks the other at run time. The imports are read from the
source with ast, not by importing: every `import` and `from ... import` that runs counts, at module
level and inside a function (a deferred import still closes the circle when it runs). One under
`if TYPE_CHECKING:` never runs and is not counted: a type checker resolves such a pair of annotations
without executing either module (four pairs of modules name each other's types so: schedule and
planned_levelling, dependency_graph and order_cache, plan.project and plan.capacity, and the package
`navplan` whose names editors see through it). `from package import name` leads to the module `package.name` when there is
one, else to `package`. Importing a module also runs its packages' `__init__`; that implicit step is not
counted, only the imports the code writes.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "navplan"


def _modules(package: Path) -> dict[str, Path]:
    modules = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def import_graph(package: Path = PACKAGE) -> nx.DiGraph:
    """Module → module it imports, each edge with the file and line of its first import."""
    modules = _modules(package)
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for_the_type_checker = {id(inner) for block in ast.walk(tree) if _type_checking(block)
                                for statement in block.body for inner in ast.walk(statement)}
        for node in ast.walk(tree):
            if id(node) in for_the_type_checker:
                continue
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    module = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    module = node.module or ""
                submodules = [f"{module}.{alias.name}" for alias in node.names
                              if f"{module}.{alias.name}" in modules]
                targets = submodules or [module]
            else:
                continue
            for target in targets:
                if target in modules and target != name and not graph.has_edge(name, target):
                    where = f"{path.relative_to(package.parent)}:{node.lineno}"
                    graph.add_edge(name, target, where=where)
    return graph


def _type_checking(node: ast.AST) -> bool:
    """`if TYPE_CHECKING:` or `if typing.TYPE_CHECKING:` (its else branch runs and is not skipped)."""
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def circles(graph: nx.DiGraph) -> list[str]:
    found = []
    for cycle in nx.simple_cycles(graph):
        first = cycle.index(min(cycle))  # each circle told from its first module by name, whatever the hash seed
        cycle = cycle[first:] + cycle[:first]
        steps = [f"{a} ({graph.edges[a, b]['where']})" for a, b in zip(cycle, [*cycle[1:], cycle[0]], strict=True)]
        found.append(" -> ".join([*steps, cycle[0]]))
    return sorted(found)


def test_no_import_circle_among_navplans_modules():
    found = circles(import_graph())
    assert not found, "import circles:\n" + "\n".join(found)


def test_the_circle_finder_finds_a_circle_through_a_deferred_import(tmp_path):
    # The finder itself can fail: a module-level import one way and a function-level one back,
    # a relative import, and a `from package import module`, as navplan writes them.
    package = tmp_path / "navplan"
    (package / "render").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "render" / "__init__.py").write_text("")
    (package / "render" / "sections.py").write_text("def f():\n    from navplan.render import risk\n")
    (package / "render" / "risk.py").write_text("from .sections import f\n")
    (package / "render" / "alone.py").write_text("import navplan.render.risk\n")
    assert circles(import_graph(package)) == [
        "navplan.render.risk (navplan/render/risk.py:1) -> "
        "navplan.render.sections (navplan/render/sections.py:2) -> navplan.render.risk"]
    (package / "render" / "risk.py").write_text("x = 1\n")
    assert circles(import_graph(package)) == []
    # Names for the type checker alone close no circle; the else branch of such an `if` runs.
    (package / "render" / "risk.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .sections import f\n")
    assert circles(import_graph(package)) == []
    (package / "render" / "risk.py").write_text(
        "import typing\nif typing.TYPE_CHECKING:\n    pass\nelse:\n    from .sections import f\n")
    assert len(circles(import_graph(package))) == 1
