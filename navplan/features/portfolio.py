"""A county's portfolio: every office's plan summed up on one line, sorted by risk.

The core finds the plan files, loads and schedules each one once, and keeps
only the few facts a county project leader reads across offices. A plan that
cannot be read becomes a line with its error; it never stops the others.
The core never prints and never reads the clock.

A county's worth of plans (from :data:`PARALLEL_FROM` on) is shared out to one
worker process per core: each plan is summed up alone, so the lines, and
their order, are the same as one process would give.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from navplan.errors import NavplanError, os_reason
from navplan.features.portfolio_history import OfficeChanges
from navplan.plan.loading import PLAN_FILE_NAME
from navplan.plan.safe_yaml import MAX_DEPTH

if TYPE_CHECKING:
    from navplan.features.verdict import Verdict

#: Samples per plan for each office's probability of opening on time: as many as
#: `navplan risk` takes by default (``risk_simulation.DEFAULT_SAMPLES``, kept equal by
#: a test; not imported, as it would load numpy for ``--samples 0``), with the same
#: seed, so the portfolio and `navplan risk` give one number for an office. Fewer
#: (``--samples``) are said beside the numbers.
PORTFOLIO_SAMPLES = 10_000
#: Folders never searched for plans: version control, virtual environments, packages.
SKIPPED_FOLDERS = frozenset({".git", ".venv", "node_modules"})
#: From this many plans on, worker processes share them out (starting one costs about as much as a plan).
PARALLEL_FROM = 40


@dataclass
class PortfolioLine:
    """One office. ``error`` is set when the plan could not be loaded or
    scheduled; then only ``file`` (and what was read before the failure) is known."""

    file: str
    office: str | None = None
    opening: dt.date | None = None
    holds: bool | None = None
    opened: bool | None = None
    slack_to_opening: int | None = None  # None once the office has opened
    worst_deadline_id: str | None = None  # the fixed or not-after date with the least slack
    worst_deadline_slack: int | None = None
    missed_deadlines: int | None = None
    critical_id: str | None = None
    critical_title: str | None = None
    overdue: int | None = None
    next_deadline: dt.date | None = None
    next_deadline_id: str | None = None
    error: NavplanError | None = None
    probability_on_time: float | None = None  # by `navplan risk`'s Monte Carlo; None when not sampled
    #: The opening's buffer at P50 and P85 (working days to spare; negative: missing), as `navplan risk` gives it.
    buffer: dict[int, int] | None = None
    #: With --since: what moved since the last county meeting (navplan.features.portfolio_history).
    changes: OfficeChanges | None = None
    #: The one verdict (navplan.features.verdict): the status and the sort follow it.
    verdict: Verdict | None = None
    #: Against the plan's baseline, when it has one: its day, and the opening's variance in working days.
    baseline_recorded: dt.date | None = None
    baseline_variance: int | None = None

    @property
    def missing_working_days(self) -> int | None:
        if self.slack_to_opening is None:
            return None
        return max(0, -self.slack_to_opening)

    @property
    def risk_slack(self) -> int | None:
        """The worst of the opening's slack and every deadline's: what the county ranks by."""
        slacks = [s for s in (self.slack_to_opening, self.worst_deadline_slack) if s is not None]
        return min(slacks) if slacks else None

    def risk_key(self) -> tuple:
        """Readable plans first: offices not yet opened before those that have,
        each by the verdict (red, yellow, green), then by the worst slack (most
        missing days first), then the least probability of opening on time,
        then earliest opening; bad plans last, by file."""
        if self.error is not None:
            return (2, 0, 0, 0, 0.0, dt.date.max, self.file)
        risk = self.risk_slack
        rank = self.verdict.rank if self.verdict is not None else 2
        chance = self.probability_on_time if self.probability_on_time is not None else 1.0
        return (0, bool(self.opened), rank, risk if risk is not None else 1 << 30, chance, self.opening, self.file)


def find_plans(paths: Iterable[str | Path]) -> list[Path | NavplanError]:
    """Plan files named by ``paths``: a file as it is, a folder searched
    recursively for navplan.yaml (skipping .git, .venv and node_modules).
    A folder with no plan, a folder that cannot be read, or a path that does
    not exist, is an error in its place. Each file is listed once (by the file
    it is, through any link), in the order found."""
    found: list[Path | NavplanError] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.append(path)

    for given in paths:
        path = Path(given)
        try:
            is_dir, exists = path.is_dir(), path.exists() or path.is_symlink()
        except OSError as error:  # a name too long for the file system
            found.append(NavplanError("error.cannot_open", file=path, reason=os_reason(error)))
            continue
        if is_dir:
            inside, unreadable = _search(path)
            if not inside and not unreadable:
                found.append(NavplanError("error.portfolio.no_plans", file=path, name=PLAN_FILE_NAME))
            for plan in inside:
                add(plan)
            found.extend(unreadable)
        elif exists:
            add(path)
        else:
            found.append(NavplanError("error.file_not_found", file=path))
    return found


def _search(top: Path) -> tuple[list[Path], list[NavplanError]]:
    """The plans under ``top`` in the order a top-down walk meets them (folders
    sorted by name), and each folder that could not be read. A loop with a
    stack rather than recursion: a tree a thousand folders deep is searched too.

    A link to a folder (a county folder of links to the offices' folders on a
    shared drive) is searched too, after the real folders, so a plan is named by
    its real path where the tree holds one; each folder is searched once, by what
    it is (device and inode), so a link back up the tree or to a folder already
    searched adds nothing."""
    plans: list[Path] = []
    unreadable: list[NavplanError] = []
    searched: set[tuple[int, int]] = set()
    stack, linked = [top], []
    while stack or linked:
        folder = stack.pop() if stack else linked.pop(0)
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in searched:
                continue
            searched.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            unreadable.append(NavplanError("error.portfolio.unreadable_folder", file=folder, reason=os_reason(error)))
            continue
        subfolders = []
        for entry in entries:
            kind = _folder_kind(entry)
            if entry.name == PLAN_FILE_NAME and kind is None:
                plans.append(folder / entry.name)
            elif kind is not None and entry.name not in SKIPPED_FOLDERS:
                (subfolders if kind == "folder" else linked).append(folder / entry.name)
        stack.extend(reversed(subfolders))
    return plans, unreadable


def _folder_kind(entry: os.DirEntry) -> str | None:
    """"folder", "link" for a link to a folder, None for anything else (a link that leads nowhere too)."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        return "link" if entry.is_symlink() and entry.is_dir() else None
    except OSError:
        return None


def summarise(path: Path, as_of: dt.date, lang: str, samples: int = PORTFOLIO_SAMPLES,
              since: dt.date | str | None = None) -> PortfolioLine:
    """Load and schedule one plan, once, and sum it up; with ``samples``, also
    sample it for the probability of opening on time; with ``since`` (a date or a
    revision name), also compare it with the plan in its git history then. Bad
    input becomes the line's error."""
    from navplan.engine.schedule import schedule
    from navplan.plan.project import load_project

    line = PortfolioLine(file=str(path))
    try:
        project = load_project(path)
        line.office, line.opening = project.plan.office, project.plan.opening
        result = schedule(project, as_of)
        if samples and not result.opened:  # once opened, there is nothing left to be on time for
            from navplan.engine.risk_simulation import DEFAULT_SEED
            from navplan.features.schedule_risk import opening_outlook

            outlook = opening_outlook(result, samples, DEFAULT_SEED)
            line.probability_on_time, line.buffer = outlook.probability, outlook.slack
    except NavplanError as error:
        line.error = error.located(path)
        return line
    except RecursionError:
        line.error = NavplanError("error.yaml.nesting", file=path, depth=MAX_DEPTH)
        return line
    except OSError as error:  # unreadable: permissions, a vanished file, a disk error
        line.error = NavplanError("error.cannot_read", file=path, reason=os_reason(error))
        return line
    except Exception as error:  # noqa: BLE001  a bug in navplan must not hide the other offices
        line.error = NavplanError("error.internal", file=path, detail=f"{type(error).__name__}: {error}")
        return line
    _fill(line, result, lang, samples)
    if since is not None:  # git is asked only when a county meeting asks what moved
        from navplan.features.portfolio_history import office_changes

        line.changes = office_changes(path, result, since, lang)
    return line


def _fill(line: PortfolioLine, result, lang: str, samples: int = PORTFOLIO_SAMPLES) -> None:
    from navplan.engine.deadlines import overdue
    from navplan.features.baseline import compare_with_baseline
    from navplan.features.verdict import judge
    from navplan.plan.values import Status

    line.verdict = judge(result, line.probability_on_time, samples)
    against = compare_with_baseline(result)
    if against is not None:
        line.baseline_recorded, line.baseline_variance = against.recorded, against.opening_variance

    line.holds = result.opening_holds
    line.opened = result.opened
    line.slack_to_opening = None if result.opened else result.slack_to_opening
    if result.deadlines:
        worst = min(result.deadlines, key=lambda check: check.slack)
        line.worst_deadline_id, line.worst_deadline_slack = worst.id, worst.slack
    line.missed_deadlines = len(result.missed)
    if result.critical_path:  # open activities only, earliest first
        first = result.activities[result.critical_path[0]]
        line.critical_id, line.critical_title = first.id, first.activity.title.get(lang)
    # The same count critical-path shows under "Overdue".
    line.overdue = len(overdue(result))
    best: tuple[dt.date, str] | None = None
    for scheduled in result.leaves():  # outline order: the first of equal deadlines wins
        if scheduled.status is Status.DONE or scheduled.activity.is_milestone:
            continue
        finish = scheduled.dates["latest_finish"]
        if finish >= result.as_of and (best is None or finish < best[0]):
            best = (finish, scheduled.id)
    if best is not None:
        line.next_deadline, line.next_deadline_id = best


def portfolio(paths: Iterable[str | Path], as_of: dt.date, lang: str,
              advance: Callable[[], None] | None = None, found: list[Path | NavplanError] | None = None,
              workers: int | None = None, samples: int = PORTFOLIO_SAMPLES,
              since: dt.date | str | None = None) -> list[PortfolioLine]:
    """Every plan under ``paths`` summed up, sorted by risk. ``advance`` is
    called after each plan (for a progress bar); ``found`` may be passed when
    the caller has already searched. ``workers`` processes share the plans
    out (default: one per core for :data:`PARALLEL_FROM` plans or more);
    ``samples`` per plan for the probability of opening on time (0: none);
    ``since``: each office's changes since then (see :func:`summarise`)."""
    items = find_plans(paths) if found is None else found
    plans = [item for item in items if not isinstance(item, NavplanError)]
    summaries = _summaries(plans, as_of, lang, _workers(len(plans)) if workers is None else workers, samples,
                           since)
    lines: list[PortfolioLine] = []
    for item in items:
        if isinstance(item, NavplanError):
            lines.append(PortfolioLine(file=item.file or "", error=item))
        else:
            lines.append(next(summaries))
        if advance is not None:
            advance()
    summaries.close()  # ends the worker processes, if any
    return sorted(lines, key=PortfolioLine.risk_key)


def _workers(plans: int) -> int:
    if plans < PARALLEL_FROM:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, plans // PARALLEL_FROM))


def _summaries(plans: list[Path], as_of: dt.date, lang: str, workers: int,
               samples: int = PORTFOLIO_SAMPLES, since: dt.date | str | None = None) -> Iterator[PortfolioLine]:
    """Each plan summed up, in the order given, by this process or by ``workers`` worker processes."""
    if workers <= 1:
        for plan in plans:
            yield _summarise_then_collect(plan, as_of, lang, samples, since)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import networkx  # noqa: F401  (so the workers order every network with it, and read no order cache)

    import navplan.engine.deadlines
    import navplan.engine.schedule  # noqa: F401
    from navplan.plan.current_layer import LAYERS
    from navplan.plan.handbook_files import layered

    # Forked workers inherit the modules, the handbook, the templates and the current
    # layers already read; elsewhere (spawn on macOS and Windows) each worker reads them once.
    for template in ("new", "merger", "split"):
        for current in (None, *LAYERS):
            layered(template, current)
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    chunk = max(1, min(16, len(plans) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_end_with_parent,
                             initargs=(os.getpid(),)) as pool:
        yield from pool.map(_summarise_then_collect, plans, repeat(as_of), repeat(lang), repeat(samples), repeat(since),
                            chunksize=chunk)


def _summarise_then_collect(path: Path, as_of: dt.date, lang: str, samples: int = PORTFOLIO_SAMPLES,
                            since: dt.date | str | None = None) -> PortfolioLine:
    """:func:`summarise`, with Python's cyclic garbage collector held while the plan is
    read and scheduled and run once when it is done. Mid-plan the collector traverses the
    plan's live objects (its models, network and schedule) over and over; once the plan is
    summed up they are gone, and one collection of the youngest objects finds only the
    plan's garbage: about a tenth of the processor time of a portfolio's plans, and less
    memory than collections by count left behind."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return summarise(path, as_of, lang, samples, since)
    finally:
        if enabled:
            gc.enable()
        gc.collect(0)


def _end_with_parent(parent: int) -> None:
    """In a worker: end when the navplan process that started it is gone (killed,
    say), rather than wait for work that will never come."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="navplan-parent-watch", daemon=True).start()
