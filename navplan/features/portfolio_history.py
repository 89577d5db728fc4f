"""What moved in each office since the last county meeting, from each plan's git history.

For one office it is what `navplan diff --since` says (the plan at the
revision and the working copy, both scheduled as of the same day, compared by
:func:`navplan.features.plan_history.compare`), kept to what a county reads
across offices: the slack to the opening then and now, status changes, the
dates that moved most and the fixed and not-after dates missed now that were
not missed then. Each plan's history is its own: the offices may each have a
repository, or share the county's. An office without history says why; it
never stops the others. Only plain values are kept, so a line can come back
from a worker process. The core never prints and never reads the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from navplan.errors import Message, NavplanError

#: The moves a county sees per office, largest first; `navplan diff` lists them all.
MOVED_MOST = 3


@dataclass(frozen=True)
class NoHistory:
    """Why an office has nothing to compare with: outside_git, no_git, no_commits,
    none_before, unknown_revision, not_at_revision or other (``params['message']``)."""

    reason: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class StatusChanged:
    id: str
    title: str
    before: str  # a status value: not_started, started, done
    after: str


@dataclass(frozen=True)
class MovedDates:
    """An activity whose dates moved, in working days (positive = later). ``date`` names
    the one that moved most (latest_start, latest_finish or earliest_finish) and ``moved`` its shift."""

    id: str
    title: str
    date: str
    moved: int
    latest_start: int
    latest_finish: int
    earliest_finish: int


@dataclass(frozen=True)
class NewlyMissed:
    """A fixed or not-after date that holds no longer (or is new, and missed)."""

    id: str
    title: str
    date: dt.date
    kind: str  # fixed or not_after
    missing_working_days: int


@dataclass
class OfficeChanges:
    """One office since ``since``: against ``revision``, or ``no_history`` when there is none."""

    since: dt.date | str
    revision_commit: str | None = None
    revision_date: dt.date | None = None
    revision_subject: str | None = None
    no_history: NoHistory | None = None
    opening_before: dt.date | None = None
    opening_after: dt.date | None = None
    holds_before: bool | None = None
    holds_after: bool | None = None
    slack_before: int | None = None  # None once opened
    slack_after: int | None = None
    status_changed: list[StatusChanged] = field(default_factory=list)
    moved_count: int = 0
    moved_most: list[MovedDates] = field(default_factory=list)
    newly_missed: list[NewlyMissed] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def has_history(self) -> bool:
        return self.no_history is None

    @property
    def slack_change(self) -> int | None:
        if self.slack_before is None or self.slack_after is None:
            return None
        return self.slack_after - self.slack_before

    @property
    def revision_short(self) -> str | None:
        return self.revision_commit[:7] if self.revision_commit else None


def office_changes(plan_file: Path, now, since: dt.date | str, lang: str) -> OfficeChanges:
    """``now`` (the plan's schedule as of the portfolio's day) against the plan as it was
    ``since``: the last commit touching the plan on or before a date, or a revision the
    office's repository knows by name. Titles are in ``lang``."""
    from navplan.features.plan_history import HistoryUnavailable, compare, find_revision, locate, schedule_at

    name = since if isinstance(since, str) else None
    day = since if isinstance(since, dt.date) else None
    changes = OfficeChanges(since=since)
    try:
        located = locate(plan_file)
        revision = find_revision(located, name, day)
        before = schedule_at(located, revision, now.as_of)
    except HistoryUnavailable as missing:
        changes.no_history = NoHistory(missing.reason, {"date": missing.date} if missing.date else {})
        return changes
    except NavplanError as error:
        reason = {"error.history.unknown_revision": "unknown_revision",
                  "error.history.not_at_revision": "not_at_revision"}.get(error.message.key, "other")
        params: dict[str, object] = {"revision": name} if reason == "unknown_revision" else \
            {"revision": error.message.params.get("revision")} if reason == "not_at_revision" else \
            {"message": _plain(error)}
        changes.no_history = NoHistory(reason, params)
        return changes
    except Exception as error:  # noqa: BLE001  an old plan navplan cannot handle must not cost the office its line
        changes.no_history = NoHistory("other", {"message": NavplanError(
            "error.internal", file=plan_file, detail=f"{type(error).__name__}: {error}")})
        return changes
    _fill(changes, compare(revision, before, now), lang)
    return changes


def _plain(error: NavplanError) -> NavplanError:
    """The error as a plain NavplanError, which a worker process can hand back."""
    return NavplanError(error.message, file=error.file, line=error.line, field=error.field, hint=error.hint)


def _fill(changes: OfficeChanges, diff, lang: str) -> None:
    before, after = diff.before, diff.after
    changes.revision_commit = diff.revision.commit
    changes.revision_date = diff.revision.date
    changes.revision_subject = diff.revision.subject
    changes.opening_before, changes.opening_after = before.project.opening_date, after.project.opening_date
    changes.holds_before, changes.holds_after = before.opening_holds, after.opening_holds
    changes.slack_before = None if before.opened else before.slack_to_opening
    changes.slack_after = None if after.opened else after.slack_to_opening
    changes.status_changed = [StatusChanged(c.id, c.after.activity.title.get(lang), c.before.status.value,
                                            c.after.status.value) for c in diff.status_changed]
    changes.moved_count = len(diff.moved)
    changes.moved_most = [_moved(move, lang) for move in most_moved(diff.moved)[:MOVED_MOST]]
    missed_before = {(check.id, check.kind) for check in before.missed}
    changes.newly_missed = [
        NewlyMissed(check.id, _title(after, check.id, lang), check.date, check.kind, check.missing_working_days)
        for check in after.missed if (check.id, check.kind) not in missed_before]
    changes.added = [s.id for s in diff.added]
    changes.dropped = [s.id for s in diff.dropped]


def _title(result, activity_id: str, lang: str) -> str:
    scheduled = result.activities.get(activity_id)
    return scheduled.activity.title.get(lang) if scheduled is not None else activity_id


#: Which of a move's dates names it when two moved as much: the forecast first, as people follow it.
_DATE_ORDER = ("earliest_finish", "latest_finish", "latest_start")


def _largest(move) -> tuple[str, int]:
    """The date of ``move`` that moved most (by working days, either way), and by how much."""
    return max(((name, getattr(move, name)) for name in _DATE_ORDER), key=lambda pair: abs(pair[1]))


def most_moved(moves: list) -> list:
    """The moves by how far their furthest date moved, either way, most first; ties in outline order."""
    return sorted(moves, key=lambda move: -abs(_largest(move)[1]))


def _moved(move, lang: str) -> MovedDates:
    date, shift = _largest(move)
    return MovedDates(move.id, move.after.activity.title.get(lang), date, shift, move.latest_start,
                      move.latest_finish, move.earliest_finish)


def no_history_message(missing: NoHistory) -> Message:
    """Why there is no history, as a message."""
    return Message("report.no_history", reason=Message(f"report.no_history.{missing.reason}", **missing.params))
