"""`navplan risk` for machines: one JSON document (``navplan schema risk``)
or CSV rows, one per open activity. Fields are only ever added;
``format_version`` changes if that promise is ever broken. Probabilities are
shares from 0 to 1, as sampled (not rounded for display)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, Field

from navplan.features.schedule_risk import RiskAnalysis
from navplan.render.schedule_json_csv import to_csv

FORMAT_VERSION = 1


class ForecastRecord(BaseModel):
    percentile: int = Field(description="50, 80 or 95")
    date: dt.date = Field(description="In this share of samples all work is done in time to open on this date")
    slack: int = Field(description="Working days before the opening date; negative: after it")


class DateRecord(BaseModel):
    id: str
    title: str
    kind: Literal["fixed", "not_after"]
    date: dt.date
    probability: float = Field(description="Share of samples in which the date holds")
    holds_deterministic: bool = Field(description="Whether it holds with every duration at its likely value")


class ActivityRiskRecord(BaseModel):
    """One open task or milestone in the JSON and the CSV."""

    id: str
    title: str
    status: Literal["not_started", "started", "done"]
    duration: str | None = Field(description="The likely duration, as scheduled: 10d, 3w or 2m")
    duration_low: str | None = Field(description="Null when the duration is fixed (not sampled)")
    duration_high: str | None
    sampled: bool = Field(description="Whether its duration (for work under way: what remains) is sampled")
    criticality: float = Field(description="Share of samples in which it lies on the chain that sets the earliest "
                                           "opening")
    correlation: float | None = Field(description="Spearman's rank correlation of its sampled duration with the "
                                                  "earliest opening; null when not sampled or nothing varies")
    driver_rank: int | None = Field(description="1 for the strongest driver of the opening; null when its "
                                                "correlation is within noise (3/√samples) of zero")


class DistributionRecord(BaseModel):
    date: dt.date = Field(description="An earliest opening some samples reach")
    slack: int = Field(description="Working days before the opening date; negative: after it")
    probability: float = Field(description="Share of samples with exactly this earliest opening")
    cumulative: float = Field(description="Share with this earliest opening or an earlier one (the S-curve)")


class RiskDocument(BaseModel):
    """The JSON that ``navplan risk --format json`` prints."""

    format_version: int = FORMAT_VERSION
    office: str
    opening_date: dt.date
    as_of: dt.date
    samples: int
    seed: int
    distribution_kind: Literal["triangular"] = "triangular"
    probability_opening_holds: float
    opening_holds_deterministic: bool = Field(description="As critical-path: every duration at its likely value")
    slack_to_opening_deterministic: int = Field(description="Working days; negative: this many are missing")
    forecasts: list[ForecastRecord] = Field(description="The earliest opening at P50, P80 and P95")
    dates: list[DateRecord] = Field(description="Every fixed and not-after date of open work")
    drivers: list[str] = Field(description="Ids that move the opening, strongest first")
    activities: list[ActivityRiskRecord]
    distribution: list[DistributionRecord]


def risk_document(analysis: RiskAnalysis, lang: str) -> RiskDocument:
    schedule = analysis.schedule
    ranks = {driver.id: index for index, driver in enumerate(analysis.drivers, start=1)}
    activities = []
    for item in analysis.activities:
        activity = item.scheduled.activity
        spread = item.spread
        activities.append(ActivityRiskRecord(
            id=item.id, title=activity.title.get(lang), status=item.scheduled.status.value,
            duration=None if activity.is_milestone else str(activity.duration),
            duration_low=str(spread.low) if spread else None, duration_high=str(spread.high) if spread else None,
            sampled=item.sampled, criticality=item.criticality,
            correlation=None if item.correlation is None else round(item.correlation, 4),
            driver_rank=ranks.get(item.id)))
    return RiskDocument(
        office=schedule.project.plan.office, opening_date=analysis.opening_date, as_of=schedule.as_of,
        samples=analysis.samples, seed=analysis.seed, probability_opening_holds=analysis.probability_holds,
        opening_holds_deterministic=schedule.opening_holds,
        slack_to_opening_deterministic=schedule.slack_to_opening,
        forecasts=[ForecastRecord(percentile=f.percent, date=f.date, slack=f.slack) for f in analysis.forecasts],
        dates=[DateRecord(id=d.id, title=d.title.get(lang), kind=d.kind, date=d.date, probability=d.probability,
                          holds_deterministic=d.holds_deterministic) for d in analysis.dates],
        drivers=[driver.id for driver in analysis.drivers], activities=activities,
        distribution=[DistributionRecord(date=step.date, slack=analysis.opening_point - step.point,
                                         probability=step.probability, cumulative=step.cumulative)
                      for step in analysis.distribution],
    )


def risk_json(analysis: RiskAnalysis, lang: str) -> str:
    return json.dumps(risk_document(analysis, lang).model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def risk_csv(analysis: RiskAnalysis, lang: str) -> str:
    rows = risk_document(analysis, lang).activities
    if not rows:
        return ",".join(ActivityRiskRecord.model_fields) + "\n"
    return to_csv(rows)
