"""`navplan workload` in the terminal: per role, person or resource, what it carries at once
week by week (or month by month) by the planned dates, against its capacity; overloads in red."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from navplan.engine.schedule import Schedule
from navplan.features.workload import ResourceWorkload, whole
from navplan.messages import format_date, format_month, format_number, format_week, t
from navplan.render.labels import levelling_reason
from navplan.render.terminal_layout import Column, print_table

#: How the planned dates were levelled (Levelling.status), in words.
STATUS_KEYS = {"optimal": "workload.status.optimal", "feasible": "workload.status.feasible",
               "heuristic": "workload.status.heuristic"}


def levelled_line(schedule: Schedule, lang: str) -> str:
    """Whether and how the planned dates were levelled against the plan's capacity, in a sentence."""
    levelled = schedule.levelling
    if levelled is None:
        return t("workload.not_levelled", lang)
    return t("workload.levelled", lang, status=t(STATUS_KEYS[levelled.status], lang))


def amount(value: float, lang: str) -> str:
    """2 as '2', 1.5 as '1,5' (or '1.5' in English)."""
    value = whole(value)
    return str(value) if isinstance(value, int) else format_number(value, lang, "0.##")


def render_workload(console: Console, schedule: Schedule, loads: list[ResourceWorkload], by: str, lang: str) -> None:
    plan = schedule.project.plan
    console.print(Text(t("workload.title", lang, office=plan.office, as_of=format_date(schedule.as_of, lang))
                       + f" ({format_week(schedule.as_of, lang)})", style="bold"))
    console.print(levelled_line(schedule, lang))
    reason = levelling_reason(schedule)
    if reason is not None:
        console.print(Text("✘ " + reason.render(lang), style="red"))
    if not loads:
        console.print(t("workload.none", lang))
        return
    label_key = "col.week" if by == "week" else "col.month"
    columns = [Column(label_key, t(label_key, lang), wraps=by == "month"),
               Column("col.period", t("col.period", lang), under=label_key),
               Column("col.carried", t("col.carried", lang), wraps=False, justify="right"),
               Column("col.activities", t("col.activities", lang))]
    for load in loads:
        console.print()
        title = load.title.get(lang)
        heading = t("workload.resource", lang, title=title, capacity=amount(load.capacity, lang)) \
            if load.capacity is not None else t("workload.resource.no_capacity", lang, title=title)
        busy = load.busy
        if not busy:
            console.print(Text(heading, style="bold"))
            console.print(t("workload.resource.idle", lang))
            continue
        rows = []
        for period in busy:
            label = format_week(period.first_day, lang) if by == "week" else format_month(period.first_day, lang)
            span = f"{format_date(period.first_day, lang)}–{format_date(period.last_day, lang)}"
            style = "bold red" if period.over else ""
            rows.append([Text(label, style=style), span, Text(amount(period.planned, lang), style=style),
                         ", ".join(period.activities)])
        print_table(console, columns, rows, title=heading)
    console.print()
    console.print(Text(t("workload.legend", lang), style="dim"))
