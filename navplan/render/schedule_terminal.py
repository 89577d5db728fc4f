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
from navplan.render.labels import (
    CRITICAL_MARK,
    audience_line,
    baseline_line,
    countdown_label,
    role_title,
    signed_variance,
    under_verdict,
    verdict_headline,
    verdict_lines,
)
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


_HEADLINE_STYLES = {"green": "bold green", "yellow": "bold yellow", "red": "bold red"}


def render_headline(console: Console, verdict, lang: str) -> None:
    """The one verdict (navplan.features.verdict), in its colour and in words."""
    console.print(Text("● " + verdict_headline(verdict, lang), style=_HEADLINE_STYLES[verdict.colour]))


def render_baseline(console: Console, schedule: Schedule, lang: str) -> None:
    """The plan against its baseline, when it has one: the opening's variance and how many are late."""
    from navplan.features.baseline import compare_with_baseline

    against = compare_with_baseline(schedule)
    if against is not None:
        console.print(Text(baseline_line(against, lang), style="yellow" if against.opening_variance > 0 else ""))


def render_verdict(console: Console, schedule: Schedule, lang: str, help=None, plan: str = "", verdict=None) -> None:
    """Opening date, days left, the one verdict (when given), and whether the opening holds (and if
    not, why, and with ``help`` what can help; see :func:`navplan.render.labels.verdict_lines`),
    then the plan against its baseline."""
    render_heading(console, schedule, "critical_path.title", lang)
    if verdict is not None:
        render_headline(console, verdict, lang)
    for kind, text in under_verdict(verdict_lines(schedule, lang, help, plan), verdict):
        mark, style = _VERDICT_STYLES[kind]
        if kind in ("lever", "command"):
            # A lever's words wrap under themselves (past its bullet), its command under them.
            print_paragraph(console, mark + text, style=style, hang=2 if kind == "lever" else 0)
        else:
            console.print(Text(mark + text, style=style))
    render_baseline(console, schedule, lang)


def _column(key: str, lang: str, **layout) -> Column:
    """A column of an activity table: ids, dates, weeks and slack never wrap."""
    wraps = key in ("col.activity", "col.role", "col.owner", "col.status")
    return Column(key, t(key, lang), wraps=wraps, justify="right" if key == "col.slack" else "left", **layout)


def render_critical_path(console: Console, schedule: Schedule, lang: str, weeks: int,
                         view: Audience | None = None, help=None, plan: str = "", verdict=None) -> None:
    """The verdict (always the whole plan's), the critical path with latest and forecast
    dates (once the office has opened: the work after the opening instead) and, with a
    baseline, each one's variance against it; and what must start; of a personal view's
    activities only, when there is one."""
    from navplan.features.baseline import compare_with_baseline

    render_verdict(console, schedule, lang, help, plan, verdict)
    against = compare_with_baseline(schedule)
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
               # Narrower still, the planned dates go under the forecast (after the status under the title).
               _column("col.planned_start", lang, under="col.forecast_start", fold_rank=3),
               _column("col.planned_finish", lang, under="col.planned_start", fold_rank=1),
               _column("col.slack", lang), _column("col.status", lang, under="col.activity", fold_rank=2)]
    if against is not None:  # the variance against the baseline, under the slack when narrow
        columns.insert(10, Column("col.variance", t("col.variance", lang), wraps=False, justify="right",
                                 under="col.slack", fold_rank=1))
    rows = []
    for activity_id in ids:
        scheduled = schedule.activities[activity_id]
        if not shows(view, scheduled.activity):
            continue
        row = [scheduled.id, _title(scheduled, lang), role_title(schedule, scheduled.activity.role, lang),
               format_date(scheduled.dates["latest_start"], lang),
               format_date(scheduled.dates["latest_finish"], lang),
               format_date(scheduled.dates["earliest_start"], lang),
               format_date(scheduled.dates["earliest_finish"], lang),
               format_date(scheduled.dates["planned_start"], lang),
               format_date(scheduled.dates["planned_finish"], lang), _slack(scheduled),
               _status(scheduled, lang)]
        if against is not None:
            varied = against.activities.get(scheduled.id)
            days = varied.variance if varied is not None else None
            row.insert(10, Text(signed_variance(days), style="bold red" if (days or 0) > 0 else ""))
        rows.append(row)
    if rows:
        print_table(console, columns, rows, title=title)
        if against is not None:
            console.print(Text(t("legend.variance", lang, date=format_date(against.recorded, lang)), style="dim"))
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
    """What the plan starts in the next ``weeks`` weeks, by planned start, with the latest start
    beside; and what should have started already (its latest start passed), in red."""
    chosen = [s for s in must_start(schedule, weeks, "planned") if shows(view, s.activity)]
    until = format_date(must_start_until(schedule, weeks), lang)
    if not chosen:
        console.print(t("section.must_start.none", lang, weeks=weeks))
        return
    columns = [_column("col.id", lang), _column("col.activity", lang), _column("col.role", lang, under="col.activity"),
               _column("col.owner", lang, under="col.activity"), _column("col.planned_start", lang),
               _column("col.week", lang, under="col.planned_start", fold_rank=1),
               _column("col.start_by", lang, under="col.planned_start", fold_rank=2),
               _column("col.slack", lang)]
    late = {s.id for s in overdue(schedule)}
    rows = []
    for scheduled in chosen:
        mark = f"{CRITICAL_MARK} " if scheduled.critical else ""
        style = "red" if scheduled.id in late else ("bold" if scheduled.critical else "")
        rows.append([Text(mark + scheduled.id, style=style), _title(scheduled, lang),
                     role_title(schedule, scheduled.activity.role, lang), scheduled.activity.owner or "",
                     format_date(scheduled.dates["planned_start"], lang),
                     format_week(scheduled.dates["planned_start"], lang),
                     Text(format_date(scheduled.dates["latest_start"], lang), style=style), _slack(scheduled)])
    print_table(console, columns, rows, title=t("section.must_start", lang, weeks=weeks, until=until))
    if any(scheduled.critical for scheduled in chosen):  # a legend only for a mark the table has
        console.print(Text(t("legend.critical", lang), style="dim"))


def _entries(items: list[ScheduledActivity], lang: str, view: Audience | None, beside: str | None = None) -> Text:
    """One line per activity; its mark and id stay together when the title wraps. ``beside``: a
    date key of ScheduledActivity.dates said after the title ("(senest 02.12.2026)")."""
    text = Text()
    for index, scheduled in enumerate(s for s in items if shows(view, s.activity)):
        if index:
            text.append("\n")
        mark = f"{CRITICAL_MARK} " if scheduled.critical else ""
        latest = "" if beside is None else " " + keep_together(
            t("calendar.latest_beside", lang, date=format_date(scheduled.dates[beside], lang)))
        text.append(f"{keep_together(mark + scheduled.id)} {_title(scheduled, lang)}{latest}",
                    style="bold" if scheduled.critical else "")
    return text


def render_calendar(console: Console, schedule: Schedule, periods: list[Period], lang: str, by: str,
                    dates: str = "latest", view: Audience | None = None) -> None:
    """Every period to the opening; with a personal view, only its activities in them."""
    plan = schedule.project.plan
    console.print(Text(t("section.calendar", lang, office=plan.office, date=format_date(plan.opening, lang)),
                       style="bold"))
    render_verdict_short(console, schedule, lang)
    render_baseline(console, schedule, lang)
    _say_audience(console, schedule, view, lang)
    late = [s for s in overdue(schedule) if shows(view, s.activity)]
    if late:
        console.print(Text(t("section.overdue", lang) + ": " + ", ".join(s.id for s in late), style="red"))
    label_key = "col.week" if by == "week" else "col.month"
    starts_key, finishes_key = {"forecast": ("col.starts.forecast", "col.finishes.forecast"),
                                "planned": ("col.starts.planned", "col.finishes.planned")}.get(
        dates, ("col.starts", "col.finishes"))
    planned = dates == "planned"
    columns = [Column(label_key, t(label_key, lang), wraps=by == "month"),
               Column("col.period", t("col.period", lang), under=label_key),
               Column("col.countdown", t("col.countdown", lang), wraps=False, justify="right", under=label_key,
                      fold_rank=1),
               Column("col.starts", t(starts_key, lang), hang=2),
               Column("col.finishes", t(finishes_key, lang), hang=2)]
    rows = []
    for period in periods:
        label = format_week(period.first_day, lang) if by == "week" else format_month(period.first_day, lang)
        span = f"{format_date(period.first_day, lang)}–{format_date(period.last_day, lang)}"
        finishes = _entries(period.finishes, lang, view, "latest_finish" if planned else None)
        if period.contains_opening:
            if finishes.plain:
                finishes.append("\n")
            finishes.append(f"{t('opening.milestone', lang)} {format_date(plan.opening, lang)}", style="bold green")
        if period.contains_forecast_opening:
            if finishes.plain:
                finishes.append("\n")
            finishes.append(t("opening.forecast", lang, date=format_date(schedule.forecast_opening, lang)),
                            style="bold red")
        if period.contains_planned_opening:
            if finishes.plain:
                finishes.append("\n")
            finishes.append(t("opening.planned", lang, date=format_date(schedule.planned_opening, lang)),
                            style="bold red")
        style = "reverse" if period.contains_as_of else ""
        rows.append([Text(label, style=style), span, countdown_label(period.countdown, by, lang),
                     _entries(period.starts, lang, view, "latest_start" if planned else None), finishes])
    print_table(console, columns, rows, rules=True)
    if any(s.critical and shows(view, s.activity) for period in periods for s in period.starts + period.finishes):
        console.print(Text(t("legend.critical", lang), style="dim"))


def render_verdict_short(console: Console, schedule: Schedule, lang: str) -> None:
    """The opening's line of the verdict, and each missed date's."""
    for kind, text in verdict_lines(schedule, lang):
        if kind in ("ok", "tight", "fail", "missed"):
            mark, style = _VERDICT_STYLES[kind]
            console.print(Text(mark + text, style=style))
