"""Schedule risk by Monte Carlo: the passes of the critical path method run
for thousands of samples of the uncertain durations at once.

Every sample is a plan the deterministic engine could schedule, and is
scheduled by the same code: each uncertain duration is drawn from a
triangular distribution over its low, likely and high values and rounded to
whole working days (whole months for a duration in months, as a notice period
runs in whole months); then the forward pass of
:mod:`navplan.engine.critical_path_method` runs over the same network
(:class:`navplan.engine.dependency_graph.Network`) and the same kind of
calendar, with numpy arrays for columns: a sample is a column, an activity a
row. The deterministic schedule is the same passes over one sample at the
likely durations. Only `navplan risk` and the outputs that show its results
import this module (and numpy).

The samples are run in blocks, so memory stays bounded whatever the plan's
size and the number of samples: each activity draws from a random stream of
its own, block after block, so the numbers do not depend on the block size.
What the analysis reads is kept per sample only where it must be (the
opening's forecast, and the sampled durations when they fit in
:data:`KEEP_BYTES`); the rest is counted block by block, and a sampled
duration that was not kept is drawn again from its stream when its
correlation is wanted.

Why triangular and not PERT-beta: the low, likely and high values are
navplan's estimates (the handbook gives almost no durations), and the
triangular distribution keeps more weight in its tails than PERT-beta does,
so it does not claim more confidence than the estimates hold. Its inverse
distribution function is closed-form: a sample is one uniform number through
a square root, the same on every machine, and the tests can check the
results against exact formulas.

What a sample draws, per activity, in this order (the pieces are in
:mod:`navplan.engine.risk_sampling`; the README's plan file section states
the rules):

1. its uniform numbers: its own stream, or, for activities that share a cause
   (``correlation:`` in the plan and the handbook data), those numbers
   reordered by Iman and Conover's method so the group has its rank
   correlation (each keeps its own distribution exactly), in parts of
   :data:`~navplan.engine.risk_sampling.CORRELATION_PART` samples;
2. through its distribution: the triangle of its duration range for work not
   started; for work under way, what remains after the as-of day: the plan's
   ``remaining:`` (a duration or a range), or else the duration conditioned on
   not being finished yet, less what has run; rounded to whole working days
   (months);
3. work that happens or not (``probability:``, the handbook's "eventuell")
   takes no time in the samples where it does not happen;
4. each risk event (``risks:``) that happens in a sample adds its drawn delay
   to every activity it delays (where that work happens).

Not sampled: done work keeps its actual dates and its likely duration; plain
durations in a plan are the plan's word and stay fixed, unless a risk delays
them or they happen or not.
"""


from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from dateutil.relativedelta import relativedelta

from navplan.engine import risk_sampling as rs
from navplan.engine.critical_path_method import (
    POINT,
    Anchors,
    Backward,
    Column,
    Forward,
    Samples,
    anchors,
    backward,
    driving,
    forward,
)
from navplan.engine.dependency_graph import Network, activity_id, beyond_calendar, build_network
from navplan.engine.working_days import LAST_DAY, BeyondCalendar, WorkCalendar, plan_calendar
from navplan.errors import Message
from navplan.plan.project import NetworkActivity, Project
from navplan.plan.values import Duration, DurationRange, Status

DEFAULT_SAMPLES = 10_000
#: A fixed seed, so the same plan gives the same numbers on every run and machine
#: (and a report in git does not change when nothing in the plan did).
DEFAULT_SEED = 2007
MAX_SAMPLES = 100_000
MAX_SEED = 2**32 - 1
#: Bytes one block of samples may take: its rows' points and durations, driving
#: marks and the temporaries of one operation (at most about 24 bytes per row
#: and sample). With a plan of 20,000 activities read (some 220 MB), a run
#: stays well under 500 MB.
BLOCK_BYTES = 160 * 2**20
_BYTES_PER_CELL = 24
#: Bytes the sampled durations may take to be kept for their correlations (else drawn again).
KEEP_BYTES = 64 * 2**20
#: Fixed and not-after dates whose drivers are traced (criticality and sensitivity per
#: date): the ones with the least slack first. Every date gets its probability and percentiles.
MAX_TRACED_DATES = 20


def triangular(uniform: np.ndarray, low: float, likely: float, high: float) -> np.ndarray:
    """The triangular distribution's inverse distribution function at ``uniform``.

    >>> triangular(np.array([0.0, 0.5, 1.0]), 2.0, 4.0, 6.0).tolist()
    [2.0, 4.0, 6.0]
    """
    return rs.triangular(uniform, low, likely, high)


def uniforms(seed: int, activity_id: str, samples: int) -> np.ndarray:
    """The uniform numbers behind one activity's samples.

    Each activity has a stream of its own, seeded by the run's seed and its
    id, so adding or dropping an activity leaves every other activity's
    samples as they were (an activity that shares a cause takes the same
    numbers, in another order).
    """
    return rs.uniforms(seed, activity_id, samples)


@dataclass(frozen=True)
class RiskEvent:
    """A risk of the plan's register as the sampler reads it: it happens in a sample with
    ``probability``, and then delays each activity in ``delays`` by one value drawn from
    ``low``..``high`` working days (uniform without ``likely``, else triangular)."""

    id: str
    probability: float
    delays: tuple[str, ...]
    low: float
    likely: float | None
    high: float


def risk_events(project: Project) -> list[RiskEvent]:
    """The plan's ``risks:``, in the order the plan gives them."""
    events = []
    for risk in project.risks:
        by = risk.by
        if isinstance(by, DurationRange):
            low, high = by.low.working_days, by.high.working_days
            likely = by.likely.working_days if by.likely is not None else None
        else:
            low = high = by.working_days
            likely = None
        events.append(RiskEvent(risk.id, float(risk.probability), tuple(risk.delays), float(low), likely, float(high)))
    return events


@dataclass(frozen=True)
class Uncertain:
    """An activity whose duration (for work under way: what remains) is sampled: its range's
    low, likely and high values in its unit (all three its duration when it has no range);
    ``ranged`` when it has a range to draw from; ``probability`` for work that happens or
    not (None: it happens); ``remaining``, the plan's own remainder of work under way
    (low, likely or None, high, in its unit); ``delays``, the risk events (by index) that
    delay it."""

    activity: NetworkActivity
    low: float
    likely: float
    high: float
    in_months: bool
    ranged: bool = True
    probability: float | None = None
    remaining: tuple[float, float | None, float] | None = None
    delays: tuple[int, ...] = ()

    @property
    def id(self) -> str:
        return self.activity.id

    @property
    def started(self) -> bool:
        return self.activity.status is Status.STARTED

    @property
    def varies(self) -> bool:
        """Whether its own value varies (a range, happens or not, a range of what remains); a
        row only a risk delays varies with the risk alone and is not held in the tornado."""
        spread = self.remaining is not None and self.remaining[0] < self.remaining[2]
        return self.ranged or self.probability is not None or spread


def uncertain_activities(project: Project, events: Iterable[RiskEvent] = ()) -> list[Uncertain]:
    """Open activities whose duration is sampled, in outline order: a task with a duration
    range, work that happens or not, started work with the plan's ``remaining:``, and any
    task or milestone a risk event delays. Done work is not sampled."""
    delayed: dict[str, list[int]] = {}
    for index, event in enumerate(events):
        for member in event.delays:
            delayed.setdefault(member, []).append(index)
    found = []
    for activity in project.activities.values():
        if (activity.dropped or activity.is_summary or activity.status is Status.DONE
                or activity.id == project.opening_id):
            continue
        started = activity.status is Status.STARTED
        spread = None if activity.is_milestone else activity.duration_range
        probability = activity.probability if not started and activity.probability is not None else None
        if probability is not None and probability >= 1.0:
            probability = None
        remaining = _remaining_spread(activity.remaining) if started else None
        # A delay is working days; work not started that is counted in months takes none (the plan
        # refuses such a risk: navplan.plan.project).
        months = activity.duration.in_months and not started
        delays = () if months else tuple(delayed.get(activity.id, ()))
        if spread is None and probability is None and remaining is None and not delays:
            continue
        if activity.is_milestone and not delays:
            continue
        if spread is not None:
            assert spread.likely is not None  # the plan fills in the likely value (navplan.plan.project)
            low, likely, high = spread.low.measure, spread.likely.measure, spread.high.measure
            in_months = spread.likely.in_months
        else:
            low = likely = high = activity.duration.measure
            in_months = activity.duration.in_months
        found.append(Uncertain(activity, float(low), float(likely), float(high), in_months, spread is not None,
                               probability, remaining, delays))
    return found


def _remaining_spread(remaining: Duration | DurationRange | None) -> tuple[float, float | None, float] | None:
    if remaining is None:
        return None
    if isinstance(remaining, DurationRange):
        likely = float(remaining.likely.measure) if remaining.likely is not None else None
        return float(remaining.low.measure), likely, float(remaining.high.measure)
    return float(remaining.measure), None, float(remaining.measure)


def uncertain_rows(network: Network, events: Iterable[RiskEvent] = ()) -> dict[int, Uncertain]:
    """The network's rows whose duration is sampled, in outline order."""
    return {network.row[item.id]: item for item in uncertain_activities(network.project, events)}


def block_size(rows: int) -> int:
    """Samples per block for a network of ``rows`` rows: as many as :data:`BLOCK_BYTES` hold (at least 64)."""
    return max(64, BLOCK_BYTES // (_BYTES_PER_CELL * max(rows, 1)))


@dataclass(frozen=True)
class Target:
    """A date the samples are read at: the opening (``kind`` "opening"), a fixed date (read
    at the start its links allow, before the date moved it) or a not-after date (read at
    its finish); ``point`` is what it is compared with (it holds when the sample's point is
    at or before it)."""

    id: str
    kind: str
    row: int
    point: int

    @property
    def key(self) -> tuple[str, str]:
        return self.id, self.kind

    def column(self, ahead: Forward) -> Column:
        if self.kind == "opening":
            return ahead.es[self.row]
        return ahead.linked_start[self.row] if self.kind == "fixed" else ahead.ef[self.row]


def targets(network: Network, at: Anchors) -> list[Target]:
    """The opening, then every fixed and not-after date; a summary's not-after date at its
    finish, which its last step sets."""
    found = [Target(network.project.opening_id, "opening", network.opening, at.opening)]
    for row, node in enumerate(network.nodes):
        if row == network.opening:
            continue
        if (fixed := at.fixed[row]) is not None:
            found.append(Target(activity_id(node), "fixed", row, fixed))
        if (not_after := at.not_after[row]) is not None:
            found.append(Target(activity_id(node), "not_after", row, not_after))
    return found


class Histogram:
    """How many samples reach each point: enough for any percentile, in memory that grows
    with the points reached, not with the samples."""

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}

    def add(self, column: Column) -> None:
        column = np.asarray(column)
        if not column.size:
            return
        lowest = int(column.min())
        counts = np.bincount(column - lowest)  # points are close together: counting beats sorting
        for offset in np.flatnonzero(counts).tolist():
            point = lowest + offset
            self.counts[point] = self.counts.get(point, 0) + int(counts[offset])

    def percentiles(self, levels: Iterable[int]) -> dict[int, int]:
        """As :func:`~navplan.engine.risk_sampling.percentile_points`: the ⌈P·n/100⌉-th smallest point."""
        points = sorted(self.counts)
        cumulative = np.cumsum([self.counts[point] for point in points])
        total = int(cumulative[-1])
        found = {}
        for level in levels:
            rank = max(-(-level * total // 100), 1)
            found[level] = points[int(np.searchsorted(cumulative, rank))]
        return found


@dataclass
class SampleRun:
    """The passes over one block of samples: each value a column over them."""

    columns: Samples
    amount: list[np.ndarray | int]  # each row's duration in the block (sampled or planned)
    ahead: Forward
    remaining: dict[int, np.ndarray] = field(default_factory=dict)  # work under way: working days left

    def behind(self, network: Network, at: Anchors) -> Backward:
        """The backward pass of these samples (the Monte Carlo itself needs only the forward pass)."""
        return backward(network, at, self.columns, self.ahead, self.amount)


@dataclass
class _Block:
    """The random numbers of one block: each row's uniform numbers (its own stream, or its
    shared cause's order), whether work that happens or not happens, and each event's delay
    (whole working days, 0 where it does not happen)."""

    count: int
    uniform: dict[int, np.ndarray]
    occurs: dict[int, np.ndarray]
    delay: dict[int, np.ndarray]


class _Streams:
    """The run's random streams, each read block after block; a block that does not follow
    the last one read opens the stream again at its first sample."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.open: dict[tuple[str, int], tuple[np.random.Generator, int]] = {}

    def take(self, name: str, stream: int, first: int, count: int) -> np.ndarray:
        found = self.open.get((name, stream))
        generator = found[0] if found is not None and found[1] == first else rs.generator(self.seed, name, stream,
                                                                                          first)
        values = generator.random(count)
        self.open[name, stream] = (generator, first + count)
        return values


class _Sampler:
    """Turns the run's random streams into each sampled row's value, block by block: for work
    not started its duration (working days or months), for work under way the working days
    that remain after the as-of day. The order of the README's rules: shared causes, the
    distribution (or what remains), happens or not, risk events."""

    def __init__(self, network: Network, calendar: WorkCalendar, at: Anchors, uncertain: dict[int, Uncertain],
                 events: list[RiskEvent], seed: int, samples: int) -> None:
        self.network, self.calendar, self.at = network, calendar, at
        self.uncertain, self.events, self.seed, self.samples = uncertain, events, seed, samples
        self.streams = _Streams(seed)
        self.delayed: dict[int, list[int]] = {}  # event → the rows it delays
        for row, item in uncertain.items():
            for index in item.delays:
                self.delayed.setdefault(index, []).append(row)
        # Work under way: where it began and the base its remainder counts from, what has run.
        self.begin: dict[int, int] = {}
        self.base: dict[int, int] = {}
        self.elapsed: dict[int, float] = {}
        self.likely_remaining: dict[int, int] = {}
        self.notes: list[Message] = []
        for row, item in uncertain.items():
            if item.started:
                self._under_way(row, item)
        groups = [rs.CorrelationGroup(group.members, group.rank) for group in network.project.shared_causes]
        ranged = {item.id: row for row, item in uncertain.items() if item.ranged or item.remaining is not None}
        members = {member for group in groups for member in group.members}
        self.coupled = {ranged[name]: name for name in ranged if name in members}
        self.groups = groups
        self.coupling = rs.Coupling()
        self._part: tuple[int, dict[str, np.ndarray]] | None = None
        self._coupled_streams = _Streams(seed)
        if self.coupled:
            self._correlated(0)  # the coupling's notes are the same for every part
            self.notes[:0] = self.coupling.notes

    def _under_way(self, row: int, item: Uncertain) -> None:
        at = self.at
        begin = actual if (actual := at.actual_start[row]) is not None else at.as_of
        base = max(begin, at.as_of)
        self.begin[row], self.base[row] = begin, base
        activity = item.activity
        if item.in_months:
            started = activity.actual_start or self.calendar.date_of(begin)
            elapsed = _months_between(started, self.calendar.date_of(at.as_of))
            finish = self.calendar.add_months(begin, int(item.likely))
        else:
            elapsed = float(base - begin)
            finish = begin + int(item.likely)
        self.elapsed[row] = elapsed
        self.likely_remaining[row] = max(finish - base, 0)
        if item.ranged and item.remaining is None:
            note = rs.conditioned_remaining(np.zeros(1), item.low, item.likely, item.high, elapsed).note(
                item.id, elapsed, item.high, "m" if item.in_months else "d")
            if note is not None:
                self.notes.append(note)

    def _correlated(self, part: int) -> dict[str, np.ndarray]:
        """The uniform numbers of every coupled activity in one part of the run, correlated."""
        if self._part is None or self._part[0] != part:
            first = part * rs.CORRELATION_PART
            count = min(rs.CORRELATION_PART, self.samples - first)
            own = {name: self._coupled_streams.take(name, rs.STREAM_DURATION, first, count)
                   for name in self.coupled.values()}
            numbers, coupling = rs.correlate(own, self.groups, self.seed, part)
            if part == 0:
                self.coupling = coupling
            self._part = (part, numbers)
        return self._part[1]

    def _coupled_block(self, name: str, first: int, count: int) -> np.ndarray:
        pieces = []
        position = first
        while position < first + count:
            part = position // rs.CORRELATION_PART
            offset = position - part * rs.CORRELATION_PART
            numbers = self._correlated(part)[name]
            piece = numbers[offset:offset + first + count - position]
            pieces.append(piece)
            position += len(piece)
        return pieces[0] if len(pieces) == 1 else np.concatenate(pieces)

    def draw(self, first: int, count: int, rows: Collection[int] | None = None) -> _Block:
        """The random numbers of samples ``first`` .. ``first + count - 1`` (of ``rows`` only)."""
        chosen = self.uncertain if rows is None else {row: self.uncertain[row] for row in rows}
        uniform, occurs, delay = {}, {}, {}
        for row, item in chosen.items():
            if row in self.coupled:
                uniform[row] = self._coupled_block(item.id, first, count)
            elif item.ranged or item.remaining is not None:
                uniform[row] = self.streams.take(item.id, rs.STREAM_DURATION, first, count)
            if item.probability is not None:
                occurs[row] = self.streams.take(item.id, rs.STREAM_OCCURS, first, count) < item.probability
            for index in item.delays:
                if index not in delay:
                    event = self.events[index]
                    happens = self.streams.take(event.id, rs.STREAM_OCCURS, first, count) < event.probability
                    amount = rs.spread(self.streams.take(event.id, rs.STREAM_DELAY, first, count), event.low,
                                       event.likely, event.high)
                    delay[index] = np.where(happens, np.floor(amount + 0.5), 0.0).astype(POINT)
        return _Block(count, uniform, occurs, delay)

    def value(self, row: int, block: _Block, hold: float | None = None, without: int | None = None) -> np.ndarray:
        """Row ``row``'s value in each sample of ``block``; ``hold`` 0 or 1 holds its own value at
        its low or high end (what the tornado asks), ``without`` leaves that event out."""
        item = self.uncertain[row]
        count = block.count
        uniform = block.uniform.get(row)
        if hold is not None and uniform is not None:
            uniform = np.full(count, hold)
        occurs = block.occurs.get(row)
        if hold is not None and occurs is not None:
            occurs = np.full(count, hold >= 0.5)
        if item.started:
            value = self._remains(row, item, uniform, count)
        else:
            if item.ranged:
                assert uniform is not None  # a range always has its draws (draw)
                drawn = rs.triangular(uniform, item.low, item.likely, item.high)
            else:
                drawn = np.full(count, item.likely)
            value = np.floor(drawn + 0.5).astype(POINT)
        if occurs is not None:
            value = np.where(occurs, value, 0).astype(POINT)
        for index in item.delays:
            if index != without:
                added = block.delay[index]
                value = value + (np.where(occurs, added, 0).astype(POINT) if occurs is not None else added)
        return value

    def _remains(self, row: int, item: Uncertain, uniform: np.ndarray | None, count: int) -> np.ndarray:
        """What remains of work under way after the as-of day, in working days: the plan's
        ``remaining:``, else the duration given that it has not finished, less what has run."""
        base, begin = self.base[row], self.begin[row]
        if item.remaining is not None:
            low, likely, high = item.remaining
            drawn = rs.spread(uniform, low, likely, high) if uniform is not None else np.full(count, low)
            whole = np.floor(drawn + 0.5).astype(POINT)
            if not item.in_months:
                return whole
            within: np.ndarray = np.maximum(
                self.calendar.add_months_each(np.full(count, base, dtype=POINT), whole) - base, 0)
            return within
        if not item.ranged:
            return np.full(count, self.likely_remaining[row], dtype=POINT)
        assert uniform is not None  # a range always has its draws (draw)
        elapsed = self.elapsed[row]
        left = rs.conditioned_remaining(uniform, item.low, item.likely, item.high, elapsed).values
        if not item.in_months:
            return np.floor(left + 0.5).astype(POINT)
        months = np.floor(left + elapsed + 0.5).astype(POINT)
        remains: np.ndarray = np.maximum(
            self.calendar.add_months_each(np.full(count, begin, dtype=POINT), months) - base, 0)
        return remains

    def values(self, block: _Block, rows: Iterable[int] | None = None) -> dict[int, np.ndarray]:
        return {row: self.value(row, block) for row in (self.uncertain if rows is None else rows)}

    def likely(self, count: int) -> dict[int, np.ndarray]:
        """Every row at the value the deterministic schedule gives it: the likely duration (as if it
        happens, with no risk event), for work under way its likely remainder."""
        return {row: np.full(count, self.likely_remaining[row] if item.started else item.likely)
                for row, item in self.uncertain.items()}


def _months_between(start: dt.date, end: dt.date) -> float:
    """Calendar months from ``start`` to ``end``, the last one counted by its share of days.

    >>> round(_months_between(dt.date(2019, 3, 4), dt.date(2019, 4, 23)), 4)  # 1 month and 19 of April's 30 days
    1.6333
    """
    if end <= start:
        return 0.0
    whole = (end.year - start.year) * 12 + end.month - start.month
    while whole > 0 and start + relativedelta(months=whole) > end:
        whole -= 1
    before, after = start + relativedelta(months=whole), start + relativedelta(months=whole + 1)
    return whole + (end - before).days / (after - before).days


@dataclass
class Simulation:
    """What the samples say, gathered block by block: the opening's forecast
    in every sample; how many samples hold each fixed and not-after date of
    open work, and in how many each row drives the opening's forecast; for the
    dates traced, the same per date and the date's point in every sample."""

    project: Project
    network: Network
    calendar: WorkCalendar
    at: Anchors
    as_of: dt.date
    samples: int
    seed: int
    uncertain: dict[int, Uncertain]  # by row
    opening_forecast: np.ndarray  # the opening's earliest start in every sample: when all work can be done
    holds: dict[tuple[str, str], int]  # (id, "fixed" | "not_after"): samples in which the date holds
    driving: np.ndarray | None  # per row: samples in which it drives the opening's forecast
    #: Work under way that is sampled: (working days from its start to the as-of day or its start,
    #: whichever is later; working days its likely remainder lasts). Both are the same in every sample.
    remainders: dict[str, tuple[int, int]]
    kept: dict[str, np.ndarray]  # the sampled values, by id, when they fit in KEEP_BYTES
    events: list[RiskEvent] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)  # the opening first, then every date
    #: Each date's point in every sample, for the dates traced.
    points: dict[tuple[str, str], np.ndarray] = field(default_factory=dict)
    #: How many samples reach each point, for every date (the opening's is its forecast).
    histograms: dict[tuple[str, str], Histogram] = field(default_factory=dict)
    #: Per date traced and row: samples in which the row drives the date.
    date_driving: dict[tuple[str, str], np.ndarray] = field(default_factory=dict)
    happened: dict[str, int] = field(default_factory=dict)  # risk id: samples in which it happens
    coupling: rs.Coupling = field(default_factory=rs.Coupling)
    notes: list[Message] = field(default_factory=list)  # what the caller tells the user about the inputs
    block: int = 0
    sampler: _Sampler | None = None
    #: The only block's run, random numbers and values, for the shifts (when half a block holds them all).
    _last: tuple[int, SampleRun, _Block, dict[int, np.ndarray]] | None = None

    @property
    def opening_point(self) -> int:
        return self.at.opening

    @property
    def as_of_point(self) -> int:
        return self.at.as_of

    def point_date(self, point: int) -> dt.date:
        return self.calendar.date_of(int(point))

    def criticality(self, activity_id: str, date: tuple[str, str] | None = None) -> float:
        """The share of samples in which the activity drives the opening's forecast (or a traced ``date``)."""
        counts = self.driving if date is None else self.date_driving[date]
        assert counts is not None  # the opening's drivers are counted unless simulate was told not to
        return int(counts[self.network.row[activity_id]]) / self.samples

    def probability(self, activity_id: str, kind: str) -> float:
        """The share of samples in which a fixed or not-after date holds."""
        return self.holds[activity_id, kind] / self.samples

    def sampled(self, activity_id: str) -> np.ndarray:
        """An uncertain activity's sampled value in every sample: its duration
        (working days, or months), or for work under way the working days that
        remain after the as-of day. Kept from the run, or drawn again from its stream."""
        if activity_id in self.kept:
            return self.kept[activity_id]
        row = self.network.row[activity_id]
        sampler = self.sampler
        assert sampler is not None  # simulate keeps its sampler
        pieces = []
        for first in range(0, self.samples, self.block):
            count = min(self.block, self.samples - first)
            pieces.append(sampler.value(row, sampler.draw(first, count, [row])))
        return np.concatenate(pieces) if pieces else np.zeros(0, dtype=POINT)

    def durations(self, activity_id: str) -> np.ndarray:
        """An uncertain activity's duration in every sample: working days or
        months; for work under way, the working days it lasts from its start."""
        value = self.sampled(activity_id)
        return value + self.remainders[activity_id][0] if activity_id in self.remainders else value

    def likely_values(self, count: int) -> dict[str, np.ndarray]:
        """Each sampled activity's value at the deterministic schedule (see :meth:`run`)."""
        assert self.sampler is not None  # simulate keeps its sampler
        return {self.uncertain[row].id: values for row, values in self.sampler.likely(count).items()}

    def _fresh_sampler(self) -> _Sampler:
        return _Sampler(self.network, self.calendar, self.at, self.uncertain, self.events, self.seed, self.samples)

    def run(self, first: int, count: int, draws: dict[str, np.ndarray] | None = None) -> SampleRun:
        """The passes over samples ``first`` .. ``first + count - 1`` again, or
        over ``draws`` (per uncertain activity, its value in each sample: the
        duration, or for work under way what remains after the as-of day) instead."""
        if draws is not None:
            values = {row: np.floor(np.asarray(draws[item.id], dtype=float) + 0.5).astype(POINT)
                      for row, item in self.uncertain.items()}
        else:
            sampler = self._fresh_sampler()
            values = sampler.values(sampler.draw(first, count))
        return _run_block(self.network, self.calendar, self.at, self.uncertain, values, count)

    def shifts(self, holds: Iterable[int], without: Iterable[int], wanted: Iterable[tuple[str, str]]
               ) -> dict[tuple[str, int], dict[tuple[str, str], Histogram]]:
        """How the ``wanted`` dates' points fall when one thing changes, each alone, on the same
        samples: each row of ``holds`` held at its low value, ("low", row), and at its high
        value, ("high", row); each event of ``without`` (by index) left out, ("without", index).
        Only what the change leads to is worked out again (:func:`forward` with ``base``)."""
        holds, without = list(holds), list(without)
        chosen = [target for target in self.targets if target.key in set(wanted)]
        variants: list[tuple[str, int]] = [(end, row) for row in holds for end in ("low", "high")]
        variants += [("without", index) for index in without]
        found: dict[tuple[str, int], dict[tuple[str, str], Histogram]] = {
            variant: {target.key: Histogram() for target in chosen} for variant in variants}
        if not variants:
            return found
        sampler = self.sampler
        assert sampler is not None  # simulate keeps its sampler
        block = max(1, self.block // 2)  # a base and a variant at a time
        for first in range(0, self.samples, block):
            count = min(block, self.samples - first)
            if self._last is not None and self._last[0] == count and first == 0:
                _count, base, draws, values = self._last
            else:
                draws = sampler.draw(first, count)
                values = sampler.values(draws)
                base = _run_block(self.network, self.calendar, self.at, self.uncertain, values, count)
            for variant in variants:
                kind, which = variant
                if kind == "without":
                    changed = {row: sampler.value(row, draws, without=which) for row in sampler.delayed.get(which, [])}
                else:
                    changed = {which: sampler.value(which, draws, hold=0.0 if kind == "low" else 1.0)}
                run = _run_block(self.network, self.calendar, self.at, self.uncertain, {**values, **changed}, count,
                                 base=base.ahead, changed=set(changed), columns=base.columns)
                for target in chosen:
                    found[variant][target.key].add(target.column(run.ahead))
                del run
            del base, draws, values
        return found


def simulate(project: Project, as_of: dt.date, samples: int = DEFAULT_SAMPLES, seed: int = DEFAULT_SEED, *,
             driving: bool = True, calendar: WorkCalendar | None = None, network: Network | None = None,
             block: int | None = None, events: list[RiskEvent] | None = None,
             traced: Collection[tuple[str, str]] | None = None) -> Simulation:
    """Sample ``project`` as of ``as_of``; ``driving`` also counts, per row,
    the samples in which it drives the opening's forecast (the criticality
    index) and, for each ``traced`` date ((id, kind); by default the
    :data:`MAX_TRACED_DATES` first), in which it drives that date, keeping
    the date's point in every sample. ``network`` and ``calendar`` are the
    deterministic schedule's, reused (the calendar when wide enough).
    ``events`` are the risk events (by default the plan's ``risks:``).
    ``block`` samples are run at a time (by default as many as
    :data:`BLOCK_BYTES` hold); the results do not depend on it."""
    network = network if network is not None else build_network(project)
    events = risk_events(network.project) if events is None else events
    uncertain = uncertain_rows(network, events)
    calendar = risk_calendar(network, as_of, uncertain, calendar, events)
    at = anchors(network, calendar, as_of)
    block = block or block_size(len(network))
    sampler = _Sampler(network, calendar, at, uncertain, events, seed, samples)
    forecast = np.empty(samples, dtype=POINT)
    dated = targets(network, at)
    dates = dated[1:]
    if traced is None:
        traced = [target.key for target in dates[:MAX_TRACED_DATES]]
    traced_targets = [target for target in dates if target.key in set(traced)] if driving else []
    holds = {target.key: 0 for target in dates}
    histograms = {target.key: Histogram() for target in dates}
    points = {target.key: np.empty(samples, dtype=POINT) for target in traced_targets}
    counts = np.zeros(len(network), dtype=np.int64) if driving else None
    date_counts = {target.key: np.zeros(len(network), dtype=np.int64) for target in traced_targets}
    happened = {event.id: 0 for event in events}
    # Each sampled value is kept when they all fit in KEEP_BYTES; else drawn again when asked for.
    keep = len(uncertain) * samples * np.dtype(POINT).itemsize <= KEEP_BYTES
    kept = {row: np.empty(samples, dtype=POINT) for row in uncertain} if keep else {}
    last = None
    for first in range(0, samples, block):
        count = min(block, samples - first)
        draws = sampler.draw(first, count)
        for index, event in enumerate(events):
            if index in draws.delay:
                happened[event.id] += int(np.count_nonzero(draws.delay[index]))
        values = sampler.values(draws)
        run = _run_block(network, calendar, at, uncertain, values, count)
        ahead = run.ahead
        forecast[first:first + count] = ahead.es[network.opening]
        for target in dates:
            column = target.column(ahead)
            holds[target.key] += int(np.count_nonzero(column <= target.point))
            histograms[target.key].add(column)
            if target.key in points:
                points[target.key][first:first + count] = column
        if counts is not None:
            for row, mask in enumerate(driving_masks(network, run)):
                if mask is not None:
                    counts[row] += int(np.count_nonzero(mask))
            for target in traced_targets:
                masks = driving_chain(network, run, target)
                for row, mask in enumerate(masks):
                    if mask is not None:
                        date_counts[target.key][row] += int(np.count_nonzero(mask))
        for row, store in kept.items():
            store[first:first + count] = run.remaining[row] if row in run.remaining else run.amount[row]
        if first == 0 and count == samples and count <= block // 2:
            last = (count, run, draws, values)
        del run, ahead, draws, values  # before the next block is made
    if samples and int(forecast.max()) >= len(calendar):
        lengths = network.reach_lengths(_high_amount(network, uncertain, events))
        days, chain = network.longest_chain(lengths)
        raise beyond_calendar(network.project, chain, days, "error.risk.beyond_calendar", "hint.risk_beyond_calendar")
    remainders = {item.id: (sampler.base[row] - sampler.begin[row], sampler.likely_remaining[row])
                  for row, item in uncertain.items() if item.started}
    opening_histogram = Histogram()
    if samples:
        opening_histogram.add(forecast)
    return Simulation(
        project=network.project, network=network, calendar=calendar, at=at, as_of=as_of, samples=samples, seed=seed,
        uncertain=uncertain, opening_forecast=forecast, holds=holds, driving=counts, remainders=remainders,
        kept={uncertain[row].id: values for row, values in kept.items()}, events=events, targets=dated,
        points=points, histograms={dated[0].key: opening_histogram, **histograms}, date_driving=date_counts,
        happened=happened, coupling=sampler.coupling, notes=sampler.notes, block=block, sampler=sampler, _last=last)


def driving_masks(network: Network, run: SampleRun) -> list[np.ndarray | None]:
    """Which rows drive the opening's forecast in each sample of ``run``."""
    return driving(network, run.columns, run.ahead, network.opening, amount=run.amount)


def driving_chain(network: Network, run: SampleRun, target: Target) -> list[np.ndarray | None]:
    """Which rows drive a date in each sample of ``run``: for a fixed date, what drives the
    start its links allow (the date itself is no driver of its own slip)."""
    return driving(network, run.columns, run.ahead, target.row, amount=run.amount,
                   unconstrained=target.kind == "fixed")


def _run_block(network: Network, calendar: WorkCalendar, at: Anchors, uncertain: dict[int, Uncertain],
               values: dict[int, np.ndarray], count: int, *, base: Forward | None = None,
               changed: set[int] | frozenset[int] = frozenset(), columns: Samples | None = None) -> SampleRun:
    """The forward pass over one block of samples with each sampled row's ``values``: a
    duration for work not started, the working days left for work under way. With ``base``,
    only the ``changed`` rows and what they lead to are worked out again."""
    columns = columns or Samples(calendar, count)
    amount: list[np.ndarray | int] = list(network.amount)
    remaining: dict[int, np.ndarray] = {}
    for row, item in uncertain.items():
        if item.started:
            remaining[row] = values[row]
        else:
            amount[row] = values[row]
    ahead = forward(network, at, columns, amount, remaining, base=base, changed=changed)
    return SampleRun(columns, amount, ahead, remaining)


def _high_amount(network: Network, uncertain: dict[int, Uncertain], events: Sequence[RiskEvent] = ()) -> list[int]:
    """Each row's duration with every uncertain one at its high value (rounded up), its
    plan's remainder and every risk that delays it at theirs: what a sample can reach."""
    amount = list(network.amount)
    for row, item in uncertain.items():
        high = max(item.high, item.remaining[2] if item.remaining is not None else 0.0)
        high += sum(events[index].high for index in item.delays)
        amount[row] = max(amount[row], int(-(-high // 1)))
    return amount


def risk_calendar(network: Network, as_of: dt.date, uncertain: dict[int, Uncertain],
                  reuse: WorkCalendar | None = None, events: Sequence[RiskEvent] = ()) -> WorkCalendar:
    """A calendar with the plan's working days, wide enough for every sample:
    forwards the longest chain of work and lags with every duration at its
    high value, from each date a forward pass starts from (the as-of day, the
    plan start, the opening, fixed, not-before and actual dates); backwards
    one duration and lag (work done before the as-of day is placed back from
    its finish, and only maxima carry a point on); the not-after dates it only
    compares with. It ends on 31.12.9999 at the latest: a sample that runs
    past it is refused (:func:`simulate`). ``reuse`` (the deterministic
    schedule's calendar) is taken when it is wide enough, since building a
    calendar costs more than sampling a small plan; else the calendar made
    spans it too, so any pass the schedule makes fits the samples' calendar."""
    project = network.project
    plan = project.plan
    lengths = network.reach_lengths(_high_amount(network, uncertain, events))
    forwards = network.longest_chain(lengths)[0] + 1
    backwards = max(lengths, default=0) + max(network.link_lag, default=0) + 1
    starts = [as_of, plan.opening] + ([plan.start] if plan.start else [])
    compared = [plan.opening]
    for activity in project.activities.values():
        starts += [day for day in (activity.fixed, activity.not_before, activity.actual_start,
                                   activity.actual_finish) if day]
        compared += [activity.not_after] if activity.not_after else []
    if reuse is not None:
        if reuse.first <= min(compared) and max(compared) <= reuse.last and reuse.covers(starts, backwards, forwards):
            return reuse
        compared += [reuse.first, reuse.last]  # wider, never narrower: the samples' dates are the schedule's
    try:
        return plan_calendar(plan.calendar, starts, before=backwards, after=forwards, within=compared, last=LAST_DAY)
    except BeyondCalendar:
        days, chain = network.longest_chain(lengths)
        raise beyond_calendar(project, chain, days, "error.risk.beyond_calendar", "hint.risk_beyond_calendar") \
            from None
