"""How many pages wide a sheet prints so that its text stays readable.

Spreadsheets fit a sheet to N pages wide by shrinking it; fitted to one A4
page, a countdown of fifty weeks prints at about four points. Here N is the
fewest pages at which the sheet's 11-point text prints at MIN_SCALE or
more, counting the title columns repeated on every page after the first.
"""

from __future__ import annotations

import math

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

    >>> import math

from navplan.render.workbook.sheet_model import Sheet
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


def print_across(sheet: Sheet, table_last: int, chart: range, narrowest: float, widest: float,
                 title_columns: tuple[int, int] = (1, 2), page_width: float = A4_LANDSCAPE_WIDTH
                 ) -> tuple[int, tuple[int, ...]]:
    """A sheet of a table (columns 1..``table_last``) and a chart of equal columns (``chart``) laid
    out for print: the whole table on the first page, so a row's every cell is on one page, and
    on each page after it the title columns and as many of the chart's columns as fit, the
    chart's column width chosen between ``narrowest`` and ``widest`` so its pages are few and
    evenly filled. Sets the chart's widths; returns the scale (percent) and the columns that
    begin a page. When everything fits one page wide at a readable size, one page it is.

    A table of 160 characters (1,120 points) and its chart take more than one page at 68 %; a page
    after the table holds 1,153 points at 68 %, 1,013 beside the title columns' 140: 58 weeks of 2.4
    characters (2.0 a week would be 812 points), or 150 weeks over three pages, 50 of 2.8 characters
    on each. A table of 100 characters and three weeks fit one page, at 100 %.

    >>> from navplan.render.workbook.sheet_model import Sheet
    >>> sheet = Sheet("a", widths={column: 10 for column in range(1, 17)})
    >>> print_across(sheet, 16, range(17, 75), 2.0, 3.6), sheet.widths[17]
    ((68, (17,)), 2.4)
    >>> print_across(sheet, 16, range(17, 167), 2.0, 3.6), sheet.widths[17]
    ((68, (17, 67, 117)), 2.8)
    >>> small = Sheet("b", widths={column: 10 for column in range(1, 11)})
    >>> print_across(small, 10, range(11, 14), 2.0, 3.6), small.widths[11]
    ((100, ()), 3.6)
    """
    table = width_points(sheet, 1, table_last)
    total = table + len(chart) * widest * POINTS_PER_CHARACTER
    if page_width / total >= MIN_SCALE or not chart:
        sheet.widths.update(dict.fromkeys(chart, widest))
        return min(100, math.floor(100 * page_width / total)), ()
    # Pages across, whatever their scale: the smallest readable one puts the most on each, across and down.
    scale = round(100 * MIN_SCALE)
    room = page_width * 100 / scale - width_points(sheet, *title_columns)
    pages = math.ceil(len(chart) * narrowest * POINTS_PER_CHARACTER / room)
    per_page = math.ceil(len(chart) / pages)
    width = min(widest, math.floor(10 * room / per_page / POINTS_PER_CHARACTER) / 10)
    sheet.widths.update(dict.fromkeys(chart, width))
    return scale, (table_last + 1, *(chart.start + page * per_page for page in range(1, pages)))
