"""`navplan handbook` in the terminal: the index of activities, and one activity in full."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from navplan.messages import t
from navplan.plan.handbook_model import Handbook, HandbookActivity


def render_handbook_index(console: Console, handbook: Handbook, activities: list[HandbookActivity], lang: str) -> None:
    table = Table(title=f"{handbook.title} (v{handbook.version}, {handbook.approved})", title_justify="left",
                  pad_edge=False)
    for key in ("col.id", "col.activity", "col.role", "col.duration", "col.range", "col.source"):
        table.add_column(t(key, lang), overflow="fold")
    for activity in activities:
        depth = activity.id.count(".") if activity.kind != "milestone" or activity.parent else 0
        source = ""
        if activity.duration_source is not None:
            source = "anslag" if activity.duration_source.is_estimate and lang == "nb" else (
                "estimate" if activity.duration_source.is_estimate else f"s. {activity.duration_source.page}"
                if activity.duration_source.page else "dok.")
        title = "  " * depth + activity.title.get(lang)
        table.add_row(activity.id, escape(title), activity.role or "", str(activity.duration or ""),
                      range_text(activity), source)
    console.print(table)
    console.print(Text(t("handbook.criteria", lang), style="bold"))
    for criterion in handbook.criteria:
        star = "*" if criterion.statutory else " "
        console.print(f"{criterion.number}{star} {escape(criterion.text.get(lang))} "
                      f"[dim]({', '.join(criterion.activities)})[/dim]")


def render_handbook_activity(console: Console, activity: HandbookActivity, predecessors: dict[str, str],
                             handbook: Handbook, lang: str) -> None:
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
    if activity.duration_range is not None:
        console.print(Text(t("handbook.range", lang), style="bold underline"))
        console.print(f"{range_text(activity)} — {escape(_source_text(activity.duration_range.source, lang))}")
    if activity.after:
        console.print(Text(t("handbook.depends", lang), style="bold underline"))
        for link in activity.after:
            lag = f" +{link.lag}" if not link.lag.is_zero else ""
            console.print(f"{link.type.value}{lag} {link.id} {escape(predecessors.get(link.id, ''))} — "
                          f"{escape(_source_text(link.source, lang))}")


def range_text(activity: HandbookActivity) -> str:
    """Low–high of a duration range: '3w–10w'."""
    spread = activity.duration_range
    return "" if spread is None else f"{spread.low}–{spread.high}"


def _source_text(source, lang: str) -> str:
    if source is None:
        return ""
    if source.is_estimate:
        return t("handbook.estimate", lang, reason=source.estimate.get(lang))
    where = t("handbook.page", lang, page=source.page) if source.page else source.document
    return f"{where}: «{source.quote}»"
