"""Questions asked of a schedule: what must start soon, what is overdue,
and the countdown calendar by week or month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.plan.values import Status


def _open_leaves(schedule: Schedule) -> list[ScheduledActivity]:
    return [s for s in schedule.leaves() if s.status is not Status.DONE]


def must_start(schedule: Schedule, weeks: int) -> list[ScheduledActivity]:
    """Not-started activities whose latest start falls before the end of the
    ``weeks``-th week after the as-of date (overdue ones included), by latest start."""
    until = must_start_until(schedule, weeks)
    chosen = [s for s in _open_leaves(schedule)
              if s.status is Status.NOT_STARTED and s.dates["latest_start"] <= until]
    return sorted(chosen, key=lambda s: (s.latest_start, s.latest_finish))


def must_start_until(schedule: Schedule, weeks: int) -> dt.date:
    """The Sunday that ends the ``weeks``-th ISO week counted from the as-of week (this week is week 1)."""
    monday = schedule.as_of - dt.timedelta(days=schedule.as_of.weekday())
    return monday + dt.timedelta(days=7 * weeks - 1)


def overdue(schedule: Schedule) -> list[ScheduledActivity]:
    """Not-started activities whose latest start is before the as-of date."""
    return [s for s in must_start(schedule, 0) if s.dates["latest_start"] < schedule.as_of]


@dataclass
class Period:
    """One row of the countdown calendar."""

    first_day: dt.date
    last_day: dt.date
    countdown: int  # T-minus in weeks or months
    starts: list[ScheduledActivity] = field(default_factory=list)
    finishes: list[ScheduledActivity] = field(default_factory=list)
    contains_as_of: bool = False
    contains_opening: bool = False


def countdown_calendar(schedule: Schedule, by: str = "week") -> list[Period]:
    """Periods from the as-of week (or month) to the opening's, with what must
    start and finish in each. Work due before the as-of period is in :func:`overdue`."""
    opening = schedule.project.opening_date
    items = _open_leaves(schedule)
    periods: list[Period] = []
    start = _period_start(schedule.as_of, by)
    end_of_plan = max(opening, schedule.as_of)
    while start <= end_of_plan:
        following = _next_period(start, by)
        periods.append(Period(
            first_day=start, last_day=following - dt.timedelta(days=1),
            countdown=_countdown(start, opening, by),
            contains_as_of=start <= schedule.as_of < following,
            contains_opening=start <= opening < following,
        ))
        start = following
    for scheduled in items:
        for period in periods:
            if period.first_day <= scheduled.dates["latest_start"] <= period.last_day and \
                    scheduled.status is Status.NOT_STARTED and not scheduled.activity.is_milestone:
                period.starts.append(scheduled)
            if period.first_day <= scheduled.dates["latest_finish"] <= period.last_day:
                period.finishes.append(scheduled)
    for period in periods:
        period.starts.sort(key=lambda s: (s.latest_start, s.id))
        period.finishes.sort(key=lambda s: (s.latest_finish, s.id))
    return periods


def _period_start(day: dt.date, by: str) -> dt.date:
    if by == "month":
        return day.replace(day=1)
    return day - dt.timedelta(days=day.weekday())


def _next_period(start: dt.date, by: str) -> dt.date:
    if by == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start + dt.timedelta(days=7)


def _countdown(start: dt.date, opening: dt.date, by: str) -> int:
    """Whole weeks (or months) from this period to the opening's period."""
    if by == "month":
        return (opening.year - start.year) * 12 + opening.month - start.month
    return (_period_start(opening, "week") - start).days // 7
