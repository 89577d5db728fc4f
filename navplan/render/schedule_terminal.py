"""Output for people: rich tables and verdicts in the terminal.

Colour follows rich's own rules: none when NO_COLOR is set or stdout is not
a terminal. Every renderer takes the console it writes to.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from navplan.engine.deadlines import Period, must_start, must_start_until, overdue
from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.messages import format_date, format_long_date, format_month, format_week, t
from navplan.plan.values import Status
from navplan.render.labels import CRITICAL_MARK, countdown_label, role_title, verdict_lines



def _title(scheduled: ScheduledActivity, lang: str) -> str:
    return scheduled.activity.title.get(lang)


def _status(scheduled: ScheduledActivity, lang: str) -> str:
    return t(f"status.{scheduled.status.value}", lang)


def _slack(scheduled: ScheduledActivity) -> Text:
    if scheduled.slack is None:
        return Text("–")
    style = "bold red" if scheduled.slack < 0 else ("yellow" if scheduled.critical else "")
    return Text(str(scheduled.slack), style=style)


_VERDICT_STYLES = {"ok": ("✔ ", "bold green"), "tight": ("! ", "bold yellow"), "fail": ("✘ ", "bold red"),
                   "chain": ("", "red"), "missed": ("✘ ", "red"), "deadline": ("• ", ""), "note": ("ℹ ", "cyan")}


def render_verdict(console: Console, schedule: Schedule, lang: str) -> None:
    """Opening date, days left, and whether the opening holds (and if not, why)."""
    plan = schedule.project.plan
    console.print(Text(t("critical_path.title", lang, office=plan.office, as_of=format_date(schedule.as_of, lang))
                       + f" ({format_week(schedule.as_of, lang)})", style="bold"))
    opening_line = "opening" if schedule.working_days_left >= 0 else "opening.past"
    console.print(t(opening_line, lang, date=format_long_date(plan.opening, lang),
                    week=format_week(plan.opening, lang), days=schedule.working_days_left))
    for kind, text in verdict_lines(schedule, lang):
        mark, style = _VERDICT_STYLES[kind]
        console.print(Text(mark + text, style=style))


_COMPACT_COLUMNS = {"col.id", "col.start_by", "col.finish_by", "col.earliest_start", "col.forecast_start",
                    "col.forecast_finish", "col.slack", "col.week",
                    "col.duration", "col.source", "col.status"}


def _activity_table(lang: str, columns: list[str], title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    for key in columns:
        justify = "right" if key == "col.slack" else "left"
        compact = key in _COMPACT_COLUMNS
        if key in ("col.role", "col.owner"):
            table.add_column(t(key, lang), no_wrap=True, overflow="ellipsis", max_width=18)
        else:
            table.add_column(t(key, lang), justify=justify, no_wrap=compact, overflow="fold",
                             min_width=None if compact else 20)
    return table


def render_critical_path(console: Console, schedule: Schedule, lang: str, weeks: int) -> None:
    """The verdict, the critical path with latest and forecast dates (once the
    office has opened: the work after the opening instead), and what must start."""
    render_verdict(console, schedule, lang)
    console.print()
    if schedule.opened:
        ids, title = [s.id for s in schedule.after_opening], t("section.after_opening", lang)
    else:
        ids, title = schedule.critical_path, t("section.critical", lang)
    if ids or not schedule.opened:
        table = _activity_table(lang, ["col.id", "col.activity", "col.role", "col.start_by", "col.finish_by",
                                       "col.forecast_start", "col.forecast_finish", "col.slack", "col.status"], title)
        for activity_id in ids:
            scheduled = schedule.activities[activity_id]
            table.add_row(scheduled.id, escape(_title(scheduled, lang)),
                          escape(role_title(schedule, scheduled.activity.role, lang)),
                          format_date(scheduled.dates["latest_start"], lang),
                          format_date(scheduled.dates["latest_finish"], lang),
                          format_date(scheduled.dates["earliest_start"], lang),
                          format_date(scheduled.dates["earliest_finish"], lang), _slack(scheduled),
                          _status(scheduled, lang))
        console.print(table)
        console.print()
    render_must_start(console, schedule, lang, weeks)


def render_must_start(console: Console, schedule: Schedule, lang: str, weeks: int) -> None:
    chosen = must_start(schedule, weeks)
    until = format_date(must_start_until(schedule, weeks), lang)
    if not chosen:
        console.print(t("section.must_start.none", lang, weeks=weeks))
        return
    table = _activity_table(lang, ["col.id", "col.activity", "col.role", "col.owner", "col.start_by", "col.week",
                                   "col.slack"], t("section.must_start", lang, weeks=weeks, until=until))
    late = {s.id for s in overdue(schedule)}
    for scheduled in chosen:
        mark = f"{CRITICAL_MARK} " if scheduled.critical else ""
        style = "red" if scheduled.id in late else ("bold" if scheduled.critical else "")
        table.add_row(Text(mark + scheduled.id, style=style), escape(_title(scheduled, lang)),
                      escape(role_title(schedule, scheduled.activity.role, lang)),
                      escape(scheduled.activity.owner or ""),
                      Text(format_date(scheduled.dates["latest_start"], lang), style=style),
                      format_week(scheduled.dates["latest_start"], lang), _slack(scheduled))
    console.print(table)
    console.print(Text(t("legend.critical", lang), style="dim"))


def _entries(items: list[ScheduledActivity], lang: str) -> Text:
    text = Text()
    for index, scheduled in enumerate(items):
        if index:
            text.append("\n")
        mark = f"{CRITICAL_MARK} " if scheduled.critical else ""
        text.append(f"{mark}{scheduled.id} {_title(scheduled, lang)}", style="bold" if scheduled.critical else "")
    return text


def render_calendar(console: Console, schedule: Schedule, periods: list[Period], lang: str, by: str,
                    dates: str = "latest") -> None:
    plan = schedule.project.plan
    console.print(Text(t("section.calendar", lang, office=plan.office, date=format_date(plan.opening, lang)),
                       style="bold"))
    render_verdict_short(console, schedule, lang)
    late = overdue(schedule)
    if late:
        console.print(Text(t("section.overdue", lang) + ": " + ", ".join(s.id for s in late), style="red"))
    table = Table(show_lines=True, box=box.SQUARE, pad_edge=False)
    table.add_column(t("col.week" if by == "week" else "col.month", lang), no_wrap=True)
    table.add_column(t("col.period", lang), no_wrap=True)
    table.add_column(t("col.countdown", lang), justify="right", no_wrap=True)
    forecast = dates == "forecast"
    table.add_column(t("col.starts.forecast" if forecast else "col.starts", lang), overflow="fold")
    table.add_column(t("col.finishes.forecast" if forecast else "col.finishes", lang), overflow="fold")
    for period in periods:
        label = format_week(period.first_day, lang) if by == "week" else format_month(period.first_day, lang)
        span = f"{format_date(period.first_day, lang)}–{format_date(period.last_day, lang)}"
        finishes = _entries(period.finishes, lang)
        if period.contains_opening:
            if finishes.plain:
                finishes.append("\n")
            finishes.append(f"{t('opening.milestone', lang)} {format_date(plan.opening, lang)}", style="bold green")
        if period.contains_forecast_opening:
            if finishes.plain:
                finishes.append("\n")
            finishes.append(t("opening.forecast", lang, date=format_date(schedule.forecast_opening, lang)),
                            style="bold red")
        style = "reverse" if period.contains_as_of else ""
        table.add_row(Text(label, style=style), span, countdown_label(period.countdown, by, lang),
                      _entries(period.starts, lang), finishes)
    console.print(table)
    console.print(Text(t("legend.critical", lang), style="dim"))


def render_verdict_short(console: Console, schedule: Schedule, lang: str) -> None:
    """The opening's line of the verdict, and each missed date's."""
    for kind, text in verdict_lines(schedule, lang):
        if kind in ("ok", "tight", "fail", "missed"):
            mark, style = _VERDICT_STYLES[kind]
            console.print(Text(mark + text, style=style))
