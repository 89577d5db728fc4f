"""What moved in a plan since a git revision.

The plan's text at the revision is read with git itself (``git show
REV:path``), so whatever the user's git can reach (branches, tags, shallow
clones, worktrees) navplan can compare with. Both versions are scheduled as of
the same day with today's handbook, so every difference comes from the plan
file. The core never prints and never reads the clock.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from navplan.engine.schedule import Schedule, ScheduledActivity, schedule
from navplan.errors import NavplanError
from navplan.plan.values import Status

if TYPE_CHECKING:
    from navplan.features.baseline import BaselineComparison
    from navplan.features.verdict import Verdict

_LOG_FORMAT = "--format=%H%x00%cI%x00%s"
#: The dates a move is measured on, as :class:`Move` fields and ``ScheduledActivity.dates`` keys.
MOVED_DATES = ("latest_start", "latest_finish", "earliest_finish")


class HistoryUnavailable(NavplanError):
    """There is no history to compare with; ``reason`` names why (outside_git,
    no_git, no_commits, none_before) so a report can say it in its language."""

    def __init__(self, key: str, reason: str, *, file=None, hint: str | None = None,
                 date: dt.date | None = None) -> None:
        super().__init__(key, file=file, hint=hint, date=date)
        self.reason = reason
        self.date = date


@dataclass(frozen=True)
class Revision:
    commit: str
    date: dt.date | None  # the committer's date: when it entered the history (None past the year 9999)
    subject: str

    @property
    def short(self) -> str:
        return self.commit[:7]


@dataclass(frozen=True)
class PlanInGit:
    root: Path
    path: str  # relative to the repository root, with forward slashes, as git names it
    file: Path


def _git(root: Path, *args: str, file: Path | None = None) -> subprocess.CompletedProcess:
    # --literal-pathspecs: the plan's path is a file name, never a pattern (a folder named `a*` or
    # `:(exclude)x` must not match other paths).
    try:
        return subprocess.run(["git", "--literal-pathspecs", "-C", str(root), *args], capture_output=True)
    except FileNotFoundError:
        raise HistoryUnavailable("error.history.no_git", "no_git", file=file, hint="hint.install_git") from None


def _path_line(output: bytes) -> str:
    """A path git printed on a line of its own: only the line's end removed (a folder
    may end in a space or a newline), bytes that are not UTF-8 kept as the file system has them."""
    return os.fsdecode(output[:-1] if output.endswith(b"\n") else output)


def locate(plan_file: Path) -> PlanInGit:
    """The repository holding ``plan_file`` and the plan's path inside it. A plan
    that is a symbolic link is the file it leads to: that file's history is the plan's."""
    real = plan_file.resolve()
    folder = real.parent
    found = _git(folder, "rev-parse", "--show-toplevel", file=plan_file)
    if found.returncode != 0:
        raise HistoryUnavailable("error.history.outside_git", "outside_git", file=plan_file,
                                 hint="hint.history.outside_git")
    # --show-prefix names the folder as git sees it, also through symlinks.
    prefix = _path_line(_git(folder, "rev-parse", "--show-prefix", file=plan_file).stdout)
    return PlanInGit(root=Path(_path_line(found.stdout)), path=prefix + real.name, file=plan_file)


_ISO_DATE = re.compile(r"^(\d{4,})-(\d{2})-(\d{2})T")


def _revision(line: bytes) -> Revision:
    commit, date, subject = line.decode("utf-8", errors="replace").rstrip("\n").split("\x00", 2)
    return Revision(commit=commit, date=_committer_date(date), subject=subject)


def _committer_date(text: str) -> dt.date | None:
    """The date of git's strict ISO 8601 committer date; None for one Python cannot hold (year 10000)."""
    match = _ISO_DATE.match(text)
    try:
        return dt.date(*(int(part) for part in match.groups())) if match else None
    except ValueError:
        return None


def last_revision(plan: PlanInGit, on_or_before: dt.date | None = None) -> Revision:
    """The last commit that touched the plan (on or before a date, if given).

    The date is compared here, with the committer's own calendar date, rather
    than by git's --until, which cannot read a date in the year 2100 or later.
    """
    limit = ["-1"] if on_or_before is None else []
    found = _git(plan.root, "log", *limit, _LOG_FORMAT, "--", plan.path, file=plan.file)
    lines = [line for line in found.stdout.split(b"\n") if line.strip()] if found.returncode == 0 else []
    for line in lines:
        revision = _revision(line)
        if on_or_before is None or (revision.date is not None and revision.date <= on_or_before):
            return revision
    if on_or_before is not None:
        raise HistoryUnavailable("error.history.none_before", "none_before", file=plan.file, date=on_or_before,
                                 hint="hint.history.none_before")
    raise HistoryUnavailable("error.history.no_commits", "no_commits", file=plan.file,
                             hint="hint.history.no_commits")


def named_revision(plan: PlanInGit, name: str) -> Revision:
    """A revision the user named: a commit, tag, branch or HEAD~2."""
    unknown = NavplanError("error.history.unknown_revision", field="REV", hint="hint.history.revision", name=name)
    if not name or name.startswith("-"):
        raise unknown  # git would read it as an option
    found = _git(plan.root, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}", file=plan.file)
    if found.returncode != 0:
        raise unknown
    shown = _git(plan.root, "log", "-1", _LOG_FORMAT, found.stdout.decode("utf-8").strip(), file=plan.file)
    return _revision(shown.stdout)


def names_a_revision(folder: Path, name: str) -> bool:
    """Whether git, in the repository ``folder`` is in, knows ``name`` as a commit
    (``HEAD~1``, a branch, a tag): for `navplan diff HEAD~1`, where the plan goes."""
    if not name or name.startswith("-"):
        return False
    try:
        found = _git(folder, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
    except (HistoryUnavailable, OSError):
        return False
    return found.returncode == 0


def text_at(plan: PlanInGit, revision: Revision) -> str:
    """The plan file's text as committed in ``revision``.

    Its size in git is checked before it is read: a plan larger than a plan file on
    disk may be is refused with the same message, named where it came from
    (``abc1234:navplan.yaml``), and never loaded into memory.
    """
    from navplan.plan.safe_yaml import MAX_FILE_BYTES

    blob = f"{revision.commit}:{plan.path}"
    size = _git(plan.root, "cat-file", "-s", blob, file=plan.file)
    if size.returncode != 0:
        raise NavplanError("error.history.not_at_revision", file=plan.file, hint="hint.history.not_at_revision",
                           revision=revision.short)
    if int(size.stdout.strip() or 0) > MAX_FILE_BYTES:
        raise NavplanError("error.file_too_large", file=f"{revision.short}:{plan.path}", mb=MAX_FILE_BYTES // 1_000_000)
    shown = _git(plan.root, "show", blob, file=plan.file)
    if shown.returncode != 0:
        raise NavplanError("error.history.not_at_revision", file=plan.file, hint="hint.history.not_at_revision",
                           revision=revision.short)
    try:
        return shown.stdout.decode("utf-8")
    except UnicodeDecodeError:
        raise NavplanError("error.history.not_utf8", file=plan.file, revision=revision.short) from None


def find_revision(plan: PlanInGit, name: str | None = None, since: dt.date | None = None) -> Revision:
    """A named revision, else the last commit touching the plan (on or before ``since``)."""
    if name is not None and since is not None:
        raise NavplanError("error.diff.revision_and_since", field="--since")
    return named_revision(plan, name) if name is not None else last_revision(plan, since)


def schedule_at(plan: PlanInGit, revision: Revision, as_of: dt.date) -> Schedule:
    """The plan as committed in ``revision``, scheduled as of ``as_of``."""
    from navplan.plan.loading import validate
    from navplan.plan.plan_model import Plan
    from navplan.plan.project import build_project
    from navplan.plan.safe_yaml import parse_yaml

    label = f"{revision.short}:{plan.path}"  # errors in the old plan name where it came from
    document = parse_yaml(text_at(plan, revision), label)
    if document.content is None:
        raise NavplanError("error.plan.empty", file=label, line=1)
    return schedule(build_project(validate(Plan, document), document), as_of)


@dataclass
class Move:
    """An activity in both versions whose dates moved; in working days, positive = later."""

    before: ScheduledActivity
    after: ScheduledActivity
    latest_start: int
    latest_finish: int
    earliest_finish: int

    @property
    def id(self) -> str:
        return self.after.id


@dataclass
class StatusChange:
    before: ScheduledActivity
    after: ScheduledActivity

    @property
    def id(self) -> str:
        return self.after.id


@dataclass(frozen=True)
class BaselineMove:
    """An activity off the working copy's baseline now, or whose variance against it changed
    since the revision: its variance then (None: not in the plan then) and now, in working days."""

    id: str
    after: ScheduledActivity
    baseline_start: dt.date
    baseline_finish: dt.date
    finish_before: dt.date | None
    finish_after: dt.date
    variance_before: int | None
    variance_after: int


@dataclass
class PlanDiff:
    revision: Revision
    before: Schedule
    after: Schedule
    moved: list[Move]
    added: list[ScheduledActivity]
    dropped: list[ScheduledActivity]
    status_changed: list[StatusChange]
    #: The one verdict then and now (navplan.features.verdict); `navplan diff` fills them in.
    verdict_before: Verdict | None = None
    verdict_after: Verdict | None = None

    @property
    def baseline_recorded(self) -> dt.date | None:
        """The day of the working copy's baseline, which both versions are measured against."""
        baseline = self.after.project.plan.baseline
        return baseline.recorded if baseline is not None else None

    @property
    def baseline_then_and_now(self) -> tuple[BaselineComparison | None, BaselineComparison | None]:
        """Both versions against the working copy's baseline (None, None without one)."""
        from navplan.features.baseline import compare_with_baseline

        baseline = self.after.project.plan.baseline
        if baseline is None:
            return None, None
        return compare_with_baseline(self.before, baseline), compare_with_baseline(self.after, baseline)

    @property
    def against_baseline(self) -> list[BaselineMove]:
        """What moved against the baseline: every task and milestone whose planned finish is off
        the working copy's baseline now, or whose variance changed since the revision, in outline order."""
        then, now = self.baseline_then_and_now
        if now is None:
            return []
        found = []
        for activity_id, varied in now.activities.items():
            old = then.activities.get(activity_id) if then is not None else None
            before = old.variance if old is not None else None
            if varied.variance or (before is not None and before != varied.variance):
                found.append(BaselineMove(activity_id, self.after.activities[activity_id], varied.baseline_start,
                                          varied.baseline_finish, old.finish if old else None, varied.finish,
                                          before, varied.variance))
        return found

    @property
    def critical_joined(self) -> list[str]:
        return [i for i in self.after.critical_path if i not in self.before.critical_path]

    @property
    def critical_left(self) -> list[str]:
        return [i for i in self.before.critical_path if i not in self.after.critical_path]

    @property
    def deadline_changes(self) -> list[tuple[object, object]]:
        """(before, after) for each fixed or not-after date whose slack changed,
        or that is new (before is None), in the working copy's order."""
        old = {(check.id, check.kind): check for check in self.before.deadlines}
        return [(old.get((check.id, check.kind)), check) for check in self.after.deadlines
                if (check.id, check.kind) not in old or old[(check.id, check.kind)].slack != check.slack]

    @property
    def finished_late(self) -> list:
        """Not-after dates met late since the revision: work recorded done after its date."""
        old = {late.id for late in self.before.finished_late}
        return [late for late in self.after.finished_late if late.id not in old]

    @property
    def slack_change(self) -> int:
        """Working days of slack to the opening gained (positive) or lost (negative)."""
        return self.after.slack_to_opening - self.before.slack_to_opening

    @property
    def verdict_changed(self) -> bool:
        return (self.verdict_before is not None and self.verdict_after is not None
                and self.verdict_before.colour != self.verdict_after.colour)

    @property
    def unchanged(self) -> bool:
        return not (self.moved or self.added or self.dropped or self.status_changed or self.critical_joined
                    or self.critical_left or self.slack_change or self.deadline_changes or self.finished_late
                    or self.before.project.opening_date != self.after.project.opening_date
                    or self.verdict_changed
                    or self.before.project.plan.baseline != self.after.project.plan.baseline)


def compare(revision: Revision, before: Schedule, after: Schedule) -> PlanDiff:
    """What changed from ``before`` to ``after``, both scheduled as of the same day.

    Tasks and milestones are compared, not summaries: a summary's dates are its
    children's, so listing it too would say everything twice.
    """
    old = {s.id: s for s in before.leaves()}
    new = {s.id: s for s in after.leaves()}
    counter = _day_counter(after, [d for s in [*old.values(), *new.values()] for d in s.dates.values()])
    moved: list[Move] = []
    changed: list[StatusChange] = []
    for activity_id, now in new.items():
        then = old.get(activity_id)
        if then is None:
            continue
        if then.status is not now.status:
            changed.append(StatusChange(then, now))
        if now.status is Status.DONE:
            continue  # a done activity's computed dates are no longer anyone's to act on
        shifts = [counter(then.dates[key], now.dates[key]) for key in MOVED_DATES]
        if any(shifts):
            moved.append(Move(then, now, *shifts))
    return PlanDiff(
        revision=revision, before=before, after=after, moved=moved, status_changed=changed,
        added=[s for i, s in new.items() if i not in old], dropped=[s for i, s in old.items() if i not in new],
    )


def _day_counter(after: Schedule, days: list[dt.date]):
    """Counts working days between two dates on the working copy's calendar
    (the one the office now lives by), widened if an old date lies outside it."""
    calendar = after.calendar
    if days and (min(days) < calendar.first or max(days) > calendar.last):
        from navplan.engine.working_days import WorkCalendar

        calendar = WorkCalendar(min([*days, calendar.first]), max([*days, calendar.last]),
                                fellesferie_weeks=calendar.fellesferie_weeks,
                                christmas_closure=calendar.christmas_closure, closed=calendar.closed)
    return calendar.working_days_between


def diff_plan(plan_file: Path, as_of: dt.date, revision: str | None = None, since: dt.date | None = None) -> PlanDiff:
    """The working copy of ``plan_file`` against the plan at a revision, both as of ``as_of``."""
    from navplan.features.verdict import verdict
    from navplan.plan.project import load_project

    after = schedule(load_project(plan_file), as_of)
    located = locate(plan_file)
    found = find_revision(located, revision, since)
    diff = compare(found, schedule_at(located, found, as_of), after)
    # The one verdict then and now, each with `navplan risk`'s probability (sampled once, then cached).
    diff.verdict_before, diff.verdict_after = verdict(diff.before), verdict(after)
    return diff
