"""`navplan portfolio --format json|csv`: one record per office, plain and stable.

The JSON is an envelope like the schedule's: ``format_version``, the as-of
date and the offices in risk order. CSV has the same fields, one row per office.
With a county file the document names the county (``county``); with ``--since``
each record gains ``changes`` (what moved since then) and the document ``since``;
CSV gains the changes as flat columns. Without them, neither field is written.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel, Field

from navplan.features.portfolio import PortfolioLine

#: 2: an envelope around the offices (1 was a bare list); opened, the worst deadline and risk_slack added.
#: 3: ``samples``, the samples per plan behind probability_on_time (as many as `navplan risk` by default).
#: Since added, as fields are (no new version): ``buffer_p50`` and ``buffer_p85``, the opening's buffer at the
#: state project model's two frames (issue 21); the one verdict (``verdict``, ``verdict_text``,
#: ``verdict_reasons``) and the baseline (``baseline_recorded``, ``baseline_variance``).
FORMAT_VERSION = 3


class PortfolioRow(BaseModel):
    """One office: its CSV row, and its JSON record but for the changes."""

    office: str | None = Field(description="Null when the plan could not be read")
    file: str = Field(description="The plan file, as found from the paths given")
    opening_date: dt.date | None
    opening_holds: bool | None
    slack_to_opening: int | None = Field(description="The opening's slack in working days, as critical-path "
                                                     "says it; negative: missing; null once opened")
    missing_working_days: int | None
    critical_id: str | None = Field(description="The first open activity on the critical path")
    critical_title: str | None
    overdue: int | None = Field(description="Activities not started whose latest start has passed")
    next_deadline: dt.date | None = Field(description="The earliest latest finish of an open task on or after as_of")
    next_deadline_id: str | None
    as_of: dt.date
    status: Literal["ok", "error"]
    error: str | None = Field(description="file:line: field: message, when status is error")
    opened: bool | None = Field(None, description="The office has opened (the as-of date is after its opening)")
    worst_deadline_id: str | None = Field(None, description="The fixed or not-after date with the least slack")
    worst_deadline_slack: int | None = Field(None, description="Its slack; negative: missed by this many")
    missed_deadlines: int | None = Field(None, description="How many fixed and not-after dates cannot hold")
    risk_slack: int | None = Field(None, description="The worst of slack_to_opening and worst_deadline_slack: "
                                                     "the offices are sorted by it")
    probability_on_time: float | None = Field(
        None, description="Share of `navplan risk` samples in which the opening date holds; null when not sampled "
                          "or once opened")
    buffer_p50: int | None = Field(
        None, description="Working days to spare before the opening in half of `navplan risk`'s samples (the "
                          "steering frame); negative: missing; null when not sampled or once opened")
    buffer_p85: int | None = Field(
        None, description="The same in 85 % of the samples (the cost frame with its reserve)")
    verdict: Literal["green", "yellow", "red"] | None = Field(
        None, description="The one verdict (README, 'The one verdict'): the status and the sort follow it; "
                          "null for a plan that could not be read (added within format 3)")
    verdict_text: str | None = Field(None, description="The verdict's headline in the output's language")
    baseline_recorded: dt.date | None = Field(
        None, description="The day of the plan's baseline; null without one (added within format 3)")
    baseline_variance: int | None = Field(
        None, description="Working days the office can open after (positive) the baseline's opening; null without one")


class VerdictReasonRecord(BaseModel):
    key: str = Field(description="The message key of the reason (verdict.reason.*)")
    params: dict[str, Any] = Field(description="Its parameters")
    text: str = Field(description="Its words in the output's language")


class StatusChangeRecord(BaseModel):
    id: str
    title: str
    status_before: Literal["not_started", "started", "done"]
    status_after: Literal["not_started", "started", "done"]


class MovedRecord(BaseModel):
    """An activity whose dates moved most, in working days (positive = later)."""

    id: str
    title: str
    date: Literal["latest_start", "latest_finish", "earliest_finish"] = Field(
        description="The date that moved most (the forecast first when two moved as much)")
    moved: int = Field(description="How far that date moved")
    latest_start_moved: int
    latest_finish_moved: int
    earliest_finish_moved: int


class MissedRecord(BaseModel):
    """A fixed or not-after date that does not hold now and held then (or is new)."""

    id: str
    title: str
    date: dt.date
    kind: Literal["fixed", "not_after"]
    missing_working_days: int


class OfficeChangesRecord(BaseModel):
    """What moved in one office since --since: its plan then (from git) and now, both as of ``as_of``."""

    history: bool = Field(description="False when there is nothing to compare with; no_history says why")
    no_history_reason: Literal["outside_git", "no_git", "no_commits", "none_before", "unknown_revision",
                               "not_at_revision", "other"] | None
    no_history: str | None = Field(description="Why there is no history, in the output's language")
    revision: str | None = Field(description="The commit compared with (full hash)")
    revision_date: dt.date | None = Field(description="Its committer date")
    revision_subject: str | None
    opening_date_before: dt.date | None
    opening_date_after: dt.date | None
    opening_holds_before: bool | None
    opening_holds_after: bool | None
    slack_to_opening_before: int | None = Field(description="Working days; null once opened")
    slack_to_opening_after: int | None
    slack_to_opening_change: int | None = Field(description="After minus before")
    status_changed: list[StatusChangeRecord]
    moved_count: int | None = Field(description="Open activities whose dates moved (`navplan diff` lists them); "
                                                "null without history")
    moved_most: list[MovedRecord] = Field(description="The three that moved most, most first")
    newly_missed_dates: list[MissedRecord]
    added: list[str] = Field(description="Ids of activities added since")
    dropped: list[str] = Field(description="Ids of activities dropped since")


class PortfolioRecord(PortfolioRow):
    """One office."""

    changes: OfficeChangesRecord | None = Field(
        None, description="With --since only: what moved since then; null for a plan that could not be read")
    verdict_reasons: list[VerdictReasonRecord] | None = Field(
        None, description="Why the verdict is what it is, each reason in order; null for a plan that could not be "
                          "read (JSON only; added within format 3)")


class PortfolioDocument(BaseModel):
    """What `navplan portfolio --format json` prints."""

    format_version: int = FORMAT_VERSION
    as_of: dt.date
    samples: int = Field(description="Samples per plan behind probability_on_time (0: not sampled); "
                                     "`navplan risk` takes 10000 by default and then gives the same numbers")
    offices: list[PortfolioRecord]
    county: str | None = Field(None, description="With a county file only: the county's name")
    since: str | None = Field(None, description="With --since only: the date (ISO) or revision compared with")


def records(lines: list[PortfolioLine], as_of: dt.date, lang: str, model: type[PortfolioRow] = None) -> list:
    model = model or PortfolioRecord
    return [model(
        office=line.office, file=line.file, opening_date=line.opening,
        opening_holds=None if line.error else line.holds,
        slack_to_opening=line.slack_to_opening, missing_working_days=line.missing_working_days,
        critical_id=line.critical_id, critical_title=line.critical_title, overdue=line.overdue,
        next_deadline=line.next_deadline, next_deadline_id=line.next_deadline_id, as_of=as_of,
        status="error" if line.error else "ok", error=line.error.render(lang) if line.error else None,
        opened=line.opened, worst_deadline_id=line.worst_deadline_id,
        worst_deadline_slack=line.worst_deadline_slack, missed_deadlines=line.missed_deadlines,
        risk_slack=line.risk_slack, probability_on_time=None if line.error else line.probability_on_time,
        buffer_p50=None if line.error or not line.buffer else line.buffer.get(50),
        buffer_p85=None if line.error or not line.buffer else line.buffer.get(85),
        **_verdict(line, lang, model),
        baseline_recorded=None if line.error else line.baseline_recorded,
        baseline_variance=None if line.error else line.baseline_variance,
    ) for line in lines]


def _verdict(line: PortfolioLine, lang: str, model: type[PortfolioRow]) -> dict[str, Any]:
    """The verdict's fields of an office (its reasons in the JSON record only)."""
    if line.error is not None or line.verdict is None:
        return {}
    from navplan.render.schedule_json_csv import verdict_fields

    found = verdict_fields(line.verdict, lang)
    fields = {"verdict": found["verdict"], "verdict_text": found["verdict_text"]}
    if issubclass(model, PortfolioRecord):
        fields["verdict_reasons"] = [VerdictReasonRecord(**reason.model_dump()) for reason in found["verdict_reasons"]]
    return fields


def since_text(since: dt.date | str | None) -> str | None:
    """The date (ISO) or revision name compared with, as the documents write it."""
    return since.isoformat() if isinstance(since, dt.date) else since


def changes_record(line: PortfolioLine, lang: str) -> OfficeChangesRecord | None:
    from navplan.features.portfolio_history import no_history_message

    changes = line.changes
    if changes is None or line.error is not None:
        return None
    missing = changes.no_history
    return OfficeChangesRecord(
        history=missing is None, no_history_reason=missing.reason if missing else None,
        no_history=no_history_message(missing).render(lang) if missing else None,
        revision=changes.revision_commit, revision_date=changes.revision_date,
        revision_subject=changes.revision_subject, opening_date_before=changes.opening_before,
        opening_date_after=changes.opening_after, opening_holds_before=changes.holds_before,
        opening_holds_after=changes.holds_after, slack_to_opening_before=changes.slack_before,
        slack_to_opening_after=changes.slack_after, slack_to_opening_change=changes.slack_change,
        status_changed=[StatusChangeRecord(id=c.id, title=c.title, status_before=c.before, status_after=c.after)
                        for c in changes.status_changed],
        moved_count=None if missing else changes.moved_count,
        moved_most=[MovedRecord(id=m.id, title=m.title, date=m.date, moved=m.moved,
                                latest_start_moved=m.latest_start, latest_finish_moved=m.latest_finish,
                                earliest_finish_moved=m.earliest_finish) for m in changes.moved_most],
        newly_missed_dates=[MissedRecord(id=m.id, title=m.title, date=m.date, kind=m.kind,
                                         missing_working_days=m.missing_working_days) for m in changes.newly_missed],
        added=changes.added, dropped=changes.dropped)


def portfolio_json(lines: list[PortfolioLine], as_of: dt.date, lang: str, *, county: str | None = None,
                   since: dt.date | str | None = None, samples: int = 0) -> str:
    offices = records(lines, as_of, lang)
    if since is not None:
        for record, line in zip(offices, lines, strict=True):
            record.changes = changes_record(line, lang)
    document = PortfolioDocument(as_of=as_of, samples=samples, offices=offices, county=county,
                                 since=since_text(since))
    # Without a county file or --since, the document is what it always was: their fields are not written.
    leave_out: dict[str, Any] = {}
    if county is None:
        leave_out["county"] = True
    if since is None:
        leave_out["since"] = True
        leave_out["offices"] = {"__all__": {"changes"}}
    return json.dumps(document.model_dump(mode="json", exclude=leave_out), ensure_ascii=False, indent=2) + "\n"


class PortfolioChangesRow(PortfolioRow):
    """With --since, a CSV row also says what moved: the lists as ids separated by spaces."""

    since: str
    history: bool | None
    no_history_reason: str | None
    no_history: str | None
    revision: str | None
    revision_date: dt.date | None
    opening_date_before: dt.date | None
    opening_holds_before: bool | None
    slack_to_opening_before: int | None
    slack_to_opening_change: int | None
    status_changed: str | None
    moved_count: int | None
    moved_most: str | None
    newly_missed_dates: str | None
    added: str | None
    dropped: str | None


def _changes_row(row: PortfolioRow, line: PortfolioLine, since: dt.date | str, lang: str) -> PortfolioChangesRow:
    found = changes_record(line, lang)

    def ids(items) -> str | None:
        return None if found is None else " ".join(item if isinstance(item, str) else item.id for item in items)

    return PortfolioChangesRow(
        **row.model_dump(), since=since_text(since), history=None if found is None else found.history,
        no_history_reason=found and found.no_history_reason, no_history=found and found.no_history,
        revision=found and found.revision, revision_date=found and found.revision_date,
        opening_date_before=found and found.opening_date_before,
        opening_holds_before=found and found.opening_holds_before,
        slack_to_opening_before=found and found.slack_to_opening_before,
        slack_to_opening_change=found and found.slack_to_opening_change,
        status_changed=ids(found.status_changed if found else []),
        moved_count=found and found.moved_count, moved_most=ids(found.moved_most if found else []),
        newly_missed_dates=ids(found.newly_missed_dates if found else []),
        added=ids(found.added if found else []), dropped=ids(found.dropped if found else []))


def portfolio_csv(lines: list[PortfolioLine], as_of: dt.date, lang: str, dialect: str = "csv",
                  since: dt.date | str | None = None) -> str:
    """RFC 4180, or with ``dialect="csv-excel"`` for a Norwegian spreadsheet (see schedule_json_csv.to_csv)."""
    from navplan.render.schedule_json_csv import to_csv

    model = PortfolioRow if since is None else PortfolioChangesRow
    rows = records(lines, as_of, lang, PortfolioRow)
    if since is not None:
        rows = [_changes_row(row, line, since, lang) for row, line in zip(rows, lines, strict=True)]
    if not rows:  # still a header, so a script can read the columns
        if dialect == "csv-excel":
            return "\ufeff" + ";".join(model.model_fields) + "\r\n"
        return ",".join(model.model_fields) + "\n"
    return to_csv(rows, dialect)
