"""Countdown workbooks built by hand to the layout contract as it was before the forecast
columns (A-J, docs/workbook-layout.md), which sync must still read; and edits made as a
person makes them in Excel, to a built or an exported workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from navplan.messages import t
from navplan.plan.project import Project

HEADER_ROW = 4
COLUMNS = ["col.id", "col.activity", "col.role", "col.owner", "col.start_by", "col.finish_by", "col.slack",
           "col.status", "col.actual_start", "col.actual_finish"]
STATUS, ACTUAL_START, ACTUAL_FINISH = 8, 9, 10


def build_workbook(path: Path, project: Project, lang: str = "nb", *, dates_as_text: bool = False,
                   sheet_title: str | None = None, extra_sheets_first: bool = False) -> dict[str, int]:
    """Write the first sheet as the exporter does; return each activity's row."""
    workbook = Workbook()
    ws = workbook.active
    if extra_sheets_first:
        ws.title = t("sheet.critical", lang)
        ws = workbook.create_sheet(sheet_title or t("sheet.countdown", lang))
    else:
        ws.title = sheet_title or t("sheet.countdown", lang)
    ws.cell(1, 1, f"{t('sheet.countdown', lang)}: {project.plan.office}")
    ws.cell(2, 1, "Per 10.12.2018 · navplan 0.1.0")
    ws.cell(3, 11, "T-52")
    for column, key in enumerate(COLUMNS, start=1):
        ws.cell(HEADER_ROW, column, t(key, lang)).font = Font(bold=True)
    ws.cell(HEADER_ROW, 11, t("week", lang, week=51))
    rows: dict[str, int] = {}
    for row, activity in enumerate(project.active(), start=HEADER_ROW + 1):
        rows[activity.id] = row
        bold = Font(bold=activity.is_summary)
        ws.cell(row, 1, activity.id).font = bold
        ws.cell(row, 2, activity.title.get(lang)).font = bold
        ws.cell(row, 4, activity.owner or "")
        ws.cell(row, STATUS, t(f"status.{activity.status.value}", lang))
        for column, day in ((ACTUAL_START, activity.actual_start), (ACTUAL_FINISH, activity.actual_finish)):
            if day is not None:
                put_date(ws.cell(row, column), day, as_text=dates_as_text)
    workbook.save(path)
    return rows


def header_columns(ws) -> dict[str, int]:
    """Each column's number by its message key, found by its header text in either
    language, as sync finds it: a built workbook has the old A-J layout (no forecast
    columns), an exported one the current one."""
    from navplan.messages import MESSAGES

    by_text = {cell.value: cell.column for cell in ws[HEADER_ROW] if isinstance(cell.value, str)}
    return {key: by_text[text] for key in COLUMNS + ["col.forecast_start", "col.forecast_finish"]
            for text in MESSAGES[key] if text in by_text}


def put_date(cell, day: dt.date | None, *, as_text: bool = False) -> None:
    if day is None:
        cell.value = None
    elif as_text:
        cell.value = day.strftime("%d.%m.%Y")
    else:
        cell.value = dt.datetime(day.year, day.month, day.day)
        cell.number_format = "DD.MM.YYYY"


def mark(path: Path, row: int, *, status: str | None = None, start: Any = "keep", finish: Any = "keep",
         sheet: int = 0, as_text: bool = False) -> None:
    """Edit one row as a person would in Excel."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    ws = workbook.worksheets[sheet]
    column_of = header_columns(ws)
    if status is not None:
        ws.cell(row, column_of["col.status"]).value = status
    for column, value in ((column_of["col.actual_start"], start), (column_of["col.actual_finish"], finish)):
        if value == "keep":
            continue
        if isinstance(value, dt.date) or value is None:
            put_date(ws.cell(row, column), value, as_text=as_text)
        else:
            ws.cell(row, column).value = value
    workbook.save(path)
