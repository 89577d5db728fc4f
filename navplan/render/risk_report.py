"""The report's section on the probability of opening on time: what
`navplan risk` says, as lines and a table of the top drivers (Markdown and
HTML alike), and in HTML the S-curve."""

from __future__ import annotations

from html import escape

from navplan.features.schedule_risk import TOP_DRIVERS, RiskAnalysis
from navplan.messages import format_date, t
from navplan.render.report_sections import Cell, Grid, Section
from navplan.render.risk_labels import count, decimal, headline, percent, range_text
from navplan.render.risk_svg import s_curve_svg

_TONES = {"ok": ("ok", "✔ "), "tight": ("tight", "! "), "fail": ("fail", "✘ "), "plain": (None, ""),
          "strong": ("strong", ""), "note": ("note", "ℹ ")}


def risk_section(analysis: RiskAnalysis, lang: str) -> Section:
    lines = []
    for kind, text in headline(analysis, lang):
        tone, mark = _TONES[kind]
        lines.append((tone, mark + text))
    for date in analysis.dates:
        tone = None if date.probability >= 0.8 else ("tight" if date.probability >= 0.5 else "fail")
        lines.append((tone, t("risk.report.date", lang, id=date.id, title=date.title.get(lang),
                              kind=t(f"risk.kind.{date.kind}", lang), date=format_date(date.date, lang),
                              percent=percent(date.probability, lang))))
    section = Section("risk", t("risk.report.section", lang), lines, figure_after=len(lines))
    drivers = analysis.drivers[:TOP_DRIVERS]
    if drivers:
        keys = ["col.id", "col.activity", "risk.col.range", "risk.col.criticality", "risk.col.correlation"]
        rows = [[Cell(d.id), Cell(d.scheduled.activity.title.get(lang)), Cell(range_text(d)),
                 Cell(percent(d.criticality, lang)), Cell(decimal(d.correlation, lang))] for d in drivers]
        section.grid = Grid([t(key, lang) for key in keys], rows, right={3, 4}, narrow={0, 2, 3, 4})
        section.lines.append(("strong", t("risk.section.drivers", lang)))
        section.notes.append(t("risk.drivers.legend", lang))
    return section


def risk_figure(analysis: RiskAnalysis, lang: str) -> list[str]:
    samples = count(analysis.samples, lang)
    return ["<figure>", s_curve_svg(analysis, lang),
            f"<figcaption>{escape(t('risk.report.caption', lang, samples=samples))}</figcaption>", "</figure>"]
