"""Cells for the workbook: every value goes through :func:`put`, so no text
from a plan file can ever become a formula, and the sheets share one look.

Only the Excel renderer imports this module (it pulls in openpyxl).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = "DD.MM.YYYY"
#: Excel refuses longer cell text; it would ask to "repair" the file.
MAX_CELL_TEXT = 32767

CRITICAL = "E06666"
OTHER = "6FA8DC"
DONE = "BFBFBF"
SUMMARY = "1F3864"
AS_OF = "FFD966"
OPENING = "93C47D"
HEADER = "D9E1F2"

WARNING = "C00000"
#: openpyxl's own default; a Font without a name makes spreadsheets guess (LibreOffice guesses a serif).
FONT_NAME = "Calibri"


def font(*, bold: bool = False, size: float = 11, colour: str | None = None) -> Font:
    return Font(name=FONT_NAME, bold=bold, size=size, color=colour)


BOLD = font(bold=True)
TITLE = font(bold=True, size=14)
THIN = Side(style="thin", color="808080")
HEADER_BORDER = Border(bottom=THIN)
SUMMARY_BAR = Side(style="thick", color=SUMMARY)
ROW_LINE = Side(style="hair", color="BFBFBF")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


def safe_text(text: str) -> str:
    """Text openpyxl will write: characters XML cannot hold are replaced
    (a plan file may carry them in a quoted YAML string), and overlong text cut."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)[:MAX_CELL_TEXT]


def put(ws: Worksheet, row: int, column: int, value: Any, *, font: Font | None = None,
        alignment: Alignment | None = None, fill_colour: str | None = None):
    """Write one cell. Text is always stored as text: openpyxl would turn a
    string starting with "=" into a formula, and a plan's titles and owners
    are not ours to trust. Dates get the Norwegian day.month.year format."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    if fill_colour is not None:
        cell.fill = fill(fill_colour)
    return cell


def header_row(ws: Worksheet, row: int, labels: list[str], first_column: int = 1) -> None:
    for offset, label in enumerate(labels):
        put(ws, row, first_column + offset, label, font=BOLD, fill_colour=HEADER,
            alignment=Alignment(vertical="bottom", wrap_text=True)).border = HEADER_BORDER


def set_widths(ws: Worksheet, widths: dict[int, float]) -> None:
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width


def fit_width(texts: list[str], minimum: float, maximum: float) -> float:
    """A column as wide as its longest line, within bounds. Excel's unit is one
    digit, wider than the average letter of running text, hence the 0.9."""
    longest = max((len(line) for text in texts for line in text.splitlines()), default=0)
    return max(minimum, min(maximum, round(longest * 0.9) + 2))


def fit_heights(ws: Worksheet, first_row: int, last_row: int, line_height: float = 15) -> None:
    """Tall enough rows for wrapped text. Neither Excel nor LibreOffice reliably
    grows a row on opening a file, so the height is written down."""
    for row in range(first_row, last_row + 1):
        lines = 1
        for cell in ws[row]:
            if not (isinstance(cell.value, str) and cell.alignment.wrap_text):
                continue
            width = ws.column_dimensions[cell.column_letter].width or 10
            per_line = max(1, int(width * 1.15))
            lines = max(lines, sum(-(-max(1, len(part)) // per_line) for part in cell.value.split("\n")))
        if lines > 1:
            ws.row_dimensions[row].height = line_height * lines


def print_setup(ws: Worksheet, title_rows: str | None = None) -> None:
    """A4 landscape, one page wide, as long as it takes."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # Narrow margins (inches): the scale is set by the width, and every bit of it counts.
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom = 0.5, 0.6
    ws.page_margins.header, ws.page_margins.footer = 0.2, 0.3
    if title_rows:
        ws.print_title_rows = title_rows


def footer(ws: Worksheet, office: str, as_of_text: str, page_text: str) -> None:
    # "&" starts a code in a footer; the office name is shown as written.
    ws.oddFooter.left.text = safe_text(office)[:100].replace("&", "&&")
    ws.oddFooter.center.text = as_of_text
    ws.oddFooter.right.text = page_text
