"""Tables and text for people at a terminal, laid out so that nothing is lost.

rich's own table layout makes a table fit the terminal by cutting words
("arbeidspro/sesser"), shortening cells ("Ansvar…") or dropping a column
altogether. Every terminal renderer lays its tables out here instead:

- ids, dates and numbers never wrap; text wraps at spaces (and after a slash or
  a dash, as in a path or a period "01.12.2018–31.12.2018"), never inside a word;
- when the columns do not fit side by side, a column that names a host
  (:attr:`Column.under`) moves under it (the role under the activity's title,
  the finish date under the start date) until they fit;
- with no width (output piped to a file or another program) every column is as
  wide as its content and every paragraph one line: nothing wraps, nothing is cut;
- no line ends in spaces.

rich then only draws the table, with the widths decided here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import IO, Literal

from rich import box as boxes
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

#: A space that does not break: what keeps "◆ 3.2.2", "uke 50" or "5 uker" on one line.
KEEP = "\u00a0"
#: The width of a console whose output is not a terminal: paragraphs never wrap at it.
UNLIMITED = 100_000
#: Spaces at the end of a line, before any closing style codes.
_TRAILING_SPACES = re.compile(r" +((?:\x1b\[[0-9;]*m)*)(?=\n|$)")
#: Where a word may end a line without a space: after a slash or an en dash followed by more of the word.
_BREAK_AFTER = re.compile(r"(?<=[/–])(?=[^ /–])")


class TerminalConsole(Console):
    """A rich console for navplan's output.

    ``fits_content`` is true when the output is not a terminal and no width was
    asked for: tables are then as wide as their content and paragraphs unwrapped.
    A closed pipe ends the command (rich would exit 1, the "check failed" code).
    """

    def __init__(self, *, file: IO[str], width: int | None, **settings) -> None:
        self.fits_content = width is None
        super().__init__(file=file, width=UNLIMITED if width is None else width, **settings)

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError

    def _render_buffer(self, buffer) -> str:
        # rich pads cells and wrapped lines with spaces: none is left at a line's end.
        return _TRAILING_SPACES.sub(r"\1", super()._render_buffer(buffer))


def layout_width(console: Console) -> int | None:
    """The width to lay tables out for; None: as wide as the content."""
    return None if getattr(console, "fits_content", False) else console.width


def keep_together(text: str) -> str:
    """``text`` with its spaces made unbreakable: an id with its mark, "uke 50", "5 uker"."""
    return text.replace(" ", KEEP)


@dataclass(frozen=True)
class Column:
    """One column of a table.

    ``wraps``: False for ids, dates and numbers, which never wrap; their header still
    may, at its spaces. ``under``: the key of the column this one moves under when
    the table is too narrow; columns move by ``fold_rank``, then in the order given. ``hang``: how far
    the continuation of a wrapped line is indented (for cells that list entries).
    """

    key: str
    header: str
    wraps: bool = True
    justify: Literal["left", "right"] = "left"
    under: str | None = None
    fold_rank: int = 0
    hang: int = 0


Cell = str | Text | None


def print_table(console: Console, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], *,
                title: str | None = None, box: boxes.Box = boxes.SIMPLE_HEAD, show_lines: bool = False) -> None:
    """Lay the table out for the console's width and print it, its title (bold) above it."""
    if title:
        console.print(Text(title, style="bold"))
    cells = [[_as_text(cell, column) for cell, column in zip(row, columns)] for row in rows]
    headers = [Text(column.header) for column in columns]
    width = layout_width(console)
    columns = list(columns)
    if width is not None:
        columns, headers, cells = _fold_until_it_fits(console, columns, headers, cells, width, box, show_lines)
    widths = _widths(console, columns, headers, cells, width, box, show_lines)
    table = _table(columns, box, show_lines)
    for column, header, column_width in zip(columns, headers, widths):
        table.add_column(_wrap(header, column_width, 0), justify=column.justify, width=column_width,
                         no_wrap=True, overflow="fold")
    for row in cells:
        table.add_row(*[_wrap(cell, column_width, column.hang)
                        for cell, column, column_width in zip(row, columns, widths)])
    total = sum(widths) + _overhead(console, len(columns), box, show_lines)
    console.print(table, width=max(total, 1), crop=False)


def _as_text(cell: Cell, column: Column) -> Text:
    text = Text() if cell is None else (cell.copy() if isinstance(cell, Text) else Text(str(cell)))
    if not column.wraps:
        text.plain = keep_together(text.plain)
    return text


def _table(columns: Sequence[Column], box: boxes.Box, show_lines: bool) -> Table:
    # Two columns between columns and none at the edges: every column the terminal has goes to the text.
    return Table(box=box, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0), show_lines=show_lines,
                 header_style="bold")


def _overhead(console: Console, count: int, box: boxes.Box, show_lines: bool) -> int:
    """Columns of the table that are not its cells: borders, separators, padding."""
    table = _table([], box, show_lines)
    for _ in range(count):
        table.add_column(width=1)
    return Measurement.get(console, console.options.update(width=UNLIMITED), table).maximum - count


# --- Folding columns under each other -------------------------------------------------------------------------------


def _fold_until_it_fits(console, columns, headers, cells, width, box, show_lines):
    """Move columns under their hosts, in order, until the narrowest layout fits ``width``."""
    order = sorted((c for c in columns if c.under), key=lambda c: (c.fold_rank, columns.index(c)))
    moved: dict[str, str] = {}  # a column moved under another: where its values are now
    for guest_column in order:
        if _least_width(console, columns, headers, cells, box, show_lines) <= width:
            break
        host_key = guest_column.under
        while host_key in moved:
            host_key = moved[host_key]
        guest, host = _index(columns, guest_column.key), _index(columns, host_key)
        if guest is None or host is None:
            continue
        moved[guest_column.key] = host_key
        columns[host] = replace(columns[host], wraps=columns[host].wraps or columns[guest].wraps, justify="left",
                                hang=max(columns[host].hang, columns[guest].hang))
        headers[host] = Text(" / ").join([headers[host], headers[guest]])
        for row in cells:
            if row[guest].plain:
                row[host] = Text("\n").join([row[host], _indented(row[guest], _indent(row[host].plain))]) \
                    if row[host].plain else row[guest]
        del columns[guest], headers[guest]
        for row in cells:
            del row[guest]
    return columns, headers, cells


def _indent(plain: str) -> int:
    return len(plain) - len(plain.lstrip(" "))


def _indented(text: Text, indent: int) -> Text:
    """``text`` with each line indented like the host value it goes under (an indented title's role)."""
    if not indent:
        return text
    return Text("\n").join([Text(" " * indent) + line for line in text.split("\n", allow_blank=True)])


def _index(columns: Sequence[Column], key: str) -> int | None:
    return next((i for i, c in enumerate(columns) if c.key == key), None)


def _least_width(console, columns, headers, cells, box, show_lines) -> int:
    least = [max([_least(headers[i], 0)] + [_least(row[i], column.hang) for row in cells])
             for i, column in enumerate(columns)]
    return sum(least) + _overhead(console, len(columns), box, show_lines)


# --- Widths ---------------------------------------------------------------------------------------------------------


def _widths(console, columns, headers, cells, width, box, show_lines) -> list[int]:
    """Each column's width: its content's when that fits (or no width is set), else
    at least its longest word, the rest shared out by how much more each would take."""
    natural = [max([_natural(headers[i])] + [_natural(row[i]) for row in cells]) for i in range(len(columns))]
    if width is None:
        return natural
    available = width - _overhead(console, len(columns), box, show_lines)
    if sum(natural) <= available:
        return natural
    least = [max([_least(headers[i], 0)] + [_least(row[i], column.hang) for row in cells])
             for i, column in enumerate(columns)]
    if sum(least) > available:
        # Even the longest words do not fit side by side: only then may a word in wrapping text be cut.
        fixed = sum(w for w, c in zip(least, columns) if not c.wraps)
        wrapping = [i for i, c in enumerate(columns) if c.wraps]
        if not wrapping:
            return least
        share = max((available - fixed) // len(wrapping), 4)
        return [min(least[i], max(share, 4 + columns[i].hang)) if columns[i].wraps else least[i]
                for i in range(len(columns))]
    widths = list(least)
    spare = available - sum(widths)
    # A header of a column that never wraps gets its one line when that costs a few columns.
    for i, column in enumerate(columns):
        extra = natural[i] - widths[i]
        if not column.wraps and 0 < extra <= min(4, spare):
            widths[i] += extra
            spare -= extra
    # Then the wrapping columns: one that is within twice its fair share of being whole is made
    # whole (a period or a status on one line), the fewest wants first; the rest share what is left.
    wants = {i: natural[i] - widths[i] for i, column in enumerate(columns) if column.wraps and natural[i] > widths[i]}
    for i in sorted(wants, key=wants.get):
        if len(wants) > 1 and wants[i] <= 2 * spare // len(wants):
            widths[i] += wants[i]
            spare -= wants.pop(i)
    if wants and spare > 0:
        share, left = divmod(spare, len(wants))
        for rank, i in enumerate(sorted(wants, key=wants.get, reverse=True)):
            widths[i] += min(wants[i], share + (rank < left))
    return widths


def _natural(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def _least(text: Text, hang: int) -> int:
    """The narrowest the text can be without cutting a word."""
    least = 0
    for line in text.plain.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        pieces = _pieces(line)
        for index, (start, end) in enumerate(pieces):
            lead = indent if index == 0 else indent + hang
            least = max(least, lead + cell_len(line[start:end]))
    return least


# --- Wrapping -------------------------------------------------------------------------------------------------------


def _pieces(line: str) -> list[tuple[int, int]]:
    """The unbreakable pieces of a line, as (start, end): its words, cut after a slash or a dash."""
    pieces: list[tuple[int, int]] = []
    for word in re.finditer(r"[^ ]+", line):
        cuts = [word.start(), *(word.start() + m.start() for m in _BREAK_AFTER.finditer(word.group())), word.end()]
        pieces += [(start, end) for start, end in zip(cuts, cuts[1:]) if end > start]
    return pieces


def _wrap(text: Text, width: int, hang: int) -> Text:
    """``text`` broken into lines of at most ``width`` cells at its spaces (and after a
    slash or a dash); a continued line keeps the line's indent, plus ``hang``. Styles stay."""
    out: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        plain = line.plain
        pieces = _pieces(plain)
        if not pieces:
            out.append(Text())
            continue
        indent = pieces[0][0]
        # The line being filled: its indent and the slice of ``line`` it shows (the first keeps its leading spaces).
        lead, start, end = 0, 0, pieces[0][1]
        for piece_start, piece_end in pieces[1:]:
            if lead + cell_len(plain[start:piece_end]) <= width:
                end = piece_end
                continue
            out.extend(_emit(line, lead, start, end, width))
            lead, start, end = indent + hang, piece_start, piece_end
        out.extend(_emit(line, lead, start, end, width))
    result = Text("\n").join(out)
    result.plain = result.plain.replace(KEEP, " ")
    return result


def _emit(line: Text, lead: int, start: int, end: int, width: int) -> list[Text]:
    """One wrapped line, indented by ``lead``; a piece wider than the column is cut
    into pieces that fit (the last resort when even one word is too wide)."""
    shown = line[start:end]
    room = max(width - lead, 1)
    parts: list[Text] = []
    while cell_len(shown.plain) > room:
        cut = _cut_at(shown.plain, room)
        parts.append(shown[:cut])
        shown = shown[cut:]
    parts.append(shown)
    return [Text(" " * lead) + part for part in parts]


def _cut_at(text: str, room: int) -> int:
    used = 0
    for index, char in enumerate(text):
        used += cell_len(char)
        if used > room:
            return max(index, 1)
    return len(text)
