"""The countdown as an inline SVG Gantt chart for the HTML report.

Bars follow the one rule and palette of :mod:`navplan.render.gantt_bars`, the
same as the workbook's countdown sheet: red on the critical path, blue
elsewhere, grey when done; the as-of line amber and the opening line green.
Each open activity's slack is a thin bar between its forecast (planned) and its
latest dates: from its forecast finish to its latest finish when the bars are
drawn on the forecast, from its forecast start to its latest start when they
are drawn on the latest dates. With a baseline (`navplan baseline`), a thin grey
bar under each one shows its baseline dates.
No external resources and no namespace URL: inline SVG in HTML needs none.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from navplan.engine.deadlines import next_period, period_start
from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.features.personal_view import Audience, shows
from navplan.messages import format_date, short_month_name, t
from navplan.plan.values import Status
from navplan.render import palette
from navplan.render.gantt_bars import Span, bar_colour, bar_span
from navplan.render.palette import css
from navplan.render.svg_text import fitted, text_width

CRITICAL, OTHER, DONE = css(palette.CRITICAL), css(palette.OTHER), css(palette.DONE)
BASELINE, SLACK = css(palette.BASELINE), css(palette.SLACK)
AS_OF, OPENING, GRID = css(palette.AS_OF_LINE), css(palette.OPENING_LINE), css(palette.GRID)
MUTED, FADED = css(palette.MUTED), css(palette.FADED)

#: As wide as the printed page's 188 mm, so a unit is a printed point and 7.2 is 7.2-point type
#: (at 720 units the labels printed at 5.3 points). On a screen the chart grows with the page.
WIDTH = 533
LABEL_WIDTH = 190
RIGHT_MARGIN = 6
TOP = 24  # the years' and the months' labels
ROW = 10
BAR = 7
#: With a baseline the bar leaves room under it for the baseline's thin one.
BAR_WITH_BASELINE = 5.5
THIN = 1.6
FONT = 7.2
LEGEND_FONT = 7.5
LEGEND_LINE = 11
#: Space kept between two labels side by side.
GAP = 3


def _axis(schedule: Schedule, dates: str = "latest") -> tuple[dt.date, dt.date]:
    """From the first of the as-of month (so this month's finished work shows,
    grey) to the last day of the month of the opening, of a forecast opening
    later than it, or of the last work after the opening."""
    start = period_start(min(schedule.as_of, schedule.project.opening_date), "month")
    after = [span[1] for scheduled in schedule.after_opening if (span := bar_span(scheduled, dates)) is not None]
    last = max([schedule.as_of, schedule.project.opening_date, schedule.forecast_opening, *after])
    end = next_period(period_start(last, "month"), "month") - dt.timedelta(days=1)
    return start, end


def gantt_rows(schedule: Schedule, dates: str = "latest",
               view: Audience | None = None) -> list[tuple[ScheduledActivity, Span]]:
    """Every task and milestone not yet done, and done ones that finished within the chart
    (of a personal view, its own)."""
    start, _end = _axis(schedule, dates)
    rows = []
    for scheduled in schedule.leaves():
        if not shows(view, scheduled.activity):
            continue
        span = bar_span(scheduled, dates)
        if span is not None and (scheduled.status is not Status.DONE or span[1] >= start):
            rows.append((scheduled, span))
    return rows


def gantt_svg(schedule: Schedule, lang: str, dates: str = "latest", view: Audience | None = None) -> str:
    start, end = _axis(schedule, dates)
    days = (end - start).days + 1
    plot = WIDTH - LABEL_WIDTH - RIGHT_MARGIN

    def x(day: dt.date, end_of_day: bool = False) -> float:
        offset = (min(max(day, start), end) - start).days + (1 if end_of_day else 0)
        return round(LABEL_WIDTH + plot * offset / days, 1)

    from navplan.features.baseline import compare_with_baseline

    rows = gantt_rows(schedule, dates, view)
    against = compare_with_baseline(schedule)
    slacks = {scheduled.id: span for scheduled, _ in rows if (span := slack_span(scheduled, dates)) is not None}
    bottom = TOP + ROW * len(rows) + 3
    legend, legend_height = _legend(schedule, bottom + 7, lang, bool(slacks), against is not None)
    height = bottom + 7 + legend_height
    out = [f'<svg class="gantt" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
           f'aria-label="{escape(t("report.section.gantt", lang))}">']
    out += _months(start, end, x, bottom, lang)
    for index, (scheduled, span) in enumerate(rows):
        varied = against.activities.get(scheduled.id) if against is not None else None
        out += _row(scheduled, span, TOP + ROW * index, x, lang, slacks.get(scheduled.id), varied,
                    against is not None)
    for day, colour in ((schedule.as_of, AS_OF), (schedule.project.opening_date, OPENING)):
        out.append(f'<line x1="{x(day)}" y1="{TOP - 9}" x2="{x(day)}" y2="{bottom}" stroke="{colour}" '
                   f'stroke-width="1.5"/>')
    if schedule.forecast_opening > schedule.project.opening_date:
        day = schedule.forecast_opening
        out.append(f'<line x1="{x(day)}" y1="{TOP - 9}" x2="{x(day)}" y2="{bottom}" stroke="{CRITICAL}" '
                   f'stroke-width="1.5" stroke-dasharray="3 2"/>')
    out += legend
    out.append("</svg>")
    return "\n".join(out)


def _months(start: dt.date, end: dt.date, x, bottom: int, lang: str) -> list[str]:
    """A tick and a short name per month; the year over the first month and each January.
    A name that would run into the one before it is left out (a chart of years shows some)."""
    out = []
    month = start
    free = {"month": 0.0, "year": 0.0}  # where the next name of each line may begin
    while month <= end:
        position = x(month)
        out.append(f'<line x1="{position}" y1="{TOP - 9}" x2="{position}" y2="{bottom}" stroke="{GRID}" '
                   f'stroke-width="0.6"/>')
        name = short_month_name(month.month, lang)
        if position + 2 >= free["month"]:
            out.append(f'<text x="{position + 2}" y="{TOP - 2}" font-size="{FONT}" fill="{MUTED}">'
                       f'{escape(name)}</text>')
            free["month"] = position + 2 + text_width(name, FONT) + GAP
        if (month == start or month.month == 1) and position + 2 >= free["year"]:
            out.append(f'<text x="{position + 2}" y="{TOP - 12}" font-size="{FONT}" font-weight="bold" '
                       f'fill="{MUTED}">{month.year}</text>')
            free["year"] = position + 2 + text_width(str(month.year), FONT, bold=True) + GAP
        month = next_period(month, "month")
    return out


def slack_span(scheduled: ScheduledActivity, dates: str = "latest") -> Span | None:
    """Where an open activity's slack runs, between its forecast and its latest dates (see the
    module's docstring); None for done work, work without slack, and a milestone."""
    if scheduled.status is Status.DONE or scheduled.activity.is_milestone or not scheduled.slack \
            or scheduled.slack < 0:
        return None
    one_day = dt.timedelta(days=1)
    if dates == "latest" and scheduled.status is Status.NOT_STARTED:
        first, last = scheduled.dates["earliest_start"], scheduled.dates["latest_start"] - one_day
    else:
        first, last = scheduled.dates["earliest_finish"] + one_day, scheduled.dates["latest_finish"]
    return (first, last) if first <= last else None


def _row(scheduled: ScheduledActivity, span: Span, top: int, x, lang: str, slack: Span | None = None,
         varied=None, baselined: bool = False) -> list[str]:
    title = scheduled.activity.title.get(lang)
    # The label keeps to its column, clear of the chart: the title is cut to fit beside the bold id.
    room = LABEL_WIDTH - 2 - GAP - text_width(scheduled.id + " ", FONT, bold=True)
    short = fitted(title, room, FONT, bold=scheduled.critical)
    first, last = span
    done = scheduled.status is Status.DONE
    colour = css(bar_colour(scheduled))
    weight = ' font-weight="bold"' if scheduled.critical and not done else ""
    tooltip = escape(f"{scheduled.id} {title}: {format_date(first, lang)}–{format_date(last, lang)}")
    out = [f'<text x="2" y="{top + BAR}" font-size="{FONT}"{weight} fill="{FADED if done else "#000"}">'
           f'<tspan font-weight="bold">{escape(scheduled.id)}</tspan> {escape(short)}</text>']
    height = BAR_WITH_BASELINE if baselined else BAR
    if slack is not None:  # under the bar, so the bar's ends stay sharp
        left, right = x(slack[0]), x(slack[1], end_of_day=True)
        middle = top + 1 + height / 2
        out.append(f'<rect x="{left}" y="{round(middle - THIN / 2, 2)}" width="{max(round(right - left, 1), 0.5)}" '
                   f'height="{THIN}" fill="{SLACK}"/>')
    if scheduled.activity.is_milestone:
        centre, middle = x(last, end_of_day=True), top + height / 2 + 0.5
        half = height / 2 + 0.5
        out.append(f'<path d="M{centre} {middle - half} L{centre + half} {middle} L{centre} {middle + half} '
                   f'L{centre - half} {middle} Z" fill="{colour}"><title>{tooltip}</title></path>')
    else:
        left, right = x(first), x(last, end_of_day=True)
        out.append(f'<rect x="{left}" y="{top + 1}" width="{max(round(right - left, 1), 1.0)}" height="{height}" '
                   f'rx="1" fill="{colour}"><title>{tooltip}</title></rect>')
    if varied is not None:  # the baseline: a thin grey bar (a tick for a milestone) under the bar
        left, right = x(varied.baseline_start), x(varied.baseline_finish, end_of_day=True)
        if scheduled.activity.is_milestone:
            left = right - 1.2
        baseline = escape(t("report.gantt.baseline_tip", lang, start=format_date(varied.baseline_start, lang),
                            finish=format_date(varied.baseline_finish, lang)))
        out.append(f'<rect x="{left}" y="{round(top + 1 + height + 0.6, 2)}" '
                   f'width="{max(round(right - left, 1), 1.0)}" height="{THIN}" fill="{BASELINE}">'
                   f'<title>{baseline}</title></rect>')
    return out


def _legend(schedule: Schedule, top: int, lang: str, slack: bool = False,
            baseline: bool = False) -> tuple[list[str], int]:
    """The key to the colours, the thin bars and the two lines with their dates, on as many
    lines as the chart's width takes; and its height."""
    out = []
    position, line = 2.0, 0
    keys = [("bar", CRITICAL, t("xlsx.legend.critical", lang)), ("bar", OTHER, t("xlsx.legend.other", lang)),
            ("bar", DONE, t("xlsx.legend.done", lang))]
    if slack:
        keys.append(("thin", SLACK, t("report.gantt.slack", lang)))
    if baseline:
        keys.append(("thin", BASELINE, t("report.gantt.baseline", lang)))
    keys += [("text", "#000", t("xlsx.legend.milestone", lang)),
            ("line", AS_OF, t("xlsx.footer.as_of", lang, date=format_date(schedule.as_of, lang))),
            ("line", OPENING, f'{t("report.gantt.opening", lang)} {format_date(schedule.project.opening_date, lang)}')]
    if schedule.forecast_opening > schedule.project.opening_date:
        keys.append(("line", CRITICAL, t("report.gantt.forecast_opening", lang,
                                         date=format_date(schedule.forecast_opening, lang))))
    for kind, colour, label in keys:
        mark = {"bar": 18, "thin": 18, "line": 7, "text": 0}[kind]
        if position > 2 and position + mark + text_width(label, LEGEND_FONT) > WIDTH - RIGHT_MARGIN:
            position, line = 2.0, line + 1
        y = top + LEGEND_LINE * line
        if kind == "bar":
            out.append(f'<rect x="{position}" y="{y}" width="14" height="{BAR}" rx="1" fill="{colour}"/>')
        elif kind == "thin":
            out.append(f'<rect x="{position}" y="{round(y + BAR / 2 - THIN / 2, 2)}" width="14" height="{THIN}" '
                       f'fill="{colour}"/>')
        elif kind == "line":
            out.append(f'<line x1="{round(position + 2, 1)}" y1="{y - 1}" x2="{round(position + 2, 1)}" '
                       f'y2="{y + BAR + 1}" stroke="{colour}" stroke-width="1.5"/>')
        position += mark
        fill = colour if kind == "line" else "#000"
        out.append(f'<text x="{position}" y="{y + BAR - 0.5}" font-size="{LEGEND_FONT}" fill="{fill}">'
                   f'{escape(label)}</text>')
        position = round(position + text_width(label, LEGEND_FONT) + 12, 1)  # no float noise in the file
    return out, LEGEND_LINE * (line + 1) + 2
