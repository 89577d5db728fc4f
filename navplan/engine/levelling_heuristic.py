"""The levelling heuristic: a serial schedule-generation scheme with priority
rules, improved by forward-backward justification; and, for any schedule, why
each job starts where it does.

**Serial schedule generation** (Kelley 1963; Kolisch 1996): take the jobs one
at a time, always the eligible one (every predecessor placed) that comes first
by the priority rule, and start it at the earliest time its release and its
placed predecessors allow at which every resource it uses has room for its
whole duration. Jobs with a fixed start are placed first, where they are.

**Priority rules** (lowest first, ties by index): ``lft`` latest finish and
``lst`` latest start, from a backward pass over the links from the
critical-path length, the hard latest finishes and the due times; ``mslk``
least slack (latest start less earliest start); ``grpw`` greatest rank
positional weight (own duration plus the immediate successors'); ``mts`` most
total successors.

**Double justification** (Valls, Ballestín & Quintanilla 2005): every job
in turn, latest finish first, moved as late as its successors, resources and
the schedule's makespan allow; then, earliest start first, as early as its
predecessors and resources allow. Each move is to a place that is free with
every other job where it is, so the schedule stays valid and the makespan
never grows; it usually shrinks. Jobs with a negative weight (as late as
possible) are finally moved as late as their successors allow, within the
makespan and their own due time.

Every rule's schedule, with and without justification, is scored by the
problem's objective (a schedule that misses no deadline first), and the best
is kept. numpy holds the resource profiles (one row per resource, one column
per time unit).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from navplan.engine.levelling_network import Network, UnschedulableJob

if TYPE_CHECKING:
    from collections.abc import Sequence

    from navplan.engine.levelling_problem import Delay

RULES = ("lft", "lst", "mslk", "grpw", "mts")
Priority = tuple[int, ...]  # a rule's key for a job, the job last
#: Justification rounds per rule, at most: each stops early once the makespan stays.
JUSTIFICATION_ROUNDS = 4


@dataclass(frozen=True)
class HeuristicSchedule:
    starts: tuple[int, ...]
    rule: str  # the rule, with "+fbi" when justified


class Profile:
    """What is free of each resource at each time of ``[first, end)``, for the jobs that are not fixed."""

    def __init__(self, network: Network, first: int, end: int) -> None:
        self.network = network
        self.first, self.end = first, end
        rows = [network.residual_profile(r, first, end) for r in range(len(network.demands))]
        self.free = np.array(rows, dtype=np.int64).reshape(len(rows), end - first)
        self.needs = []
        for job in range(network.size):
            used = [r for r, demands in enumerate(network.demands) if demands[job] > 0]
            self.needs.append((np.array(used, dtype=np.intp),
                               np.array([network.demands[r][job] for r in used], dtype=np.int64)[:, None]))

    def fits(self, job: int) -> bool:
        return self.network.durations[job] > 0 and self.needs[job][0].size > 0

    def take(self, job: int, start: int, sign: int = 1) -> None:
        if self.fits(job):
            rows, amounts = self.needs[job]
            at = start - self.first
            self.free[rows, at:at + self.network.durations[job]] -= sign * amounts

    def room(self, job: int, start: int, end: int) -> np.ndarray:
        """For each time of ``[start, end)``, whether every resource the job uses has room for it."""
        rows, amounts = self.needs[job]
        fits: np.ndarray = np.all(self.free[rows, start - self.first:end - self.first] >= amounts, axis=0)
        return fits

    def earliest(self, job: int, time: int) -> int:
        """The first start from ``time`` on where the job fits."""
        if not self.fits(job):
            return time
        duration = self.network.durations[job]
        start, span = time, max(64, 4 * duration)
        while True:  # look a stretch ahead first, then twice as far: most jobs fit soon
            stop = min(self.end, start + span)
            found = _first_window(self.room(job, start, stop), duration)
            if found is not None:
                return start + found
            if stop == self.end:
                raise UnschedulableJob(job, self._short_of(job, time))
            start, span = stop - duration + 1, span * 2

    def latest(self, job: int, floor: int, ceiling: int) -> int:
        """The last start in ``[floor, ceiling]`` where the job fits (``floor`` must fit)."""
        if not self.fits(job):
            return ceiling
        duration = self.network.durations[job]
        ok = self.room(job, floor, min(ceiling + duration, self.end))
        found = _last_window(ok, duration)
        return floor if found is None else floor + found

    def _short_of(self, job: int, time: int) -> int:
        rows, amounts = self.needs[job]
        for row, amount in zip(rows, amounts[:, 0], strict=True):
            if self.free[row, time - self.first:].max(initial=0) < amount:
                return int(row)
        return int(rows[0])


def _first_window(ok: np.ndarray, length: int) -> int | None:
    """The first index where ``length`` Trues in a row begin."""
    bad = np.flatnonzero(~ok)
    edges = np.concatenate(([-1], bad, [ok.size]))
    hits = np.flatnonzero(np.diff(edges) - 1 >= length)
    return None if hits.size == 0 else int(edges[hits[0]] + 1)


def _last_window(ok: np.ndarray, length: int) -> int | None:
    """The last index where ``length`` Trues in a row begin."""
    bad = np.flatnonzero(~ok)
    edges = np.concatenate(([-1], bad, [ok.size]))
    hits = np.flatnonzero(np.diff(edges) - 1 >= length)
    return None if hits.size == 0 else int(edges[hits[-1] + 1] - length)


def _span(network: Network) -> tuple[int, int]:
    first = network.first_time()
    longest = max([0] + network.durations)
    return first, network.safe_horizon() + longest + 1


def priorities(network: Network) -> dict[str, list[Priority]]:
    """Each rule's key per job (lower first)."""
    end = max([network.earliest[j] + network.durations[j] for j in range(network.size)] + [0])
    due = network.problem.due or [None] * network.size
    latest = [0] * network.size
    for job in reversed(network.order):
        bounds = [end] + [bound for bound in (network.latest_finish[job], due[job]) if bound is not None]
        finish = min(bounds + [latest[s] - o + network.durations[job] for s, o in network.succs[job]])
        latest[job] = finish - network.durations[job]
    successors = [0] * network.size  # bit sets of the transitive successors
    for job in reversed(network.order):
        for succ, _offset in network.succs[job]:
            successors[job] |= successors[succ] | (1 << succ)
    return {
        "lft": [(latest[j] + network.durations[j], j) for j in range(network.size)],
        "lst": [(latest[j], j) for j in range(network.size)],
        "mslk": [(latest[j] - network.earliest[j], j) for j in range(network.size)],
        "grpw": [(-(network.durations[j] + sum(network.durations[s] for s, _ in network.succs[j])), j)
                 for j in range(network.size)],
        "mts": [(-successors[j].bit_count(), j) for j in range(network.size)],
    }


def serial_schedule(network: Network, key: list[Priority], profile: Profile | None = None) -> list[int]:
    """The serial schedule-generation scheme with priority ``key`` (see the module)."""
    if profile is None:
        profile = Profile(network, *_span(network))
    starts: list[int | None] = list(network.fixed)
    waiting = [len(network.preds[job]) for job in range(network.size)]
    eligible = [key[job] for job in range(network.size) if network.fixed[job] is None and waiting[job] == 0]
    heapq.heapify(eligible)
    for job, start in enumerate(network.fixed):
        if start is not None:
            _release(network, job, waiting, eligible, key)
    while eligible:
        job = heapq.heappop(eligible)[-1]
        # An eligible job's predecessors are all placed.
        time = max([network.release[job]]
                   + [start + o for p, o in network.preds[job] if (start := starts[p]) is not None])
        starts[job] = placed = profile.earliest(job, time)
        profile.take(job, placed)
        _release(network, job, waiting, eligible, key)
    schedule = [start for start in starts if start is not None]
    assert len(schedule) == len(starts)  # every job is placed: the links form no circle
    return schedule


def left_shifted(network: Network, starts: Sequence[int]) -> list[int]:
    """The schedule ``starts`` shifted left: the serial scheme with the jobs taken in the order of
    their starts (ties by the network's order), each at the earliest time its release, its links
    and the jobs placed before it allow. When every link keeps a successor after its predecessor's
    start, no job starts later than in ``starts`` (what a job overlapped at its old start it
    overlapped before); otherwise the caller compares the two. A solve that counts only the
    late targets leaves the rest wherever it found them; this puts them back as early as they go."""
    position = {job: index for index, job in enumerate(network.order)}
    key: list[Priority] = [(int(starts[job]), position[job], job) for job in range(network.size)]
    return serial_schedule(network, key)


def _release(network: Network, job: int, waiting: list[int], eligible: list[Priority], key: list[Priority]) -> None:
    for succ, _offset in network.succs[job]:
        waiting[succ] -= 1
        if waiting[succ] == 0:
            heapq.heappush(eligible, key[succ])


def justify(network: Network, starts: list[int], profile: Profile) -> list[int]:
    """One round of double justification (see the module); ``profile`` holds ``starts`` and is updated."""
    starts = list(starts)
    durations, movable = network.durations, [j for j in network.order if network.fixed[j] is None]
    position = {job: index for index, job in enumerate(network.order)}
    makespan = max([s + d for s, d in zip(starts, durations, strict=True)] + [0])
    for job in sorted(movable, key=lambda j: (-(starts[j] + durations[j]), -position[j])):
        ceiling = _ceiling(network, job, starts, makespan)
        _move(profile, job, starts, max(starts[job], ceiling), later=True)
    for job in sorted(movable, key=lambda j: (starts[j], position[j])):
        floor = max([network.release[job]] + [starts[p] + o for p, o in network.preds[job]])
        _move(profile, job, starts, min(starts[job], floor), later=False)
    return starts


def _ceiling(network: Network, job: int, starts: list[int], finish: int) -> int:
    latest = network.latest_finish[job]
    bound = finish if latest is None else min(finish, latest)
    return min([bound - network.durations[job]] + [starts[s] - o for s, o in network.succs[job]])


def _move(profile: Profile, job: int, starts: list[int], limit: int, *, later: bool) -> None:
    """Move ``job`` as far as ``limit`` (later or earlier) as the resources allow."""
    current = starts[job]
    if limit == current:
        return
    profile.take(job, current, -1)
    starts[job] = profile.latest(job, current, limit) if later else profile.earliest(job, limit)
    profile.take(job, starts[job])


def as_late_as_possible(network: Network, starts: list[int], profile: Profile) -> list[int]:
    """Jobs with a negative weight moved as late as their successors, the resources, the makespan and
    their due time (if they are on time) allow; then the others as early as they can go again."""
    weights = network.problem.weight
    if weights is None or not any(w < 0 for w in weights):
        return starts
    starts = list(starts)
    durations, due = network.durations, network.problem.due or [None] * network.size
    position = {job: index for index, job in enumerate(network.order)}
    makespan = max([s + d for s, d in zip(starts, durations, strict=True)] + [0])
    late = [j for j in network.order if network.fixed[j] is None and weights[j] < 0]
    for job in sorted(late, key=lambda j: (-(starts[j] + durations[j]), -position[j])):
        due_time = due[job]
        finish = makespan if due_time is None else min(makespan, max(due_time, starts[job] + durations[job]))
        _move(profile, job, starts, max(starts[job], _ceiling(network, job, starts, finish)), later=True)
    early = [j for j in network.order if network.fixed[j] is None and weights[j] >= 0]
    for job in sorted(early, key=lambda j: (starts[j], position[j])):
        floor = max([network.release[job]] + [starts[p] + o for p, o in network.preds[job]])
        _move(profile, job, starts, min(starts[job], floor), later=False)
    return starts


def best_schedule(network: Network) -> HeuristicSchedule:
    """The best of every rule's schedule, plain and justified, by (deadlines missed, the objective)."""
    from navplan.engine.levelling_problem import objective_values

    def score(starts: list[int]) -> tuple[int, tuple[int, ...]]:
        misses = sum(1 for job in range(network.size) if network.misses_deadline(job, starts[job]))
        return (misses, objective_values(network.problem, starts))

    best: tuple[tuple[int, tuple[int, ...]], tuple[int, ...], str] | None = None
    span = _span(network)
    for rule, key in priorities(network).items():
        profile = Profile(network, *span)
        starts = serial_schedule(network, key, profile)
        candidates = [(as_late_as_possible(network, starts, _copy(profile)), rule)]
        makespan = max([s + d for s, d in zip(starts, network.durations, strict=True)] + [0])
        for _round in range(JUSTIFICATION_ROUNDS):
            starts = justify(network, starts, profile)
            candidates.append((as_late_as_possible(network, starts, _copy(profile)), f"{rule}+fbi"))
            shorter = max([s + d for s, d in zip(starts, network.durations, strict=True)] + [0])
            if shorter >= makespan:
                break
            makespan = shorter
        for starts, name in candidates:
            scored = (score(starts), tuple(starts), name)
            if best is None or scored[0] < best[0]:
                best = scored
    if best is None:  # no jobs
        return HeuristicSchedule((), RULES[0])
    return HeuristicSchedule(best[1], best[2])


def _copy(profile: Profile) -> Profile:
    copied = Profile.__new__(Profile)
    copied.__dict__.update(profile.__dict__)
    copied.free = profile.free.copy()
    return copied


def delays(network: Network, starts: Sequence[int]) -> list[Delay]:
    """Each job's :class:`navplan.engine.levelling.Delay` in the schedule ``starts``."""
    from navplan.engine.levelling_problem import Delay

    durations = network.durations
    first = min([network.first_time()] + list(starts))
    end = max([network.safe_horizon()] + [s + d for s, d in zip(starts, durations, strict=True)]) + 1
    profile = Profile(network, first, end)
    for job, start in enumerate(starts):
        if network.fixed[job] is None:
            profile.take(job, start)
    found = []
    for job, start in enumerate(starts):
        if network.fixed[job] is not None:
            found.append(Delay(earliest=start, days=0, resource=None))
            continue
        earliest = max([network.release[job]] + [starts[p] + o for p, o in network.preds[job]])
        days = start - earliest
        resource = None
        if days > 0 and profile.fits(job):
            profile.take(job, start, -1)
            rows, amounts = profile.needs[job]
            duration = durations[job]
            window = profile.free[rows, earliest - first:start - first + duration - 1]
            lowest = np.lib.stride_tricks.sliding_window_view(window, duration, axis=1).min(axis=2)
            blocked = (lowest < amounts).sum(axis=1)  # per resource: how many start times it blocks
            if blocked.max() > 0:
                resource = int(rows[int(np.argmax(blocked))])
            profile.take(job, start)
        found.append(Delay(earliest=earliest, days=days, resource=resource))
    return found
