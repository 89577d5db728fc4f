"""The cells of a workbook file, .xlsx or .ods, read as hostile input.

A workbook that comes back from the steering group may have been through
any spreadsheet, or made by anyone. So, before a byte of XML is parsed:

- the path must be a regular file (not a folder or a FIFO, which would
  block), and readable;
- it must be a zip whose members, as recorded, unpack to at most
  MAX_UNPACKED bytes in all, none more than MAX_RATIO times its packed size
  (a few megabytes that unpack to gigabytes is a zip bomb); Python's zipfile
  then never gives more than the recorded size, and checks each CRC;
- no XML entity is ever expanded: .xlsx is read by openpyxl, which parses
  with defusedxml when it is installed (navplan requires it), and .ods by
  defusedxml's iterparse directly; a DTD with entities is refused.

An .ods's content.xml is streamed once, for the sheets' names and rows
together; every element is let go as soon as it is read (a cell's once its
value is taken), and a file is refused, named, when it holds more elements
than a workbook has (MAX_ELEMENTS in all, MAX_ELEMENTS_OUTSIDE_TABLES outside
its tables, MAX_CELL_ELEMENTS in one cell) or more filled cells than
MAX_VALUES: a crafted .ods of 3.9 million styles took 28 s and 1 GB.

The recorded sheet size (``<dimension>``) is not trusted: rows are read
until the sheet's XML ends. Only non-empty rows are yielded, each with its
1-based row number as the spreadsheet shows it, so a sheet that claims a
million empty rows costs nothing. Whatever else the libraries raise on a
malformed file ends as one located message (file and sheet), never a
traceback.

python-calamine was tried for both formats and left out: it builds each
sheet as one dense block, so a valid sheet with a cell at XFD1048576 makes
it allocate half a terabyte and abort the process, which no message can
follow.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

from navplan.errors import Message, NavplanError

Value = str | float | int | bool | dt.date | dt.datetime | None
Row = tuple[int, tuple[Value, ...]]

#: A countdown workbook of a thousand activities unpacks to a few megabytes.
MAX_UNPACKED = 64 * 1024 * 1024
#: XML packs well, spreadsheets' own about 10 to 40 times; a zip bomb packs a thousand times.
MAX_RATIO = 200
#: A member smaller than this may pack as well as it likes (an empty sheet packs 50 times).
RATIO_FROM = 1024 * 1024
#: Columns read per row: the countdown sheet's fixed columns lie far inside, and a
#: hostile row of a billion repeated cells costs no more than this.
MAX_COLUMNS = 1024
#: Rows read at most (Excel's and LibreOffice's own limit).
MAX_ROWS = 1_048_576

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
#: Elements of an .ods's content.xml: a countdown of a thousand activities over 1,024 columns has
#: about a million (a cell and its paragraph each); its styles and settings a few thousand; a cell
#: a paragraph or a few.
MAX_ELEMENTS = 3_000_000
MAX_ELEMENTS_OUTSIDE_TABLES = 100_000
MAX_CELL_ELEMENTS = 10_000
#: Filled cells kept of an .ods (a repeated cell counts as many as it repeats, a repeated row once).
MAX_VALUES = 4_000_000


class WorkbookFile:
    """An opened workbook: its sheet names, and the rows of any sheet."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        # Read once, so the file checked is the file parsed, however it changes meanwhile.
        self.data = _read_regular_file(self.path)
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(self.data))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise NavplanError("sync.not_a_workbook", file=self.path) from None
        try:
            _check_sizes(self.path, self.archive)
            self.kind = self._kind()
            self.sheet_names = self._sheet_names()
        except BaseException:
            self.archive.close()
            raise

    def __enter__(self) -> WorkbookFile:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        book = getattr(self, "_openpyxl", None)
        if book is not None:
            book.close()
        self.archive.close()

    def _kind(self) -> str:
        names = set(self.archive.namelist())
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "content.xml" in names and self._read_member("mimetype", limit=200).strip() == ODS_MIMETYPE:
            return "ods"
        raise NavplanError("sync.not_a_workbook", file=self.path)

    def _read_member(self, name: str, limit: int) -> bytes:
        try:
            with self.archive.open(name) as member:
                return member.read(limit)
        except KeyError:
            return b""
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
            raise NavplanError("sync.not_a_workbook", file=self.path) from None

    def _unreadable(self, sheet: str | None = None) -> NavplanError:
        return NavplanError("sync.workbook_damaged", file=self.path, field=sheet)

    # The sheets' names.

    def _sheet_names(self) -> list[str]:
        if self.kind == "xlsx":
            from openpyxl import load_workbook

            try:
                with warnings.catch_warnings():
                    # openpyxl warns about what it does not read (data validation, styles); not the user's concern.
                    warnings.simplefilter("ignore")
                    self._openpyxl = load_workbook(io.BytesIO(self.data), read_only=True, data_only=True,
                                                   keep_links=False)
                return list(self._openpyxl.sheetnames)
            except NavplanError:
                raise
            except Exception:  # noqa: BLE001  whatever openpyxl and defusedxml raise on a malformed file
                raise self._unreadable() from None
        self._ods = _read_ods(self)
        return [name for name, _runs in self._ods]

    # The rows of one sheet.

    def rows(self, sheet: str) -> Iterator[Row]:
        """The sheet's non-empty rows as (row number, values), at most MAX_COLUMNS values each."""
        reader = self._xlsx_rows(sheet) if self.kind == "xlsx" else self._ods_rows(sheet)
        while True:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    row = next(reader)
            except StopIteration:
                return
            except NavplanError:
                raise
            except Exception:  # noqa: BLE001  a malformed sheet: cut short, garbage, entities, bad numbers or dates, bad refs
                raise self._unreadable(sheet) from None
            yield row

    def _xlsx_rows(self, sheet: str) -> Iterator[Row]:
        worksheet = self._openpyxl[sheet]
        # The recorded <dimension> may be stale (some tools write it wrong): read to the end of the XML.
        worksheet.reset_dimensions()
        # No max_col: a row is as long as its last cell, and a gap of a million empty rows is a million empty
        # tuples, not a million rows of padding.
        for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                return
            if not cells:
                continue
            values = tuple(_plain(value) for value in cells[:MAX_COLUMNS])
            if any(value not in (None, "") for value in values):
                yield number, values

    def _ods_rows(self, sheet: str) -> Iterator[Row]:
        """The rows read when the file was opened: a repeated row is kept once, and given as many
        times as it repeats (up to MAX_ROWS) only as the caller asks for them."""
        runs = next((runs for name, runs in self._ods if name == sheet), [])
        for first, repeat, values in runs:
            for number in range(first, min(first + repeat, MAX_ROWS + 1)):
                yield number, values


def column_letter(column: int) -> str:
    """The spreadsheet's name for a column number.

    >>> column_letter(1), column_letter(11), column_letter(27), column_letter(16384)
    ('A', 'K', 'AA', 'XFD')
    """
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _plain(value) -> Value:
    """openpyxl's values as plain Python ones (a formula's text stays text)."""
    if isinstance(value, dt.time):
        return None
    if isinstance(value, dt.timedelta):
        return None
    return value


def check_workbook_path(path: str | Path) -> None:
    """``path`` names a file that may be a workbook: not missing, not a folder, not a FIFO or a
    device. Checked first, before the plan is looked for, as the workbook is the first argument."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise NavplanError("sync.no_workbook", file=path) from None
    except PermissionError:
        raise NavplanError("sync.workbook_unreadable", file=path) from None
    except (OSError, ValueError):
        raise NavplanError("sync.no_workbook", file=path) from None
    if stat.S_ISDIR(mode):
        raise NavplanError("sync.workbook_is_folder", file=path)
    if not stat.S_ISREG(mode):  # a FIFO would block, a device never end
        raise NavplanError("sync.workbook_not_a_file", file=path)


def _read_regular_file(path: Path) -> bytes:
    """The file's bytes, if it is a readable regular file of a workbook's size."""
    check_workbook_path(path)
    try:
        # O_NONBLOCK: should the path have become a FIFO since, opening it does not wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise NavplanError("sync.workbook_unreadable", file=path) from None
    except OSError:
        raise NavplanError("sync.no_workbook", file=path) from None
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise NavplanError("sync.workbook_not_a_file", file=path)
        try:
            data = _read_at_most(file, MAX_UNPACKED + 1)
        except OSError:
            raise NavplanError("sync.workbook_unreadable", file=path) from None
    if len(data) > MAX_UNPACKED:
        raise NavplanError("sync.too_big", file=path, size=MAX_UNPACKED // (1024 * 1024) + 1,
                           limit=MAX_UNPACKED // (1024 * 1024))
    return data


def _read_at_most(file, limit: int) -> bytes:
    """Up to ``limit`` bytes, a megabyte at a time: read(limit) would take ``limit`` bytes of
    memory at once however small the file."""
    chunks, size = [], 0
    while size < limit:
        chunk = file.read(min(1024 * 1024, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _check_sizes(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a zip bomb by what the archive says of itself, before unpacking anything."""
    total = 0
    for member in archive.infolist():
        total += member.file_size
        packed = max(member.compress_size, 1)
        if member.file_size > RATIO_FROM and member.file_size / packed > MAX_RATIO:
            raise NavplanError("sync.zip_bomb", file=path, member=member.filename[:80],
                               ratio=round(member.file_size / packed))
    if total > MAX_UNPACKED:
        raise NavplanError("sync.too_big", file=path, size=total // (1024 * 1024), limit=MAX_UNPACKED // (1024 * 1024))


# OpenDocument: content.xml streamed with defusedxml, every table in order.

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


class _Number:
    """A limit as a message shows it: 100 000 in bokmål, 100,000 in English."""

    def __init__(self, number: int) -> None:
        self.number = number

    def render(self, lang: str) -> str:
        return f"{self.number:,}".replace(",", "," if lang == "en" else "\u00a0")


#: A run of rows: the first row's number, how many times it repeats, its values.
_Run = tuple[int, int, tuple[Value, ...]]


def _read_ods(book: WorkbookFile) -> list[tuple[str, list[_Run]]]:
    """Every table of content.xml with its non-empty rows, in one streamed pass.

    Each element is let go (cleared and taken from its parent) as soon as its end
    is read, except inside an open cell, whose paragraphs its value is made of;
    repeated rows and cells count as many as they say, but an empty repeat is only
    counted, never built, and a row holds at most MAX_COLUMNS values."""
    from defusedxml.ElementTree import iterparse

    try:
        source = book.archive.open("content.xml")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        raise book._unreadable() from None
    try:
        return _OdsReader(book).read(iterparse(source, events=("start", "end")))
    except NavplanError:
        raise
    except Exception:  # noqa: BLE001  cut short, garbage, entities, bad numbers or dates or repeats
        raise book._unreadable() from None
    finally:
        source.close()


class _OdsReader:
    TABLE, ROW = _q(_TABLE, "table"), _q(_TABLE, "table-row")
    CELLS = (_q(_TABLE, "table-cell"), _q(_TABLE, "covered-table-cell"))

    def __init__(self, book: WorkbookFile) -> None:
        self.book = book
        self.tables: list[tuple[str, list[_Run]]] = []
        self.elements = self.outside = self.values_kept = 0

    def _refuse(self, key: str, limit: int, where: str | None = None) -> NavplanError:
        params = {"where": Message(where)} if where else {}
        return NavplanError(key, file=self.book.path, limit=_Number(limit), **params)

    def read(self, events) -> list[tuple[str, list[_Run]]]:
        open_elements: list = []  # from the root down to the element being read
        tables = 0  # tables open (a table inside a cell is not one of the sheet's)
        cell = None  # the open cell of a sheet's table, whose paragraphs are kept until it ends
        cell_elements = 0
        runs: list[_Run] = []
        values: list[Value] = []
        number = 0
        for event, element in events:
            if event == "start":
                self.elements += 1
                if self.elements > MAX_ELEMENTS:
                    raise self._refuse("sync.too_many_elements", MAX_ELEMENTS, "sync.elements.in_all")
                if cell is not None:
                    cell_elements += 1
                    if cell_elements > MAX_CELL_ELEMENTS:
                        raise self._refuse("sync.too_many_elements", MAX_CELL_ELEMENTS, "sync.elements.in_a_cell")
                elif element.tag == self.TABLE:
                    tables += 1
                    if tables == 1:
                        runs, number, values = [], 0, []
                        self.tables.append((element.get(_q(_TABLE, "name"), ""), runs))
                elif tables == 0:
                    self.outside += 1
                    if self.outside > MAX_ELEMENTS_OUTSIDE_TABLES:
                        raise self._refuse("sync.too_many_elements", MAX_ELEMENTS_OUTSIDE_TABLES,
                                           "sync.elements.outside_tables")
                elif tables == 1 and element.tag in self.CELLS:
                    cell, cell_elements = element, 0
                open_elements.append(element)
                continue
            open_elements.pop()
            if element is cell:
                cell = None
                repeat = _count(element.get(_q(_TABLE, "number-columns-repeated")))
                value = _ods_value(element)
                room = MAX_COLUMNS - len(values)
                if room > 0:
                    values.extend([value] * min(repeat, room))
            elif cell is not None:
                continue  # a paragraph of the open cell: its value is taken when the cell ends
            elif element.tag == self.ROW and tables == 1:
                repeat = _count(element.get(_q(_TABLE, "number-rows-repeated")))
                while values and values[-1] is None:
                    values.pop()
                if values and number < MAX_ROWS:
                    self.values_kept += len(values)
                    if self.values_kept > MAX_VALUES:
                        raise self._refuse("sync.too_many_values", MAX_VALUES)
                    runs.append((number + 1, repeat, tuple(values)))
                number = min(number + repeat, MAX_ROWS)
                values = []
            elif element.tag == self.TABLE:
                tables -= 1
            # Read: let it go, so the tree never holds more than the path to the element being read.
            element.clear()
            if open_elements and len(open_elements[-1]) and open_elements[-1][-1] is element:
                del open_elements[-1][-1]
        return self.tables


def _count(text: str | None) -> int:
    if not text:
        return 1
    if not (text.isascii() and text.isdigit()):
        raise ValueError("a repeat count that is not a number")
    return max(1, min(int(text), MAX_ROWS))


def _ods_value(cell) -> Value:
    """A cell's value by its office:value-type; text from its paragraphs."""
    kind = cell.get(_q(_OFFICE, "value-type"))
    if kind in ("float", "percentage", "currency"):
        return float(cell.get(_q(_OFFICE, "value")))
    if kind == "date":
        text = cell.get(_q(_OFFICE, "date-value"), "")
        return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)
    if kind == "boolean":
        return cell.get(_q(_OFFICE, "boolean-value")) == "true"
    if kind == "time":
        return None
    text = cell.get(_q(_OFFICE, "string-value"))
    if text is None:
        text = "\n".join(_paragraph_text(p) for p in cell.iter(_q(_TEXT, "p")))
    return text if text != "" else None


def _paragraph_text(paragraph) -> str:
    """The text of a text:p, with text:s (spaces), text:tab and text:line-break."""
    parts = [paragraph.text or ""]
    for child in paragraph:
        tag = child.tag
        if tag == _q(_TEXT, "s"):
            parts.append(" " * min(_count(child.get(_q(_TEXT, "c"))), 1000))
        elif tag == _q(_TEXT, "tab"):
            parts.append("\t")
        elif tag == _q(_TEXT, "line-break"):
            parts.append("\n")
        else:
            parts.append(_paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
