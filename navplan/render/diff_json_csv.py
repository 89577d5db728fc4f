"""`navplan diff --format json|csv`: what moved, plain and stable.

The JSON shape is a contract like the schedule's (README, "navplan diff"):
fields are only ever added, and ``format_version`` changes if that is broken.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, Field

from navplan.engine.schedule import ScheduledActivity
from navplan.features.plan_history import MOVED_DATES, Move, PlanDiff
from navplan.render.schedule_json_csv import to_csv

FORMAT_VERSION = 1


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


class BaselineMoveRecord(BaseModel):
    """An activity off the working copy's baseline now, or whose variance against it changed since the revision."""

    id: str
    title: str
    baseline_start: dt.date
    baseline_finish: dt.date
    finish_before: dt.date | None = Field(description="Its planned finish at the revision; null when not in the plan")
    finish_after: dt.date
    variance_before: int | None = Field(description="Working days after (positive) the baseline finish at the "
                                                    "revision; null when not in the plan then")
    variance_after: int


class DiffDocument(BaseModel):
    """What `navplan diff --format json` prints."""

    format_version: int = FORMAT_VERSION
    office: str
    revision: str = Field(description="The full commit hash compared with")
    revision_date: dt.date | None = Field(description="The committer's date; null for a date past the year 9999")
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
    verdict_before: Literal["green", "yellow", "red"] | None = Field(
        None, description="The one verdict at the revision (added within format 1)")
    verdict_after: Literal["green", "yellow", "red"] | None = Field(None, description="The one verdict now")
    verdict_text_before: str | None = None
    verdict_text_after: str | None = None
    baseline_recorded: dt.date | None = Field(
        None, description="The day of the working copy's baseline, which both versions are measured against; "
                          "null without one")
    opening_variance_before: int | None = Field(
        None, description="Working days the opening was after (positive) the baseline's at the revision")
    opening_variance_after: int | None = None
    against_baseline: list[BaselineMoveRecord] = Field(
        default_factory=list, description="What moved against the baseline, in outline order")


class DiffRow(BaseModel):
    """One CSV row per activity that changed in any way."""

    id: str
    title: str
    change: str = Field(description="Space-separated: added dropped moved status critical_joined critical_left "
                                    "baseline")
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
    baseline_finish: dt.date | None = None
    variance_before: int | None = None
    variance_after: int | None = None


def _title(scheduled: ScheduledActivity, lang: str) -> str:
    return scheduled.activity.title.get(lang)


def _brief(scheduled: ScheduledActivity, lang: str) -> ActivityBrief:
    return ActivityBrief(id=scheduled.id, title=_title(scheduled, lang), status=scheduled.status.value,
                         latest_start=scheduled.dates["latest_start"], latest_finish=scheduled.dates["latest_finish"],
                         slack=scheduled.slack, critical=scheduled.critical)


def _moved(move: Move, lang: str) -> MovedRecord:
    fields = {}
    for key in MOVED_DATES:
        fields[f"{key}_before"] = move.before.dates[key]
        fields[f"{key}_after"] = move.after.dates[key]
        fields[f"{key}_moved"] = getattr(move, key)
    return MovedRecord(id=move.id, title=_title(move.after, lang), status=move.after.status.value,
                       slack_before=move.before.slack, slack_after=move.after.slack,
                       critical_before=move.before.critical, critical_after=move.after.critical, **fields)


def least_slack(schedule) -> int | None:
    """The least slack of any open task or milestone; None when all is done."""
    slacks = [s.slack for s in schedule.leaves() if s.slack is not None]
    return min(slacks) if slacks else None


def diff_document(diff: PlanDiff, lang: str) -> DiffDocument:
    before, after = diff.before, diff.after
    return DiffDocument(
        office=after.project.plan.office, revision=diff.revision.commit, revision_date=diff.revision.date,
        revision_subject=diff.revision.subject, as_of=after.as_of,
        opening_date_before=before.project.opening_date, opening_date_after=after.project.opening_date,
        opening_holds_before=before.opening_holds, opening_holds_after=after.opening_holds,
        slack_to_opening_before=before.slack_to_opening, slack_to_opening_after=after.slack_to_opening,
        slack_to_opening_change=diff.slack_change,
        critical_slack_before=least_slack(before), critical_slack_after=least_slack(after),
        critical_path_before=before.critical_path, critical_path_after=after.critical_path,
        critical_path_joined=diff.critical_joined, critical_path_left=diff.critical_left,
        moved=[_moved(m, lang) for m in diff.moved],
        added=[_brief(s, lang) for s in diff.added], dropped=[_brief(s, lang) for s in diff.dropped],
        status_changed=[StatusRecord(id=c.id, title=_title(c.after, lang), status_before=c.before.status.value,
                                     status_after=c.after.status.value) for c in diff.status_changed],
        **_verdicts(diff, lang), **_baseline(diff, lang),
    )


def _verdicts(diff: PlanDiff, lang: str) -> dict:
    from navplan.render.labels import verdict_headline

    found = {}
    for side, verdict in (("before", diff.verdict_before), ("after", diff.verdict_after)):
        if verdict is not None:
            found[f"verdict_{side}"] = verdict.colour
            found[f"verdict_text_{side}"] = verdict_headline(verdict, lang)
    return found


def _baseline(diff: PlanDiff, lang: str) -> dict:
    then, now = diff.baseline_then_and_now
    if now is None:
        return {}
    return {"baseline_recorded": now.recorded, "opening_variance_after": now.opening_variance,
            "opening_variance_before": then.opening_variance if then is not None else None,
            "against_baseline": [BaselineMoveRecord(
                id=m.id, title=_title(m.after, lang), baseline_start=m.baseline_start,
                baseline_finish=m.baseline_finish, finish_before=m.finish_before, finish_after=m.finish_after,
                variance_before=m.variance_before, variance_after=m.variance_after)
                for m in diff.against_baseline]}


def diff_json(diff: PlanDiff, lang: str) -> str:
    return json.dumps(diff_document(diff, lang).model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def diff_csv(diff: PlanDiff, lang: str) -> str:
    """One row per activity that changed, in the working copy's outline order, dropped ones last."""
    before = {s.id: s for s in diff.before.leaves()}
    after = {s.id: s for s in diff.after.leaves()}
    changes: dict[str, list[str]] = {}
    against = {m.id: m for m in diff.against_baseline}
    for kind, ids in (("added", [s.id for s in diff.added]), ("dropped", [s.id for s in diff.dropped]),
                      ("moved", [m.id for m in diff.moved]), ("status", [c.id for c in diff.status_changed]),
                      ("critical_joined", diff.critical_joined), ("critical_left", diff.critical_left),
                      ("baseline", list(against))):
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
            for key in MOVED_DATES:
                setattr(row, f"{key}_{suffix}", side.dates[key])
        if activity_id in moves:
            for key in MOVED_DATES:
                setattr(row, f"{key}_moved", getattr(moves[activity_id], key))
        if activity_id in against:
            off = against[activity_id]
            row.baseline_finish, row.variance_before, row.variance_after = (
                off.baseline_finish, off.variance_before, off.variance_after)
        rows.append(row)
    if not rows:
        return ",".join(DiffRow.model_fields) + "\n"  # a header alone still tells a script the columns
    return to_csv(rows)
