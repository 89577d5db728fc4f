"""The two passes of the critical path method, in points (working-day
indices, see :mod:`navplan.engine.working_days`).

The forward pass places each activity as early as its predecessors, its
constraints and the progress already made allow (the forecast); the backward
pass places it as late as the opening date, its deadlines and its successors
allow. Work after the opening is placed forward from the opening date and
backward from the last of it, so it never moves the opening.
"""

from __future__ import annotations

import copy
import datetime as dt

from navplan.engine.dependency_graph import Node, SummaryPoint
from navplan.engine.working_days import WorkCalendar
from navplan.plan.project import NetworkActivity, Project
from navplan.plan.values import LinkType, Status


class SchedulePasses:
    """Forward and backward pass state, in points."""

    def __init__(self, project: Project, graph, calendar: WorkCalendar, as_of_point: int,
                 after_opening: set[Node]) -> None:
        self.project = project
        self.graph = graph
        self.links_in: dict[Node, list[tuple[Node, list]]] = graph.graph["links_in"]
        self.links_out: dict[Node, list[tuple[Node, list]]] = graph.graph["links_out"]
        activities = project.activities
        self._live: dict[Node, NetworkActivity | None] = {
            node: (None if isinstance(node, SummaryPoint) or activities[node].dropped else activities[node])
            for node in graph}
        self.calendar = calendar
        self.as_of_point = as_of_point
        self.after_opening = after_opening
        self.es: dict[Node, int] = {}
        self.ef: dict[Node, int] = {}
        self.ls: dict[Node, int] = {}
        self.lf: dict[Node, int] = {}
        self.linked_es: dict[Node, int] = {}  # earliest start from links and the plan start alone
        self.free_ls: dict[Node, int] = {}  # latest start of a fixed activity, were it not fixed
        self.finish_bound: dict[Node, int] = {}  # the latest finish what follows allows (before a start bound)
        self.project_finish = 0  # the last point of any work, the opening's included
        self.deadlines_bind = True  # False: the backward pass knows only the opening

    def activity(self, node: Node) -> NetworkActivity | None:
        if isinstance(node, SummaryPoint):
            return None
        return self.project.activities[node]

    def live(self, node: Node) -> NetworkActivity | None:
        """The node's activity unless it is a summary's point or dropped."""
        return self._live[node]

    def _duration(self, node: Node) -> tuple[int, str]:
        activity = self.live(node)
        if activity is not None and activity.is_milestone and activity.fixed is not None:
            # A fixed milestone is a meeting: its papers are ready the day before,
            # and what it decides can start the day after.
            return 1, "d"
        if activity is None or activity.is_milestone:
            return 0, "d"
        if activity.duration.unit == "m":
            return activity.duration.amount, "m"
        return activity.duration.working_days, "d"

    def advance(self, node: Node, start: int) -> int:
        """The finish point of ``node`` begun at ``start``."""
        amount, unit = self._duration(node)
        return self.calendar.add_months(start, amount) if unit == "m" and amount else start + amount

    def latest_start(self, node: Node, finish: int) -> int:
        """The latest start from which ``node`` finishes by ``finish``."""
        amount, unit = self._duration(node)
        return self.calendar.latest_start_for_months(finish, amount) if unit == "m" and amount else finish - amount

    def earliest_start(self, node: Node, finish: int) -> int:
        """The earliest start from which ``node`` finishes no earlier than ``finish``."""
        amount, unit = self._duration(node)
        return self.calendar.earliest_start_for_months(finish, amount) if unit == "m" and amount else finish - amount

    def finish_point(self, day: dt.date) -> int:
        return self.calendar.index_on_or_before(day) + 1

    def start_point(self, day: dt.date) -> int:
        return self.calendar.index_on_or_after(day)

    def link_bound(self, pred: Node, succ: Node, link_type: LinkType, lag: int) -> int:
        """The earliest start one link allows ``succ``: the one rule the forward
        pass and the driving chains share."""
        if link_type is LinkType.FS:
            return self.ef[pred] + lag
        if link_type is LinkType.SS:
            return self.es[pred] + lag
        return self.earliest_start(succ, self.ef[pred] + lag)

    def forward(self, order: list[Node], start_point: int, opening_point: int, opened: bool) -> None:
        opening = self.project.opening_id
        for node in order:
            if isinstance(node, SummaryPoint) and node.kind == "first":
                # A summary starts when its first step starts.
                first = min((self.es[pred] for pred, _ in self.links_in[node]), default=start_point)
                self.linked_es[node] = self.es[node] = self.ef[node] = first
                continue
            earliest = start_point
            for pred, links in self.links_in[node]:
                for link_type, lag in links:
                    earliest = max(earliest, self.link_bound(pred, node, link_type, lag))
            self.linked_es[node] = earliest
            activity = self.live(node)
            if node == opening:
                if opened:  # the office opened on its date; what was not recorded done did not stop it
                    earliest = opening_point
                self.es[node] = earliest
                # What comes after the opening waits for the opening date itself, not an earlier forecast.
                self.ef[node] = max(earliest, opening_point)
                continue
            if activity is not None:
                earliest = self._constrain_forward(activity, earliest)
            self.es[node] = earliest
            self.ef[node] = self.advance(node, earliest)
            if activity is not None:
                self._apply_progress(node, activity)
        after = [self.ef[node] for node in order if node in self.after_opening]
        self.project_finish = max([opening_point, *after])

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
            for pred, links in self.links_in[node]:
                for link_type, lag in links:
                    if link_type is not LinkType.SS:
                        finish = max(finish, self.ef[pred] + lag)
            self.es[node] = start
            self.ef[node] = finish

    def backward(self, order: list[Node], opening_point: int) -> None:
        opening = self.project.opening_id
        self.ls[opening] = self.lf[opening] = opening_point
        for node in reversed(order):
            if node == opening:
                continue
            latest = latest_start = None
            for succ, links in self.links_out[node]:
                for link_type, lag in links:
                    start_bound = self._latest_start_bound(succ, link_type, lag)
                    if start_bound is not None:
                        latest_start = start_bound if latest_start is None else min(latest_start, start_bound)
                        continue
                    bound = self._latest_finish_bound(succ, link_type, lag)
                    latest = bound if latest is None else min(latest, bound)
            if latest is None:
                # Nothing follows: the last work after the opening, or a summary's
                # start point (which leads only start-to-start to its steps).
                latest = self.project_finish if node in self.after_opening else opening_point
            activity = self.live(node) if self.deadlines_bind else None
            if activity is not None and activity.not_after is not None:
                latest = min(latest, self.finish_point(activity.not_after))
            self.finish_bound[node] = latest
            if activity is not None:
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
        successor = self.live(succ)
        if successor is not None and successor.status is not Status.NOT_STARTED:
            return None
        return self.ls[succ] - lag

    def _latest_finish_bound(self, succ: Node, link_type: LinkType, lag: int) -> int:
        """The latest finish that one finish-to-start or finish-to-finish link to ``succ`` allows.

        Work already done no longer waits for anything; work already started
        still needs its finish-to-start predecessors finished before it can
        finish, so those links bind as finish-to-finish.
        """
        successor = self.live(succ)
        status = successor.status if successor is not None else Status.NOT_STARTED
        if status is Status.DONE or (status is Status.STARTED and link_type is LinkType.SS):
            return self.project_finish if succ in self.after_opening else self.lf[self.project.opening_id]
        if link_type is LinkType.FS and status is Status.NOT_STARTED:
            return self.ls[succ] - lag
        return self.lf[succ] - lag

    def slack_to_the_opening_alone(self, order: list[Node], opening_point: int) -> dict[Node, int]:
        """Each node's slack were the opening the only date to meet: a second
        backward pass over the same forecast, without fixed or not-after dates.
        It tells a row bound by a deadline from one bound by the opening."""
        opening = self.project.opening_id
        if not any(activity is not None and (activity.not_after is not None or activity.fixed is not None)
                   for activity in self._live.values()):
            # No date binds but the opening: the pass made already is the one wanted.
            return {node: self.slack(node) for node in order if isinstance(node, str) and node != opening}
        alone = copy.copy(self)
        alone.ls, alone.lf, alone.free_ls, alone.finish_bound = {}, {}, {}, {}
        alone.deadlines_bind = False
        alone.backward(order, opening_point)
        return {node: alone.slack(node) for node in order if isinstance(node, str) and node != opening}

    def start_slack(self, node: Node) -> int:
        return self.free_ls.get(node, self.ls[node]) - self.es[node]

    def finish_slack(self, node: Node) -> int:
        """How far the finish can slip before what follows it (or a not-after
        date) is delayed. A finish placed only by a start-to-start bound on the
        start does not limit it: that bound is measured on the start."""
        return self.finish_bound[node] - self.ef[node]

    def slack(self, node: Node) -> int:
        """Total slack: the smaller of start slack and finish slack, as MS Project
        measures it, so that a duration in calendar months (which spans a
        different number of working days depending on when it starts) neither
        hides a delay nor breaks a chain. Work under way has only its finish left
        to slip. A fixed activity's slack is measured as if it were not fixed:
        against what follows it.
        """
        activity = self.live(node)
        if activity is not None and activity.status is Status.STARTED:
            return self.finish_slack(node)
        return min(self.start_slack(node), self.finish_slack(node))
