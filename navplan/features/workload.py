"""How much each person, role and resource carries, period by period, by the planned dates
(`navplan workload`, the workbook's Arbeidsmengde sheet, the report's section).

A resource's load on a working day is the sum of the loads of its open tasks whose planned
dates run over that day (a task takes its load from its planned start to its planned
finish; milestones and summaries take none). A period's ``planned`` is the most it carries
at once on any working day of the period from the as-of day on: what a capacity ("how many
activities they carry at once") is measured against, so a levelled plan never shows a
period above its capacity. ``activities`` are the tasks that run in the period.

Who is listed: every role, person and resource the plan gives a capacity, in its order;
then, with none named by ``--role`` or ``--owner``, every other role that has open tasks
(by the handbook's order of roles), with no capacity. A view (``--role``, ``--owner``)
lists just the roles and people it names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from navplan.engine.deadlines import next_period, period_start
from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.features.personal_view import Audience
from navplan.plan.capacity import same, uses_capacity
from navplan.plan.values import Status, Text


@dataclass
class WorkloadPeriod:
    """One week or month of one resource."""

    first_day: dt.date
    last_day: dt.date
    planned: float  # the most carried at once on a working day of the period
    activities: list[str] = field(default_factory=list)
    capacity: float | None = None

    @property
    def over(self) -> bool:
        return self.capacity is not None and self.planned > self.capacity + 1e-9


@dataclass
class ResourceWorkload:
    """A role, person or resource with its load in every period from the as-of date on."""

    id: str
    kind: str  # role, owner or resource
    title: Text
    capacity: float | None
    periods: list[WorkloadPeriod]

    @property
    def over(self) -> bool:
        return any(period.over for period in self.periods)

    @property
    def busy(self) -> list[WorkloadPeriod]:
        """The periods in which it carries anything."""
        return [period for period in self.periods if period.activities]


def workload(schedule: Schedule, by: str = "week", view: Audience | None = None) -> list[ResourceWorkload]:
    """Each resource's load per week (or month) by the planned dates (see the module)."""
    project = schedule.project
    tasks = [s for s in schedule.leaves() if s.status is not Status.DONE and uses_capacity(s.activity)
             and s.planned_finish > max(s.planned_start, schedule.as_of_point)]
    if not tasks:
        last = schedule.planned_opening
    else:
        last = max(schedule.planned_opening, *(schedule.calendar.date_of(s.planned_finish - 1) for s in tasks))
    bounds = _periods(schedule.as_of, last, by)
    found: list[ResourceWorkload] = []
    listed: set[tuple[str, str]] = set()
    for resource in project.resources:
        if view is not None and not _in_view(view, resource.kind, resource.id):
            continue
        chosen = [s for s in tasks if s.id in resource.loads]
        found.append(_load(schedule, resource.id, resource.kind, resource.title, resource.capacity, chosen,
                           {s.id: resource.loads[s.id] for s in chosen}, bounds))
        listed.add((resource.kind, resource.id))
    for role in project.handbook.roles:
        if ("role", role.id) in listed or (view is not None and role.id not in view.roles) or \
                (view is None and project.resources):
            continue
        chosen = [s for s in tasks if s.activity.role == role.id]
        if chosen:
            found.append(_load(schedule, role.id, "role", role.short or role.title, None, chosen,
                               {s.id: s.activity.load for s in chosen}, bounds))
    if view is not None:
        for owner in sorted(view.owners):
            if ("owner", owner) in listed:
                continue
            chosen = [s for s in tasks if s.activity.owner is not None and same(s.activity.owner) == same(owner)]
            found.append(_load(schedule, owner, "owner", Text(nb=owner, en=owner), None, chosen,
                               {s.id: s.activity.load for s in chosen}, bounds))
    return found


def _in_view(view: Audience, kind: str, resource_id: str) -> bool:
    if kind == "role":
        return resource_id in view.roles
    if kind == "owner":
        return any(same(owner) == same(resource_id) for owner in view.owners)
    return False


def _periods(as_of: dt.date, last: dt.date, by: str) -> list[tuple[dt.date, dt.date]]:
    """Each period's first and last day, from the as-of date's period to ``last``'s."""
    found = []
    start = period_start(as_of, by)
    while start <= last:
        following = next_period(start, by)
        found.append((start, following - dt.timedelta(days=1)))
        start = following
    return found


def _load(schedule: Schedule, resource_id: str, kind: str, title: Text, capacity: float | None,
          tasks: list[ScheduledActivity], loads: dict[str, float],
          bounds: list[tuple[dt.date, dt.date]]) -> ResourceWorkload:
    calendar = schedule.calendar
    first_point = schedule.as_of_point
    last_point = calendar.finish_point(min(bounds[-1][1], calendar.last))
    carried = [0.0] * max(0, last_point - first_point)
    for scheduled in tasks:
        for point in range(max(scheduled.planned_start, first_point), min(scheduled.planned_finish, last_point)):
            carried[point - first_point] += loads[scheduled.id]
    ordered = sorted(tasks, key=lambda s: (s.planned_start, s.planned_finish))
    periods = []
    for first_day, last_day in bounds:
        begin = max(calendar.start_point(max(first_day, calendar.first)), first_point)
        end = min(calendar.finish_point(min(last_day, calendar.last)), last_point)
        peak = max(carried[begin - first_point:end - first_point], default=0.0)
        # A period without a working day (fellesferie, the Christmas closure) carries nothing.
        running = [s.id for s in ordered if s.planned_start < end and s.planned_finish > begin] if begin < end else []
        periods.append(WorkloadPeriod(first_day, last_day, round(peak, 2), running, capacity))
    return ResourceWorkload(resource_id, kind, title, capacity, periods)


def whole(value: float) -> int | float:
    """2.0 as 2, 1.5 as 1.5: how JSON and a table write an amount."""
    return int(value) if float(value).is_integer() else value
