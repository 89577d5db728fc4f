"""Shared fixtures: the real entry point driven with injected streams."""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import hypothesis
import pytest

from navplan.cli.app import main
from navplan.cli.environment import Environment

# The holiday cache goes to a folder of this test process, never to the user's own cache
# (set before anything runs, so subprocesses inherit it); each pytest-xdist worker has its own,
# removed when the process ends.
os.environ["NAVPLAN_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="navplan-test-cache-")
_CACHE_OWNER = os.getpid()  # a forked child that exits through atexit leaves the folder to its parent
atexit.register(lambda: os.getpid() == _CACHE_OWNER and shutil.rmtree(_CACHE, ignore_errors=True))

# Hypothesis keeps no example database (it would be a folder in the checkout that every worker
# writes), and draws the same examples every run, so a failure is there again on the next run.
hypothesis.settings.register_profile("navplan", database=None, derandomize=True)
hypothesis.settings.load_profile("navplan")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
INDRE_OSTFOLD_PLAN = EXAMPLES / "indre-ostfold" / "navplan.yaml"


def copy_of_indre_ostfold(folder: Path) -> Path:
    """Indre Østfold's plan copied into ``folder`` (made if missing), for a test to edit."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "navplan.yaml"
    target.write_bytes(INDRE_OSTFOLD_PLAN.read_bytes())
    return target
TERMINAL_WIDTH = 100
#: "Today" for every run that does not pass --as-of: tests never read the clock.
TODAY = dt.date(2026, 11, 30)


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_navplan(*args: str, today: dt.date | None = None, environ: dict[str, str] | None = None,
                width: int | None = TERMINAL_WIDTH) -> Run:
    """Run navplan's real entry point with a fixed terminal width, no colour and a fixed today.

    ``width=None`` is output to a file or a pipe: as wide as its content."""
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


# Several workers at once (pytest-xdist, `make test` runs `-n auto`): the scheduler below hands each worker
# one test at a time, longest first, except that the tests of a module in ONE_WORKER go to one worker together.

#: Modules whose tests share a module fixture too costly to build on every worker: the fixture is built once.
#: (MPXJ's JVM is session-wide: it starts once per worker, in about a second.)
ONE_WORKER = {
    "test_workbook_print.py": "LibreOffice prints and saves eight workbooks in three runs",
    "test_excel_libreoffice.py": "LibreOffice converts the workbook to PDF and back",
    "test_report_chromium.py": "Chromium screenshots and prints the report",
    "test_ods.py": "four workbooks exported",
    "test_bad_workbooks.py": "two workbooks exported and edited",
    "test_county_levelling.py": "a county of twenty offices levelled (about 20 s under load)",
}

#: The longest tests and modules (node ids below tests/, or their beginnings), longest first: started first, so
#: that no worker is left running a long one alone at the end. Measured with --durations.
LONGEST_FIRST = (
    "test_pre_commit_hook.py",  # pip builds the hook's environment
    "test_workbook_print.py",
    "test_concurrent_edits.py::test_fifty_pairs_of_done_at_once_keep_both_edits",
    "test_hostile_inputs.py::test_the_pure_python_parser_is_as_safe[deep_nesting_10000.yaml]",
    "test_concurrent_edits.py::test_sync_racing_done_keeps_both",
    "test_atomic_kill.py::test_a_killed_write_leaves_the_old_or_the_new_file_whole",
    "test_excel_libreoffice.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.nodeid.removeprefix("tests/")
        return next((index for index, prefix in enumerate(LONGEST_FIRST) if name.startswith(prefix)),
                    len(LONGEST_FIRST))

    items.sort(key=rank)  # stable: the rest keep their order, and a module's tests stay together


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: without it, pytest runs everything in one process
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """pytest-xdist's own --dist loadgroup would do this with xdist_group marks, but under pytest 9.2 it
    silently groups nothing (pytest-xdist issue 1386): this scheduler groups by the node id instead."""
    if config.getvalue("dist") not in ("load", "loadgroup"):  # another --dist given on purpose
        return None
    from xdist.scheduler import LoadScopeScheduling

    class LongestFirstInGroups(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if Path(module).name in ONE_WORKER else nodeid

    config.option.loadscopereorder = False  # keep the order above, not the largest group first
    return LongestFirstInGroups(config, log)


@pytest.fixture(scope="session")
def mpxj():
    """MPXJ's reader, on a JVM started once for the whole run."""
    import shutil

    if shutil.which("java") is None:
        pytest.skip("no Java runtime: MPXJ needs one (e.g. apt-get install default-jre-headless)")
    jpype = pytest.importorskip("jpype", reason="JPype1 is not installed: pip install -e '.[test]'")
    pytest.importorskip("mpxj", reason="mpxj is not installed: pip install -e '.[test]'")  # puts its jars on the path
    if not jpype.isJVMStarted():
        jpype.startJVM()
    import org.mpxj as mpxj_package  # noqa: F401  (MPXJ 14 and later; net.sf.mpxj before)

    return jpype.JPackage("org").mpxj


def mpxj_schedule(mpxj, path: Path, as_of: dt.date) -> dict[str, tuple]:
    """MPXJ's own CPM (its Primavera scheduler) run on an MSPDI file back from
    the project's finish: each task's (early start, early finish, late start,
    late finish, total slack in days) by name. The dates the file holds are
    cleared first, so only the scheduler sets them (what a P6 activity needs
    and MSPDI has no field for is set too); summaries are left out."""
    from java.time import LocalDateTime

    project = mpxj.reader.UniversalProjectReader().read(str(path))
    project.getProjectProperties().setMustFinishBy(project.getProjectProperties().getFinishDate())
    for task in project.getTasks():
        if task.getSummary():
            continue
        milestone_type = mpxj.ActivityType.FINISH_MILESTONE
        task.setActivityType(milestone_type if task.getMilestone() else mpxj.ActivityType.TASK_DEPENDENT)
        task.setRemainingDuration(task.getDuration())
        task.setConstraintType(mpxj.ConstraintType.AS_SOON_AS_POSSIBLE)
        task.setStart(None)
        task.setFinish(None)
    mpxj.cpm.PrimaveraScheduler().schedule(project, LocalDateTime.of(as_of.year, as_of.month, as_of.day, 8, 0))

    def date(value) -> dt.date:
        return dt.date(value.getYear(), value.getMonthValue(), value.getDayOfMonth())

    return {str(task.getName()): (date(task.getEarlyStart()), date(task.getEarlyFinish()), date(task.getLateStart()),
                                  date(task.getLateFinish()), task.getTotalSlack().getDuration())
            for task in project.getTasks() if not task.getSummary() and task.getName() is not None}
