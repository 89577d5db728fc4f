"""What `navplan risk` tells a steering group, before any rendering: how
likely the opening date is, which date can be promised with 80 % confidence,
how likely every fixed and not-after date is, and which activities threaten
the opening most.

The samples come from :func:`navplan.engine.risk_simulation.simulate`; the
deterministic schedule (every duration at its likely value) is shown beside
them, so the two can be read together. The core never prints and never reads
the clock.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.plan.values import DurationRange, Status, Text

#: The forecasts a steering group reads: the median, the date to promise, and a cautious one.
PERCENTILES = (50, 80, 95)
#: Drivers shown in the terminal, the report and the workbook (all are in the JSON).
TOP_DRIVERS = 5


@dataclass
class Forecast:
    """The earliest opening at one percentile: in this share of samples, all
    work is done in time to open on ``date``."""

    percent: int
    point: int
    date: dt.date
    slack: int  # working days to spare before the opening date; negative: missing


@dataclass
class DateRisk:
    """A fixed date or a not-after date, and how likely it is to hold."""

    id: str
    title: Text
    kind: str  # "fixed" or "not_after"
    date: dt.date
    probability: float
    holds_deterministic: bool


@dataclass
class ActivityRisk:
    """An open task or milestone: its spread, how often it drives the opening
    (the criticality index) and how strongly its duration moves the opening's
    forecast (Spearman's rank correlation; None when it is not sampled or
    nothing varies)."""

    scheduled: ScheduledActivity
    spread: DurationRange | None
    criticality: float
    correlation: float | None
    sampled: bool

    @property
    def id(self) -> str:
        return self.scheduled.id


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

    @property
    def opening_date(self) -> dt.date:
        return self.schedule.project.opening_date

    def forecast(self, percent: int) -> Forecast:
        return next(f for f in self.forecasts if f.percent == percent)

    @property
    def drivers(self) -> list[ActivityRisk]:
        """Sampled activities whose duration moves the opening, strongest first.

        A correlation within three standard errors of zero (3/√n for n
        samples) is noise, not a driver: with 10,000 samples, below 0.03.
        """
        noise = 3 / math.sqrt(self.samples)
        moving = [a for a in self.activities if a.correlation is not None and a.correlation > noise]
        return sorted(moving, key=lambda a: (-round(a.correlation, 6), -a.criticality, a.id))


def analyse_risk(schedule: Schedule, samples: int, seed: int) -> RiskAnalysis:
    """Sample the plan ``schedule`` was made from, as of the same day."""
    import numpy as np

    from navplan.engine.risk_simulation import simulate

    simulation = simulate(schedule.project, schedule.as_of, samples, seed, calendar=schedule.calendar,
                          network=schedule.network)
    forecast = simulation.opening_forecast
    opening_point = simulation.opening_point

    def day(point: int) -> dt.date:
        # Done exactly at the opening point: the office opens on its date (which may be a holiday).
        return schedule.project.opening_date if point == opening_point else simulation.point_date(point)

    forecasts = [Forecast(p, int(q), day(int(q)), opening_point - int(q))
                 for p, q in zip(PERCENTILES, np.quantile(forecast, [p / 100 for p in PERCENTILES],
                                                          method="inverted_cdf"), strict=True)]
    points, counts = np.unique(forecast, return_counts=True)
    cumulative = np.cumsum(counts)
    distribution = [DistributionStep(int(point), day(int(point)), int(count) / samples, int(total) / samples)
                    for point, count, total in zip(points, counts, cumulative, strict=True)]
    return RiskAnalysis(
        schedule=schedule, samples=samples, seed=seed, opening_point=opening_point,
        probability_holds=float(np.mean(forecast <= opening_point)), forecasts=forecasts,
        distribution=distribution, dates=_date_risks(schedule, simulation),
        activities=_activity_risks(schedule, simulation, forecast),
        deterministic_forecast=day(opening_point - schedule.slack_to_opening),
    )


def probability_on_time(schedule: Schedule, samples: int, seed: int) -> float:
    """Only the probability that the opening date holds (for the portfolio):
    the same number `navplan risk` gives with the same samples and seed."""
    import numpy as np

    from navplan.engine.risk_simulation import simulate

    simulation = simulate(schedule.project, schedule.as_of, samples, seed, driving=False, calendar=schedule.calendar,
                          network=schedule.network)
    return float(np.mean(simulation.opening_forecast <= simulation.opening_point))


def _date_risks(schedule: Schedule, simulation) -> list[DateRisk]:
    """Every fixed and not-after date of open work, as `critical-path` checks them."""
    risks = [DateRisk(check.id, schedule.project.activities[check.id].title, check.kind, check.date,
                      simulation.probability(check.id, check.kind), check.holds) for check in schedule.deadlines]
    return sorted(risks, key=lambda r: (r.date, r.id))


def _activity_risks(schedule: Schedule, simulation, forecast) -> list[ActivityRisk]:
    opening_ranks = doubled_ranks(forecast)
    sampled_ids = {item.id for item in simulation.uncertain.values()}
    risks = []
    for scheduled in schedule.leaves():
        if scheduled.status is Status.DONE:
            continue
        sampled = scheduled.id in sampled_ids
        correlation = correlate(doubled_ranks(simulation.sampled(scheduled.id)), opening_ranks) if sampled else None
        risks.append(ActivityRisk(scheduled, scheduled.activity.duration_range,
                                  simulation.criticality(scheduled.id), correlation, sampled))
    return risks


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
