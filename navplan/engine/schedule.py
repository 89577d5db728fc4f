"""A schedule: the critical path method run once over a project's network,
and what it means for the opening and every other date that must hold.

The backward pass lays every activity as late as the opening date and its
deadlines allow (its latest dates); the forward pass as early as the plan
start, the as-of date and the progress made allow (its forecast, the
earliest dates). Their difference is each activity's slack. The verdict has
one number for the opening (:attr:`Schedule.slack_to_opening`) and one per
fixed or not-after date (:attr:`Schedule.deadlines`). The critical path is
the opening's driving chain, the longest path as Primavera P6 defines it:
from the opening back through the links that leave no slack between two
activities, to the as-of date or an anchor (a fixed date, actual dates).

The core never prints and never reads the clock: ``as_of`` is passed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from navplan.engine.critical_path_method import (
    Anchors,
    Backward,
    Forward,
    OneSample,
    anchors,
    backward,
    driving,
    forward,
    planned_release,
    schedule_calendar,
    slack,
)
from navplan.engine.dependency_graph import Network, SummaryPoint, activity_id, build_network
from navplan.engine.working_days import WorkCalendar
from navplan.plan.project import NetworkActivity, Project
from navplan.plan.values import Status

if TYPE_CHECKING:
    from navplan.engine.planned_levelling import Levelling


@dataclass
class ScheduledActivity:
    """An activity with its dates. ``earliest_start`` … ``latest_finish`` are
    points, working-day indices (see :mod:`navplan.engine.working_days`);
    ``dates["earliest_start"]`` … ``dates["latest_finish"]`` are the same as
    dates, what people read (and what :class:`navplan.api.PlanSchedule` hands a
    script). The earliest dates are the forecast."""

    activity: NetworkActivity
    level: int
    earliest_start: int
    earliest_finish: int
    latest_start: int
    latest_finish: int
    slack: int | None  # total slack in working days; None when done
    critical: bool  # on the opening's driving chain, or on the chain of a date that is missed
    status: Status
    after_opening: bool = False
    dates: dict[str, dt.date] = field(default_factory=dict)
    #: The planned dates (points): the schedule in each activity's mode (as soon or as late as
    #: possible), levelled when the plan gives capacity; ``dates["planned_start"]`` and
    #: ``dates["planned_finish"]`` as dates. Done and started work: its forecast (facts are not replanned).
    planned_start: int = 0
    planned_finish: int = 0

    @property
    def id(self) -> str:
        return self.activity.id


@dataclass(frozen=True, slots=True)
class DateCheck:
    """A fixed date or a not-after date of open work, and whether the forecast meets it."""

    id: str
    date: dt.date
    kind: str  # "fixed" or "not_after"
    slack: int  # working days to spare; negative: missed by this many
    chain: tuple[str, ...] = ()  # when missed: the chain of work that breaks it

    @property
    def holds(self) -> bool:
        return self.slack >= 0

    @property
    def missing_working_days(self) -> int:
        return max(0, -self.slack)


@dataclass(frozen=True, slots=True)
class FinishedLate:
    """Work recorded done after its not-after date: a deadline met late stays in the record."""

    id: str
    date: dt.date  # the not-after date
    finished: dt.date  # the day it was done
    working_days: int  # how many working days after the date


@dataclass
class Note:
    """Something the user should know; rendered in their language."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Schedule:
    project: Project
    network: Network
    calendar: WorkCalendar
    as_of: dt.date
    activities: dict[str, ScheduledActivity]  # outline order, dropped ones left out
    opening_point: int
    as_of_point: int
    slack_to_opening: int  # working days to spare before the opening; negative: missing
    critical_path: list[str]  # the opening's driving chain, by forecast start
    deadlines: list[DateCheck]  # every fixed and not-after date of open work, in outline order
    finished_late: list[FinishedLate]  # done work recorded done after its not-after date, in outline order
    opened: bool  # the as-of date is after the opening: the office has opened
    notes: list[Note]
    #: The passes the schedule was read from (for levelling the planned dates on the same network).
    run: Run | None = field(default=None, repr=False)
    #: How the planned dates were levelled against the plan's capacity; None when they were not
    #: (the plan gives no capacity). See :mod:`navplan.engine.planned_levelling`.
    levelling: Levelling | None = None

    @property
    def opening_holds(self) -> bool:
        return self.opened or self.slack_to_opening >= 0

    @property
    def missing_working_days(self) -> int:
        return 0 if self.opened else max(0, -self.slack_to_opening)

    @property
    def missed(self) -> list[DateCheck]:
        """The fixed and not-after dates that cannot be held."""
        return [check for check in self.deadlines if not check.holds]

    @property
    def forecast_opening(self) -> dt.date:
        """The earliest day the office could open, given the forecast."""
        return self.activities[self.project.opening_id].dates["earliest_start"]

    @property
    def planned_opening(self) -> dt.date:
        """The day the planned dates open the office: the opening date, or later when the
        plan (levelled against its people's capacity) cannot open on it."""
        return self.activities[self.project.opening_id].dates["planned_start"]

    @property
    def working_days_left(self) -> int:
        return self.opening_point - self.as_of_point

    @property
    def not_done_before_opening(self) -> list[ScheduledActivity]:
        """Once the office has opened: the work before the opening never recorded done."""
        if not self.opened:
            return []
        return [s for s in self.leaves() if not s.after_opening and s.status is not Status.DONE]

    @property
    def after_opening(self) -> list[ScheduledActivity]:
        """Work placed after the opening, in outline order."""
        return [s for s in self.leaves() if s.after_opening]

    def leaves(self) -> list[ScheduledActivity]:
        """Tasks and milestones (no summaries, no opening), in outline order."""
        return [s for s in self.activities.values()
                if not s.activity.is_summary and s.id != self.project.opening_id]


def schedule(project: Project, as_of: dt.date) -> Schedule:
    """Schedule ``project`` back from its opening date, as of ``as_of``.

    >>> import datetime as dt
    >>> from navplan.plan.plan_model import Plan
    >>> from navplan.plan.project import build_project
    >>> plan = Plan(office="NAV Eksempel", opening=dt.date(2020, 1, 1))
    >>> result = schedule(build_project(plan), as_of=dt.date(2019, 1, 2))
    >>> result.activities["opening"].dates["latest_start"]
    datetime.date(2020, 1, 1)
    >>> result.opening_holds
    True
    """
    network = build_network(project)
    calendar = schedule_calendar(network, as_of)
    at = anchors(network, calendar, as_of)
    columns = OneSample(calendar)
    ahead = forward(network, at, columns)
    behind = backward(network, at, columns, ahead)
    release = planned_release(network, behind)
    planned = ahead if release is None else forward(network, at, columns, release=release)
    return _assemble(Run(network, calendar, at, columns, ahead, behind, planned), as_of)


@dataclass
class Run:
    """One sample's passes over a network: what the verdict is read from."""

    network: Network
    calendar: WorkCalendar
    at: Anchors
    columns: OneSample
    ahead: Forward
    behind: Backward
    #: The planned dates: the forward pass with work as late as possible held at its latest start.
    planned: Forward | None = None

    def slack(self, row: int) -> int:
        days: int = slack(self.network, self.columns, self.ahead, self.behind, row)  # one sample: an int
        return days

    def chain(self, row: int, *, unconstrained: bool = False) -> list[str]:
        """The live, open tasks and milestones on the chains that drive ``row``
        (itself included), by forecast start; with ``unconstrained``, what
        drives the start it would have without its own fixed or not-before date."""
        network, ahead = self.network, self.ahead
        drives = driving(network, self.columns, ahead, row, unconstrained=unconstrained)
        outline = {activity_id: index for index, activity_id in enumerate(network.project.activities)}
        found = [r for r, mask in enumerate(drives) if mask and r != network.opening
                 and (activity := network.activity[r]) is not None and activity.status is not Status.DONE]
        # Each row found is an activity's own: its node is the activity's id.
        found.sort(key=lambda r: (ahead.es[r], ahead.ef[r], outline[activity_id(network.nodes[r])]))
        return [activity_id(network.nodes[r]) for r in found]


def _assemble(run: Run, as_of: dt.date) -> Schedule:
    network, ahead, behind, at = run.network, run.ahead, run.behind, run.at
    project = network.project
    opening = network.opening
    critical_path = [] if at.opened else run.chain(opening)
    deadlines = _date_checks(run)
    on_a_chain = set(critical_path).union(*(check.chain for check in deadlines if not check.holds))

    results: dict[str, ScheduledActivity] = {}
    for row, activity in enumerate(network.activity):
        if activity is None:
            continue
        results[activity.id] = ScheduledActivity(
            activity=activity, level=_level(project, activity), earliest_start=ahead.es[row],
            earliest_finish=ahead.ef[row], latest_start=behind.ls[row], latest_finish=behind.lf[row],
            slack=None if activity.status is Status.DONE or row == opening else run.slack(row),
            critical=activity.id in on_a_chain, status=activity.status,
            after_opening=network.after_opening[row],
            planned_start=(run.planned or ahead).es[row], planned_finish=(run.planned or ahead).ef[row],
        )
    live = project.active()
    for activity in reversed(live):  # children before parents
        if activity.is_summary:
            results[activity.id] = _roll_up(project, activity, results)
    ordered = {a.id: results[a.id] for a in live if a.id in results}
    for scheduled in ordered.values():
        scheduled.dates = _dates(run.calendar, scheduled, project, at.as_of)
    return Schedule(
        project=project, network=network, calendar=run.calendar, as_of=as_of, activities=ordered,
        opening_point=at.opening, as_of_point=at.as_of, slack_to_opening=at.opening - ahead.es[opening],
        critical_path=critical_path, deadlines=deadlines, finished_late=_finished_late(run), opened=at.opened,
        notes=_notes(run, critical_path), run=run,
    )


def _finished_late(run: Run) -> list[FinishedLate]:
    """Done work whose recorded finish is after its not-after date (a main activity's: its last step's)."""
    network, at = run.network, run.at
    project = network.project
    found: list[FinishedLate] = []
    for activity in project.active():
        if activity.not_after is None or activity.id == project.opening_id:
            continue
        if activity.is_summary:
            steps = _steps(project, activity)
            if not steps or any(step.status is not Status.DONE or step.actual_finish is None for step in steps):
                continue
            finished = max(step.actual_finish for step in steps if step.actual_finish is not None)  # each has one
            row = network.row[SummaryPoint("finish", activity.id)]
        else:
            if activity.status is not Status.DONE or activity.actual_finish is None:
                continue
            finished, row = activity.actual_finish, network.row[activity.id]
        not_after = at.not_after[row]
        assert not_after is not None  # the activity has a not-after date
        late = run.calendar.finish_point(finished) - not_after
        if late > 0:
            found.append(FinishedLate(activity.id, activity.not_after, finished, late))
    return found


def _date_checks(run: Run) -> list[DateCheck]:
    """Every fixed and not-after date of work not yet done, with its slack; a missed one with its chain."""
    network, ahead, at = run.network, run.ahead, run.at
    project = network.project
    checks: list[DateCheck] = []
    for activity in project.active():
        if activity.is_summary:
            if activity.not_after is not None and not _all_done(project, activity):
                # A main activity's not-after date binds every step's finish: it is met when its last step is.
                row = network.row[SummaryPoint("finish", activity.id)]
                slack_ = at.not_after[row] - ahead.ef[row]
                checks.append(DateCheck(activity.id, activity.not_after, "not_after", slack_,
                                        _ending_with(run.chain(row), activity.id) if slack_ < 0 else ()))
            continue
        if activity.id == project.opening_id or activity.status is Status.DONE:
            continue
        row = network.row[activity.id]
        if activity.fixed is not None:
            slack_ = at.fixed[row] - ahead.linked_start[row]
            drivers = _ending_with(run.chain(row, unconstrained=True), activity.id) if slack_ < 0 else ()
            checks.append(DateCheck(activity.id, activity.fixed, "fixed", slack_, drivers))
        if activity.not_after is not None:
            slack_ = at.not_after[row] - ahead.ef[row]
            checks.append(DateCheck(activity.id, activity.not_after, "not_after", slack_,
                                    _ending_with(run.chain(row), activity.id) if slack_ < 0 else ()))
    return checks


def _steps(project: Project, summary: NetworkActivity) -> list[NetworkActivity]:
    """The live tasks and milestones under a summary, at any depth."""
    found: list[NetworkActivity] = []
    for child in summary.children:
        step = project.activities[child]
        if not step.dropped:
            found += _steps(project, step) if step.is_summary else [step]
    return found


def _all_done(project: Project, summary: NetworkActivity) -> bool:
    """Whether every live step under a summary is done."""
    return all(step.status is Status.DONE for step in _steps(project, summary))


def _ending_with(chain: list[str], activity_id: str) -> tuple[str, ...]:
    """The chain that breaks a date ends at the activity whose date it breaks."""
    return (*(other for other in chain if other != activity_id), activity_id)


def _level(project: Project, activity: NetworkActivity) -> int:
    level = 0
    parent = activity.parent
    while parent is not None:
        level += 1
        parent = project.activities[parent].parent
    return level


def _roll_up(project: Project, summary: NetworkActivity, results: dict[str, ScheduledActivity]) -> ScheduledActivity:
    children = [results[c] for c in summary.children if c in results]
    # A summary spanning the opening takes its slack from the work before it:
    # the last work after the opening always has none, and never moves the opening.
    before = [c for c in children if not c.after_opening and c.status is not Status.DONE]
    open_children = before or [c for c in children if c.status is not Status.DONE]
    slacks = [c.slack for c in open_children if c.slack is not None]
    if all(c.status is Status.DONE for c in children):
        status = Status.DONE
    elif any(c.status is not Status.NOT_STARTED for c in children):
        status = Status.STARTED
    else:
        status = Status.NOT_STARTED
    return ScheduledActivity(
        activity=summary, level=_level(project, summary),
        earliest_start=min(c.earliest_start for c in children),
        earliest_finish=max(c.earliest_finish for c in children),
        latest_start=min(c.latest_start for c in children),
        latest_finish=max(c.latest_finish for c in children),
        slack=min(slacks) if slacks else None, critical=any(c.critical for c in children), status=status,
        after_opening=all(c.after_opening for c in children),
        planned_start=min(c.planned_start for c in children), planned_finish=max(c.planned_finish for c in children),
    )


def _dates(calendar: WorkCalendar, scheduled: ScheduledActivity, project: Project,
           as_of_point: int) -> dict[str, dt.date]:
    """Start points read as the day work begins; finish points as the last day of work."""
    if scheduled.id == project.opening_id:
        # The opening is an event at the start of its day; a forecast later
        # than the opening point means the opening date does not hold.
        late = scheduled.earliest_start > scheduled.latest_start
        forecast = calendar.date_of(scheduled.earliest_start) if late else project.opening_date
        planned = calendar.date_of(scheduled.planned_start) if scheduled.planned_start > scheduled.latest_start \
            else project.opening_date
        return {"earliest_start": forecast, "earliest_finish": forecast,
                "latest_start": project.opening_date, "latest_finish": project.opening_date,
                "planned_start": planned, "planned_finish": planned}
    if scheduled.activity.is_milestone:
        # A milestone is dated by the day it is reached: the last day of its (zero or one day of)
        # work. One not yet reached is reached on the as-of day at the earliest, even when the work
        # before it ended the day before: nothing open is forecast in the past.
        def reached(finish: int) -> dt.date:
            return calendar.date_of(finish - 1 if scheduled.status is Status.DONE else max(finish - 1, as_of_point))

        earliest, planned = reached(scheduled.earliest_finish), reached(scheduled.planned_finish)
        latest = calendar.date_of(scheduled.latest_finish - 1)
        return {"earliest_start": earliest, "earliest_finish": earliest, "latest_start": latest,
                "latest_finish": latest, "planned_start": planned, "planned_finish": planned}
    return {
        "earliest_start": calendar.date_of(scheduled.earliest_start),
        "earliest_finish": calendar.date_of(max(scheduled.earliest_finish, scheduled.earliest_start + 1) - 1),
        "latest_start": calendar.date_of(scheduled.latest_start),
        "latest_finish": calendar.date_of(max(scheduled.latest_finish, scheduled.latest_start + 1) - 1),
        "planned_start": calendar.date_of(scheduled.planned_start),
        "planned_finish": calendar.date_of(max(scheduled.planned_finish, scheduled.planned_start + 1) - 1),
    }


def _notes(run: Run, critical_path: list[str]) -> list[Note]:
    network, at = run.network, run.at
    project = network.project
    notes: list[Note] = []
    opening_date = project.opening_date
    day_off = run.calendar.day_off(opening_date)
    if day_off is not None:
        notes.append(Note("opening_not_working_day", {
            "date": opening_date, "reason": day_off,
            "last_day": run.calendar.date_of(at.opening - 1)}))
    # Why a row of the critical path can show a slack other than the opening's:
    # it must meet a deadline first, or a duration in months spans a different
    # number of working days counted forward and backward.
    if not critical_path:
        return notes
    slack_to_opening = at.opening - run.ahead.es[network.opening]
    alone = _slack_to_the_opening_alone(run, critical_path)
    bound = [node for node in critical_path if run.slack(network.row[node]) < alone[node]]
    if bound:
        notes.append(Note("deadline_slack", {"ids": bound}))
    months = [node for node in critical_path if project.activities[node].duration.unit == "m"]
    if months and any(alone[node] != slack_to_opening for node in critical_path):
        notes.append(Note("month_slack", {"ids": months}))
    return notes


def _slack_to_the_opening_alone(run: Run, ids: list[str]) -> dict[str, int]:
    """Each activity's slack were the opening the only date to meet: a second
    backward pass over the same forecast, without fixed or not-after dates.
    It tells a row bound by a deadline from one bound by the opening."""
    network = run.network
    rows = {activity_id: network.row[activity_id] for activity_id in ids}
    if not any(activity is not None and (activity.not_after is not None or activity.fixed is not None)
               for activity in network.activity):
        # No date binds but the opening: the pass made already is the one wanted.
        return {activity_id: run.slack(row) for activity_id, row in rows.items()}
    alone = backward(network, run.at, run.columns, run.ahead, deadlines=False)
    return {activity_id: slack(network, run.columns, run.ahead, alone, row) for activity_id, row in rows.items()}
