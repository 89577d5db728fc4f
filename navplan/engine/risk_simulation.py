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

What is not sampled: done work keeps its actual dates and its likely
duration; work under way samples only what remains after the as-of date (the
likely remainder, scaled by the sampled duration over the likely one); plain
durations in a plan are the plan's word and stay fixed.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from navplan.engine.critical_path_method import (
    POINT,
    Anchors,
    Backward,
    Forward,
    Samples,
    anchors,
    backward,
    driving,
    forward,
)
from navplan.engine.dependency_graph import Network, activity_id, beyond_calendar, build_network
from navplan.engine.working_days import LAST_DAY, BeyondCalendar, WorkCalendar, plan_calendar
from navplan.plan.project import NetworkActivity, Project
from navplan.plan.values import Status

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
    return _stream(seed, activity_id).random(samples)


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
        likely = spread.likely
        assert likely is not None, "a range's likely duration is filled in when the plan is merged"
        found.append(Uncertain(activity, spread.low.measure, likely.measure, spread.high.measure, likely.in_months))
    return found


def uncertain_rows(network: Network) -> dict[int, Uncertain]:
    """The network's rows whose duration is sampled, in outline order."""
    return {network.row[item.id]: item for item in uncertain_activities(network.project)}


def block_size(rows: int) -> int:
    """Samples per block for a network of ``rows`` rows: as many as :data:`BLOCK_BYTES` hold (at least 64)."""
    return max(64, BLOCK_BYTES // (_BYTES_PER_CELL * max(rows, 1)))


def _stream(seed: int, activity_id: str, skip: int = 0) -> np.random.Generator:
    """One activity's random stream (see :func:`uniforms`), its first ``skip``
    numbers passed over (a uniform number takes one step of PCG64)."""
    bits = np.random.PCG64(np.random.SeedSequence([seed, zlib.crc32(activity_id.encode("utf-8"))]))
    if skip:
        bits.advance(skip)
    return np.random.Generator(bits)


@dataclass
class SampleRun:
    """The passes over one block of samples: each value a column over them."""

    columns: Samples
    amount: list[np.ndarray | int]  # each row's duration in the block (sampled or planned)
    ahead: Forward

    def behind(self, network: Network, at: Anchors) -> Backward:
        """The backward pass of these samples (the Monte Carlo itself needs only the forward pass)."""
        return backward(network, at, self.columns, self.ahead, self.amount)


@dataclass
class Simulation:
    """What the samples say, gathered block by block: the opening's forecast
    in every sample; how many samples hold each fixed and not-after date of
    open work, and in how many each row drives the opening's forecast."""

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

    @property
    def opening_point(self) -> int:
        return self.at.opening

    @property
    def as_of_point(self) -> int:
        return self.at.as_of

    def point_date(self, point: int) -> dt.date:
        return self.calendar.date_of(int(point))

    def criticality(self, activity_id: str) -> float:
        """The share of samples in which the activity drives the opening's forecast."""
        if self.driving is None:
            raise ValueError("sampled with driving=False: no criticality was counted")
        return int(self.driving[self.network.row[activity_id]]) / self.samples

    def probability(self, activity_id: str, kind: str) -> float:
        """The share of samples in which a fixed or not-after date holds."""
        return self.holds[activity_id, kind] / self.samples

    def sampled(self, activity_id: str) -> np.ndarray:
        """An uncertain activity's sampled value in every sample: its duration
        (working days, or months), or for work under way the working days that
        remain after the as-of day. Kept from the run, or drawn again from its stream."""
        if activity_id in self.kept:
            return self.kept[activity_id]
        item = self.uncertain[self.network.row[activity_id]]
        draws = triangular(uniforms(self.seed, activity_id, self.samples), item.low, item.likely, item.high)
        if activity_id in self.remainders:
            return np.floor(self.remainders[activity_id][1] * (draws / item.likely) + 0.5).astype(POINT)
        return np.floor(draws + 0.5).astype(POINT)

    def durations(self, activity_id: str) -> np.ndarray:
        """An uncertain activity's duration in every sample: working days or
        months; for work under way, the working days it lasts from its start."""
        value = self.sampled(activity_id)
        return value + self.remainders[activity_id][0] if activity_id in self.remainders else value

    def run(self, first: int, count: int, draws: dict[str, np.ndarray] | None = None) -> SampleRun:
        """The passes over samples ``first`` .. ``first + count - 1`` again, or
        over ``draws`` (per uncertain activity, one value per sample) instead."""
        def draw(item: Uncertain) -> np.ndarray:
            if draws is not None:
                return draws[item.id]
            return triangular(_stream(self.seed, item.id, first).random(count), item.low, item.likely, item.high)

        return _run_block(self.network, self.calendar, self.at, self.uncertain, draw, count)


def simulate(project: Project, as_of: dt.date, samples: int = DEFAULT_SAMPLES, seed: int = DEFAULT_SEED, *,
             driving: bool = True, calendar: WorkCalendar | None = None, network: Network | None = None,
             block: int | None = None) -> Simulation:
    """Sample ``project`` as of ``as_of``; ``driving`` also counts, per row,
    the samples in which it drives the opening's forecast (the criticality
    index). ``network`` and ``calendar`` are the deterministic schedule's,
    reused (the calendar when wide enough). ``block`` samples are run at a
    time (by default as many as :data:`BLOCK_BYTES` hold); the results do not
    depend on it."""
    network = network if network is not None else build_network(project)
    uncertain = uncertain_rows(network)
    calendar = risk_calendar(network, as_of, uncertain, calendar)
    at = anchors(network, calendar, as_of)
    block = block or block_size(len(network))
    streams = {item.id: _stream(seed, item.id) for item in uncertain.values()}
    forecast = np.empty(samples, dtype=POINT)
    dates = _dates_to_check(network, at)
    holds = {key: 0 for key, _row, _point in dates}
    counts = np.zeros(len(network), dtype=np.int64) if driving else None
    remainders: dict[str, tuple[int, int]] = {}
    # Each sampled value is kept when they all fit in KEEP_BYTES; else drawn again when asked for.
    keep = len(uncertain) * samples * np.dtype(POINT).itemsize <= KEEP_BYTES
    kept = {row: np.empty(samples, dtype=POINT) for row in uncertain} if keep else {}
    for first in range(0, samples, block):
        count = min(block, samples - first)
        run = _run_block(network, calendar, at, uncertain, lambda item: triangular(
            streams[item.id].random(count), item.low, item.likely, item.high), count)  # noqa: B023  called within
        ahead = run.ahead
        forecast[first:first + count] = ahead.es[network.opening]
        for key, row, point in dates:
            column = ahead.linked_start[row] if key[1] == "fixed" else ahead.ef[row]
            holds[key] += int(np.count_nonzero(column <= point))
        if counts is not None:
            for row, mask in enumerate(driving_masks(network, run)):
                if mask is not None:
                    counts[row] += int(np.count_nonzero(mask))
        for row, lasts in ahead.lasts.items():
            remainders.setdefault(uncertain[row].id, (int(lasts[0] - ahead.remaining[row][0]),
                                                      int(ahead.likely_remaining[row][0])))
        for row, values in kept.items():
            values[first:first + count] = ahead.remaining[row] if row in ahead.remaining else run.amount[row]
        del run, ahead  # before the next block is made
    if samples and int(forecast.max()) >= len(calendar):
        lengths = network.reach_lengths(_high_amount(network, uncertain))
        days, chain = network.longest_chain(lengths)
        raise beyond_calendar(network.project, chain, days, "error.risk.beyond_calendar", "hint.risk_beyond_calendar")
    return Simulation(
        project=network.project, network=network, calendar=calendar, at=at, as_of=as_of, samples=samples, seed=seed,
        uncertain=uncertain, opening_forecast=forecast, holds=holds, driving=counts, remainders=remainders,
        kept={uncertain[row].id: values for row, values in kept.items()})


def driving_masks(network: Network, run: SampleRun) -> list[np.ndarray | None]:
    """Which rows drive the opening's forecast in each sample of ``run``."""
    return driving(network, run.columns, run.ahead, network.opening, amount=run.amount)


def _dates_to_check(network: Network, at: Anchors) -> list[tuple[tuple[str, str], int, int]]:
    """Every fixed and not-after date: ((id, kind), row, the point it compares with); a
    summary's not-after date at its finish, which its last step sets."""
    found = []
    for row, node in enumerate(network.nodes):
        if row == network.opening:
            continue
        fixed, not_after = at.fixed[row], at.not_after[row]
        if fixed is not None:
            found.append(((activity_id(node), "fixed"), row, fixed))
        if not_after is not None:
            found.append(((activity_id(node), "not_after"), row, not_after))
    return found


def _run_block(network: Network, calendar: WorkCalendar, at: Anchors, uncertain: dict[int, Uncertain],
               draw: Callable[[Uncertain], np.ndarray], count: int) -> SampleRun:
    """The forward pass over one block of samples, each uncertain duration
    drawn by ``draw`` (one activity at a time, so only the rounded durations
    are kept: a draw is a float, a duration a 32-bit point)."""
    columns = Samples(calendar, count)
    amount: list[np.ndarray | int] = list(network.amount)
    factors: dict[int, np.ndarray] = {}
    for row, item in uncertain.items():
        if item.activity.status is Status.NOT_STARTED:
            amount[row] = columns.rounded(draw(item))
        else:
            factors[row] = draw(item) / item.likely
    ahead = forward(network, at, columns, amount, factors)
    return SampleRun(columns, amount, ahead)


def _high_amount(network: Network, uncertain: dict[int, Uncertain]) -> list[int]:
    """Each row's duration with every uncertain one at its high value (rounded up)."""
    amount = list(network.amount)
    for row, item in uncertain.items():
        amount[row] = max(amount[row], int(-(-item.high // 1)))
    return amount


def risk_calendar(network: Network, as_of: dt.date, uncertain: dict[int, Uncertain],
                  reuse: WorkCalendar | None = None) -> WorkCalendar:
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
    lengths = network.reach_lengths(_high_amount(network, uncertain))
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
