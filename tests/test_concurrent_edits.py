"""Two navplan processes writing one plan at the same moment: no edit is lost.

`done`, `start`, `set` and `sync --yes` hold the plan's lock from reading it
to replacing it (navplan/io/plan_lock.py). Without it, two `navplan done`
started together both read the same file and the second rename threw the
first edit away, while both said they had written it (32 of 50 runs in
issue 11), and `sync --yes` racing `done` lost the sync.

Each writer is a process of its own, forked from this one once navplan is
imported (a fresh interpreter per writer would cost the suite a minute for
the same race), released together by a barrier, running the real entry point.
"""

from __future__ import annotations

import datetime as dt
import io
import multiprocessing
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import conftest
from conftest import run_navplan
from navplan.plan.project import load_project
from navplan.plan.values import Status

PAIRS = 50
SYNC_RACES = 20
ON = "01.03.2026"  # before conftest.TODAY, 30.11.2026
FIRST, SECOND = "2.1", "2.2"  # neighbouring blocks: the two edits land a few lines apart


def _warm_up() -> None:
    """Import what a writer needs before forking, so each child only does its edit."""
    import filelock  # noqa: F401
    import openpyxl  # noqa: F401

    import navplan.cli.progress_commands
    import navplan.cli.sync_command
    import navplan.features.progress
    import navplan.features.workbook_sync
    import navplan.plan.editing
    import navplan.render.edit_lines  # noqa: F401


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _writer(args: list[str], barrier, results) -> None:
    """One navplan process: wait for the other, then run the command."""
    from navplan.cli.app import main
    from navplan.cli.environment import Environment

    stdout, stderr = io.StringIO(), io.StringIO()
    barrier.wait()
    code = main(args, Environment(stdout=stdout, stderr=stderr, stdin=io.StringIO(), width=100,
                                  today=conftest.TODAY, environ={}))
    results.put((args[0], code, stderr.getvalue()))


def race(*commands: list[str]) -> list[tuple[str, int, str]]:
    """Run the commands in separate processes, started at the same moment; their (command, exit code, stderr)."""
    _warm_up()
    context = _context()
    barrier = context.Barrier(len(commands))
    results = context.Queue()
    processes = [context.Process(target=_writer, args=([str(a) for a in command], barrier, results))
                 for command in commands]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    return outcomes


@pytest.fixture(scope="module")
def new_plan(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    result = run_navplan("init", folder, "--office", "NAV Samtidig", "--opening", "03.01.2028")
    assert result.exit_code == 0, result.stderr
    return folder / "navplan.yaml"


def statuses(plan: Path, *ids: str) -> list[Status]:
    project = load_project(plan)
    return [project.activities[activity_id].status for activity_id in ids]


def test_fifty_pairs_of_done_at_once_keep_both_edits(new_plan: Path, tmp_path: Path) -> None:
    lost = []
    for attempt in range(PAIRS):
        plan = tmp_path / f"office-{attempt}" / "navplan.yaml"
        plan.parent.mkdir()
        shutil.copyfile(new_plan, plan)
        outcomes = race(["done", FIRST, plan, "--on", ON], ["done", SECOND, plan, "--on", ON])
        assert [code for _, code, _ in outcomes] == [0, 0], outcomes
        if statuses(plan, FIRST, SECOND) != [Status.DONE, Status.DONE]:
            lost.append(attempt)
        assert sorted(p.name for p in plan.parent.iterdir()) == ["navplan.yaml"], "no lock or temporary file is left"
    assert lost == [], f"an edit was lost in {len(lost)} of {PAIRS} pairs"
    assert run_navplan("validate", plan).exit_code == 0


def test_sync_racing_done_keeps_both(new_plan: Path, tmp_path: Path) -> None:
    from workbooks import build_workbook, mark

    lost = []
    for attempt in range(SYNC_RACES):
        plan = tmp_path / f"office-{attempt}" / "navplan.yaml"
        plan.parent.mkdir()
        shutil.copyfile(new_plan, plan)
        workbook = plan.parent.parent / f"progress-{attempt}.xlsx"
        rows = build_workbook(workbook, load_project(plan))
        mark(workbook, rows[FIRST], status="pågår", start=dt.date(2026, 2, 2))
        # The workbook wins for the rows it has (an older workbook may undo progress, as the README says):
        # without a row for SECOND, a sync after the `done` must leave that done in place.
        forget_row(workbook, rows[SECOND])
        outcomes = race(["sync", workbook, plan, "--yes"], ["done", SECOND, plan, "--on", ON])
        assert sorted(code for _, code, _ in outcomes) == [0, 0], outcomes
        if statuses(plan, FIRST, SECOND) != [Status.STARTED, Status.DONE]:
            lost.append(attempt)
    assert lost == [], f"an edit was lost in {len(lost)} of {SYNC_RACES} races"


def forget_row(workbook: Path, row: int) -> None:
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    book.worksheets[0].cell(row, 1).value = None
    book.save(workbook)


HOLDER = """
import sys
from navplan.io.plan_lock import plan_lock
with plan_lock(sys.argv[1]):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_a_writer_that_cannot_get_the_lock_stops_and_writes_nothing(new_plan: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import navplan.io.plan_lock

    plan = tmp_path / "navplan.yaml"
    shutil.copyfile(new_plan, plan)
    before = plan.read_bytes()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(plan)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        monkeypatch.setattr(navplan.io.plan_lock, "LOCK_WAIT_SECONDS", 0.3)
        for command in (["done", FIRST], ["start", FIRST], ["set", FIRST, "--owner", "Kari"]):
            result = run_navplan(*command, plan, "--lang", "en")
            assert result.exit_code == 2
            assert result.stderr == (f"navplan: {plan}: another navplan is writing the plan; waited 0 seconds "
                                     "(nothing was written; try again in a moment)\n")
            assert plan.read_bytes() == before
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    # Once the other writer is done, the same command goes through.
    assert run_navplan("done", FIRST, plan, "--on", ON).exit_code == 0
    assert statuses(plan, FIRST) == [Status.DONE]


def test_a_lock_held_by_a_process_that_died_does_not_block(new_plan: Path, tmp_path: Path) -> None:
    """The system lock ends with its process: a killed writer leaves at most an empty file, never a locked plan."""
    plan = tmp_path / "navplan.yaml"
    shutil.copyfile(new_plan, plan)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(plan)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    holder.kill()
    holder.wait(timeout=60)
    assert run_navplan("done", FIRST, plan, "--on", ON).exit_code == 0
    assert statuses(plan, FIRST) == [Status.DONE]


@pytest.mark.parametrize("kind", ["folder", "link", "link loop"])
def test_a_lock_file_that_is_not_navplans_is_named(kind: str, tmp_path: Path) -> None:
    """Issue 17, item 30: a folder or a symbolic link where the lock file goes stops the edit
    with the lock file named and what it is, not 'cannot lock: is a folder' of nothing named."""
    folder = tmp_path / "kontor"
    folder.mkdir()
    plan = folder / "navplan.yaml"
    shutil.copyfile(conftest.INDRE_OSTFOLD_PLAN, plan)
    lock = folder / ".navplan.yaml.lock"
    if kind == "folder":
        lock.mkdir()
    else:
        lock.symlink_to(tmp_path / "elsewhere" if kind == "link" else lock)
    before = plan.read_bytes()
    result = run_navplan("done", "4.2", plan, "--lang", "en")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    what = "is a folder" if kind == "folder" else "is a symbolic link, which navplan does not follow"
    assert result.stderr == (f"navplan: {plan}: cannot lock the plan for writing: {lock} {what} (nothing was "
                             f"written; remove it: navplan makes its lock file there)\n")
    assert plan.read_bytes() == before
