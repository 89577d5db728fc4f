"""The record a countdown workbook keeps of the plan as exported, read back.

The exporter writes it as a hidden sheet, ``navplan``
(:mod:`navplan.render.workbook.record_sheet`): the office the workbook was
made for, and the status and actual dates of every task and milestone as the
plan said them then. `navplan sync` compares three ways with it: a cell that
still says what the record says is no change, whatever the plan says now.

It is read as hostile input, like the rest of the workbook: a record someone
edited into nonsense is refused with its cell named, never guessed at. A
workbook without one (made by a navplan from before the record) is synced
two ways, as it always was: the caller says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from navplan.errors import Message, NavplanError
from navplan.features.workbook_file import WorkbookFile, column_letter
from navplan.plan.values import FIRST_YEAR, LAST_YEAR, Status

#: As :mod:`navplan.render.workbook.record_sheet` writes it.
RECORD_SHEET = "navplan"
RECORD_FORMAT = 1
FIELDS = ("status", "actual_start", "actual_finish")


@dataclass(frozen=True)
class ExportRecord:
    """What the plan said when the workbook was exported."""

    office: str | None
    rows: dict[str, dict[str, Status | dt.date | None]]  # by activity id: status, actual_start, actual_finish


def read_record(book: WorkbookFile) -> ExportRecord | None:
    """The workbook's record of the plan, or None when it has none."""
    title = next((name for name in book.sheet_names if name.casefold() == RECORD_SHEET), None)
    if title is None:
        return None

    def error(column: int, row: int, key: str, **params: Any) -> NavplanError:
        return NavplanError(key, file=book.path, field=f"{title}!{column_letter(column)}{row}",
                            hint=Message("sync.record.hint", sheet=title), **params)

    office: str | None = None
    rows: dict[str, dict[str, Status | dt.date | None]] = {}
    header = None
    for number, cells in book.rows(title):
        first = _text(cells[0]) if cells else ""
        value = cells[1] if len(cells) > 1 else None
        if header is None:
            if first == "format" and _text(value) not in ("1", "1.0"):
                raise error(2, number, "sync.record.format", value=_text(value))
            elif first == "office":
                office = _text(value) or None
            elif first == "id":
                header = number
            continue
        if not first:
            continue
        activity_id = first
        if activity_id in rows:
            raise error(1, number, "sync.record.duplicate", id=activity_id)
        status = _text(value)
        if status not in {member.value for member in Status}:
            raise error(2, number, "sync.record.bad_status", value=status)
        fields: dict[str, Status | dt.date | None] = {"status": Status(status)}
        for column, name in ((3, "actual_start"), (4, "actual_finish")):
            fields[name] = _day(cells[column - 1] if len(cells) >= column else None,
                                lambda text, c=column, n=number: error(c, n, "sync.record.bad_date", value=text))
        rows[activity_id] = fields
    if header is None:
        raise NavplanError("sync.record.no_header", file=book.path, field=title,
                           hint=Message("sync.record.hint", sheet=title))
    return ExportRecord(office, rows)


def _day(value: Any, error) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise error(_text(value)) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise error(_text(value))
    return day


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
