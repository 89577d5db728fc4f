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
from navplan.plan.model import Handbook, HandbookActivity, Status

CRITICAL_MARK = "◆"


def _title(scheduled: ScheduledActivity, lang: str) -> str:
    return scheduled.activity.title.get(lang)


def _status(scheduled: ScheduledActivity, lang: str) -> str:
    return t(f"status.{scheduled.status.value}", lang)


def _slack(scheduled: ScheduledActivity) -> Text:
    if scheduled.slack is None:
        return Text("–")
    style = "bold red" if scheduled.slack < 0 else ("yellow" if scheduled.critical else "")
    return Text(str(scheduled.slack), style=style)


def _critical_slack(schedule: Schedule) -> int:
    """How far the critical path can slip before the opening moves."""
    return schedule.slack_to_opening if schedule.critical_slack is None else schedule.critical_slack


def verdict_lines(schedule: Schedule, lang: str) -> list[tuple[str, str]]:
    """Whether the opening holds (and if not, why), missed dates and notes, as
    (kind, text) pairs: kind is ok, tight, fail, chain, missed or note. The
    terminal and the workbook say the same thing in their own styles."""
    lines: list[tuple[str, str]] = []
    if not schedule.opening_holds:
        forecast = schedule.activities[schedule.project.opening_id].dates["earliest_start"]
        lines.append(("fail", t("fails", lang, days=schedule.missing_working_days,
                                forecast=format_date(forecast, lang))))
        chain = " → ".join(schedule.driving_chain)
        if chain:
            lines.append(("chain", t("fails.chain", lang, chain=chain)))
    elif _critical_slack(schedule) <= 0:
        lines.append(("tight", t("holds.tight", lang)))
    else:
        lines.append(("ok", t("holds", lang, slack=_critical_slack(schedule))))
    for missed in schedule.missed:
        if missed.kind == "opening":
            continue
        activity = schedule.project.activities[missed.id]
        lines.append(("missed", t(f"missed.{missed.kind}", lang, id=missed.id, title=activity.title.get(lang),
                                  date=format_date(missed.date, lang), days=missed.missing_days)))
    for note in schedule.notes:
        params = {k: format_date(v, lang) if hasattr(v, "isoformat") else v for k, v in note.params.items()}
        if lang == "en" and "reason_en" in params:
            params["reason"] = params["reason_en"]
        lines.append(("note", t(f"note.{note.key}", lang, **params)))
    return lines


_VERDICT_STYLES = {"ok": ("✔ ", "bold green"), "tight": ("! ", "bold yellow"), "fail": ("✘ ", "bold red"),
                   "chain": ("", "red"), "missed": ("✘ ", "red"), "note": ("ℹ ", "cyan")}


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


_COMPACT_COLUMNS = {"col.id", "col.start_by", "col.finish_by", "col.earliest_start", "col.slack", "col.week",
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


def role_title(schedule: Schedule, role_id: str | None, lang: str) -> str:
    """The role's name as people say it ('Rådmann'), not its id."""
    if role_id is None:
        return ""
    for role in schedule.project.handbook.roles:
        if role.id == role_id:
            return (role.short or role.title).get(lang)
    return role_id


def render_critical_path(console: Console, schedule: Schedule, lang: str, weeks: int) -> None:
    render_verdict(console, schedule, lang)
    console.print()
    table = _activity_table(lang, ["col.id", "col.activity", "col.role", "col.start_by", "col.finish_by",
                                   "col.slack", "col.status"], t("section.critical", lang))
    for activity_id in schedule.critical_path:
        scheduled = schedule.activities[activity_id]
        table.add_row(scheduled.id, escape(_title(scheduled, lang)),
                      escape(role_title(schedule, scheduled.activity.role, lang)),
                      format_date(scheduled.dates["latest_start"], lang),
                      format_date(scheduled.dates["latest_finish"], lang), _slack(scheduled),
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


def render_calendar(console: Console, schedule: Schedule, periods: list[Period], lang: str, by: str) -> None:
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
    table.add_column(t("col.starts", lang), overflow="fold")
    table.add_column(t("col.finishes", lang), overflow="fold")
    for period in periods:
        label = format_week(period.first_day, lang) if by == "week" else format_month(period.first_day, lang)
        span = f"{format_date(period.first_day, lang)}–{format_date(period.last_day, lang)}"
        finishes = _entries(period.finishes, lang)
        if period.contains_opening:
            if finishes.plain:
                finishes.append("\n")
            finishes.append(f"{t('opening.milestone', lang)} {format_date(plan.opening, lang)}", style="bold green")
        style = "reverse" if period.contains_as_of else ""
        unit = ("w" if lang == "en" else "u") if by == "week" else "m"  # uker / weeks, måneder / months
        table.add_row(Text(label, style=style), span, f"T-{period.countdown}{unit}" if period.countdown else "T",
                      _entries(period.starts, lang), finishes)
    console.print(table)
    console.print(Text(t("legend.critical", lang), style="dim"))


def render_verdict_short(console: Console, schedule: Schedule, lang: str) -> None:
    if schedule.opening_holds:
        console.print(Text("✔ " + t("holds", lang, slack=_critical_slack(schedule)), style="green"))
    else:
        forecast = schedule.activities[schedule.project.opening_id].dates["earliest_start"]
        console.print(Text("✘ " + t("fails", lang, days=schedule.missing_working_days,
                                     forecast=format_date(forecast, lang)), style="bold red"))


def render_handbook_index(console: Console, handbook: Handbook, activities: list[HandbookActivity], lang: str) -> None:
    table = Table(title=f"{handbook.title} (v{handbook.version}, {handbook.approved})", title_justify="left",
                  pad_edge=False)
    for key in ("col.id", "col.activity", "col.role", "col.duration", "col.source"):
        table.add_column(t(key, lang), overflow="fold")
    for activity in activities:
        depth = activity.id.count(".") if activity.kind != "milestone" or activity.parent else 0
        source = ""
        if activity.duration_source is not None:
            source = "anslag" if activity.duration_source.is_estimate and lang == "nb" else (
                "estimate" if activity.duration_source.is_estimate else f"s. {activity.duration_source.page}"
                if activity.duration_source.page else "dok.")
        title = "  " * depth + activity.title.get(lang)
        table.add_row(activity.id, escape(title), activity.role or "", str(activity.duration or ""), source)
    console.print(table)
    console.print(Text(t("handbook.criteria", lang), style="bold"))
    for criterion in handbook.criteria:
        star = "*" if criterion.statutory else " "
        console.print(f"{criterion.number}{star} {escape(criterion.text.get(lang))} "
                      f"[dim]({', '.join(criterion.activities)})[/dim]")


def render_handbook_activity(console: Console, activity: HandbookActivity, predecessors: dict[str, str],
                             lang: str) -> None:
    page = f" ({t('handbook.page', lang, page=activity.page)})" if activity.page else ""
    console.print(Text(f"{activity.id} {activity.title.get(lang)}{page}", style="bold"))
    if activity.origin != "handbook":
        console.print(Text(t(f"handbook.origin.{activity.origin}", lang), style="yellow"))
    if not activity.content_in_source:
        console.print(Text(t("handbook.not_in_source", lang), style="yellow"))
    if activity.note:
        console.print(Text(activity.note.get(lang), style="dim"))
    if activity.purpose:
        console.print(Text(t("handbook.purpose", lang), style="bold underline"))
        console.print(escape(activity.purpose.get(lang)))
    if activity.end_state:
        console.print(Text(t("handbook.end_state", lang), style="bold underline"))
        for item in activity.end_state:
            console.print(f"☐ {escape(item.get(lang))}")
    if activity.references:
        console.print(Text(t("handbook.references", lang), style="bold underline"))
        for reference in activity.references:
            console.print(f"• {escape(reference)}")
    if activity.duration is not None:
        console.print(Text(t("handbook.duration", lang), style="bold underline"))
        console.print(f"{activity.duration} — {escape(_source_text(activity.duration_source, lang))}")
    if activity.after:
        console.print(Text(t("handbook.depends", lang), style="bold underline"))
        for link in activity.after:
            lag = f" +{link.lag}" if not link.lag.is_zero else ""
            console.print(f"{link.type.value}{lag} {link.id} {escape(predecessors.get(link.id, ''))} — "
                          f"{escape(_source_text(link.source, lang))}")


def _source_text(source, lang: str) -> str:
    if source is None:
        return ""
    if source.is_estimate:
        return t("handbook.estimate", lang, reason=source.estimate)
    where = t("handbook.page", lang, page=source.page) if source.page else source.document
    return f"{where}: «{source.quote}»"


def status_word(status: Status, lang: str) -> str:
    return t(f"status.{status.value}", lang)
