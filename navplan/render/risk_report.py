"""The report's lines on the probability of opening on time: what
`navplan risk` says with its defaults, Markdown and HTML alike: the verdict
and the buffer at P85, the dates at risk and the strongest drivers (in HTML
beside the S-curve), what the numbers assume (in HTML beside the tornado),
the tornado as a table in Markdown, and the risk register."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from navplan.features.schedule_risk import RiskAnalysis
from navplan.messages import format_date, t
from navplan.render.report_model import Cell, Grid, Section
from navplan.render.risk_labels import (
    assumption_lines,
    buffer_sentence,
    by_text,
    count,
    decimal,
    percent,
    shift,
)
from navplan.render.risk_svg import s_curve_keys, s_curve_svg, tornado_svg

_TONES = {"ok": ("ok", "✔ "), "tight": ("tight", "! "), "fail": ("fail", "✘ "), "plain": (None, ""),
          "strong": ("strong", ""), "note": ("note", "ℹ ")}


#: The report has room for the strongest few; `navplan risk` and the workbook list them all.
REPORT_DRIVERS = 3
#: Fixed and not-after dates less likely than this are named in the report (all are in `navplan risk`).
AT_RISK = 0.8


def risk_sections(analysis: RiskAnalysis, lang: str) -> list[Section]:
    """The risk lines, what the numbers assume with the tornado, and the register (when the plan
    has risks); none has a heading of its own but the register (the report prints on two pages)."""
    found = [risk_section(analysis, lang), assumptions_section(analysis, lang), tornado_section(analysis, lang)]
    if analysis.events:
        found.append(register_section(analysis, lang))
    return found


def risk_section(analysis: RiskAnalysis, lang: str) -> Section:
    """A few lines under the critical path: the probability of opening on time and the buffer at
    P85, the dates at risk and the strongest drivers; in HTML beside the S-curve."""
    probability = analysis.probability_holds
    tone, mark = _TONES["ok" if probability >= 0.8 else "tight" if probability >= 0.5 else "fail"]
    lines = [(tone, mark + t("risk.holds", lang, percent=percent(probability, lang))),
             ("strong", buffer_sentence(analysis, lang))]
    at_risk = [date for date in analysis.dates if date.probability < AT_RISK]
    if at_risk:
        worst = min(date.probability for date in at_risk)
        lines.append(("tight" if worst >= 0.5 else "fail", t("risk.report.dates", lang, dates="; ".join(
            t("risk.report.date", lang, id=date.id, kind=t(f"risk.kind.{date.kind}", lang),
              date=format_date(date.date, lang), percent=percent(date.probability, lang)) for date in at_risk))))
    if not any(item.sampled for item in analysis.activities):
        lines.append(("note", "ℹ " + t("risk.nothing_sampled", lang)))
    section = Section("risk", "", lines)
    drivers = analysis.drivers[:REPORT_DRIVERS]
    if drivers:
        names = " · ".join(f"{d.id} {d.scheduled.activity.title.get(lang)} {decimal(d.correlation, lang)}"
                           for d in drivers)
        section.lines.append((None, t("risk.report.drivers", lang, drivers=names)))
    return section


def assumptions_section(analysis: RiskAnalysis, lang: str) -> Section:
    """The box headed "Forutsetninger": a line each."""
    return Section("risk_assumptions", "", [("strong", t("risk.assumptions.title", lang))]
                   + [("muted", "• " + line) for line in assumption_lines(analysis, lang)])


@dataclass
class _Bar:
    id: str
    title: str
    low: int | None
    high: int | None


#: The tornado's bars in the report: the widest three, as the drivers it names, so the page keeps to two A4 pages.
REPORT_TORNADO = 3


def tornado_bars(analysis: RiskAnalysis, lang: str) -> list[_Bar]:
    return [_Bar(item.id, item.scheduled.activity.title.get(lang), item.low, item.high)
            for item in analysis.tornado[:REPORT_TORNADO]]


def tornado_section(analysis: RiskAnalysis, lang: str) -> Section:
    """The tornado as a table (Markdown); HTML draws it beside the assumptions instead."""
    frame = analysis.frame
    bars = tornado_bars(analysis, lang)
    if not bars:
        return Section("risk_tornado", "", [(None, t("risk.tornado.none", lang, percent=frame))])
    rows = [[Cell(bar.id), Cell(bar.title), Cell(shift(bar.low)), Cell(shift(bar.high))] for bar in bars]
    grid = Grid(["ID", t("col.activity", lang), t("risk.col.held_low", lang, percent=frame),
                 t("risk.col.held_high", lang, percent=frame)], rows, right={2, 3}, narrow={0, 2, 3})
    grid.headers[0] = t("col.id", lang)
    return Section("risk_tornado", "", [("strong", t("risk.tornado.title", lang, percent=frame))], grid)


def register_section(analysis: RiskAnalysis, lang: str) -> Section:
    """The plan's risks tied to the schedule: what each delays and by how much, who watches it,
    what is done about it, and its effect on P85 of the opening."""
    frame = analysis.frame
    rows = [[Cell(event.id), Cell(event.risk.title), Cell(percent(event.risk.probability, lang)),
             Cell(", ".join(event.risk.delays)), Cell(by_text(event.risk.by, lang)), Cell(event.risk.owner or ""),
             Cell(event.risk.mitigation or ""), Cell(t("risk.effect", lang, days=event.effect),
                                                     "fail" if event.effect > 0 else None)]
            for event in analysis.events]
    headers = [t(key, lang) for key in ("col.id", "risk.col.risk", "risk.col.chance", "risk.col.delays", "risk.col.by",
                                        "col.owner", "risk.col.mitigation")]
    grid = Grid(headers + [t("risk.col.effect", lang, percent=frame)], rows, right={2, 7}, narrow={0, 2, 7})
    return Section("risk_register", t("risk.section.register", lang), [], grid,
                   [t("risk.register.legend", lang, percent=frame)])


def risk_figure(analysis: RiskAnalysis, lang: str) -> list[str]:
    """The S-curve, and under it what its lines mark and what the curve is: words the page
    sets, so they never run into each other or into the curve."""
    caption = t("risk.report.caption", lang, samples=count(analysis.samples, lang), count=analysis.samples)
    keys = " · ".join(f'<span class="{line}">{escape(text)}</span>' for line, text in s_curve_keys(analysis, lang))
    return ["<figure>", s_curve_svg(analysis, lang), f"<figcaption>{keys}<br>{escape(caption)}</figcaption>",
            "</figure>"]


def tornado_figure(analysis: RiskAnalysis, lang: str) -> list[str]:
    """The tornado, its title and its keys under it; nothing when no activity moves P85."""
    bars = tornado_bars(analysis, lang)
    if not bars:
        return [f'<p class="muted">{escape(t("risk.tornado.none", lang, percent=analysis.frame))}</p>']
    title = t("risk.tornado.title", lang, percent=analysis.frame)
    return ["<figure>", tornado_svg(bars, analysis.frame, lang), f"<figcaption>{escape(title)}</figcaption>",
            "</figure>"]
