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

The lines are composed here too and printed as they are: rich only styles them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import IO, Literal

from rich.cells import cell_len
from rich.console import Console
from rich.text import Span, Text

from navplan.errors import visible

#: A space that does not break: what keeps "◆ 3.2.2", "uke 50" or "5 uker" on one line.
KEEP = "\u00a0"
#: The width of a console whose output is not a terminal: paragraphs never wrap at it.
UNLIMITED = 100_000
#: Spaces at the end of a line, before its closing style codes.
_SPACES_BEFORE_CODES = re.compile(r" +((?:\x1b\[[0-9;]*m)+)$")
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
        # Padded cells and rich's wrapped lines end in spaces: none is left at a line's end.
        return "\n".join(map(_without_trailing_spaces, super()._render_buffer(buffer).split("\n")))


def _without_trailing_spaces(line: str) -> str:
    if line.endswith(" "):
        return line.rstrip(" ")
    if line.endswith("m") and "\x1b" in line:
        return _SPACES_BEFORE_CODES.sub(r"\1", line)
    return line


def layout_width(console: Console) -> int | None:
    """The width to lay tables out for; None: as wide as the content."""
    return None if getattr(console, "fits_content", False) else console.width


def print_paragraph(console: Console, plain: str, *, style: str = "", hang: int = 0) -> None:
    """One paragraph, wrapped as table cells wrap (at spaces, and after a slash or a
    dash, never inside a word); a continued line keeps the paragraph's indent plus
    ``hang``. Piped output keeps it on one line."""
    lines: list[Line] = [(plain, [Span(0, len(plain), style)] if style else [])]
    width = layout_width(console)
    console.print(_as_text(lines if width is None else _wrap(lines, width, hang)), soft_wrap=True)


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
#: Between two columns.
GAP = "  "
RULE = "─"
#: One line of a cell: its text and its styles (offsets within the line). Plain
#: strings, not rich Text: a portfolio of a thousand plans is laid out in a second.
Line = tuple[str, list[Span]]


@dataclass
class _Shown:
    """A cell's lines and what they take: the widest line, and the longest word (with indents)."""

    lines: list[Line]
    natural: int
    least: int


def print_table(console: Console, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], *,
                title: str | None = None, rules: bool = False) -> None:
    """Lay the table out for the console's width and print it: its title (bold) above it,
    the header (bold) over a rule, and with ``rules`` a rule between rows (the calendar's)."""
    if title:
        console.print(Text(title, style="bold"))
    columns = list(columns)
    cells = [[_shown(_lines(cell, column.wraps), column.hang) for cell, column in zip(row, columns, strict=True)]
             for row in rows]
    headers = [_shown(_lines(column.header, True), 0) for column in columns]
    width = layout_width(console)
    if width is not None:
        columns, headers, cells = _fold_until_it_fits(columns, headers, cells, width)
    widths = _widths(columns, headers, cells, width)
    rule: Line = (RULE * (sum(widths) + len(GAP) * (len(widths) - 1)), [])
    out = _row_lines([h.lines for h in headers], columns, widths, hang=False, style="bold") + [rule]
    for index, row in enumerate(cells):
        if rules and index:
            out.append(rule)
        out += _row_lines([cell.lines for cell in row], columns, widths, hang=True)
    # soft_wrap: the lines are laid out already; rich neither wraps nor crops them.
    console.print(_as_text(out), soft_wrap=True)


def _lines(cell: Cell, wraps: bool) -> list[Line]:
    """A cell's lines; in a column that never wraps, its spaces are unbreakable."""
    if cell is None:
        return [("", [])]
    if isinstance(cell, Text):
        plain, spans = cell.plain, list(cell.spans)
        if cell.style:
            spans.insert(0, Span(0, len(plain), cell.style))
    else:
        plain, spans = str(cell), []
    shown = visible(plain, keep="\n")
    if shown != plain:  # a control character from a plan, shown escaped and measured as shown
        plain, spans = shown, [Span(0, len(shown), cell.style)] if isinstance(cell, Text) and cell.style else []
    if not wraps:
        plain = keep_together(plain)
    lines, offset = [], 0
    for part in plain.split("\n"):
        lines.append((part, _clip(spans, offset, offset + len(part))))
        offset += len(part) + 1
    return lines


def _clip(spans: list[Span], start: int, end: int, shift: int = 0) -> list[Span]:
    """The styles of ``[start:end]``, moved to start at ``shift``."""
    return [Span(max(span.start, start) - start + shift, min(span.end, end) - start + shift, span.style)
            for span in spans if span.start < end and span.end > start]


def _shown(lines: list[Line], hang: int) -> _Shown:
    return _Shown(lines, _natural(lines), _least(lines, hang))


def _row_lines(cells: list[list[Line]], columns: Sequence[Column], widths: list[int], *, hang: bool,
               style: str = "") -> list[Line]:
    """One table row: each cell wrapped to its column, side by side, top-aligned."""
    blocks = [_wrap(lines, width, column.hang if hang else 0)
              for lines, column, width in zip(cells, columns, widths, strict=True)]
    out = []
    for index in range(max(len(block) for block in blocks)):
        parts: list[str] = []
        spans: list[Span] = []
        offset = 0
        for number, (block, column, width) in enumerate(zip(blocks, columns, widths, strict=True)):
            plain, piece_spans = block[index] if index < len(block) else ("", [])
            pad = " " * max(width - cell_len(plain), 0)
            if number:
                parts.append(GAP)
                offset += len(GAP)
            start = offset + (len(pad) if column.justify == "right" else 0)
            parts.append(pad + plain if column.justify == "right" else plain + pad)
            spans += [Span(s.start + start, s.end + start, s.style) for s in piece_spans]
            offset += len(pad) + len(plain)
        line = "".join(parts)
        out.append((line, ([Span(0, len(line), style)] if style else []) + spans))
    return out


def _as_text(lines: list[Line]) -> Text:
    """The table's lines as one rich Text, to print at once."""
    spans: list[Span] = []
    offset = 0
    for plain, line_spans in lines:
        spans += [Span(s.start + offset, s.end + offset, s.style) for s in line_spans]
        offset += len(plain) + 1
    return Text("\n".join(plain for plain, _ in lines), spans=spans)


# --- Folding columns under each other -------------------------------------------------------------------------------


def _fold_until_it_fits(columns, headers, cells, width):
    """Move columns under their hosts, a rank at a time (the columns of one rank together, so
    that two pairs of dates fold alike), until the narrowest layout fits ``width``."""
    ranks = sorted({c.fold_rank for c in columns if c.under})
    moved: dict[str, str] = {}  # a column moved under another: where its values are now
    for rank in ranks:
        if _least_width(columns, headers, cells) <= width:
            break
        for guest_column in [c for c in columns if c.under and c.fold_rank == rank]:
            _fold(columns, headers, cells, guest_column, moved)
    return columns, headers, cells


def _fold(columns, headers, cells, guest_column: Column, moved: dict[str, str]) -> None:
    """Move ``guest_column``'s values under its host's, in every row, and its header after the host's."""
    host_key = guest_column.under
    while host_key in moved:
        host_key = moved[host_key]
    guest, host = _index(columns, guest_column.key), _index(columns, host_key)
    if guest is None or host is None:
        return
    moved[guest_column.key] = host_key
    hang = max(columns[host].hang, columns[guest].hang)
    columns[host] = replace(columns[host], wraps=columns[host].wraps or columns[guest].wraps, justify="left",
                            hang=hang)
    (host_header, _), (guest_header, _) = headers[host].lines[0], headers[guest].lines[0]
    headers[host] = _shown([(f"{host_header} / {guest_header}" if guest_header else host_header, [])], 0)
    for row in cells:
        if _is_empty(row[guest].lines):
            continue
        if _is_empty(row[host].lines):
            row[host] = _shown(row[guest].lines, hang)
        else:
            indent = _indent(row[host].lines[0][0])
            row[host] = _shown(row[host].lines + [_indented(line, indent) for line in row[guest].lines], hang)
    del columns[guest], headers[guest]
    for row in cells:
        del row[guest]


def _is_empty(lines: list[Line]) -> bool:
    return all(not plain for plain, _ in lines)


def _indent(plain: str) -> int:
    return len(plain) - len(plain.lstrip(" "))


def _indented(line: Line, indent: int) -> Line:
    """A line indented like the host value it goes under (an indented title's role)."""
    plain, spans = line
    return (" " * indent + plain, [Span(s.start + indent, s.end + indent, s.style) for s in spans]) if indent else line


def _index(columns: Sequence[Column], key: str) -> int | None:
    return next((i for i, c in enumerate(columns) if c.key == key), None)


def _least_width(columns, headers, cells) -> int:
    least = [max([headers[i].least] + [row[i].least for row in cells]) for i in range(len(columns))]
    return sum(least) + len(GAP) * (len(columns) - 1)


# --- Widths ---------------------------------------------------------------------------------------------------------


def _widths(columns, headers, cells, width) -> list[int]:
    """Each column's width: its content's when that fits (or no width is set), else
    at least its longest word, the rest shared out by how much more each would take."""
    natural = [max([headers[i].natural] + [row[i].natural for row in cells]) for i in range(len(columns))]
    if width is None:
        return natural
    available = width - len(GAP) * (len(columns) - 1)
    if sum(natural) <= available:
        return natural
    least = [max([headers[i].least] + [row[i].least for row in cells]) for i in range(len(columns))]
    if sum(least) > available:
        # Even the longest words do not fit side by side: only then may a word in wrapping text be cut.
        fixed = sum(w for w, c in zip(least, columns, strict=True) if not c.wraps)
        wrapping = [i for i, c in enumerate(columns) if c.wraps]
        if not wrapping:
            return least
        share = max((available - fixed) // len(wrapping), 4)
        return [min(least[i], max(share, 4 + columns[i].hang)) if columns[i].wraps else least[i]
                for i in range(len(columns))]
    widths = list(least)
    spare = available - sum(widths)
    # First the wrapping columns with the fewest wants, made whole while the spare lasts: a
    # status, a role or a period on one line saves a line on every row (the longest, a title,
    # wraps anyway and takes what is left). Then the header of a column that never wraps, on
    # one line when that costs a few columns. Then the rest is shared.
    wants = {i: natural[i] - widths[i] for i, column in enumerate(columns) if column.wraps and natural[i] > widths[i]}
    for i in sorted(wants, key=wants.get)[:-1]:
        if wants[i] <= spare:
            widths[i] += wants[i]
            spare -= wants.pop(i)
    for i, column in enumerate(columns):
        extra = natural[i] - widths[i]
        if not column.wraps and 0 < extra <= min(4, spare):
            widths[i] += extra
            spare -= extra
    if wants and spare > 0:
        share, left = divmod(spare, len(wants))
        for rank, i in enumerate(sorted(wants, key=wants.get, reverse=True)):
            widths[i] += min(wants[i], share + (rank < left))
    return widths


def _natural(lines: list[Line]) -> int:
    return max((cell_len(plain) for plain, _ in lines), default=0)


def _least(lines: list[Line], hang: int) -> int:
    """The narrowest the lines can be without cutting a word."""
    least = 0
    for plain, _ in lines:
        indent = _indent(plain)
        for index, (start, end) in enumerate(_pieces(plain)):
            least = max(least, (indent if index == 0 else indent + hang) + cell_len(plain[start:end]))
    return least


# --- Wrapping -------------------------------------------------------------------------------------------------------


def _pieces(line: str) -> list[tuple[int, int]]:
    """The unbreakable pieces of a line, as (start, end): its words, cut after a slash or a dash."""
    pieces: list[tuple[int, int]] = []
    for word in re.finditer(r"[^ ]+", line):
        if "/" in word.group() or "–" in word.group():
            cuts = [word.start(), *(word.start() + m.start() for m in _BREAK_AFTER.finditer(word.group())),
                    word.end()]
            pieces += [(start, end) for start, end in pairwise(cuts) if end > start]
        else:
            pieces.append(word.span())
    return pieces


def _wrap(lines: list[Line], width: int, hang: int) -> list[Line]:
    """The lines broken into lines of at most ``width`` cells at their spaces (and after a
    slash or a dash); a continued line keeps its line's indent, plus ``hang``. Styles stay,
    and the unbreakable spaces are plain spaces again."""
    out: list[Line] = []
    for plain, spans in lines:
        if cell_len(plain) <= width:
            out.append((plain.replace(KEEP, " "), spans))
            continue
        pieces = _pieces(plain)
        indent = pieces[0][0] if pieces else 0
        # The line being filled: its indent and the slice it shows (the first keeps its leading spaces).
        lead, start, end = 0, 0, pieces[0][1] if pieces else 0
        for piece_start, piece_end in pieces[1:]:
            if lead + cell_len(plain[start:piece_end]) <= width:
                end = piece_end
                continue
            out += _emit(plain, spans, lead, start, end, width)
            lead, start, end = indent + hang, piece_start, piece_end
        out += _emit(plain, spans, lead, start, end, width)
    return out


def _emit(plain: str, spans: list[Span], lead: int, start: int, end: int, width: int) -> list[Line]:
    """``plain[start:end]`` indented by ``lead``; a piece wider than the column is cut into
    pieces that fit (the last resort, when even one word is too wide)."""
    room = max(width - lead, 1)
    if cell_len(plain[start:end]) <= room:
        return [(" " * lead + plain[start:end].replace(KEEP, " "), _clip(spans, start, end, lead))]
    out = []
    while True:
        cut = _cut_at(plain[start:end], room) + start
        out.append((" " * lead + plain[start:cut].replace(KEEP, " "), _clip(spans, start, cut, lead)))
        if cut >= end:
            return out
        start = cut


def _cut_at(text: str, room: int) -> int:
    """How much of ``text`` fits in ``room`` cells (at least one character)."""
    used = 0
    for index, char in enumerate(text):
        used += cell_len(char)
        if used > room:
            return max(index, 1)
    return len(text)
