"""The workbook's "Risiko" sheet: what `navplan risk` says, for readers of
spreadsheets. Probabilities are numbers shown as percent, dates are dates, so
the tables sort and chart; the last table is the distribution of the earliest
opening, the S-curve's points, drawn as a chart near the top.

What prints is one page: the verdict and the buffer sentence, what the numbers
assume ("Forutsetninger"), the S-curve, the fixed dates and deadlines with
their percentiles, the strongest drivers with the tornado's two ends, the
risk register (its print area); the tornado as a bar table (how many working
days P85 moves with each activity at its low and its high value), every open
activity and the distribution follow below it, for the reader at a screen.

The countdown book asks for it once (:func:`risk_sheet`); nothing else in the
workbook depends on this sheet, and it is written as .xlsx and .ods alike.
"""

from __future__ import annotations

from navplan.features.schedule_risk import RiskAnalysis
from navplan.messages import format_date, t
from navplan.render import palette
from navplan.render.risk_labels import assumption_lines, by_text, count, headline
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
                     "risk.col.criticality", "risk.col.correlation", "risk.xlsx.driver_rank", "risk.xlsx.held_low",
                     "risk.xlsx.held_high"]
_REGISTER_COLUMNS = ["col.id", "risk.col.risk", "risk.col.chance", "risk.col.delays", "risk.col.by", "col.owner",
                     "risk.col.mitigation", "risk.col.effect"]
#: The tornado's bars: a cell of block characters each side, this many for the widest swing.
BAR_CELLS = 12
_DISTRIBUTION_COLUMNS = ["risk.col.date", "risk.xlsx.slack", "risk.col.share", "risk.col.cumulative"]
#: The S-curve's size in centimetres, and the rows of 15 points kept free for it.
CHART_WIDTH, CHART_HEIGHT = 17.5, 6.5
CHART_ROWS = 13
#: What the numbers assume, beside the chart: from column F, about this many letters a line (columns F to K).
ASSUMPTIONS_COLUMN, ASSUMPTIONS_LETTERS = 6, 78
#: The drivers on the printed page, strongest first.
PRINTED_DRIVERS = 8


def risk_sheet(analysis: RiskAnalysis, lang: str) -> Sheet:
    schedule = analysis.schedule
    sheet = Sheet(t("risk.xlsx.sheet", lang))
    # Widths first: the rows' heights are fitted to them.
    sheet.widths = {1: 12, 2: 48, 3: 13, 4: 12, 5: 12, 6: 12, 7: 11, 8: 12, 9: 11, 10: 11, 11: 11}
    sheet.put(1, 1, t("risk.title", lang, office=schedule.project.plan.office,
                      as_of=format_date(schedule.as_of, lang)), bold=True, size=14)
    sheet.put(2, 1, t("risk.samples", lang, samples=count(analysis.samples, lang), count=analysis.samples,
                      seed=analysis.seed), colour=palette.MUTED)
    row = 3
    for kind, text in headline(analysis, lang):
        sheet.put(row, 1, text, bold=kind in ("ok", "tight", "fail", "strong"), colour=_COLOURS[kind])
        row += 1
    # The S-curve under a heading of its own (a chart's own title is set larger than the sheet's headings),
    # what the numbers assume beside it.
    sheet.put(row + 1, 1, t("risk.svg.label", lang), bold=True, size=12)
    chart_row = row + 2
    _assumptions(sheet, analysis, row + 1, lang)
    row = _dates(sheet, analysis, chart_row + CHART_ROWS + 1, lang)
    row = _drivers(sheet, analysis, row + 1, lang)
    row = _register(sheet, analysis, row + 1, lang)
    printed = row - 1
    # The tornado as a bar table under the printed page (its numbers are the drivers' last two columns).
    row = _tornado(sheet, analysis, row + 1, lang)
    row = _activities(sheet, analysis, row + 1, lang)
    first, last = _distribution(sheet, analysis, row + 1, lang)
    sheet.charts.append(Chart(x_column=1, y_column=4, first_row=first, last_row=last, row=chart_row, column=1,
                              width=CHART_WIDTH, height=CHART_HEIGHT))
    sheet.page = page_setup(sheet, schedule, lang)
    sheet.page.fit_width = sheet.page.fit_height = 1  # one page: the tornado's two columns fit beside the rest
    sheet.page.print_area = (1, 1, printed, len(_ACTIVITY_COLUMNS))
    return sheet


def _note(sheet: Sheet, row: int, text: str, **look) -> None:
    """A line of running text (a legend, an assumption) across the printed columns B to K, merged and
    wrapped, its row as high as its lines: in column B alone it took four times the rows."""
    import textwrap

    last = len(_ACTIVITY_COLUMNS)
    sheet.put(row, 2, text, **WRAP_TOP, **look)
    sheet.merges.append((row, 2, row, last))
    per_line = int(sum(sheet.widths.get(column, 10) for column in range(2, last + 1)) * 1.2)
    lines = max(1, len(textwrap.wrap(text, per_line)))
    if lines > 1:
        sheet.heights[row] = 15 * lines


def _heading(sheet: Sheet, row: int, key: str, columns: list[str], lang: str) -> int:
    sheet.put(row, 1, t(key, lang), bold=True, size=12)
    header_row(sheet, row + 1, [t(column, lang) for column in columns])
    return row + 2


def _dates(sheet: Sheet, analysis: RiskAnalysis, row: int, lang: str) -> int:
    if not analysis.dates:
        sheet.put(row, 1, t("risk.dates.none", lang))
        return row + 1
    sheet.put(row, 1, t("risk.section.dates", lang), bold=True, size=12)
    header_row(sheet, row + 1, [t(column, lang) for column in _DATE_COLUMNS]
               + [t("risk.xlsx.frame_date", lang, percent=level) for level in analysis.percentiles])
    row += 2
    first = row
    for date in analysis.dates:
        values = [date.id, date.title.get(lang), date.date, t(f"risk.kind.{date.kind}", lang), date.probability,
                  t("risk.deterministic.yes" if date.holds_deterministic else "risk.deterministic.no", lang)]
        values += [forecast.date for forecast in date.forecasts]
        for column, value in enumerate(values, start=1):
            sheet.put(row, column, value, **WRAP_TOP, top=HAIR)
        for offset, forecast in enumerate(date.forecasts):
            if forecast.slack < 0:
                sheet.style(row, len(_DATE_COLUMNS) + 1 + offset, colour=palette.WARNING, bold=True)
        sheet.style(row, 5, number=percent_format(date.probability, lang), **({"bold": True, "colour": palette.WARNING}
                                              if date.probability < 0.8 else {}))
        row += 1
    fit_heights(sheet, first, row - 1)
    levels = analysis.percentiles
    _note(sheet, row, t("risk.dates.legend", lang, low=levels[0], high=levels[-1]), colour=palette.MUTED)
    return row + 1


def _assumptions(sheet: Sheet, analysis: RiskAnalysis, row: int, lang: str) -> None:
    """The box headed "Forutsetninger" beside the S-curve (columns F to K, the rows the chart keeps free):
    each line wrapped to the room there, a row per printed line, so it costs the printed page no height.
    What does not fit beside the chart is cut with an ellipsis (the JSON and the terminal have it all)."""
    import textwrap

    lines = assumption_lines(analysis, lang)
    if not lines:
        return
    sheet.put(row, ASSUMPTIONS_COLUMN, t("risk.assumptions.title", lang), bold=True, size=12)
    printed = []
    for line in lines:
        wrapped = textwrap.wrap(line, ASSUMPTIONS_LETTERS - 2)
        printed += ["• " + wrapped[0]] + ["  " + rest for rest in wrapped[1:]]
    if len(printed) > CHART_ROWS:
        printed = printed[:CHART_ROWS - 1] + [printed[CHART_ROWS - 1] + " …"]
    for offset, text in enumerate(printed, start=1):
        # Not wrapped: the text runs on over the empty cells to its right, as spreadsheets show it.
        sheet.put(row + offset, ASSUMPTIONS_COLUMN, text, vertical="top", size=10)


def _tornado(sheet: Sheet, analysis: RiskAnalysis, row: int, lang: str) -> int:
    """The tornado as a bar table: for each activity held at its low and its high value, the working
    days P85 of the opening moves, as a number and as a bar (green earlier, red later), the widest first."""
    from navplan.features.schedule_risk import TORNADO_BARS

    frame = analysis.frame
    bars = analysis.tornado[:TORNADO_BARS]
    if not bars:
        sheet.put(row, 1, t("risk.tornado.none", lang, percent=frame))
        return row + 1
    sheet.put(row, 1, t("risk.tornado.title", lang, percent=frame), bold=True, size=12)
    header_row(sheet, row + 1, [t("col.id", lang), t("col.activity", lang),
                                t("risk.xlsx.held_low", lang, percent=frame), t("risk.tornado.low", lang),
                                t("risk.tornado.high", lang), t("risk.xlsx.held_high", lang, percent=frame)])
    row += 2
    reach = max(max(abs(item.low or 0), abs(item.high or 0)) for item in bars) or 1
    first = row
    for item in bars:
        low, high = item.low or 0, item.high or 0
        sheet.put(row, 1, item.id, **WRAP_TOP, top=HAIR)
        sheet.put(row, 2, item.scheduled.activity.title.get(lang), **WRAP_TOP, top=HAIR)
        sheet.put(row, 3, low, number=INTEGER, vertical="top", top=HAIR)
        sheet.put(row, 4, "█" * round(abs(low) * BAR_CELLS / reach), vertical="top", horizontal="right", top=HAIR,
                  colour=palette.OPENING)
        sheet.put(row, 5, "█" * round(abs(high) * BAR_CELLS / reach), vertical="top", horizontal="left", top=HAIR,
                  colour=palette.CRITICAL)
        sheet.put(row, 6, high, number=INTEGER, vertical="top", top=HAIR)
        row += 1
    fit_heights(sheet, first, row - 1)
    _note(sheet, row, t("risk.tornado.label", lang, percent=frame), colour=palette.MUTED)
    return row + 1


def _register(sheet: Sheet, analysis: RiskAnalysis, row: int, lang: str) -> int:
    """The plan's risks tied to the schedule, with each one's effect on P85 of the opening."""
    frame = analysis.frame
    if not analysis.events:
        sheet.put(row, 1, t("risk.register.none", lang))
        return row + 1
    sheet.put(row, 1, t("risk.section.register", lang), bold=True, size=12)
    header_row(sheet, row + 1, [t(key, lang, percent=frame) if key == "risk.col.effect" else t(key, lang)
                                for key in _REGISTER_COLUMNS])
    row += 2
    first = row
    for event in analysis.events:
        risk = event.risk
        values = [risk.id, risk.title, risk.probability, ", ".join(risk.delays), by_text(risk.by, lang),
                  risk.owner or "", risk.mitigation or "", event.effect]
        for column, value in enumerate(values, start=1):
            sheet.put(row, column, value, **WRAP_TOP, top=HAIR)
        sheet.style(row, 3, number=percent_format(risk.probability, lang))
        sheet.style(row, 8, number=INTEGER, **({"bold": True, "colour": palette.WARNING} if event.effect > 0 else {}))
        row += 1
    fit_heights(sheet, first, row - 1)
    _note(sheet, row, t("risk.register.legend", lang, percent=frame), colour=palette.MUTED)
    return row + 1


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
    sheet.put(row, 1, t(heading, lang), bold=True, size=12)
    held = ("risk.xlsx.held_low", "risk.xlsx.held_high")
    header_row(sheet, row + 1, [t(column, lang, percent=analysis.frame) if column in held else t(column, lang)
                                for column in _ACTIVITY_COLUMNS])
    row += 2
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
                  None if item.correlation is None else round(item.correlation, 4), ranks.get(item.id),
                  item.low, item.high]
        for column, value in enumerate(values, start=1):
            sheet.put(row, column, value, **WRAP_TOP, top=HAIR, bold=column == 1 and item.id in ranks)
        sheet.style(row, 7, number=percent_format(item.criticality, lang))
        sheet.style(row, 8, number=DECIMAL)
        sheet.style(row, 9, number=INTEGER)
        sheet.style(row, 10, number=INTEGER)
        sheet.style(row, 11, number=INTEGER)
        row += 1
    fit_heights(sheet, first, row - 1)
    _note(sheet, row, t("risk.drivers.legend", lang, percent=analysis.frame), colour=palette.MUTED)
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
