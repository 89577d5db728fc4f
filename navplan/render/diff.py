"""`navplan diff` output: a rich table for people, JSON and CSV for machines.

The JSON shape is a contract like the schedule's (README, "navplan diff"):
fields are only ever added, and ``format_version`` changes if that is broken.
"""

from __future__ import annotations

import datetime as dt
import json

from pydantic import BaseModel, Field
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from navplan.cpm import ScheduledActivity
from navplan.history import Move, PlanDiff
from navplan.i18n import format_date, t
from navplan.render.machine import to_csv

FORMAT_VERSION = 1
DATE_KEYS = ("latest_start", "latest_finish", "earliest_finish")


class MovedRecord(BaseModel):
    id: str
    title: str
    status: str
    latest_start_before: dt.date
    latest_start_after: dt.date
    latest_start_moved: int = Field(description="Working days; positive = later")
    latest_finish_before: dt.date
    latest_finish_after: dt.date
    latest_finish_moved: int
    earliest_finish_before: dt.date
    earliest_finish_after: dt.date
    earliest_finish_moved: int
    slack_before: int | None
    slack_after: int | None
    critical_before: bool
    critical_after: bool


class ActivityBrief(BaseModel):
    id: str
    title: str
    status: str
    latest_start: dt.date
    latest_finish: dt.date
    slack: int | None
    critical: bool


class StatusRecord(BaseModel):
    id: str
    title: str
    status_before: str
    status_after: str


class DiffDocument(BaseModel):
    """What `navplan diff --format json` prints."""

    format_version: int = FORMAT_VERSION
    office: str
    revision: str = Field(description="The full commit hash compared with")
    revision_date: dt.date
    revision_subject: str
    as_of: dt.date
    opening_date_before: dt.date
    opening_date_after: dt.date
    opening_holds_before: bool
    opening_holds_after: bool
    slack_to_opening_before: int
    slack_to_opening_after: int
    slack_to_opening_change: int = Field(description="after - before; negative: slack lost")
    critical_slack_before: int | None = Field(description="Least slack of open work; null when all is done")
    critical_slack_after: int | None
    critical_path_before: list[str]
    critical_path_after: list[str]
    critical_path_joined: list[str]
    critical_path_left: list[str]
    moved: list[MovedRecord]
    added: list[ActivityBrief]
    dropped: list[ActivityBrief]
    status_changed: list[StatusRecord]


class DiffRow(BaseModel):
    """One CSV row per activity that changed in any way."""

    id: str
    title: str
    change: str = Field(description="Space-separated: added dropped moved status critical_joined critical_left")
    status_before: str | None = None
    status_after: str | None = None
    latest_start_before: dt.date | None = None
    latest_start_after: dt.date | None = None
    latest_start_moved: int | None = None
    latest_finish_before: dt.date | None = None
    latest_finish_after: dt.date | None = None
    latest_finish_moved: int | None = None
    earliest_finish_before: dt.date | None = None
    earliest_finish_after: dt.date | None = None
    earliest_finish_moved: int | None = None
    slack_before: int | None = None
    slack_after: int | None = None
    critical_before: bool | None = None
    critical_after: bool | None = None


def _title(scheduled: ScheduledActivity, lang: str) -> str:
    return scheduled.activity.title.get(lang)


def _brief(scheduled: ScheduledActivity, lang: str) -> ActivityBrief:
    return ActivityBrief(id=scheduled.id, title=_title(scheduled, lang), status=scheduled.status.value,
                         latest_start=scheduled.dates["latest_start"], latest_finish=scheduled.dates["latest_finish"],
                         slack=scheduled.slack, critical=scheduled.critical)


def _moved(move: Move, lang: str) -> MovedRecord:
    fields = {}
    for key in DATE_KEYS:
        fields[f"{key}_before"] = move.before.dates[key]
        fields[f"{key}_after"] = move.after.dates[key]
        fields[f"{key}_moved"] = getattr(move, key)
    return MovedRecord(id=move.id, title=_title(move.after, lang), status=move.after.status.value,
                       slack_before=move.before.slack, slack_after=move.after.slack,
                       critical_before=move.before.critical, critical_after=move.after.critical, **fields)


def diff_document(diff: PlanDiff, lang: str) -> DiffDocument:
    before, after = diff.before, diff.after
    return DiffDocument(
        office=after.project.plan.office, revision=diff.revision.commit, revision_date=diff.revision.date,
        revision_subject=diff.revision.subject, as_of=after.as_of,
        opening_date_before=before.project.opening_date, opening_date_after=after.project.opening_date,
        opening_holds_before=before.opening_holds, opening_holds_after=after.opening_holds,
        slack_to_opening_before=before.slack_to_opening, slack_to_opening_after=after.slack_to_opening,
        slack_to_opening_change=diff.slack_change,
        critical_slack_before=before.critical_slack, critical_slack_after=after.critical_slack,
        critical_path_before=before.critical_path, critical_path_after=after.critical_path,
        critical_path_joined=diff.critical_joined, critical_path_left=diff.critical_left,
        moved=[_moved(m, lang) for m in diff.moved],
        added=[_brief(s, lang) for s in diff.added], dropped=[_brief(s, lang) for s in diff.dropped],
        status_changed=[StatusRecord(id=c.id, title=_title(c.after, lang), status_before=c.before.status.value,
                                     status_after=c.after.status.value) for c in diff.status_changed],
    )


def diff_json(diff: PlanDiff, lang: str) -> str:
    return json.dumps(diff_document(diff, lang).model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def diff_csv(diff: PlanDiff, lang: str) -> str:
    """One row per activity that changed, in the working copy's outline order, dropped ones last."""
    before = {s.id: s for s in diff.before.leaves()}
    after = {s.id: s for s in diff.after.leaves()}
    changes: dict[str, list[str]] = {}
    for kind, ids in (("added", [s.id for s in diff.added]), ("dropped", [s.id for s in diff.dropped]),
                      ("moved", [m.id for m in diff.moved]), ("status", [c.id for c in diff.status_changed]),
                      ("critical_joined", diff.critical_joined), ("critical_left", diff.critical_left)):
        for activity_id in ids:
            changes.setdefault(activity_id, []).append(kind)
    moves = {m.id: m for m in diff.moved}
    order = [i for i in after if i in changes] + [i for i in before if i in changes and i not in after]
    rows = []
    for activity_id in order:
        old, new = before.get(activity_id), after.get(activity_id)
        row = DiffRow(id=activity_id, title=_title(new or old, lang), change=" ".join(changes[activity_id]))
        for suffix, side in (("before", old), ("after", new)):
            if side is None:
                continue
            setattr(row, f"status_{suffix}", side.status.value)
            setattr(row, f"slack_{suffix}", side.slack)
            setattr(row, f"critical_{suffix}", side.critical)
            for key in DATE_KEYS:
                setattr(row, f"{key}_{suffix}", side.dates[key])
        if activity_id in moves:
            for key in DATE_KEYS:
                setattr(row, f"{key}_moved", getattr(moves[activity_id], key))
        rows.append(row)
    if not rows:
        return ",".join(DiffRow.model_fields) + "\n"  # a header alone still tells a script the columns
    return to_csv(rows)


def signed(days: int) -> str:
    """'+5', '-3', '0': working days moved, with the direction spelled out.

    >>> signed(5), signed(-3), signed(0)
    ('+5', '-3', '0')
    """
    return f"+{days}" if days > 0 else str(days)


def _shift(day: dt.date, days: int, lang: str) -> Text:
    """The new date and how far it moved: later in red, earlier in green."""
    if not days:
        return Text(format_date(day, lang), style="dim")
    return Text(f"{format_date(day, lang)} ({signed(days)})", style="red" if days > 0 else "green")


def slack_lines(diff: PlanDiff, lang: str) -> list[tuple[str, str]]:
    """The opening's story as (kind, text): kind is ok, worse or better.
    The terminal and the report say the same words."""
    before, after = diff.before, diff.after
    lines: list[tuple[str, str]] = []
    if before.project.opening_date != after.project.opening_date:
        lines.append(("worse" if after.project.opening_date > before.project.opening_date else "better",
                      t("diff.opening_moved", lang, before=format_date(before.project.opening_date, lang),
                        after=format_date(after.project.opening_date, lang))))
    change = diff.slack_change
    if change:
        lines.append(("worse" if change < 0 else "better",
                      t("diff.slack", lang, before=before.slack_to_opening, after=after.slack_to_opening,
                        change=signed(change))))
    else:
        lines.append(("ok", t("diff.slack.same", lang, after=after.slack_to_opening)))
    # A fixed or not-after date can leave the critical path less slack than the
    # opening has; critical-path reports that one, so say when it moved.
    path_before, path_after = _path_slack(before), _path_slack(after)
    if path_before != path_after and (path_before, path_after) != (before.slack_to_opening, after.slack_to_opening):
        lines.append(("worse" if path_after < path_before else "better",
                      t("diff.critical_slack", lang, before=path_before, after=path_after,
                        change=signed(path_after - path_before))))
    if before.opening_holds and not after.opening_holds:
        lines.append(("worse", t("diff.holds.lost", lang, days=after.missing_working_days)))
    elif not before.opening_holds and after.opening_holds:
        lines.append(("better", t("diff.holds.regained", lang, days=before.missing_working_days)))
    elif not after.opening_holds:
        lines.append(("worse", t("diff.holds.still_fails", lang, days=after.missing_working_days,
                                 before=before.missing_working_days)))
    return lines


def _path_slack(schedule) -> int:
    return schedule.slack_to_opening if schedule.critical_slack is None else schedule.critical_slack


def critical_lines(diff: PlanDiff, lang: str) -> list[str]:
    before, after = diff.before.critical_path, diff.after.critical_path
    if before == after:
        return [t("diff.critical.same", lang, ids=" → ".join(after) or "–")]
    lines = [t("diff.critical.before", lang, ids=" → ".join(before) or "–"),
             t("diff.critical.after", lang, ids=" → ".join(after) or "–")]
    if diff.critical_joined:
        lines.append(t("diff.critical.joined", lang, ids=", ".join(diff.critical_joined)))
    if diff.critical_left:
        lines.append(t("diff.critical.left", lang, ids=", ".join(diff.critical_left)))
    return lines


_STYLES = {"ok": "", "worse": "bold red", "better": "bold green"}


def render_diff(console: Console, diff: PlanDiff, lang: str) -> None:
    after = diff.after
    revision = diff.revision
    console.print(Text(t("diff.title", lang, office=after.project.plan.office, revision=revision.short,
                         date=format_date(revision.date, lang), subject=revision.subject,
                         as_of=format_date(after.as_of, lang)), style="bold"), soft_wrap=True)
    if diff.unchanged:
        console.print(t("diff.nothing", lang, revision=revision.short), markup=False, soft_wrap=True)
        return
    for kind, text in slack_lines(diff, lang):
        console.print(Text(text, style=_STYLES[kind]), soft_wrap=True)
    if diff.moved:
        console.print()
        table = _table(t("diff.section.moved", lang), lang, ["col.id", "col.activity", "col.start_by",
                                                            "col.finish_by", "col.earliest_finish", "col.slack"])
        for move in diff.moved:
            slack = f"{_slack(move.before)} → {_slack(move.after)}"
            table.add_row(move.id, escape(_title(move.after, lang)),
                          *[_shift(move.after.dates[key], getattr(move, key), lang) for key in DATE_KEYS], slack)
        console.print(table)
        console.print(Text(t("diff.legend", lang), style="dim"))
    for key, items in (("diff.section.added", diff.added), ("diff.section.dropped", diff.dropped)):
        if items:
            console.print()
            table = _table(t(key, lang), lang, ["col.id", "col.activity", "col.start_by", "col.finish_by",
                                                "col.slack", "col.status"])
            for scheduled in items:
                table.add_row(scheduled.id, escape(_title(scheduled, lang)),
                              format_date(scheduled.dates["latest_start"], lang),
                              format_date(scheduled.dates["latest_finish"], lang), _slack(scheduled),
                              t(f"status.{scheduled.status.value}", lang))
            console.print(table)
    if diff.status_changed:
        console.print()
        console.print(Text(t("diff.section.status", lang), style="bold"))
        for change in diff.status_changed:
            console.print(Text(f"{change.id} {_title(change.after, lang)}: "
                               f"{t(f'status.{change.before.status.value}', lang)} → "
                               f"{t(f'status.{change.after.status.value}', lang)}"), soft_wrap=True)
    console.print()
    console.print(Text(t("diff.section.critical", lang), style="bold"))
    for line in critical_lines(diff, lang):
        console.print(Text(line), soft_wrap=True)


def _slack(scheduled: ScheduledActivity) -> str:
    return "–" if scheduled.slack is None else str(scheduled.slack)


def _table(title: str, lang: str, columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    for key in columns:
        if key == "col.activity":
            table.add_column(t(key, lang), overflow="fold", min_width=10)
        else:
            table.add_column(t(key, lang), no_wrap=True, justify="right" if key == "col.slack" else "left")
    return table
