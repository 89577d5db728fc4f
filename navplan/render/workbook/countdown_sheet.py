"""The workbook's first sheet: the countdown calendar as a Gantt chart.

Its layout is a contract with `navplan sync` (docs/workbook-layout.md):
rows 1-4 are title, subtitle, T-minus and header; columns A-J are fixed;
the periods start at column K; activities start at row 5.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

import navplan
from navplan.engine.deadlines import Period
from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.messages import format_date, format_short_month, format_week, t
from navplan.plan.values import Status
from navplan.render.workbook.cells import (
    AS_OF, BOLD, CRITICAL, DONE, HEADER, HEADER_BORDER, OPENING, OTHER, ROW_LINE, SUMMARY_BAR, TITLE, WARNING,
    fill, fit_width, font, footer, header_row, print_setup, put, set_widths,
)
from navplan.render.labels import role_title

COLUMNS = ["col.id", "col.activity", "col.role", "col.owner", "col.start_by", "col.finish_by", "col.slack",
           "col.status", "col.actual_start", "col.actual_finish"]
STATUS_COLUMN = 8
FIRST_PERIOD_COLUMN = len(COLUMNS) + 1  # K
TITLE_ROW, SUBTITLE_ROW, COUNTDOWN_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4, 5
MILESTONE = "◆"

OPENING_DARK = "38761D"
AS_OF_LINE = Side(style="medium", color="BF9000")
OPENING_LINE = Side(style="medium", color=OPENING_DARK)


def write_countdown(ws: Worksheet, schedule: Schedule, periods: list[Period], lang: str, by: str,
                    shown: set[str] | None = None) -> None:
    plan = schedule.project.plan
    ws.title = t("sheet.countdown", lang)
    put(ws, TITLE_ROW, 1, t("xlsx.title", lang, office=plan.office, date=format_date(plan.opening, lang)), font=TITLE)
    put(ws, SUBTITLE_ROW, 1, t("xlsx.subtitle", lang, as_of=format_date(schedule.as_of, lang),
                               version=navplan.__version__, template=t(f"template.{plan.template}", lang),
                               handbook=plan.handbook))
    _legend(ws, lang)
    header_row(ws, HEADER_ROW, [t(key, lang) for key in COLUMNS])
    _period_headers(ws, periods, lang, by)

    rows = [s for s in schedule.activities.values() if shown is None or s.id in shown]
    spans = _bar_spans(schedule)
    last_column = FIRST_PERIOD_COLUMN + len(periods) - 1
    for row, scheduled in enumerate(rows, start=FIRST_ROW):
        for column in range(1, last_column + 1):
            # A hairline under every row: the eye has a long way to go from a title to its bar.
            ws.cell(row=row, column=column).border = Border(bottom=ROW_LINE)
        _activity_cells(ws, row, schedule, scheduled, lang)
        _bar(ws, row, scheduled, spans.get(scheduled.id), periods, scheduled.id == schedule.project.opening_id)
    last_row = FIRST_ROW + len(rows) - 1
    _mark_period_lines(ws, periods, last_row)
    _status_validation(ws, schedule, rows, lang)
    _layout(ws, schedule, rows, periods, lang, by, last_row)


def _legend(ws: Worksheet, lang: str) -> None:
    """Row 3 left of the periods is free: the key to the bars, printed on every page."""
    put(ws, COUNTDOWN_ROW, 3, t("xlsx.legend.critical", lang), fill_colour=CRITICAL)
    put(ws, COUNTDOWN_ROW, 4, t("xlsx.legend.other", lang), fill_colour=OTHER)
    put(ws, COUNTDOWN_ROW, 5, t("xlsx.legend.done", lang), fill_colour=DONE)
    put(ws, COUNTDOWN_ROW, 6, t("xlsx.legend.summary", lang)).border = Border(bottom=SUMMARY_BAR)
    put(ws, COUNTDOWN_ROW, 8, t("xlsx.legend.milestone", lang))
    put(ws, COUNTDOWN_ROW, 10, t("xlsx.legend.as_of", lang), fill_colour=AS_OF,
        alignment=Alignment(horizontal="right"))


def _period_headers(ws: Worksheet, periods: list[Period], lang: str, by: str) -> None:
    centre = Alignment(horizontal="center")
    upright = Alignment(horizontal="center", vertical="bottom", text_rotation=90)
    for index, period in enumerate(periods):
        column = FIRST_PERIOD_COLUMN + index
        countdown = _t_minus(period.countdown)
        label = format_week(period.first_day, lang) if by == "week" else format_short_month(period.first_day, lang)
        colour = AS_OF if period.contains_as_of else (OPENING if period.contains_opening else None)
        put(ws, COUNTDOWN_ROW, column, countdown, font=font(size=8), alignment=centre, fill_colour=colour)
        put(ws, HEADER_ROW, column, label, font=font(bold=True, size=10), alignment=upright,
            fill_colour=colour or HEADER).border = HEADER_BORDER


def _t_minus(countdown: int) -> str:
    """'T-52' before the opening's period, 'T' in it, 'T+2' after (an as-of date past the opening).

    >>> _t_minus(52), _t_minus(0), _t_minus(-2)
    ('T-52', 'T', 'T+2')
    """
    if countdown == 0:
        return "T"
    return f"T-{countdown}" if countdown > 0 else f"T+{-countdown}"


def _activity_cells(ws: Worksheet, row: int, schedule: Schedule, scheduled: ScheduledActivity, lang: str) -> None:
    activity = scheduled.activity
    done = scheduled.status is Status.DONE
    summary = activity.is_summary or activity.id == schedule.project.opening_id
    weight = BOLD if summary else None
    late = scheduled.status is Status.NOT_STARTED and scheduled.dates["latest_start"] < schedule.as_of
    put(ws, row, 1, activity.id, font=weight)
    put(ws, row, 2, activity.title.get(lang), font=weight, alignment=Alignment(horizontal="left", indent=scheduled.level))
    put(ws, row, 3, role_title(schedule, activity.role, lang))
    put(ws, row, 4, activity.owner or "")
    if not done:
        # A done activity's latest dates say nothing anyone can act on; its actual dates do.
        put(ws, row, 5, scheduled.dates["latest_start"], font=font(colour=WARNING, bold=True) if late else None)
        put(ws, row, 6, scheduled.dates["latest_finish"])
    warn = scheduled.slack is not None and (scheduled.slack < 0 or scheduled.critical)
    put(ws, row, 7, scheduled.slack, font=font(colour=WARNING, bold=True) if warn else None)
    put(ws, row, STATUS_COLUMN, t(f"status.{scheduled.status.value}", lang), font=weight)
    put(ws, row, 9, activity.actual_start)
    put(ws, row, 10, activity.actual_finish)
    ws.row_dimensions[row].outline_level = scheduled.level


def _bar_spans(schedule: Schedule) -> dict[str, tuple[dt.date, dt.date]]:
    """What each bar covers: open work from its latest start (or, once started,
    its actual start) to its latest finish; done work over its actual dates.
    A summary spans its children's bars, so it brackets what is drawn below it."""
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    for scheduled in schedule.activities.values():
        if scheduled.activity.is_summary:
            continue
        dates = scheduled.dates
        if scheduled.status is Status.DONE:
            spans[scheduled.id] = (dates["earliest_start"], dates["earliest_finish"])
        elif scheduled.status is Status.STARTED:
            spans[scheduled.id] = (dates["earliest_start"], dates["latest_finish"])
        else:
            spans[scheduled.id] = (dates["latest_start"], dates["latest_finish"])
    for scheduled in reversed(schedule.activities.values()):  # children before parents
        children = [spans[c] for c in scheduled.activity.children if c in spans]
        if scheduled.activity.is_summary and children:
            spans[scheduled.id] = (min(c[0] for c in children), max(c[1] for c in children))
    return spans


def _period_index(periods: list[Period], day: dt.date) -> int:
    return next(index for index, period in enumerate(periods) if period.first_day <= day <= period.last_day)


def _bar(ws: Worksheet, row: int, scheduled: ScheduledActivity, span: tuple[dt.date, dt.date] | None,
         periods: list[Period], opening: bool) -> None:
    if span is None or not periods:
        return
    start, end = span
    if end < periods[0].first_day or start > periods[-1].last_day:
        return  # entirely before the as-of period: it is history, and the actual dates say when
    first = _period_index(periods, max(start, periods[0].first_day))
    last = _period_index(periods, min(end, periods[-1].last_day))
    colour = DONE if scheduled.status is Status.DONE else (CRITICAL if scheduled.critical else OTHER)
    if scheduled.activity.is_milestone:
        put(ws, row, FIRST_PERIOD_COLUMN + last, MILESTONE, alignment=Alignment(horizontal="center"),
            font=font(bold=True, size=12, colour=OPENING_DARK if opening else colour))
        return
    for index in range(first, last + 1):
        cell = ws.cell(row=row, column=FIRST_PERIOD_COLUMN + index)
        if scheduled.activity.is_summary:
            cell.border = Border(bottom=SUMMARY_BAR)
        else:
            cell.fill = fill(colour)


def _mark_period_lines(ws: Worksheet, periods: list[Period], last_row: int) -> None:
    """A line down the left of the as-of and the opening period, so "now" and
    "the day" stay visible however far the sheet scrolls."""
    for index, period in enumerate(periods):
        side = AS_OF_LINE if period.contains_as_of else (OPENING_LINE if period.contains_opening else None)
        if side is None:
            continue
        for row in range(COUNTDOWN_ROW, last_row + 1):
            cell = ws.cell(row=row, column=FIRST_PERIOD_COLUMN + index)
            cell.border = Border(left=side, bottom=cell.border.bottom)


def _status_validation(ws: Worksheet, schedule: Schedule, rows: list[ScheduledActivity], lang: str) -> None:
    """A dropdown on the rows whose status is someone's to set (sync reads only
    those); summaries and the opening take their status from their steps."""
    words = [t(f"status.{status.value}", lang) for status in Status]
    validation = DataValidation(type="list", formula1='"' + ",".join(words) + '"', allow_blank=True,
                                showErrorMessage=True, error=", ".join(words))
    column = get_column_letter(STATUS_COLUMN)
    settable = [row for row, scheduled in enumerate(rows, start=FIRST_ROW)
                if not scheduled.activity.is_summary and scheduled.id != schedule.project.opening_id]
    for first, last in _runs(settable):
        validation.add(f"{column}{first}:{column}{last}")
    ws.add_data_validation(validation)


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive numbers as (first, last) pairs.

    >>> _runs([6, 7, 9, 11, 12, 13])
    [(6, 7), (9, 9), (11, 13)]
    """
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def _layout(ws: Worksheet, schedule: Schedule, rows: list[ScheduledActivity], periods: list[Period], lang: str,
            by: str, last_row: int) -> None:
    plan = schedule.project.plan
    status_words = [t(f"status.{status.value}", lang) for status in Status]
    widths = {
        1: fit_width([s.id for s in rows] + [t("col.id", lang)], 6, 10),
        2: fit_width(["  " * s.level + s.activity.title.get(lang) for s in rows], 30, 64),
        3: fit_width([role_title(schedule, s.activity.role, lang) for s in rows], 12, 22),
        4: fit_width([s.activity.owner or "" for s in rows], 10, 26),
        5: 12.5, 6: 12.5, 7: 7, 8: fit_width(status_words, 11, 14), 9: 12.5, 10: 12.5,
    }
    period_width = 4.6 if by == "week" else 6
    widths.update({FIRST_PERIOD_COLUMN + i: period_width for i in range(len(periods))})
    set_widths(ws, widths)
    ws.row_dimensions[HEADER_ROW].height = 58
    ws.sheet_properties.outlinePr.summaryBelow = False
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=FIRST_PERIOD_COLUMN).coordinate
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{last_row}"
    print_setup(ws, f"{TITLE_ROW}:{HEADER_ROW}")
    footer(ws, plan.office, t("xlsx.footer.as_of", lang, date=format_date(schedule.as_of, lang)),
           t("xlsx.footer.page", lang))
