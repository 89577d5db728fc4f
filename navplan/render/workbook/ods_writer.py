"""A :class:`~navplan.render.workbook.sheet_model.Book` as an OpenDocument
spreadsheet (.ods), with odfpy.

The same book the xlsx writer writes: values, fonts, fills and borders as
automatic cell styles; widths and heights as column and row styles; groups
as nested row groups; the print titles as header rows and columns; page
setup, header and footer as one page layout and master page per sheet; the
status dropdown as a content validation; the filter as a database range;
frozen panes in the view settings. Text is always a string cell: ODF has no
way to run it as a formula.

Widths follow LibreOffice's own conversion of an xlsx column (0.0972 inch a
character), so the .ods looks and prints as LibreOffice shows the .xlsx.
"""

from __future__ import annotations

import datetime as dt
import io
from itertools import count

from odf import teletype
from odf.config import ConfigItem, ConfigItemMapEntry, ConfigItemMapIndexed, ConfigItemMapNamed, ConfigItemSet
from odf.namespaces import STYLENS, TABLENS
from odf.number import DateStyle, Day, Month, Number, NumberStyle, PercentageStyle, Text as NumberText, Year
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import (
    ChartProperties,
    DefaultStyle,
    FontFace,
    Footer,
    GraphicProperties,
    Header,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    RegionCenter,
    RegionLeft,
    RegionRight,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TableRowProperties,
    TextProperties,
)
from odf.table import (
    ContentValidation,
    ContentValidations,
    CoveredTableCell,
    DatabaseRange,
    DatabaseRanges,
    ErrorMessage,
    Table,
    TableCell,
    TableColumn,
    TableHeaderColumns,
    TableHeaderRows,
    TableRow,
    TableRowGroup,
)
from odf.text import P, PageCount, PageNumber

from navplan.render.workbook.sheet_model import (
    DATE,
    DECIMAL,
    FONT_NAME,
    FONT_SIZE,
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
)

#: Inches per character of column width, as LibreOffice converts an xlsx column.
INCH_PER_CHARACTER = 0.0972
_PAPER = {"A4": ("21cm", "29.7cm"), "A3": ("29.7cm", "42cm")}  # portrait: width, height
#: Border widths as LibreOffice writes Excel's hair, thin, medium and thick lines.
_LINE_WIDTH = {"hair": "0.06pt", "thin": "0.74pt", "medium": "1.76pt", "thick": "2.49pt"}
_ALIGN = {"left": "start", "center": "center", "right": "end"}
DEFAULT_ROW_HEIGHT = 15.0
#: Margins in inches, the xlsx writer's.
_MARGINS = {"top": 0.5, "bottom": 0.6, "left": 0.4, "right": 0.4, "header": 0.2, "footer": 0.3}


def ods_bytes(book: Book) -> bytes:
    writer = _Writer(book)
    buffer = io.BytesIO()
    writer.document.write(buffer)
    return buffer.getvalue()


class _Writer:
    def __init__(self, book: Book) -> None:
        self.document = document = OpenDocumentSpreadsheet()
        document.fontfacedecls.addElement(FontFace(name=FONT_NAME, fontfamily=FONT_NAME, fontfamilygeneric="swiss",
                                                   fontpitch="variable"))
        default = DefaultStyle(family="table-cell")
        default.addElement(TextProperties(fontname=FONT_NAME, fontsize=f"{FONT_SIZE}pt"))
        document.styles.addElement(default)
        self.number_styles = self._number_styles()
        self.cell_styles: dict[Look, Style] = {}
        self.column_styles: dict[tuple[float, bool], Style] = {}
        self.row_styles: dict[float, Style] = {}
        self.names = count(1)
        self.meta = book.creator
        validations = ContentValidations()
        ranges = DatabaseRanges()
        tables = []
        for index, sheet in enumerate(book.sheets):
            tables.append(self._table(sheet, index, validations, ranges))
        if validations.childNodes:
            document.spreadsheet.addElement(validations)
        for table in tables:
            document.spreadsheet.addElement(table)
        if ranges.childNodes:
            document.spreadsheet.addElement(ranges)
        self._view_settings(book)

    def _name(self, prefix: str) -> str:
        return f"{prefix}{next(self.names)}"

    def _number_styles(self) -> dict[str, str]:
        date = DateStyle(name="N_date")
        for part in (Day(style="long"), NumberText(text="."), Month(style="long"), NumberText(text="."),
                     Year(style="long")):
            date.addElement(part)
        whole = NumberStyle(name="N_integer")
        whole.addElement(Number(decimalplaces="0", minintegerdigits="1"))
        share = PercentageStyle(name="N_percent")
        share.addElement(Number(decimalplaces="0", minintegerdigits="1"))
        share.addElement(NumberText(text="%"))
        decimal = NumberStyle(name="N_decimal")
        decimal.addElement(Number(decimalplaces="2", minintegerdigits="1"))
        for style in (date, whole, share, decimal):
            self.document.automaticstyles.addElement(style)
        return {DATE: "N_date", INTEGER: "N_integer", PERCENT: "N_percent", DECIMAL: "N_decimal"}

    def _number_style(self, number: str | ShownAs) -> str:
        """A number format's style name; a number shown as words gets a percentage
        style of that text alone, made once per text."""
        if not isinstance(number, ShownAs):
            return self.number_styles[number]
        key = f"text:{number.text}"
        if key not in self.number_styles:
            style = NumberStyle(name=self._name("N_words"))
            style.addElement(NumberText(text=number.text))
            self.document.automaticstyles.addElement(style)
            self.number_styles[key] = style.getAttribute("name")
        return self.number_styles[key]

    # Styles, one per distinct look, width or height.

    def _cell_style(self, look: Look) -> Style | None:
        if look == Look():
            return None
        style = self.cell_styles.get(look)
        if style is not None:
            return style
        options = {"name": self._name("ce"), "family": "table-cell"}
        if look.number is not None:
            options["datastylename"] = self._number_style(look.number)
        style = Style(**options)
        cell = {}
        if look.fill:
            cell["backgroundcolor"] = "#" + look.fill
        if look.wrap:
            cell["wrapoption"] = "wrap"
        if look.vertical:
            cell["verticalalign"] = {"top": "top", "bottom": "bottom"}[look.vertical]
        if look.upright:
            cell["rotationangle"] = "90"
            cell["rotationalign"] = "bottom"
        for side, line in (("top", look.top), ("bottom", look.bottom), ("left", look.left)):
            if line is not None:
                cell[f"border{side}"] = _border(line)
        if cell:
            style.addElement(TableCellProperties(**cell))
        paragraph = {}
        if look.horizontal:
            paragraph["textalign"] = _ALIGN[look.horizontal]
        if look.indent:
            # Excel indents by three characters' width a level.
            paragraph["marginleft"] = f"{look.indent * 3 * INCH_PER_CHARACTER / 2:.4f}in"
            paragraph.setdefault("textalign", "start")
        if paragraph:
            style.addElement(ParagraphProperties(**paragraph))
        text = {}
        if look.bold:
            text["fontweight"] = "bold"
        if look.size != FONT_SIZE:
            text["fontsize"] = f"{look.size}pt"
        if look.colour:
            text["color"] = "#" + look.colour
        if text:
            style.addElement(TextProperties(**text))
        self.document.automaticstyles.addElement(style)
        self.cell_styles[look] = style
        return style

    def _column_style(self, width: float, page_break: bool = False) -> Style:
        style = self.column_styles.get((width, page_break))
        if style is None:
            style = Style(name=self._name("co"), family="table-column")
            style.addElement(TableColumnProperties(columnwidth=f"{width * INCH_PER_CHARACTER:.4f}in",
                                                   breakbefore="page" if page_break else "auto"))
            self.document.automaticstyles.addElement(style)
            self.column_styles[(width, page_break)] = style
        return style

    def _row_style(self, height: float) -> Style:
        style = self.row_styles.get(height)
        if style is None:
            style = Style(name=self._name("ro"), family="table-row")
            style.addElement(TableRowProperties(rowheight=f"{height}pt", useoptimalrowheight="false",
                                                breakbefore="auto"))
            self.document.automaticstyles.addElement(style)
            self.row_styles[height] = style
        return style

    # A sheet.

    def _table(self, sheet: Sheet, index: int, validations: ContentValidations, ranges: DatabaseRanges) -> Table:
        table = Table(name=sheet.title, stylename=self._table_style(sheet))
        if sheet.page.print_area:
            first_row, first_column, last_row, last_column = sheet.page.print_area
            name = _quoted(sheet.title)
            table.setAttrNS(TABLENS, "print-ranges", f"{name}.{column_letter(first_column)}{first_row}:"
                                                     f"{name}.{column_letter(last_column)}{last_row}")
        self.merged = {(row, column): (last_row - row + 1, last_column - column + 1)
                       for row, column, last_row, last_column in sheet.merges}
        self.covered = {(r, c) for row, column, last_row, last_column in sheet.merges
                        for r in range(row, last_row + 1) for c in range(column, last_column + 1)
                        if (r, c) != (row, column)}
        self._columns(table, sheet)
        validation_names = self._validations(sheet, validations)
        rows: dict[int, dict[int, object]] = {}
        for (row, column), cell in sheet.cells.items():
            rows.setdefault(row, {})[column] = cell
        title_rows = sheet.page.title_rows
        header = TableHeaderRows() if title_rows else None
        stack = [table]
        for row in range(1, max([sheet.max_row, *sheet.heights]) + 1):
            element = self._row(sheet, row, rows.get(row, {}), validation_names)
            if header is not None and title_rows[0] <= row <= title_rows[1]:
                if row == title_rows[0]:
                    del stack[1:]
                    table.addElement(header)
                header.addElement(element)
                continue
            level = sheet.outline.get(row, 0)
            del stack[level + 1:]
            while len(stack) < level + 1:
                group = TableRowGroup()
                stack[-1].addElement(group)
                stack.append(group)
            stack[-1].addElement(element)
        if sheet.filter is not None:
            first_row, first_column, last_row, last_column = sheet.filter
            name = _quoted(sheet.title)
            ranges.addElement(DatabaseRange(
                name=f"__Anonymous_Sheet_DB__{index}", displayfilterbuttons="true",
                targetrangeaddress=f"{name}.{column_letter(first_column)}{first_row}:"
                                   f"{name}.{column_letter(last_column)}{last_row}"))
        return table

    def _columns(self, table: Table, sheet: Sheet) -> None:
        title_columns = sheet.page.title_columns
        header = TableHeaderColumns() if title_columns else None
        for column in range(1, max([sheet.max_column, *sheet.widths]) + 1):
            element = TableColumn(stylename=self._column_style(sheet.widths.get(column, 8.43),
                                                               column in sheet.page.column_breaks))
            if header is not None and title_columns[0] <= column <= title_columns[1]:
                if column == title_columns[0]:
                    table.addElement(header)
                header.addElement(element)
            else:
                table.addElement(element)

    def _row(self, sheet: Sheet, row: int, cells: dict, validation_names: dict) -> TableRow:
        # openpyxl's rows are 15 points unless told otherwise; LibreOffice's optimal height for an .ods is less.
        element = TableRow(stylename=self._row_style(sheet.heights.get(row, DEFAULT_ROW_HEIGHT)))
        last = max([*cells, *(c for r, c in self.covered if r == row),
                    *(chart.column for chart in sheet.charts if chart.row == row)], default=0)
        for column in range(1, last + 1):
            cell = cells.get(column)
            if (row, column) in self.covered:
                element.addElement(CoveredTableCell())
                continue
            validation = validation_names.get((row, column))
            written = _cell(cell.value if cell else None, self._cell_style(cell.look) if cell else None,
                            validation, percent=cell is not None and cell.look.number == PERCENT,
                            shown=cell.look.number.text if cell is not None and isinstance(
                                cell.look.number, ShownAs) else None)
            if (row, column) in self.merged:
                rows, columns = self.merged[(row, column)]
                written.setAttrNS(TABLENS, "number-rows-spanned", str(rows))
                written.setAttrNS(TABLENS, "number-columns-spanned", str(columns))
            for chart in sheet.charts:
                if (chart.row, chart.column) == (row, column):
                    written.addElement(self._chart_frame(sheet, chart))
            element.addElement(written)
        if not cells:
            element.addElement(TableCell())
        return element

    def _validations(self, sheet: Sheet, validations: ContentValidations) -> dict[tuple[int, int], str]:
        names: dict[tuple[int, int], str] = {}
        for choice in sheet.choices:
            if not choice.runs:
                continue
            name = self._name("val")
            words = ";".join('"' + word.replace('"', '""') + '"' for word in choice.words)
            first_row = choice.runs[0][0]
            validation = ContentValidation(
                name=name, condition=f"of:cell-content-is-in-list({words})", allowemptycell="true",
                displaylist="unsorted",
                basecelladdress=f"{_quoted(sheet.title)}.{column_letter(choice.column)}{first_row}")
            message = ErrorMessage(display="true", messagetype="stop")
            message.addElement(P(text=", ".join(choice.words)))
            validation.addElement(message)
            validations.addElement(validation)
            for first, last in choice.runs:
                for row in range(first, last + 1):
                    names[(row, choice.column)] = name
        return names

    def _chart_frame(self, sheet: Sheet, chart: Chart):
        """A chart as LibreOffice embeds one: a chart document of its own whose series are
        ranges of this sheet, in a frame anchored at a cell."""
        from odf import chart as odfchart
        from odf.draw import Frame, Object
        from odf.opendocument import OpenDocumentChart

        drawn = OpenDocumentChart()

        def style(name: str, chart_properties: dict | None = None, graphic: dict | None = None,
                  text: dict | None = None, data_style: str | None = None) -> Style:
            element = Style(name=name, family="chart", **({"datastylename": data_style} if data_style else {}))
            if chart_properties:
                element.addElement(ChartProperties(**chart_properties))
            if graphic:
                element.addElement(GraphicProperties(**graphic))
            if text:
                element.addElement(TextProperties(**text))
            drawn.automaticstyles.addElement(element)
            return element

        name = _quoted(sheet.title)

        def cells(column: int) -> str:
            letter = column_letter(column)
            return f"{name}.{letter}{chart.first_row}:{name}.{letter}{chart.last_row}"

        size = {"width": f"{chart.width}cm", "height": f"{chart.height}cm"}
        body = odfchart.Chart(stylename=style("chart", graphic={"fill": "solid", "fillcolor": "#FFFFFF",
                                                                 "stroke": "none"}),
                              attributes={"class": "chart:scatter"}, **size)
        area = odfchart.PlotArea(cellrangeaddress=f"{cells(chart.x_column)} {cells(chart.y_column)}")
        axis_text = {"fontsize": "8pt"}
        area.addElement(odfchart.Axis(dimension="x", name="primary-x", stylename=style(
            "x", {"displaylabel": "true", "linkdatastyletosource": "true"}, {"stroke": "solid",
                                                                              "strokecolor": "#808080"}, axis_text)))
        # The axis shows whole percents of its own: the cells' formats may be words ("under 1 %").
        share = PercentageStyle(name="N_axis")
        share.addElement(Number(decimalplaces="0", minintegerdigits="1"))
        share.addElement(NumberText(text="%"))
        drawn.automaticstyles.addElement(share)
        y_axis = odfchart.Axis(dimension="y", name="primary-y", stylename=style(
            "y", {"displaylabel": "true", "linkdatastyletosource": "false", "minimum": "0", "maximum": "1"},
            {"stroke": "solid", "strokecolor": "#808080"}, axis_text, data_style="N_axis"))
        y_axis.addElement(odfchart.Grid(attributes={"class": "major"},
                                        stylename=style("grid", graphic={"stroke": "solid", "strokecolor": "#D9D9D9"})))
        area.addElement(y_axis)
        series = odfchart.Series(valuescellrangeaddress=cells(chart.y_column), attributes={"class": "chart:scatter"},
                                 stylename=style("series", {"symboltype": "none"},
                                                 {"stroke": "solid", "strokecolor": "#1F3864",
                                                  "strokewidth": "0.06cm"}))
        series.addElement(odfchart.Domain(cellrangeaddress=cells(chart.x_column)))
        area.addElement(series)
        area.addElement(odfchart.Wall(stylename=style("wall", graphic={"fill": "solid", "fillcolor": "#FFFFFF",
                                                                        "stroke": "none"})))
        body.addElement(area)
        drawn.chart.addElement(body)
        frame = Frame(x="0cm", y="0cm", zindex="0", **size)
        frame.addElement(Object(href=self.document.addObject(drawn)))
        return frame

    # Print setup: one page layout and master page per sheet.

    def _table_style(self, sheet: Sheet) -> Style:
        page = sheet.page
        layout = PageLayout(name=self._name("pm"))
        width, height = _PAPER[page.paper]
        if page.landscape:
            width, height = height, width
        properties = PageLayoutProperties(
            pagewidth=width, pageheight=height, printorientation="landscape" if page.landscape else "portrait",
            margintop=f"{_MARGINS['header']}in", marginbottom=f"{_MARGINS['footer']}in",
            marginleft=f"{_MARGINS['left']}in", marginright=f"{_MARGINS['right']}in",
            printpageorder="ltr" if page.across_then_down else "ttb", print="charts drawings objects zero-values")
        # Page numbers run on from the sheet before ("side 8 av 17"), as Excel numbers a workbook's pages;
        # without it LibreOffice starts every sheet at 1.
        properties.setAttrNS(STYLENS, "first-page-number", "continue")
        if page.scale:
            properties.setAttrNS(STYLENS, "scale-to", f"{page.scale}%")
        elif page.fit_width:
            # ODF 1.3's names, as LibreOffice writes them: N pages wide, as many down as it takes.
            properties.setAttrNS(STYLENS, "scale-to-X", str(page.fit_width))
            properties.setAttrNS(STYLENS, "scale-to-Y", str(page.fit_height))
        layout.addElement(properties)
        layout.addElement(_header_footer_style("header-style", _MARGINS["top"] - _MARGINS["header"]))
        layout.addElement(_header_footer_style("footer-style", _MARGINS["bottom"] - _MARGINS["footer"]))
        self.document.automaticstyles.addElement(layout)
        master = MasterPage(name=self._name("mp"), pagelayoutname=layout)
        master.addElement(_regions(Header(), page.header))
        master.addElement(_regions(Footer(), page.footer))
        self.document.masterstyles.addElement(master)
        style = Style(name=self._name("ta"), family="table", masterpagename=master)
        style.addElement(TableProperties(display="false" if sheet.hidden else "true", writingmode="lr-tb"))
        self.document.automaticstyles.addElement(style)
        return style

    def _view_settings(self, book: Book) -> None:
        """Frozen panes live in the view settings, as LibreOffice (and pandas) write them."""
        tables = ConfigItemMapNamed(name="Tables")
        for sheet in book.sheets:
            if sheet.freeze is None:
                continue
            row, column = sheet.freeze[0] - 1, sheet.freeze[1] - 1
            entry = ConfigItemMapEntry(name=sheet.title)
            items = [("HorizontalSplitMode", "short", 2 if column else 0),
                     ("VerticalSplitMode", "short", 2 if row else 0),
                     ("HorizontalSplitPosition", "int", column), ("VerticalSplitPosition", "int", row),
                     ("ActiveSplitRange", "short", 2), ("PositionLeft", "int", 0), ("PositionRight", "int", column),
                     ("PositionTop", "int", 0), ("PositionBottom", "int", row)]
            for name, kind, value in items:
                item = ConfigItem(name=name, type=kind)
                item.addText(str(value))
                entry.addElement(item)
            tables.addElement(entry)
        view = ConfigItemMapEntry()
        view_id = ConfigItem(name="ViewId", type="string")
        view_id.addText("view1")
        view.addElement(view_id)
        view.addElement(tables)
        active = ConfigItem(name="ActiveTable", type="string")
        active.addText(book.sheets[0].title if book.sheets else "")
        view.addElement(active)
        views = ConfigItemMapIndexed(name="Views")
        views.addElement(view)
        settings = ConfigItemSet(name="ooo:view-settings")
        settings.addElement(views)
        self.document.settings.addElement(settings)


def _cell(value, style: Style | None, validation: str | None, *, percent: bool = False,
          shown: str | None = None) -> TableCell:
    options = {}
    if style is not None:
        options["stylename"] = style
    if validation is not None:
        options["contentvalidationname"] = validation
    if value is None:
        return TableCell(**options)
    if isinstance(value, str):
        cell = TableCell(valuetype="string", **options)
        for line in value.split("\n"):
            paragraph = P()
            teletype.addTextToElement(paragraph, line)
            cell.addElement(paragraph)
        return cell
    if isinstance(value, dt.date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat(), **options)
        cell.addElement(P(text=f"{value:%d.%m.%Y}"))
        return cell
    if isinstance(value, bool):
        cell = TableCell(valuetype="boolean", booleanvalue="true" if value else "false", **options)
        cell.addElement(P(text=str(value).upper()))
        return cell
    if percent:  # a share from 0 to 1, shown as a whole percent
        cell = TableCell(valuetype="percentage", value=str(value), **options)
        cell.addElement(P(text=f"{value * 100:.0f}%"))
        return cell
    cell = TableCell(valuetype="float", value=str(value), **options)
    cell.addElement(P(text=shown if shown is not None else str(value)))  # shown: what its number style says
    return cell


def _border(line: Line) -> str:
    return f"{_LINE_WIDTH[line.weight]} solid #{line.colour}"


def _quoted(sheet_title: str) -> str:
    """A sheet name in a cell address: quoted, with any quote doubled."""
    return "'" + sheet_title.replace("'", "''") + "'"


def _header_footer_style(kind: str, spacing_inches: float):
    from odf.style import FooterStyle, HeaderFooterProperties, HeaderStyle

    element = HeaderStyle() if kind == "header-style" else FooterStyle()
    margin = {"marginbottom": f"{spacing_inches:.2f}in"} if kind == "header-style" else \
        {"margintop": f"{spacing_inches:.2f}in"}
    element.addElement(HeaderFooterProperties(minheight="0.2in", **margin))
    return element


def _regions(element, texts: tuple[str, str, str]):
    """Left, centre and right texts, with PAGE and PAGES as fields."""
    for region, text in zip((RegionLeft(), RegionCenter(), RegionRight()), texts, strict=True):
        paragraph = P()
        for index, piece in enumerate(text.split(PAGE)):
            if index:
                paragraph.addElement(PageNumber())
            for inner, part in enumerate(piece.split(PAGES)):
                if inner:
                    paragraph.addElement(PageCount())
                if part:
                    teletype.addTextToElement(paragraph, part)
        region.addElement(paragraph)
        element.addElement(region)
    return element
