"""The workbook's record of the plan as exported: a hidden sheet `navplan sync` reads.

A cell people did not touch still says what the plan said when the workbook
was made; sync compares three ways (the record, the workbook, the plan now),
so a workbook synced after the plan moved on does not undo what happened
meanwhile. The record holds the office the workbook was made for, exactly,
and for every task and milestone the three fields sync reads, as the plan
file writes them (``done``, ``2027-02-10``), in either language the same.
Its layout is a contract with :mod:`navplan.features.workbook_record`.
"""

from __future__ import annotations

from navplan.messages import t
from navplan.plan.project import Project
from navplan.render.workbook.sheet_model import Sheet

#: The record's sheet name, the same in both languages.
RECORD_SHEET = "navplan"
#: Bumped when the layout changes; sync refuses a record it does not know.
RECORD_FORMAT = 1
FIELDS = ("status", "actual_start", "actual_finish")
HEADER_ROW = 5


def record_sheet(project: Project, lang: str) -> Sheet:
    sheet = Sheet(RECORD_SHEET, hidden=True)
    sheet.put(1, 1, t("xlsx.record.note", lang))
    sheet.put(2, 1, "format")
    sheet.put(2, 2, str(RECORD_FORMAT))
    sheet.put(3, 1, "office")
    sheet.put(3, 2, project.plan.office)
    for column, name in enumerate(("id", *FIELDS), start=1):
        sheet.put(HEADER_ROW, column, name, bold=True)
    row = HEADER_ROW
    for activity in project.activities.values():
        if activity.is_summary or activity.dropped or activity.id == project.opening_id:
            continue
        row += 1
        sheet.put(row, 1, activity.id)
        sheet.put(row, 2, activity.status.value)
        for column, day in ((3, activity.actual_start), (4, activity.actual_finish)):
            if day is not None:
                sheet.put(row, column, day.isoformat())  # text: the plan file's own words, in any spreadsheet
    sheet.widths = {1: 10, 2: 12, 3: 12, 4: 12}
    return sheet
