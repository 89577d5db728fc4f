"""`navplan risk` in the terminal: the verdict, the distribution of the
earliest opening as a text histogram with its cumulative share (the S-curve
read down that column), the fixed dates and the top drivers. Tables are laid
out by :mod:`navplan.render.terminal_layout`, as every table navplan prints."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from navplan.features.schedule_risk import TOP_DRIVERS, RiskAnalysis
from navplan.messages import format_date, t
from navplan.render.risk_labels import bar, buckets, count, decimal, headline, percent, range_text
from navplan.render.schedule_terminal import render_heading
from navplan.render.terminal_layout import GAP, Column, layout_width, print_table

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
    console.print()
    _distribution(console, analysis, lang)
    console.print()
    _dates(console, analysis, lang)
    console.print()
    _drivers(console, analysis, lang)


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
        marks = (["P80"] if row.has_p80 else []) + (["◀ " + t("risk.mark.opening", lang)] if row.has_opening else [])
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
    cells = []
    for date in analysis.dates:
        style = "" if date.probability >= 0.8 else ("yellow" if date.probability >= 0.5 else "bold red")
        cells.append([date.id, date.title.get(lang), format_date(date.date, lang), t(f"risk.kind.{date.kind}", lang),
                      Text(percent(date.probability, lang), style=style),
                      t("risk.deterministic.yes" if date.holds_deterministic else "risk.deterministic.no", lang)])
    print_table(console, columns, cells, title=t("risk.section.dates", lang))


def _drivers(console: Console, analysis: RiskAnalysis, lang: str) -> None:
    drivers = analysis.drivers[:TOP_DRIVERS]
    if not drivers:
        console.print(t("risk.drivers.none", lang))
        return
    columns = [Column("col.id", t("col.id", lang), wraps=False), Column("col.activity", t("col.activity", lang)),
               Column("risk.col.range", t("risk.col.range", lang), wraps=False, under="col.activity"),
               Column("risk.col.criticality", t("risk.col.criticality", lang), wraps=False, justify="right"),
               Column("risk.col.correlation", t("risk.col.correlation", lang), wraps=False, justify="right")]
    cells = [[driver.id, driver.scheduled.activity.title.get(lang), range_text(driver, lang),
              percent(driver.criticality, lang), decimal(driver.correlation, lang)] for driver in drivers]
    print_table(console, columns, cells, title=t("risk.section.drivers", lang))
    console.print(Text(t("risk.drivers.legend", lang), style="dim"))
