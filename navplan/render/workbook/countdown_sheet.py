"""The workbook's first sheet: the countdown calendar as a Gantt chart.

Its layout is a contract with `navplan sync` (docs/workbook-layout.md):
rows 1-4 are title, subtitle, T-minus and header; columns A-J are fixed;
the periods start at column K; activities start at row 5.
"""

from __future__ import annotations

import datetime as dt

import navplan
from navplan.engine.deadlines import Period
from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.messages import format_date, format_short_month, format_week, t
from navplan.plan.values import Status
from navplan.render import palette
from navplan.render.gantt_bars import Span, bar_colour, bar_spans
from navplan.render.labels import role_title
from navplan.render.workbook.sheet_model import (
    AS_OF_EDGE, HAIR, OPENING_EDGE, SUMMARY_BAR, THIN, Choice, PageSetup, Sheet, fit_width, header_row, runs,
)

COLUMNS = ["col.id", "col.activity", "col.role", "col.owner", "col.start_by", "col.finish_by", "col.slack",
           "col.status", "col.actual_start", "col.actual_finish"]
STATUS_COLUMN = 8
FIRST_PERIOD_COLUMN = len(COLUMNS) + 1  # K
TITLE_ROW, SUBTITLE_ROW, COUNTDOWN_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4, 5
MILESTONE = "◆"


def countdown_sheet(schedule: Schedule, periods: list[Period], lang: str, by: str) -> Sheet:
    plan = schedule.project.plan
    sheet = Sheet(t("sheet.countdown", lang))
    sheet.put(TITLE_ROW, 1, t("xlsx.title", lang, office=plan.office, date=format_date(plan.opening, lang)),
              bold=True, size=14)
    sheet.put(SUBTITLE_ROW, 1, t("xlsx.subtitle", lang, as_of=format_date(schedule.as_of, lang),
                                 version=navplan.__version__, template=plan.template, handbook=plan.handbook))
    _legend(sheet, lang)
    header_row(sheet, HEADER_ROW, [t(key, lang) for key in COLUMNS])
    _period_headers(sheet, periods, lang, by)

    rows = list(schedule.activities.values())
    spans = bar_spans(schedule)
    last_column = FIRST_PERIOD_COLUMN + len(periods) - 1
    for row, scheduled in enumerate(rows, start=FIRST_ROW):
        for column in range(1, last_column + 1):
            # A hairline under every row: the eye has a long way to go from a title to its bar.
            sheet.style(row, column, bottom=HAIR)
        _activity_cells(sheet, row, schedule, scheduled, lang)
        _bar(sheet, row, scheduled, spans.get(scheduled.id), periods, scheduled.id == schedule.project.opening_id)
    last_row = FIRST_ROW + len(rows) - 1
    _mark_period_lines(sheet, periods, last_row)
    _status_choice(sheet, schedule, rows, lang)
    _layout(sheet, schedule, rows, periods, lang, by, last_row)
    return sheet


def _legend(sheet: Sheet, lang: str) -> None:
    """Row 3 left of the periods is free: the key to the bars, printed on every page."""
    sheet.put(COUNTDOWN_ROW, 3, t("xlsx.legend.critical", lang), fill=palette.CRITICAL)
    sheet.put(COUNTDOWN_ROW, 4, t("xlsx.legend.other", lang), fill=palette.OTHER)
    sheet.put(COUNTDOWN_ROW, 5, t("xlsx.legend.done", lang), fill=palette.DONE)
    sheet.put(COUNTDOWN_ROW, 6, t("xlsx.legend.summary", lang), bottom=SUMMARY_BAR)
    sheet.put(COUNTDOWN_ROW, 8, t("xlsx.legend.milestone", lang))
    sheet.put(COUNTDOWN_ROW, 10, t("xlsx.legend.as_of", lang), fill=palette.AS_OF, horizontal="right")


def _period_headers(sheet: Sheet, periods: list[Period], lang: str, by: str) -> None:
    for index, period in enumerate(periods):
        column = FIRST_PERIOD_COLUMN + index
        label = format_week(period.first_day, lang) if by == "week" else format_short_month(period.first_day, lang)
        colour = palette.AS_OF if period.contains_as_of else (palette.OPENING if period.contains_opening else None)
        sheet.put(COUNTDOWN_ROW, column, _t_minus(period.countdown), size=8, horizontal="center", fill=colour)
        sheet.put(HEADER_ROW, column, label, bold=True, size=10, horizontal="center", vertical="bottom", upright=True,
                  fill=colour or palette.HEADER, bottom=THIN)


def _t_minus(countdown: int) -> str:
    """'T-52' before the opening's period, 'T' in it, 'T+2' after (an as-of date past the opening).

    >>> _t_minus(52), _t_minus(0), _t_minus(-2)
    ('T-52', 'T', 'T+2')
    """
    if countdown == 0:
        return "T"
    return f"T-{countdown}" if countdown > 0 else f"T+{-countdown}"


def _activity_cells(sheet: Sheet, row: int, schedule: Schedule, scheduled: ScheduledActivity, lang: str) -> None:
    activity = scheduled.activity
    done = scheduled.status is Status.DONE
    summary = activity.is_summary or activity.id == schedule.project.opening_id
    late = scheduled.status is Status.NOT_STARTED and scheduled.dates["latest_start"] < schedule.as_of
    sheet.put(row, 1, activity.id, bold=summary)
    sheet.put(row, 2, activity.title.get(lang), bold=summary, horizontal="left", indent=scheduled.level)
    sheet.put(row, 3, role_title(schedule, activity.role, lang))
    sheet.put(row, 4, activity.owner or "")
    if not done:
        # A done activity's latest dates say nothing anyone can act on; its actual dates do.
        sheet.put(row, 5, scheduled.dates["latest_start"], **_warning(late))
        sheet.put(row, 6, scheduled.dates["latest_finish"])
    warn = scheduled.slack is not None and (scheduled.slack < 0 or scheduled.critical)
    sheet.put(row, 7, scheduled.slack, **_warning(warn))
    sheet.put(row, STATUS_COLUMN, t(f"status.{scheduled.status.value}", lang), bold=summary)
    sheet.put(row, 9, activity.actual_start)
    sheet.put(row, 10, activity.actual_finish)
    sheet.outline[row] = scheduled.level


def _warning(on: bool) -> dict:
    return {"colour": palette.WARNING, "bold": True} if on else {}


def _period_index(periods: list[Period], day: dt.date) -> int:
    return next(index for index, period in enumerate(periods) if period.first_day <= day <= period.last_day)


def _bar(sheet: Sheet, row: int, scheduled: ScheduledActivity, span: Span | None, periods: list[Period],
         opening: bool) -> None:
    if span is None or not periods:
        return
    start, end = span
    if end < periods[0].first_day or start > periods[-1].last_day:
        return  # entirely before the as-of period: it is history, and the actual dates say when
    first = _period_index(periods, max(start, periods[0].first_day))
    last = _period_index(periods, min(end, periods[-1].last_day))
    colour = bar_colour(scheduled)
    if scheduled.activity.is_milestone:
        sheet.put(row, FIRST_PERIOD_COLUMN + last, MILESTONE, horizontal="center", bold=True, size=12,
                  colour=palette.OPENING_LINE if opening else colour)
        return
    for index in range(first, last + 1):
        if scheduled.activity.is_summary:
            sheet.style(row, FIRST_PERIOD_COLUMN + index, bottom=SUMMARY_BAR)
        else:
            sheet.style(row, FIRST_PERIOD_COLUMN + index, fill=colour)


def _mark_period_lines(sheet: Sheet, periods: list[Period], last_row: int) -> None:
    """A line down the left of the as-of and the opening period, so "now" and
    "the day" stay visible however far the sheet scrolls."""
    for index, period in enumerate(periods):
        side = AS_OF_EDGE if period.contains_as_of else (OPENING_EDGE if period.contains_opening else None)
        if side is None:
            continue
        for row in range(COUNTDOWN_ROW, last_row + 1):
            sheet.style(row, FIRST_PERIOD_COLUMN + index, left=side)


def _status_choice(sheet: Sheet, schedule: Schedule, rows: list[ScheduledActivity], lang: str) -> None:
    """A dropdown on the rows whose status is someone's to set (sync reads only
    those); summaries and the opening take their status from their steps."""
    words = tuple(t(f"status.{status.value}", lang) for status in Status)
    settable = [row for row, scheduled in enumerate(rows, start=FIRST_ROW)
                if not scheduled.activity.is_summary and scheduled.id != schedule.project.opening_id]
    sheet.choices.append(Choice(words, STATUS_COLUMN, runs(settable)))


def _layout(sheet: Sheet, schedule: Schedule, rows: list[ScheduledActivity], periods: list[Period], lang: str,
            by: str, last_row: int) -> None:
    plan = schedule.project.plan
    status_words = [t(f"status.{status.value}", lang) for status in Status]
    sheet.widths = {
        1: fit_width([s.id for s in rows] + [t("col.id", lang)], 6, 10),
        2: fit_width(["  " * s.level + s.activity.title.get(lang) for s in rows], 30, 64),
        3: fit_width([role_title(schedule, s.activity.role, lang) for s in rows], 12, 22),
        4: fit_width([s.activity.owner or "" for s in rows], 10, 26),
        5: 12.5, 6: 12.5, 7: 7, 8: fit_width(status_words, 11, 14), 9: 12.5, 10: 12.5,
    }
    period_width = 4.6 if by == "week" else 6
    sheet.widths.update({FIRST_PERIOD_COLUMN + i: period_width for i in range(len(periods))})
    sheet.heights[HEADER_ROW] = 58
    sheet.freeze = (FIRST_ROW, FIRST_PERIOD_COLUMN)
    sheet.filter = (HEADER_ROW, 1, last_row, len(COLUMNS))
    sheet.page = PageSetup(title_rows=(TITLE_ROW, HEADER_ROW), footer=(
        plan.office[:100], t("xlsx.footer.as_of", lang, date=format_date(schedule.as_of, lang)),
        t("xlsx.footer.page", lang)))
