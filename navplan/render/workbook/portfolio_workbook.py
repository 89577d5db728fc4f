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
from navplan.features.portfolio import PortfolioLine
from navplan.messages import format_date, t
from navplan.render import palette
from navplan.render.workbook.print_fit import pages_wide
from navplan.render.workbook.sheet_model import INTEGER, PERCENT, Book, PageSetup, Sheet, fit_heights, fit_width, header_row

COLUMNS = ["portfolio.col.office", "portfolio.col.file", "portfolio.col.opening", "portfolio.col.holds",
           "portfolio.col.slack", "portfolio.col.critical_id", "portfolio.col.critical_title",
           "portfolio.col.overdue", "portfolio.col.next_deadline", "portfolio.col.next_deadline_id",
           "portfolio.col.status", "portfolio.col.on_time"]
TITLE_ROW, SUBTITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 4, 5
#: Column widths (characters) within bounds: the whole table fits one A4 landscape page at a readable size.
_BOUNDS = {1: (14, 22), 2: (14, 26), 3: (11, 11), 4: (7, 8), 5: (7, 8), 6: (8, 9), 7: (16, 26), 8: (9, 9),
           9: (11, 11), 10: (8, 9), 11: (10, 26), 12: (7, 8)}
#: The probability of opening on time (`navplan risk`), a share shown as percent.
_ON_TIME = 12
#: Long texts wrap rather than widen the sheet past a readable print.
_WRAP = {1, 2, 7, 11}
#: Ids stand apart from the numbers beside them.
_CENTRED = {6, 10}
#: Columns in red on a plan that does not hold, or could not be read.
_WARN = {4, 5, 11}


def portfolio_book(lines: list[PortfolioLine], as_of: dt.date, lang: str) -> Book:
    sheet = Sheet(t("portfolio.sheet", lang))
    title = t("portfolio.title", lang, as_of=format_date(as_of, lang), count=len(lines))
    sheet.put(TITLE_ROW, 1, title, bold=True, size=14)
    sheet.put(SUBTITLE_ROW, 1, t("portfolio.xlsx.subtitle", lang, as_of=format_date(as_of, lang),
                                 version=navplan.__version__))
    labels = [t(key, lang) for key in COLUMNS]
    header_row(sheet, HEADER_ROW, labels)
    texts: dict[int, list[str]] = {column: [label] for column, label in enumerate(labels, start=1)}
    for row, line in enumerate(lines, start=FIRST_ROW):
        late = line.error is not None or not line.holds
        for column, value in enumerate(_values(line, lang), start=1):
            if value is None or value == "":
                continue
            number = PERCENT if column == _ON_TIME else INTEGER if isinstance(value, int) else None
            sheet.put(row, column, value, vertical="top", number=number, wrap=column in _WRAP,
                      horizontal="center" if column in _CENTRED else None,
                      **({"colour": palette.WARNING} if late and column in _WARN else {}))
            texts[column].append(value if isinstance(value, str) else "0000000000")
    last_row = max(HEADER_ROW, HEADER_ROW + len(lines))
    sheet.freeze = (FIRST_ROW, 1)
    sheet.filter = (HEADER_ROW, 1, last_row, len(COLUMNS))
    sheet.widths = {column: fit_width(texts[column], *_BOUNDS[column]) for column in _BOUNDS}
    fit_heights(sheet, FIRST_ROW, last_row)
    sheet.heights[HEADER_ROW] = 30
    sheet.page = PageSetup(fit_width=pages_wide(sheet, len(COLUMNS), title_columns=(1, 1)), title_columns=(1, 1),
                           title_rows=(TITLE_ROW, HEADER_ROW), header=("", title, ""), across_then_down=True,
                           footer=("", t("xlsx.footer.as_of", lang, date=format_date(as_of, lang)),
                                   t("xlsx.footer.page", lang)))
    return Book([sheet], creator=f"navplan {navplan.__version__}")


def _values(line: PortfolioLine, lang: str) -> list[object]:
    """One office's cells: dates as dates, numbers as numbers, ids apart from titles."""
    if line.error is not None:
        return [line.office or "", line.file, line.opening, "", None, "", "", None, None, "", line.error.render(lang),
                None]
    if not line.holds:
        status = t("portfolio.missing", lang, days=line.missing_working_days)
    elif line.slack_to_opening == 0:
        status = t("portfolio.tight", lang)
    else:
        status = t("portfolio.ok", lang)
    return [line.office, line.file, line.opening, t("portfolio.yes" if line.holds else "portfolio.no", lang),
            line.slack_to_opening, line.critical_id or "", line.critical_title or "", line.overdue,
            line.next_deadline, line.next_deadline_id or "", status, line.probability_on_time]


def portfolio_workbook_bytes(lines: list[PortfolioLine], as_of: dt.date, lang: str, file_format: str = "xlsx") -> bytes:
    from navplan.render.workbook.countdown_workbook import book_bytes

    return book_bytes(portfolio_book(lines, as_of, lang), file_format)
