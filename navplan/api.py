"""navplan as a library: a plan read, scheduled and read back in dates.

The engine computes on working-day *points* (see
:mod:`navplan.engine.working_days`); a script wants dates. A
:class:`PlanSchedule` is the engine's :class:`~navplan.engine.schedule.Schedule`
read once into plain, frozen values: dates are ``datetime.date``, slack is
working days, ids are the plan's. Nothing is computed again, so a script
reads exactly what ``navplan critical-path --format json`` prints.

>>> import datetime as dt, pathlib, tempfile, navplan
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "navplan.yaml").write_text('''office: "NAV Eksempel"
... opening: 03.01.2028
... drop: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
... activities:
...   - {id: "A", title: "Flytte inn", duration: 10d}
... ''', encoding="utf-8")
>>> s = navplan.schedule(navplan.load_plan(folder), as_of=dt.date(2027, 1, 4))
>>> s.opening_holds, s.critical_path
(True, ('A',))

The opening is Monday 03.01.2028, so work ends Friday 31.12.2027; ten working
days back (no public holiday on a weekday: 25 and 26 December 2027 are a
weekend) the task starts Monday 20.12.2027:

>>> s.activities["A"].latest_start, s.activities["A"].latest_finish
(datetime.date(2027, 12, 20), datetime.date(2027, 12, 31))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from os import PathLike
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from navplan.engine.schedule import DateCheck, FinishedLate, Schedule, ScheduledActivity
    from navplan.plan.project import Project
    from navplan.plan.values import Status


def load_plan(path: str | PathLike[str] | None = None) -> Project:
    """Read a plan (a ``navplan.yaml`` file, or a folder holding one) and merge it
    with the handbook and its template, every reference checked.

    Without ``path``: the ``navplan.yaml`` in the current folder or the nearest
    folder above it. A problem raises :class:`navplan.NavplanError`, whose
    ``render("nb" | "en")`` is the one located line the command line prints.
    """
    from navplan.plan.project import load_project

    return load_project(path)


def schedule(plan: Project | str | PathLike[str], *, as_of: dt.date) -> PlanSchedule:
    """Schedule ``plan`` back from its opening date, as of ``as_of``.

    ``plan`` is what :func:`load_plan` returns, or a path it would read.
    ``as_of`` is the day progress is reported on; navplan never reads the
    clock itself (the command line uses today's date in Oslo).
    """
    from navplan.engine.schedule import schedule as schedule_project
    from navplan.plan.project import Project

    project = plan if isinstance(plan, Project) else load_plan(plan)
    return PlanSchedule.of(schedule_project(project, as_of))


@dataclass(frozen=True, slots=True)
class ActivitySchedule:
    """One activity of a schedule, in dates.

    Start dates are the day work begins, finish dates the last day of work;
    a milestone's four dates are the day it is reached. ``slack`` is in
    working days (negative: late) and None for work that is done (and for the
    opening, whose slack is the schedule's ``slack_to_opening``). A summary (a
    main activity with steps under it) spans its steps.
    """

    id: str
    title: str
    title_en: str
    kind: str  # "task", "milestone" or "summary"
    parent: str | None
    level: int  # 0 for main activities
    role: str | None
    owner: str | None
    status: Status
    earliest_start: dt.date
    earliest_finish: dt.date
    latest_start: dt.date
    latest_finish: dt.date
    slack: int | None
    critical: bool
    actual_start: dt.date | None
    actual_finish: dt.date | None

    @classmethod
    def of(cls, scheduled: ScheduledActivity) -> ActivitySchedule:
        activity, dates = scheduled.activity, scheduled.dates
        return cls(
            id=activity.id, title=activity.title.nb, title_en=activity.title.en, kind=activity.kind,
            parent=activity.parent, level=scheduled.level, role=activity.role, owner=activity.owner,
            status=scheduled.status, earliest_start=dates["earliest_start"],
            earliest_finish=dates["earliest_finish"], latest_start=dates["latest_start"],
            latest_finish=dates["latest_finish"], slack=scheduled.slack, critical=scheduled.critical,
            actual_start=activity.actual_start, actual_finish=activity.actual_finish,
        )


@dataclass(frozen=True, slots=True)
class PlanSchedule:
    """A scheduled plan: whether the opening holds, the critical path, every fixed
    and not-after date, and every activity's dates (outline order; dropped
    activities left out)."""

    office: str
    as_of: dt.date
    opening_date: dt.date
    forecast_opening: dt.date  # the earliest day the office could open, given the forecast
    opened: bool  # the as-of date is after the opening
    opening_holds: bool
    slack_to_opening: int  # working days to spare; negative: this many are missing
    working_days_left: int  # from the as-of date to the opening
    critical_path: tuple[str, ...]  # the opening's driving chain, by forecast start
    deadlines: tuple[DateCheck, ...]  # every fixed and not-after date of open work, in outline order
    finished_late: tuple[FinishedLate, ...]  # not-after dates met late: done work recorded done after its date
    activities: Mapping[str, ActivitySchedule]
    engine: Schedule  # the engine's own schedule (working-day points), for navplan's renderers

    @classmethod
    def of(cls, result: Schedule) -> PlanSchedule:
        project = result.project
        return cls(
            office=project.plan.office, as_of=result.as_of, opening_date=project.opening_date,
            forecast_opening=result.forecast_opening, opened=result.opened, opening_holds=result.opening_holds,
            slack_to_opening=result.slack_to_opening, working_days_left=result.working_days_left,
            critical_path=tuple(result.critical_path),
            deadlines=tuple(result.deadlines), finished_late=tuple(result.finished_late),
            activities=MappingProxyType({i: ActivitySchedule.of(a) for i, a in result.activities.items()}),
            engine=result,
        )

    @property
    def missing_working_days(self) -> int:
        """Working days the opening is short of; 0 when it holds."""
        return self.engine.missing_working_days

    @property
    def missed_dates(self) -> tuple[DateCheck, ...]:
        """The fixed and not-after dates that cannot be held."""
        return tuple(check for check in self.deadlines if not check.holds)
