"""What can help when the opening or another date does not hold: the levers.

A steering group that hears "det mangler 4 arbeidsdager" asks what to do.
For the opening and each missed fixed or not-after date, navplan names the
changes within the plan's reach, each checked by scheduling the plan again
with that one change:

- **done**: work on the chain that decides the date may already be done and
  not yet recorded (started work first, then the first open activity);
- **shorten**: an activity on the chain shortened by the missing working
  days, when that alone makes the date hold; when none is enough alone,
  **shorten_several** names the chain's longest, to shorten with others;
- **drop**: an activity on the chain that may not apply to this office,
  when leaving it out alone makes the date hold (never one that an opening
  criterion the law requires depends on, never a milestone);
- **move**: the opening, or the date, moved to the earliest day the
  forecast allows; never an opening the law sets (a merged or divided
  municipality's first day, ``Project.opening_fixed_by_law``).

The core returns data (kinds, ids, durations, dates); the renderers say it
in words with the command to run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from navplan.engine.schedule import Schedule, schedule
from navplan.plan.project import NetworkActivity, Project
from navplan.plan.values import Duration, Status

#: At most this many levers of one kind per date: the steering group needs a choice, not a list.
MAX_PER_KIND = 2


@dataclass(frozen=True)
class Lever:
    """One change that may help a date hold.

    ``kind`` is ``done``, ``shorten``, ``shorten_several``, ``drop``, ``move_opening`` or ``move_date``;
    ``activity_id`` the activity it changes (None for the opening); ``duration``
    the shortened duration; ``date`` the new date of a move. ``enough`` is True when
    the plan scheduled again with this change alone holds the date (a ``done`` is
    a question whose answer navplan cannot know: True when recording it done today
    would be enough)."""

    kind: str
    activity_id: str | None = None
    duration: Duration | None = None
    date: dt.date | None = None
    enough: bool = True


@dataclass(frozen=True)
class Levers:
    """The levers for one date: the opening (``target`` None) or a fixed or
    not-after date of the activity ``target``, missed by ``missing`` working days."""

    target: str | None
    kind: str  # "opening", "fixed" or "not_after"
    missing: int
    levers: tuple[Lever, ...]


def levers(result: Schedule) -> list[Levers]:
    """The levers for the opening, when it does not hold, and for every missed
    fixed or not-after date, in the order the verdict names them. None once
    the office has opened: there is nothing left to change for a date passed."""
    if result.opened:
        return []
    found: list[Levers] = []
    if not result.opening_holds:
        found.append(Levers(None, "opening", result.missing_working_days,
                            _for(result, None, "opening", result.critical_path, result.missing_working_days)))
    for check in result.missed:
        found.append(Levers(check.id, check.kind, check.missing_working_days,
                            _for(result, check.id, check.kind, check.chain, check.missing_working_days)))
    return found


def _for(result: Schedule, target: str | None, kind: str, chain: list[str], missing: int) -> tuple[Lever, ...]:
    project = result.project
    open_chain = [i for i in chain if project.activities[i].status is not Status.DONE]
    found: list[Lever] = []
    started = [i for i in open_chain if project.activities[i].status is Status.STARTED]
    not_started = [i for i in open_chain if project.activities[i].status is Status.NOT_STARTED]
    for activity_id in (started + not_started[:1])[:MAX_PER_KIND]:
        done = replace(project.activities[activity_id], status=Status.DONE, actual_finish=None)
        found.append(Lever("done", activity_id, enough=_holds(result, _with(project, done), target, kind)))
    tasks = sorted((i for i in open_chain if _can_shorten(project.activities[i])),
                   key=lambda i: (-_working_days(result, i), chain.index(i)))
    shortened = 0
    for activity_id in tasks:
        days = _working_days(result, activity_id) - missing
        if shortened == MAX_PER_KIND or days < 1:
            continue
        duration = Duration(amount=days, unit="d")
        changed = replace(project.activities[activity_id], duration=duration, duration_range=None)
        if _holds(result, _with(project, changed), target, kind):
            found.append(Lever("shorten", activity_id, duration=duration))
            shortened += 1
    if tasks and not shortened:
        # No one activity is enough: the chain's longest, shortened together with others, may be.
        found.append(Lever("shorten_several", tasks[0], enough=False))
    statutory = _statutory(project)
    dropped = 0
    for activity_id in tasks:
        if dropped == MAX_PER_KIND or activity_id in statutory:
            continue
        if _holds(result, _with(project, replace(project.activities[activity_id], dropped=True)), target, kind):
            found.append(Lever("drop", activity_id))
            dropped += 1
    if target is None:
        if not project.opening_fixed_by_law:  # a date the law sets is no lever (navplan.features.verdict)
            found.append(Lever("move_opening", date=result.forecast_opening))
    else:
        found.append(Lever("move_date", target, date=_forecast_date(result, target, kind)))
    return tuple(found)


def _can_shorten(activity: NetworkActivity) -> bool:
    """A task whose own length is the plan's to change: not a milestone, not fixed to a date."""
    return activity.kind == "task" and activity.fixed is None


def _working_days(result: Schedule, activity_id: str) -> int:
    """How many working days the activity takes in the forecast (a month duration as counted from its start)."""
    scheduled = result.activities[activity_id]
    return scheduled.earliest_finish - scheduled.earliest_start


def _forecast_date(result: Schedule, target: str, kind: str) -> dt.date:
    """The earliest date the forecast allows: the finish for a not-after date, the start for a fixed one."""
    scheduled = result.activities[target]
    if kind == "not_after":
        return scheduled.dates["earliest_finish"]
    missing = next(check.missing_working_days for check in result.deadlines
                   if check.id == target and check.kind == kind)
    return result.calendar.date_of(result.calendar.index_on_or_after(scheduled.activity.fixed) + missing)


def _with(project: Project, changed: NetworkActivity) -> Project:
    """The project with one activity changed; every other activity shared, not copied."""
    activities = dict(project.activities)
    activities[changed.id] = changed
    return replace(project, activities=activities)


def _holds(result: Schedule, project: Project, target: str | None, kind: str) -> bool:
    again = schedule(project, result.as_of)
    if target is None:
        return again.opening_holds
    return all(check.holds for check in again.deadlines if check.id == target and check.kind == kind)


def _statutory(project: Project) -> set[str]:
    """Activities an opening criterion the law requires depends on (themselves, or under one named)."""
    named = {i for criterion in project.handbook.criteria if criterion.statutory for i in criterion.activities}
    held: set[str] = set()
    for activity in project.activities.values():
        current: str | None = activity.id
        while current is not None:
            if current in named:
                held.add(activity.id)
                break
            current = project.activities[current].parent if current in project.activities else None
    return held
