"""The two passes of the critical path method, in points (working-day
indices, see :mod:`navplan.engine.working_days`).

The forward pass places each activity as early as its predecessors, its
constraints and the progress already made allow; the backward pass places it
as late as the opening date and its successors allow.
"""

from __future__ import annotations

import datetime as dt

from navplan.plan.values import LinkType, Status
from navplan.plan.project import NetworkActivity, Node, Project
from navplan.engine.working_days import WorkCalendar


class SchedulePasses:
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

    def finish_point(self, day: dt.date) -> int:
        return self.calendar.index_on_or_before(day) + 1

    def start_point(self, day: dt.date) -> int:
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
            earliest = self.start_point(activity.fixed)
        return earliest

    def _apply_progress(self, node: Node, activity: NetworkActivity) -> None:
        milestone = activity.is_milestone
        if activity.status is Status.DONE:
            if activity.actual_finish is not None:
                finish = self.finish_point(activity.actual_finish)
            else:
                finish = min(self.ef[node], self.as_of_point)
            if activity.actual_start is not None and not milestone:
                start = self.calendar.index_on_or_after(activity.actual_start)
            else:
                start = finish if milestone else min(self.earliest_start(node, finish), finish)
            self.es[node], self.ef[node] = min(start, finish), finish
        elif activity.status is Status.STARTED:
            if activity.actual_start is not None:
                start = self.start_point(activity.actual_start)
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
                    latest = min(latest, self.finish_point(activity.not_after))
                if activity.fixed is not None:
                    # Slack is measured against what follows; predecessors must meet the fixed date.
                    self.free_ls[node] = self._place_latest(node, latest, latest_start)[0]
                    start = self.start_point(activity.fixed)
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
