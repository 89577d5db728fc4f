"""Words and labels every output shares (terminal, workbook, report, calendar,
MS Project): the verdict on the opening, role names, the critical mark.
Imports no rich, so writers of files never load it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from navplan.engine.schedule import FinishedLate, Schedule
from navplan.errors import render_value
from navplan.messages import format_date, t
from navplan.plan.values import Status

if TYPE_CHECKING:
    from navplan.features.portfolio import PortfolioLine

CRITICAL_MARK = "◆"


def verdict_lines(schedule: Schedule, lang: str) -> list[tuple[str, str]]:
    """The verdict as (kind, text) pairs, the same in every output: first the
    opening (holds with N working days to spare, or misses by N with the chain
    that decides it; once opened, what was never recorded done), then one line
    per fixed or not-after date (a missed one with the chain that breaks it),
    one per not-after date met late (done after it), then notes. Kinds: ok,
    tight, fail, chain, missed, deadline, note."""
    lines: list[tuple[str, str]] = []
    if schedule.opened:
        lines.append(("ok", t("opened", lang, date=format_date(schedule.project.opening_date, lang))))
        never = schedule.not_done_before_opening
        if never:
            lines.append(("missed", t("opened.not_done", lang, count=len(never),
                                      ids=", ".join(s.id for s in never))))
        after = [s for s in schedule.after_opening if s.status is not Status.DONE]
        if after:
            lines.append(("note", t("opened.after", lang, count=len(after), ids=", ".join(s.id for s in after))))
    elif not schedule.opening_holds:
        lines.append(("fail", t("fails", lang, days=schedule.missing_working_days,
                                forecast=format_date(schedule.forecast_opening, lang))))
        if schedule.critical_path:
            lines.append(("chain", t("fails.chain", lang, chain=" → ".join(schedule.critical_path))))
    elif schedule.slack_to_opening == 0:
        lines.append(("tight", t("holds.tight", lang)))
    else:
        lines.append(("ok", t("holds", lang, slack=schedule.slack_to_opening)))
    for check in schedule.deadlines:
        title = schedule.project.activities[check.id].title.get(lang)
        if check.holds:
            lines.append(("deadline", t(f"deadline.{check.kind}.holds", lang, id=check.id, title=title,
                                        date=format_date(check.date, lang), days=check.slack)))
        else:
            lines.append(("missed", t(f"missed.{check.kind}", lang, id=check.id, title=title,
                                      date=format_date(check.date, lang), days=check.missing_working_days)))
            if check.chain:
                lines.append(("chain", t("deadline.chain", lang, chain=" → ".join(check.chain))))
    for late in schedule.finished_late:
        lines.append(("missed", finished_late_line(schedule, late, lang)))
    for note in schedule.notes:
        params = {name: render_value(value, lang) for name, value in note.params.items()}
        lines.append(("note", t(f"note.{note.key}", lang, **params)))
    return lines


def finished_late_line(schedule: Schedule, late: FinishedLate, lang: str) -> str:
    """'7.4 …: ferdig 3 arbeidsdager etter fristen 21.06.2019 (ferdig 26.06.2019).': a deadline met late stays in the record."""
    return t("finished_late", lang, id=late.id, title=schedule.project.activities[late.id].title.get(lang),
             days=late.working_days, date=format_date(late.date, lang), finished=format_date(late.finished, lang))


def portfolio_status(line: "PortfolioLine", lang: str) -> str:
    """One office's verdict in the portfolio, the same in the table and the workbook:
    opened; or the opening missing N working days; or holding, with how many
    fixed and not-after dates will be missed (a county director must not read
    "holds" for an office about to miss its agreement's adoption); or holding.
    An office that opened with dates missed says so too, as the count under the
    table and the row's colour do."""
    if line.error is not None:
        return line.error.render(lang)
    if line.opened:
        status = t("portfolio.opened", lang)
    elif not line.holds:
        status = t("portfolio.missing", lang, days=line.missing_working_days)
    elif line.slack_to_opening == 0:
        status = t("portfolio.tight", lang)
    else:
        status = t("portfolio.ok", lang)
    if line.missed_deadlines:
        status += t("portfolio.dates_missed", lang, count=line.missed_deadlines)
    return status


def portfolio_warns(line: "PortfolioLine") -> bool:
    """An office shown in red: unreadable, the opening does not hold, or a date is missed."""
    return line.error is not None or line.holds is False or bool(line.missed_deadlines)


def countdown_label(countdown: int, by: str, lang: str) -> str:
    """T-3u before the opening's period, T in it, T+2u after it (u/w for weeks, m for months).

    >>> countdown_label(3, "week", "nb"), countdown_label(0, "month", "nb"), countdown_label(-2, "week", "en")
    ('T-3u', 'T', 'T+2w')
    """
    unit = ("w" if lang == "en" else "u") if by == "week" else "m"  # uker / weeks, måneder / months
    if countdown == 0:
        return "T"
    return f"T-{countdown}{unit}" if countdown > 0 else f"T+{-countdown}{unit}"


def role_title(schedule: Schedule, role_id: str | None, lang: str) -> str:
    """The role's name as people say it ('Rådmann'), not its id."""
    return schedule.project.role_title(role_id, lang)


def audience_line(schedule: Schedule, view, lang: str) -> str | None:
    """'Viser bare aktivitetene til Prosjektleder og Anna Lena Gaup.' for a personal view, else None."""
    if view is None:
        return None
    names = [role_title(schedule, role, lang) for role in sorted(view.roles)] + sorted(view.owners)
    who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t('view.and', lang)} {names[-1]}"
    return t("view.audience", lang, who=who)
