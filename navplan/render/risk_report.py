"""The report's lines on the probability of opening on time: what
`navplan risk` says with its defaults, Markdown and HTML alike, and in HTML
the S-curve."""

from __future__ import annotations

from html import escape

from navplan.features.schedule_risk import RiskAnalysis
from navplan.messages import format_date, t
from navplan.render.report_model import Section
from navplan.render.risk_labels import count, decimal, percent
from navplan.render.risk_svg import s_curve_keys, s_curve_svg

_TONES = {"ok": ("ok", "✔ "), "tight": ("tight", "! "), "fail": ("fail", "✘ "), "plain": (None, ""),
          "strong": ("strong", ""), "note": ("note", "ℹ ")}


#: The report has room for the strongest few; `navplan risk` and the workbook list them all.
REPORT_DRIVERS = 3
#: Fixed and not-after dates less likely than this are named in the report (all are in `navplan risk`).
AT_RISK = 0.8


def risk_section(analysis: RiskAnalysis, lang: str) -> Section:
    """A few lines under the opening date, with no heading of their own (the report prints on
    two pages): the probability of opening on time and the date to promise, the dates at risk
    and the strongest drivers; in HTML beside the S-curve."""
    probability = analysis.probability_holds
    tone, mark = _TONES["ok" if probability >= 0.8 else "tight" if probability >= 0.5 else "fail"]
    lines = [(tone, mark + t("risk.report.verdict", lang, percent=percent(probability, lang),
                             date=format_date(analysis.forecast(80).date, lang)))]
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


def risk_figure(analysis: RiskAnalysis, lang: str) -> list[str]:
    """The S-curve, and under it what its lines mark and what the curve is: words the page
    sets, so they never run into each other or into the curve."""
    caption = t("risk.report.caption", lang, samples=count(analysis.samples, lang), count=analysis.samples)
    keys = " · ".join(f'<span class="{line}">{escape(text)}</span>' for line, text in s_curve_keys(analysis, lang))
    return ["<figure>", s_curve_svg(analysis, lang), f"<figcaption>{keys}<br>{escape(caption)}</figcaption>",
            "</figure>"]
