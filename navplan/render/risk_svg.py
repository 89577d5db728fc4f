"""The S-curve of `navplan risk` as an inline SVG for the HTML report: the
share of samples in which all work is done in time to open on each date,
with the opening date and the P80 date marked.

Colours follow the Gantt chart: the opening green, the curve the report's
blue, P80 red. The two marks are named under the chart, in its caption
(:func:`s_curve_keys`), where the page sets the words: inside a chart a
third of a page wide they ran into each other and into the curve. No
external resources and no namespace URL: inline SVG in HTML needs none.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from navplan.features.schedule_risk import RiskAnalysis
from navplan.messages import format_date, short_month_name, t
from navplan.render import palette
from navplan.render.palette import css
from navplan.render.risk_labels import percent
from navplan.render.svg_text import text_width

CURVE = css(palette.SUMMARY)
OPENING = css(palette.OPENING_LINE)
P80 = css(palette.WARNING)
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
    promise = analysis.forecast(80)
    out.append(f'<line x1="{LEFT}" y1="{y(0.8)}" x2="{x(promise.date)}" y2="{y(0.8)}" stroke="{P80}" '
               f'stroke-width="1" stroke-dasharray="3 2"/>')
    out.append(f'<line x1="{x(promise.date)}" y1="{y(0.8)}" x2="{x(promise.date)}" y2="{base}" stroke="{P80}" '
               f'stroke-width="1" stroke-dasharray="3 2"/>')
    opening = x(analysis.opening_date)
    out.append(f'<line x1="{opening}" y1="{TOP - 4}" x2="{opening}" y2="{base}" stroke="{OPENING}" '
               f'stroke-width="1.5"/>')
    out.append("</svg>")
    return "\n".join(out)


def s_curve_keys(analysis: RiskAnalysis, lang: str) -> list[tuple[str, str]]:
    """The chart's two marks in words, each with its line's name (the report colours it as the
    line): the opening date with its probability, and the date that can be promised with 80 %
    confidence."""
    return [("opening", t("risk.svg.opening", lang, date=format_date(analysis.opening_date, lang),
                        percent=percent(analysis.probability_holds, lang))),
            ("p80", t("risk.svg.p80", lang, date=format_date(analysis.forecast(80).date, lang)))]


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
