"""The package's layers, checked from its source (issue 12): imports run one way,
cli → features → engine → plan, render is called by cli and never imports it,
the core never imports cli or render, and no module imports itself in a circle.
Imports inside functions count as well as those at the top."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "navplan"

#: layer → the layers it may import (besides itself, and the package's own version).
#: io is the floor every file write stands on: the plan layer saves edits through it, and the
#: plan and engine layers keep their cache files through it. api, the public Python API, stands
#: between cli and the core: it calls the core and never the command line, and cli reaches the core
#: only through it.
ALLOWED = {
    "messages": set(),
    "errors": {"messages"},
    "io": {"errors", "messages"},
    "plan": {"errors", "messages", "io"},
    "engine": {"errors", "messages", "plan", "io"},
    "features": {"errors", "messages", "plan", "engine", "io"},
    "render": {"errors", "messages", "plan", "engine", "features"},
    "schemas": {"errors", "messages", "plan", "render"},
    "cli": {"api", "messages", "render"},  # the core only through the API (tests/test_thin_cli.py)
    "api": {"errors", "messages", "plan", "engine", "features", "io", "dated_schedule"},
    "dated_schedule": {"errors", "messages", "plan", "engine"},  # the API's schedule in dates
    "__init__": {"errors", "messages", "plan", "engine", "features", "io", "render", "schemas", "api"},
    "__main__": {"cli"},
}


def layer(module: str) -> str:
    """'navplan.engine.schedule' → 'engine'; 'navplan.errors' → 'errors'; 'navplan' → '__init__'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    """The navplan modules ``path`` imports (``from navplan.x import y`` counts y when it is a module)."""
    known = modules()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("navplan"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("navplan") and not node.level:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in known else node.module)
    return found


@pytest.mark.parametrize("module", sorted(modules()))
def test_imports_run_one_way(module: str) -> None:
    own = layer(module)
    for imported in imports(modules()[module]):
        other = layer(imported)
        if other == own or imported == "navplan":  # navplan.__version__
            continue
        assert other in ALLOWED[own], f"{module} ({own}) imports {imported} ({other})"


def test_no_module_imports_itself_in_a_circle() -> None:
    """At import time (top-level imports): a circle would make the order of imports matter."""
    graph = {module: {imported for imported in imports(path, top_level_only=True) if imported != module}
             for module, path in modules().items()}
    # A package imports its own __init__ implicitly; an import of a package's module from the
    # package itself is not a circle of modules.
    for module in graph:
        graph[module] = {imported for imported in graph[module] if not module.startswith(imported + ".")}
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as cycle:
        pytest.fail(f"an import circle: {' → '.join(cycle.args[1])}")


def test_no_module_changes_the_environment_on_import() -> None:
    """Issue 18, item 4: importing navplan's modules leaves the process's environment as it was
    (risk_sampling set OPENBLAS_NUM_THREADS when imported, for any program importing navplan);
    only the command's entry point, navplan.cli.app.main, chooses settings for its own run."""
    import subprocess
    import sys

    code = ("import os, pkgutil, importlib, navplan\n"
            "before = dict(os.environ)\n"
            "for info in pkgutil.walk_packages(navplan.__path__, 'navplan.'):\n"
            "    if info.name != 'navplan.__main__':  # runs the command\n"
            "        importlib.import_module(info.name)\n"
            "changed = sorted(k for k in set(before) | set(os.environ) if before.get(k) != os.environ.get(k))\n"
            "print(changed)\n")
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("OPENBLAS_NUM_THREADS",
                                                                           "PYDANTIC_DISABLE_PLUGINS")}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
