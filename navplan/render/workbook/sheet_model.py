"""A workbook described once, written as .xlsx or .ods.

The sheet modules decide what each sheet holds and how it looks and prints:
values, fonts, fills, borders, widths, groups, frozen panes, filters, the
status dropdown, page setup, header and footer. They write it into a
:class:`Book`; :mod:`~navplan.render.workbook.xlsx_writer` (openpyxl) and
:mod:`~navplan.render.workbook.ods_writer` (odfpy) turn the same book into a
file. So the two formats cannot drift apart, and neither library is imported
here.

Every value goes through :meth:`Sheet.put`: text is stored as text by both
writers (never as a formula), characters XML cannot hold are replaced, and
overlong text is cut.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass, field, replace

from navplan.features.workbook_file import column_letter  # noqa: F401  (one spreadsheet addressing)
from navplan.render import palette

Value = str | int | float | dt.date | None

#: The number formats a cell may have; each writer spells them its own way. A share
#: from 0 to 1 shown as a whole percent, and a number with two decimals.
DATE, INTEGER, PERCENT, DECIMAL = "date", "integer", "percent", "decimal"


@dataclass(frozen=True)
class ShownAs:
    """A number format that shows a number as these words: a share kept as a number
    (it sorts and sums) that reads "over 99 %" as the terminal says it."""

    text: str


def percent_format(probability: float, lang: str) -> str | ShownAs:
    """The number format of a probability: a whole percent, except where rounding
    would show 100 % or 0 % for what is not certain; then the words the terminal
    uses (:func:`navplan.render.risk_labels.percent`), so every output reads alike.

    >>> percent_format(0.84, "nb"), percent_format(0.9996, "nb"), percent_format(1.0, "en")
    ('percent', ShownAs(text='over 99 %'), 'percent')
    """
    from navplan.render.risk_labels import percent

    if 0 < probability < 0.005 or 0.995 <= probability < 1:
        return ShownAs(percent(probability, lang))
    return PERCENT
#: Excel refuses longer cell text; it would ask to "repair" the file.
MAX_CELL_TEXT = 32767
#: Characters XML 1.0 cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE, without importing it).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: openpyxl's default font; a font without a name makes spreadsheets guess (LibreOffice guesses a serif).
FONT_NAME = "Calibri"
FONT_SIZE = 11
#: Page-number fields in a header or footer text, as Excel writes them; the ods writer translates.
PAGE, PAGES = "&P", "&N"


@dataclass(frozen=True)
class Line:
    """A cell border: hair, thin, medium or thick, in a palette colour."""

    weight: str
    colour: str


HAIR = Line("hair", palette.ROW_LINE)
THIN = Line("thin", palette.BORDER)
SUMMARY_BAR = Line("thick", palette.SUMMARY)
AS_OF_EDGE = Line("medium", palette.AS_OF_LINE)
OPENING_EDGE = Line("medium", palette.OPENING_LINE)


@dataclass(frozen=True)
class Look:
    """How one cell looks. ``None`` and ``False`` mean the spreadsheet's default."""

    bold: bool = False
    size: float = FONT_SIZE
    colour: str | None = None
    fill: str | None = None
    number: str | ShownAs | None = None  # DATE, INTEGER, PERCENT, DECIMAL, or a number shown as words
    horizontal: str | None = None  # left, center, right
    vertical: str | None = None  # top, bottom
    wrap: bool = False
    indent: int = 0
    upright: bool = False  # text turned 90°, read bottom to top
    top: Line | None = None
    bottom: Line | None = None
    left: Line | None = None


@dataclass
class Cell:
    value: Value
    look: Look


@dataclass(frozen=True)
class Choice:
    """A dropdown of words on runs of rows in one column."""

    words: tuple[str, ...]
    column: int
    runs: tuple[tuple[int, int], ...]


@dataclass
class PageSetup:
    """How a sheet prints. Header and footer are (left, centre, right) texts;
    PAGE and PAGES in them are the page number and count."""

    landscape: bool = True
    paper: str = "A4"
    fit_width: int = 1  # pages wide; 0 leaves the scale at 100 %
    fit_height: int = 0  # pages tall when fitting to pages wide; 0 as many as it takes
    scale: int | None = None  # a fixed scale in percent instead of fitting to pages wide
    column_breaks: tuple[int, ...] = ()  # the columns that begin a new page
    print_area: tuple[int, int, int, int] | None = None  # first row, first column, last row, last column
    title_rows: tuple[int, int] | None = None
    title_columns: tuple[int, int] | None = None
    across_then_down: bool = False
    header: tuple[str, str, str] = ("", "", "")
    footer: tuple[str, str, str] = ("", "", "")


@dataclass
class Sheet:
    title: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)  # in characters, as Excel counts them
    heights: dict[int, float] = field(default_factory=dict)  # in points
    outline: dict[int, int] = field(default_factory=dict)  # row → group depth; a group's summary row is above it
    freeze: tuple[int, int] | None = None  # the first row and column that scroll
    filter: tuple[int, int, int, int] | None = None  # first row, first column, last row, last column
    choices: list[Choice] = field(default_factory=list)
    # first row, first column, last row, last column
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    page: PageSetup = field(default_factory=PageSetup)
    hidden: bool = False  # not shown or printed (the record `navplan sync` reads)

    def put(self, row: int, column: int, value: Value, **look) -> Cell:
        """Write one cell, keeping what it already had of its look unless ``look`` says otherwise."""
        if isinstance(value, str):
            value = safe_text(value)
        elif isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date) and look.get("number") is None:
            look["number"] = DATE
        cell = self.cells.get((row, column))
        if cell is None:
            cell = self.cells[(row, column)] = Cell(value, Look(**look))
        else:
            cell.value = value
            cell.look = replace(cell.look, **look)
        return cell

    def style(self, row: int, column: int, **look) -> None:
        """Change a cell's look, keeping its value."""
        cell = self.cells.get((row, column))
        self.put(row, column, None if cell is None else cell.value, **look)

    def look(self, row: int, column: int) -> Look:
        cell = self.cells.get((row, column))
        return Look() if cell is None else cell.look

    @property
    def max_row(self) -> int:
        return max((row for row, _column in self.cells), default=0)

    @property
    def max_column(self) -> int:
        return max((column for _row, column in self.cells), default=0)


@dataclass(frozen=True)
class Chart:
    """A line chart of one series drawn from the sheet's cells: x values (dates) in ``x_column`` and
    y values in ``y_column``, rows ``first_row``..``last_row``; placed with its top left corner at
    (``row``, ``column``), ``width`` by ``height`` centimetres; y from 0 to 1 shown as percent."""

    x_column: int
    y_column: int
    first_row: int
    last_row: int
    row: int
    column: int
    width: float
    height: float


@dataclass
class Book:
    sheets: list[Sheet]
    creator: str = ""


def safe_text(text: str) -> str:
    """Text both formats can hold: characters XML cannot hold are replaced
    (a plan file may carry them in a quoted YAML string), and overlong text cut.

    >>> safe_text("Ring\\x0bKari")
    'Ring�Kari'
    """
    return _ILLEGAL.sub("\ufffd", text)[:MAX_CELL_TEXT]


def header_row(sheet: Sheet, row: int, labels: list[str], first_column: int = 1) -> None:
    for offset, label in enumerate(labels):
        sheet.put(row, first_column + offset, label, bold=True, fill=palette.HEADER, vertical="bottom", wrap=True,
                  bottom=THIN)


def fit_width(texts: list[str], minimum: float, maximum: float) -> float:
    """A column as wide as its longest line, within bounds. Excel's unit is one
    digit, wider than the average letter of running text, hence the 0.9.

    >>> fit_width(["kort", "en lengre tekst"], 6, 12)
    12
    """
    longest = max((len(line) for text in texts for line in text.splitlines()), default=0)
    return max(minimum, min(maximum, round(longest * 0.9) + 2))


def fit_heights(sheet: Sheet, first_row: int, last_row: int, line_height: float = 15) -> None:
    """Tall enough rows for wrapped text. Neither Excel nor LibreOffice reliably
    grows a row on opening a file, so the height is written down."""
    lines_by_row: dict[int, int] = {}
    for (row, column), cell in sheet.cells.items():
        if not (first_row <= row <= last_row and isinstance(cell.value, str) and cell.look.wrap):
            continue
        # About 1.2 letters of running text per width unit; bold is wider, and an indent takes three units a level.
        room = sheet.widths.get(column, 10) - 3 * cell.look.indent
        per_line = max(1, int(room * (1.1 if cell.look.bold else 1.2)))
        # Spreadsheets wrap at spaces and hyphens, as textwrap does: a long word goes to the next line.
        lines = sum(max(1, len(textwrap.wrap(part, per_line))) for part in cell.value.split("\n"))
        lines_by_row[row] = max(lines_by_row.get(row, 1), lines)
    for row, lines in lines_by_row.items():
        if lines > 1:
            sheet.heights[row] = line_height * lines


def title_height(text: str, width: float, size: float, bold: bool = False) -> float:
    """The height of a row whose ``text`` wraps in ``width`` characters of Excel's unit at ``size``
    points: lines of about 1.2 letters a unit at 11 points (fewer at a larger size, and in bold),
    each 1.36 times the size high.

    >>> title_height("Nedtellingskalender: NAV Indre Østfold, åpning 01.01.2020", 46, 14, bold=True)
    38.1
    """
    per_line = max(1, int(width * 1.2 * FONT_SIZE / size / (1.1 if bold else 1.0)))
    lines = sum(max(1, len(textwrap.wrap(part, per_line))) for part in text.split("\n"))
    return round(lines * size * 1.36, 1)


def runs(numbers: list[int]) -> tuple[tuple[int, int], ...]:
    """Consecutive numbers as (first, last) pairs.

    >>> runs([6, 7, 9, 11, 12, 13])
    ((6, 7), (9, 9), (11, 13))
    """
    found: list[tuple[int, int]] = []
    for number in numbers:
        if found and found[-1][1] == number - 1:
            found[-1] = (found[-1][0], number)
        else:
            found.append((number, number))
    return tuple(found)
