"""The portfolio as a workbook: one sheet, one row per office in risk order,
under a title that says when it was made.

Dates are real dates, numbers numbers, and each id has a column of its own,
so the sheet sorts and filters by any of them. Every cell goes through
:meth:`~navplan.render.workbook.sheet_model.Sheet.put`, so an office name or
error text from a plan file can never become a formula.
"""

from __future__ import annotations

import datetime as dt

import navplan
from navplan.features.portfolio import PORTFOLIO_SAMPLES, PortfolioLine
from navplan.messages import format_date, t
from navplan.render import palette
from navplan.render.labels import (
    fewer_samples_note,
    portfolio_status,
    portfolio_title,
    portfolio_tone,
    portfolio_warns,
)
from navplan.render.workbook.print_fit import pages_wide
from navplan.render.workbook.sheet_model import (
    INTEGER,
    Book,
    PageSetup,
    Sheet,
    fit_heights,
    fit_width,
    header_row,
    percent_format,
)

COLUMNS = ["portfolio.col.office", "portfolio.col.file", "portfolio.col.opening", "portfolio.col.holds",
           "portfolio.col.slack", "portfolio.col.worst_date_slack", "portfolio.col.worst_date_id",
           "portfolio.col.critical_id", "portfolio.col.critical_title", "portfolio.col.overdue",
           "portfolio.col.next_deadline", "portfolio.col.next_deadline_id", "portfolio.col.status",
           "portfolio.col.on_time", "buffer_p50", "buffer_p85"]
TITLE_ROW, SUBTITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 4, 5


def _number(key: str) -> int:
    """A column's number (1 = A) by its key."""
    return COLUMNS.index(key) + 1


def _numbers(*keys: str) -> set[int]:
    return {_number(key) for key in keys}


#: Column widths (characters) within bounds: the whole table fits one A4 landscape page at a readable size.
_BOUNDS = {_number(key): bounds for key, bounds in {
    "portfolio.col.office": (14, 20), "portfolio.col.file": (12, 18), "portfolio.col.opening": (11, 11),
    "portfolio.col.holds": (7, 7), "portfolio.col.slack": (7, 7), "portfolio.col.worst_date_slack": (7, 7),
    "portfolio.col.worst_date_id": (8, 8), "portfolio.col.critical_id": (8, 8),
    "portfolio.col.critical_title": (14, 18), "portfolio.col.overdue": (7, 9), "portfolio.col.next_deadline": (11, 11),
    "portfolio.col.next_deadline_id": (8, 8), "portfolio.col.status": (10, 22), "portfolio.col.on_time": (7, 7),
    "buffer_p50": (7, 8), "buffer_p85": (7, 8),
}.items()}
#: The probability of opening on time (`navplan risk`), a share shown as percent.
_ON_TIME = _number("portfolio.col.on_time")
#: Long texts wrap rather than widen the sheet past a readable print.
_WRAP = _numbers("portfolio.col.office", "portfolio.col.file", "portfolio.col.critical_title", "portfolio.col.status")
#: Ids stand apart from the numbers beside them.
_CENTRED = _numbers("portfolio.col.worst_date_id", "portfolio.col.critical_id", "portfolio.col.next_deadline_id")
#: Columns in red: the opening's when it does not hold, the worst date's when it is missed, the status when either.
_OPENING_LATE = _numbers("portfolio.col.holds", "portfolio.col.slack")
_DATE_MISSED = _numbers("portfolio.col.worst_date_slack", "portfolio.col.worst_date_id")
_STATUS = _number("portfolio.col.status")


def _label(key: str, lang: str) -> str:
    """A column's heading; the buffer's two (P50 and P85) share one message."""
    if key.startswith("buffer_p"):
        return t("portfolio.col.buffer", lang, percent=int(key.removeprefix("buffer_p")))
    return t(key, lang)


def portfolio_book(lines: list[PortfolioLine], as_of: dt.date, lang: str, *, county: str | None = None,
                   since: dt.date | str | None = None, samples: int = PORTFOLIO_SAMPLES) -> Book:
    """The portfolio's sheet, titled with the county's name when there is a county file; with
    ``since``, a second sheet of what moved in each office since then. Fewer ``samples`` than
    `navplan risk` takes are said in the subtitle."""
    sheet = Sheet(t("portfolio.sheet", lang))
    title = portfolio_title(lines, as_of, lang, county)
    sheet.put(TITLE_ROW, 1, title, bold=True, size=14)
    subtitle = t("portfolio.xlsx.subtitle", lang, as_of=format_date(as_of, lang), version=navplan.__version__)
    fewer = fewer_samples_note(lines, samples, lang)
    sheet.put(SUBTITLE_ROW, 1, subtitle if fewer is None else f"{subtitle} · {fewer}")
    labels = [_label(key, lang) for key in COLUMNS]
    header_row(sheet, HEADER_ROW, labels)
    texts: dict[int, list[str]] = {column: [label] for column, label in enumerate(labels, start=1)}
    for row, line in enumerate(lines, start=FIRST_ROW):
        red = {_STATUS} if portfolio_warns(line) and line.verdict is None else set()
        tone = portfolio_tone(line)
        if line.error is not None or line.holds is False:
            red |= _OPENING_LATE
        if (line.worst_deadline_slack or 0) < 0:
            red |= _DATE_MISSED
        for column, value in enumerate(_values(line, lang), start=1):
            if value is None or value == "":
                continue
            number = percent_format(value, lang) if column == _ON_TIME else INTEGER if isinstance(value, int) else None
            verdict = {"fill": palette.VERDICT_FILL[tone]} if column == _STATUS and tone in palette.VERDICT_FILL else {}
            sheet.put(row, column, value, vertical="top", number=number, wrap=column in _WRAP,
                      horizontal="center" if column in _CENTRED else None,
                      **({"colour": palette.WARNING} if column in red else {}), **verdict)
            texts[column].append(value if isinstance(value, str) else "0000000000")
    last_row = max(HEADER_ROW, HEADER_ROW + len(lines))
    sheet.freeze = (FIRST_ROW, 1)
    sheet.filter = (HEADER_ROW, 1, last_row, len(COLUMNS))
    sheet.widths = {column: fit_width(texts[column], *_BOUNDS[column]) for column in _BOUNDS}
    fit_heights(sheet, HEADER_ROW, last_row)  # the header too: narrow columns wrap their labels
    sheet.heights[HEADER_ROW] = max(30, sheet.heights.get(HEADER_ROW, 0))
    sheet.page = PageSetup(fit_width=pages_wide(sheet, len(COLUMNS), title_columns=(1, 1)), title_columns=(1, 1),
                           title_rows=(TITLE_ROW, HEADER_ROW), header=("", title, ""), across_then_down=True,
                           footer=("", t("xlsx.footer.as_of", lang, date=format_date(as_of, lang)),
                                   t("xlsx.footer.page", lang)))
    sheets = [sheet]
    if since is not None:
        from navplan.render.workbook.portfolio_changes_sheet import changes_sheet

        sheets.append(changes_sheet(lines, since, as_of, lang))
    return Book(sheets, creator=f"navplan {navplan.__version__}")



def _values(line: PortfolioLine, lang: str) -> list[object]:
    """One office's cells, in the order of :data:`COLUMNS`: dates as dates,
    numbers as numbers, ids apart from titles."""
    from navplan.errors import shown_path

    status = portfolio_status(line, lang)
    if line.error is not None:
        return [line.office or "", shown_path(line.file), line.opening] + [None] * (len(COLUMNS) - 7) + [status, None,
                                                                                                      None, None]
    holds = t("portfolio.yes" if line.holds else "portfolio.no", lang)
    return [line.office, shown_path(line.file), line.opening, holds,
            line.slack_to_opening, line.worst_deadline_slack, line.worst_deadline_id or "",
            line.critical_id or "", line.critical_title or "", line.overdue,
            line.next_deadline, line.next_deadline_id or "", status, line.probability_on_time,
            *((line.buffer or {}).get(level) for level in (50, 85))]


def portfolio_workbook_bytes(lines: list[PortfolioLine], as_of: dt.date, lang: str, file_format: str = "xlsx", *,
                             county: str | None = None, since: dt.date | str | None = None,
                             samples: int = PORTFOLIO_SAMPLES) -> bytes:
    from navplan.render.workbook.countdown_workbook import book_bytes

    return book_bytes(portfolio_book(lines, as_of, lang, county=county, since=since, samples=samples), file_format)
