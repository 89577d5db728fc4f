"""The portfolio for people: a table, one office a row (JSON and CSV
are in :mod:`navplan.render.portfolio_json_csv`)."""

from __future__ import annotations

import datetime as dt

from navplan.features.portfolio import PORTFOLIO_SAMPLES, PortfolioLine
from navplan.messages import format_date, t
from navplan.render.labels import fewer_samples_note, portfolio_status, portfolio_title, portfolio_tone

_TONE_STYLES = {"red": "bold red", "yellow": "bold yellow", "green": "green"}


def render_portfolio(console, lines: list[PortfolioLine], as_of: dt.date, lang: str, county: str | None = None, *,
                     samples: int = PORTFOLIO_SAMPLES) -> None:
    """One line per office: the plan file under the office (dim), the opening's
    slack, the worst fixed or not-after date (its slack over its id), the
    probability of opening on time (`navplan risk`), and the status saying
    whether the opening and every date hold. When the terminal is narrow, the
    overdue count goes under the slack, the worst date under the probability,
    the next deadline under the critical activity and the status and slack
    under the opening. With a county file, the title names the county. Fewer ``samples`` than
    `navplan risk` takes are said under the table."""
    from rich.text import Text

    from navplan.errors import shown_path, visible
    from navplan.render.risk_labels import percent
    from navplan.render.terminal_layout import Column, print_table

    def column(key: str, **layout) -> Column:
        return Column(key, t(key, lang), **layout)

    # Without samples (--samples 0, or every office opened) there is no probability to show.
    sampled = any(line.probability_on_time is not None for line in lines)
    columns = [Column("portfolio.col.office", t("portfolio.col.office", lang) + " / " + t("portfolio.col.file", lang)),
               column("portfolio.col.opening", wraps=False),
               column("portfolio.col.slack", wraps=False, justify="right", under="portfolio.col.opening", fold_rank=1),
               column("portfolio.col.on_time", wraps=False, justify="right", under="portfolio.col.slack", fold_rank=1),
               Column("buffer_p50", t("portfolio.col.buffer", lang, percent=50), wraps=False,
                      justify="right", under="portfolio.col.on_time"),
               Column("buffer_p85", t("portfolio.col.buffer", lang, percent=85), wraps=False,
                      justify="right", under="buffer_p50"),
               column("portfolio.col.worst_date", wraps=False, justify="right",
                      under="portfolio.col.on_time" if sampled else "portfolio.col.slack"),
               column("portfolio.col.critical"),
               column("portfolio.col.overdue", wraps=False, justify="right", under="portfolio.col.slack"),
               column("portfolio.col.next_deadline", wraps=False, under="portfolio.col.critical"),
               column("portfolio.col.status", under="portfolio.col.opening", fold_rank=2)]
    rows = []
    for line in lines:
        # The row's verdict in its colour (the status says it in words too, for NO_COLOR and print).
        warn = _TONE_STYLES.get(portfolio_tone(line), "")
        # A folder's name is anyone's text: its control characters are shown, never sent to the terminal.
        first = Text(visible(line.office or ""), style="bold" if line.office else "")
        first.append(("\n" if line.office else "") + shown_path(line.file), style="dim")
        opening_late = line.error is None and line.holds is False
        slack = Text("" if line.slack_to_opening is None else str(line.slack_to_opening),
                     style="bold red" if opening_late else "")
        worst = Text("" if line.worst_deadline_id is None else f"{line.worst_deadline_slack}\n{line.worst_deadline_id}",
                     style="bold red" if (line.worst_deadline_slack or 0) < 0 else "")
        on_time = line.probability_on_time
        chance = Text("" if on_time is None else percent(on_time, lang),
                      style="bold red" if on_time is not None and on_time < 0.5 else "")
        critical = f"{line.critical_id} {line.critical_title}" if line.critical_id else ""
        deadline = "" if line.next_deadline is None else \
            f"{format_date(line.next_deadline, lang)}\n{line.next_deadline_id}"
        buffers = [Text("" if not line.buffer or level not in line.buffer else str(line.buffer[level]),
                        style="bold red" if line.buffer and line.buffer.get(level, 0) < 0 else "")
                   for level in (50, 85)]
        rows.append([first, format_date(line.opening, lang), slack, chance, *buffers, worst, critical,
                     "" if line.overdue is None else str(line.overdue), deadline,
                     Text(portfolio_status(line, lang), style=warn)])
    if not sampled:
        del columns[3:6]
        for row in rows:
            del row[3:6]
    print_table(console, columns, rows, title=portfolio_title(lines, as_of, lang, county))
    note = fewer_samples_note(lines, samples, lang)
    if note:
        console.print(note)

