"""The workbook's Arbeidsmengde sheet (*Workload*), when the plan gives capacity: what each
role, person and resource carries at once, period by period, by the planned dates (as
`navplan workload` says it); a period above the capacity in red."""

from __future__ import annotations

from navplan.engine.schedule import Schedule
from navplan.features.workload import whole, workload
from navplan.messages import format_month, format_week, t
from navplan.render import palette
from navplan.render.labels import levelling_reason
from navplan.render.workbook.plan_sheets import WRAP_TOP, page_setup
from navplan.render.workbook.sheet_model import HAIR, Sheet, fit_heights, header_row
from navplan.render.workload_terminal import levelled_line

COLUMNS = ["col.resource", "col.capacity", "col.period", "col.from", "col.to", "col.carried", "col.activities"]


def workload_sheet(schedule: Schedule, lang: str, by: str = "week") -> Sheet:
    """One row per resource and period in which it carries anything; its name and capacity on its first row."""
    sheet = Sheet(t("sheet.workload", lang))
    sheet.put(1, 1, levelled_line(schedule, lang), bold=True)
    row = 2
    reason = levelling_reason(schedule)
    if reason is not None:
        sheet.put(row, 1, reason.render(lang), colour=palette.WARNING, bold=True)
        row += 1
    header = row + 1
    labels = [t(key, lang) for key in COLUMNS]
    labels[2] = t("col.week" if by == "week" else "col.month", lang)
    header_row(sheet, header, labels)
    row = header + 1
    for load in workload(schedule, by):
        first = True
        for period in load.busy:
            label = format_week(period.first_day, lang) if by == "week" else format_month(period.first_day, lang)
            values = [load.title.get(lang) if first else None,
                      (whole(load.capacity) if load.capacity is not None else None) if first else None,
                      label, period.first_day, period.last_day, whole(period.planned), ", ".join(period.activities)]
            for column, value in enumerate(values, start=1):
                sheet.put(row, column, value, **WRAP_TOP, bold=column == 1, top=HAIR if first else None)
            if period.over:
                sheet.style(row, 6, colour=palette.WARNING, bold=True)
            first = False
            row += 1
    sheet.widths = {1: 24, 2: 10, 3: 14, 4: 12, 5: 12, 6: 10, 7: 50}
    fit_heights(sheet, header + 1, max(sheet.max_row, header + 1))
    sheet.freeze = (header + 1, 1)
    sheet.page = page_setup(sheet, schedule, lang, (header, header))
    return sheet
