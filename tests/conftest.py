"""Shared fixtures: the real entry point driven with injected streams."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from navplan.cli.app import main
from navplan.cli.environment import Environment

# The holiday cache goes to a folder of this test run, never to the user's own cache
# (set before anything runs, so subprocesses inherit it).
os.environ["NAVPLAN_CACHE_DIR"] = tempfile.mkdtemp(prefix="navplan-test-cache-")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
TERMINAL_WIDTH = 100
#: "Today" for every run that does not pass --as-of: tests never read the clock.
TODAY = dt.date(2026, 11, 30)


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_navplan(*args: str, today: dt.date | None = None, environ: dict[str, str] | None = None,
                width: int = TERMINAL_WIDTH) -> Run:
    """Run navplan's real entry point with a fixed terminal width, no colour and a fixed today."""
    import conftest

    stdout, stderr = io.StringIO(), io.StringIO()
    # Typer prints help and usage errors to sys.stdout/sys.stderr itself.
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main([str(a) for a in args], Environment(stdout=stdout, stderr=stderr, stdin=io.StringIO(),
                                                        width=width, today=today or conftest.TODAY,
                                                        environ=environ if environ is not None else {}))
    return Run(code, stdout.getvalue(), stderr.getvalue())


@pytest.fixture
def navplan():
    return run_navplan


@pytest.fixture(autouse=True)
def _no_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", str(TERMINAL_WIDTH))
