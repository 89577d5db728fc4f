"""What the steering group's report says, before any rendering.

One schedule and, when the plan has a git history, what changed since the
last meeting. Renderers (Markdown, HTML) only arrange what is decided here.
The core never prints and never reads the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from navplan.engine.deadlines import must_start, must_start_until, overdue
from navplan.engine.schedule import Schedule, ScheduledActivity, schedule
from navplan.errors import NavplanError
from navplan.features.baseline import BaselineComparison, compare_with_baseline
from navplan.features.levers import Levers, levers
from navplan.features.personal_view import Audience, audience, shows
from navplan.features.plan_history import (
    HistoryUnavailable,
    Move,
    PlanDiff,
    compare,
    find_revision,
    locate,
    schedule_at,
)
from navplan.features.schedule_risk import RiskAnalysis, analyse_risk
from navplan.features.verdict import Verdict, judge, verdict_sampled
from navplan.plan.values import Status, Text

MUST_START_WEEKS = 4
DECISION_WEEKS = 8
#: Rows of changes shown on the page; `navplan diff` lists them all.
MAX_MOVED = 10
#: The report's "Må starte" shows at most this many (critical-path lists them all): every one whose
#: latest start falls in its weeks, then the plan's first others; by the planned dates a fresh plan
#: starts much at once, and the report is read on a few pages.
MAX_MUST_START = 8


@dataclass
class CriterionActivity:
    id: str
    title: Text
    status: Status | None  # None: this plan dropped it, so it cannot hold the criterion back


@dataclass
class CriterionReadiness:
    number: int
    text: Text
    statutory: bool
    activities: list[CriterionActivity]

    @property
    def total(self) -> int:
        return sum(1 for a in self.activities if a.status is not None)

    @property
    def done(self) -> int:
        return sum(1 for a in self.activities if a.status is Status.DONE)

    @property
    def met(self) -> bool:
        return self.done == self.total


@dataclass
class OverdueItem:
    scheduled: ScheduledActivity
    kind: str  # "start": should have started; "finish": started but should have finished
    date: dt.date


@dataclass
class NoHistory:
    reason: str  # outside_git, no_git, no_commits, none_before or other
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Report:
    schedule: Schedule
    plan_file: Path
    criteria: list[CriterionReadiness]
    critical: list[ScheduledActivity]
    must_start: list[ScheduledActivity]
    must_start_until: dt.date
    overdue: list[OverdueItem]
    decisions: list[ScheduledActivity]
    decisions_until: dt.date
    changes: PlanDiff | None
    no_history: NoHistory | None
    #: A personal view (--role, --owner): its activities only, the opening's verdict and criteria whole.
    view: Audience | None = None
    #: What `navplan risk` says of the whole plan (the opening's probability is everyone's).
    risk: RiskAnalysis | None = None
    #: What can help the opening and each missed date hold (see navplan.features.levers).
    levers: list[Levers] = field(default_factory=list)
    #: The one verdict (navplan.features.verdict), with the probability of `risk` above: the report's first line.
    verdict: Verdict | None = None
    #: The plan against its baseline (navplan.features.baseline), when it has one.
    baseline: BaselineComparison | None = None

    @property
    def office(self) -> str:
        return self.schedule.project.plan.office

    @property
    def as_of(self) -> dt.date:
        return self.schedule.as_of

    @property
    def moved(self) -> list[Move]:
        """The biggest moves first, whichever way they went: by the most working days
        any of its dates moved (latest start, latest finish, forecast finish); equal
        moves in outline order. The report shows the first :data:`MAX_MOVED`."""
        if self.changes is None:
            return []
        outline = {activity_id: index for index, activity_id in enumerate(self.schedule.project.activities)}
        moves = [m for m in self.changes.moved if shows(self.view, m.after.activity)]
        return sorted(moves, key=lambda m: (-max(abs(m.earliest_finish), abs(m.latest_start), abs(m.latest_finish)),
                                            outline.get(m.id, len(outline))))


def build_report(plan_file: Path, as_of: dt.date, since: dt.date | str | None = None, *,
                 roles: list[str] | None = None, owners: list[str] | None = None,
                 level_time: float | None = None) -> Report:
    """The report for ``plan_file`` as of ``as_of``; ``since`` is the last
    meeting as a revision name or a date (default: the last commit touching the plan).
    ``roles`` and ``owners`` make it a personal view (see :mod:`navplan.features.personal_view`);
    its planned dates are levelled within ``level_time`` seconds when the plan gives capacity.
    The probability of opening on time comes from `navplan risk`'s default run
    (its samples and fixed seed), so the report says what that command says; none once the office has opened."""
    from navplan.engine.risk_simulation import DEFAULT_SAMPLES, DEFAULT_SEED
    from navplan.plan.project import load_project

    now = schedule(load_project(plan_file), as_of)
    if now.project.resources:
        from navplan.engine.planned_levelling import DEFAULT_LEVEL_TIME, level_schedule

        level_schedule(now, time_limit=DEFAULT_LEVEL_TIME if level_time is None else level_time)
    view = audience(now.project, roles, owners)
    changes, missing = _changes(plan_file, now, since)
    late = [item for item in overdue_items(now) if shows(view, item.scheduled.activity)]
    late_ids = {item.scheduled.id for item in late}
    risk = None if now.opened else analyse_risk(now, DEFAULT_SAMPLES, DEFAULT_SEED)
    found = judge(now) if risk is None else verdict_sampled(now, risk.probability_holds, risk.samples, risk.seed)
    return Report(
        schedule=now, plan_file=plan_file, criteria=criteria_readiness(now),
        critical=[now.activities[i] for i in now.critical_path if shows(view, now.activities[i].activity)],
        must_start=[s for s in must_start(now, MUST_START_WEEKS, "planned")
                    if s.id not in late_ids and shows(view, s.activity)],
        must_start_until=must_start_until(now, MUST_START_WEEKS), overdue=late,
        decisions=[s for s in steering_decisions(now) if shows(view, s.activity)],
        decisions_until=must_start_until(now, DECISION_WEEKS), changes=changes, no_history=missing, view=view,
        risk=risk, levers=levers(now), verdict=found, baseline=compare_with_baseline(now),
    )


def _changes(plan_file: Path, now: Schedule, since: dt.date | str | None) -> tuple[PlanDiff | None, NoHistory | None]:
    """The diff against the last meeting; a plan without history still gets its
    report, saying so. A revision the user named that does not exist is an error."""
    name = since if isinstance(since, str) else None
    day = since if isinstance(since, dt.date) else None
    try:
        located = locate(plan_file)
        revision = find_revision(located, name, day)
        return compare(revision, schedule_at(located, revision, now.as_of), now), None
    except HistoryUnavailable as missing:
        params = {"date": missing.date} if missing.date else {}
        return None, NoHistory(missing.reason, params)
    except NavplanError as error:
        if since is not None:
            raise
        # The default revision is navplan's guess, not the user's request: an old
        # plan that no longer loads must not cost the group its report.
        return None, NoHistory("other", {"message": error})


def criteria_readiness(now: Schedule) -> list[CriterionReadiness]:
    """The nine opening criteria with their activities as this plan has them."""
    readiness = []
    for criterion in now.project.handbook.criteria:
        activities = []
        for activity_id in criterion.activities:
            scheduled = now.activities.get(activity_id)
            title = now.project.activities[activity_id].title if activity_id in now.project.activities else \
                Text(nb=activity_id, en=activity_id)
            activities.append(CriterionActivity(activity_id, title, scheduled.status if scheduled else None))
        readiness.append(CriterionReadiness(criterion.number, criterion.text, criterion.statutory, activities))
    return readiness


def overdue_items(now: Schedule) -> list[OverdueItem]:
    """Work that should have started and has not, and started work past its latest finish."""
    items = [OverdueItem(s, "start", s.dates["latest_start"]) for s in overdue(now)]
    items += [OverdueItem(s, "finish", s.dates["latest_finish"]) for s in now.leaves()
              if s.status is Status.STARTED and s.dates["latest_finish"] < now.as_of]
    return sorted(items, key=lambda item: (item.date, item.scheduled.id))


def steering_roles(now: Schedule) -> set[str]:
    """The roles that sit in the steering group, as the handbook data marks them."""
    return {role.id for role in now.project.handbook.roles if role.steering_group}


def is_steering_decision(scheduled: ScheduledActivity) -> bool:
    definition = scheduled.activity.definition
    return definition is not None and definition.steering_decision


def steering_decision_ids(now: Schedule) -> list[str]:
    """The handbook's decisions the steering group follows whoever owns them (the political consideration)."""
    return [a.id for a in now.project.active() if a.definition is not None and a.definition.steering_decision]


def steering_decisions(now: Schedule) -> list[ScheduledActivity]:
    """Open work of the steering roles, and the political consideration, due to
    start within :data:`DECISION_WEEKS` weeks or already late, by latest start."""
    until = must_start_until(now, DECISION_WEEKS)
    roles = steering_roles(now)
    chosen = [s for s in now.leaves() if s.status is not Status.DONE and s.dates["latest_start"] <= until
              and (s.activity.role in roles or is_steering_decision(s))]
    return sorted(chosen, key=lambda s: (s.dates["latest_start"], s.dates["latest_finish"], s.id))
