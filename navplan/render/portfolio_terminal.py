"""The portfolio for people: a rich table, one office a row (JSON and CSV
are in :mod:`navplan.render.portfolio_json_csv`)."""

from __future__ import annotations

import datetime as dt

from navplan.messages import format_date, t
from navplan.features.portfolio import PortfolioLine


COLUMNS = ["portfolio.col.office", "portfolio.col.file", "portfolio.col.opening", "portfolio.col.holds",
           "portfolio.col.slack", "portfolio.col.critical", "portfolio.col.overdue",
           "portfolio.col.next_deadline", "portfolio.col.status", "portfolio.col.on_time"]


def cells(line: PortfolioLine, lang: str) -> list[object]:
    """One row as the table and the workbook show it: dates stay dates, numbers numbers."""
    if line.error is not None:
        return [line.office or "", line.file, line.opening, "", None, "", None, "", line.error.render(lang), None]
    critical = f"{line.critical_id} {line.critical_title}" if line.critical_id else ""
    deadline = f"{format_date(line.next_deadline, lang)} {line.next_deadline_id}" if line.next_deadline else ""
    if not line.holds:
        status = t("portfolio.missing", lang, days=line.missing_working_days)
    elif line.slack_to_opening == 0:
        status = t("portfolio.tight", lang)
    else:
        status = t("portfolio.ok", lang)
    return [line.office, line.file, line.opening, t("portfolio.yes" if line.holds else "portfolio.no", lang),
            line.slack_to_opening, critical, line.overdue, deadline, status, line.probability_on_time]


TABLE_COLUMNS = ["portfolio.col.opening", "portfolio.col.slack", "portfolio.col.on_time", "portfolio.col.critical",
                 "portfolio.col.overdue", "portfolio.col.next_deadline", "portfolio.col.status"]


def render_portfolio(console, lines: list[PortfolioLine], as_of: dt.date, lang: str) -> None:
    """So that the table fits a terminal, the plan file is under the office (dim),
    the next deadline's id under its date, and the status says whether the opening holds."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from navplan.errors import visible
    from navplan.render.risk_labels import percent

    table = Table(title=t("portfolio.title", lang, as_of=format_date(as_of, lang), count=len(lines)),
                  title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column(t("portfolio.col.office", lang) + " / " + t("portfolio.col.file", lang),
                     overflow="fold", ratio=3)
    for key in TABLE_COLUMNS:
        numeric = key in ("portfolio.col.slack", "portfolio.col.overdue", "portfolio.col.on_time")
        wide = key in ("portfolio.col.critical", "portfolio.col.status")
        table.add_column(t(key, lang), justify="right" if numeric else "left",
                         no_wrap=key in ("portfolio.col.opening", "portfolio.col.slack", "portfolio.col.next_deadline",
                                         "portfolio.col.on_time"),
                         overflow="fold", ratio=2 if wide else None)
    for line in lines:
        office, file, opening, _holds, slack, critical, overdue, _deadline, status, on_time = cells(line, lang)
        late = line.error is not None or not line.holds
        warn = "bold red" if late else ""
        # A folder's name is anyone's text: its control characters are shown, never sent to the terminal.
        first = Text(visible(office), style="bold" if office else "")
        first.append(("\n" if office else "") + visible(file), style="dim")
        deadline = "" if line.next_deadline is None else \
            f"{format_date(line.next_deadline, lang)}\n{line.next_deadline_id}"
        chance = "" if on_time is None else percent(on_time, lang)
        table.add_row(first, format_date(opening, lang), Text("" if slack is None else str(slack), style=warn),
                      Text(chance, style="bold red" if on_time is not None and on_time < 0.5 else ""),
                      Text(critical), "" if overdue is None else str(overdue), deadline, Text(status, style=warn))
    console.print(table)
