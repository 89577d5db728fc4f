"""The workbook's "Risiko" sheet: what `navplan risk` says, for readers of
spreadsheets. Probabilities are numbers shown as percent, dates are dates, so
the tables sort and chart; the last table is the distribution of the earliest
opening, the S-curve's points, drawn as a chart near the top.

What prints is one page: the verdict, the S-curve, the fixed dates and
deadlines and the strongest drivers (its print area); every open activity
and the distribution follow below it, for the reader at a screen.

The countdown book asks for it once (:func:`risk_sheet`); nothing else in the
workbook depends on this sheet, and it is written as .xlsx and .ods alike.
"""

from __future__ import annotations

from navplan.features.schedule_risk import RiskAnalysis
from navplan.messages import format_date, t
from navplan.render import palette
from navplan.render.risk_labels import count, headline
from navplan.render.workbook.plan_sheets import WRAP_TOP, page_setup
from navplan.render.workbook.sheet_model import (
    DECIMAL,
    HAIR,
    INTEGER,
    Chart,
    Sheet,
    fit_heights,
    header_row,
    percent_format,
)

_COLOURS = {"ok": palette.OPENING_LINE, "tight": palette.AS_OF_LINE, "fail": palette.WARNING, "plain": None,
            "strong": None, "note": palette.NOTE}
_DATE_COLUMNS = ["col.id", "col.activity", "risk.col.date", "risk.col.kind", "risk.col.probability",
                 "risk.col.deterministic"]
_ACTIVITY_COLUMNS = ["col.id", "col.activity", "col.status", "risk.xlsx.low", "risk.xlsx.likely", "risk.xlsx.high",
                     "risk.col.criticality", "risk.col.correlation", "risk.xlsx.driver_rank"]
_DISTRIBUTION_COLUMNS = ["risk.col.date", "risk.xlsx.slack", "risk.col.share", "risk.col.cumulative"]
#: The S-curve's size in centimetres, and the rows of 15 points kept free for it.
CHART_WIDTH, CHART_HEIGHT = 20.0, 6.5
CHART_ROWS = 13
#: The drivers on the printed page, strongest first.
PRINTED_DRIVERS = 8


def risk_sheet(analysis: RiskAnalysis, lang: str) -> Sheet:
    schedule = analysis.schedule
    sheet = Sheet(t("risk.xlsx.sheet", lang))
    # Widths first: the rows' heights are fitted to them.
    sheet.widths = {1: 12, 2: 48, 3: 13, 4: 12, 5: 12, 6: 12, 7: 11, 8: 12, 9: 11}
    sheet.put(1, 1, t("risk.title", lang, office=schedule.project.plan.office,
                      as_of=format_date(schedule.as_of, lang)), bold=True, size=14)
    sheet.put(2, 1, t("risk.samples", lang, samples=count(analysis.samples, lang), count=analysis.samples,
                      seed=analysis.seed), colour=palette.MUTED)
    row = 3
    for kind, text in headline(analysis, lang):
        sheet.put(row, 1, text, bold=kind in ("ok", "tight", "fail", "strong"), colour=_COLOURS[kind])
        row += 1
    # The S-curve under a heading of its own (a chart's own title is set larger than the sheet's headings).
    sheet.put(row + 1, 1, t("risk.svg.label", lang), bold=True, size=12)
    chart_row = row + 2
    row = _dates(sheet, analysis, chart_row + CHART_ROWS + 1, lang)
    row = _drivers(sheet, analysis, row + 1, lang)
    printed = row - 1
    row = _activities(sheet, analysis, row + 1, lang)
    first, last = _distribution(sheet, analysis, row + 1, lang)
    sheet.charts.append(Chart(x_column=1, y_column=4, first_row=first, last_row=last, row=chart_row, column=1,
                              width=CHART_WIDTH, height=CHART_HEIGHT))
    sheet.page = page_setup(sheet, schedule, lang)
    sheet.page.fit_height = 1
    sheet.page.print_area = (1, 1, printed, len(_ACTIVITY_COLUMNS))
    return sheet


def _heading(sheet: Sheet, row: int, key: str, columns: list[str], lang: str) -> int:
    sheet.put(row, 1, t(key, lang), bold=True, size=12)
    header_row(sheet, row + 1, [t(column, lang) for column in columns])
    return row + 2


def _dates(sheet: Sheet, analysis: RiskAnalysis, row: int, lang: str) -> int:
    if not analysis.dates:
        sheet.put(row, 1, t("risk.dates.none", lang))
        return row + 1
    row = _heading(sheet, row, "risk.section.dates", _DATE_COLUMNS, lang)
    first = row
    for date in analysis.dates:
        values = [date.id, date.title.get(lang), date.date, t(f"risk.kind.{date.kind}", lang), date.probability,
                  t("risk.deterministic.yes" if date.holds_deterministic else "risk.deterministic.no", lang)]
        for column, value in enumerate(values, start=1):
            sheet.put(row, column, value, **WRAP_TOP, top=HAIR)
        sheet.style(row, 5, number=percent_format(date.probability, lang), **({"bold": True, "colour": palette.WARNING}
                                              if date.probability < 0.8 else {}))
        row += 1
    fit_heights(sheet, first, row - 1)
    return row


def _drivers(sheet: Sheet, analysis: RiskAnalysis, row: int, lang: str) -> int:
    """The strongest drivers, for the printed page (all of them are in the table below it)."""
    if not analysis.drivers:
        sheet.put(row, 1, t("risk.drivers.none", lang))
        return row + 1
    return _activity_table(sheet, analysis, row, "risk.section.drivers", lang, drivers_only=True)


def _activities(sheet: Sheet, analysis: RiskAnalysis, row: int, lang: str) -> int:
    """Every open activity: the drivers first, strongest first, then the rest in outline order."""
    return _activity_table(sheet, analysis, row, "risk.xlsx.activities", lang)


def _activity_table(sheet: Sheet, analysis: RiskAnalysis, row: int, heading: str, lang: str,
                    drivers_only: bool = False) -> int:
    row = _heading(sheet, row, heading, _ACTIVITY_COLUMNS, lang)
    ranks = {driver.id: index for index, driver in enumerate(analysis.drivers, start=1)}
    items = sorted(analysis.activities, key=lambda a: ranks.get(a.id, len(ranks) + 1))
    if drivers_only:
        items = [item for item in items if item.id in ranks][:PRINTED_DRIVERS]
    first = row
    for item in items:
        activity = item.scheduled.activity
        spread = item.spread
        values = [item.id, activity.title.get(lang), t(f"status.{item.scheduled.status.value}", lang),
                  str(spread.low) if spread else "", "" if activity.is_milestone else str(activity.duration),
                  str(spread.high) if spread else "", item.criticality,
                  None if item.correlation is None else round(item.correlation, 4), ranks.get(item.id)]
        for column, value in enumerate(values, start=1):
            sheet.put(row, column, value, **WRAP_TOP, top=HAIR, bold=column == 1 and item.id in ranks)
        sheet.style(row, 7, number=percent_format(item.criticality, lang))
        sheet.style(row, 8, number=DECIMAL)
        sheet.style(row, 9, number=INTEGER)
        row += 1
    fit_heights(sheet, first, row - 1)
    sheet.put(row, 2, t("risk.drivers.legend", lang), **WRAP_TOP, colour=palette.MUTED)
    fit_heights(sheet, row, row)
    return row + 1


def _distribution(sheet: Sheet, analysis: RiskAnalysis, row: int, lang: str) -> tuple[int, int]:
    """The S-curve's points: each earliest opening some samples reach, its share and the share up to it.
    Returns the first and last row of the points."""
    row = _heading(sheet, row, "risk.section.distribution", _DISTRIBUTION_COLUMNS, lang)
    first = row
    for step in analysis.distribution:
        sheet.put(row, 1, step.date)
        sheet.put(row, 2, analysis.opening_point - step.point, number=INTEGER)
        sheet.put(row, 3, step.probability, number=percent_format(step.probability, lang))
        sheet.put(row, 4, step.cumulative, number=percent_format(step.cumulative, lang))
        row += 1
    return first, row - 1
