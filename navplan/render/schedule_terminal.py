"""Output for people: tables (laid out by terminal_layout) and verdicts in the terminal.

Colour follows rich's own rules: none when NO_COLOR is set or stdout is not
a terminal. Every renderer takes the console it writes to.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from navplan.engine.deadlines import Period, must_start, must_start_until, overdue
from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.features.personal_view import Audience, shows
from navplan.messages import format_date, format_long_date, format_month, format_week, t
from navplan.render.labels import CRITICAL_MARK, audience_line, countdown_label, role_title, verdict_lines
from navplan.render.terminal_layout import Column, keep_together, print_paragraph, print_table


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
                   "chain": ("", "red"), "missed": ("✘ ", "red"), "deadline": ("• ", ""), "note": ("ℹ ", "cyan"),
                   "help": ("", "bold"), "lever": ("  • ", ""), "command": ("      ", "bold")}


def render_heading(console: Console, schedule: Schedule, title_key: str, lang: str) -> None:
    """The office and the as-of date (with its week), then the opening date and
    the working days left: the first two lines of critical-path and risk alike."""
    plan = schedule.project.plan
    console.print(Text(t(title_key, lang, office=plan.office, as_of=format_date(schedule.as_of, lang))
                       + f" ({format_week(schedule.as_of, lang)})", style="bold"))
    opening_line = "opening" if schedule.working_days_left >= 0 else "opening.past"
    console.print(t(opening_line, lang, date=format_long_date(plan.opening, lang),
                    week=format_week(plan.opening, lang), days=schedule.working_days_left))


def render_verdict(console: Console, schedule: Schedule, lang: str, help=None, plan: str = "") -> None:
    """Opening date, days left, and whether the opening holds (and if not, why, and
    with ``help`` what can help; see :func:`navplan.render.labels.verdict_lines`)."""
    render_heading(console, schedule, "critical_path.title", lang)
    for kind, text in verdict_lines(schedule, lang, help, plan):
        mark, style = _VERDICT_STYLES[kind]
        if kind in ("lever", "command"):
            # A lever's words wrap under themselves (past its bullet), its command under them.
            print_paragraph(console, mark + text, style=style, hang=2 if kind == "lever" else 0)
        else:
            console.print(Text(mark + text, style=style))


def _column(key: str, lang: str, **layout) -> Column:
    """A column of an activity table: ids, dates, weeks and slack never wrap."""
    wraps = key in ("col.activity", "col.role", "col.owner", "col.status")
    return Column(key, t(key, lang), wraps=wraps, justify="right" if key == "col.slack" else "left", **layout)


def render_critical_path(console: Console, schedule: Schedule, lang: str, weeks: int,
                         view: Audience | None = None, help=None, plan: str = "") -> None:
    """The verdict (always the whole plan's), the critical path with latest and forecast
    dates (once the office has opened: the work after the opening instead), and what must
    start; of a personal view's activities only, when there is one."""
    render_verdict(console, schedule, lang, help, plan)
    _say_audience(console, schedule, view, lang)
    console.print()
    if schedule.opened:
        ids, title = [s.id for s in schedule.after_opening], t("section.after_opening", lang)
    else:
        ids, title = schedule.critical_path, t("section.critical", lang)
    # Too narrow for nine columns side by side: the role and the status go under the title,
    # each finish under its start.
    columns = [_column("col.id", lang), _column("col.activity", lang), _column("col.role", lang, under="col.activity"),
               _column("col.start_by", lang), _column("col.finish_by", lang, under="col.start_by", fold_rank=1),
               _column("col.forecast_start", lang),
               _column("col.forecast_finish", lang, under="col.forecast_start", fold_rank=1),
               _column("col.slack", lang), _column("col.status", lang, under="col.activity", fold_rank=2)]
    rows = []
    for activity_id in ids:
        scheduled = schedule.activities[activity_id]
        if not shows(view, scheduled.activity):
            continue
        rows.append([scheduled.id, _title(scheduled, lang), role_title(schedule, scheduled.activity.role, lang),
                     format_date(scheduled.dates["latest_start"], lang),
                     format_date(scheduled.dates["latest_finish"], lang),
                     format_date(scheduled.dates["earliest_start"], lang),
                     format_date(scheduled.dates["earliest_finish"], lang), _slack(scheduled),
                     _status(scheduled, lang)])
    if rows:
        print_table(console, columns, rows, title=title)
        console.print()
    elif view is not None and ids:
        console.print(Text(title, style="bold"))
        console.print(t("view.none_critical", lang))
        console.print()
    elif not schedule.opened:
        print_table(console, columns, [], title=title)
        console.print()
    render_must_start(console, schedule, lang, weeks, view)


def _say_audience(console: Console, schedule: Schedule, view: Audience | None, lang: str) -> None:
    line = audience_line(schedule, view, lang)
    if line:
        console.print(Text(line, style="cyan"))


def render_must_start(console: Console, schedule: Schedule, lang: str, weeks: int,
                      view: Audience | None = None) -> None:
    chosen = [s for s in must_start(schedule, weeks) if shows(view, s.activity)]
    until = format_date(must_start_until(schedule, weeks), lang)
    if not chosen:
        console.print(t("section.must_start.none", lang, weeks=weeks))
        return
    columns = [_column("col.id", lang), _column("col.activity", lang), _column("col.role", lang, under="col.activity"),
               _column("col.owner", lang, under="col.activity"), _column("col.start_by", lang),
               _column("col.week", lang, under="col.start_by", fold_rank=1), _column("col.slack", lang)]
    late = {s.id for s in overdue(schedule)}
    rows = []
    for scheduled in chosen:
        mark = f"{CRITICAL_MARK} " if scheduled.critical else ""
        style = "red" if scheduled.id in late else ("bold" if scheduled.critical else "")
        rows.append([Text(mark + scheduled.id, style=style), _title(scheduled, lang),
                     role_title(schedule, scheduled.activity.role, lang), scheduled.activity.owner or "",
                     Text(format_date(scheduled.dates["latest_start"], lang), style=style),
                     format_week(scheduled.dates["latest_start"], lang), _slack(scheduled)])
    print_table(console, columns, rows, title=t("section.must_start", lang, weeks=weeks, until=until))
    if any(scheduled.critical for scheduled in chosen):  # a legend only for a mark the table has
        console.print(Text(t("legend.critical", lang), style="dim"))


def _entries(items: list[ScheduledActivity], lang: str, view: Audience | None) -> Text:
    """One line per activity; its mark and id stay together when the title wraps."""
    text = Text()
    for index, scheduled in enumerate(s for s in items if shows(view, s.activity)):
        if index:
            text.append("\n")
        mark = f"{CRITICAL_MARK} " if scheduled.critical else ""
        text.append(f"{keep_together(mark + scheduled.id)} {_title(scheduled, lang)}",
                    style="bold" if scheduled.critical else "")
    return text


def render_calendar(console: Console, schedule: Schedule, periods: list[Period], lang: str, by: str,
                    dates: str = "latest", view: Audience | None = None) -> None:
    """Every period to the opening; with a personal view, only its activities in them."""
    plan = schedule.project.plan
    console.print(Text(t("section.calendar", lang, office=plan.office, date=format_date(plan.opening, lang)),
                       style="bold"))
    render_verdict_short(console, schedule, lang)
    _say_audience(console, schedule, view, lang)
    late = [s for s in overdue(schedule) if shows(view, s.activity)]
    if late:
        console.print(Text(t("section.overdue", lang) + ": " + ", ".join(s.id for s in late), style="red"))
    label_key = "col.week" if by == "week" else "col.month"
    forecast = dates == "forecast"
    columns = [Column(label_key, t(label_key, lang), wraps=by == "month"),
               Column("col.period", t("col.period", lang), under=label_key),
               Column("col.countdown", t("col.countdown", lang), wraps=False, justify="right", under=label_key,
                      fold_rank=1),
               Column("col.starts", t("col.starts.forecast" if forecast else "col.starts", lang), hang=2),
               Column("col.finishes", t("col.finishes.forecast" if forecast else "col.finishes", lang), hang=2)]
    rows = []
    for period in periods:
        label = format_week(period.first_day, lang) if by == "week" else format_month(period.first_day, lang)
        span = f"{format_date(period.first_day, lang)}–{format_date(period.last_day, lang)}"
        finishes = _entries(period.finishes, lang, view)
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
        rows.append([Text(label, style=style), span, countdown_label(period.countdown, by, lang),
                     _entries(period.starts, lang, view), finishes])
    print_table(console, columns, rows, rules=True)
    if any(s.critical and shows(view, s.activity) for period in periods for s in period.starts + period.finishes):
        console.print(Text(t("legend.critical", lang), style="dim"))


def render_verdict_short(console: Console, schedule: Schedule, lang: str) -> None:
    """The opening's line of the verdict, and each missed date's."""
    for kind, text in verdict_lines(schedule, lang):
        if kind in ("ok", "tight", "fail", "missed"):
            mark, style = _VERDICT_STYLES[kind]
            console.print(Text(mark + text, style=style))
