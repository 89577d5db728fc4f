"""The critical path method: a forward and a backward pass over the networkx
graph of a :class:`~navplan.plan.project.Project`.

The backward pass lays every activity as late as possible before the opening
date; the forward pass lays it as early as possible from the plan start or the
as-of date, respecting progress already made. Total slack is the difference;
it is negative where the opening date (or another fixed date) can no longer
be reached. The core never prints and never reads the clock: ``as_of`` is
always passed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from navplan.plan.values import LinkType, Status
from navplan.engine.dependency_graph import cycle_error, network_edges, network_nodes
from navplan.plan.project import NetworkActivity, Node, Project
from navplan.engine.critical_path_method import SchedulePasses
from navplan.engine.working_days import DEFAULT_FELLESFERIE_WEEKS, WorkCalendar



@dataclass
class ScheduledActivity:
    """An activity with its dates. Points are working-day indices (see
    :mod:`navplan.engine.working_days`); dates are what people read."""

    activity: NetworkActivity
    level: int
    earliest_start: int
    earliest_finish: int
    latest_start: int
    latest_finish: int
    slack: int | None
    critical: bool
    status: Status
    dates: dict[str, dt.date] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.activity.id


@dataclass
class MissedDate:
    """A fixed date or not-after date that the forward pass cannot meet."""

    id: str
    date: dt.date
    missing_days: int
    kind: str  # "opening", "fixed" or "not_after"


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
    slack_to_opening: int
    critical_slack: int | None
    critical_path: list[str]
    driving_chain: list[str]
    missed: list[MissedDate]
    notes: list[Note]

    @property
    def opening_holds(self) -> bool:
        return self.slack_to_opening >= 0

    @property
    def missing_working_days(self) -> int:
        return max(0, -self.slack_to_opening)

    @property
    def working_days_left(self) -> int:
        return self.opening_point - self.as_of_point

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
    import networkx as nx

    graph = build_graph(project)
    order = list(nx.topological_sort(graph))
    calendar = _calendar_for(project, graph, order, as_of)
    opening_point = calendar.index_on_or_after(project.opening_date)
    as_of_point = calendar.index_on_or_after(as_of)
    start_point = as_of_point
    if project.plan.start is not None:
        start_point = max(start_point, calendar.index_on_or_after(project.plan.start))
    passes = SchedulePasses(project, graph, calendar, as_of_point)
    passes.forward(order, start_point)
    passes.backward(order, opening_point)
    return _assemble(project, graph, calendar, passes, as_of, opening_point, as_of_point)


def build_graph(project: Project):
    """The networkx graph of :func:`navplan.plan.project.network_edges`; a dependency
    cycle is reported as a NavplanError naming it."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(network_nodes(project))
    for (pred, succ), links in network_edges(project).items():
        graph.add_edge(pred, succ, links=links)
    if not nx.is_directed_acyclic_graph(graph):
        cycle = [pred for pred, _succ in nx.find_cycle(graph)]
        raise cycle_error(project, cycle)
    return graph


def _calendar_for(project: Project, graph, order: list[Node], as_of: dt.date) -> WorkCalendar:
    """A calendar wide enough for every point the passes can reach: the longest
    chain of work and lags on either side of every fixed date. (Holidays are
    computed per year, so a calendar no wider than needed starts faster.)"""
    plan = project.plan

    def length(node: Node) -> int:
        activity = None if isinstance(node, tuple) else project.activities[node]
        if activity is None:
            return 0
        if activity.duration.unit == "m":
            return activity.duration.amount * 23  # no month has more working days
        return activity.duration.working_days

    reach_before: dict[Node, int] = {}
    for node in order:
        reach_before[node] = max(
            (reach_before[pred] + length(pred) + max(lag for _type, lag in graph[pred][node]["links"])
             for pred in graph.predecessors(node)), default=0)
    longest = max((reach_before[node] + length(node) for node in order), default=0)
    reach = dt.timedelta(days=int(longest * 1.6) + 120)
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
              opening_point: int, as_of_point: int) -> Schedule:
    opening = project.opening_id
    live = [a for a in project.activities.values() if not a.dropped]
    leaves = [a for a in live if not a.is_summary and a.id != opening]
    open_leaves = [a for a in leaves if a.status is not Status.DONE]
    slacks = {a.id: passes.slack(a.id) for a in open_leaves}
    minimum = min(slacks.values(), default=None)
    critical_ids = {i for i, s in slacks.items() if s == minimum}

    results: dict[str, ScheduledActivity] = {}
    for activity in live:
        if activity.is_summary:
            continue
        node = activity.id
        done = activity.status is Status.DONE
        results[node] = ScheduledActivity(
            activity=activity, level=_level(project, activity), earliest_start=passes.es[node],
            earliest_finish=passes.ef[node], latest_start=passes.ls[node], latest_finish=passes.lf[node],
            slack=None if done else passes.slack(node), critical=node in critical_ids, status=activity.status,
        )
    for activity in reversed(live):  # children before parents
        if activity.is_summary:
            results[activity.id] = _roll_up(project, activity, results)
    ordered = {a.id: results[a.id] for a in live if a.id in results}
    for scheduled in ordered.values():
        scheduled.dates = _dates(calendar, scheduled, project)

    slack_to_opening = opening_point - passes.es[opening]
    outline = {activity_id: index for index, activity_id in enumerate(ordered)}
    critical_path = sorted(critical_ids, key=lambda i: (passes.es[i], passes.ef[i], outline[i]))
    return Schedule(
        project=project, calendar=calendar, as_of=as_of, activities=ordered, opening_point=opening_point,
        as_of_point=as_of_point, slack_to_opening=slack_to_opening, critical_slack=minimum,
        critical_path=critical_path,
        driving_chain=_driving_chain(project, graph, passes, opening),
        missed=_missed_dates(project, calendar, passes, opening_point),
        notes=_notes(project, calendar, opening_point),
    )


def _level(project: Project, activity: NetworkActivity) -> int:
    level = 0
    parent = activity.parent
    while parent is not None:
        level += 1
        parent = project.activities[parent].parent
    return level


def _roll_up(project: Project, summary: NetworkActivity, results: dict[str, ScheduledActivity]) -> ScheduledActivity:
    children = [results[c] for c in summary.children if c in results]
    open_children = [c for c in children if c.status is not Status.DONE]
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


def _driving_chain(project: Project, graph, passes: SchedulePasses, opening: str) -> list[str]:
    """Walk back from the opening along the links that set each earliest start."""
    chain: list[str] = []
    node: Node = opening
    seen = set()
    while node not in seen:
        seen.add(node)
        binding = []
        for pred in graph.predecessors(node):
            for link_type, lag in graph[pred][node]["links"]:
                if link_type is LinkType.FS:
                    value = passes.ef[pred] + lag
                elif link_type is LinkType.SS:
                    value = passes.es[pred] + lag
                else:
                    value = passes.earliest_start(node, passes.ef[pred] + lag)
                if value == passes.es[node]:
                    binding.append(pred)
        if not binding:
            break
        node = min(binding, key=lambda p: (passes.slack(p), str(p)))
        activity = passes.activity(node)
        if activity is not None and not activity.dropped:
            if activity.status is Status.DONE:
                break
            chain.append(activity.id)
    chain.reverse()
    return chain


def _missed_dates(project: Project, calendar: WorkCalendar, passes: SchedulePasses, opening_point: int) -> list[MissedDate]:
    missed: list[MissedDate] = []
    opening = project.opening_id
    if passes.es[opening] > opening_point:
        missed.append(MissedDate(opening, project.opening_date, passes.es[opening] - opening_point, "opening"))
    for activity in project.activities.values():
        if activity.dropped or activity.is_summary or activity.id == opening or activity.status is Status.DONE:
            continue
        node = activity.id
        if activity.fixed is not None:
            wanted = passes.start_point(activity.fixed)
            if passes.unconstrained_es[node] > wanted:
                missed.append(MissedDate(node, activity.fixed, passes.unconstrained_es[node] - wanted, "fixed"))
        if activity.not_after is not None:
            limit = passes.finish_point(activity.not_after)
            if passes.ef[node] > limit:
                missed.append(MissedDate(node, activity.not_after, passes.ef[node] - limit, "not_after"))
    return missed


def _notes(project: Project, calendar: WorkCalendar, opening_point: int) -> list[Note]:
    notes: list[Note] = []
    opening_date = project.opening_date
    reason = calendar.non_working_reason(opening_date)
    if reason is not None:
        notes.append(Note("opening_not_working_day", {
            "date": opening_date, "reason": reason, "reason_en": calendar.non_working_reason(opening_date, "en"),
            "last_day": calendar.date_of(opening_point - 1),
        }))
    return notes
