"""The line that says what an edit of the plan changed, in the user's language:
`navplan.yaml: 2.1 Skape felles forståelse …: status pågår → ferdig, faktisk ferdig – → 01.03.2027`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from navplan.errors import InvalidValue, shown_path, visible
from navplan.features.progress import PlanEdit
from navplan.messages import format_date, format_duration, format_duration_range, t
from navplan.plan.values import Duration, DurationRange


def edit_line(edit: PlanEdit, lang: str) -> str:
    """One line, whatever the values hold: a note's line breaks and a file name's
    control characters are shown as escapes (``\\n``, ``\\x1b``)."""
    title = visible(edit.title.get(lang))
    plan = shown_path(edit.plan_file)
    if not edit.written:
        return t("progress.unchanged", lang, plan=plan, id=edit.activity_id, title=title)
    parts = [t("progress.change", lang, name=t(f"progress.name.{change.field}", lang),
               old=visible(shown(change.field, change.old, lang)), new=visible(shown(change.field, change.new, lang)))
             for change in edit.changes]
    line = t("progress.written", lang, plan=plan, id=edit.activity_id, title=title, changes=", ".join(parts))
    removed = next((change for change in edit.changes if change.field == "duration"
                    and isinstance(change.old, DurationRange) and isinstance(change.new, Duration)), None)
    if removed is not None:
        line += "; " + range_removed(removed.old, removed.new, lang)
    return line


def range_removed(spread: DurationRange, duration: Duration, lang: str) -> str:
    """That a plain duration took a range's place, so `navplan risk` no longer samples
    it, and the range that would keep the new value as its likely one."""
    try:
        example = str(spread.with_likely(duration))
    except InvalidValue:
        example = t("progress.range_example", lang, likely=duration)
    return t("progress.range_removed", lang, range=spread, example=example)


def shown(field: str, value: Any, lang: str) -> str:
    """A field's value as the schedule uses it, so a cleared duration shows the handbook's."""
    if field == "milestone":
        return t("xlsx.yes" if value == "milestone" else "xlsx.no", lang)
    if field == "after":
        return ", ".join(link.id for link in value) or t("progress.empty", lang)
    if field == "title":
        return value.get(lang)
    if field == "status":
        return t(f"status.{value.value}", lang)
    if field == "probability" and isinstance(value, float):
        from navplan.render.risk_labels import percent

        return percent(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, Duration):
        return format_duration(value, lang)
    if isinstance(value, DurationRange):  # low, likely and high, for navplan risk
        return format_duration_range(value.low, value.high, lang, value.likely)
    if value is None or value == "":
        return t("progress.empty", lang)
    return str(value)


def conflict_lines(workbook, conflicts, lang: str) -> list[str]:
    """One located line per conflict, the plan's value and the workbook's named:
    `navplan: kontor.xlsx: Nedtellingskalender!J9: konflikt for 2.1 status: planen sier ferdig, …`."""
    from navplan.features.workbook_sync import conflict_error

    return ["navplan: " + conflict_error(workbook, conflict).render(lang) for conflict in conflicts]


def sync_lines(project, changes, lang: str) -> list[str]:
    """One line per activity: `7.4 Innplassering: status pågår → ferdig, faktisk ferdig – → 05.03.2019`."""
    from navplan.features.workbook_sync import FIELDS

    def show(value) -> str:
        if value is None:
            return t("sync.empty", lang)
        if isinstance(value, dt.date):
            return format_date(value)  # as the workbook shows it, in either language
        return t(f"status.{value.value}", lang)

    by_activity: dict[str, dict] = {}
    for change in changes:
        by_activity.setdefault(change.activity_id, {})[change.field] = change
    lines = []
    for activity_id, fields in by_activity.items():
        parts = [t(f"sync.field.{name}", lang, old=show(fields[name].old), new=show(fields[name].new))
                 for name in FIELDS if name in fields]
        title = project.activities[activity_id].title.get(lang)
        lines.append(t("sync.line", lang, id=activity_id, title=title, changes=", ".join(parts)))
    return lines
