"""Schedule risk by Monte Carlo: the forward pass of the critical path method
run for thousands of samples of the uncertain durations at once.

Every sample is a plan the deterministic engine could schedule. Each
uncertain duration is drawn from a triangular distribution over its low,
likely and high values and rounded to whole working days (whole months for a
duration in months, as a notice period runs in whole months); the forward
pass then runs over the same network edges
(:func:`navplan.engine.dependency_graph.network_edges`) and the same kind of
working-day calendar (:class:`navplan.engine.working_days.WorkCalendar`, its
month arithmetic included) as :func:`navplan.engine.schedule.schedule`, with
the same rules for links, constraints and progress. numpy turns each step
into one operation over every sample: a sample is a column, an activity a row.
Only `navplan risk` and the outputs that show its results import this module.

Why triangular and not PERT-beta: the low, likely and high values are
navplan's estimates (the handbook gives almost no durations), and the
triangular distribution keeps more weight in its tails than PERT-beta does,
so it does not claim more confidence than the estimates hold. Its inverse
distribution function is closed-form: a sample is one uniform number through
a square root, the same on every machine, and the tests can check the
results against exact formulas.

What is not sampled: done work keeps its actual dates and its likely
duration; work under way samples only what remains after the as-of date (the
likely remainder, scaled by the sampled duration over the likely one); plain
durations in a plan are the plan's word and stay fixed.
"""

from __future__ import annotations

import datetime as dt
import graphlib
import os
import zlib
from dataclasses import dataclass

# The simulation uses no linear algebra: numpy's BLAS need not start a pool of
# threads on import (it costs start-up time, more so on a busy machine).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

from navplan.engine.dependency_graph import Node, SummaryPoint, cycle_error, network_edges, network_nodes
from navplan.engine.working_days import DEFAULT_FELLESFERIE_WEEKS, WorkCalendar
from navplan.plan.project import NetworkActivity, Project
from navplan.plan.values import LinkType, Status

DEFAULT_SAMPLES = 10_000
#: A fixed seed, so the same plan gives the same numbers on every run and machine
#: (and a report in git does not change when nothing in the plan did).
DEFAULT_SEED = 2007
MAX_SAMPLES = 100_000
MAX_SEED = 2**32 - 1
#: No month has more working days: what the calendar must reach for each month of work.
_MONTH_WORKING_DAYS = 23
_POINT = np.int32


def triangular(uniform: np.ndarray, low: float, likely: float, high: float) -> np.ndarray:
    """The triangular distribution's inverse distribution function at ``uniform``.

    >>> triangular(np.array([0.0, 0.5, 1.0]), 2.0, 4.0, 6.0).tolist()
    [2.0, 4.0, 6.0]
    """
    uniform = np.asarray(uniform, dtype=float)
    if high <= low:
        return np.full(uniform.shape, float(low))
    span = high - low
    below = low + np.sqrt(uniform * span * (likely - low))
    above = high - np.sqrt((1.0 - uniform) * span * (high - likely))
    return np.where(uniform * span < likely - low, below, above)


def uniforms(seed: int, activity_id: str, samples: int) -> np.ndarray:
    """The uniform numbers behind one activity's samples.

    Each activity has a stream of its own, seeded by the run's seed and its
    id, so adding or dropping an activity leaves every other activity's
    samples as they were.
    """
    sequence = np.random.SeedSequence([seed, zlib.crc32(activity_id.encode("utf-8"))])
    return np.random.Generator(np.random.PCG64(sequence)).random(samples)


@dataclass(frozen=True)
class Uncertain:
    """An activity whose duration is sampled: low, likely and high in its unit."""

    activity: NetworkActivity
    low: float
    likely: float
    high: float
    in_months: bool

    @property
    def id(self) -> str:
        return self.activity.id


def uncertain_activities(project: Project) -> list[Uncertain]:
    """Open tasks with a duration range, in outline order. Done work is not sampled."""
    found = []
    for activity in project.activities.values():
        spread = activity.duration_range
        if (spread is None or activity.dropped or activity.is_summary or activity.is_milestone
                or activity.status is Status.DONE or activity.id == project.opening_id):
            continue
        found.append(Uncertain(activity, spread.low.measure, spread.likely.measure, spread.high.measure,
                               spread.likely.in_months))
    return found


class _Network:
    """The project's nodes in a topological order, each with its incoming links
    as (predecessor row, link type, lag in working days)."""

    def __init__(self, project: Project) -> None:
        nodes = network_nodes(project)
        incoming: dict[Node, list[tuple[Node, LinkType, int]]] = {node: [] for node in nodes}
        for (pred, succ), links in network_edges(project).items():
            incoming.setdefault(succ, []).extend((pred, link_type, lag) for link_type, lag in links)
            incoming.setdefault(pred, [])
        try:
            order = list(graphlib.TopologicalSorter(
                {node: [pred for pred, _t, _l in links] for node, links in incoming.items()}).static_order())
        except graphlib.CycleError as error:
            raise cycle_error(project, list(error.args[1])) from None
        self.order: list[Node] = order
        self.row: dict[Node, int] = {node: row for row, node in enumerate(order)}
        self.incoming = [[(self.row[pred], link_type, lag) for pred, link_type, lag in incoming[node]]
                         for node in order]


def _remembered(cache: dict[tuple[int, int], int], month_step):
    """``month_step(point, months)`` for a point and a count of months, each pair worked
    out once: thousands of samples share a few hundred distinct pairs. Zero months is
    the point itself."""
    def one(point: int, count: int) -> int:
        if not count:
            return point
        key = (point, count)
        if key not in cache:
            cache[key] = month_step(point, count)
        return cache[key]

    return one


class _MonthArithmetic:
    """The calendar's month arithmetic over arrays of points: each distinct
    (point, months) pair is worked out once, by the calendar itself."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self._after: dict[tuple[int, int], int] = {}
        self._before: dict[tuple[int, int], int] = {}

    def _map(self, points: np.ndarray, months, one) -> np.ndarray:
        months = np.broadcast_to(np.asarray(months, dtype=np.int64), points.shape)
        keys = points.astype(np.int64) * 1024 + months  # months are at most 120
        unique, inverse = np.unique(keys, return_inverse=True)
        values = np.fromiter((one(int(key) >> 10, int(key) & 1023) for key in unique), dtype=_POINT,
                             count=len(unique))
        return values[inverse.reshape(points.shape)]

    def add(self, start: np.ndarray, months) -> np.ndarray:
        """Finish points of ``months`` months begun at ``start``."""
        return self._map(start, months, _remembered(self._after, self.calendar.add_months))

    def earliest_start(self, finish: np.ndarray, months) -> np.ndarray:
        """The earliest start points from which ``months`` months end at or after ``finish``."""
        return self._map(finish, months, _remembered(self._before, self.calendar.earliest_start_for_months))


@dataclass
class Simulation:
    """Every sample's forward pass. Rows follow ``order`` (see ``row``), columns are samples."""

    project: Project
    calendar: WorkCalendar
    as_of: dt.date
    samples: int
    seed: int
    order: list[Node]
    row: dict[Node, int]
    opening_point: int
    as_of_point: int
    earliest_start: np.ndarray
    earliest_finish: np.ndarray
    unconstrained_start: np.ndarray  # before a fixed date or not-before date moved it
    driving: np.ndarray | None  # whether the node drives the opening's forecast, per sample
    uncertain: list[Uncertain]
    #: Per uncertain activity, the duration each sample gives it: working days, or
    #: months for a duration in months; for work under way, the working days it
    #: lasts from its start in that sample.
    durations: dict[str, np.ndarray]
    #: Per uncertain activity, the sampled value that drives it: its duration, or
    #: for work under way the working days that remain after the as-of date.
    sampled: dict[str, np.ndarray]

    @property
    def opening_forecast(self) -> np.ndarray:
        """The opening's earliest start in every sample: when all work can be done."""
        return self.earliest_start[self.row[self.project.opening_id]]

    def point_date(self, point: int) -> dt.date:
        return self.calendar.date_of(int(point))


def simulate(project: Project, as_of: dt.date, samples: int = DEFAULT_SAMPLES, seed: int = DEFAULT_SEED, *,
             driving: bool = True, calendar: WorkCalendar | None = None) -> Simulation:
    """Sample ``project`` as of ``as_of``; ``driving`` also traces, per sample,
    which activities drive the opening's forecast (the criticality index).
    ``calendar`` is the deterministic schedule's, reused when wide enough."""
    network = _Network(project)
    uncertain = uncertain_activities(project)
    calendar = risk_calendar(project, as_of, _reach(project, network, uncertain), calendar)
    draws = {item.id: triangular(uniforms(seed, item.id, samples), item.low, item.likely, item.high)
             for item in uncertain}
    run = _ForwardPass(project, network, calendar, as_of, samples, uncertain, draws)
    run.forward()
    return Simulation(
        project=project, calendar=calendar, as_of=as_of, samples=samples, seed=seed, order=network.order,
        row=network.row, opening_point=run.opening_point, as_of_point=run.as_of_point,
        earliest_start=run.es, earliest_finish=run.ef, unconstrained_start=run.unconstrained,
        driving=run.trace_driving() if driving else None, uncertain=uncertain, durations=run.durations,
        sampled=run.sampled,
    )


def _reach(project: Project, network: _Network, uncertain: list[Uncertain]) -> tuple[int, int]:
    """How far a sample's forward pass can reach from the dates it starts from,
    in working days, every duration at its high value (a month counted as the
    most working days a month has): forwards the longest chain of work and
    lags; backwards one duration and lag (work done before the as-of day is
    placed back from its finish, and only maxima carry a point on)."""
    high = {item.id: item.high * (_MONTH_WORKING_DAYS if item.in_months else 1) for item in uncertain}

    def length(node: Node) -> float:
        if isinstance(node, SummaryPoint):
            return 0
        activity = project.activities[node]
        if activity.id in high:
            return high[activity.id]
        if activity.is_milestone:
            return 1 if activity.fixed is not None else 0  # a fixed milestone takes a day
        if activity.duration.unit == "m":
            return activity.duration.amount * _MONTH_WORKING_DAYS
        return activity.duration.working_days

    reach_before = [0.0] * len(network.order)
    for row, node in enumerate(network.order):
        reach_before[row] = max((reach_before[pred] + length(network.order[pred]) + max(lag, 0)
                                 for pred, _type, lag in network.incoming[row]), default=0.0)
    forwards = max((reach + length(node) for reach, node in zip(reach_before, network.order)), default=0.0)
    backwards = max((length(node) for node in network.order), default=0.0) + max(
        (lag for links in network.incoming for _pred, _type, lag in links), default=0)
    return int(forwards) + 1, int(backwards) + 1


def _anchors(project: Project, as_of: dt.date) -> tuple[list[dt.date], list[dt.date]]:
    """The dates the forward pass starts from (the as-of day, the plan start,
    the opening for the work after it, fixed, not-before and actual dates), and
    those it only compares with (not-after dates)."""
    plan = project.plan
    starts = [as_of, plan.opening] + ([plan.start] if plan.start else [])
    compared = [plan.opening]
    for activity in project.activities.values():
        starts += [day for day in (activity.fixed, activity.not_before, activity.actual_start, activity.actual_finish)
                   if day]
        compared += [activity.not_after] if activity.not_after else []
    return starts, compared


def risk_calendar(project: Project, as_of: dt.date, reach: tuple[int, int],
                  reuse: WorkCalendar | None = None) -> WorkCalendar:
    """A calendar with the plan's working days, wide enough for every sample:
    every point of a forward pass lies within ``reach`` (forwards, backwards)
    working days of a date it starts from (see :func:`_anchors`). ``reuse``
    (the deterministic schedule's calendar, of the same plan) is taken when it
    is wide enough, since building a calendar costs more than sampling a small plan."""
    starts, compared = _anchors(project, as_of)
    forwards, backwards = reach[0] + 30, reach[1] + 30  # a margin, as months land on varying days
    everything = starts + compared
    if reuse is not None and reuse.first <= min(everything) and max(everything) <= reuse.last:
        points = [reuse.index_on_or_after(day) for day in starts]
        if min(points) - backwards >= 0 and max(points) + forwards < len(reuse):
            return reuse
    plan = project.plan

    def days(working_days: int) -> dt.timedelta:
        # Working days to calendar days: weekends, holidays and up to three weeks of fellesferie a year.
        return dt.timedelta(days=int(working_days * 1.6) + 60)

    weeks = plan.calendar.fellesferie
    return WorkCalendar(min(min(starts) - days(backwards), min(compared)),
                        max(max(starts) + days(forwards), max(compared)),
                        fellesferie_weeks=DEFAULT_FELLESFERIE_WEEKS if weeks is True else (weeks or ()),
                        christmas_closure=plan.calendar.christmas_closure, closed=plan.calendar.closed)


class _ForwardPass:
    """The forward pass of :mod:`navplan.engine.critical_path_method`, each
    value an array over the samples."""

    def __init__(self, project: Project, network: _Network, calendar: WorkCalendar, as_of: dt.date, samples: int,
                 uncertain: list[Uncertain], draws: dict[str, np.ndarray]) -> None:
        self.project, self.network, self.calendar, self.samples = project, network, calendar, samples
        self.months = _MonthArithmetic(calendar)
        self.as_of_point = calendar.index_on_or_after(as_of)
        self.opening_point = calendar.index_on_or_after(project.opening_date)
        self.opened = as_of > project.opening_date
        start = self.as_of_point
        if project.plan.start is not None:
            start = max(start, calendar.index_on_or_after(project.plan.start))
        self.start_point = start
        count = len(network.order)
        self.es = np.empty((count, samples), dtype=_POINT)
        self.ef = np.empty((count, samples), dtype=_POINT)
        self.unconstrained = np.empty((count, samples), dtype=_POINT)
        self.own_finish: dict[int, np.ndarray] = {}  # work under way: its finish before its predecessors held it
        self.uncertain = {item.id: item for item in uncertain}
        self.draws = draws
        self.durations: dict[str, np.ndarray] = {}
        self.sampled: dict[str, np.ndarray] = {}
        # Each node's duration: an amount (working days or months) for every sample, or one for all.
        self.amount: list[np.ndarray | int] = []
        self.in_months: list[bool] = []
        for node in network.order:
            amount, in_months = self._likely(node)
            activity = self._activity(node)
            item = self.uncertain.get(activity.id) if activity is not None else None
            if item is not None and activity.status is Status.NOT_STARTED:
                amount = np.floor(draws[item.id] + 0.5).astype(_POINT)
                self.durations[item.id] = self.sampled[item.id] = amount
            self.amount.append(amount)
            self.in_months.append(in_months)

    def _activity(self, node: Node) -> NetworkActivity | None:
        return None if isinstance(node, SummaryPoint) else self.project.activities[node]

    def _live(self, node: Node) -> NetworkActivity | None:
        activity = self._activity(node)
        return activity if activity is not None and not activity.dropped else None

    def _likely(self, node: Node) -> tuple[int, bool]:
        activity = self._activity(node)
        if activity is not None and activity.is_milestone and activity.fixed is not None and not activity.dropped:
            return 1, False  # a fixed milestone is a meeting: a day of its own
        if activity is None or activity.dropped or activity.is_milestone:
            return 0, False
        if activity.duration.unit == "m":
            return activity.duration.amount, True
        return activity.duration.working_days, False

    def advance(self, row: int, start: np.ndarray, amount=None) -> np.ndarray:
        amount = self.amount[row] if amount is None else amount
        if self.in_months[row]:
            return self.months.add(start, amount)
        return start + amount

    def earliest_start(self, row: int, finish: np.ndarray, amount=None) -> np.ndarray:
        amount = self.amount[row] if amount is None else amount
        if self.in_months[row]:
            return self.months.earliest_start(finish, amount)
        return finish - amount

    def bound(self, row: int, pred: int, link_type: LinkType, lag: int) -> np.ndarray:
        """The earliest start one link allows ``row``."""
        if link_type is LinkType.FS:
            return self.ef[pred] + lag
        if link_type is LinkType.SS:
            return self.es[pred] + lag
        return self.earliest_start(row, self.ef[pred] + lag)

    def forward(self) -> None:
        for row, node in enumerate(self.network.order):
            incoming = self.network.incoming[row]
            if isinstance(node, SummaryPoint) and node.kind == "first":
                # A summary starts when its first child starts.
                if incoming:
                    first = np.min(np.stack([self.es[pred] for pred, _t, _l in incoming]), axis=0)
                else:
                    first = np.full(self.samples, self.start_point, dtype=_POINT)
                self.es[row] = self.ef[row] = self.unconstrained[row] = first
                continue
            earliest = np.full(self.samples, self.start_point, dtype=_POINT)
            for pred, link_type, lag in incoming:
                np.maximum(earliest, self.bound(row, pred, link_type, lag), out=earliest)
            self.unconstrained[row] = earliest
            if node == self.project.opening_id:
                # Once the as-of day is past the opening, the office opened on its date; work
                # after the opening waits for the opening date itself, never an earlier forecast.
                if self.opened:
                    earliest[:] = self.opening_point
                self.es[row] = earliest
                self.ef[row] = np.maximum(earliest, self.opening_point)
                continue
            activity = self._live(node)
            if activity is not None:
                if activity.not_before is not None:
                    np.maximum(earliest, self.calendar.index_on_or_after(activity.not_before), out=earliest)
                if activity.fixed is not None:
                    earliest[:] = self.calendar.index_on_or_after(activity.fixed)
            self.es[row] = earliest
            self.ef[row] = self.advance(row, earliest)
            if activity is not None and activity.status is Status.DONE:
                self._done(row, activity)
            elif activity is not None and activity.status is Status.STARTED:
                self._started(row, activity)

    def _full(self, point: int) -> np.ndarray:
        return np.full(self.samples, point, dtype=_POINT)

    def _done(self, row: int, activity: NetworkActivity) -> None:
        """Done work keeps its actual dates; without them, it ended by the as-of day."""
        if activity.actual_finish is not None:
            finish = self._full(self.calendar.index_on_or_before(activity.actual_finish) + 1)
        else:
            finish = np.minimum(self.ef[row], self.as_of_point)
        if activity.actual_start is not None and not activity.is_milestone:
            start = self._full(self.calendar.index_on_or_after(activity.actual_start))
        elif activity.is_milestone:
            start = finish
        else:
            start = np.minimum(self.earliest_start(row, finish), finish)
        self.es[row], self.ef[row] = np.minimum(start, finish), finish

    def _started(self, row: int, activity: NetworkActivity) -> None:
        """Work under way: its actual start stays, and only what remains after
        the as-of day is sampled: the likely remainder, scaled by the sampled
        duration over the likely one. It ends no earlier than the end of the
        as-of day, nor before its finish-to-start and finish-to-finish
        predecessors have finished."""
        if activity.actual_start is not None:
            start = self._full(self.calendar.index_on_or_after(activity.actual_start))
        else:
            start = np.minimum(self.es[row], self.as_of_point)
        finish = np.maximum(self.advance(row, start), self.as_of_point + 1)
        item = self.uncertain.get(activity.id)
        if item is not None:
            base = np.maximum(start, self.as_of_point)
            remains = np.floor((finish - base) * (self.draws[item.id] / item.likely) + 0.5).astype(_POINT)
            finish = np.maximum(base + remains, self.as_of_point + 1)
            self.sampled[item.id] = remains
            self.durations[item.id] = base + remains - start
        self.own_finish[row] = finish.copy()
        for pred, link_type, lag in self.network.incoming[row]:
            if link_type is not LinkType.SS:
                np.maximum(finish, self.ef[pred] + lag, out=finish)
        self.es[row], self.ef[row] = start, finish

    def trace_driving(self) -> np.ndarray:
        """Which nodes drive the opening's forecast in each sample.

        Walking back from the opening, a link drives its successor when the
        bound it sets is the successor's earliest start (for work under way:
        its forecast finish, where a predecessor holds it up). Every tied link
        drives, so parallel chains of equal length are all critical. Done work
        drives nothing any more; the walk stops there.
        """
        order = self.network.order
        driving = np.zeros((len(order), self.samples), dtype=bool)
        driving[self.network.row[self.project.opening_id]] = True
        for row in range(len(order) - 1, -1, -1):
            drives = driving[row]
            if not drives.any():
                continue
            activity = self._live(order[row])
            if activity is not None and activity.status is Status.DONE:
                continue
            started = activity is not None and activity.status is Status.STARTED
            for pred, link_type, lag in self.network.incoming[row]:
                if started:
                    if link_type is LinkType.SS:
                        continue
                    held = self.ef[pred] + lag
                    binding = (held == self.ef[row]) & (held > self.own_finish[row])
                else:
                    binding = self.bound(row, pred, link_type, lag) == self.es[row]
                driving[pred] |= drives & binding
        return driving

