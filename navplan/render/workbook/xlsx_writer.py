"""A :class:`~navplan.render.workbook.sheet_model.Book` as an .xlsx file (openpyxl).

Only this module and the test helpers import openpyxl to write, so the
commands that do not write workbooks never load it.
"""

from __future__ import annotations

import io
from functools import cache

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from navplan.render.workbook.sheet_model import (
    DATE,
    DECIMAL,
    FONT_NAME,
    INTEGER,
    PAGE,
    PAGES,
    PERCENT,
    Book,
    Chart,
    Line,
    Look,
    Sheet,
    ShownAs,
    column_letter,
    safe_text,
)

_NUMBER_FORMATS = {DATE: "DD.MM.YYYY", INTEGER: "0", PERCENT: "0%", DECIMAL: "0.00"}
_PAPER = {"A4": Worksheet.PAPERSIZE_A4, "A3": Worksheet.PAPERSIZE_A3}


def xlsx_bytes(book: Book) -> bytes:
    workbook = Workbook()
    for index, sheet in enumerate(book.sheets):
        _write_sheet(workbook.active if index == 0 else workbook.create_sheet(), sheet)
    workbook.properties.creator = book.creator
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_sheet(ws: Worksheet, sheet: Sheet) -> None:
    ws.title = sheet.title
    for (row, column), cell in sorted(sheet.cells.items()):
        target = ws.cell(row=row, column=column)
        if isinstance(cell.value, str):
            # Always text: openpyxl would turn a string starting with "=" into a formula,
            # and a plan's titles and owners are not ours to trust.
            target.value = cell.value
            target.data_type = "s"
        else:
            target.value = cell.value
        _apply_look(target, cell.look)
    for column, width in sheet.widths.items():
        ws.column_dimensions[column_letter(column)].width = width
    for row, height in sheet.heights.items():
        ws.row_dimensions[row].height = height
    for row, level in sheet.outline.items():
        ws.row_dimensions[row].outline_level = level
    if sheet.outline:
        ws.sheet_properties.outlinePr.summaryBelow = False
    if sheet.freeze is not None:
        ws.freeze_panes = f"{column_letter(sheet.freeze[1])}{sheet.freeze[0]}"
    if sheet.filter is not None:
        first_row, first_column, last_row, last_column = sheet.filter
        ws.auto_filter.ref = f"{column_letter(first_column)}{first_row}:{column_letter(last_column)}{last_row}"
    for first_row, first_column, last_row, last_column in sheet.merges:
        ws.merge_cells(start_row=first_row, start_column=first_column, end_row=last_row, end_column=last_column)
    for chart in sheet.charts:
        ws.add_chart(_chart(ws, chart), f"{column_letter(chart.column)}{chart.row}")
    for choice in sheet.choices:
        validation = DataValidation(type="list", formula1='"' + ",".join(choice.words) + '"', allow_blank=True,
                                    showErrorMessage=True, error=", ".join(choice.words))
        letter = column_letter(choice.column)
        for first, last in choice.runs:
            validation.add(f"{letter}{first}:{letter}{last}")
        ws.add_data_validation(validation)
    _page_setup(ws, sheet)
    if sheet.hidden:
        ws.sheet_state = "hidden"


def _apply_look(target, look: Look) -> None:
    if look == Look():
        return
    target.font = _font(look.bold, look.size, look.colour)
    if look.fill is not None:
        target.fill = _fill(look.fill)
    if isinstance(look.number, ShownAs):
        # Literal text in quotes (a '%' there is only a character); a quote cannot occur in it.
        target.number_format = '"' + look.number.text.replace('"', "") + '"'
    elif look.number is not None:
        target.number_format = _NUMBER_FORMATS[look.number]
    if look.horizontal or look.vertical or look.wrap or look.indent or look.upright:
        target.alignment = Alignment(horizontal=look.horizontal, vertical=look.vertical, wrap_text=look.wrap or None,
                                     indent=look.indent, text_rotation=90 if look.upright else 0)
    if look.top or look.bottom or look.left:
        target.border = Border(top=_side(look.top), bottom=_side(look.bottom), left=_side(look.left))


@cache
def _font(bold: bool, size: float, colour: str | None) -> Font:
    return Font(name=FONT_NAME, bold=bold, size=size, color=colour)


@cache
def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


def _side(line: Line | None) -> Side:
    return Side() if line is None else Side(style=line.weight, color=line.colour)


def _page_setup(ws: Worksheet, sheet: Sheet) -> None:
    page = sheet.page
    ws.page_setup.orientation = "landscape" if page.landscape else "portrait"
    ws.page_setup.paperSize = _PAPER[page.paper]
    if page.scale:
        ws.page_setup.scale = page.scale
    elif page.fit_width:
        ws.page_setup.fitToWidth = page.fit_width
        ws.page_setup.fitToHeight = page.fit_height
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    for column in page.column_breaks:
        ws.col_breaks.append(Break(id=column - 1))  # a break after the column before
    if page.print_area:
        first_row, first_column, last_row, last_column = page.print_area
        ws.print_area = f"{column_letter(first_column)}{first_row}:{column_letter(last_column)}{last_row}"
    if page.across_then_down:
        ws.page_setup.pageOrder = "overThenDown"
    # Narrow margins (inches): the scale is set by the width, and every bit of it counts.
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom = 0.5, 0.6
    ws.page_margins.header, ws.page_margins.footer = 0.2, 0.3
    if page.title_rows:
        ws.print_title_rows = f"{page.title_rows[0]}:{page.title_rows[1]}"
    if page.title_columns:
        ws.print_title_cols = f"{column_letter(page.title_columns[0])}:{column_letter(page.title_columns[1])}"
    for part, text in zip((ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right), page.header, strict=True):
        if text:
            part.text = _header_footer_text(text)
    for part, text in zip((ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right), page.footer, strict=True):
        if text:
            part.text = _header_footer_text(text)


def _header_footer_text(text: str) -> str:
    """"&" starts a code in a header or footer: a plan's text is shown as
    written, and only the page fields stay codes. Excel allows 255 characters."""
    parts = safe_text(text).split(PAGE)
    escaped = PAGE.join(PAGES.join(piece.replace("&", "&&") for piece in part.split(PAGES)) for part in parts)
    return escaped[:250]


def _chart(ws: Worksheet, chart: Chart):
    """A scatter chart with straight lines: the x values are dates, spaced as the days between them."""
    from openpyxl.chart import Reference, ScatterChart, Series

    drawn = ScatterChart()
    drawn.style = 2
    drawn.legend = None
    drawn.width, drawn.height = chart.width, chart.height
    xs = Reference(ws, min_col=chart.x_column, min_row=chart.first_row, max_row=chart.last_row)
    ys = Reference(ws, min_col=chart.y_column, min_row=chart.first_row, max_row=chart.last_row)
    series = Series(ys, xs)
    series.marker.symbol = "none"
    series.smooth = False
    series.graphicalProperties.line.solidFill = "1F3864"
    series.graphicalProperties.line.width = 22000  # EMU: about 1.7 points
    drawn.series.append(series)
    drawn.x_axis.number_format = "DD.MM.YYYY"
    drawn.x_axis.majorTimeUnit = "days"
    drawn.y_axis.number_format = "0%"
    drawn.y_axis.scaling.min, drawn.y_axis.scaling.max = 0, 1
    drawn.x_axis.delete = drawn.y_axis.delete = False
    return drawn
