"""The portfolio for people: a table, one office a row (JSON and CSV
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


def render_portfolio(console, lines: list[PortfolioLine], as_of: dt.date, lang: str) -> None:
    """One line per office: the plan file under the office (dim), the next deadline's id
    under its date, the probability of opening on time (`navplan risk`), and the status
    saying whether the opening holds. When the terminal
    is narrow, the overdue count goes under the slack, the next deadline under the
    critical activity and the status and slack under the opening."""
    from rich.text import Text

    from navplan.errors import visible
    from navplan.render.risk_labels import percent
    from navplan.render.terminal_layout import Column, print_table

    def column(key: str, **layout) -> Column:
        return Column(key, t(key, lang), **layout)

    columns = [Column("portfolio.col.office", t("portfolio.col.office", lang) + " / " + t("portfolio.col.file", lang)),
               column("portfolio.col.opening", wraps=False),
               column("portfolio.col.slack", wraps=False, justify="right", under="portfolio.col.opening", fold_rank=1),
               column("portfolio.col.on_time", wraps=False, justify="right", under="portfolio.col.slack", fold_rank=1),
               column("portfolio.col.critical"),
               column("portfolio.col.overdue", wraps=False, justify="right", under="portfolio.col.slack"),
               column("portfolio.col.next_deadline", wraps=False, under="portfolio.col.critical"),
               column("portfolio.col.status", under="portfolio.col.opening", fold_rank=2)]
    rows = []
    for line in lines:
        office, file, opening, _holds, slack, critical, overdue, _deadline, status, on_time = cells(line, lang)
        late = line.error is not None or not line.holds
        warn = "bold red" if late else ""
        # A folder's name is anyone's text: its control characters are shown, never sent to the terminal.
        first = Text(visible(office), style="bold" if office else "")
        first.append(("\n" if office else "") + visible(file), style="dim")
        deadline = "" if line.next_deadline is None else \
            f"{format_date(line.next_deadline, lang)}\n{line.next_deadline_id}"
        chance = Text("" if on_time is None else percent(on_time, lang),
                      style="bold red" if on_time is not None and on_time < 0.5 else "")
        rows.append([first, format_date(opening, lang), Text("" if slack is None else str(slack), style=warn), chance,
                     critical, "" if overdue is None else str(overdue), deadline, Text(status, style=warn)])
    print_table(console, columns, rows, title=t("portfolio.title", lang, as_of=format_date(as_of, lang),
                                                count=len(lines)))
