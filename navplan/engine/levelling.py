"""Resource levelling: when each job should run so that no resource carries more
than its capacity, chosen by a lexicographic objective.

The problem is given on plain arrays, in whole time units (navplan's working
days), with no plan objects: the integration maps activities to job indices
0..n-1 and people, roles and a county's shared teams to :class:`Resource`\\ s.

Semantics, exactly:

* **A job** ``j`` runs over ``[start, start + durations[j])``; its finish is
  ``start + durations[j]``. A duration of 0 is a milestone: it uses no capacity.
* **A link** ``Link(pred, succ, type, lag)`` holds when
  ``FS``: ``start[succ] >= finish[pred] + lag``; ``SS``: ``start[succ] >= start[pred] + lag``;
  ``FF``: ``finish[succ] >= finish[pred] + lag``; ``SF``: ``finish[succ] >= start[pred] + lag``.
  Lags may be negative (a lead): every link is a lower bound on the
  successor's start. The links must not form a circle.
* **release** (default 0): the earliest start of each job. **fixed_start**: a
  job whose start is given is a fact (done or started work): it is never
  moved, links into it are not enforced, its release and deadline are not
  checked; links out of it are. It uses its capacity where it is, and the
  other jobs fit into what it leaves (so a fixed job that overloads a person
  makes nobody else infeasible).
* **due** (soft): a job that finishes after its due time is late by
  ``finish - due``. **target** marks the jobs whose lateness counts (default:
  every job with a due time): an office's opening, each office's opening in a
  county. **deadline** (hard): the job finishes by it. **horizon** (hard,
  optional): every job finishes by it.
* **A resource** has a base ``capacity`` and optional ``periods``
  ``(from, until, capacity)``: half-open ``[from, until)`` with another
  capacity (lower in fellesferie, 0 on leave), not overlapping. Outside the
  periods the base capacity holds, for ever. At every time unit the jobs
  running use at most the capacity: the sum of their ``demands`` (fixed jobs
  count where they are; when they alone use more, the others get none of the
  resource then, and the excess is not an error). Demands and capacities are whole numbers; a fractional load (an
  activity at 0.5 of a person) is expressed by scaling the resource's
  capacities and demands by one factor: :func:`scale_to_integers`.
* **The objective** is an ordered list of tiers (:data:`OBJECTIVES`), each
  minimised with the ones before it held at their best values:
  ``late_targets`` the number of targets that finish after their due time;
  ``target_lateness`` their total lateness; ``makespan`` the latest finish of
  any job; ``sum_finishes`` the sum of every job's finish; ``weighted_starts``
  the sum of ``weight[j] * start[j]`` (default weight 1: a positive weight
  pulls a job early, as soon as possible; a negative one pushes it as late as
  its successors, deadlines, the horizon and the earlier tiers allow, as late as
  possible). Without a horizon, a job as late as possible with nothing after
  it that binds goes as far as :meth:`Network.safe_horizon` (a time by which
  any order of the jobs would be done): give a horizon, or let it lead to a
  target, as every activity leads to the opening. The heuristic pushes such
  jobs only within its own schedule's makespan.

:func:`level` solves it with OR-Tools CP-SAT (one interval per job, a
cumulative per resource, the tiers by successive solves, each fixing the one
before), started from a serial schedule-generation heuristic
(:mod:`navplan.engine.levelling_heuristic`), which is also the answer when the
solver finds nothing in its time. ortools is imported only when the solver
runs (its import alone takes about a second).

>>> problem = LevellingProblem(
...     durations=[3, 2, 1, 0],
...     links=[Link(0, 3), Link(1, 3), Link(2, 3)],
...     resources=[Resource("Anna Lena Gaup", demands=[1, 1, 1, 0], capacity=1)],
...     due=[None, None, None, 5], objective=["late_targets", "target_lateness", "sum_finishes"])
>>> alone = level(problem, time_limit=0)  # the heuristic alone: Anna takes them in turn
>>> alone.starts, alone.objective, alone.status
((0, 3, 5, 6), (1, 1, 20), 'heuristic')
>>> solved = level(problem)  # the milestone is late by 1 whatever she does; shortest first
>>> solved.starts, solved.objective, solved.status
((3, 1, 0, 6), (1, 1, 16), 'optimal')
>>> problem.resources[solved.driving_resource(3)].name  # what holds the milestone back
'Anna Lena Gaup'
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from navplan.engine.levelling_network import Network, UnschedulableJob  # noqa: F401 (part of the API)
from navplan.engine.levelling_problem import (  # noqa: F401 (part of the API, defined apart for the solvers)
    FEASIBLE,
    HEURISTIC,
    INFEASIBLE,
    LATE_TARGETS,
    LINK_TYPES,
    MAKESPAN,
    OBJECTIVES,
    OPTIMAL,
    SUM_FINISHES,
    TARGET_LATENESS,
    WEIGHTED_STARTS,
    Delay,
    LevellingProblem,
    Link,
    Resource,
    objective_values,
)

#: The solver's defaults: two workers (the development machine has two cores,
#: and CP-SAT's portfolio needs at least two to run its large-neighbourhood
#: search beside the tree search), a fixed seed, and deterministic: the workers
#: run interleaved in fixed batches and the time limit counts the solver's
#: deterministic time (a measure of work done, roughly seconds on an idle
#: machine), so the same problem gives the same starts on every run, machine and
#: load (a plan's dates must not change when nothing in the plan did). With
#: ``deterministic=False`` the workers race and the limit is the clock: faster
#: to good schedules (the benchmark runs so), but which of several equally good
#: schedules comes back, and what an interrupted solve reaches, can change
#: from run to run; a tier proven optimal has the same value either way.
DEFAULT_WORKERS = 2
DEFAULT_SEED = 2007
DEFAULT_TIME_LIMIT = 10.0


@dataclass(frozen=True)
class LevellingResult:
    """A schedule and what is known of it.

    ``starts``: each job's start. ``status``: :data:`OPTIMAL`,
    :data:`FEASIBLE`, :data:`HEURISTIC` or :data:`INFEASIBLE`.
    ``objective``: each tier's value, in the problem's order (computed from
    ``starts`` by :func:`objective_values`). ``bound``: per tier, the solver's
    proven lower bound (equal to the value when proven optimal; None where the
    solver did not get to the tier); a tier's bound holds given the tiers
    before it at their values, so only the first tier's is unconditional.
    ``heuristic_objective`` and ``heuristic_rule``: the heuristic's best
    schedule, for comparison. ``deadline_misses``: the jobs that finish after
    their deadline or the horizon (only ever with status heuristic or
    infeasible). ``solver_seconds``: the solver's own wall time (for reports;
    never compare it in a test)."""

    problem: LevellingProblem = field(repr=False)
    starts: tuple[int, ...]
    status: str
    objective: tuple[int, ...]
    bound: tuple[int | None, ...]
    heuristic_objective: tuple[int, ...]
    heuristic_rule: str
    deadline_misses: tuple[int, ...] = ()
    solver_seconds: float = 0.0

    @property
    def finishes(self) -> tuple[int, ...]:
        return tuple(start + duration for start, duration in zip(self.starts, self.problem.durations, strict=True))

    @functools.cached_property
    def delays(self) -> tuple[Delay, ...]:
        """Each job's :class:`Delay` (computed on first use: it scans the schedule's time span)."""
        from navplan.engine import levelling_heuristic

        return tuple(levelling_heuristic.delays(self.network, self.starts))

    @functools.cached_property
    def network(self) -> Network:
        """The problem's network, built once (a county's 3,864 jobs take a quarter of a second, and
        :meth:`driving_resource` is asked once per late office)."""
        return Network(self.problem)

    def driving_resource(self, job: int) -> int | None:
        """The resource that holds ``job`` back, directly or through its predecessors.

        The job's own :attr:`Delay` resource when it has one; else, when the job
        starts at its earliest, the driving resource of the predecessor whose link
        sets that earliest start (of several, the first that has one): for an
        opening milestone, the person whose full weeks delayed the work before it.
        None when nothing before the job was held back by a resource."""
        network = self.network
        delays = self.delays

        @functools.cache
        def driving(job: int) -> int | None:
            delay = delays[job]
            if delay.resource is not None:
                return delay.resource
            if delay.days:
                return None  # placed later by choice, not held back
            for pred, offset in network.preds[job]:
                if self.starts[pred] + offset == self.starts[job]:
                    found = driving(pred)
                    if found is not None:
                        return found
            return None

        for before in network.order:  # the predecessors first: no deep recursion on long chains
            driving(before)
            if before == job:
                break
        return driving(job)


def level(problem: LevellingProblem, *, time_limit: float = DEFAULT_TIME_LIMIT, workers: int = DEFAULT_WORKERS,
          seed: int = DEFAULT_SEED, deterministic: bool = True, compact: bool = False,
          log: Callable[[str], None] | None = None) -> LevellingResult:
    """The levelled schedule of ``problem``.

    The heuristic runs first (several priority rules, each improved by
    forward-backward justification; the best by the objective). Then CP-SAT,
    started from it, for at most ``time_limit`` seconds in all (the tiers
    share it: each gets what is left divided by the tiers still to solve), on
    ``workers`` threads with ``seed``. ``time_limit=0`` is the heuristic alone
    (ortools is not imported). The answer is never worse than the heuristic's
    by the objective: when the solver finds nothing better in its time the
    heuristic's schedule is returned. ``deterministic`` (the default): the
    same starts on every run, ``time_limit`` counted in the solver's
    deterministic seconds (see :data:`DEFAULT_WORKERS`); False: the clock's
    seconds, workers racing. ``log``, when given, receives the solver's search
    log line by line (for the benchmark). ``compact``: every schedule the solver returns is also
    shifted left (each job as early as the jobs before it allow, in the order of its starts) and
    the shifted one kept when it is better by the objective: a tier solved alone leaves the later
    tiers' jobs wherever the search put them, and the next tier then starts from far behind (the
    county levels so).

    Raises ValueError for an ill-formed problem (lengths, indices, a circle of
    links, an unknown tier) and :class:`UnschedulableJob` for a job that no
    time can hold (it demands more than its resource ever has).
    """
    from navplan.engine import levelling_heuristic  # numpy: only on the levelling path

    network = Network(problem)
    heuristic = levelling_heuristic.best_schedule(network)
    heuristic_values = objective_values(problem, heuristic.starts)
    bound: tuple[int | None, ...] = (None,) * len(problem.objective)
    starts, status, seconds = heuristic.starts, HEURISTIC, 0.0
    if time_limit > 0:
        from navplan.engine import levelling_cpsat

        outcome = levelling_cpsat.solve(network, heuristic.starts, time_limit=time_limit, workers=workers,
                                        seed=seed, deterministic=deterministic, compact=compact,
                                        log=log)
        seconds = outcome.seconds
        heuristic_misses = any(network.misses_deadline(job, heuristic.starts[job]) for job in range(problem.size))
        if outcome.status == INFEASIBLE:
            status = INFEASIBLE
        elif outcome.starts is not None and (
                heuristic_misses or objective_values(problem, outcome.starts) <= heuristic_values):
            starts, status, bound = outcome.starts, outcome.status, outcome.bound
        elif outcome.starts is not None:
            # the heuristic's schedule is better: the first tier's bound still holds for it
            bound = outcome.bound[:1] + (None,) * (len(bound) - 1)
    misses = tuple(job for job in range(problem.size) if network.misses_deadline(job, starts[job]))
    return LevellingResult(problem=problem, starts=tuple(starts), status=status,
                           objective=objective_values(problem, starts), bound=bound,
                           heuristic_objective=heuristic_values, heuristic_rule=heuristic.rule,
                           deadline_misses=misses, solver_seconds=seconds)


def scale_to_integers(values: Sequence[float | int], *, largest_factor: int = 1000) -> tuple[int, list[int]]:
    """The smallest factor that makes every value whole, and the values times it.

    For a resource with fractional loads: scale its capacity, its periods'
    capacities and every job's demand on it by the same factor (one call with
    all of them). A load of 0.5 on a person with capacity 1 becomes 1 of 2:
    two half-time activities fit at once, a whole one and a half do not.
    Values are read as decimals (0.1 is a tenth); ValueError when the factor
    would exceed ``largest_factor`` (0.333… is not a load a plan can mean).

    >>> scale_to_integers([1, 0.5, 1, 0.25])
    (4, [4, 2, 4, 1])
    >>> scale_to_integers([2, 1])
    (1, [2, 1])
    """
    fractions = [Fraction(str(value)) if isinstance(value, float) else Fraction(value) for value in values]
    factor = 1
    for value in fractions:
        factor = factor * value.denominator // _gcd(factor, value.denominator)
        if factor > largest_factor:
            raise ValueError(f"no factor up to {largest_factor} makes {float(value)} whole")
    return factor, [int(value * factor) for value in fractions]


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a
