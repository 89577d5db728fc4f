"""A schedule: the critical path method run over a project's networkx graph,
and what it means for the opening and every other date that must hold.

The backward pass lays every activity as late as the opening date and its
deadlines allow (its latest dates); the forward pass as early as the plan
start, the as-of date and the progress made allow (its forecast, the
earliest dates). Their difference is each activity's slack. The verdict has
one number for the opening (:attr:`Schedule.opening_slack`) and one per
fixed or not-after date (:attr:`Schedule.deadlines`). The critical path is
the opening's driving chain, the longest path as Primavera P6 defines it:
from the opening back through the links that leave no slack between two
activities, to the as-of date or an anchor (a fixed date, actual dates).

The core never prints and never reads the clock: ``as_of`` is passed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from navplan.engine.critical_path_method import SchedulePasses
from navplan.engine.dependency_graph import Node, SummaryPoint, build_graph
from navplan.engine.working_days import DEFAULT_FELLESFERIE_WEEKS, WorkCalendar
from navplan.plan.project import NetworkActivity, Project
from navplan.plan.values import LinkType, Status

#: A month has at most 23 working days: the calendar is sized with that many per month of work.
MAX_WORKING_DAYS_PER_MONTH = 23
#: Calendar days per working day when sizing the calendar (weekends, holidays, fellesferie), with room to spare.
CALENDAR_DAYS_PER_WORKING_DAY = 1.6
#: Extra calendar days on each side of the plan's dates.
CALENDAR_MARGIN_DAYS = 120


@dataclass
class ScheduledActivity:
    """An activity with its dates. ``earliest_start`` … ``latest_finish`` are
    points, working-day indices (see :mod:`navplan.engine.working_days`);
    ``dates["earliest_start"]`` … ``dates["latest_finish"]`` are the same as
    dates, what people read (and what :class:`navplan.api.PlanSchedule` hands a
    script); ``forecast_start`` and ``forecast_finish`` name the earliest dates."""

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

    @property
    def id(self) -> str:
        return self.activity.id

    @property
    def forecast_start(self) -> dt.date:
        """When the work is forecast to start: its earliest start given progress."""
        return self.dates["earliest_start"]

    @property
    def forecast_finish(self) -> dt.date:
        return self.dates["earliest_finish"]


@dataclass
class DateCheck:
    """A fixed date or not-after date, and whether the forecast meets it."""

    id: str
    date: dt.date
    kind: str  # "fixed" or "not_after"
    slack: int  # working days to spare; negative: missed by this many
    chain: list[str] = field(default_factory=list)  # when missed: the chain that breaks it

    @property
    def holds(self) -> bool:
        return self.slack >= 0

    @property
    def missing_days(self) -> int:
        return max(0, -self.slack)


#: Kept for readers of earlier versions: a missed date is a DateCheck that does not hold.
MissedDate = DateCheck


@dataclass
class Note:
    """Something the user should know; rendered in their language."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Schedule:
    project: Project
    calendar: WorkCalendar
    as_of: dt.date
    activities: dict[str, ScheduledActivity]  # outline order, dropped ones left out
    opening_point: int
    as_of_point: int
    opening_slack: int  # working days to spare before the opening; negative: missing
    critical_path: list[str]  # the opening's driving chain, by forecast start
    deadlines: list[DateCheck]  # every fixed and not-after date of open work, in outline order
    opened: bool  # the as-of date is after the opening: the office has opened
    notes: list[Note]

    @property
    def slack_to_opening(self) -> int:
        return self.opening_slack

    @property
    def opening_holds(self) -> bool:
        return self.opened or self.opening_slack >= 0

    @property
    def missing_working_days(self) -> int:
        return 0 if self.opened else max(0, -self.opening_slack)

    @property
    def driving_chain(self) -> list[str]:
        """The chain that sets the earliest opening: the critical path."""
        return self.critical_path

    @property
    def missed(self) -> list[DateCheck]:
        """The fixed and not-after dates that cannot be held."""
        return [check for check in self.deadlines if not check.holds]

    @property
    def forecast_opening(self) -> dt.date:
        """The earliest day the office could open, given the forecast."""
        return self.activities[self.project.opening_id].dates["earliest_start"]

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
    graph = build_graph(project)
    order = graph.graph["order"]
    calendar = _calendar_for(project, graph, order, as_of)
    opening_point = calendar.index_on_or_after(project.opening_date)
    as_of_point = calendar.index_on_or_after(as_of)
    start_point = as_of_point
    if project.plan.start is not None:
        start_point = max(start_point, calendar.index_on_or_after(project.plan.start))
    opened = as_of > project.opening_date
    passes = SchedulePasses(project, graph, calendar, as_of_point, graph.graph["after_opening"])
    passes.forward(order, start_point, opening_point, opened)
    passes.backward(order, opening_point)
    return _assemble(project, graph, calendar, passes, as_of, opening_point, as_of_point, opened, order)


def _calendar_for(project: Project, graph, order: list[Node], as_of: dt.date) -> WorkCalendar:
    """A calendar wide enough for every point the passes can reach: the longest
    chain of work and lags on either side of every fixed date. (Holidays are
    computed per year, so a calendar no wider than needed starts faster.)"""
    plan = project.plan

    def length(node: Node) -> int:
        if isinstance(node, SummaryPoint):
            return 0
        activity = project.activities[node]
        if activity.duration.unit == "m":
            return activity.duration.amount * MAX_WORKING_DAYS_PER_MONTH
        return activity.duration.working_days

    lengths = {node: length(node) for node in order}  # once per node, not once per link
    reach_before: dict[Node, int] = {}
    for node in order:
        reach_before[node] = max(
            (reach_before[pred] + lengths[pred] + max(lag for _type, lag in links)
             for pred, links in graph.graph["links_in"][node]), default=0)
    longest = max((reach_before[node] + lengths[node] for node in order), default=0)
    reach = dt.timedelta(days=int(longest * CALENDAR_DAYS_PER_WORKING_DAY) + CALENDAR_MARGIN_DAYS)
    anchors = [plan.opening, as_of] + ([plan.start] if plan.start else [])
    for activity in project.activities.values():
        anchors += [d for d in (activity.fixed, activity.not_before, activity.not_after,
                                activity.actual_start, activity.actual_finish) if d]
    weeks = plan.calendar.fellesferie
    fellesferie = DEFAULT_FELLESFERIE_WEEKS if weeks is True else (weeks or ())
    return WorkCalendar(
        min(anchors) - reach, max(anchors) + reach, fellesferie_weeks=fellesferie,
        christmas_closure=plan.calendar.christmas_closure, closed=plan.calendar.closed,
    )


def _assemble(project: Project, graph, calendar: WorkCalendar, passes: SchedulePasses, as_of: dt.date,
              opening_point: int, as_of_point: int, opened: bool, order: list[Node]) -> Schedule:
    opening = project.opening_id
    live = project.active()
    chains = DrivingChains(project, graph, passes)
    critical_path = [] if opened else chains.into(opening)
    deadlines = _date_checks(project, passes, chains)
    on_a_chain = set(critical_path).union(*(check.chain for check in deadlines if not check.holds))

    results: dict[str, ScheduledActivity] = {}
    for activity in live:
        if activity.is_summary:
            continue
        node = activity.id
        results[node] = ScheduledActivity(
            activity=activity, level=_level(project, activity), earliest_start=passes.es[node],
            earliest_finish=passes.ef[node], latest_start=passes.ls[node], latest_finish=passes.lf[node],
            slack=None if activity.status is Status.DONE or node == opening else passes.slack(node),
            critical=node in on_a_chain, status=activity.status,
            after_opening=node in passes.after_opening,
        )
    for activity in reversed(live):  # children before parents
        if activity.is_summary:
            results[activity.id] = _roll_up(project, activity, results)
    ordered = {a.id: results[a.id] for a in live if a.id in results}
    for scheduled in ordered.values():
        scheduled.dates = _dates(calendar, scheduled, project)
    return Schedule(
        project=project, calendar=calendar, as_of=as_of, activities=ordered, opening_point=opening_point,
        as_of_point=as_of_point, opening_slack=opening_point - passes.es[opening], critical_path=critical_path,
        deadlines=deadlines, opened=opened,
        notes=_notes(project, calendar, opening_point, passes, critical_path, order),
    )


class DrivingChains:
    """Driving chains: from an activity back through the links that leave no
    slack between predecessor and successor, to the as-of date or an anchor.

    A link drives when the start it allows is the successor's start (for work
    under way, when the finish it allows is the successor's finish). The walk
    stops at work already done, at a fixed date, at a not-before date that
    binds, and at an actual start; it passes through summaries' points and
    dropped activities without listing them.
    """

    def __init__(self, project: Project, graph, passes: SchedulePasses) -> None:
        self.project, self.graph, self.passes = project, graph, passes

    def into(self, node: Node, *, unconstrained: bool = False) -> list[str]:
        """The live tasks and milestones on the chains that drive ``node`` (itself
        included), by forecast start. With ``unconstrained``, what drives the
        start ``node`` would have without its own fixed or not-before date."""
        passes = self.passes
        seen: set[Node] = {node}
        stack = [(node, unconstrained)]
        while stack:
            current, ignore_own_dates = stack.pop()
            for pred in self._drivers(current, ignore_own_dates):
                if pred not in seen:
                    seen.add(pred)
                    stack.append((pred, False))
        outline = {activity_id: index for index, activity_id in enumerate(self.project.activities)}
        chain = [n for n in seen if isinstance(n, str) and n != self.project.opening_id
                 and (activity := passes.live(n)) is not None and activity.status is not Status.DONE]
        return sorted(chain, key=lambda n: (passes.es[n], passes.ef[n], outline[n]))

    def _drivers(self, node: Node, ignore_own_dates: bool) -> list[Node]:
        passes = self.passes
        activity = passes.live(node)
        if activity is not None:
            if activity.status is Status.DONE:
                return []
            if not ignore_own_dates and passes.es[node] != passes.linked_es[node]:
                return []  # set by a fixed or not-before date
        if node == self.project.opening_id and passes.es[node] != passes.linked_es[node]:
            return []  # the office has opened
        started = activity is not None and activity.status is Status.STARTED
        target = passes.ef[node] if started else passes.linked_es[node]
        drivers = []
        for pred, links in passes.links_in[node]:
            for link_type, lag in links:
                if started:
                    drives = link_type is not LinkType.SS and passes.ef[pred] + lag == target
                else:
                    drives = passes.link_bound(pred, node, link_type, lag) == target
                if drives:
                    drivers.append(pred)
                    break
        if started and not drivers:
            return []  # its actual start is the anchor
        return drivers


def _date_checks(project: Project, passes: SchedulePasses, chains: DrivingChains) -> list[DateCheck]:
    """Every fixed and not-after date of work not yet done, with its slack; a missed one with its chain."""
    checks: list[DateCheck] = []
    for activity in project.active():
        if activity.is_summary or activity.id == project.opening_id or activity.status is Status.DONE:
            continue
        node = activity.id
        if activity.fixed is not None:
            slack = passes.start_point(activity.fixed) - passes.linked_es[node]
            checks.append(DateCheck(node, activity.fixed, "fixed", slack,
                                    chains.into(node, unconstrained=True) if slack < 0 else []))
        if activity.not_after is not None:
            slack = passes.finish_point(activity.not_after) - passes.ef[node]
            checks.append(DateCheck(node, activity.not_after, "not_after", slack,
                                    chains.into(node) if slack < 0 else []))
    return checks


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
    )


def _dates(calendar: WorkCalendar, scheduled: ScheduledActivity, project: Project) -> dict[str, dt.date]:
    """Start points read as the day work begins; finish points as the last day of work."""
    if scheduled.id == project.opening_id:
        # The opening is an event at the start of its day; a forecast later
        # than the opening point means the opening date does not hold.
        late = scheduled.earliest_start > scheduled.latest_start
        forecast = calendar.date_of(scheduled.earliest_start) if late else project.opening_date
        return {"earliest_start": forecast, "earliest_finish": forecast,
                "latest_start": project.opening_date, "latest_finish": project.opening_date}
    if scheduled.activity.is_milestone:
        # A milestone is dated by the day it is reached: the last day of its (zero or one day of) work.
        earliest = calendar.date_of(scheduled.earliest_finish - 1)
        latest = calendar.date_of(scheduled.latest_finish - 1)
        return {"earliest_start": earliest, "earliest_finish": earliest, "latest_start": latest,
                "latest_finish": latest}
    return {
        "earliest_start": calendar.date_of(scheduled.earliest_start),
        "earliest_finish": calendar.date_of(max(scheduled.earliest_finish, scheduled.earliest_start + 1) - 1),
        "latest_start": calendar.date_of(scheduled.latest_start),
        "latest_finish": calendar.date_of(max(scheduled.latest_finish, scheduled.latest_start + 1) - 1),
    }


def _notes(project: Project, calendar: WorkCalendar, opening_point: int, passes: SchedulePasses,
           critical_path: list[str], order: list[Node]) -> list[Note]:
    notes: list[Note] = []
    opening_date = project.opening_date
    day_off = calendar.day_off(opening_date)
    if day_off is not None:
        notes.append(Note("opening_not_working_day", {
            "date": opening_date, "reason": day_off,
            "last_day": calendar.date_of(opening_point - 1)}))
    # Why a row of the critical path can show a slack other than the opening's:
    # it must meet a deadline first, or a duration in months spans a different
    # number of working days counted forward and backward.
    if not critical_path:
        return notes
    opening_slack = opening_point - passes.es[project.opening_id]
    alone = passes.slack_to_the_opening_alone(order, opening_point)
    bound = [node for node in critical_path if passes.slack(node) < alone[node]]
    if bound:
        notes.append(Note("deadline_slack", {"ids": bound}))
    months = [node for node in critical_path if project.activities[node].duration.unit == "m"]
    if months and any(alone[node] != opening_slack for node in critical_path):
        notes.append(Note("month_slack", {"ids": months}))
    return notes
