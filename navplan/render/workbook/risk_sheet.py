"""The workbook's "Risiko" sheet: what `navplan risk` says, for readers of
spreadsheets. Probabilities are numbers shown as percent, dates are dates, so
the tables can be sorted and charted; the S-curve is drawn from the
distribution table by the spreadsheet itself (a native scatter chart).

The countdown workbook calls :func:`write_risk` once; nothing else in the
workbook depends on this sheet.
"""

from __future__ import annotations

from openpyxl.chart import Reference, ScatterChart, Series
from openpyxl.styles import Alignment, Border
from openpyxl.worksheet.worksheet import Worksheet

from navplan.features.schedule_risk import RiskAnalysis
from navplan.messages import format_date, t
from navplan.render.risk_labels import count, headline
from navplan.render.workbook.cells import (
    BOLD, ROW_LINE, TITLE, WARNING, WRAP_TOP, fit_heights, font, footer, header_row, print_setup, put, set_widths,
)

PERCENT = "0%"
SHARE = "0.0%"
CORRELATION = "0.00"
_COLOURS = {"ok": "38761D", "tight": "BF9000", "fail": WARNING, "plain": None, "strong": None, "note": "1F4E79"}
_ACTIVITY_COLUMNS = ["col.id", "col.activity", "col.status", "risk.xlsx.low", "risk.xlsx.likely", "risk.xlsx.high",
                     "risk.col.criticality", "risk.col.correlation", "risk.xlsx.driver_rank"]


def write_risk(ws: Worksheet, analysis: RiskAnalysis, lang: str) -> None:
    schedule = analysis.schedule
    plan = schedule.project.plan
    ws.title = t("risk.xlsx.sheet", lang)
    set_widths(ws, {1: 12, 2: 48, 3: 13, 4: 12, 5: 12, 6: 12, 7: 11, 8: 12, 9: 11})  # before rows are fitted to them
    put(ws, 1, 1, t("risk.title", lang, office=plan.office, as_of=format_date(schedule.as_of, lang)), font=TITLE)
    put(ws, 2, 1, t("risk.samples", lang, samples=count(analysis.samples, lang), seed=analysis.seed),
        font=font(colour="595959"))
    row = 3
    for kind, text in headline(analysis, lang):
        put(ws, row, 1, text, font=font(bold=kind in ("ok", "tight", "fail", "strong"), colour=_COLOURS[kind]))
        row += 1
    row = _dates(ws, analysis, row + 1, lang)
    row = _activities(ws, analysis, row + 1, lang)
    _distribution(ws, analysis, row + 1, lang)
    print_setup(ws)
    footer(ws, plan.office, t("xlsx.footer.as_of", lang, date=format_date(schedule.as_of, lang)),
           t("xlsx.footer.page", lang))


def _heading(ws: Worksheet, row: int, key: str, columns: list[str], lang: str) -> int:
    put(ws, row, 1, t(key, lang), font=font(bold=True, size=12))
    header_row(ws, row + 1, [t(column, lang) for column in columns])
    return row + 2


def _dates(ws: Worksheet, analysis: RiskAnalysis, row: int, lang: str) -> int:
    if not analysis.dates:
        put(ws, row, 1, t("risk.dates.none", lang))
        return row + 1
    row = _heading(ws, row, "risk.section.dates", ["col.id", "col.activity", "risk.col.date", "risk.col.kind",
                                                   "risk.col.probability", "risk.col.deterministic"], lang)
    for date in analysis.dates:
        values = [date.id, date.title.get(lang), date.date, t(f"risk.kind.{date.kind}", lang), date.probability,
                  t("risk.deterministic.yes" if date.holds_deterministic else "risk.deterministic.no", lang)]
        for column, value in enumerate(values, start=1):
            cell = put(ws, row, column, value, alignment=WRAP_TOP)
            cell.border = Border(top=ROW_LINE)
        ws.cell(row=row, column=5).number_format = PERCENT
        if date.probability < 0.8:
            ws.cell(row=row, column=5).font = font(bold=True, colour=WARNING)
        row += 1
    fit_heights(ws, row - len(analysis.dates), row - 1)
    return row


def _activities(ws: Worksheet, analysis: RiskAnalysis, row: int, lang: str) -> int:
    """Every open activity: the drivers first, strongest first, then the rest in outline order."""
    row = _heading(ws, row, "risk.xlsx.activities", _ACTIVITY_COLUMNS, lang)
    ranks = {driver.id: index for index, driver in enumerate(analysis.drivers, start=1)}
    ordered = sorted(analysis.activities, key=lambda a: ranks.get(a.id, len(ranks) + 1))
    first = row
    for item in ordered:
        activity = item.scheduled.activity
        spread = item.spread
        likely = "" if activity.is_milestone else str(activity.duration)
        values = [item.id, activity.title.get(lang), t(f"status.{item.scheduled.status.value}", lang),
                  str(spread.low) if spread else "", likely, str(spread.high) if spread else "", item.criticality,
                  item.correlation, ranks.get(item.id)]
        for column, value in enumerate(values, start=1):
            if value is None:
                continue
            put(ws, row, column, value, alignment=WRAP_TOP, font=BOLD if item.id in ranks and column == 1 else None)
        ws.cell(row=row, column=7).number_format = PERCENT
        ws.cell(row=row, column=8).number_format = CORRELATION
        for column in range(1, len(_ACTIVITY_COLUMNS) + 1):
            ws.cell(row=row, column=column).border = Border(top=ROW_LINE)
        row += 1
    fit_heights(ws, first, row - 1)
    put(ws, row, 1, t("risk.drivers.legend", lang), alignment=Alignment(wrap_text=True, vertical="top"))
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(_ACTIVITY_COLUMNS))
    ws.row_dimensions[row].height = 45
    return row + 1


def _distribution(ws: Worksheet, analysis: RiskAnalysis, row: int, lang: str) -> None:
    """The S-curve's points as a table, and the curve drawn from them beside it."""
    row = _heading(ws, row, "risk.section.distribution", ["risk.col.date", "risk.xlsx.slack", "risk.col.share",
                                                          "risk.col.cumulative"], lang)
    first = row
    for step in analysis.distribution:
        values = [step.date, analysis.opening_point - step.point, step.probability, step.cumulative]
        for column, value in enumerate(values, start=1):
            put(ws, row, column, value)
        ws.cell(row=row, column=3).number_format = SHARE
        ws.cell(row=row, column=4).number_format = SHARE
        row += 1
    chart = ScatterChart()
    chart.title = t("risk.xlsx.chart", lang)
    chart.style = 13
    chart.height, chart.width = 8, 17
    chart.legend = None
    chart.x_axis.number_format = "DD.MM.YYYY"
    chart.x_axis.title = t("risk.xlsx.axis.date", lang)
    chart.y_axis.number_format = PERCENT
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
    chart.x_axis.delete = chart.y_axis.delete = False
    dates = Reference(ws, min_col=1, min_row=first, max_row=row - 1)
    shares = Reference(ws, min_col=4, min_row=first, max_row=row - 1)
    series = Series(shares, dates, title=t("risk.col.cumulative", lang))
    series.marker.symbol = "none"
    series.graphicalProperties.line.width = 22000
    chart.series.append(series)
    ws.add_chart(chart, f"F{first}")
