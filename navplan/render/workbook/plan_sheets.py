"""The workbook's other sheets: the critical path, the opening criteria, the
roles, and what the workbook was made from."""

from __future__ import annotations

from pathlib import Path

import navplan
from navplan.engine.schedule import Schedule
from navplan.messages import format_date, t
from navplan.plan.values import Status
from navplan.render import palette
from navplan.render.labels import baseline_line, role_title, under_verdict, verdict_headline, verdict_lines
from navplan.render.workbook.print_fit import pages_wide
from navplan.render.workbook.sheet_model import (
    HAIR,
    SUMMARY_BAR,
    PageSetup,
    Sheet,
    fit_heights,
    fit_width,
    header_row,
)

PATH_COLUMNS = ["col.id", "col.activity", "col.role", "col.start_by", "col.finish_by", "col.forecast_start",
                "col.forecast_finish", "col.slack", "col.status"]
_VERDICT_COLOURS = {"ok": palette.OPENING_LINE, "tight": palette.AS_OF_LINE, "fail": palette.WARNING,
                    "chain": palette.WARNING, "missed": palette.WARNING, "deadline": palette.TEXT,
                    "note": palette.NOTE}
#: With a baseline, the critical path's table says how each one stands against it.
BASELINE_COLUMNS = ["col.baseline_finish", "col.variance"]
WRAP_TOP = {"wrap": True, "vertical": "top"}


def page_setup(sheet: Sheet, schedule: Schedule, lang: str, title_rows: tuple[int, int] | None = None) -> PageSetup:
    """A4 landscape, as many pages wide as readable text takes (one for these
    sheets), the office and the sheet's title at the top of every page."""
    office = schedule.project.plan.office[:100]
    return PageSetup(
        fit_width=pages_wide(sheet, max(sheet.widths)), title_rows=title_rows,
        header=("", t("xlsx.page_header", lang, office=office, sheet=sheet.title), ""),
        footer=(office, t("xlsx.footer.as_of", lang, date=format_date(schedule.as_of, lang)),
                t("xlsx.footer.page", lang)))


def _activity_line(schedule: Schedule, activity_id: str, lang: str) -> str:
    return f"{activity_id} {schedule.project.activities[activity_id].title.get(lang)}"


def critical_path_sheet(schedule: Schedule, lang: str, verdict=None) -> Sheet:
    """The one verdict (when given) in its colour, whether the opening and every date hold, the plan
    against its baseline; the critical path (with each one's baseline finish and variance when
    there is a baseline); and, with a baseline, every activity that moved against it."""
    from navplan.features.baseline import compare_with_baseline

    plan = schedule.project.plan
    against = compare_with_baseline(schedule)
    sheet = Sheet(t("sheet.critical", lang))
    sheet.put(1, 1, t("critical_path.title", lang, office=plan.office, as_of=format_date(schedule.as_of, lang)),
              bold=True, size=14)
    row = 2
    if verdict is not None:
        sheet.put(row, 1, verdict_headline(verdict, lang), bold=True, fill=palette.VERDICT_FILL[verdict.colour])
        row += 1
    for kind, text in under_verdict(verdict_lines(schedule, lang), verdict):
        sheet.put(row, 1, text, bold=kind in ("ok", "tight", "fail"), colour=_VERDICT_COLOURS[kind])
        row += 1
    if against is not None:
        sheet.put(row, 1, baseline_line(against, lang),
                  colour=palette.WARNING if against.opening_variance > 0 else palette.TEXT)
        row += 1
    row += 1
    # The critical path is the chain that decides the opening (earlier versions listed it twice).
    header = row + 1
    row = _path_table(sheet, schedule, schedule.critical_path, row, t("sheet.critical", lang), lang, against)
    if against is not None and against.moved:
        row = _moved_table(sheet, schedule, against, row + 1, lang)
    ids = list(schedule.critical_path) + ([v.id for v in against.moved] if against is not None else [])
    sheet.widths = {1: fit_width(ids + ["ID"], 6, 10),
                    2: fit_width([schedule.activities[i].activity.title.get(lang) for i in ids], 30, 60),
                    3: fit_width([role_title(schedule, schedule.activities[i].activity.role, lang) for i in ids],
                                 12, 22),
                    4: 12, 5: 12, 6: 12, 7: 12, 8: 7, 9: 13}
    if against is not None:
        sheet.widths.update({10: 12, 11: 9})
    # A long path continues on a page of its own under the table's header (the page header names the sheet).
    sheet.page = page_setup(sheet, schedule, lang, (header, header))
    return sheet


def _path_table(sheet: Sheet, schedule: Schedule, ids: list[str], row: int, title: str, lang: str,
                against=None) -> int:
    """A heading, a header row and one row per activity (with a baseline, its baseline finish
    and variance); returns the next free row."""
    sheet.put(row, 1, title, bold=True, size=12)
    keys = PATH_COLUMNS + (BASELINE_COLUMNS if against is not None else [])
    header_row(sheet, row + 1, [t(key, lang) for key in keys])
    row += 2
    for activity_id in ids:
        scheduled = schedule.activities[activity_id]
        dates = scheduled.dates
        values = [activity_id, scheduled.activity.title.get(lang), role_title(schedule, scheduled.activity.role, lang),
                  dates["latest_start"], dates["latest_finish"], dates["earliest_start"], dates["earliest_finish"],
                  scheduled.slack, t(f"status.{scheduled.status.value}", lang)]
        varied = against.activities.get(activity_id) if against is not None else None
        if against is not None:
            values += [varied.baseline_finish if varied else None, varied.variance if varied else None]
        for column, value in enumerate(values, start=1):
            sheet.put(row, column, value)
        if scheduled.slack is not None and scheduled.slack < 0:
            sheet.style(row, 8, colour=palette.WARNING, bold=True)
        if varied is not None and varied.variance > 0:
            sheet.style(row, len(values), colour=palette.WARNING, bold=True)
        row += 1
    return row


def _moved_table(sheet: Sheet, schedule: Schedule, against, row: int, lang: str) -> int:
    """Every task and milestone whose planned dates are no longer the baseline's: what `diff` names too."""
    sheet.put(row, 1, t("baseline.section", lang, date=format_date(against.recorded, lang)), bold=True, size=12)
    keys = ["col.id", "col.activity", "col.baseline_start", "col.baseline_finish", "col.forecast_start",
            "col.forecast_finish", "col.variance"]
    header_row(sheet, row + 1, [t(key, lang) for key in keys])
    row += 2
    for varied in against.moved:
        values = [varied.id, schedule.activities[varied.id].activity.title.get(lang), varied.baseline_start,
                  varied.baseline_finish, varied.start, varied.finish, varied.variance]
        for column, value in enumerate(values, start=1):
            sheet.put(row, column, value)
        if varied.variance > 0:
            sheet.style(row, len(values), colour=palette.WARNING, bold=True)
        row += 1
    return row


def criteria_sheet(schedule: Schedule, lang: str) -> Sheet:
    sheet = Sheet(t("sheet.criteria", lang))
    columns = ["col.number", "col.criterion", "col.statutory", "col.activities", "col.all_done", "col.done_count"]
    header_row(sheet, 1, [t(key, lang) for key in columns])
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
            sheet.put(row, column, value, **WRAP_TOP, bold=column == 3,
                      fill=palette.DONE if column == 5 and all_done else None, top=HAIR)
    sheet.widths = {1: 6, 2: 60, 3: 11, 4: 55, 5: 11, 6: 9}
    fit_heights(sheet, 2, sheet.max_row)
    sheet.freeze = (2, 1)
    sheet.page = page_setup(sheet, schedule, lang, (1, 1))
    return sheet


def roles_sheet(schedule: Schedule, lang: str) -> Sheet:
    """One row per activity under its role, so the sheet filters by activity as
    well as by role; the role's own words stand on its first row."""
    sheet = Sheet(t("sheet.roles", lang))
    columns = ["col.role_title", "col.function", "col.employer", "col.id", "col.activity"]
    header_row(sheet, 1, [t(key, lang) for key in columns])
    row = 2
    for role in schedule.project.handbook.roles:
        mine = [s for s in schedule.activities.values() if s.activity.role == role.id]
        employer = t(f"employer.{role.employer}", lang) if role.employer else ""
        for column, value in enumerate([role.title.get(lang), role.function.get(lang), employer], start=1):
            sheet.put(row, column, value, **WRAP_TOP, bold=column == 1)
        for column in range(1, len(columns) + 1):
            sheet.style(row, column, top=HAIR)
        for offset, scheduled in enumerate(mine or [None]):
            if scheduled is not None:
                sheet.put(row + offset, 4, scheduled.id, **WRAP_TOP)
                sheet.put(row + offset, 5, scheduled.activity.title.get(lang), **WRAP_TOP)
        row += max(1, len(mine))
    sheet.widths = {1: 28, 2: 46, 3: 18, 4: 9, 5: 56}
    fit_heights(sheet, 2, sheet.max_row)
    sheet.freeze = (2, 1)
    sheet.page = page_setup(sheet, schedule, lang, (1, 1))
    return sheet


def sources_sheet(schedule: Schedule, lang: str) -> Sheet:
    """With the current layer: every activity with where it comes from (the handbook, a
    template, the layer) and its source, and the handbook's own title where the layer changed it."""
    from navplan.render.source_labels import layer_mark, source_text

    current = schedule.project.plan.current
    sheet = Sheet(t("sheet.sources", lang))
    columns = ["col.id", "col.activity", "col.from", "col.source", "col.handbook_title"]
    header_row(sheet, 1, [t(key, lang) for key in columns])
    row = 2
    for scheduled in schedule.activities.values():
        definition = scheduled.activity.definition
        if definition is None:
            mark, source, original = t("sources.local", lang), "", ""
        else:
            mark = layer_mark(definition, current, lang)
            cited = definition.source or definition.change_source
            source = source_text(cited, lang) if cited is not None else (
                t("handbook.page", lang, page=definition.page) if definition.page else "")
            original = definition.handbook_title.get(lang) if definition.handbook_title else ""
        for column, value in enumerate([scheduled.id, scheduled.activity.title.get(lang), mark, source, original],
                                       start=1):
            sheet.put(row, column, value, **WRAP_TOP, bold=column == 3 and definition is not None
                      and (definition.origin == "current" or definition.change_source is not None))
        row += 1
    sheet.widths = {1: 9, 2: 46, 3: 16, 4: 70, 5: 36}
    fit_heights(sheet, 2, sheet.max_row)
    sheet.freeze = (2, 1)
    sheet.page = page_setup(sheet, schedule, lang, (1, 1))
    return sheet


def _plan_file_name(file: str | None) -> str:
    """The plan's folder and file name: enough to find it, without the
    writer's own folders in a workbook that is passed around."""
    from navplan.errors import shown_path

    if not file:
        return ""
    path = Path(file)
    return shown_path(f"{path.parent.name}/{path.name}" if path.parent.name else path.name)


def about_sheet(schedule: Schedule, lang: str) -> Sheet:
    plan = schedule.project.plan
    sheet = Sheet(t("sheet.about", lang))
    sheet.put(1, 1, t("sheet.about", lang), bold=True, size=14)
    facts = [
        ("xlsx.about.office", plan.office),
        ("xlsx.about.municipalities", ", ".join(plan.municipalities)),
        ("xlsx.about.opening", plan.opening),
        ("xlsx.about.template", t(f"template.{plan.template}", lang)),
        ("xlsx.about.handbook", plan.handbook),
        ("xlsx.about.as_of", schedule.as_of),
        ("xlsx.about.version", navplan.__version__),
        ("xlsx.about.plan_file", _plan_file_name(schedule.project.file)),
        ("xlsx.about.generated", t("xlsx.about.generated_text", lang, version=navplan.__version__)),
    ]
    row = 3
    for key, value in facts:
        sheet.put(row, 1, t(key, lang), bold=True, **WRAP_TOP)
        sheet.put(row, 2, value, **WRAP_TOP, horizontal="left")
        row += 1
    row += 1
    sheet.put(row, 1, t("xlsx.about.legend", lang), bold=True, size=12)
    sheet.put(row + 1, 2, t("xlsx.about.legend_text", lang), **WRAP_TOP)
    legend = [("xlsx.legend.critical", palette.CRITICAL), ("xlsx.legend.other", palette.OTHER),
              ("xlsx.legend.done", palette.DONE)]
    for offset, (key, colour) in enumerate(legend, start=1):
        sheet.put(row + offset, 1, t(key, lang), fill=colour, **WRAP_TOP)
    sheet.put(row + 4, 1, t("xlsx.legend.summary", lang), bottom=SUMMARY_BAR)
    sheet.put(row + 5, 1, t("xlsx.legend.milestone", lang))
    sheet.put(row + 6, 1, t("xlsx.legend.as_of", lang), fill=palette.AS_OF)
    sheet.widths = {1: 22, 2: 80}
    fit_heights(sheet, 3, sheet.max_row)
    sheet.page = page_setup(sheet, schedule, lang)
    return sheet
