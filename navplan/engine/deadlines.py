"""Questions asked of a schedule: what must start soon, what is overdue,
and the countdown calendar by week or month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.plan.values import Status


def _open_leaves(schedule: Schedule) -> list[ScheduledActivity]:
    """Work not yet done; once the office has opened, only the work after the
    opening (what came before and was never recorded done is history)."""
    return [s for s in schedule.leaves() if s.status is not Status.DONE and (s.after_opening or not schedule.opened)]


def must_start(schedule: Schedule, weeks: int, dates: str = "latest") -> list[ScheduledActivity]:
    """Not-started activities whose latest start falls before the end of the
    ``weeks``-th week after the as-of date (overdue ones included), by latest start.

    With ``dates="planned"``: what the plan says starts by then, by planned start:
    not-started activities whose planned start falls before the end of that week, and
    every one whose latest start does (or has passed: overdue), whatever the plan says,
    so that a plan running late never hides a date that must be met."""
    until = must_start_until(schedule, weeks)
    if dates == "planned":
        chosen = [s for s in _open_leaves(schedule) if s.status is Status.NOT_STARTED and (
            s.dates["planned_start"] <= until or s.dates["latest_start"] <= until)]
        return sorted(chosen, key=lambda s: (s.planned_start, s.latest_start, s.latest_finish))
    start_key = DATE_KINDS[dates][0]
    chosen = [s for s in _open_leaves(schedule)
              if s.status is Status.NOT_STARTED and s.dates[start_key] <= until]
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
    contains_forecast_opening: bool = False  # the forecast opening, when it is later than the opening
    contains_planned_opening: bool = False  # drawn by planned dates: the planned opening, when later than the forecast


#: The dates a calendar or Gantt chart can be drawn on: (start, finish) keys of ScheduledActivity.dates.
DATE_KINDS = {"planned": ("planned_start", "planned_finish"), "latest": ("latest_start", "latest_finish"),
              "forecast": ("earliest_start", "earliest_finish")}


def countdown_calendar(schedule: Schedule, by: str = "week", dates: str = "latest") -> list[Period]:
    """Periods from the as-of week (or month) to the opening's (and on to the
    last work after it, and to a forecast opening later than the opening),
    with what starts and finishes in each: by the latest dates (what must
    start, what must be finished), by the forecast, or by the planned dates
    (and on to the last planned work, which levelling may put past the
    opening). Work due before the as-of period is in :func:`overdue`."""
    opening = schedule.project.opening_date
    forecast_opening = schedule.forecast_opening
    start_key, finish_key = DATE_KINDS[dates]
    items = _open_leaves(schedule)
    periods: list[Period] = []
    start = period_start(schedule.as_of, by)
    planned_opening = schedule.planned_opening if dates == "planned" else opening
    end_of_plan = max([opening, schedule.as_of, forecast_opening, planned_opening,
                       *(s.dates[finish_key] for s in items if s.after_opening or dates == "planned")])
    while start <= end_of_plan:
        following = next_period(start, by)
        periods.append(Period(
            first_day=start, last_day=following - dt.timedelta(days=1),
            countdown=_countdown(start, opening, by),
            contains_as_of=start <= schedule.as_of < following,
            contains_opening=start <= opening < following,
            contains_forecast_opening=forecast_opening > opening and start <= forecast_opening < following,
            contains_planned_opening=planned_opening > max(opening, forecast_opening)
            and start <= planned_opening < following,
        ))
        start = following
    for scheduled in items:
        for period in periods:
            if period.first_day <= scheduled.dates[start_key] <= period.last_day and \
                    scheduled.status is Status.NOT_STARTED and not scheduled.activity.is_milestone:
                period.starts.append(scheduled)
            if period.first_day <= scheduled.dates[finish_key] <= period.last_day:
                period.finishes.append(scheduled)
    for period in periods:
        period.starts.sort(key=lambda s: (s.dates[start_key], s.id))
        period.finishes.sort(key=lambda s: (s.dates[finish_key], s.id))
    return periods


def period_start(day: dt.date, by: str) -> dt.date:
    """The Monday of ``day``'s ISO week, or the first of its month: the one
    rule for where a calendar's or a Gantt chart's period begins.

    >>> period_start(dt.date(2019, 12, 25), "week"), period_start(dt.date(2019, 12, 25), "month")
    (datetime.date(2019, 12, 23), datetime.date(2019, 12, 1))
    """
    if by == "month":
        return day.replace(day=1)
    return day - dt.timedelta(days=day.weekday())


def next_period(start: dt.date, by: str) -> dt.date:
    """The first day of the period after the one ``start`` begins (calendar months by dateutil).

    >>> next_period(dt.date(2019, 12, 1), "month"), next_period(dt.date(2019, 12, 30), "week")
    (datetime.date(2020, 1, 1), datetime.date(2020, 1, 6))
    """
    if by == "month":
        return start.replace(day=1) + relativedelta(months=1)
    return start + dt.timedelta(days=7)


def periods_between(start: dt.date, end: dt.date, by: str) -> int:
    """Whole weeks (or months) from ``start``'s period to ``end``'s; negative when ``end`` is earlier.

    >>> periods_between(dt.date(2019, 11, 15), dt.date(2020, 1, 1), "month")
    2
    """
    if by == "month":
        delta = relativedelta(period_start(end, by), period_start(start, by))
        return delta.years * 12 + delta.months
    return (period_start(end, "week") - period_start(start, "week")).days // 7


def _countdown(start: dt.date, opening: dt.date, by: str) -> int:
    """Whole weeks (or months) from this period to the opening's period."""
    return periods_between(start, opening, by)
