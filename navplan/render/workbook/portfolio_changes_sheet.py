"""The portfolio workbook's sheet of changes (`navplan portfolio --since -o FILE.xlsx`):
one row per office, what moved since the last county meeting.

The revision's date and the opening dates are real dates, the slacks and their
change numbers, so the sheet sorts by them; the lists (status changes, the dates
that moved most, the dates newly missed) are text, one item a line. Every cell
goes through :meth:`~navplan.render.workbook.sheet_model.Sheet.put`, so nothing
from a plan or a commit can become a formula.
"""

from __future__ import annotations

import datetime as dt

from navplan.features.portfolio import PortfolioLine
from navplan.messages import format_date, t
from navplan.render import palette
from navplan.render.portfolio_changes import (
    changes_subtitle,
    changes_title,
    compared,
    missed_lines,
    moved_lines,
    status_lines,
)
from navplan.render.workbook.print_fit import pages_wide
from navplan.render.workbook.sheet_model import INTEGER, PageSetup, Sheet, fit_heights, fit_width, header_row

COLUMNS = ["portfolio.col.office", "portfolio.col.file", "changes.col.compared", "changes.col.revision_date",
           "changes.col.opening_before", "portfolio.col.opening", "changes.col.slack_before", "changes.col.slack_now",
           "changes.col.change", "changes.col.status", "changes.col.moved", "changes.col.missed"]
TITLE_ROW, SUBTITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 4, 5
_BOUNDS = {
    "portfolio.col.office": (14, 20), "portfolio.col.file": (12, 18), "changes.col.compared": (9, 24),
    "changes.col.revision_date": (11, 11), "changes.col.opening_before": (11, 11), "portfolio.col.opening": (11, 11),
    "changes.col.slack_before": (7, 7), "changes.col.slack_now": (7, 7), "changes.col.change": (8, 8),
    "changes.col.status": (14, 26), "changes.col.moved": (14, 26), "changes.col.missed": (14, 26),
}
_WRAP = {"portfolio.col.office", "portfolio.col.file", "changes.col.compared", "changes.col.status",
         "changes.col.moved", "changes.col.missed"}


def changes_sheet(lines: list[PortfolioLine], since: dt.date | str, as_of: dt.date, lang: str) -> Sheet:
    sheet = Sheet(t("changes.sheet", lang))
    title = changes_title(since, as_of, lang)
    sheet.put(TITLE_ROW, 1, title, bold=True, size=14)
    sheet.put(SUBTITLE_ROW, 1, changes_subtitle(since, lang))
    labels = [t(key, lang) for key in COLUMNS]
    header_row(sheet, HEADER_ROW, labels)
    texts: dict[int, list[str]] = {column: [label] for column, label in enumerate(labels, start=1)}
    shown = compared(lines)
    for row, line in enumerate(shown, start=FIRST_ROW):
        for column, (key, value) in enumerate(zip(COLUMNS, _values(line, lang), strict=True), start=1):
            if value is None or value == "":
                continue
            late = key in ("changes.col.change", "changes.col.missed") and (
                (isinstance(value, int) and value < 0) or isinstance(value, str))
            sheet.put(row, column, value, vertical="top", wrap=key in _WRAP,
                      number=INTEGER if isinstance(value, int) else None,
                      **({"colour": palette.WARNING} if late else {}))
            texts[column].append(value if isinstance(value, str) else "0000000000")
    last_row = max(HEADER_ROW, HEADER_ROW + len(shown))
    sheet.freeze = (FIRST_ROW, 1)
    sheet.filter = (HEADER_ROW, 1, last_row, len(COLUMNS))
    sheet.widths = {column: fit_width(texts[column], *_BOUNDS[key]) for column, key in enumerate(COLUMNS, start=1)}
    fit_heights(sheet, HEADER_ROW, last_row)
    sheet.heights[HEADER_ROW] = max(30, sheet.heights.get(HEADER_ROW, 0))
    sheet.page = PageSetup(fit_width=pages_wide(sheet, len(COLUMNS), title_columns=(1, 1)), title_columns=(1, 1),
                           title_rows=(TITLE_ROW, HEADER_ROW), header=("", title, ""), across_then_down=True,
                           footer=("", t("xlsx.footer.as_of", lang, date=format_date(as_of, lang)),
                                   t("xlsx.footer.page", lang)))
    return sheet


def _values(line: PortfolioLine, lang: str) -> list[object]:
    """One office's cells, in the order of :data:`COLUMNS`."""
    from navplan.features.portfolio_history import no_history_message

    changes = line.changes
    if changes.no_history is not None:
        return [line.office, line.file, no_history_message(changes.no_history).render(lang)] + [None] * 9
    return [line.office, line.file, changes.revision_short, changes.revision_date, changes.opening_before,
            changes.opening_after, changes.slack_before, changes.slack_after, changes.slack_change,
            "\n".join(status_lines(changes, lang)), "\n".join(moved_lines(changes, lang)),
            "\n".join(missed_lines(changes, lang))]
