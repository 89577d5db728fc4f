"""The workbook's other sheets: the critical path, the opening criteria, the
roles, and what the workbook was made from."""

from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Alignment, Border
from openpyxl.worksheet.worksheet import Worksheet

import navplan
from navplan.engine.schedule import Schedule
from navplan.messages import format_date, t
from navplan.plan.values import Status
from navplan.render.workbook.cells import (
    AS_OF, BOLD, CRITICAL, DONE, OTHER, ROW_LINE, SUMMARY_BAR, TITLE, WARNING, WRAP_TOP, fit_heights, fit_width, font, footer, header_row,
    print_setup, put, set_widths,
)
from navplan.render.labels import role_title, verdict_lines

PATH_COLUMNS = ["col.id", "col.activity", "col.role", "col.start_by", "col.finish_by", "col.earliest_start",
                "col.earliest_finish", "col.slack", "col.status"]
_VERDICT_COLOURS = {"ok": "38761D", "tight": "BF9000", "fail": WARNING, "chain": WARNING, "missed": WARNING,
                    "deadline": "000000", "note": "1F4E79"}


def _finish(ws: Worksheet, schedule: Schedule, lang: str, title_rows: str | None = None) -> None:
    print_setup(ws, title_rows)
    footer(ws, schedule.project.plan.office,
           t("xlsx.footer.as_of", lang, date=format_date(schedule.as_of, lang)), t("xlsx.footer.page", lang))


def _activity_line(schedule: Schedule, activity_id: str, lang: str) -> str:
    return f"{activity_id} {schedule.project.activities[activity_id].title.get(lang)}"


def write_critical_path(ws: Worksheet, schedule: Schedule, lang: str) -> None:
    plan = schedule.project.plan
    ws.title = t("sheet.critical", lang)
    put(ws, 1, 1, t("critical_path.title", lang, office=plan.office, as_of=format_date(schedule.as_of, lang)),
        font=TITLE)
    row = 2
    for kind, text in verdict_lines(schedule, lang):
        put(ws, row, 1, text, font=font(bold=kind in ("ok", "tight", "fail"), colour=_VERDICT_COLOURS[kind]))
        row += 1
    row += 1
    # The critical path is the chain that decides the opening (earlier versions listed it twice).
    row = _path_table(ws, schedule, schedule.critical_path, row, t("sheet.critical", lang), lang)
    ids = list(schedule.critical_path)
    set_widths(ws, {1: fit_width(ids + ["ID"], 6, 10),
                    2: fit_width([schedule.activities[i].activity.title.get(lang) for i in ids], 30, 60),
                    3: fit_width([role_title(schedule, schedule.activities[i].activity.role, lang) for i in ids],
                                 12, 22),
                    4: 12, 5: 12, 6: 12, 7: 12, 8: 7, 9: 13})
    _finish(ws, schedule, lang)


def _path_table(ws: Worksheet, schedule: Schedule, ids: list[str], row: int, title: str, lang: str) -> int:
    """A heading, a header row and one row per activity; returns the next free row."""
    put(ws, row, 1, title, font=font(bold=True, size=12))
    header_row(ws, row + 1, [t(key, lang) for key in PATH_COLUMNS])
    row += 2
    for activity_id in ids:
        scheduled = schedule.activities[activity_id]
        dates = scheduled.dates
        values = [activity_id, scheduled.activity.title.get(lang), role_title(schedule, scheduled.activity.role, lang),
                  dates["latest_start"], dates["latest_finish"], dates["earliest_start"], dates["earliest_finish"],
                  scheduled.slack, t(f"status.{scheduled.status.value}", lang)]
        for column, value in enumerate(values, start=1):
            put(ws, row, column, value)
        if scheduled.slack is not None and scheduled.slack < 0:
            ws.cell(row=row, column=8).font = font(colour=WARNING, bold=True)
        row += 1
    return row


def write_criteria(ws: Worksheet, schedule: Schedule, lang: str) -> None:
    ws.title = t("sheet.criteria", lang)
    columns = ["col.number", "col.criterion", "col.statutory", "col.activities", "col.all_done", "col.done_count"]
    header_row(ws, 1, [t(key, lang) for key in columns])
    for row, criterion in enumerate(schedule.project.handbook.criteria, start=2):
        # A criterion may name an activity this plan dropped: it is listed, but cannot hold the criterion back.
        live = [i for i in criterion.activities if i in schedule.activities]
        done = [i for i in live if schedule.activities[i].status is Status.DONE]
        lines = [_activity_line(schedule, i, lang) + ("" if i in live else f" ({t('xlsx.dropped', lang)})")
                 for i in criterion.activities]
        all_done = len(done) == len(live)
        values = [criterion.number, criterion.text.get(lang), t("xlsx.statutory", lang) if criterion.statutory else "",
                  "\n".join(lines), t("xlsx.yes" if all_done else "xlsx.no", lang), f"{len(done)}/{len(live)}"]
        for column, value in enumerate(values, start=1):
            put(ws, row, column, value, alignment=WRAP_TOP, font=BOLD if column == 3 else None,
                fill_colour=DONE if column == 5 and all_done else None).border = Border(top=ROW_LINE)
    set_widths(ws, {1: 6, 2: 60, 3: 11, 4: 55, 5: 11, 6: 9})
    fit_heights(ws, 2, ws.max_row)
    ws.freeze_panes = "A2"
    _finish(ws, schedule, lang, "1:1")


def write_roles(ws: Worksheet, schedule: Schedule, lang: str) -> None:
    """One row per activity under its role, so the sheet filters by activity as
    well as by role; the role's own words stand on its first row."""
    ws.title = t("sheet.roles", lang)
    columns = ["col.role_title", "col.function", "col.employer", "col.id", "col.activity"]
    header_row(ws, 1, [t(key, lang) for key in columns])
    row = 2
    for role in schedule.project.handbook.roles:
        mine = [s for s in schedule.activities.values() if s.activity.role == role.id]
        employer = t(f"employer.{role.employer}", lang) if role.employer else ""
        for column, value in enumerate([role.title.get(lang), role.function.get(lang), employer], start=1):
            put(ws, row, column, value, alignment=WRAP_TOP, font=BOLD if column == 1 else None)
        for column in range(1, len(columns) + 1):
            ws.cell(row=row, column=column).border = Border(top=ROW_LINE)
        for offset, scheduled in enumerate(mine or [None]):
            if scheduled is not None:
                put(ws, row + offset, 4, scheduled.id, alignment=WRAP_TOP)
                put(ws, row + offset, 5, scheduled.activity.title.get(lang), alignment=WRAP_TOP)
        row += max(1, len(mine))
    set_widths(ws, {1: 28, 2: 50, 3: 18, 4: 9, 5: 62})
    fit_heights(ws, 2, ws.max_row)
    ws.freeze_panes = "A2"
    _finish(ws, schedule, lang, "1:1")


def _plan_file_name(file: str | None) -> str:
    """The plan's folder and file name: enough to find it, without the
    writer's own folders in a workbook that is passed around."""
    if not file:
        return ""
    path = Path(file)
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def write_about(ws: Worksheet, schedule: Schedule, lang: str) -> None:
    plan = schedule.project.plan
    ws.title = t("sheet.about", lang)
    put(ws, 1, 1, t("sheet.about", lang), font=TITLE)
    facts = [
        ("xlsx.about.office", plan.office),
        ("xlsx.about.municipalities", ", ".join(plan.municipalities)),
        ("xlsx.about.opening", plan.opening),
        ("xlsx.about.template", plan.template),
        ("xlsx.about.handbook", plan.handbook),
        ("xlsx.about.as_of", schedule.as_of),
        ("xlsx.about.version", navplan.__version__),
        ("xlsx.about.plan_file", _plan_file_name(schedule.project.file)),
        ("xlsx.about.generated", t("xlsx.about.generated_text", lang, version=navplan.__version__)),
    ]
    row = 3
    for key, value in facts:
        put(ws, row, 1, t(key, lang), font=BOLD, alignment=WRAP_TOP)
        put(ws, row, 2, value, alignment=Alignment(wrap_text=True, vertical="top", horizontal="left"))
        row += 1
    row += 1
    put(ws, row, 1, t("xlsx.about.legend", lang), font=font(bold=True, size=12))
    put(ws, row + 1, 2, t("xlsx.about.legend_text", lang), alignment=WRAP_TOP)
    legend = [("xlsx.legend.critical", CRITICAL), ("xlsx.legend.other", OTHER), ("xlsx.legend.done", DONE)]
    for offset, (key, colour) in enumerate(legend, start=1):
        put(ws, row + offset, 1, t(key, lang), fill_colour=colour, alignment=WRAP_TOP)
    put(ws, row + 4, 1, t("xlsx.legend.summary", lang)).border = Border(bottom=SUMMARY_BAR)
    put(ws, row + 5, 1, t("xlsx.legend.milestone", lang))
    put(ws, row + 6, 1, t("xlsx.legend.as_of", lang), fill_colour=AS_OF)
    set_widths(ws, {1: 22, 2: 80})
    fit_heights(ws, 3, ws.max_row)
    _finish(ws, schedule, lang)
