"""A levelling problem compiled for the heuristic and the solver: every link as
a lower bound on one start by another, the order of the jobs, the windows the
links and dates allow, and each resource's capacity over time.

Every link of :mod:`navplan.engine.levelling` becomes ``start[succ] >=
start[pred] + offset``: FS ``duration[pred] + lag``; SS ``lag``; FF
``duration[pred] + lag - duration[succ]``; SF ``lag - duration[succ]``. Links
into a job with a fixed start are left out (a fixed start is a fact).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from navplan.engine.levelling_problem import LevellingProblem

_OFFSETS = {
    "FS": lambda lag, pred, succ: pred + lag,
    "SS": lambda lag, pred, succ: lag,
    "FF": lambda lag, pred, succ: pred + lag - succ,
    "SF": lambda lag, pred, succ: lag - succ,
}


class UnschedulableJob(ValueError):
    """A job no time can hold: it demands more of ``resource`` (an index) than the resource has
    at any time it could run (within the horizon the heuristic searches)."""

    def __init__(self, job: int, resource: int) -> None:
        super().__init__(f"job {job} demands more of resource {resource} than it ever has")
        self.job = job
        self.resource = resource


def _per_job(values: Iterable[Any] | None, size: int, name: str, default: Any = None) -> list[Any]:
    if values is None:
        return [default] * size
    found = list(values)
    if len(found) != size:
        raise ValueError(f"{name} has {len(found)} entries for {size} jobs")
    return found


def _whole(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    return value


class Network:
    """The problem's jobs and links as offsets, checked (ValueError names what is wrong).

    Attributes: ``size``; ``durations``; ``preds[j]`` and ``succs[j]``, lists of
    ``(other job, offset)``; ``order``, a topological order (by index among
    the jobs it leaves free); ``fixed[j]`` (a start or None); ``release[j]``;
    ``latest_finish[j]``, the hard bound from the job's deadline and the
    horizon (None when neither); ``demands[r][j]``; ``earliest[j]``, the
    earliest start the links and releases allow, resources aside.
    """

    def __init__(self, problem: LevellingProblem) -> None:
        from navplan.engine.levelling_problem import LINK_TYPES, OBJECTIVES

        self.problem = problem
        size = self.size = len(problem.durations)
        self.durations = [_whole(value, "a duration") for value in problem.durations]
        if any(value < 0 for value in self.durations):
            raise ValueError("a duration is negative")
        self.fixed = [None if value is None else _whole(value, "a fixed start")
                      for value in _per_job(problem.fixed_start, size, "fixed_start")]
        self.release = [_whole(value, "a release") for value in _per_job(problem.release, size, "release", 0)]
        due = _per_job(problem.due, size, "due")
        for value in due:
            if value is not None:
                _whole(value, "a due time")
        _per_job(problem.target, size, "target", False)
        for value in _per_job(problem.weight, size, "weight", 1):
            _whole(value, "a weight")
        if problem.horizon is not None:
            _whole(problem.horizon, "the horizon")
        self.latest_finish = []
        for job, value in enumerate(_per_job(problem.deadline, size, "deadline")):
            bounds = [_whole(value, "a deadline")] if value is not None else []
            if problem.horizon is not None:
                bounds.append(problem.horizon)
            self.latest_finish.append(min(bounds) if bounds and self.fixed[job] is None else None)
        for tier in problem.objective:
            if tier not in OBJECTIVES:
                raise ValueError(f"unknown objective tier {tier!r} (one of {', '.join(OBJECTIVES)})")
        if len(set(problem.objective)) != len(problem.objective):
            raise ValueError("an objective tier is given twice")

        self.preds: list[list[tuple[int, int]]] = [[] for _ in range(size)]
        self.succs: list[list[tuple[int, int]]] = [[] for _ in range(size)]
        all_succs: list[list[int]] = [[] for _ in range(size)]
        for link in problem.links:
            pred, succ = _whole(link.pred, "a link's job"), _whole(link.succ, "a link's job")
            if not (0 <= pred < size and 0 <= succ < size) or pred == succ:
                raise ValueError(f"a link from {pred} to {succ}: jobs are 0..{size - 1}, two different ones")
            if link.type not in LINK_TYPES:
                raise ValueError(f"a link of type {link.type!r} (one of {', '.join(LINK_TYPES)})")
            all_succs[pred].append(succ)
            if self.fixed[succ] is not None:
                continue
            offset = _OFFSETS[link.type](_whole(link.lag, "a lag"), self.durations[pred], self.durations[succ])
            self.preds[succ].append((pred, offset))
            self.succs[pred].append((succ, offset))
        self.order = _topological_order(all_succs)

        self.demands: list[list[int]] = []
        for index, resource in enumerate(problem.resources):
            demands = [_whole(value, "a demand")
                       for value in _per_job(resource.demands, size, f"resource {index}'s demands")]
            if any(value < 0 for value in demands):
                raise ValueError(f"resource {index} has a negative demand")
            if _whole(resource.capacity, "a capacity") < 0:
                raise ValueError(f"resource {index} has a negative capacity")
            periods = sorted((_whole(a, "a period's start"), _whole(b, "a period's end"), _whole(c, "a capacity"))
                             for a, b, c in resource.periods)
            for (start, until, capacity), following in zip_longest(periods, periods[1:]):
                if until <= start or capacity < 0:
                    raise ValueError(f"resource {index} has a period {start}..{until} of capacity {capacity}")
                if following is not None and following[0] < until:
                    raise ValueError(f"resource {index} has overlapping periods")
            self.demands.append(demands)
        self.periods = [sorted(tuple(period) for period in resource.periods) for resource in problem.resources]
        self.base_capacity = [resource.capacity for resource in problem.resources]

        self.earliest = [0] * size
        for job in self.order:
            fixed = self.fixed[job]
            if fixed is not None:
                self.earliest[job] = fixed
                continue
            self.earliest[job] = max([self.release[job]] + [self.earliest[p] + o for p, o in self.preds[job]])

    # --- time span ---------------------------------------------------------------------------------------------

    def first_time(self) -> int:
        """No job starts before it: the earliest release, fixed start or 0."""
        return min([0] + [self.earliest[job] for job in range(self.size)])

    def safe_horizon(self) -> int:
        """A time by which some schedule finishes every job, whatever the resources (as long as every
        job fits the base capacities): the jobs one after another, in topological order, after every
        period, release and fixed job is over, each waiting out the largest lag into it."""
        settled = max([0] + [until for periods in self.periods for _start, until, _c in periods]
                      + self.release + [start + self.durations[job] for job, start in enumerate(self.fixed)
                                        if start is not None])
        waits = sum(max([0] + [offset - self.durations[pred] for pred, offset in self.preds[job]])
                    for job in range(self.size))
        # an FF or SF link can ask a successor to finish late (offset up to its duration): covered by
        # waiting out max(0, offset - duration[pred]) ≤ the lag, and the job's own duration after it
        return settled + sum(self.durations) + waits + 1

    def latest_starts(self, end: int) -> list[int]:
        """The latest start of each job the links, the hard latest finishes and ``end`` (a finish
        bound for every job) allow, resources aside (a fixed job: its start)."""
        latest = [0] * self.size
        for job in reversed(self.order):
            fixed, latest_finish = self.fixed[job], self.latest_finish[job]
            if fixed is not None:
                latest[job] = fixed
                continue
            bound = end if latest_finish is None else min(end, latest_finish)
            latest[job] = min([bound - self.durations[job]] + [latest[s] - o for s, o in self.succs[job]])
        return latest

    def misses_deadline(self, job: int, start: int) -> bool:
        bound = self.latest_finish[job]
        return bound is not None and start + self.durations[job] > bound

    # --- capacity over time ------------------------------------------------------------------------------------

    def capacity_profile(self, resource: int, first: int, end: int) -> list[int]:
        """The resource's capacity at each time of ``[first, end)``."""
        profile = [self.base_capacity[resource]] * (end - first)
        for start, until, capacity in self.periods[resource]:
            for time in range(max(start, first), min(until, end)):
                profile[time - first] = capacity
        return profile

    def residual_profile(self, resource: int, first: int, end: int) -> list[int]:
        """What the jobs that are not fixed may use of the resource at each time of ``[first, end)``: its
        capacity less what the fixed jobs use, never below 0."""
        profile = self.capacity_profile(resource, first, end)
        demands = self.demands[resource]
        for job, start in enumerate(self.fixed):
            if start is None or not demands[job]:
                continue
            for time in range(max(start, first), min(start + self.durations[job], end)):
                profile[time - first] = max(0, profile[time - first] - demands[job])
        return profile

    def uses_resources(self, job: int) -> bool:
        return self.durations[job] > 0 and any(demands[job] for demands in self.demands)


def _topological_order(succs: list[list[int]]) -> list[int]:
    """Kahn's order, the lowest free index first; ValueError naming a circle's jobs."""
    size = len(succs)
    indegree = [0] * size
    for followers in succs:
        for succ in followers:
            indegree[succ] += 1
    free = [job for job in range(size) if indegree[job] == 0]
    heapq.heapify(free)
    order = []
    while free:
        job = heapq.heappop(free)
        order.append(job)
        for succ in succs[job]:
            indegree[succ] -= 1
            if indegree[succ] == 0:
                heapq.heappush(free, succ)
    if len(order) < size:
        left = sorted(job for job in range(size) if indegree[job] > 0)
        raise ValueError(f"the links form a circle through jobs {left[:10]}")
    return order
