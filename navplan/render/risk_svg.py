"""The charts of `navplan risk` as inline SVG for the HTML report.

The S-curve: the share of samples in which all work is done in time to open
on each date, with the opening date and the frame percentile (P85) marked.
The tornado: for each activity held at its low and at its high value, how
many working days P85 of the opening moves, a bar to the left (earlier) and
one to the right (later) of P85 as sampled, the widest swing on top.

Colours follow the Gantt chart: the opening green, the curve the report's
blue, P85 red; the tornado's earlier bars green, later bars red, each with
its signed number beside it. The S-curve's marks are named under it, in its
caption (:func:`s_curve_keys`), where the page sets the words: inside a chart
a third of a page wide they ran into each other and into the curve. No
external resources and no namespace URL: inline SVG in HTML needs none.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from navplan.features.schedule_risk import RiskAnalysis
from navplan.messages import format_date, short_month_name, t
from navplan.render import palette
from navplan.render.palette import css
from navplan.render.risk_labels import percent, shift
from navplan.render.svg_text import fitted, text_width

CURVE = css(palette.SUMMARY)
OPENING = css(palette.OPENING_LINE)
FRAME = css(palette.WARNING)
EARLIER = css(palette.OPENING)
LATER = css(palette.CRITICAL)
GRID = css(palette.GRID)
TEXT = css(palette.MUTED)

#: In printed points: beside the report's text the chart is half the 188 mm page less the gap (258 points).
WIDTH = 258
HEIGHT = 68
LEFT = 26
RIGHT = 6
TOP = 5
BOTTOM = 14
FONT = 7.2
GAP = 3


def _axis(analysis: RiskAnalysis) -> tuple[dt.date, dt.date]:
    """From the first of the month of the earliest outcome (or of the opening)
    to the end of the month of the latest one."""
    first = min(analysis.distribution[0].date, analysis.opening_date)
    last = max(analysis.distribution[-1].date, analysis.opening_date)
    start = first.replace(day=1)
    end = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return start, end


def s_curve_svg(analysis: RiskAnalysis, lang: str, width: int = WIDTH) -> str:
    """The S-curve, ``width`` printed points wide; what its marks are says :func:`s_curve_keys`."""
    start, end = _axis(analysis)
    days = (end - start).days + 1
    plot_width = width - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    base = TOP + plot_height

    def x(day: dt.date) -> float:
        return round(LEFT + plot_width * (day - start).days / days, 1)

    def y(share: float) -> float:
        return round(base - plot_height * float(share), 1)

    label = t("risk.svg.label", lang)
    out = [f'<svg class="scurve" viewBox="0 0 {width} {HEIGHT}" width="100%" role="img" aria-label="{escape(label)}">']
    for share in (0, 0.5, 1.0):
        out.append(f'<line x1="{LEFT}" y1="{y(share)}" x2="{width - RIGHT}" y2="{y(share)}" stroke="{GRID}" '
                   f'stroke-width="0.6"/>')
        out.append(f'<text x="{LEFT - 3}" y="{y(share) + 2.5}" font-size="{FONT}" fill="{TEXT}" '
                   f'text-anchor="end">{escape(percent(share, lang))}</text>')
    out += _months(start, end, x, base, lang)
    # The curve: a step up at each earliest opening some samples reach.
    points = [f"{x(start)},{y(0)}"]
    for step in analysis.distribution:
        below = step.cumulative - step.probability
        points += [f"{x(step.date)},{y(below)}", f"{x(step.date)},{y(step.cumulative)}"]
    points.append(f"{x(end)},{y(1.0)}")
    out.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{CURVE}" stroke-width="1.6"/>')
    frame = analysis.buffer
    level = frame.percent / 100
    out.append(f'<line x1="{LEFT}" y1="{y(level)}" x2="{x(frame.date)}" y2="{y(level)}" stroke="{FRAME}" '
               f'stroke-width="1" stroke-dasharray="3 2"/>')
    out.append(f'<line x1="{x(frame.date)}" y1="{y(level)}" x2="{x(frame.date)}" y2="{base}" stroke="{FRAME}" '
               f'stroke-width="1" stroke-dasharray="3 2"/>')
    opening = x(analysis.opening_date)
    out.append(f'<line x1="{opening}" y1="{TOP - 4}" x2="{opening}" y2="{base}" stroke="{OPENING}" '
               f'stroke-width="1.5"/>')
    out.append("</svg>")
    return "\n".join(out)


def s_curve_keys(analysis: RiskAnalysis, lang: str) -> list[tuple[str, str]]:
    """The chart's two marks in words, each with its line's name (the report colours it as the
    line): the opening date with its probability, and the frame percentile's date (P85)."""
    frame = analysis.buffer
    return [("opening", t("risk.svg.opening", lang, date=format_date(analysis.opening_date, lang),
                        percent=percent(analysis.probability_holds, lang))),
            ("frame", t("risk.svg.frame", lang, percent=frame.percent, date=format_date(frame.date, lang)))]


#: The tornado: a row per activity, its label (id and title) on the left, its bars beside.
ROW = 9.5
LABEL = 112
NUMBER = 17
#: The tornado under the S-curve, as wide.
TORNADO_WIDTH = WIDTH


def tornado_svg(bars, frame: int, lang: str, width: int = TORNADO_WIDTH) -> str:
    """``bars`` (each with ``id``, a title, ``low`` and ``high`` in working days) as a tornado,
    ``width`` printed points wide: a bar from 0 (P``frame`` as sampled) to each end, the
    numbers beside the bars' ends, the activities named on the left."""
    rows = len(bars)
    height = TOP + rows * ROW + BOTTOM - 4
    reach = max([1] + [abs(bar.low or 0) for bar in bars] + [abs(bar.high or 0) for bar in bars])
    left, right = LABEL + NUMBER, width - RIGHT - NUMBER
    middle = (left + right) / 2
    scale = (right - left) / 2 / reach

    def x(days: int) -> float:
        return round(middle + days * scale, 1)

    label = t("risk.tornado.label", lang, percent=frame)
    out = [f'<svg class="tornado" viewBox="0 0 {width} {round(height, 1)}" width="100%" role="img" '
           f'aria-label="{escape(label)}">']
    bottom = round(TOP + rows * ROW, 1)
    out.append(f'<line x1="{x(0)}" y1="{TOP - 2}" x2="{x(0)}" y2="{bottom}" stroke="{FRAME}" stroke-width="0.8"/>')
    for index, bar in enumerate(bars):
        top = TOP + index * ROW
        centre = round(top + ROW / 2, 1)
        name = fitted(f"{bar.id} {bar.title}", LABEL - 2, FONT)
        out.append(f'<text x="0" y="{round(centre + 2.5, 1)}" font-size="{FONT}" fill="#000">{escape(name)}</text>')
        for days, colour, anchor, offset in ((bar.low, EARLIER, "end", -2), (bar.high, LATER, "start", 2)):
            if days is None:
                continue
            start, end = sorted((x(0), x(days)))
            out.append(f'<rect x="{start}" y="{round(top + 1.5, 1)}" width="{round(max(end - start, 0.6), 1)}" '
                       f'height="{ROW - 3}" fill="{colour}"/>')
            # low ≤ 0 ≤ high: the passes are monotone in every duration, so the numbers sit outside the bars.
            out.append(f'<text x="{round(x(days) + offset, 1)}" y="{round(centre + 2.5, 1)}" font-size="{FONT}" '
                       f'fill="{TEXT}" text-anchor="{anchor}">{escape(shift(days))}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _months(start: dt.date, end: dt.date, x, base: float, lang: str) -> list[str]:
    """A tick per month and its short name where there is room for it; the year beside the
    first month and each January. A name that would run into the one before it is left out."""
    out = []
    free = 0.0  # where the next name may begin
    month = start
    first = True
    while month <= end:
        position = x(month)
        out.append(f'<line x1="{position}" y1="{TOP}" x2="{position}" y2="{base + 3}" stroke="{GRID}" '
                   f'stroke-width="0.6"/>')
        name = short_month_name(month.month, lang)
        if first or month.month == 1:
            name = f"{name} {month.year}"
        if position + 2 >= free:
            out.append(f'<text x="{position + 2}" y="{base + 9}" font-size="{FONT}" fill="{TEXT}">'
                       f'{escape(name)}</text>')
            free = position + 2 + text_width(name, FONT) + GAP
            first = False
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out
