"""The portfolio for people (a rich table) and for machines (JSON and CSV).

The JSON is a list of :class:`PortfolioRecord`, one per office, in risk
order; the CSV has the same fields as columns. Fields are only ever added.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, Field

from navplan.messages import format_date, t
from navplan.features.portfolio import PortfolioLine


class PortfolioRecord(BaseModel):
    """One office in `navplan portfolio --format json|csv`."""

    office: str | None = Field(description="Null when the plan could not be read")
    file: str = Field(description="The plan file, as found from the paths given")
    opening_date: dt.date | None
    opening_holds: bool | None
    slack_to_opening: int | None = Field(description="Working days; negative: this many are missing")
    missing_working_days: int | None
    critical_id: str | None = Field(description="The first open activity on the critical path")
    critical_title: str | None
    overdue: int | None = Field(description="Activities not started whose latest start has passed")
    next_deadline: dt.date | None = Field(description="The earliest latest finish of an open task on or after as_of")
    next_deadline_id: str | None
    as_of: dt.date
    status: Literal["ok", "error"]
    error: str | None = Field(description="file:line: field: message, when status is error")
    probability_on_time: float | None = Field(
        None, description="Share of `navplan risk` samples in which the opening date holds; null when not sampled")


def records(lines: list[PortfolioLine], as_of: dt.date, lang: str) -> list[PortfolioRecord]:
    return [PortfolioRecord(
        office=line.office, file=line.file, opening_date=line.opening,
        opening_holds=None if line.error else line.holds,
        slack_to_opening=line.slack_to_opening, missing_working_days=line.missing_working_days,
        critical_id=line.critical_id, critical_title=line.critical_title, overdue=line.overdue,
        next_deadline=line.next_deadline, next_deadline_id=line.next_deadline_id, as_of=as_of,
        status="error" if line.error else "ok", error=line.error.render(lang) if line.error else None,
        probability_on_time=None if line.error else line.probability_on_time,
    ) for line in lines]


def portfolio_json(lines: list[PortfolioLine], as_of: dt.date, lang: str) -> str:
    return json.dumps([r.model_dump(mode="json") for r in records(lines, as_of, lang)], ensure_ascii=False,
                      indent=2) + "\n"


def portfolio_csv(lines: list[PortfolioLine], as_of: dt.date, lang: str) -> str:
    from navplan.render.schedule_json_csv import to_csv

    rows = records(lines, as_of, lang)
    if not rows:  # still a header, so a script can read the columns
        return ",".join(PortfolioRecord.model_fields) + "\n"
    return to_csv(rows)


COLUMNS = ["portfolio.col.office", "portfolio.col.file", "portfolio.col.opening", "portfolio.col.holds",
           "portfolio.col.slack", "portfolio.col.critical", "portfolio.col.overdue",
           "portfolio.col.next_deadline", "portfolio.col.status", "portfolio.col.on_time"]


def cells(line: PortfolioLine, lang: str) -> list[object]:
    """One row as the table and the workbook show it: dates stay dates, numbers numbers."""
    if line.error is not None:
        return [line.office or "", line.file, line.opening, "", None, "", None, "", line.error.render(lang), None]
    critical = f"{line.critical_id} {line.critical_title}" if line.critical_id else ""
    deadline = f"{format_date(line.next_deadline, lang)} {line.next_deadline_id}" if line.next_deadline else ""
    if not line.holds:
        status = t("portfolio.missing", lang, days=line.missing_working_days)
    elif line.slack_to_opening == 0:
        status = t("portfolio.tight", lang)
    else:
        status = t("portfolio.ok", lang)
    return [line.office, line.file, line.opening, t("portfolio.yes" if line.holds else "portfolio.no", lang),
            line.slack_to_opening, critical, line.overdue, deadline, status, line.probability_on_time]


TABLE_COLUMNS = ["portfolio.col.opening", "portfolio.col.slack", "portfolio.col.on_time", "portfolio.col.critical",
                 "portfolio.col.overdue", "portfolio.col.next_deadline", "portfolio.col.status"]


def render_portfolio(console, lines: list[PortfolioLine], as_of: dt.date, lang: str) -> None:
    """So that the table fits a terminal, the plan file is under the office (dim),
    the next deadline's id under its date, and the status says whether the opening holds."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from navplan.render.risk_labels import percent

    table = Table(title=t("portfolio.title", lang, as_of=format_date(as_of, lang), count=len(lines)),
                  title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column(t("portfolio.col.office", lang) + " / " + t("portfolio.col.file", lang),
                     overflow="fold", ratio=3)
    for key in TABLE_COLUMNS:
        numeric = key in ("portfolio.col.slack", "portfolio.col.overdue", "portfolio.col.on_time")
        wide = key in ("portfolio.col.critical", "portfolio.col.status")
        table.add_column(t(key, lang), justify="right" if numeric else "left",
                         no_wrap=key in ("portfolio.col.opening", "portfolio.col.slack", "portfolio.col.next_deadline",
                                         "portfolio.col.on_time"),
                         overflow="fold", ratio=2 if wide else None)
    for line in lines:
        office, file, opening, _holds, slack, critical, overdue, _deadline, status, on_time = cells(line, lang)
        late = line.error is not None or not line.holds
        warn = "bold red" if late else ""
        first = Text(office, style="bold" if office else "")
        first.append(("\n" if office else "") + file, style="dim")
        deadline = "" if line.next_deadline is None else \
            f"{format_date(line.next_deadline, lang)}\n{line.next_deadline_id}"
        chance = "" if on_time is None else percent(on_time, lang)
        table.add_row(first, format_date(opening, lang), Text("" if slack is None else str(slack), style=warn),
                      Text(chance, style="bold red" if on_time is not None and on_time < 0.5 else ""),
                      Text(critical), "" if overdue is None else str(overdue), deadline, Text(status, style=warn))
    console.print(table)
