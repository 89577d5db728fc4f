"""The S-curve of `navplan risk` as an inline SVG for the HTML report: the
share of samples in which all work is done in time to open on each date,
with the opening date and the P80 date marked.

Colours follow the Gantt chart: the opening green, the curve the report's
blue, P80 red. No external resources and no namespace URL: inline SVG in HTML
needs none.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from navplan.features.schedule_risk import RiskAnalysis
from navplan.messages import format_date, short_month_name, t
from navplan.render import palette
from navplan.render.palette import css
from navplan.render.risk_labels import percent

CURVE = css(palette.SUMMARY)
OPENING = css(palette.OPENING_LINE)
P80 = css(palette.WARNING)
GRID = css(palette.GRID)
TEXT = css(palette.MUTED)

WIDTH = 720  # as wide as the page; beside text, narrower (the same scale as the Gantt chart)
HEIGHT = 60
LEFT = 34
RIGHT = 10
TOP = 8
BOTTOM = 12
FONT = 7.2


def _axis(analysis: RiskAnalysis) -> tuple[dt.date, dt.date]:
    """From the first of the month of the earliest outcome (or of the opening)
    to the end of the month of the latest one."""
    first = min(analysis.distribution[0].date, analysis.opening_date)
    last = max(analysis.distribution[-1].date, analysis.opening_date)
    start = first.replace(day=1)
    end = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return start, end


def s_curve_svg(analysis: RiskAnalysis, lang: str, caption: str = "", width: int = WIDTH) -> str:
    """The S-curve, ``width`` units wide; ``caption`` (what the curve is) is written at its top left."""
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
    out += _months(start, end, x, base, lang, width)
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
    out += _labels(analysis, x, y, lang, width)
    if caption:
        # Where the curve is not: low on the right when most samples finish early, high on the left when late.
        early = x(analysis.forecast(50).date) < (LEFT + width - RIGHT) / 2
        where = (f'x="{width - RIGHT - 3}" y="{base - 3}" text-anchor="end"' if early
                 else f'x="{LEFT + 3}" y="{TOP + 7}"')
        out.append(f'<text {where} font-size="{FONT}" fill="{TEXT}">{escape(caption)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _labels(analysis: RiskAnalysis, x, y, lang: str, width: int) -> list[str]:
    """The opening date with its probability, right of its line; the P80
    date left of its line, above the dashed 80 % line, where the curve is
    below it. Each goes to the other side when the chart's edge is too close."""  # noqa: D401
    promise = analysis.forecast(80)
    opening_text = t("risk.svg.opening", lang, date=format_date(analysis.opening_date, lang),
                     percent=percent(analysis.probability_holds, lang))
    promise_text = t("risk.svg.p80", lang, date=format_date(promise.date, lang))
    # Where the curve has reached the top by the opening, its label goes lower, clear of it.
    opening_top = TOP + 7 if analysis.probability_holds < 0.85 else y(0.4)
    out = []
    for text, position, top, colour, right in ((opening_text, x(analysis.opening_date), opening_top, OPENING, True),
                                               (promise_text, x(promise.date), y(0.8) - 3, P80, False)):
        room = 4.3 * len(text)
        if right and position + room > width - RIGHT or not right and position - room < LEFT:
            right = not right
        anchor, shift = ("start", 3) if right else ("end", -3)
        out.append(f'<text x="{round(position + shift, 1)}" y="{top}" font-size="{FONT + 0.5}" fill="{colour}" '
                   f'font-weight="bold" text-anchor="{anchor}">{escape(text)}</text>')
    return out


def _months(start: dt.date, end: dt.date, x, base: float, lang: str, width: int) -> list[str]:
    """A tick and a short name per month (every other one when there are many); the year beside
    the first month and each January."""
    months = []
    month = start
    while month <= end:
        months.append(month)
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    every = 1 if len(months) * 50 <= width else 2 if len(months) * 25 <= width else 3
    out = []
    for index, month in enumerate(months):
        position = x(month)
        out.append(f'<line x1="{position}" y1="{TOP}" x2="{position}" y2="{base + 3}" stroke="{GRID}" '
                   f'stroke-width="0.6"/>')
        if index % every:
            continue
        name = short_month_name(month.month, lang)
        if index == 0 or month.month == 1:
            name = f"{name} {month.year}"
        out.append(f'<text x="{position + 2}" y="{base + 9}" font-size="{FONT}" fill="{TEXT}">{escape(name)}</text>')
    return out
