"""`navplan risk` in the terminal: the verdict, the distribution of the
earliest opening as a text histogram with its cumulative share (the S-curve
read down the last column), the fixed dates and the top drivers."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from navplan.features.schedule_risk import TOP_DRIVERS, RiskAnalysis
from navplan.messages import format_date, format_long_date, format_week, t
from navplan.render.risk_labels import bar, buckets, count, decimal, headline, percent, range_text

BAR_WIDTH = 24
_STYLES = {"ok": ("✔ ", "bold green"), "tight": ("! ", "bold yellow"), "fail": ("✘ ", "bold red"),
           "plain": ("", ""), "strong": ("", "bold"), "note": ("ℹ ", "cyan")}


def render_risk(console: Console, analysis: RiskAnalysis, lang: str) -> None:
    schedule = analysis.schedule
    plan = schedule.project.plan
    console.print(Text(t("risk.title", lang, office=plan.office, as_of=format_date(schedule.as_of, lang))
                       + f" ({format_week(schedule.as_of, lang)})", style="bold"))
    opening_line = "opening" if schedule.working_days_left >= 0 else "opening.past"
    console.print(t(opening_line, lang, date=format_long_date(plan.opening, lang),
                    week=format_week(plan.opening, lang), days=schedule.working_days_left))
    console.print(Text(t("risk.samples", lang, samples=count(analysis.samples, lang), seed=analysis.seed),
                       style="dim"))
    for kind, text in headline(analysis, lang):
        mark, style = _STYLES[kind]
        console.print(Text(mark + text, style=style))
    console.print()
    _distribution(console, analysis, lang)
    console.print()
    _dates(console, analysis, lang)
    console.print()
    _drivers(console, analysis, lang)


def _table(title: str) -> Table:
    return Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)


def _distribution(console: Console, analysis: RiskAnalysis, lang: str) -> None:
    unit, rows = buckets(analysis, lang)
    largest = max(row.share for row in rows)
    table = _table(t("risk.section.distribution", lang))
    table.add_column(t(f"col.{unit}", lang), no_wrap=True)
    table.add_column(t("risk.col.period", lang), no_wrap=True)
    table.add_column(t("risk.col.share", lang), no_wrap=True, min_width=BAR_WIDTH + 7)
    table.add_column(t("risk.col.cumulative", lang), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True, min_width=8)
    for row in rows:
        marks = []
        if row.has_p80:
            marks.append("P80")
        if row.has_opening:
            marks.append("◀ " + t("risk.mark.opening", lang))
        # Periods that begin after the opening date are too late.
        share = Text(bar(row.share, largest, BAR_WIDTH), style="red" if row.first_day > analysis.opening_date
                     else "green")
        if row.share:
            share.append(f" {percent(row.share, lang)}", style="")
        table.add_row(row.label, format_date(row.first_day, lang), share, percent(row.cumulative, lang),
                      Text(", ".join(marks), style="bold"))
    console.print(table)
    console.print(Text(t("risk.distribution.legend", lang), style="dim"))


def _dates(console: Console, analysis: RiskAnalysis, lang: str) -> None:
    if not analysis.dates:
        console.print(t("risk.dates.none", lang))
        return
    table = _table(t("risk.section.dates", lang))
    for key in ("col.id", "col.activity", "risk.col.date", "risk.col.kind", "risk.col.probability",
                "risk.col.deterministic"):
        table.add_column(t(key, lang), overflow="fold", no_wrap=key != "col.activity",
                         justify="right" if key == "risk.col.probability" else "left")
    for date in analysis.dates:
        style = "" if date.probability >= 0.8 else ("yellow" if date.probability >= 0.5 else "bold red")
        table.add_row(date.id, escape(date.title.get(lang)), format_date(date.date, lang),
                      t(f"risk.kind.{date.kind}", lang), Text(percent(date.probability, lang), style=style),
                      t("risk.deterministic.yes" if date.holds_deterministic else "risk.deterministic.no", lang))
    console.print(table)


def _drivers(console: Console, analysis: RiskAnalysis, lang: str) -> None:
    drivers = analysis.drivers[:TOP_DRIVERS]
    if not drivers:
        console.print(t("risk.drivers.none", lang))
        return
    table = _table(t("risk.section.drivers", lang))
    for key in ("col.id", "col.activity", "risk.col.range", "risk.col.criticality", "risk.col.correlation"):
        table.add_column(t(key, lang), overflow="fold", no_wrap=key != "col.activity",
                         justify="right" if key in ("risk.col.criticality", "risk.col.correlation") else "left")
    for driver in drivers:
        table.add_row(driver.id, escape(driver.scheduled.activity.title.get(lang)), range_text(driver),
                      percent(driver.criticality, lang), decimal(driver.correlation, lang))
    console.print(table)
    console.print(Text(t("risk.drivers.legend", lang), style="dim"))
