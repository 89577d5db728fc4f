"""The baseline: the dates the steering group approved, and how far the plan has moved from them.

`navplan baseline` records each task's and milestone's planned start and finish
(:func:`planned_dates`) in the plan file, under a top-level ``baseline:`` block
with the day it was recorded and the opening date of that day, so the baseline
lives in git beside the plan it was taken from and `git diff` shows it. Only
that block's lines change; every other line keeps its bytes. A baseline that
exists is replaced only with ``force``, and what it replaced is said.

Every output then measures the plan against it (:func:`compare_with_baseline`):
the **variance**, in working days, of each activity's planned finish now
against its baseline finish (positive: later than approved), as MS Project's
finish variance, and of the opening: the day the office can open now (the
opening date, or the forecast opening when it does not hold) against the
opening of the baseline.

The core never prints and never reads the clock: the as-of day is passed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from navplan.engine.schedule import Schedule
from navplan.errors import Message, NavplanError
from navplan.plan.plan_model import Baseline

#: The top-level key of the plan file that holds the baseline.
BASELINE_KEY = "baseline"


def planned_dates(schedule: Schedule) -> dict[str, tuple[dt.date, dt.date]]:
    """Each task's and milestone's planned start and finish (first and last day of its
    work; a milestone's day twice), by id, in outline order: what a baseline records and
    what the variance measures now. The opening is not among them (its date is the plan's).

    The planned dates are issue 19's: each activity as soon or as late as possible by its
    mode, levelled to people's capacity when the plan gives one; done and started work
    keeps its forecast. This is the one function that says what "the plan" is;
    everything about baselines and variance reads it (``tests/test_baseline.py`` pins
    its shape)."""
    return {s.id: (s.dates["planned_start"], s.dates["planned_finish"]) for s in schedule.leaves()}


@dataclass(frozen=True)
class ActivityVariance:
    """One activity in the baseline and in the plan now; variances in working days, positive = later."""

    id: str
    baseline_start: dt.date
    baseline_finish: dt.date
    start: dt.date  # planned now
    finish: dt.date
    start_variance: int
    variance: int  # of the finish: what "3 uker etter planen" says


@dataclass(frozen=True)
class BaselineComparison:
    """The plan now against its baseline."""

    recorded: dt.date
    baseline_opening: dt.date
    opening: dt.date  # the day the office can open now: the opening date, or the forecast when it does not hold
    opening_variance: int  # working days, positive: later than the baseline's opening
    activities: dict[str, ActivityVariance]  # in both, in outline order
    added: list[str] = field(default_factory=list)  # in the plan now, not in the baseline
    removed: list[str] = field(default_factory=list)  # in the baseline, not in the plan now (dropped or deleted)

    @property
    def moved(self) -> list[ActivityVariance]:
        """Activities whose planned start or finish is no longer the baseline's, in outline order."""
        return [v for v in self.activities.values() if v.variance or v.start_variance]

    @property
    def late(self) -> list[ActivityVariance]:
        return [v for v in self.activities.values() if v.variance > 0]


def compare_with_baseline(schedule: Schedule, baseline: Baseline | None = None) -> BaselineComparison | None:
    """The plan of ``schedule`` against the baseline its plan file holds (or ``baseline``, another
    version's: `diff` measures the plan at a revision against today's baseline); None without one."""
    baseline = baseline if baseline is not None else schedule.project.plan.baseline
    if baseline is None:
        return None
    now = planned_dates(schedule)
    count = working_day_counter(schedule, [day for dates in baseline.activities.values()
                                           for day in (dates.start, dates.finish)] + [baseline.opening])
    activities: dict[str, ActivityVariance] = {}
    for activity_id, (start, finish) in now.items():
        approved = baseline.activities.get(activity_id)
        if approved is None:
            continue
        activities[activity_id] = ActivityVariance(
            activity_id, approved.start, approved.finish, start, finish,
            count(approved.start, start), count(approved.finish, finish))
    opening = max(schedule.project.opening_date, schedule.forecast_opening)
    return BaselineComparison(
        recorded=baseline.recorded, baseline_opening=baseline.opening, opening=opening,
        opening_variance=count(baseline.opening, opening), activities=activities,
        added=[i for i in now if i not in baseline.activities],
        removed=[i for i in baseline.activities if i not in now])


def working_day_counter(schedule: Schedule, days: list[dt.date]):
    """Working days from one date to another on the plan's calendar (its holidays and
    closures), widened when a date lies outside it: ``count(a, b)`` is positive when b is later."""
    calendar = schedule.calendar
    if days and (min(days) < calendar.first or max(days) > calendar.last):
        from navplan.engine.working_days import WorkCalendar

        calendar = WorkCalendar(min([*days, calendar.first]), max([*days, calendar.last]),
                                fellesferie_weeks=calendar.fellesferie_weeks,
                                christmas_closure=calendar.christmas_closure, closed=calendar.closed)
    return calendar.working_days_between


@dataclass
class BaselineRecord:
    """What `navplan baseline` did: the plan file, the day recorded, how many activities,
    and the baseline it replaced (None when there was none) with what differs from it."""

    plan_file: Path
    recorded: dt.date
    opening: dt.date
    activities: int
    replaced_recorded: dt.date | None = None
    replaced_opening: dt.date | None = None
    changed: list[str] = field(default_factory=list)  # ids whose dates differ from the replaced baseline's
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    written: bool = True


def baseline_lines(recorded: dt.date, opening: dt.date, dates: dict[str, tuple[dt.date, dt.date]]) -> list[str]:
    """The ``baseline:`` block as the plan file holds it: one line per activity, ids quoted.

    >>> for line in baseline_lines(dt.date(2030, 1, 7), dt.date(2030, 3, 4),
    ...                            {"L1": (dt.date(2030, 1, 7), dt.date(2030, 2, 1))}):
    ...     print(line)
    baseline:
      recorded: 2030-01-07
      opening: 2030-03-04
      activities:
        "L1": {start: 2030-01-07, finish: 2030-02-01}
    """
    lines = [f"{BASELINE_KEY}:", f"  recorded: {recorded.isoformat()}", f"  opening: {opening.isoformat()}"]
    if not dates:
        return lines + ["  activities: {}"]
    lines.append("  activities:")
    lines += [f'    "{activity_id}": {{start: {start.isoformat()}, finish: {finish.isoformat()}}}'
              for activity_id, (start, finish) in dates.items()]
    return lines


def record_baseline(plan: str | Path | None, as_of: dt.date, *, force: bool = False,
                    comment: tuple[str, ...] = ()) -> BaselineRecord:
    """Record the plan's planned dates as of ``as_of`` as its baseline, in the plan file.

    A baseline the plan already has is replaced only with ``force`` (else an error naming
    it). The plan is read, checked and written under its lock, atomically; only the
    ``baseline:`` block's lines change (``comment``, lines starting with ``#``, go above a
    new block). Recording what the plan already holds writes nothing."""
    from navplan.engine.schedule import schedule
    from navplan.io.plan_lock import plan_lock
    from navplan.plan.editing import PlanEditor
    from navplan.plan.loading import resolve_plan_path
    from navplan.plan.project import load_project

    path = resolve_plan_path(plan)
    with plan_lock(path):
        project = load_project(path)
        old = project.plan.baseline
        if old is not None and not force:
            raise NavplanError("baseline.exists", file=path, field="baseline",
                               hint=Message("baseline.exists.hint"), date=old.recorded,
                               activities=len(old.activities))
        dates = planned_dates(schedule(project, as_of))
        record = BaselineRecord(path, as_of, project.opening_date, len(dates))
        if old is not None:
            record.replaced_recorded, record.replaced_opening = old.recorded, old.opening
            record.changed = [i for i, (start, finish) in dates.items()
                              if i in old.activities and (old.activities[i].start, old.activities[i].finish)
                              != (start, finish)]
            record.added = [i for i in dates if i not in old.activities]
            record.removed = [i for i in old.activities if i not in dates]
        editor = PlanEditor.open(path, list(project.activities))
        if not editor.set_top_level_block(BASELINE_KEY, baseline_lines(as_of, project.opening_date, dates), comment):
            record.written = False
            return record
        try:
            editor.project()
        except NavplanError as error:
            raise error.add_hint(Message("progress.not_written")) from None
        editor.save(path)
    return record
