"""`navplan risk` for machines: one JSON document (``navplan schema risk``)
or CSV rows, one per open activity. Fields are only ever added;
``format_version`` changes if that promise is ever broken. Probabilities are
shares from 0 to 1, as sampled (not rounded for display).

Format 2 (issue 21): the percentiles are P50 and P85 by default (``--percentiles``
chooses others; format 1 always gave P50, P80 and P95), every date has its
percentiles and drivers, and the document carries the tornado, the shared
causes, the risk register with each risk's effect, and what the numbers assume."""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, Field

from navplan.features.schedule_risk import RiskAnalysis
from navplan.render.schedule_json_csv import to_csv

FORMAT_VERSION = 2


class ForecastRecord(BaseModel):
    percentile: int = Field(description="A percentile chosen: 50 and 85 by default")
    date: dt.date = Field(description="In this share of samples all work is done in time to open on this date")
    slack: int = Field(description="Working days before the opening date; negative: after it")


class DatePercentileRecord(BaseModel):
    percentile: int
    date: dt.date = Field(description="In this share of samples the work is done by this day (a not-after date: "
                                      "its last day of work; a fixed date: the first day its work allows it)")
    slack: int = Field(description="Working days to spare before the date; negative: missing")


class DriverRecord(BaseModel):
    id: str
    criticality: float = Field(description="Share of samples in which it lies on the chain that sets the date")
    correlation: float = Field(description="Spearman's rank correlation of its sampled value with the date")
    held_low: int | None = Field(description="Working days the frame percentile of the date moves with the activity "
                                             "held at its low value (negative: earlier); null when not held")
    held_high: int | None = Field(description="The same with the activity held at its high value")


class DateRecord(BaseModel):
    id: str
    title: str
    kind: Literal["fixed", "not_after"]
    date: dt.date
    probability: float = Field(description="Share of samples in which the date holds")
    holds_deterministic: bool = Field(description="Whether it holds with every duration at its likely value")
    percentiles: list[DatePercentileRecord]
    traced: bool = Field(description="Whether its drivers were traced (the 20 dates with the least slack are)")
    drivers: list[DriverRecord] = Field(description="What moves the date, strongest first")


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
                                                "correlation is within noise (3/√samples) of zero or it is never "
                                                "on the chain")
    held_low: int | None = Field(None, description="Working days the frame percentile of the opening moves with "
                                                   "it held at its low value (the tornado); null when not held")
    held_high: int | None = Field(None, description="The same held at its high value")
    probability: float | None = Field(None, description="Work that happens or not: the probability it is needed")
    remaining: str | None = Field(None, description="Work under way: the plan's remaining (2w, 1w..3w); null: "
                                                    "drawn from the duration given that the work is not done")


class TornadoRecord(BaseModel):
    id: str
    title: str
    held_low: int = Field(description="Working days the frame percentile of the opening moves at its low value")
    held_high: int = Field(description="Working days it moves at its high value")


class SharedCauseRecord(BaseModel):
    id: str | None = Field(description="The handbook's id of the cause (lokaler, ikt); null for a plan's own group")
    activities: list[str] = Field(description="The activities sampled together in this plan")
    rank: float = Field(description="Spearman's rank correlation asked for between any two of them")
    reason: str
    origin: Literal["handbook", "plan"]


class DateEffectRecord(BaseModel):
    id: str
    kind: Literal["fixed", "not_after"]
    working_days: int = Field(description="How much later the date's frame percentile is with the risk than without")


class RiskEventRecord(BaseModel):
    id: str
    title: str
    probability: float = Field(description="The plan's probability that it happens")
    delays: list[str]
    by: str = Field(description="How much, as the plan writes it: 6w, 6w..10w or 4w..6w..10w")
    owner: str | None
    mitigation: str | None
    happened: float = Field(description="Share of samples in which it happened")
    effect: int = Field(description="Working days later the frame percentile of the opening is with the risk "
                                    "than without it, on the same samples")
    with_risk: ForecastRecord = Field(description="The opening's frame percentile with the risk (as sampled)")
    without_risk: ForecastRecord = Field(description="The opening's frame percentile without it")
    date_effects: list[DateEffectRecord] = Field(description="The same for each traced date")


class AssumptionsRecord(BaseModel):
    handbook_ranges: list[str] = Field(description="Activities sampled between the handbook data's low and high")
    plan_ranges: list[str] = Field(description="Activities sampled between the plan's own low and high")
    happens_or_not: dict[str, float] = Field(description="Work that may not be needed, with its probability")
    remaining_rule: list[str] = Field(description="Work under way whose remainder is drawn from its duration given "
                                                  "that it is not done")
    remaining_plan: list[str] = Field(description="Work under way whose remainder is the plan's remaining:")
    levelling_applied: bool = Field(description="Whether capacity levelling is applied (not yet: false)")
    notes: list[str] = Field(description="What the inputs needed, in the reader's language (a correlation adjusted, "
                                         "work past its high value)")
    lines: list[str] = Field(description="The assumptions box as the terminal and the report say it")


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
    percentiles: list[int] = Field(description="The percentiles shown: 50 and 85 by default")
    frame: int = Field(description="The percentile the buffer, the tornado and the risks' effects are read at: 85 "
                                   "when shown, else the highest")
    forecasts: list[ForecastRecord] = Field(description="The earliest opening at each percentile")
    buffer: ForecastRecord = Field(description="The earliest opening at the frame percentile: the buffer sentence")
    dates: list[DateRecord] = Field(description="Every fixed and not-after date of open work")
    drivers: list[str] = Field(description="Ids that move the opening, strongest first")
    tornado: list[TornadoRecord] = Field(description="The activities held at their low and high values, the widest "
                                                     "swing of the opening's frame percentile first")
    shared_causes: list[SharedCauseRecord]
    correlation_adjusted: float = Field(description="The largest change made to a rank correlation the groups ask "
                                                    "for, when they cannot all hold; 0 when none")
    risks: list[RiskEventRecord] = Field(description="The plan's risk register with each risk's effect")
    assumptions: AssumptionsRecord
    activities: list[ActivityRiskRecord]
    distribution: list[DistributionRecord]


def risk_document(analysis: RiskAnalysis, lang: str) -> RiskDocument:
    from navplan.render.risk_labels import assumption_lines

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
            driver_rank=ranks.get(item.id), held_low=item.low, held_high=item.high, probability=item.probability,
            remaining=None if item.remaining is None else str(item.remaining)))
    assumptions = analysis.assumptions
    frame = analysis.buffer
    return RiskDocument(
        office=schedule.project.plan.office, opening_date=analysis.opening_date, as_of=schedule.as_of,
        samples=analysis.samples, seed=analysis.seed, probability_opening_holds=analysis.probability_holds,
        opening_holds_deterministic=schedule.opening_holds,
        slack_to_opening_deterministic=schedule.slack_to_opening,
        percentiles=list(analysis.percentiles), frame=analysis.frame,
        forecasts=[ForecastRecord(percentile=f.percent, date=f.date, slack=f.slack) for f in analysis.forecasts],
        buffer=ForecastRecord(percentile=frame.percent, date=frame.date, slack=frame.slack),
        dates=[DateRecord(id=d.id, title=d.title.get(lang), kind=d.kind, date=d.date, probability=d.probability,
                          holds_deterministic=d.holds_deterministic,
                          percentiles=[DatePercentileRecord(percentile=f.percent, date=f.date, slack=f.slack)
                                       for f in d.forecasts], traced=d.traced,
                          drivers=[DriverRecord(id=r.id, criticality=r.criticality, correlation=round(r.correlation, 4),
                                                held_low=r.low, held_high=r.high) for r in d.drivers])
               for d in analysis.dates],
        drivers=[driver.id for driver in analysis.drivers],
        tornado=[TornadoRecord(id=item.id, title=item.scheduled.activity.title.get(lang), held_low=item.low,
                               held_high=item.high) for item in analysis.tornado],
        shared_causes=[SharedCauseRecord(id=cause.id, activities=list(cause.members), rank=cause.rank,
                                         reason=cause.reason.get(lang), origin=cause.origin)
                       for cause in (assumptions.causes if assumptions else [])],
        correlation_adjusted=round(analysis.correlation_adjusted, 4),
        risks=[RiskEventRecord(
            id=event.id, title=event.risk.title, probability=event.risk.probability, delays=list(event.risk.delays),
            by=str(event.risk.by), owner=event.risk.owner, mitigation=event.risk.mitigation, happened=event.happened,
            effect=event.effect,
            with_risk=ForecastRecord(percentile=event.with_event.percent, date=event.with_event.date,
                                     slack=event.with_event.slack),
            without_risk=ForecastRecord(percentile=event.without_event.percent, date=event.without_event.date,
                                        slack=event.without_event.slack),
            date_effects=[DateEffectRecord(id=key[0], kind=key[1], working_days=days)
                          for key, days in event.date_effects.items()]) for event in analysis.events],
        assumptions=AssumptionsRecord(
            handbook_ranges=assumptions.handbook_ranges if assumptions else [],
            plan_ranges=assumptions.plan_ranges if assumptions else [],
            happens_or_not=dict(assumptions.happens_or_not) if assumptions else {},
            remaining_rule=assumptions.remaining_rule if assumptions else [],
            remaining_plan=assumptions.remaining_plan if assumptions else [],
            levelling_applied=bool(assumptions and assumptions.levelling),
            notes=[note.render(lang) for note in (assumptions.notes if assumptions else [])],
            lines=assumption_lines(analysis, lang)),
        activities=activities,
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
