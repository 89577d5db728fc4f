"""`navplan portfolio --since`: what moved in each office since the last county meeting.

Words every output of the changes shares (the terminal's table here, the
workbook's sheet in :mod:`navplan.render.workbook.portfolio_changes_sheet`):
the revision compared with, the slack then and now, status changes, the dates
that moved most and the dates newly missed. JSON and CSV are in
:mod:`navplan.render.portfolio_json_csv`.
"""

from __future__ import annotations

import datetime as dt

from navplan.features.portfolio import PortfolioLine
from navplan.features.portfolio_history import OfficeChanges, no_history_message
from navplan.messages import format_date, t


def changes_title(since: dt.date | str, as_of: dt.date, lang: str) -> str:
    shown = format_date(since, lang) if isinstance(since, dt.date) else since
    return t("changes.title", lang, since=shown, as_of=format_date(as_of, lang))


def changes_subtitle(since: dt.date | str, lang: str) -> str:
    """How each office's revision was found."""
    if isinstance(since, dt.date):
        return t("changes.since.date", lang, date=format_date(since, lang))
    return t("changes.since.revision", lang, revision=since)


def compared_with(changes: OfficeChanges, lang: str) -> str:
    """The revision (short hash and date), or why there is none."""
    if changes.no_history is not None:
        return no_history_message(changes.no_history).render(lang)
    return t("changes.revision", lang, commit=changes.revision_short, date=format_date(changes.revision_date, lang))


def slack_then_and_now(changes: OfficeChanges, lang: str) -> str:
    def one(slack: int | None) -> str:
        return t("portfolio.opened", lang) if slack is None else str(slack)

    if changes.no_history is not None:
        return ""
    return f"{one(changes.slack_before)} → {one(changes.slack_after)}"


def signed(number: int | None) -> str:
    """+5, -3 or 0; nothing for none."""
    if number is None:
        return ""
    return f"{number:+d}" if number else "0"


def status_lines(changes: OfficeChanges, lang: str) -> list[str]:
    return [t("changes.status", lang, id=c.id, before=t(f"status.{c.before}", lang), after=t(f"status.{c.after}", lang))
            for c in changes.status_changed]


def moved_lines(changes: OfficeChanges, lang: str) -> list[str]:
    """The opening date when it moved, the dates that moved most, and how many more moved."""
    lines = []
    if changes.opening_before is not None and changes.opening_before != changes.opening_after:
        lines.append(t("changes.opening_moved", lang, before=format_date(changes.opening_before, lang),
                       after=format_date(changes.opening_after, lang)))
    lines += [t("changes.moved", lang, id=m.id, moved=signed(m.moved), date=t(f"changes.date.{m.date}", lang))
              for m in changes.moved_most]
    more = changes.moved_count - len(changes.moved_most)
    if more > 0:
        lines.append(t("changes.moved_more", lang, count=more))
    return lines


def missed_lines(changes: OfficeChanges, lang: str) -> list[str]:
    return [t("changes.missed", lang, id=m.id, date=format_date(m.date, lang), days=m.missing_working_days)
            for m in changes.newly_missed]


def compared(lines: list[PortfolioLine]) -> list[PortfolioLine]:
    """The offices a changes table lists: every plan that could be read."""
    return [line for line in lines if line.error is None and line.changes is not None]


def changes_summary(lines: list[PortfolioLine], lang: str) -> str:
    shown = compared(lines)
    worse = sum(1 for line in shown if (line.changes.slack_change or 0) < 0)
    better = sum(1 for line in shown if (line.changes.slack_change or 0) > 0)
    missing = sum(1 for line in shown if line.changes.no_history is not None)
    return t("changes.summary", lang, count=len(shown), worse=worse, better=better, none=missing)


def render_changes(console, lines: list[PortfolioLine], since: dt.date | str, as_of: dt.date, lang: str) -> None:
    """One row per office, in the portfolio's order: the office over the revision it is
    compared with (or why there is none), the slack to the opening then and now with its
    change, status changes, the dates that moved most and the dates newly missed. When
    the terminal is narrow, the missed dates go under the moves."""
    from rich.text import Text

    from navplan.errors import visible
    from navplan.render.terminal_layout import Column, print_table

    columns = [Column("portfolio.col.office",
                      t("portfolio.col.office", lang) + " / " + t("changes.col.compared", lang)),
               Column("changes.col.slack", t("changes.col.slack", lang), wraps=False),
               Column("changes.col.status", t("changes.col.status", lang), hang=2),
               Column("changes.col.moved", t("changes.col.moved", lang), hang=2),
               Column("changes.col.missed", t("changes.col.missed", lang), hang=2, under="changes.col.moved")]
    rows = []
    for line in compared(lines):
        changes = line.changes
        first = Text(visible(line.office or ""), style="bold")
        first.append("\n" + visible(compared_with(changes, lang)), style="dim")
        change = changes.slack_change
        slack = Text(slack_then_and_now(changes, lang))
        if change is not None:
            slack.append(f" ({signed(change)})", style="bold red" if change < 0 else "")
        rows.append([first, slack, "\n".join(status_lines(changes, lang)), "\n".join(moved_lines(changes, lang)),
                     Text("\n".join(missed_lines(changes, lang)), style="bold red")])
    console.print()
    console.print(Text(changes_title(since, as_of, lang), style="bold"))
    console.print(Text(changes_subtitle(since, lang)))
    print_table(console, columns, rows)
