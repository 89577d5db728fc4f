"""How many pages wide a sheet prints so that its text stays readable.

Spreadsheets fit a sheet to N pages wide by shrinking it; fitted to one A4
page, a countdown of fifty weeks prints at about four points. Here N is the
fewest pages at which the sheet's 11-point text prints at MIN_SCALE or
more, counting the title columns repeated on every page after the first.
"""

from __future__ import annotations

from navplan.render.workbook.sheet_model import Sheet

#: 11-point text printed at 68 % is 7.5 points: the smallest size we call readable.
MIN_SCALE = 0.68
#: Printable width of A4 landscape between the 0.4-inch margins, in points.
A4_LANDSCAPE_WIDTH = 11.69 * 72 - 2 * 0.4 * 72
#: A column of w characters is about 7 points a character wide as LibreOffice lays
#: out an xlsx (Excel: 5.25 points and 3.75 points of padding); the wider one is counted.
POINTS_PER_CHARACTER = 7.0


def width_points(sheet: Sheet, first: int, last: int) -> float:
    """The printed width of columns ``first``..``last`` at 100 %, in points."""
    return sum(POINTS_PER_CHARACTER * sheet.widths.get(column, 8.43) for column in range(first, last + 1))


def pages_wide(sheet: Sheet, last_column: int, title_columns: tuple[int, int] | None = None,
               page_width: float = A4_LANDSCAPE_WIDTH) -> int:
    """The fewest pages wide at which the sheet prints at MIN_SCALE or more.

    >>> from navplan.render.workbook.sheet_model import Sheet
    >>> narrow, wide = Sheet("a", widths={1: 10, 2: 40}), Sheet("b", widths={c: 20 for c in range(1, 21)})
    >>> pages_wide(narrow, 2), pages_wide(wide, 20)
    (1, 3)
    """
    total = width_points(sheet, 1, last_column)
    repeated = width_points(sheet, *title_columns) if title_columns else 0.0
    pages = 1
    while pages < 20 and (pages * page_width) / (total + (pages - 1) * repeated) < MIN_SCALE:
        pages += 1
    return pages
