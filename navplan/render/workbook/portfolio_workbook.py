"""The portfolio as a workbook: one sheet, one row per office in risk order.

Every cell goes through :func:`navplan.render.workbook.cells.put`, so an office
name or error text from a plan file can never become a formula.
"""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from navplan.messages import t
from navplan.features.portfolio import PortfolioLine
from navplan.render.workbook.cells import WARNING, fit_width, font, header_row, print_setup, put, set_widths
from navplan.render.portfolio_terminal import COLUMNS, cells

_BOUNDS = {1: (14, 40), 2: (14, 50), 3: (11, 11), 4: (7, 8), 5: (7, 8), 6: (16, 50), 7: (9, 10), 8: (14, 22),
           9: (10, 60), 10: (9, 10)}
#: The probability of opening on time, a number shown as percent.
_ON_TIME = 10


def portfolio_workbook_bytes(lines: list[PortfolioLine], as_of: dt.date, lang: str) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = t("portfolio.sheet", lang)
    labels = [t(key, lang) for key in COLUMNS]
    header_row(ws, 1, labels)
    texts: dict[int, list[str]] = {column: [label] for column, label in enumerate(labels, start=1)}
    warning = font(colour=WARNING)
    top = Alignment(vertical="top")
    for row, line in enumerate(lines, start=2):
        late = line.error is not None or not line.holds
        for column, value in enumerate(cells(line, lang), start=1):
            if value is None or value == "":
                continue
            cell = put(ws, row, column, value, alignment=top, font=warning if late and column in (4, 5, 9) else None)
            if column == _ON_TIME:
                cell.number_format = "0%"
            texts[column].append(value if isinstance(value, str) else "0000000000")
    last_row = max(1, len(lines) + 1)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"
    set_widths(ws, {column: fit_width(texts[column], *_BOUNDS[column]) for column in _BOUNDS})
    print_setup(ws, "1:1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
