"""Where a Gantt bar runs: one rule for every chart navplan draws, the
workbook's countdown sheet (xlsx and ods) and the HTML report's chart.

- Work not started runs from its latest start to its latest finish (the
  countdown's question is "by when must it start"); ``dates="forecast"``
  draws it from its forecast (earliest) start to its forecast finish instead.
- Started work runs from its actual start (or, with none recorded, its
  forecast start) to its forecast finish: when it will end as things stand.
- Done work runs over its actual dates; with only an actual finish, on that
  day. Done work without an actual finish gets no bar: its computed dates
  would draw it where it never was, and the status column says it is done.
- A milestone is a point: on its actual finish once reached, else on its date.
- A summary spans the bars of what lies under it, so it brackets them.

Imports neither rich nor any spreadsheet library: the engine's dates in,
dates out.
"""

from __future__ import annotations

import datetime as dt

from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.plan.values import Status
from navplan.render import palette

Span = tuple[dt.date, dt.date]


def bar_span(scheduled: ScheduledActivity, dates: str = "latest") -> Span | None:
    """The first and last day of a task's or milestone's bar, or None for no bar."""
    activity = scheduled.activity
    if scheduled.status is Status.DONE:
        if activity.actual_finish is None:
            return None
        if activity.is_milestone:
            return activity.actual_finish, activity.actual_finish
        return activity.actual_start or activity.actual_finish, activity.actual_finish
    forecast_start, forecast_finish = scheduled.dates["earliest_start"], scheduled.dates["earliest_finish"]
    if scheduled.status is Status.STARTED:
        start = activity.actual_start or forecast_start
        return start, max(start, forecast_finish)
    if dates == "forecast":
        return forecast_start, forecast_finish
    return scheduled.dates["latest_start"], scheduled.dates["latest_finish"]


def bar_spans(schedule: Schedule, dates: str = "latest") -> dict[str, Span]:
    """Every bar of the schedule by activity id, summaries spanning their children's bars."""
    spans: dict[str, Span] = {}
    for scheduled in schedule.activities.values():
        if not scheduled.activity.is_summary:
            span = bar_span(scheduled, dates)
            if span is not None:
                spans[scheduled.id] = span
    for scheduled in reversed(schedule.activities.values()):  # children before parents
        children = [spans[c] for c in scheduled.activity.children if c in spans]
        if scheduled.activity.is_summary and children:
            spans[scheduled.id] = (min(c[0] for c in children), max(c[1] for c in children))
    return spans


def bar_colour(scheduled: ScheduledActivity) -> str:
    """Grey when done, red on the critical path, blue elsewhere (a palette colour)."""
    if scheduled.status is Status.DONE:
        return palette.DONE
    return palette.CRITICAL if scheduled.critical else palette.OTHER
