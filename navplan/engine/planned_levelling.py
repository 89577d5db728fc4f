"""Planned dates levelled against the plan's capacity (issue 19, item 3).

Without capacity in the plan, the planned dates are the kernel's forward pass
in each activity's mode (:func:`navplan.engine.critical_path_method.planned_release`)
and nothing here runs. With capacity, :func:`level_schedule` lays the same
network, in the same working-day points, out as a
:class:`navplan.engine.levelling.LevellingProblem` and lets the levelling
solver move work within (and, when it must, past) its slack so that no
resource carries more at once than its capacity:

- **Jobs** are the network's rows: tasks and milestones, a summary's points and
  a dropped activity's pass-through as jobs of no length. A duration in
  calendar months is the working days it spans from its forecast start, as the
  engine counts it. Done and started work is a fact: fixed where the forecast
  has it (its actual start to its forecast finish), never moved.
- **Links** are the network's, with their lags. A summary's first start (the
  earliest of its steps' starts) follows the step the forecast starts first:
  stricter than the kernel's rule, never looser, so no link is broken.
- **Release**: the as-of day or the plan start, each not-before and fixed
  date, and the opening date for work linked after the opening.
- **Resources**: one per capacity the plan names (:mod:`navplan.plan.capacity`),
  each task using it at its load; milestones and summaries use none.
- **The objective**: the opening first (late or not, then by how much: due at
  the opening point); then work as soon as possible early and work as late as
  possible late (weights +1 and -1; work after the opening as soon as
  possible). When that misses a fixed or not-after date the forecast meets, a
  second solve puts those dates first with the opening held where the first
  put it (the levelling API has one tier of targets), and is kept when it
  misses fewer.

The solver is deterministic (its time limit counts deterministic time, one
seed): the same plan gives the same dates on every run. Its answer is cached
by the problem's content (:mod:`navplan.io.cache_files`), so the commands run
on one plan solve it once; a cached answer imports neither numpy nor ortools.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from navplan.engine.dependency_graph import FS, SS
from navplan.plan.values import Status

if TYPE_CHECKING:
    from collections.abc import Sequence

    from navplan.engine.levelling_problem import LevellingProblem
    from navplan.engine.schedule import Schedule
    from navplan.plan.capacity import CapacityResource

#: The default time limit, in the solver's deterministic seconds (roughly seconds on an idle machine;
#: two to four on a busy one): a merger's plan of some sixty activities with one role at capacity 2
#: is within a few working days of what ten times the time finds.
DEFAULT_LEVEL_TIME = 1.0
#: The most a user may give: beyond it a command would seem to hang.
MAX_LEVEL_TIME = 600.0
#: A cache file's name starts so, followed by the digest of what it answers.
CACHE_PREFIX = "levelling-"
_LINK_NAMES = {FS: "FS", SS: "SS"}


@dataclass(frozen=True)
class Levelling:
    """How the planned dates were levelled.

    ``status``: ``optimal`` (every tier proven), ``feasible`` (the solver's best
    in its time, unproven) or ``heuristic`` (the serial heuristic's schedule: the
    solver found nothing better in its time). ``resources``: the plan's, in its
    order. ``opening_pushed``: working days the planned opening lies past both
    the opening date and the forecast opening because of capacity (0 when it does
    not); ``driving_resource`` the resource that holds it back then (index into
    ``resources``), as :meth:`navplan.engine.levelling.LevellingResult.driving_resource`
    finds it. ``time_limit``: the limit it was solved with; ``cached``: read
    from the cache rather than solved in this run."""

    status: str
    resources: tuple[CapacityResource, ...]
    opening_pushed: int = 0
    driving_resource: int | None = None
    time_limit: float = DEFAULT_LEVEL_TIME
    cached: bool = False

    @property
    def pushing_resource(self) -> CapacityResource | None:
        """The resource named when levelling pushes the opening; None when it does not."""
        if self.opening_pushed <= 0 or self.driving_resource is None:
            return None
        return self.resources[self.driving_resource]


@dataclass
class OfficeJobs:
    """The network as jobs: the problem, where time 0 lies in the calendar's points, and the opening's job."""

    problem: LevellingProblem
    origin: int
    opening: int
    deadlines: dict[int, int] = field(default_factory=dict)  # job → due point of a fixed or not-after date


def level_schedule(schedule: Schedule, *, time_limit: float = DEFAULT_LEVEL_TIME, use_cache: bool = True) -> Schedule:
    """``schedule`` with its planned dates levelled against its plan's capacity (in
    place, and returned); unchanged when the plan names none."""
    resources = schedule.project.resources
    if not resources or schedule.run is None:
        return schedule
    jobs = office_jobs(schedule)
    key = _digest(jobs, time_limit)
    answer = _cached(key, jobs.problem.size) if use_cache else None
    cached = answer is not None
    if answer is None:
        answer = _solve(jobs, time_limit)
        if use_cache:
            _store(key, answer)
    starts, status, driving = answer
    _apply(schedule, jobs, starts)
    run = schedule.run
    opening = run.network.opening
    planned_opening = starts[jobs.opening] + jobs.origin
    pushed = max(0, planned_opening - max(run.at.opening, run.ahead.es[opening]))
    schedule.levelling = Levelling(status=status, resources=tuple(resources), opening_pushed=pushed,
                                   driving_resource=driving if pushed else None, time_limit=time_limit,
                                   cached=cached)
    return schedule


def office_jobs(schedule: Schedule) -> OfficeJobs:
    """The levelling problem of ``schedule``'s network (see the module)."""
    from navplan.engine.levelling import scale_to_integers
    from navplan.engine.levelling_problem import (
        LATE_TARGETS,
        TARGET_LATENESS,
        WEIGHTED_STARTS,
        LevellingProblem,
        Link,
        Resource,
    )

    run = schedule.run
    assert run is not None  # level_schedule levels only a schedule with its run
    network, at, ahead, columns = run.network, run.at, run.ahead, run.columns
    size = len(network)
    opening = network.opening
    fixed: list[int | None] = [None] * size
    durations = [0] * size
    for row, activity in enumerate(network.activity):
        facts = activity is not None and activity.status is not Status.NOT_STARTED
        if row == opening:
            fixed[row] = at.opening if at.opened else None
        elif facts:
            fixed[row], durations[row] = ahead.es[row], ahead.ef[row] - ahead.es[row]
        elif network.in_months[row]:
            durations[row] = columns.advance(ahead.es[row], network.amount[row], True) - ahead.es[row]
        else:
            durations[row] = network.amount[row]
    origin = min([at.start, *(start for start in fixed if start is not None)])
    release = [at.start] * size
    for row in range(size):
        for point in (at.not_before[row], at.fixed[row]):
            if point is not None:
                release[row] = max(release[row], point)
    links: list[Link] = []
    for row in range(size):
        incoming = network.links_in[row]
        if network.is_first[row] and incoming:
            # The earliest of its steps' starts: the step the forecast starts first.
            incoming = [min(incoming, key=lambda link: (ahead.es[link[0]], link[0]))]
        for pred, code, lag in incoming:
            if pred == opening and fixed[row] is None:
                # What follows the opening waits for the opening date itself, as in the forecast.
                bound = at.opening + lag if code in (FS, SS) else None
                if bound is not None:
                    release[row] = max(release[row], bound)
            links.append(Link(pred, row, _LINK_NAMES.get(code, "FF"), lag))
    deadlines: dict[int, int] = {}
    for row, activity in enumerate(network.activity):
        if fixed[row] is not None or row == opening:
            continue
        dues: list[int] = []
        if (fixed_at := at.fixed[row]) is not None and activity is not None:
            dues.append(fixed_at + durations[row])
        if (not_after := at.not_after[row]) is not None:
            dues.append(not_after)
        if dues:
            deadlines[row] = min(dues)
    weights = []
    for row, activity in enumerate(network.activity):
        if activity is None or row == opening:
            weights.append(0)
        elif activity.schedule == "alap" and not network.after_opening[row]:
            weights.append(-1)
        else:
            weights.append(1)
    resources = []
    for resource in schedule.project.resources:
        used = [(row, activity) for row, activity in enumerate(network.activity) if activity is not None
                and activity.id in resource.loads and activity.status is not Status.DONE and durations[row] > 0]
        rows = [row for row, _ in used]
        factor, scaled = scale_to_integers([resource.capacity, *(resource.loads[activity.id]
                                                                  for _, activity in used)])
        demands = [0] * size
        for row, demand in zip(rows, scaled[1:], strict=True):
            demands[row] = demand
        resources.append(Resource(resource.id, demands=demands, capacity=scaled[0]))
    due: list[int | None] = [None] * size
    target = [False] * size
    if fixed[opening] is None:
        due[opening], target[opening] = at.opening - origin, True

    def shift(value: int | None) -> int | None:
        return None if value is None else value - origin

    problem = LevellingProblem(
        durations=durations, links=links, resources=resources, release=[value - origin for value in release],
        fixed_start=[shift(value) for value in fixed], due=due, target=target, weight=weights,
        objective=[LATE_TARGETS, TARGET_LATENESS, WEIGHTED_STARTS])
    return OfficeJobs(problem, origin, opening, {row: point - origin for row, point in deadlines.items()})


def _solve(jobs: OfficeJobs, time_limit: float) -> tuple[list[int], str, int | None]:
    """Level the opening first. When that misses a fixed or not-after date of open work
    that the forecast meets, level again for those dates with the opening held where
    the first solve put it, and keep that when it holds. The starts, the status and the
    resource that drives the opening."""
    from navplan.engine.levelling import level
    from navplan.engine.levelling_problem import FEASIBLE, HEURISTIC, INFEASIBLE, OPTIMAL

    problem = jobs.problem
    first = level(problem, time_limit=time_limit)
    result = first
    if _misses_a_date(jobs, first.starts):
        held: list[int | None] = [None] * problem.size
        held[jobs.opening] = first.starts[jobs.opening] + problem.durations[jobs.opening]
        due = [jobs.deadlines.get(job) for job in range(problem.size)]
        second = level(replace(problem, due=due, target=[job in jobs.deadlines for job in range(problem.size)],
                               deadline=held), time_limit=time_limit)
        if second.status != INFEASIBLE and not second.deadline_misses and \
                _late_dates(jobs, second.starts) < _late_dates(jobs, first.starts):
            result = second
    # The weaker of the two solves' statuses: the second holds the opening where the first left it.
    strength = [OPTIMAL, FEASIBLE, HEURISTIC]
    status = max((first.status, result.status), key=strength.index)
    return list(result.starts), status, result.driving_resource(jobs.opening)


def _late_dates(jobs: OfficeJobs, starts: Sequence[int]) -> tuple[int, int]:
    """How many fixed and not-after dates of open work ``starts`` misses, and by how many working days in all."""
    late = [starts[job] + jobs.problem.durations[job] - due for job, due in jobs.deadlines.items()]
    return sum(1 for days in late if days > 0), sum(days for days in late if days > 0)


def _misses_a_date(jobs: OfficeJobs, starts: Sequence[int]) -> bool:
    """Whether ``starts`` misses a fixed or not-after date that the forecast (the earliest start of
    every job, resources aside) meets: only then is a second solve worth its time."""
    from navplan.engine.levelling_network import Network

    earliest = Network(jobs.problem).earliest
    durations = jobs.problem.durations
    return any(starts[job] + durations[job] > due >= earliest[job] + durations[job]
               for job, due in jobs.deadlines.items())


def _apply(schedule: Schedule, jobs: OfficeJobs, starts: list[int]) -> None:
    """The levelled starts as each activity's planned dates (facts keep theirs), and the
    summaries' and the opening's again."""
    from navplan.engine.schedule import _dates

    run = schedule.run
    assert run is not None  # level_schedule levels only a schedule with its run
    network = run.network
    durations = jobs.problem.durations
    for row, activity in enumerate(network.activity):
        if activity is None:
            continue
        scheduled = schedule.activities.get(activity.id)
        if scheduled is None or activity.status is not Status.NOT_STARTED:
            continue  # facts are not replanned
        scheduled.planned_start = starts[row] + jobs.origin
        scheduled.planned_finish = scheduled.planned_start + durations[row]
    for scheduled in reversed(schedule.activities.values()):  # children before parents
        if scheduled.activity.is_summary:
            children = [schedule.activities[c] for c in scheduled.activity.children if c in schedule.activities]
            scheduled.planned_start = min(c.planned_start for c in children)
            scheduled.planned_finish = max(c.planned_finish for c in children)
    for scheduled in schedule.activities.values():
        scheduled.dates = _dates(schedule.calendar, scheduled, schedule.project, run.at.as_of)


def _digest(jobs: OfficeJobs, time_limit: float) -> str:
    """What the answer depends on: the problem, the time limit, the solver's settings and navplan's version."""
    from navplan import __version__
    from navplan.engine.levelling import DEFAULT_SEED, DEFAULT_WORKERS

    problem = jobs.problem
    # office_jobs gives every per-job sequence
    assert problem.release is not None and problem.fixed_start is not None and problem.due is not None
    assert problem.target is not None and problem.weight is not None
    content = {
        "version": __version__, "time_limit": time_limit, "seed": DEFAULT_SEED, "workers": DEFAULT_WORKERS,
        "durations": list(problem.durations), "release": list(problem.release),
        "fixed": list(problem.fixed_start), "due": list(problem.due), "target": list(problem.target),
        "weight": list(problem.weight), "objective": list(problem.objective), "opening": jobs.opening,
        "deadlines": sorted(jobs.deadlines.items()),
        "links": [[link.pred, link.succ, link.type, link.lag] for link in problem.links],
        "resources": [[resource.capacity, list(resource.demands)] for resource in problem.resources],
    }
    return hashlib.sha256(json.dumps(content, separators=(",", ":")).encode()).hexdigest()


def _cached(key: str, size: int) -> tuple[list[int], str, int | None] | None:
    """A cached answer for ``key``, or None: anything not as :func:`_store` writes it is ignored."""
    from navplan.io.cache_files import read_cache

    data = read_cache(CACHE_PREFIX + key + ".json", 64 * size + 4096)
    if data is None:
        return None
    try:
        found = json.loads(data)
        starts, status, driving = found["starts"], found["status"], found["driving"]
    except (ValueError, TypeError, KeyError):
        return None
    if not (isinstance(starts, list) and len(starts) == size and all(type(s) is int for s in starts)
            and status in ("optimal", "feasible", "heuristic") and (driving is None or type(driving) is int)):
        return None
    return starts, status, driving


def _store(key: str, answer: tuple[list[int], str, int | None]) -> None:
    from navplan.io.cache_files import write_cache

    starts, status, driving = answer
    write_cache(CACHE_PREFIX + key + ".json",
                json.dumps({"starts": starts, "status": status, "driving": driving}).encode())
