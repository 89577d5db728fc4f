"""The workbook's first sheet: the countdown calendar as a Gantt chart.

Its layout is a contract with `navplan sync` (docs/workbook-layout.md):
rows 1-4 are title, subtitle, T-minus and header; columns A-L are fixed;
the Gantt starts at column M (with a column «før» for work before the as-of
period when there is any, then one column per period, a long stretch of
periods without a bar in them as one column «…»); activities start at
row 5. Bars follow :mod:`navplan.render.gantt_bars`, the HTML report's rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import navplan
from navplan.engine.deadlines import Period
from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.messages import format_date, format_short_month, format_week, t
from navplan.plan.values import Status
from navplan.render import palette
from navplan.render.gantt_bars import Span, bar_colour, bar_spans
from navplan.render.labels import role_title, verdict_headline
from navplan.render.workbook.print_fit import print_across
from navplan.render.workbook.sheet_model import (
    AS_OF_EDGE,
    FONT_SIZE,
    HAIR,
    OPENING_EDGE,
    SUMMARY_BAR,
    THIN,
    Choice,
    PageSetup,
    Sheet,
    fit_heights,
    fit_width,
    header_row,
    runs,
    title_height,
)

#: The forecast (earliest, given progress) sits next to the latest dates: a forecast
#: finish after the latest finish is what the steering group must see.
COLUMNS = ["col.id", "col.activity", "col.role", "col.owner", "col.start_by", "col.finish_by", "col.forecast_start",
           "col.forecast_finish", "col.slack", "col.status", "col.actual_start", "col.actual_finish"]
COLUMN = {key: number for number, key in enumerate(COLUMNS, start=1)}
STATUS_COLUMN = COLUMN["col.status"]
FIRST_GANTT_COLUMN = len(COLUMNS) + 1  # M
TITLE_ROW, SUBTITLE_ROW, COUNTDOWN_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4, 5
#: The one verdict in A3, repeated on every printed page: small enough to keep within the two
#: lines of the legend's row, so the countdown prints on as many pages as without it.
VERDICT_SIZE = 9
MILESTONE = "◆"
#: A period loses this share of its weekdays to holidays before it is shaded as short.
SHORT_SHARE = 0.2
PERIOD_WIDTH = {"week": 3.6, "month": 5.5}
#: The narrowest a period's column is made so that the chart prints on fewer pages: its name, upright
#: in 10-point type, still fits.
NARROWEST_PERIOD = 2.0
#: A column narrower than this has its T-minus upright.
UPRIGHT_BELOW = 3.4
#: A stretch of at least this many periods in which no task's or milestone's bar runs (and which holds
#: neither the as-of date nor the opening) is one narrow column «…»: work three years after the opening
#: gets its own weeks, not 150 empty ones before them.
GAP_FROM = {"week": 8, "month": 3}
GAP = "…"
#: Columns a sheet may have: LibreOffice opens 1,024 (Excel 16,384), and the fixed columns A-L come first.
MAX_SHEET_COLUMNS = 1024
MAX_GANTT_COLUMNS = MAX_SHEET_COLUMNS - len(COLUMNS)


@dataclass(frozen=True)
class Slot:
    """One column of the chart: a period, or a stretch of periods without a bar (a gap)."""

    periods: tuple[Period, ...]

    @property
    def first_day(self) -> dt.date:
        return self.periods[0].first_day

    @property
    def last_day(self) -> dt.date:
        return self.periods[-1].last_day

    @property
    def gap(self) -> bool:
        return len(self.periods) > 1

    @property
    def period(self) -> Period:
        return self.periods[0]


@dataclass(frozen=True)
class Gantt:
    """Where the chart's columns are: the «før» column, if any, then the slots."""

    slots: list[Slot]
    before: bool

    @property
    def first_period_column(self) -> int:
        return FIRST_GANTT_COLUMN + (1 if self.before else 0)

    @property
    def last_column(self) -> int:
        return self.first_period_column + len(self.slots) - 1

    @property
    def width(self) -> int:
        """How many columns the chart takes, «før» included."""
        return len(self.slots) + (1 if self.before else 0)

    def columns(self, span: Span) -> list[int]:
        """The columns a bar over ``span`` fills; work before the first period goes into «før»."""
        start, end = span
        first_day, last_day = self.slots[0].first_day, self.slots[-1].last_day
        columns = [FIRST_GANTT_COLUMN] if self.before and start < first_day else []
        if end >= first_day and start <= last_day:
            first = _slot_index(self.slots, max(start, first_day))
            last = _slot_index(self.slots, min(end, last_day))
            columns += [self.first_period_column + index for index in range(first, last + 1)]
        return columns


def plan_gantt(schedule: Schedule, periods: list[Period], by: str, dates: str = "latest",
               shown: set[str] | None = None) -> Gantt:
    """The chart's columns for the rows shown: «før» when a bar begins before the first period,
    one column per period, and a column «…» for each long stretch of periods without a bar."""
    spans = bar_spans(schedule, dates)
    rows = [s for s in schedule.activities.values() if shown is None or s.id in shown]
    bars = [spans[s.id] for s in rows if s.id in spans and not s.activity.is_summary]
    before = bool(periods) and any(spans[s.id][0] < periods[0].first_day for s in rows if s.id in spans)
    return Gantt(_slots(periods, bars, GAP_FROM[by]), before)


def _slots(periods: list[Period], bars: list[Span], gap_from: int) -> list[Slot]:
    """Each period its own slot, except runs of ``gap_from`` or more empty periods, one slot each."""
    def empty(period: Period) -> bool:
        return not (period.contains_as_of or period.contains_opening or period.contains_forecast_opening
                    or any(start <= period.last_day and end >= period.first_day for start, end in bars))

    slots: list[Slot] = []
    run: list[Period] = []
    for period in [*periods, None]:
        if period is not None and empty(period):
            run.append(period)
            continue
        if len(run) >= gap_from:
            slots.append(Slot(tuple(run)))
        else:
            slots += [Slot((kept,)) for kept in run]
        run = []
        if period is not None:
            slots.append(Slot((period,)))
    return slots


def countdown_sheet(schedule: Schedule, periods: list[Period], lang: str, by: str, dates: str = "latest",
                    shown: set[str] | None = None, verdict=None) -> Sheet:
    """The countdown; ``shown``: the ids a personal view keeps (see features.personal_view.visible_ids);
    ``verdict`` (navplan.features.verdict), in its colour in A3, under the title on every page."""
    plan = schedule.project.plan
    sheet = Sheet(t("sheet.countdown", lang))
    sheet.put(TITLE_ROW, 1, t("xlsx.title", lang, office=plan.office, date=format_date(plan.opening, lang)),
              bold=True, size=14)
    sheet.put(SUBTITLE_ROW, 1, t("xlsx.subtitle", lang, as_of=format_date(schedule.as_of, lang),
                                 version=navplan.__version__, template=t(f"template.{plan.template}", lang),
                                 handbook=plan.handbook))
    _legend(sheet, lang)
    if verdict is not None:
        sheet.put(COUNTDOWN_ROW, 1, verdict_headline(verdict, lang), bold=True, size=VERDICT_SIZE,
                  fill=palette.VERDICT_FILL[verdict.colour])
    header_row(sheet, HEADER_ROW, [t(key, lang) for key in COLUMNS])
    spans = bar_spans(schedule, dates)
    gantt = plan_gantt(schedule, periods, by, dates, shown)
    _period_headers(sheet, gantt, lang, by)

    rows = [s for s in schedule.activities.values() if shown is None or s.id in shown]
    shades = _days_off(schedule, gantt)
    for row, scheduled in enumerate(rows, start=FIRST_ROW):
        for column in range(1, gantt.last_column + 1):
            # A hairline under every row: the eye has a long way to go from a title to its bar.
            sheet.style(row, column, bottom=HAIR, fill=shades.get(column))
        _activity_cells(sheet, row, schedule, scheduled, lang)
        _bar(sheet, row, scheduled, spans.get(scheduled.id), gantt, scheduled.id == schedule.project.opening_id)
        if scheduled.id == schedule.project.opening_id:
            _forecast_opening(sheet, row, schedule, gantt)
    last_row = FIRST_ROW + len(rows) - 1
    _mark_period_lines(sheet, gantt, last_row)
    _status_choice(sheet, schedule, rows, lang)
    _layout(sheet, schedule, rows, gantt, lang, by, last_row)
    return sheet


def _legend(sheet: Sheet, lang: str) -> None:
    """Row 3 left of the periods is free: the key to the chart, printed on every page."""
    sheet.put(COUNTDOWN_ROW, 3, t("xlsx.legend.critical", lang), fill=palette.CRITICAL)
    sheet.put(COUNTDOWN_ROW, 4, t("xlsx.legend.other", lang), fill=palette.OTHER)
    sheet.put(COUNTDOWN_ROW, 5, t("xlsx.legend.done", lang), fill=palette.DONE)
    sheet.put(COUNTDOWN_ROW, 6, t("xlsx.legend.summary", lang), bottom=SUMMARY_BAR)
    sheet.put(COUNTDOWN_ROW, 8, t("xlsx.legend.milestone", lang))
    sheet.put(COUNTDOWN_ROW, 9, t("xlsx.legend.days_off", lang), fill=palette.CLOSED)
    sheet.put(COUNTDOWN_ROW, FIRST_GANTT_COLUMN - 1, t("xlsx.legend.as_of", lang), fill=palette.AS_OF,
              horizontal="right")


def _period_headers(sheet: Sheet, gantt: Gantt, lang: str, by: str) -> None:
    if gantt.before:
        sheet.put(HEADER_ROW, FIRST_GANTT_COLUMN, t("xlsx.before", lang), bold=True, size=10, horizontal="center",
                  vertical="bottom", upright=True, fill=palette.HEADER, bottom=THIN)
    for index, slot in enumerate(gantt.slots):
        column = gantt.first_period_column + index
        if slot.gap:
            sheet.put(HEADER_ROW, column, GAP, bold=True, size=10, horizontal="center", vertical="bottom",
                      fill=palette.HEADER, bottom=THIN)
            continue
        period = slot.period
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


def _days_off(schedule: Schedule, gantt: Gantt) -> dict[int, str]:
    """The shade of each period column with days off: CLOSED when it has no
    working day (fellesferie, Christmas closure), SHORT when holidays take at
    least a fifth of its weekdays (a holiday in a week; not one in a month)."""
    calendar = schedule.calendar
    shades: dict[int, str] = {}
    for index, slot in enumerate(gantt.slots):
        if slot.gap:
            continue
        period = slot.period
        weekdays = [period.first_day + dt.timedelta(days=n)
                    for n in range((period.last_day - period.first_day).days + 1)]
        weekdays = [day for day in weekdays if day.weekday() < 5 and calendar.first <= day <= calendar.last]
        if not weekdays:
            continue
        off = sum(1 for day in weekdays if not calendar.is_working_day(day))
        if off == len(weekdays):
            shades[gantt.first_period_column + index] = palette.CLOSED
        elif off >= SHORT_SHARE * len(weekdays):
            shades[gantt.first_period_column + index] = palette.SHORT
    return shades


def _activity_cells(sheet: Sheet, row: int, schedule: Schedule, scheduled: ScheduledActivity, lang: str) -> None:
    activity = scheduled.activity
    done = scheduled.status is Status.DONE
    summary = activity.is_summary or activity.id == schedule.project.opening_id
    late = scheduled.status is Status.NOT_STARTED and scheduled.dates["latest_start"] < schedule.as_of
    top = {"vertical": "top"}
    sheet.put(row, 1, activity.id, bold=summary, **top)
    sheet.put(row, 2, activity.title.get(lang), bold=summary, horizontal="left", indent=scheduled.level, wrap=True,
              **top)
    sheet.put(row, 3, role_title(schedule, activity.role, lang), **top)
    sheet.put(row, 4, activity.owner or "", wrap=True, **top)
    dates = scheduled.dates
    if not done:
        # A done activity's latest and forecast dates say nothing anyone can act on; its actual dates do.
        late_finish = dates["earliest_finish"] > dates["latest_finish"]
        sheet.put(row, COLUMN["col.start_by"], dates["latest_start"], **_warning(late), **top)
        sheet.put(row, COLUMN["col.finish_by"], dates["latest_finish"], **top)
        sheet.put(row, COLUMN["col.forecast_start"], dates["earliest_start"], **top)
        sheet.put(row, COLUMN["col.forecast_finish"], dates["earliest_finish"], **_warning(late_finish), **top)
    warn = scheduled.slack is not None and (scheduled.slack < 0 or scheduled.critical)
    sheet.put(row, COLUMN["col.slack"], scheduled.slack, **_warning(warn), **top)
    sheet.put(row, STATUS_COLUMN, t(f"status.{scheduled.status.value}", lang), bold=summary, **top)
    sheet.put(row, COLUMN["col.actual_start"], activity.actual_start, **top)
    sheet.put(row, COLUMN["col.actual_finish"], activity.actual_finish, **top)
    sheet.outline[row] = scheduled.level


def _warning(on: bool) -> dict:
    return {"colour": palette.WARNING, "bold": True} if on else {}


def _slot_index(slots: list[Slot], day: dt.date) -> int:
    return next(index for index, slot in enumerate(slots) if slot.first_day <= day <= slot.last_day)


def _bar(sheet: Sheet, row: int, scheduled: ScheduledActivity, span: Span | None, gantt: Gantt,
         opening: bool) -> None:
    if span is None or not gantt.slots:
        return
    columns = gantt.columns(span)
    if not columns:
        return
    colour = bar_colour(scheduled)
    if scheduled.activity.is_milestone:
        sheet.put(row, columns[-1], MILESTONE, horizontal="center", bold=True, size=12,
                  colour=palette.OPENING_LINE if opening else colour)
        return
    for column in columns:
        if scheduled.activity.is_summary:
            sheet.style(row, column, bottom=SUMMARY_BAR)
        else:
            sheet.style(row, column, fill=colour)


def _forecast_opening(sheet: Sheet, row: int, schedule: Schedule, gantt: Gantt) -> None:
    """A forecast opening later than the opening: a red ◆ on the opening's row, where it falls."""
    forecast = schedule.forecast_opening
    if forecast <= schedule.project.opening_date or not gantt.slots:
        return
    columns = gantt.columns((forecast, forecast))
    if columns:
        sheet.put(row, columns[-1], MILESTONE, horizontal="center", bold=True, size=12, colour=palette.WARNING)


def _mark_period_lines(sheet: Sheet, gantt: Gantt, last_row: int) -> None:
    """A line down the left of the as-of and the opening period, so "now" and
    "the day" stay visible however far the sheet scrolls."""
    for index, slot in enumerate(gantt.slots):
        period = slot.period
        side = AS_OF_EDGE if period.contains_as_of else (OPENING_EDGE if period.contains_opening else None)
        if side is None:
            continue
        for row in range(COUNTDOWN_ROW, last_row + 1):
            sheet.style(row, gantt.first_period_column + index, left=side)


def _status_choice(sheet: Sheet, schedule: Schedule, rows: list[ScheduledActivity], lang: str) -> None:
    """A dropdown on the rows whose status is someone's to set (sync reads only
    those); summaries and the opening take their status from their steps."""
    words = tuple(t(f"status.{status.value}", lang) for status in Status)
    settable = [row for row, scheduled in enumerate(rows, start=FIRST_ROW)
                if not scheduled.activity.is_summary and scheduled.id != schedule.project.opening_id]
    sheet.choices.append(Choice(words, STATUS_COLUMN, runs(settable)))


def _layout(sheet: Sheet, schedule: Schedule, rows: list[ScheduledActivity], gantt: Gantt, lang: str,
            by: str, last_row: int) -> None:
    """Widths that keep the chart near the titles (long titles and owners wrap), and a print
    that keeps 11-point text readable on A4 landscape: the table A-L whole on the first page
    (a row's actual dates on the page of its latest ones), then the chart on as few pages as
    its periods need, each with the ID and activity columns, and the header rows on every page;
    the title and subtitle wrap within those two columns, so no page cuts them."""
    plan = schedule.project.plan
    status_words = [t(f"status.{status.value}", lang) for status in Status]
    # At most 163.5 characters: the table fits one page at the smallest readable scale (print_fit).
    sheet.widths = {
        1: fit_width([s.id for s in rows] + [t("col.id", lang)], 6, 10),
        2: fit_width(["   " * s.level + s.activity.title.get(lang) for s in rows], 30, 38),
        3: fit_width([role_title(schedule, s.activity.role, lang) for s in rows], 12, 16),
        4: fit_width([s.activity.owner or "" for s in rows], 10, 16),
        **dict.fromkeys((COLUMN[key] for key in ("col.start_by", "col.finish_by", "col.forecast_start",
                                                 "col.forecast_finish", "col.actual_start", "col.actual_finish")),
                        10.5),
        COLUMN["col.slack"]: 6.5, STATUS_COLUMN: fit_width(status_words, 11, 14),
    }
    scale, breaks = print_across(sheet, len(COLUMNS), range(FIRST_GANTT_COLUMN, gantt.last_column + 1),
                                 NARROWEST_PERIOD, PERIOD_WIDTH[by])
    if sheet.widths.get(FIRST_GANTT_COLUMN, PERIOD_WIDTH[by]) < UPRIGHT_BELOW:
        # 'T-52' across a narrow column runs into the next one: it reads upwards, as the period's name does.
        for column in range(gantt.first_period_column, gantt.last_column + 1):
            if (COUNTDOWN_ROW, column) in sheet.cells:
                sheet.style(COUNTDOWN_ROW, column, upright=True, vertical="bottom")
        sheet.heights[COUNTDOWN_ROW] = 26
    fit_heights(sheet, FIRST_ROW, last_row)
    for row, size in ((TITLE_ROW, 14), (SUBTITLE_ROW, FONT_SIZE)):
        sheet.merges.append((row, 1, row, 2))
        sheet.style(row, 1, wrap=True, vertical="top")
        sheet.heights[row] = title_height(sheet.cells[(row, 1)].value, sheet.widths[1] + sheet.widths[2], size,
                                          bold=row == TITLE_ROW)
    if (COUNTDOWN_ROW, 1) in sheet.cells:  # the verdict, wrapped within A-B like the title
        sheet.merges.append((COUNTDOWN_ROW, 1, COUNTDOWN_ROW, 2))
        sheet.style(COUNTDOWN_ROW, 1, wrap=True, vertical="top")
        sheet.heights[COUNTDOWN_ROW] = max(sheet.heights.get(COUNTDOWN_ROW, 0), title_height(
            sheet.cells[(COUNTDOWN_ROW, 1)].value, sheet.widths[1] + sheet.widths[2], VERDICT_SIZE, bold=True))
    sheet.heights[HEADER_ROW] = 58
    sheet.freeze = (FIRST_ROW, FIRST_GANTT_COLUMN)
    sheet.filter = (HEADER_ROW, 1, last_row, len(COLUMNS))
    sheet.page = PageSetup(
        fit_width=0, scale=scale, column_breaks=breaks, title_rows=(TITLE_ROW, HEADER_ROW),
        title_columns=(1, 2), across_then_down=True,
        header=("", t("xlsx.page_header", lang, office=plan.office[:100], sheet=sheet.title), ""),
        footer=(plan.office[:100], t("xlsx.footer.as_of", lang, date=format_date(schedule.as_of, lang)),
                t("xlsx.footer.page", lang)))
