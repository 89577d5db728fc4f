"""`navplan portfolio --format json|csv`: one record per office, plain and stable.

The JSON is an envelope like the schedule's: ``format_version``, the as-of
date and the offices in risk order. CSV has the same fields, one row per office.
With a county file the document names the county (``county``); without one, the
field is not written.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, Field

from navplan.features.portfolio import PortfolioLine

#: 2: an envelope around the offices (1 was a bare list); opened, the worst deadline and risk_slack added.
FORMAT_VERSION = 2


class PortfolioRecord(BaseModel):
    """One office."""

    office: str | None = Field(description="Null when the plan could not be read")
    file: str = Field(description="The plan file, as found from the paths given")
    opening_date: dt.date | None
    opening_holds: bool | None
    slack_to_opening: int | None = Field(description="The opening's slack in working days, as critical-path "
                                                     "says it; negative: missing; null once opened")
    missing_working_days: int | None
    critical_id: str | None = Field(description="The first open activity on the critical path")
    critical_title: str | None
    overdue: int | None = Field(description="Activities not started whose latest start has passed")
    next_deadline: dt.date | None = Field(description="The earliest latest finish of an open task on or after as_of")
    next_deadline_id: str | None
    as_of: dt.date
    status: Literal["ok", "error"]
    error: str | None = Field(description="file:line: field: message, when status is error")
    opened: bool | None = Field(None, description="The office has opened (the as-of date is after its opening)")
    worst_deadline_id: str | None = Field(None, description="The fixed or not-after date with the least slack")
    worst_deadline_slack: int | None = Field(None, description="Its slack; negative: missed by this many")
    missed_deadlines: int | None = Field(None, description="How many fixed and not-after dates cannot hold")
    risk_slack: int | None = Field(None, description="The worst of slack_to_opening and worst_deadline_slack: "
                                                     "the offices are sorted by it")
    probability_on_time: float | None = Field(
        None, description="Share of `navplan risk` samples in which the opening date holds; null when not sampled "
                          "or once opened")


class PortfolioDocument(BaseModel):
    """What `navplan portfolio --format json` prints."""

    format_version: int = FORMAT_VERSION
    as_of: dt.date
    offices: list[PortfolioRecord]
    county: str | None = Field(None, description="With a county file only: the county's name")


def records(lines: list[PortfolioLine], as_of: dt.date, lang: str) -> list[PortfolioRecord]:
    return [PortfolioRecord(
        office=line.office, file=line.file, opening_date=line.opening,
        opening_holds=None if line.error else line.holds,
        slack_to_opening=line.slack_to_opening, missing_working_days=line.missing_working_days,
        critical_id=line.critical_id, critical_title=line.critical_title, overdue=line.overdue,
        next_deadline=line.next_deadline, next_deadline_id=line.next_deadline_id, as_of=as_of,
        status="error" if line.error else "ok", error=line.error.render(lang) if line.error else None,
        opened=line.opened, worst_deadline_id=line.worst_deadline_id,
        worst_deadline_slack=line.worst_deadline_slack, missed_deadlines=line.missed_deadlines,
        risk_slack=line.risk_slack, probability_on_time=None if line.error else line.probability_on_time,
    ) for line in lines]


def portfolio_json(lines: list[PortfolioLine], as_of: dt.date, lang: str, *, county: str | None = None) -> str:
    document = PortfolioDocument(as_of=as_of, offices=records(lines, as_of, lang), county=county)
    # Without a county file the document is what it always was: the field is not written.
    leave_out = {"county"} if county is None else set()
    return json.dumps(document.model_dump(mode="json", exclude=leave_out), ensure_ascii=False, indent=2) + "\n"


def portfolio_csv(lines: list[PortfolioLine], as_of: dt.date, lang: str, dialect: str = "csv") -> str:
    """RFC 4180, or with ``dialect="csv-excel"`` for a Norwegian spreadsheet (see schedule_json_csv.to_csv)."""
    from navplan.render.schedule_json_csv import to_csv

    rows = records(lines, as_of, lang)
    if not rows:  # still a header, so a script can read the columns
        if dialect == "csv-excel":
            return "\ufeff" + ";".join(PortfolioRecord.model_fields) + "\r\n"
        return ",".join(PortfolioRecord.model_fields) + "\n"
    return to_csv(rows, dialect)
