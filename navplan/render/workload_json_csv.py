"""`navplan workload` for machines: the JSON document and its CSV rows.

The shape is a contract, versioned like the schedule's (``navplan schema workload``):
fields are only ever added within a ``format_version``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from navplan.engine.schedule import Schedule
from navplan.features.workload import ResourceWorkload, WorkloadPeriod, whole
from navplan.render.schedule_json_csv import LevellingRecord, levelling_record

#: 1: the first version (issue 19).
FORMAT_VERSION = 1
Amount = int | float


class WorkloadWeek(BaseModel):
    week: str = Field(description="The ISO week, e.g. 2027-W05")
    first_day: dt.date
    last_day: dt.date
    planned: Amount = Field(description="The most activities (their loads summed) carried at once on a working day "
                                        "of the week, by the planned dates")
    over: bool = Field(description="planned is above the capacity")
    activities: list[str] = Field(description="The tasks that run in the week, by planned start")


class WorkloadMonth(BaseModel):
    month: str = Field(description="The month, e.g. 2027-05")
    first_day: dt.date
    last_day: dt.date
    planned: Amount = Field(description="The most activities (their loads summed) carried at once on a working day "
                                        "of the month, by the planned dates")
    over: bool = Field(description="planned is above the capacity")
    activities: list[str] = Field(description="The tasks that run in the month, by planned start")


class ResourceLoad(BaseModel):
    id: str = Field(description="The role's id, the owner's name as the plan writes it, or the resource's id")
    kind: Literal["role", "owner", "resource"]
    title: str
    capacity: Amount | None = Field(description="How many activities it carries at once; null: the plan gives none")
    over: bool = Field(description="Some period is above the capacity")
    weeks: list[WorkloadWeek] | None = Field(None, description="By week (--by week): every week from the as-of date's")
    months: list[WorkloadMonth] | None = Field(None, description="By month (--by month)")


class WorkloadDocument(BaseModel):
    """The JSON that ``navplan workload --format json`` prints."""

    format_version: int = FORMAT_VERSION
    office: str
    as_of: dt.date
    opening_date: dt.date
    planned_opening: dt.date = Field(description="The opening by the planned dates")
    by: Literal["week", "month"]
    levelling: LevellingRecord
    resources: list[ResourceLoad]


class WorkloadRow(BaseModel):
    """One resource's period, as a CSV row."""

    resource: str
    kind: str
    title: str
    capacity: Amount | None
    period: str
    first_day: dt.date
    last_day: dt.date
    planned: Amount
    over: bool
    activities: list[str]


def period_name(period: WorkloadPeriod, by: str) -> str:
    """2027-W05 for a week (ISO), 2027-05 for a month."""
    if by == "week":
        year, week, _day = period.first_day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{period.first_day.year}-{period.first_day.month:02d}"


def workload_document(schedule: Schedule, loads: list[ResourceWorkload], by: str, lang: str) -> WorkloadDocument:
    resources = []
    for load in loads:
        entries = [(WorkloadWeek if by == "week" else WorkloadMonth)(
            **{by: period_name(p, by)}, first_day=p.first_day, last_day=p.last_day, planned=whole(p.planned),
            over=p.over, activities=p.activities) for p in load.periods]
        resources.append(ResourceLoad(
            id=load.id, kind=load.kind, title=load.title.get(lang),
            capacity=None if load.capacity is None else whole(load.capacity), over=load.over,
            weeks=entries if by == "week" else None, months=entries if by == "month" else None))
    plan = schedule.project.plan
    return WorkloadDocument(office=plan.office, as_of=schedule.as_of, opening_date=plan.opening,
                            planned_opening=schedule.planned_opening, by=by,
                            levelling=levelling_record(schedule, lang), resources=resources)


def workload_rows(loads: list[ResourceWorkload], by: str, lang: str) -> list[WorkloadRow]:
    """Every resource's every period, one row each."""
    return [WorkloadRow(resource=load.id, kind=load.kind, title=load.title.get(lang),
                        capacity=None if load.capacity is None else whole(load.capacity),
                        period=period_name(p, by), first_day=p.first_day, last_day=p.last_day,
                        planned=whole(p.planned), over=p.over, activities=p.activities)
            for load in loads for p in load.periods]
