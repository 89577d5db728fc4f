"""`navplan risk` in the terminal: the verdict and the buffer sentence, what
the numbers assume, the distribution of the earliest opening as a text
histogram with its cumulative share (the S-curve read down that column), the
fixed dates and deadlines with their percentiles, the top drivers of the
opening (with the tornado's two ends) and of each date that can slip, and the
risk register. Tables are laid out by :mod:`navplan.render.terminal_layout`,
as every table navplan prints."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from navplan.features.schedule_risk import DATE_DRIVERS, TOP_DRIVERS, RiskAnalysis
from navplan.messages import format_date, t
from navplan.render.risk_labels import (
    assumption_lines,
    bar,
    buckets,
    by_text,
    count,
    decimal,
    headline,
    percent,
    range_text,
    shift,
)
from navplan.render.schedule_terminal import render_heading
from navplan.render.terminal_layout import GAP, Column, layout_width, print_paragraph, print_table

BAR_WIDTH = 24
#: Shorter bars say little; below this the table is wider than the terminal, as the layout allows.
MIN_BAR_WIDTH = 8
_STYLES = {"ok": ("✔ ", "bold green"), "tight": ("! ", "bold yellow"), "fail": ("✘ ", "bold red"),
           "plain": ("", ""), "strong": ("", "bold"), "note": ("ℹ ", "cyan")}


def render_risk(console: Console, analysis: RiskAnalysis, lang: str) -> None:
    schedule = analysis.schedule
    render_heading(console, schedule, "risk.title", lang)
    console.print(Text(t("risk.samples", lang, samples=count(analysis.samples, lang), count=analysis.samples,
                         seed=analysis.seed), style="dim"))
    for kind, text in headline(analysis, lang):
        mark, style = _STYLES[kind]
        console.print(Text(mark + text, style=style))
    assumptions = assumption_lines(analysis, lang)
    if assumptions:
        console.print()
        console.print(Text(t("risk.assumptions.title", lang), style="bold"))
        for line in assumptions:
            print_paragraph(console, "• " + line, hang=2)
    console.print()
    _distribution(console, analysis, lang)
    console.print()
    _dates(console, analysis, lang)
    console.print()
    _drivers(console, analysis, lang)
    for date in analysis.dates:
        if date.probability < 1 and date.drivers:
            console.print()
            _date_drivers(console, analysis, date, lang)
    if analysis.events:
        console.print()
        _register(console, analysis, lang)


def _distribution(console: Console, analysis: RiskAnalysis, lang: str) -> None:
    unit, rows = buckets(analysis, lang)
    largest = max(row.share for row in rows)
    columns = [Column("period", t(f"col.{unit}", lang), wraps=False),
               Column("risk.col.period", t("risk.col.period", lang), wraps=False),
               Column("risk.col.share", t("risk.col.share", lang), wraps=False),
               Column("risk.col.cumulative", t("risk.col.cumulative", lang), wraps=False, justify="right"),
               Column("marks", "", wraps=False, under="risk.col.cumulative")]
    cells = []
    for row in rows:
        marks = (([f"P{analysis.frame}"] if row.has_frame else [])
                 + (["◀ " + t("risk.mark.opening", lang)] if row.has_opening else []))
        cells.append([row.label, format_date(row.first_day, lang), f" {percent(row.share, lang)}" if row.share else "",
                      percent(row.cumulative, lang), ", ".join(marks)])
    width = _bar_width(layout_width(console), [[c.header for c in columns]] + cells, [r.share for r in rows], largest)
    for row, row_cells in zip(rows, cells, strict=True):
        # Periods that begin after the opening date are too late.
        share = Text(bar(row.share, largest, width), style="red" if row.first_day > analysis.opening_date
                     else "green")
        row_cells[2] = share + row_cells[2]
        row_cells[4] = Text(row_cells[4], style="bold")
    print_table(console, columns, cells, title=t("risk.section.distribution", lang))
    console.print(Text(t("risk.distribution.legend", lang), style="dim"))


def _bar_width(width: int | None, texts: list[list[str]], shares: list[float], largest: float) -> int:
    """The bars' length: :data:`BAR_WIDTH`, or as long as fits the terminal with the marks
    moved under the cumulative share (the layout moves them when they do not fit beside it),
    at least :data:`MIN_BAR_WIDTH`. ``texts``: the header and every row, the share without its bar."""
    if width is None:
        return BAR_WIDTH
    label, day, share, cumulative, marks = (max(cell_len(row[i]) for row in texts) for i in range(5))
    for length in range(BAR_WIDTH, MIN_BAR_WIDTH, -1):
        bars = max([share] + [cell_len(bar(part, largest, length) + row[2])
                              for part, row in zip(shares, texts[1:], strict=True)])
        if label + day + bars + max(cumulative, marks) + 3 * len(GAP) <= width:
            return length
    return MIN_BAR_WIDTH


def _dates(console: Console, analysis: RiskAnalysis, lang: str) -> None:
    if not analysis.dates:
        console.print(t("risk.dates.none", lang))
        return
    columns = [Column("col.id", t("col.id", lang), wraps=False), Column("col.activity", t("col.activity", lang)),
               Column("risk.col.date", t("risk.col.date", lang), wraps=False),
               Column("risk.col.kind", t("risk.col.kind", lang), under="risk.col.date"),
               Column("risk.col.probability", t("risk.col.probability", lang), wraps=False, justify="right"),
               Column("risk.col.deterministic", t("risk.col.deterministic", lang), under="risk.col.probability",
                      fold_rank=1)]
    for level in analysis.percentiles:
        columns.append(Column(f"risk.col.percentile.{level}", t("risk.col.percentile", lang, percent=level),
                              wraps=False, under="risk.col.deterministic", fold_rank=1))
    cells = []
    for date in analysis.dates:
        style = "" if date.probability >= 0.8 else ("yellow" if date.probability >= 0.5 else "bold red")
        row = [date.id, date.title.get(lang), format_date(date.date, lang), t(f"risk.kind.{date.kind}", lang),
               Text(percent(date.probability, lang), style=style),
               t("risk.deterministic.yes" if date.holds_deterministic else "risk.deterministic.no", lang)]
        for forecast in date.forecasts:
            row.append(Text(format_date(forecast.date, lang), style="bold red" if forecast.slack < 0 else ""))
        cells.append(row)
    print_table(console, columns, cells, title=t("risk.section.dates", lang))
    levels = analysis.percentiles
    console.print(Text(t("risk.dates.legend", lang, low=levels[0], high=levels[-1]), style="dim"))


def _driver_columns(analysis: RiskAnalysis, lang: str) -> list[Column]:
    return [Column("col.id", t("col.id", lang), wraps=False), Column("col.activity", t("col.activity", lang)),
            Column("risk.col.range", t("risk.col.range", lang), wraps=False, under="col.activity"),
            Column("risk.col.criticality", t("risk.col.criticality", lang), wraps=False, justify="right"),
            Column("risk.col.correlation", t("risk.col.correlation", lang), wraps=False, justify="right"),
            Column("risk.col.held_low", t("risk.col.held_low", lang, percent=analysis.frame), wraps=False,
                   justify="right", under="risk.col.correlation"),
            Column("risk.col.held_high", t("risk.col.held_high", lang, percent=analysis.frame), wraps=False,
                   justify="right", under="risk.col.held_low")]


def _drivers(console: Console, analysis: RiskAnalysis, lang: str) -> None:
    drivers = analysis.drivers[:TOP_DRIVERS]
    if not drivers:
        console.print(t("risk.drivers.none", lang))
        return
    cells = [[driver.id, driver.scheduled.activity.title.get(lang), range_text(driver, lang),
              percent(driver.criticality, lang), decimal(driver.correlation, lang),
              shift(driver.low), shift(driver.high)] for driver in drivers]
    print_table(console, _driver_columns(analysis, lang), cells, title=t("risk.section.drivers", lang))
    console.print(Text(t("risk.drivers.legend", lang, percent=analysis.frame), style="dim"))


def _date_drivers(console: Console, analysis: RiskAnalysis, date, lang: str) -> None:
    """What drives a date that can slip: its strongest few, as the opening's drivers."""
    by_id = {item.id: item for item in analysis.activities}
    cells = []
    for driver in date.drivers[:DATE_DRIVERS]:
        item = by_id.get(driver.id)
        cells.append([driver.id, driver.title.get(lang), range_text(item, lang) if item else "",
                      percent(driver.criticality, lang), decimal(driver.correlation, lang),
                      shift(driver.low), shift(driver.high)])
    title = t("risk.section.date_drivers", lang, id=date.id, kind=t(f"risk.kind.{date.kind}", lang),
              date=format_date(date.date, lang))
    print_table(console, _driver_columns(analysis, lang), cells, title=title)


def _register(console: Console, analysis: RiskAnalysis, lang: str) -> None:
    """The plan's risks: what each delays and by how much, who watches it, and its effect on P85."""
    frame = analysis.frame
    columns = [Column("col.id", t("col.id", lang), wraps=False), Column("risk.col.risk", t("risk.col.risk", lang)),
               Column("risk.col.chance", t("risk.col.chance", lang), wraps=False, justify="right"),
               Column("risk.col.delays", t("risk.col.delays", lang), under="risk.col.risk"),
               Column("risk.col.by", t("risk.col.by", lang), under="risk.col.delays"),
               Column("col.owner", t("col.owner", lang), under="risk.col.risk", fold_rank=1),
               Column("risk.col.effect", t("risk.col.effect", lang, percent=frame), wraps=False, justify="right")]
    cells = [[event.id, event.risk.title, percent(event.risk.probability, lang), ", ".join(event.risk.delays),
              by_text(event.risk.by, lang), event.risk.owner or "", t("risk.effect", lang, days=event.effect)]
             for event in analysis.events]
    print_table(console, columns, cells, title=t("risk.section.register", lang))
    console.print(Text(t("risk.register.legend", lang, percent=frame), style="dim"))
