"""The critical path method: a forward and a backward pass over the networkx
graph of a :class:`~navplan.network.Project`.

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

from navplan.errors import NavplanError
from navplan.model import LinkType, Status
from navplan.network import Node, NetworkActivity, Project, cycle_error, network_edges, network_nodes
from navplan.workdays import DEFAULT_FELLESFERIE_WEEKS, WorkCalendar



@dataclass
class ScheduledActivity:
    """An activity with its dates. Points are working-day indices (see
    :mod:`navplan.workdays`); dates are what people read."""

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
    >>> from navplan.model import Plan
    >>> from navplan.network import build_project
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
    calendar = _calendar_for(project, as_of)
    opening_point = calendar.index_on_or_after(project.opening_date)
    as_of_point = calendar.index_on_or_after(as_of)
    start_point = as_of_point
    if project.plan.start is not None:
        start_point = max(start_point, calendar.index_on_or_after(project.plan.start))
    passes = _Passes(project, graph, calendar, as_of_point)
    passes.forward(order, start_point)
    passes.backward(order, opening_point)
    return _assemble(project, graph, calendar, passes, as_of, opening_point, as_of_point)


def build_graph(project: Project):
    """The networkx graph of :func:`navplan.network.network_edges`; a dependency
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


def _calendar_for(project: Project, as_of: dt.date) -> WorkCalendar:
    """A calendar wide enough for every point the passes can reach."""
    plan = project.plan
    working_days = months = 0
    for activity in project.activities.values():
        if activity.duration.unit == "m":
            months += activity.duration.amount
        else:
            working_days += activity.duration.working_days
        working_days += sum(link.lag.working_days for link in activity.links)
    reach = dt.timedelta(days=int(working_days * 1.6) + months * 31 + 120)
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


class _Passes:
    """Forward and backward pass state, in points."""

    def __init__(self, project: Project, graph, calendar: WorkCalendar, as_of_point: int) -> None:
        self.project = project
        self.graph = graph
        self.calendar = calendar
        self.as_of_point = as_of_point
        self.es: dict[Node, int] = {}
        self.ef: dict[Node, int] = {}
        self.ls: dict[Node, int] = {}
        self.lf: dict[Node, int] = {}
        self.unconstrained_es: dict[Node, int] = {}
        self.free_ls: dict[Node, int] = {}  # latest start of a fixed activity, were it not fixed

    def activity(self, node: Node) -> NetworkActivity | None:
        if isinstance(node, tuple):
            return None
        return self.project.activities[node]

    def _duration(self, node: Node) -> tuple[int, str]:
        activity = self.activity(node)
        if activity is not None and activity.is_milestone and activity.fixed is not None and not activity.dropped:
            # A fixed milestone is a meeting: its papers are ready the day before,
            # and what it decides can start the day after.
            return 1, "d"
        if activity is None or activity.dropped or activity.is_milestone:
            return 0, "d"
        if activity.duration.unit == "m":
            return activity.duration.amount, "m"
        return activity.duration.working_days, "d"

    def advance(self, node: Node, start: int) -> int:
        amount, unit = self._duration(node)
        return self.calendar.add_months(start, amount) if unit == "m" and amount else start + amount

    def latest_start(self, node: Node, finish: int) -> int:
        amount, unit = self._duration(node)
        return self.calendar.latest_start_for_months(finish, amount) if unit == "m" and amount else finish - amount

    def earliest_start(self, node: Node, finish: int) -> int:
        amount, unit = self._duration(node)
        return self.calendar.earliest_start_for_months(finish, amount) if unit == "m" and amount else finish - amount

    def _finish_point(self, day: dt.date) -> int:
        return self.calendar.index_on_or_before(day) + 1

    def _start_point(self, day: dt.date) -> int:
        return self.calendar.index_on_or_after(day)

    def forward(self, order: list[Node], start_point: int) -> None:
        for node in order:
            if isinstance(node, tuple) and node[0] == "first":
                # A summary starts when its first child starts.
                first = min((self.es[pred] for pred in self.graph.predecessors(node)), default=start_point)
                self.unconstrained_es[node] = self.es[node] = self.ef[node] = first
                continue
            earliest = start_point
            for pred in self.graph.predecessors(node):
                for link_type, lag in self.graph[pred][node]["links"]:
                    if link_type is LinkType.FS:
                        earliest = max(earliest, self.ef[pred] + lag)
                    elif link_type is LinkType.SS:
                        earliest = max(earliest, self.es[pred] + lag)
                    else:
                        earliest = max(earliest, self.earliest_start(node, self.ef[pred] + lag))
            activity = self.activity(node)
            self.unconstrained_es[node] = earliest
            if activity is not None and not activity.dropped:
                earliest = self._constrain_forward(activity, earliest)
            self.es[node] = earliest
            self.ef[node] = self.advance(node, earliest)
            if activity is not None and not activity.dropped:
                self._apply_progress(node, activity)

    def _constrain_forward(self, activity: NetworkActivity, earliest: int) -> int:
        if activity.not_before is not None:
            earliest = max(earliest, self.calendar.index_on_or_after(activity.not_before))
        if activity.fixed is not None:
            earliest = self._start_point(activity.fixed)
        return earliest

    def _apply_progress(self, node: Node, activity: NetworkActivity) -> None:
        milestone = activity.is_milestone
        if activity.status is Status.DONE:
            if activity.actual_finish is not None:
                finish = self._finish_point(activity.actual_finish)
            else:
                finish = min(self.ef[node], self.as_of_point)
            if activity.actual_start is not None and not milestone:
                start = self.calendar.index_on_or_after(activity.actual_start)
            else:
                start = finish if milestone else min(self.earliest_start(node, finish), finish)
            self.es[node], self.ef[node] = min(start, finish), finish
        elif activity.status is Status.STARTED:
            if activity.actual_start is not None:
                start = self._start_point(activity.actual_start)
            else:
                start = min(self.es[node], self.as_of_point)
            # Unfinished work ends no earlier than the end of the as-of day, nor
            # before its finish-to-start predecessors have finished.
            finish = max(self.advance(node, start), self.as_of_point + 1)
            for pred in self.graph.predecessors(node):
                for link_type, lag in self.graph[pred][node]["links"]:
                    if link_type is not LinkType.SS:
                        finish = max(finish, self.ef[pred] + lag)
            self.es[node] = start
            self.ef[node] = finish

    def backward(self, order: list[Node], opening_point: int) -> None:
        opening = self.project.opening_id
        self.opening_point = opening_point
        self.ls[opening] = self.lf[opening] = opening_point
        for node in reversed(order):
            if node == opening:
                continue
            latest = latest_start = None
            for succ in self.graph.successors(node):
                for link_type, lag in self.graph[node][succ]["links"]:
                    start_bound = self._latest_start_bound(succ, link_type, lag)
                    if start_bound is not None:
                        latest_start = start_bound if latest_start is None else min(latest_start, start_bound)
                        continue
                    bound = self._latest_finish_bound(succ, link_type, lag, opening_point)
                    latest = bound if latest is None else min(latest, bound)
            if latest is None:  # a summary's start node leads only start-to-start to its children
                latest = opening_point
            activity = self.activity(node)
            if activity is not None and not activity.dropped:
                if activity.not_after is not None:
                    latest = min(latest, self._finish_point(activity.not_after))
                if activity.fixed is not None:
                    # Slack is measured against what follows; predecessors must meet the fixed date.
                    self.free_ls[node] = self._place_latest(node, latest, latest_start)[0]
                    start = self._start_point(activity.fixed)
                    self.ls[node], self.lf[node] = start, self.advance(node, start)
                    continue
            self.ls[node], self.lf[node] = self._place_latest(node, latest, latest_start)

    def _place_latest(self, node: Node, latest_finish: int, latest_start: int | None) -> tuple[int, int]:
        """Latest start and finish from the bounds on each. A start-to-start link
        bounds the start itself: with months, several starts share one finish."""
        start = self.latest_start(node, latest_finish)
        if latest_start is not None and latest_start < start:
            return latest_start, min(latest_finish, self.advance(node, latest_start))
        return start, latest_finish

    def _latest_start_bound(self, succ: Node, link_type: LinkType, lag: int) -> int | None:
        """The latest start a start-to-start link to a not-started successor allows."""
        if link_type is not LinkType.SS:
            return None
        successor = self.activity(succ)
        if successor is not None and not successor.dropped and successor.status is not Status.NOT_STARTED:
            return None
        return self.ls[succ] - lag

    def _latest_finish_bound(self, succ: Node, link_type: LinkType, lag: int, opening_point: int) -> int:
        """The latest finish that one finish-to-start or finish-to-finish link to ``succ`` allows.

        Work already done no longer waits for anything; work already started
        still needs its finish-to-start predecessors finished before it can
        finish, so those links bind as finish-to-finish.
        """
        successor = self.activity(succ)
        status = successor.status if successor is not None and not successor.dropped else Status.NOT_STARTED
        if status is Status.DONE or (status is Status.STARTED and link_type is LinkType.SS):
            return opening_point
        if link_type is LinkType.FS and status is Status.NOT_STARTED:
            return self.ls[succ] - lag
        return self.lf[succ] - lag

    def slack(self, node: Node) -> int:
        """Total slack: how far the start can slip without delaying the opening.

        Measured on the start, since an elapsed duration (months) spans a
        different number of working days depending on when it starts; for
        work already started, measured on the finish.
        """
        activity = self.activity(node)
        if activity is not None and activity.status is Status.STARTED:
            return self.lf[node] - self.ef[node]
        return self.free_ls.get(node, self.ls[node]) - self.es[node]


def _assemble(project: Project, graph, calendar: WorkCalendar, passes: _Passes, as_of: dt.date,
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
    critical_path = sorted(critical_ids, key=lambda i: (passes.es[i], passes.ef[i], list(ordered).index(i)))
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


def _driving_chain(project: Project, graph, passes: _Passes, opening: str) -> list[str]:
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


def _missed_dates(project: Project, calendar: WorkCalendar, passes: _Passes, opening_point: int) -> list[MissedDate]:
    missed: list[MissedDate] = []
    opening = project.opening_id
    if passes.es[opening] > opening_point:
        missed.append(MissedDate(opening, project.opening_date, passes.es[opening] - opening_point, "opening"))
    for activity in project.activities.values():
        if activity.dropped or activity.is_summary or activity.id == opening or activity.status is Status.DONE:
            continue
        node = activity.id
        if activity.fixed is not None:
            wanted = passes._start_point(activity.fixed)
            if passes.unconstrained_es[node] > wanted:
                missed.append(MissedDate(node, activity.fixed, passes.unconstrained_es[node] - wanted, "fixed"))
        if activity.not_after is not None:
            limit = passes._finish_point(activity.not_after)
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
