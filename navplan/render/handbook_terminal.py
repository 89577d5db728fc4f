"""`navplan handbook` in the terminal: the index of activities, and one activity in full."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from navplan.messages import format_duration, format_duration_range, t
from navplan.plan.handbook_model import Handbook, HandbookActivity
from navplan.render.source_labels import layer_mark, source_label as _source_label, source_text
from navplan.render.terminal_layout import Column, print_table


def _source_text(source, lang: str) -> str:
    return source_text(source, lang, address=False)


def render_handbook_index(console: Console, handbook: Handbook, activities: list[HandbookActivity], lang: str,
                          current: str | None = None) -> None:
    """The index; with ``current`` (the layer laid over it) a column says where each activity comes from."""
    columns = [Column("col.id", t("col.id", lang), wraps=False)]
    if current is not None:
        columns.append(Column("col.from", t("col.from", lang), wraps=False, under="col.id", fold_rank=2))
    columns += [Column("col.activity", t("col.activity", lang)),
               Column("col.role", t("col.role", lang), under="col.activity"),
               Column("col.duration", t("col.duration", lang), wraps=False),
               Column("col.range", t("col.range", lang), wraps=False, under="col.duration", fold_rank=1),
               Column("col.source", t("col.source", lang), wraps=False, under="col.duration", fold_rank=1)]
    rows = []
    for activity in activities:
        depth = activity.id.count(".") if activity.kind != "milestone" or activity.parent else 0
        title = "  " * depth + activity.title.get(lang)
        duration = format_duration(activity.duration, lang) if activity.duration else ""
        marks = [layer_mark(activity, current, lang)] if current is not None else []
        rows.append([activity.id, *marks, title, role_name(handbook, activity.role, lang), duration,
                     range_text(activity, lang), _source_label(activity.duration_source, lang)])
    print_table(console, columns, rows, title=f"{handbook.title} (v{handbook.version}, {handbook.approved})")
    if current is not None:
        console.print(Text(t("handbook.from_legend", lang, current=current), style="dim"))
    console.print(Text(t("handbook.criteria", lang), style="bold"))
    for criterion in handbook.criteria:
        star = "*" if criterion.statutory else " "
        line = Text(f"{criterion.number}{star} {criterion.text.get(lang)} ")
        line.append(f"({', '.join(criterion.activities)})", style="dim")
        console.print(line)


def role_name(handbook: Handbook, role_id: str | None, lang: str) -> str:
    """The role as people call it ('Fylkesdirektør'), not its id."""
    for role in handbook.roles:
        if role.id == role_id:
            return (role.short or role.title).get(lang)
    return role_id or ""


def render_handbook_activity(console: Console, activity: HandbookActivity, predecessors: dict[str, str],
                             handbook: Handbook, lang: str) -> None:
    page = f" ({t('handbook.page', lang, page=activity.page)})" if activity.page else ""
    console.print(Text(f"{activity.id} {activity.title.get(lang)}{page}", style="bold"))
    if activity.origin == "current":
        console.print(Text(t("handbook.origin.current", lang, source=_source_text(activity.source, lang)),
                           style="yellow"))
    elif activity.origin != "handbook":
        console.print(Text(t(f"handbook.origin.{activity.origin}", lang), style="yellow"))
    if activity.handbook_title is not None:
        console.print(Text(t("handbook.handbook_title", lang, title=activity.handbook_title.get(lang)), style="yellow"))
    if activity.change_source is not None:
        console.print(Text(t("handbook.changed", lang, source=_source_text(activity.change_source, lang)),
                           style="yellow"))
    if activity.role_source is not None:
        console.print(Text(t("handbook.owner", lang, role=role_name(handbook, activity.role, lang),
                             source=_source_text(activity.role_source, lang))))
    if not activity.content_in_source:
        console.print(Text(t("handbook.not_in_source", lang), style="yellow"))
    if activity.note:
        console.print(Text(activity.note.get(lang), style="dim"))
    if activity.purpose:
        console.print(Text(t("handbook.purpose", lang), style="bold underline"))
        console.print(Text(activity.purpose.get(lang)))
    if activity.end_state:
        console.print(Text(t("handbook.end_state", lang), style="bold underline"))
        for item in activity.end_state:
            console.print(Text(f"☐ {item.get(lang)}"))
    if activity.references:
        console.print(Text(t("handbook.references", lang), style="bold underline"))
        for reference in activity.references:
            console.print(Text(f"• {reference}"))
    if activity.duration is not None:
        console.print(Text(t("handbook.duration", lang), style="bold underline"))
        console.print(Text(f"{format_duration(activity.duration, lang)} — "
                           f"{_source_text(activity.duration_source, lang)}"))
    if activity.duration_range is not None:
        console.print(Text(t("handbook.range", lang), style="bold underline"))
        console.print(Text(f"{range_text(activity, lang)} — {_source_text(activity.duration_range.source, lang)}"))
    if activity.probability is not None:
        from navplan.render.risk_labels import percent

        console.print(Text(t("handbook.probability", lang), style="bold underline"))
        source = _source_text(activity.probability_source, lang)
        console.print(Text(f"{percent(activity.probability, lang)} — {source}"))
    causes = [cause for cause in handbook.correlation if activity.id in cause.activities]
    if causes:
        console.print(Text(t("handbook.shared_cause", lang), style="bold underline"))
        for cause in causes:
            others = ", ".join(member for member in cause.activities if member != activity.id)
            rank = f"{cause.rank:.1f}" if lang == "en" else f"{cause.rank:.1f}".replace(".", ",")
            console.print(Text(t("handbook.shared_cause_line", lang, id=cause.id, reason=cause.reason.get(lang),
                                 rank=rank, others=others, source=_source_text(cause.source, lang))))
    if activity.after:
        console.print(Text(t("handbook.depends", lang), style="bold underline"))
        for link in activity.after:
            lag = f" +{format_duration(link.lag, lang)}" if not link.lag.is_zero else ""
            console.print(Text(f"{link.type.value}{lag} {link.id} {predecessors.get(link.id, '')} — "
                               f"{_source_text(link.source, lang)}"))


def range_text(activity: HandbookActivity, lang: str) -> str:
    """Low–high of a duration range, for `navplan risk`: '3–10 uker'."""
    spread = activity.duration_range
    return "" if spread is None else format_duration_range(spread.low, spread.high, lang)
