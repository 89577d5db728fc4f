"""What `navplan risk` tells a steering group, before any rendering: how
likely the opening date is, how much buffer the work leaves before it at P50
and P85 (the state project model's steering and cost frames), how likely every
fixed and not-after date is and what drives each, how much each activity held
at its low or high value moves P85 (the tornado), what each risk event costs,
and what the numbers assume.

The samples come from :func:`navplan.engine.risk_simulation.simulate`; the
deterministic schedule (every duration at its likely value) is shown beside
them, so the two can be read together. The core never prints, never reads the
clock and never speaks a language: notes are message keys.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.errors import Message
from navplan.plan.plan_model import Risk
from navplan.plan.project import SharedCauseGroup
from navplan.plan.values import Duration, DurationRange, Status, Text

#: The percentiles shown by default: P50, the steering frame, and P85, the cost frame with its
#: reserve (the state project model; README, navplan risk). Others by option (--percentiles).
PERCENTILES = (50, 85)
#: The percentile the buffer sentence, the tornado and the events' effect are read at, when shown.
FRAME = 85
#: Drivers shown in the terminal, the report and the workbook (all are in the JSON).
TOP_DRIVERS = 5
#: Bars of the opening's tornado; each traced date's drivers held too, at most :data:`MAX_HELD` in all.
TORNADO_BARS = 8
DATE_DRIVERS = 3
MAX_HELD = 16


@dataclass
class Forecast:
    """A percentile of a date's samples: in this share of samples the work is done by
    ``date``. For the opening, the earliest opening (all work done in time to open on
    ``date``); for a not-after date, the day the work finishes; for a fixed date, the first
    day its work allows it. ``slack``: working days to spare before the date; negative: missing."""

    percent: int
    point: int
    date: dt.date
    slack: int


@dataclass
class Driver:
    """An activity's pull on one date: the share of samples in which it lies on the chain
    that sets the date (criticality), Spearman's rank correlation of its sampled value with
    the date (sensitivity), and, when it was held, how many working days the frame
    percentile moves with it at its low and at its high value (the tornado: negative earlier)."""

    id: str
    title: Text
    criticality: float
    correlation: float | None
    low: int | None = None
    high: int | None = None

    @property
    def swing(self) -> int:
        return (self.high or 0) - (self.low or 0)


@dataclass
class DateRisk:
    """A fixed date or a not-after date, how likely it is to hold, its percentiles, and (for
    the :data:`~navplan.engine.risk_simulation.MAX_TRACED_DATES` with least slack) what drives it."""

    id: str
    title: Text
    kind: str  # "fixed" or "not_after"
    date: dt.date
    probability: float
    holds_deterministic: bool
    forecasts: list[Forecast] = field(default_factory=list)
    drivers: list[Driver] = field(default_factory=list)
    traced: bool = False

    def forecast(self, percent: int) -> Forecast:
        return next(f for f in self.forecasts if f.percent == percent)

    @property
    def tornado(self) -> list[Driver]:
        return _tornado(self.drivers)


@dataclass
class ActivityRisk:
    """An open task or milestone: its spread, how often it drives the opening
    (the criticality index) and how strongly its duration moves the opening's
    forecast (Spearman's rank correlation; None when it is not sampled or
    nothing varies); when held for the tornado, how many working days the frame
    percentile of the opening moves with it at its low and high value."""

    scheduled: ScheduledActivity
    spread: DurationRange | None
    criticality: float
    correlation: float | None
    sampled: bool
    low: int | None = None
    high: int | None = None
    probability: float | None = None  # happens or not
    remaining: Duration | DurationRange | None = None  # the plan's remaining: of work under way

    @property
    def id(self) -> str:
        return self.scheduled.id

    @property
    def swing(self) -> int:
        return (self.high or 0) - (self.low or 0)


@dataclass
class EventRisk:
    """A risk of the plan's register, how often it happened in the samples, and its effect:
    the working days the frame percentile of the opening (and of each traced date) moves
    because of it (with it, as the samples have it, against the same samples without it)."""

    risk: Risk
    happened: float
    effect: int
    with_event: Forecast
    without_event: Forecast
    date_effects: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.risk.id


@dataclass
class Assumptions:
    """What the numbers assume, for the box headed "Forutsetninger": whose ranges, which causes
    are shared, which risks are in, what may not happen, how what remains is drawn, and that
    capacity levelling is not applied (navplan schedules as if everyone had time for all that
    can run at once)."""

    handbook_ranges: list[str]
    plan_ranges: list[str]
    causes: list[SharedCauseGroup]
    risks: list[str]
    happens_or_not: list[tuple[str, float]]
    remaining_rule: list[str]
    remaining_plan: list[str]
    levelling: bool = False
    notes: list[Message] = field(default_factory=list)


@dataclass
class DistributionStep:
    """One point of the S-curve: the share of samples that can open on ``date``
    exactly, and the share that can open on it or earlier."""

    point: int
    date: dt.date
    probability: float
    cumulative: float


@dataclass
class RiskAnalysis:
    schedule: Schedule
    samples: int
    seed: int
    opening_point: int
    probability_holds: float
    forecasts: list[Forecast]
    distribution: list[DistributionStep]
    dates: list[DateRisk]
    activities: list[ActivityRisk]
    deterministic_forecast: dt.date
    percentiles: tuple[int, ...] = PERCENTILES
    frame: int = FRAME
    events: list[EventRisk] = field(default_factory=list)
    assumptions: Assumptions | None = None
    #: The largest change made to a rank correlation the shared causes ask for (0: none needed).
    correlation_adjusted: float = 0.0

    @property
    def opening_date(self) -> dt.date:
        return self.schedule.project.opening_date

    def forecast(self, percent: int) -> Forecast:
        return next(f for f in self.forecasts if f.percent == percent)

    @property
    def buffer(self) -> Forecast:
        """The frame percentile of the opening: the buffer sentence's date and working days."""
        return self.forecast(self.frame)

    @property
    def drivers(self) -> list[ActivityRisk]:
        """Sampled activities whose duration moves the opening, strongest first.

        A correlation within three standard errors of zero (3/√n for n
        samples) is noise, not a driver: with 10,000 samples, below 0.03. An
        activity that never lies on the chain that sets the opening is no
        driver either: its correlation is that of the activities it shares a
        cause with (the renovation, correlated with the premises' contract,
        that only the move after the opening waits for).
        """
        return _strongest(self.activities, self.samples)

    @property
    def tornado(self) -> list[ActivityRisk]:
        """The activities held for the opening's tornado, the widest swing first."""
        return _tornado(self.activities)


def _strongest(items, samples: int) -> list:
    """The drivers among ``items`` (activities or a date's drivers), strongest first: a rank
    correlation above noise (3/√samples) and on the chain in some samples."""
    noise = 3 / math.sqrt(samples)
    moving = [a for a in items if a.correlation is not None and a.correlation > noise and a.criticality > 0]
    return sorted(moving, key=lambda a: (-round(a.correlation, 6), -a.criticality, a.id))


def _tornado(items):
    held = [item for item in items if item.low is not None and item.swing > 0]
    return sorted(held, key=lambda item: (-item.swing, -(item.high or 0), item.id))


def frame_of(percentiles) -> int:
    """The percentile the buffer, the tornado and the events are read at: 85 when shown, else the highest."""
    return FRAME if FRAME in percentiles else max(percentiles)


def analyse_risk(schedule: Schedule, samples: int, seed: int, percentiles=PERCENTILES) -> RiskAnalysis:
    """Sample the plan ``schedule`` was made from, as of the same day, and read the
    ``percentiles`` (by default P50 and P85) of the opening and of every date."""
    import numpy as np

    from navplan.engine.risk_sampling import percentile_points
    from navplan.engine.risk_simulation import MAX_TRACED_DATES, simulate

    levels = tuple(sorted(set(percentiles)))
    frame = frame_of(levels)
    traced = [(check.id, check.kind) for check in sorted(schedule.deadlines, key=lambda c: (c.slack, c.date, c.id))
              ][:MAX_TRACED_DATES]
    simulation = simulate(schedule.project, schedule.as_of, samples, seed, calendar=schedule.calendar,
                          network=schedule.network, traced=traced)
    forecast = simulation.opening_forecast
    opening_point = simulation.opening_point

    def day(point: int) -> dt.date:
        # Done exactly at the opening point: the office opens on its date (which may be a holiday).
        return schedule.project.opening_date if point == opening_point else simulation.point_date(point)

    forecasts = [Forecast(p, q, day(q), opening_point - q) for p, q in percentile_points(forecast, levels).items()]
    points, counts = np.unique(forecast, return_counts=True)
    cumulative = np.cumsum(counts)
    distribution = [DistributionStep(int(point), day(int(point)), int(count) / samples, int(total) / samples)
                    for point, count, total in zip(points, counts, cumulative, strict=True)]
    correlations = _correlations(simulation, forecast)
    dates = _date_risks(schedule, simulation, levels, correlations)
    activities = _activity_risks(schedule, simulation, correlations)
    analysis = RiskAnalysis(
        schedule=schedule, samples=samples, seed=seed, opening_point=opening_point,
        probability_holds=float(np.mean(forecast <= opening_point)), forecasts=forecasts,
        distribution=distribution, dates=dates, activities=activities,
        deterministic_forecast=day(opening_point - schedule.slack_to_opening), percentiles=levels, frame=frame,
    )
    _held(analysis, simulation)
    analysis.assumptions = _assumptions(schedule, simulation)
    analysis.correlation_adjusted = simulation.coupling.largest_change if simulation.coupling.adjusted else 0.0
    return analysis


@dataclass
class Outlook:
    """The opening alone, for the portfolio: the probability it holds and the working days to
    spare at each percentile (negative: missing)."""

    probability: float
    slack: dict[int, int]


def opening_outlook(schedule: Schedule, samples: int, seed: int, percentiles=PERCENTILES) -> Outlook:
    """The probability that the opening date holds and its buffer at ``percentiles``: the
    numbers `navplan risk` gives with the same samples and seed."""
    import numpy as np

    from navplan.engine.risk_sampling import percentile_points
    from navplan.engine.risk_simulation import simulate

    simulation = simulate(schedule.project, schedule.as_of, samples, seed, driving=False, calendar=schedule.calendar,
                          network=schedule.network, traced=())
    forecast = simulation.opening_forecast
    opening = simulation.opening_point
    return Outlook(float(np.mean(forecast <= opening)),
                   {p: opening - q for p, q in percentile_points(forecast, tuple(sorted(set(percentiles)))).items()})


def probability_on_time(schedule: Schedule, samples: int, seed: int) -> float:
    """Only the probability that the opening date holds (for the portfolio and the verdict):
    the same number `navplan risk` gives with the same samples and seed."""
    return opening_outlook(schedule, samples, seed).probability


def _correlations(simulation, forecast) -> dict[str, dict]:
    """Spearman's rank correlation of each sampled activity with the opening (key None) and with
    each traced date: one activity's ranks at a time, so memory holds the dates' ranks and one
    activity's, never every activity's (5,000 activities at 20,000 samples would be 800 MB)."""
    targets = {None: doubled_ranks(forecast)}
    targets.update({key: doubled_ranks(points) for key, points in simulation.points.items()})
    found: dict[str, dict] = {}
    for item in simulation.uncertain.values():
        ranks = doubled_ranks(simulation.sampled(item.id))
        found[item.id] = {key: correlate(ranks, target) for key, target in targets.items()}
        del ranks
    return found


def _date_forecast(kind: str, target_point: int, point: int, percent: int, simulation) -> Forecast:
    # A not-after date is read at the finish point: the work's last day is the one before it.
    date = simulation.point_date(point - 1 if kind == "not_after" else point)
    return Forecast(percent, point, date, target_point - point)


def _date_risks(schedule: Schedule, simulation, levels, correlations) -> list[DateRisk]:
    """Every fixed and not-after date of open work, as `critical-path` checks them, with its
    percentiles and, when traced, its drivers."""
    target_points = {target.key: target.point for target in simulation.targets}
    risks = []
    for check in schedule.deadlines:
        key = (check.id, check.kind)
        histogram = simulation.histograms[key]
        forecasts = [_date_forecast(check.kind, target_points[key], q, p, simulation)
                     for p, q in histogram.percentiles(levels).items()]
        risk = DateRisk(check.id, schedule.project.activities[check.id].title, check.kind, check.date,
                        simulation.probability(check.id, check.kind), check.holds, forecasts,
                        traced=key in simulation.points)
        if risk.traced:
            drivers = []
            for item in simulation.uncertain.values():
                correlation = correlations[item.id][key]
                drivers.append(Driver(item.id, item.activity.title, simulation.criticality(item.id, key), correlation))
            risk.drivers = _strongest(drivers, simulation.samples)
        risks.append(risk)
    return sorted(risks, key=lambda r: (r.date, r.id))


def _activity_risks(schedule: Schedule, simulation, correlations) -> list[ActivityRisk]:
    sampled_ids = {item.id: item for item in simulation.uncertain.values()}
    risks = []
    for scheduled in schedule.leaves():
        if scheduled.status is Status.DONE:
            continue
        item = sampled_ids.get(scheduled.id)
        correlation = correlations[scheduled.id][None] if item is not None else None
        activity = scheduled.activity
        risks.append(ActivityRisk(scheduled, activity.duration_range if not activity.is_milestone else None,
                                  simulation.criticality(scheduled.id), correlation, item is not None,
                                  probability=item.probability if item is not None else None,
                                  remaining=activity.remaining if scheduled.status is Status.STARTED else None))
    return risks


def _held(analysis: RiskAnalysis, simulation) -> None:
    """The tornado and the events' effect: each candidate held at its low and its high value,
    each event left out, on the same samples; read at the frame percentile of the opening and
    of every traced date."""
    varies = {item.id: row for row, item in simulation.uncertain.items() if item.varies}
    chosen: list[str] = [a.id for a in analysis.drivers if a.id in varies][:TORNADO_BARS]
    for date in sorted((d for d in analysis.dates if d.traced), key=lambda d: (d.probability, d.date, d.id)):
        for driver in date.drivers[:DATE_DRIVERS]:
            if driver.id in varies and driver.id not in chosen and len(chosen) < MAX_HELD:
                chosen.append(driver.id)
    opening_key = simulation.targets[0].key
    wanted = [opening_key, *(key for key in simulation.points)]
    shifts = simulation.shifts([varies[name] for name in chosen], range(len(simulation.events)), wanted)
    frame = analysis.frame
    base = {opening_key: analysis.buffer.point}
    for date in analysis.dates:
        if date.traced:
            base[(date.id, date.kind)] = date.forecast(frame).point

    def moved(variant, key) -> int:
        return shifts[variant][key].percentiles((frame,))[frame] - base[key]

    by_id = {a.id: a for a in analysis.activities}
    for name in chosen:
        row = varies[name]
        if name in by_id:
            by_id[name].low, by_id[name].high = moved(("low", row), opening_key), moved(("high", row), opening_key)
        for date in analysis.dates:
            key = (date.id, date.kind)
            for driver in date.drivers:
                if driver.id == name and key in base:
                    driver.low, driver.high = moved(("low", row), key), moved(("high", row), key)
    opening_point = analysis.opening_point
    for index, (event, risk) in enumerate(zip(simulation.events, analysis.schedule.project.risks, strict=True)):
        variant = ("without", index)
        without = shifts[variant][opening_key].percentiles((frame,))[frame]
        day = analysis.schedule.project.opening_date if without == opening_point else simulation.point_date(without)
        effects = {key: -moved(variant, key) for key in base if key != opening_key}
        analysis.events.append(EventRisk(risk, simulation.happened[event.id] / simulation.samples,
                                         analysis.buffer.point - without, analysis.buffer,
                                         Forecast(frame, without, day, opening_point - without), effects))


def _assumptions(schedule: Schedule, simulation) -> Assumptions:
    project = schedule.project
    own = {block.id for block in project.plan.activities if isinstance(block.duration, DurationRange)}
    handbook_ranges, plan_ranges, rule, given, maybe = [], [], [], [], []
    for item in simulation.uncertain.values():
        activity = item.activity
        if item.ranged:
            (plan_ranges if activity.id in own or activity.origin == "local" else handbook_ranges).append(item.id)
        if item.probability is not None:
            maybe.append((item.id, item.probability))
        if item.started:
            if item.remaining is not None:
                given.append(item.id)
            elif item.ranged:
                rule.append(item.id)
    return Assumptions(handbook_ranges, plan_ranges, list(project.shared_causes), [r.id for r in project.risks],
                       maybe, rule, given, levelling=False, notes=list(simulation.notes))


def doubled_ranks(values):
    """Twice the ranks from 1, ties sharing their average rank (as Spearman's
    coefficient needs): whole numbers, so the correlation is exact arithmetic.

    >>> import numpy as np
    >>> doubled_ranks(np.array([10, 30, 20, 30])).tolist()
    [2, 7, 4, 7]
    """
    import numpy as np

    # Durations and points are small whole numbers: counting them beats sorting them.
    shifted = np.asarray(values, dtype=np.int64) - int(np.min(values))
    counts = np.bincount(shifted)
    last = np.cumsum(counts)
    return (2 * last - (counts - 1))[shifted]


def correlate(x, y) -> float | None:
    """Pearson's correlation of two doubled-rank arrays (Spearman's of the
    values), summed in whole numbers so that every machine gets the same
    digits; None when either does not vary.

    >>> import numpy as np
    >>> correlate(np.array([2, 4, 6]), np.array([6, 4, 2]))
    -1.0
    """
    import numpy as np

    n = len(x)
    sx, sy = int(np.sum(x)), int(np.sum(y))
    sxy, sxx, syy = int(np.dot(x, y)), int(np.dot(x, x)), int(np.dot(y, y))
    covariance = n * sxy - sx * sy
    spread = (n * sxx - sx * sx) * (n * syy - sy * sy)
    if spread == 0:
        return None
    return covariance / math.sqrt(spread)
