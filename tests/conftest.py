"""Shared fixtures: the real entry point driven with injected streams."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from navplan.cli.app import Environment, main

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
TERMINAL_WIDTH = 100


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_navplan(*args: str) -> Run:
    """Run navplan's real entry point with a fixed terminal width and no colour."""
    stdout, stderr = io.StringIO(), io.StringIO()
    # Typer prints help and usage errors to sys.stdout/sys.stderr itself.
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main([str(a) for a in args], Environment(stdout=stdout, stderr=stderr, width=TERMINAL_WIDTH))
    return Run(code, stdout.getvalue(), stderr.getvalue())


@pytest.fixture
def navplan():
    return run_navplan


@pytest.fixture(autouse=True)
def _no_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", str(TERMINAL_WIDTH))
