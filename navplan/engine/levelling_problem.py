"""The levelling problem and what is read from a schedule of it: the objective's tiers, the links'
types, a result's statuses, :class:`Link`, :class:`Resource`, :class:`LevellingProblem`, :class:`Delay`
and :func:`objective_values`. :mod:`navplan.engine.levelling` (the public API, which re-exports all of
them) describes each; the network, the heuristic and the CP-SAT model import them from here, so that
none of them imports the module that runs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: The tiers an objective is made of, in any order (see the module's docstring).
LATE_TARGETS = "late_targets"
TARGET_LATENESS = "target_lateness"
MAKESPAN = "makespan"
SUM_FINISHES = "sum_finishes"
WEIGHTED_STARTS = "weighted_starts"
OBJECTIVES = (LATE_TARGETS, TARGET_LATENESS, MAKESPAN, SUM_FINISHES, WEIGHTED_STARTS)
LINK_TYPES = ("FS", "SS", "FF", "SF")

#: What a result's status says: every tier proven optimal; a solution of the
#: solver without that proof (``bound`` says how far it may be); the solver
#: found nothing in its time (or was not asked), so the heuristic's schedule;
#: the solver proved the hard constraints (deadlines, horizon) cannot all hold,
#: so the heuristic's schedule, which misses some (``deadline_misses``).
OPTIMAL, FEASIBLE, HEURISTIC, INFEASIBLE = "optimal", "feasible", "heuristic", "infeasible"


@dataclass(frozen=True)
class Link:
    """``succ`` follows ``pred``: ``type`` FS, SS, FF or SF with ``lag`` time units (see the module)."""

    pred: int
    succ: int
    type: str = "FS"
    lag: int = 0


@dataclass(frozen=True)
class Resource:
    """A renewable resource: ``demands[j]`` of it for job ``j`` while ``j`` runs; ``capacity``
    at every time, except in ``periods`` ``(from, until, capacity)`` (half-open, not overlapping)."""

    name: str
    demands: Sequence[int]
    capacity: int = 1
    periods: Sequence[tuple[int, int, int]] = ()

    def capacity_at(self, time: int) -> int:
        """The capacity at ``time``.

        >>> Resource("it-utrulling", [], capacity=2, periods=[(26, 29, 0)]).capacity_at(27)
        0
        """
        for start, until, capacity in self.periods:
            if start <= time < until:
                return capacity
        return self.capacity


@dataclass(frozen=True)
class LevellingProblem:
    """Jobs, links, resources and the objective (see the module's docstring for each field's meaning).

    Per-job sequences have one entry per job (``None`` where a job has none);
    ``None`` for the whole field means none for every job."""

    durations: Sequence[int]
    links: Sequence[Link] = ()
    resources: Sequence[Resource] = ()
    release: Sequence[int] | None = None
    fixed_start: Sequence[int | None] | None = None
    due: Sequence[int | None] | None = None
    deadline: Sequence[int | None] | None = None
    target: Sequence[bool] | None = None
    weight: Sequence[int] | None = None
    objective: Sequence[str] = (MAKESPAN,)
    horizon: int | None = None

    @property
    def size(self) -> int:
        return len(self.durations)

    def targets(self) -> list[int]:
        """The jobs whose lateness counts: ``target`` where given, else every job with a due time."""
        due = self.due or [None] * self.size
        chosen = self.target if self.target is not None else [value is not None for value in due]
        return [job for job in range(self.size) if chosen[job] and due[job] is not None]


@dataclass(frozen=True)
class Delay:
    """Why a job starts where it does, read from the schedule.

    ``earliest``: the earliest start its release and its predecessors (as
    scheduled) allow; ``days``: how much later it starts; ``resource``: the
    index of the resource that was full for the most of the start times in
    ``[earliest, start)`` (that would have been overloaded had the job started
    then; the lowest index on a tie), or None when no resource was (the job
    was not pushed, or was placed later by choice: as late as possible, or for
    a tier's sake)."""

    earliest: int
    days: int
    resource: int | None


def objective_values(problem: LevellingProblem, starts: Sequence[int]) -> tuple[int, ...]:
    """Each tier of ``problem.objective`` for the schedule ``starts``.

    >>> p = LevellingProblem(durations=[2, 3], due=[1, 10], weight=[1, -1], objective=[
    ...     "late_targets", "target_lateness", "makespan", "sum_finishes", "weighted_starts"])
    >>> objective_values(p, [1, 4])
    (1, 2, 7, 10, -3)
    """
    finishes = [start + duration for start, duration in zip(starts, problem.durations, strict=True)]
    due = problem.due or [None] * problem.size
    # targets() holds only jobs with a due time
    target_due = [(job, due_time) for job in problem.targets() if (due_time := due[job]) is not None]
    weights = problem.weight if problem.weight is not None else [1] * problem.size
    values = {
        LATE_TARGETS: lambda: sum(1 for job, due_time in target_due if finishes[job] > due_time),
        TARGET_LATENESS: lambda: sum(max(0, finishes[job] - due_time) for job, due_time in target_due),
        MAKESPAN: lambda: max(finishes, default=0),
        SUM_FINISHES: lambda: sum(finishes),
        WEIGHTED_STARTS: lambda: sum(weight * start for weight, start in zip(weights, starts, strict=True)),
    }
    return tuple(values[tier]() for tier in problem.objective)
