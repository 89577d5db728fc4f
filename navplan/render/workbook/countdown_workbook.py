"""The countdown workbook: the handbook's "Nedtellingskalender" as an .xlsx
file, with the critical path, opening criteria, roles and the plan's facts.

The first sheet's layout is a contract with `navplan sync`; see
docs/workbook-layout.md. openpyxl is imported here and in the sheet modules
only, so the commands that do not write workbooks never load it.
"""

from __future__ import annotations

import io

from openpyxl import Workbook

import navplan
from navplan.engine.deadlines import Period
from navplan.engine.schedule import Schedule
from navplan.render.workbook.countdown_sheet import write_countdown
from navplan.render.workbook.plan_sheets import write_about, write_criteria, write_critical_path, write_roles


def workbook_bytes(schedule: Schedule, periods: list[Period], lang: str = "nb", by: str = "week",
                   risk=None) -> bytes:
    """The whole workbook as the bytes of an .xlsx file; with ``risk`` (a
    :class:`~navplan.features.schedule_risk.RiskAnalysis`) it has a Risiko sheet."""
    workbook = Workbook()
    write_countdown(workbook.active, schedule, periods, lang, by)
    write_critical_path(workbook.create_sheet(), schedule, lang)
    if risk is not None:
        from navplan.render.workbook.risk_sheet import write_risk

        write_risk(workbook.create_sheet(), risk, lang)
    write_criteria(workbook.create_sheet(), schedule, lang)
    write_roles(workbook.create_sheet(), schedule, lang)
    write_about(workbook.create_sheet(), schedule, lang)
    workbook.properties.creator = f"navplan {navplan.__version__}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
