"""A county's offices levelled together against the county's shared resources (issue 20, item 2).

Every office's network becomes the same jobs :mod:`navplan.engine.planned_levelling`
builds for one office (its ``office_jobs``: done and started work fixed, releases,
links, the opening as the office's target, its own people's capacity when its
plan gives some), shifted onto one county time axis, and all of them go into one
:class:`navplan.engine.levelling.LevellingProblem` beside the county file's
shared resources:

- **The time axis** is the working days of a county calendar: the first office's
  calendar settings (fellesferie, Christmas closure) over every office's span.
  Each office's points are shifted so that its first point falls on the same
  day; offices whose calendars close on other days keep their own working-day
  durations (their work is not stretched over the other's closures).
- **An at-once resource** (``samtidig``): each activity that uses it takes one
  place for its whole duration; capacity periods as working-day ranges.
- **A per-week resource** (``per uke``): each activity that uses it takes one place
  for the :data:`PLACE_DAYS` working days from its start. Two starts in one ISO
  week are less than five working days apart, so their places always overlap on
  the later start's day: the levelled schedule never takes more places in an ISO
  week than the week has (the county file's rule). The model is stricter than the
  rule in one way: a start late in a week and one early in the next overlap too,
  so a few days of an opening may be lost to it. To hold the place for exactly its
  first week, a longer activity (9.3.2 is four weeks) is split into its first
  :data:`PLACE_DAYS` days and the rest, which follows it (the solver may leave a
  gap between them, when that lets another office's work through); a shorter one
  (a milestone such as M4) holds its place for the whole week, its successors
  still waiting only for its own duration.
- **The objective**, in order: the number of offices that miss their opening,
  their total lateness (working days), the planned finish (the latest finish of
  any work), then each office's own wish (work as soon as possible, ``alap`` work
  as late as possible).

:func:`level_county` solves it (the heuristic as start and fallback, a time limit
on the clock: see :data:`DEFAULT_COUNTY_TIME`) and reads, per office, whether the opening
holds, the earliest opening the shared capacity allows and the resource that
binds it; per shared resource its use per ISO week against the capacity; and a
proposal: the capacity that would let every office open (found by solving again
with one more place at a time, at most :data:`MAX_PROPOSAL_STEPS` times), or else
the offices to move. The core never prints and returns no words, only ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from navplan.engine.levelling_network import UnschedulableJob
from navplan.errors import NavplanError, os_reason
from navplan.plan.county_model import AT_ONCE, week_start
from navplan.plan.values import Status

if TYPE_CHECKING:
    from navplan.engine.levelling import LevellingProblem, LevellingResult
    from navplan.engine.planned_levelling import OfficeJobs
    from navplan.plan.county_file import CountyFile

#: The default time limit of one county levelling, in seconds on the clock. A county is levelled
#: once per county meeting and must be done while people wait; an office plan's dates must be
#: the same on every run. So unlike an office plan (deterministic time, workers interleaved: the
#: same dates on every run, but 60 deterministic seconds took 817 s on the clock on a busy
#: machine), the county's solver races its workers against the clock (``deterministic=False``):
#: the time is kept whatever the load, and a tier proven optimal has the same value on every run,
#: but of equally good schedules any may come back, and what an unproven tier reaches varies.
DEFAULT_COUNTY_TIME = 60.0
#: The share of the time limit kept back for what follows the plans' reading and is not the
#: solver's: the heuristic, the model, each solve's start-up, the left shifts, the verdicts
#: (bench/county.py, 46 offices: about 3 s on two lightly loaded cores, 9 s under load 8-9).
COUNTY_RESERVE = 0.2
#: Working days a per-week resource's place is held from an activity's start (see the module).
PLACE_DAYS = 5
#: At most this many more solves to find the capacity that lets every office open.
MAX_PROPOSAL_STEPS = 10
#: Calendar days the county calendar reaches past the last office's own (for offices levelled late).
_AFTER_DAYS = 3 * 366


@dataclass(frozen=True)
class SharedUse:
    """One activity of one office that takes a place of a shared resource, as levelled:
    its first and last working day (``finish`` the last day it works; a milestone's is its day)."""

    resource: str
    activity: str
    start: dt.date
    finish: dt.date


@dataclass(frozen=True)
class OfficeLevel:
    """One office, levelled with the others.

    ``opening``: the plan's opening date; ``planned_opening``: the opening date when it
    holds, else the earliest the shared capacity (and the office's own) lets it open, as
    levelled (the objective minimises the lateness of the late);
    ``late_days``: working days ``planned_opening`` lies past the opening (0 when
    it holds); ``forecast_late_days``: what the office's own forecast misses,
    capacity aside (late whatever the county does); ``binding``: the resource
    whose full weeks hold the opening back when it is late (a shared resource's
    id, or the office's own resource's id) and ``binding_shared`` whether it is
    the county's; ``error``: the office's plan could not be read (then nothing
    else is known)."""

    file: str
    office: str | None = None
    opening: dt.date | None = None
    planned_opening: dt.date | None = None
    late_days: int = 0
    forecast_late_days: int = 0
    opened: bool = False
    binding: str | None = None
    binding_shared: bool = False
    uses: tuple[SharedUse, ...] = ()
    error: NavplanError | None = None

    @property
    def holds(self) -> bool | None:
        return None if self.error is not None else self.late_days == 0


@dataclass(frozen=True)
class WeekUse:
    """A shared resource in one ISO week: ``used`` places (per week: activities starting in it;
    at once: the most activities holding a place on one working day) against ``capacity``
    (the lowest of the week's days)."""

    resource: str
    monday: dt.date
    used: int
    capacity: int


@dataclass(frozen=True)
class Proposal:
    """What would let every office open.

    ``capacities``: shared resource id → the capacity (per week or at once, as the
    resource counts) with which every office whose opening the county's capacity
    held back opens on time, confirmed by a solve with it; empty when no office
    needs more (or none was found). ``found``: whether such capacities were found
    within :data:`MAX_PROPOSAL_STEPS`. ``move``: the offices late with today's
    capacity, each with the earliest opening it allows (file, office, date, late
    working days), latest first."""

    capacities: dict[str, int] = field(default_factory=dict)
    found: bool = True
    move: tuple[tuple[str, str | None, dt.date, int], ...] = ()


@dataclass(frozen=True)
class CountyLevelling:
    """The county levelled: ``status`` (optimal, feasible or heuristic), ``bound`` and
    ``objective`` per tier (:data:`OBJECTIVE`), the offices in the order given, each
    shared resource's week uses, and the proposal."""

    county: str
    as_of: dt.date
    status: str
    objective: tuple[int, ...]
    bound: tuple[int | None, ...]
    offices: tuple[OfficeLevel, ...]
    weeks: tuple[WeekUse, ...]
    proposal: Proposal
    resources: tuple[str, ...]
    time_limit: float
    jobs: int = 0

    @property
    def late(self) -> list[OfficeLevel]:
        return [office for office in self.offices if office.error is None and office.late_days > 0]


@dataclass
class _Office:
    path: Path
    schedule: object
    jobs: OfficeJobs
    shift: int  # county point = office point + shift
    base: int = 0  # the office's first job in the county problem
    ends: dict[int, int] = field(default_factory=dict)  # row → its last job (a split activity's rest)
    durations: list[int] = field(default_factory=list)  # each row's own duration
    uses: list[tuple[str, int, str]] = field(default_factory=list)  # (resource id, row, activity id)


def _objective():
    from navplan.engine.levelling import LATE_TARGETS, MAKESPAN, TARGET_LATENESS, WEIGHTED_STARTS

    return (LATE_TARGETS, TARGET_LATENESS, MAKESPAN, WEIGHTED_STARTS)


def level_county(county: CountyFile, plans: list[Path | NavplanError], as_of: dt.date, *,
                 time_limit: float = DEFAULT_COUNTY_TIME, propose: bool = True,
                 clock: Callable[[], float] | None = None) -> CountyLevelling:
    """Level the offices of ``plans`` together against ``county``'s shared resources (see the module).
    ``plans`` as :func:`navplan.features.portfolio.find_plans` finds them: a path that could not be
    searched is an error in its place, and so is a plan that cannot be read; neither stops the others.

    ``time_limit``: seconds on the clock for the levelling (0: the heuristic alone). ``clock``: the
    caller's clock (seconds, e.g. ``time.monotonic``; the core reads none of its own): given, the
    time spent reading the plans counts against the limit, and the solver gets what is left less
    :data:`COUNTY_RESERVE` of the limit. Each solve of the proposal gets ``time_limit`` again."""
    started = clock() if clock is not None else 0.0
    items = plans
    plans = [item for item in items if not isinstance(item, NavplanError)]
    offices, failed = _load(county, plans, as_of)
    calendar = _county_calendar(offices, as_of)
    problem = _problem(county, offices, calendar, {})
    solver_time = time_limit
    if time_limit > 0:
        spent = clock() - started if clock is not None else 0.0
        solver_time = max(0.0, time_limit * (1 - COUNTY_RESERVE) - spent)
    try:
        result = _solve(problem, solver_time)
    except UnschedulableJob as error:
        raise _no_place(county, offices, problem, error) from None
    levels = _offices(county, offices, calendar, problem, result)
    proposal = _propose(county, offices, calendar, levels, time_limit) if propose else Proposal()
    ordered = {o.file: o for o in levels}
    shown = []
    for plan in items:
        if isinstance(plan, NavplanError):
            shown.append(OfficeLevel(file=str(plan.file or ""), error=plan))
        elif str(plan) in failed:
            shown.append(OfficeLevel(file=str(plan), error=failed[str(plan)]))
        else:
            shown.append(ordered[str(plan)])
    return CountyLevelling(
        county=county.name, as_of=as_of, status=result.status, objective=result.objective, bound=result.bound,
        offices=tuple(shown), weeks=tuple(_weeks(county, calendar, levels)), proposal=proposal,
        resources=tuple(r.id for r in county.resources), time_limit=time_limit, jobs=problem.size)


def _load(county: CountyFile, plans: list[Path], as_of: dt.date):
    """Each office's schedule and jobs; an office that cannot be read is left out with its error."""
    from navplan.engine.planned_levelling import office_jobs
    from navplan.engine.schedule import schedule
    from navplan.plan.project import load_project

    offices: list[_Office] = []
    failed: dict[str, NavplanError] = {}
    for path in plans:
        try:
            project = load_project(path)
            county.check_office(path, project)
            result = schedule(project, as_of)
            jobs = office_jobs(result)
        except NavplanError as error:
            failed[str(path)] = error.located(path)
            continue
        except OSError as error:
            failed[str(path)] = NavplanError("error.cannot_read", file=path, reason=os_reason(error))
            continue
        except RecursionError:
            from navplan.plan.safe_yaml import MAX_DEPTH

            failed[str(path)] = NavplanError("error.yaml.nesting", file=path, depth=MAX_DEPTH)
            continue
        office = _Office(path=path, schedule=result, jobs=jobs, shift=0)
        rows = {activity.id: row for row, activity in enumerate(result.run.network.activity) if activity is not None}
        for use in county.uses(project, path):
            row = rows.get(use.activity)
            if row is not None and result.run.network.activity[row].status is not Status.DONE:
                office.uses.append((use.resource, row, use.activity))
        offices.append(office)
    return offices, failed


def _county_calendar(offices: list[_Office], as_of: dt.date):
    """The county's working days: the first office's calendar settings over every office's span."""
    from navplan.engine.working_days import WorkCalendar

    if not offices:
        return WorkCalendar(as_of, as_of + dt.timedelta(days=_AFTER_DAYS))
    first = min(o.schedule.calendar.first for o in offices)
    last = max(o.schedule.calendar.last for o in offices) + dt.timedelta(days=_AFTER_DAYS)
    model = offices[0].schedule.calendar
    calendar = WorkCalendar(first, last, fellesferie_weeks=model.fellesferie_weeks,
                            christmas_closure=model.christmas_closure, closed=model.closed)
    for office in offices:
        origin = office.jobs.origin
        office.shift = calendar.start_point(office.schedule.calendar.date_of(origin)) - origin
    return calendar


def _problem(county: CountyFile, offices: list[_Office], calendar, extra: dict[str, int],
             objective: tuple[str, ...] | None = None) -> LevellingProblem:
    """Every office's jobs in one problem, with the shared resources (``extra``: more places for some;
    ``objective``: other tiers than :func:`_objective`'s)."""
    from navplan.engine.levelling import LevellingProblem, Link, Resource

    durations: list[int] = []
    release: list[int] = []
    fixed: list[int | None] = []
    due: list[int | None] = []
    target: list[bool] = []
    weight: list[int] = []
    links: list[Link] = []
    own: list[tuple[str, list[tuple[int, int]], int]] = []  # name, (job, demand), capacity
    shared_jobs: dict[str, list[int]] = {resource.id: [] for resource in county.resources}
    per_week = {resource.id for resource in county.resources if resource.per_week}
    for office in offices:
        p = office.jobs.problem
        office.base = base = len(durations)
        office.durations = list(p.durations)
        office.ends = {}
        # the origin of the office's problem is its jobs.origin; county time = problem time + origin + shift
        offset = office.jobs.origin + office.shift - _origin(offices)
        durations += list(p.durations)
        release += [value + offset for value in p.release]
        fixed += [None if value is None else value + offset for value in p.fixed_start]
        due += [None if value is None else value + offset for value in p.due]
        target += list(p.target)
        weight += list(p.weight)
        office_links = [Link(link.pred + base, link.succ + base, link.type, link.lag) for link in p.links]
        demands = {resource.name: [(base + j, d) for j, d in enumerate(resource.demands) if d]
                   for resource in p.resources}
        week_rows = sorted({row for resource, row, _ in office.uses if resource in per_week})
        for row in week_rows:
            job, length = base + row, p.durations[row]
            if length < PLACE_DAYS:  # hold the place for the week; successors wait for its own duration
                extra_days = PLACE_DAYS - length
                durations[job] = PLACE_DAYS
                office_links = [_stretched(link, job, length, extra_days) for link in office_links]
                if due[job] is not None:
                    due[job] += extra_days
                office.ends[row] = job
            elif length > PLACE_DAYS:  # the first week holds the place, the rest follows
                rest = len(durations)
                durations[job] = PLACE_DAYS
                durations.append(length - PLACE_DAYS)
                release.append(release[job])
                fixed.append(None if fixed[job] is None else fixed[job] + PLACE_DAYS)
                due.append(due[job])
                due[job] = None
                target.append(target[job])
                target[job] = False
                weight.append(weight[job])
                office_links = [_split(link, job, rest) for link in office_links]
                office_links.append(Link(job, rest, "FS", 0))
                for pairs in demands.values():
                    demand = next((d for j, d in pairs if j == job), 0)
                    if demand:
                        pairs.append((rest, demand))
                office.ends[row] = rest
        links += office_links
        for resource in p.resources:
            own.append((f"{office.path}\0{resource.name}", demands[resource.name], resource.capacity))
        for resource_id, row, _ in office.uses:
            job = base + row
            shared_jobs[resource_id].append(job)
            if resource_id not in per_week and row in office.ends and office.ends[row] != job:
                shared_jobs[resource_id].append(office.ends[row])
    size = len(durations)
    resources = []
    origin = _origin(offices)
    for resource in county.resources:
        demands = [0] * size
        for job in shared_jobs[resource.id]:
            demands[job] = 1
        more = extra.get(resource.id, 0)
        periods = []
        for first, until, capacity in resource.capacity_changes():
            start, end = _point(calendar, first) - origin, _point(calendar, until) - origin
            if end > start:
                periods.append((start, end, capacity + (more if capacity else 0)))
        resources.append(Resource(resource.id, demands=demands, capacity=resource.capacity + more,
                                  periods=_clip(periods)))
    for name, pairs, capacity in own:
        demands = [0] * size
        for job, demand in pairs:
            demands[job] = demand
        resources.append(Resource(name, demands=demands, capacity=capacity))
    # Nothing may run past the county calendar (three years past the last office's own): a solve of
    # the first tier alone (the proposal's) left work where the calendar has no dates.
    return LevellingProblem(durations=durations, links=links, resources=resources, release=release,
                            fixed_start=fixed, due=due, target=target, weight=weight,
                            objective=objective or _objective(), horizon=len(calendar) - origin)


def _origin(offices: list[_Office]) -> int:
    """The county problem's time 0, in county points: the earliest office's."""
    return min((o.jobs.origin + o.shift for o in offices), default=0)


def _point(calendar, day: dt.date) -> int:
    """The county point a day starts, clipped to the calendar."""
    if day <= calendar.first:
        return 0
    if day > calendar.last:
        return len(calendar)
    return calendar.start_point(day)


def _clip(periods: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Periods before time 0 cut at it, empty ones dropped (the solver takes times from 0)."""
    clipped = []
    for start, end, capacity in periods:
        start = max(0, start)
        if end > start:
            clipped.append((start, end, capacity))
    return clipped


def _stretched(link, job: int, length: int, extra_days: int):
    """A link of ``job`` (lengthened by ``extra_days`` from ``length``) meaning what it meant."""
    from navplan.engine.levelling import Link

    if link.pred == job and link.type in ("FS", "FF"):  # from its own finish: its start + length
        return Link(link.pred, link.succ, "SS" if link.type == "FS" else "SF", link.lag + length)
    if link.succ == job and link.type in ("FF", "SF"):  # to its finish: later by what was added
        return Link(link.pred, link.succ, link.type, link.lag + extra_days)
    return link


def _split(link, job: int, rest: int):
    """A link of an activity split into ``job`` (its first week) and ``rest``: finishes are the rest's."""
    from navplan.engine.levelling import Link

    if link.pred == job and link.type in ("FS", "FF"):
        return Link(rest, link.succ, link.type, link.lag)
    if link.succ == job and link.type in ("FF", "SF"):
        return Link(link.pred, rest, link.type, link.lag)
    return link


def _no_place(county: CountyFile, offices: list[_Office], problem, error) -> NavplanError:
    """An activity no time can hold: a shared resource without a place whenever it could run
    (capacity 0, and no period giving more), said at the resource's capacity in the county file."""
    name = problem.resources[error.resource].name
    office = max((o for o in offices if o.base <= error.job), key=lambda o: o.base, default=None)
    activity = "?"
    if office is not None:
        row = error.job - office.base
        rows = [r for r, end in office.ends.items() if end == error.job] or [row]
        network = office.schedule.run.network
        if 0 <= rows[0] < len(network.activity) and network.activity[rows[0]] is not None:
            activity = network.activity[rows[0]].id
    where = office.schedule.project.plan.office if office is not None else ""
    index = next((i for i, r in enumerate(county.resources) if r.id == name), None)
    if index is None:  # an office's own capacity: its plan checks a load against it, so this is rare
        own = name.split("\0", 1)[-1]
        return NavplanError("error.county.level.no_place", file=office.path if office else None,
                            field=f"capacity[{own}]", hint="hint.county.level.no_place", resource=own,
                            activity=activity, office=where)
    return NavplanError("error.county.level.no_place", file=county.file,
                        line=county.document.line_of(("resources", index, "capacity")),
                        field=f"resources[{name}].capacity", hint="hint.county.level.no_place", resource=name,
                        activity=activity, office=where)


def _solve(problem: LevellingProblem, time_limit: float) -> LevellingResult:
    from navplan.engine.levelling import level

    return level(problem, time_limit=time_limit, deterministic=False, compact=True)


def _offices(county: CountyFile, offices: list[_Office], calendar, problem, result) -> list[OfficeLevel]:
    """Each office's verdict read from the levelled starts."""
    origin = _origin(offices)
    shared = {resource.id for resource in county.resources}
    levels = []
    for office in offices:
        schedule_ = office.schedule
        opening_row = office.jobs.opening
        job = office.base + opening_row
        finish = result.starts[job] + problem.durations[job]
        due = problem.due[job]
        late = 0 if due is None else max(0, finish - due)
        planned = calendar.date_of(min(len(calendar) - 1, result.starts[job] + origin))
        binding, binding_shared = None, False
        if late:
            found = result.driving_resource(job)
            if found is not None:
                name = problem.resources[found].name
                binding_shared = name in shared
                binding = name if binding_shared else name.split("\0", 1)[1]
        uses = []
        for resource_id, row, activity_id in office.uses:
            first = office.base + row
            start = result.starts[first] + origin
            length = office.durations[row]
            end = office.ends.get(row, first)
            finish = start + length if end == first else result.starts[end] + origin + problem.durations[end]
            last = calendar.date_of(max(start, finish - 1))
            uses.append(SharedUse(resource_id, activity_id, calendar.date_of(start), last))
        forecast_late = 0 if schedule_.opened else max(0, -schedule_.slack_to_opening)
        levels.append(OfficeLevel(
            file=str(office.path), office=schedule_.project.plan.office, opening=schedule_.project.plan.opening,
            planned_opening=planned if late and not schedule_.opened else schedule_.project.plan.opening,
            late_days=0 if schedule_.opened else late, forecast_late_days=forecast_late, opened=schedule_.opened,
            binding=binding, binding_shared=binding_shared, uses=tuple(uses)))
    return levels


def _weeks(county: CountyFile, calendar, levels: list[OfficeLevel]) -> list[WeekUse]:
    """Each shared resource's use per ISO week, from the first week it is used to the last."""
    found: list[WeekUse] = []
    for resource in county.resources:
        uses = [use for office in levels for use in office.uses if use.resource == resource.id]
        if not uses:
            continue
        first = week_start(min(use.start for use in uses))
        last = week_start(max(use.start if resource.per_week else use.finish for use in uses))
        monday = first
        while monday <= last:
            days = [monday + dt.timedelta(days=offset) for offset in range(7)]
            if resource.per_week:
                used = sum(1 for use in uses if week_start(use.start) == monday)
            else:
                working = list(days[:5]) or days
                used = max(sum(1 for use in uses if use.start <= day <= use.finish) for day in working)
            found.append(WeekUse(resource.id, monday, used, resource.capacity_in_week(monday)
                                 if resource.per_week else min(resource.capacity_on(day) for day in days[:5])))
            monday += dt.timedelta(days=7)
    return found


def _propose(county: CountyFile, offices: list[_Office], calendar, levels: list[OfficeLevel],
             time_limit: float) -> Proposal:
    """The capacity that lets every office held back by the county open on time, or the offices to move."""
    late = [office for office in levels if office.late_days > 0]
    move = tuple(sorted(((o.file, o.office, o.planned_opening, o.late_days) for o in late),
                        key=lambda item: (-item[3], item[0])))
    raise_ = {office.binding for office in late if office.binding_shared}
    if not raise_:
        return Proposal(move=move)
    own_late = {office.file for office in late if not office.binding_shared}
    extra: dict[str, int] = dict.fromkeys(raise_, 0)
    for _ in range(MAX_PROPOSAL_STEPS):
        for resource in extra:
            extra[resource] += 1
        # Whether every office opens is the first tier alone: the others would only cost time.
        problem = _problem(county, offices, calendar, extra, _objective()[:1])
        result = _solve(problem, time_limit)
        again = _offices(county, offices, calendar, problem, result)
        still = [o for o in again if o.late_days > 0 and o.file not in own_late]
        if not still:
            capacities = {resource.id: resource.capacity + extra[resource.id]
                          for resource in county.resources if resource.id in extra}
            return Proposal(capacities=capacities, found=True, move=move)
        for office in still:
            if office.binding_shared and office.binding not in extra:
                extra[office.binding] = 0
    return Proposal(found=False, move=move)


def with_capacity(county: CountyFile, capacities: dict[str, int]) -> CountyFile:
    """``county`` with other base capacities for some resources (a proposal tried by hand)."""
    resources = [r.model_copy(update={"capacity": capacities[r.id]}) if r.id in capacities else r
                 for r in county.county.resources]
    return replace(county, county=county.county.model_copy(update={"resources": resources}))


__all__ = ["AT_ONCE", "CountyLevelling", "OfficeLevel", "Proposal", "SharedUse", "WeekUse", "level_county",
           "with_capacity", "DEFAULT_COUNTY_TIME"]
