"""The countdown workbook: the handbook's "Nedtellingskalender" as an .xlsx or
.ods file, with the critical path, opening criteria, roles, the sources (when the
plan uses the current layer) and the plan's facts.

The sheets are decided once, as a :class:`~navplan.render.workbook.sheet_model.Book`,
and written by the writer of the format asked for. The first sheet's layout
is a contract with `navplan sync`; see docs/workbook-layout.md.
"""

from __future__ import annotations

import navplan
from navplan.engine.deadlines import Period
from navplan.engine.schedule import Schedule
from navplan.render.workbook.countdown_sheet import countdown_sheet
from navplan.render.workbook.plan_sheets import (
    about_sheet,
    criteria_sheet,
    critical_path_sheet,
    roles_sheet,
    sources_sheet,
)
from navplan.render.workbook.record_sheet import record_sheet
from navplan.render.workbook.sheet_model import Book


def countdown_book(schedule: Schedule, periods: list[Period], lang: str = "nb", by: str = "week",
                   dates: str = "latest", shown: set[str] | None = None, risk=None, verdict=None) -> Book:
    """With ``risk`` (a :class:`~navplan.features.schedule_risk.RiskAnalysis`) the
    book has a Risiko sheet after the critical path; ``verdict`` (navplan.features.verdict)
    stands at the top of the countdown and of the critical path's sheet."""
    sheets = [countdown_sheet(schedule, periods, lang, by, dates, shown, verdict),
              critical_path_sheet(schedule, lang, verdict)]
    if risk is not None:
        from navplan.render.workbook.risk_sheet import risk_sheet

        sheets.append(risk_sheet(risk, lang))
    sheets += [criteria_sheet(schedule, lang), roles_sheet(schedule, lang)]
    if schedule.project.resources:
        # What each person carries week by week, against the capacity the plan gives.
        from navplan.render.workbook.workload_sheet import workload_sheet

        sheets.append(workload_sheet(schedule, lang, by))
    if schedule.project.plan.current is not None:
        # Where each activity comes from, when the plan lays the current layer over the handbook.
        sheets.append(sources_sheet(schedule, lang))
    sheets.append(about_sheet(schedule, lang))
    # Last and hidden: what the plan said as exported, so `navplan sync` can tell an edit from a cell left alone.
    sheets.append(record_sheet(schedule.project, lang))
    return Book(sheets, creator=f"navplan {navplan.__version__}")


def book_bytes(book: Book, file_format: str = "xlsx") -> bytes:
    """The book as the bytes of an .xlsx or .ods file."""
    if file_format == "ods":
        from navplan.render.workbook.ods_writer import ods_bytes

        return ods_bytes(book)
    from navplan.render.workbook.xlsx_writer import xlsx_bytes

    return xlsx_bytes(book)


def workbook_bytes(schedule: Schedule, periods: list[Period], lang: str = "nb", by: str = "week",
                   file_format: str = "xlsx", dates: str = "latest", shown: set[str] | None = None,
                   risk=None, verdict=None) -> bytes:
    """The whole countdown workbook as the bytes of an .xlsx (or .ods) file; the
    Gantt bars drawn on the latest dates, or on the forecast; ``shown``: the countdown's
    rows of a personal view; ``risk``: a Risiko sheet."""
    return book_bytes(countdown_book(schedule, periods, lang, by, dates, shown, risk, verdict), file_format)
