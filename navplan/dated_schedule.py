"""A schedule in dates: the engine's working-day :class:`~navplan.engine.schedule.Schedule` read once
into plain, frozen values (what :func:`navplan.api.schedule` returns). Its own module so that
``import navplan.api``, which every command-line run does, defines no classes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from navplan.engine.schedule import DateCheck, FinishedLate, Schedule, ScheduledActivity
    from navplan.plan.values import Status


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
