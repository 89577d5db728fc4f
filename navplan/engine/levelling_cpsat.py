"""The levelling problem as an OR-Tools CP-SAT model, solved tier by tier.

The model: a start variable per job, its domain the window its links, release,
deadline and horizon allow (:class:`navplan.engine.levelling_network.Network`);
a fixed-size interval per job that uses a resource; every link as one linear
inequality; per resource one cumulative constraint at the resource's highest
capacity, with fixed intervals that take up the difference where the capacity
is lower (periods, and what fixed jobs use). Redundant, for the search: per
resource, the jobs (and blocked periods) of which no two fit at once form a
no-overlap constraint (the largest such set, by demand); the makespan's lower
bounds (critical path; a resource's work divided by its capacity); and the
work that must fit between two jobs, after one or before one
(:func:`energy_bounds`). When the makespan is the first tier, the search is
told to try the job that can start first at its earliest start first ("set
times").

The objective's tiers are solved one after another: each minimised with the
tiers before it held at their values (``tier <= value``), each solve hinted with
the best schedule so far (the heuristic's first). The time limit is shared: a
tier gets what is left divided by the tiers still to solve, so a tier proven
quickly leaves its time to the next. Within a tier, CP-SAT's whole portfolio
runs first for :data:`SEARCH_SHARE` of the tier's time (its tree search proves
small problems optimal); what it leaves unproven gets large-neighbourhood search
on every worker for the rest. When the first tier is the makespan and the
heuristic misses no deadline, the heuristic's makespan bounds every finish (no
better schedule ends later), which shrinks every domain.

This module imports ortools; only the levelling path imports this module.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from navplan.engine.levelling_network import Network


@dataclass(frozen=True)
class Outcome:
    """``starts`` (None when the solver found no schedule), the status (see
    :mod:`navplan.engine.levelling`), per tier the proven bound, and the
    solver's wall time."""

    starts: tuple[int, ...] | None
    status: str
    bound: tuple[int | None, ...]
    seconds: float


def solve(network: Network, hint: Sequence[int], *, time_limit: float, workers: int, seed: int,
          deterministic: bool = False, compact: bool = False, log: Callable[[str], None] | None = None) -> Outcome:
    """Solve ``network``'s problem tier by tier from the schedule ``hint`` (see the module and
    :func:`navplan.engine.levelling.level` for the parameters)."""
    from navplan.engine import levelling_problem as api

    problem, size, durations = network.problem, network.size, network.durations
    tiers = list(problem.objective)
    no_bounds = (None,) * len(tiers)
    hint_finish = max([s + d for s, d in zip(hint, durations, strict=True)] + [0])
    hint_valid = not any(network.misses_deadline(job, hint[job]) for job in range(size))
    end = problem.horizon if problem.horizon is not None else network.safe_horizon()
    if tiers and tiers[0] == api.MAKESPAN and hint_valid:
        end = min(end, hint_finish)  # no schedule better by the first tier ends later
    earliest, latest = network.earliest, network.latest_starts(end)
    if any(network.fixed[j] is None and earliest[j] > latest[j] for j in range(size)):
        return Outcome(None, api.INFEASIBLE, no_bounds, 0.0)

    model = cp_model.CpModel()
    starts: list[int | cp_model.IntVar] = [
        fixed if (fixed := network.fixed[j]) is not None else model.new_int_var(earliest[j], latest[j], f"s{j}")
        for j in range(size)]
    intervals = {j: model.new_fixed_size_interval_var(starts[j], durations[j], f"i{j}")
                 for j in range(size) if network.fixed[j] is None and network.uses_resources(j)}
    for job in range(size):
        for pred, offset in network.preds[job]:
            if network.fixed[pred] is None or network.fixed[job] is None:
                model.add(starts[job] >= starts[pred] + offset)

    finish_low = max([earliest[j] + durations[j] for j in range(size)] + [0])
    finish_high = max([latest[j] + durations[j] for j in range(size)] + [finish_low])
    capacities = []
    for r, demands in enumerate(network.demands):
        added = _add_resource(model, network, r, demands, intervals, earliest, latest)
        if added is None:
            return Outcome(None, api.INFEASIBLE, no_bounds, 0.0)
        finish_low = max(finish_low, added[0])
        capacities.append(added[1])
    makespan = model.new_int_var(finish_low, max(finish_low, finish_high), "makespan")
    delays, heads, tails = energy_bounds(network, capacities)
    for job in range(size):
        if network.fixed[job] is None:
            model.add(makespan >= starts[job] + durations[job] + tails[job])
            if heads[job] > earliest[job]:
                model.add(starts[job] >= heads[job])
    for before, after, delay in delays:
        model.add(starts[after] >= starts[before] + delay)

    due = problem.due or [None] * size
    targets = problem.targets()
    late: list[tuple[int, cp_model.IntVar]] = []
    lateness: list[tuple[int, cp_model.IntVar]] = []
    late_constant, lateness_constant = 0, 0
    for job in targets:
        due_time = due[job]
        assert due_time is not None  # a target has a due time (LevellingProblem.targets)
        if (fixed_start := network.fixed[job]) is not None:
            over = fixed_start + durations[job] - due_time
            late_constant += over > 0
            lateness_constant += max(0, over)
            continue
        if latest[job] + durations[job] <= due_time:
            continue
        flag = model.new_bool_var(f"late{job}")
        model.add(starts[job] + durations[job] <= due_time).only_enforce_if(~flag)
        late.append((job, flag))
        amount = model.new_int_var(0, latest[job] + durations[job] - due_time, f"lateness{job}")
        model.add(amount >= starts[job] + durations[job] - due_time)
        lateness.append((job, amount))
    weights = problem.weight if problem.weight is not None else [1] * size
    movable = [j for j in range(size) if network.fixed[j] is None]
    expressions = {
        api.LATE_TARGETS: (cp_model.LinearExpr.sum([flag for _, flag in late]), late_constant, bool(late)),
        api.TARGET_LATENESS: (cp_model.LinearExpr.sum([amount for _, amount in lateness]), lateness_constant,
                              bool(lateness)),
        api.MAKESPAN: (makespan, 0, True),
        api.SUM_FINISHES: (cp_model.LinearExpr.sum([starts[j] for j in movable]),
                           sum(durations) + sum(start for start in network.fixed if start is not None),
                           bool(movable)),
        api.WEIGHTED_STARTS: (cp_model.LinearExpr.weighted_sum([starts[j] for j in movable],
                                                               [weights[j] for j in movable]),
                              sum(weights[j] * start for j in range(size) if (start := network.fixed[j]) is not None),
                              any(weights[j] for j in movable)),
    }

    if tiers and tiers[0] == api.MAKESPAN:
        # set times: the job that can start first, at its earliest (for the worker that follows it)
        # (the movable jobs' variables in job order: a fixed job's start is an int)
        model.add_decision_strategy([start for start in starts if not isinstance(start, int)],
                                    cp_model.CHOOSE_LOWEST_MIN, cp_model.SELECT_MIN_VALUE)
    solver = cp_model.CpSolver()
    parameters = solver.parameters
    parameters.num_workers = workers
    parameters.random_seed = seed
    if deterministic:
        parameters.interleave_search = True
    if log is not None:
        parameters.log_search_progress = True
        parameters.log_to_stdout = False
        solver.log_callback = log

    current = [int(value) for value in hint]
    bounds: list[int | None] = [None] * len(tiers)
    found, proven, seconds, remaining = False, True, 0.0, float(time_limit)
    for index, tier in enumerate(tiers):
        expression, constant, variable = expressions[tier]
        if not variable:
            bounds[index] = api.objective_values(problem, current)[index]
            continue
        budget = remaining / sum(1 for t in tiers[index:] if expressions[t][2])
        if budget <= 0:
            proven = False
            break
        model.minimize(expression)
        solved, tier_bound = None, None
        # First the whole portfolio (its tree search proves small problems optimal); for what it
        # leaves unproven, large-neighbourhood search on every worker from the best schedule so far.
        for phase in (1, 2):
            limit = budget * SEARCH_SHARE if phase == 1 else budget
            if limit <= 0:
                break
            parameters.use_lns_only = phase == 2 and solved is not None
            if deterministic:
                parameters.max_deterministic_time = limit
            else:
                parameters.max_time_in_seconds = limit
            model.clear_hints()  # type: ignore[no-untyped-call]  # ortools 9.15 leaves clear_hints unannotated
            _hint(model, network, starts, current, makespan, late, lateness, due)
            status = solver.solve(model)
            seconds += solver.wall_time
            spent = solver.deterministic_time if deterministic else solver.wall_time
            remaining, budget = remaining - spent, budget - spent
            if status == cp_model.INFEASIBLE and not found:
                return Outcome(None, api.INFEASIBLE, no_bounds, seconds)
            if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                continue  # nothing in this phase's time
            found, solved = True, status
            candidate = [fixed_start if (fixed_start := network.fixed[j]) is not None else int(solver.value(starts[j]))
                         for j in range(size)]
            if compact:
                candidate = _compacted(network, candidate)
            if phase == 1 or (api.objective_values(problem, candidate)[index]
                              <= api.objective_values(problem, current)[index]):
                current = candidate
            bound = int(math.ceil(solver.best_objective_bound - 1e-6)) + constant
            tier_bound = bound if tier_bound is None else max(tier_bound, bound)
            if status == cp_model.OPTIMAL or tier_bound >= api.objective_values(problem, current)[index]:
                solved = cp_model.OPTIMAL
                break
        if solved is None:
            proven = False
            break  # no time: the tiers left keep the schedule so far
        bounds[index] = tier_bound
        proven = proven and solved == cp_model.OPTIMAL
        model.add(expression <= api.objective_values(problem, current)[index] - constant)
    if not found:
        return Outcome(None, api.HEURISTIC, no_bounds, seconds)
    return Outcome(tuple(current), api.OPTIMAL if proven else api.FEASIBLE, tuple(bounds), seconds)


#: The share of a tier's time the whole portfolio gets before large-neighbourhood search takes
#: every worker: the tree search proves small problems optimal within it, and on large ones the
#: neighbourhoods find better schedules faster (J120's hard instances: 147 against 155 on one).
SEARCH_SHARE = 0.4


def _add_resource(model: cp_model.CpModel, network: Network, r: int, demands: Sequence[int],
                  intervals: dict[int, cp_model.IntervalVar], earliest: Sequence[int], latest: Sequence[int]
                  ) -> tuple[int, int] | None:
    """The cumulative constraint of resource ``r`` and its redundant no-overlap; returns a lower
    bound on the makespan from its work and the capacity the cumulative has (the most there is at
    any time, for the jobs not fixed), or None when a job can never have what it needs."""
    jobs = [j for j in intervals if demands[j] > 0]
    if not jobs:
        return 0, 0
    first = min(earliest[j] for j in jobs)
    end = max(latest[j] + network.durations[j] for j in jobs)
    profile = network.residual_profile(r, first, end)
    capacity = max(profile)
    if any(demands[j] > capacity for j in jobs):
        return None
    items = [(intervals[j], demands[j]) for j in jobs]
    time = 0
    while time < len(profile):
        if profile[time] == capacity:
            time += 1
            continue
        until = time
        while until < len(profile) and profile[until] == profile[time]:
            until += 1
        gap = capacity - profile[time]
        items.append((model.new_fixed_size_interval_var(first + time, until - time, f"blocked{r}_{time}"), gap))
        time = until
    model.add_cumulative([item for item, _ in items], [amount for _, amount in items], capacity)
    # The largest set of which no two fit at once: by demand, down to where the two smallest still clash.
    clashing = sorted(items, key=lambda item: -item[1])
    count = 1
    while count < len(clashing) and clashing[count - 1][1] + clashing[count][1] > capacity:
        count += 1
    if count >= 2:
        model.add_no_overlap([item for item, _ in clashing[:count]])
    # nothing runs before `first`, and from then on at most `capacity` at a time
    return first + math.ceil(sum(demands[j] * network.durations[j] for j in jobs) / capacity), capacity


def energy_bounds(network: Network, capacities: list[int]) -> tuple[list[tuple[int, int, int]], list[int], list[int]]:
    """Bounds from work that must fit between jobs, for the solver to reason with (redundant: every
    schedule keeps them).

    When every job of a set B must start after job j finishes (through finish-to-start links and
    others that say as much) and finish before job k starts, B's work on a resource takes at least
    ``ceil(work / capacity)`` between them: ``start[k] >= start[j] + duration[j] + that``. Returned
    where it says more than the links alone (the longest path from j to k), as ``(j, k, delay)``;
    likewise each job's ``heads`` (the earliest its predecessors' work lets it start) and ``tails``
    (the time its successors' work needs after it finishes: the makespan is at least its finish plus
    that). Computed per connected part of the network (projects of a portfolio apart), skipped for a
    part over :data:`ENERGY_PART_LIMIT` jobs."""
    size, durations = network.size, network.durations
    heads, tails, delays = list(network.earliest), [0] * size, []
    strict = [[(s, o) for s, o in network.succs[j] if o >= durations[j]] if network.fixed[j] is None else []
              for j in range(size)]
    work = np.array([[durations[j] * demands[j] for j in range(size)] for demands in network.demands],
                    dtype=np.float64).reshape(len(capacities), size)
    usable = [r for r, capacity in enumerate(capacities) if capacity > 0]
    for part in _parts(strict):
        if len(part) < 2 or len(part) > ENERGY_PART_LIMIT:
            continue
        where = {job: index for index, job in enumerate(part)}
        m = len(part)
        after = np.zeros((m, m), dtype=np.float64)  # after[a, b]: b starts after a finishes
        distance = np.full((m, m), -np.inf)  # the links' longest path from a's start to b's start
        np.fill_diagonal(distance, 0.0)
        ordered = [j for j in network.order if j in where]
        for job in reversed(ordered):
            a = where[job]
            for succ, _offset in strict[job]:
                c = where[succ]
                after[a] = np.maximum(after[a], after[c])
                after[a, c] = 1.0
        # longest paths, column by column in topological order
        incoming: dict[int, list[tuple[int, int]]] = {where[j]: [] for j in part}
        for job in part:
            for succ, offset in strict[job]:
                incoming[where[succ]].append((where[job], offset))
        for job in ordered:
            c = where[job]
            for a, offset in incoming[c]:
                distance[:, c] = np.maximum(distance[:, c], distance[:, a] + offset)
        earliest = np.array([network.earliest[j] for j in part], dtype=np.float64)
        need_between = np.zeros((m, m))
        for r in usable:
            w = work[r, part]
            if not w.any():
                continue
            capacity = capacities[r]
            between = np.ceil((after * w) @ after / capacity - 1e-9)
            need_between = np.maximum(need_between, between)
            tail = np.ceil(after @ w / capacity - 1e-9)
            head_work = np.ceil(after.T @ w / capacity - 1e-9)
            for index, job in enumerate(part):
                tails[job] = max(tails[job], int(tail[index]))
                if head_work[index] > 0:
                    first = earliest[after[:, index] > 0].min()
                    heads[job] = max(heads[job], int(first + head_work[index]))
        own = np.array([durations[j] for j in part], dtype=np.float64)[:, None]
        better = (after > 0) & (own + need_between > distance)
        for a, c in zip(*np.nonzero(better), strict=True):
            delays.append((part[a], part[c], int(own[a, 0] + need_between[a, c])))
    return delays, heads, tails


#: The largest connected part of a network whose energy bounds are computed (m² memory, m³ work).
ENERGY_PART_LIMIT = 700


def _parts(strict: list[list[tuple[int, int]]]) -> list[list[int]]:
    """The weakly connected parts of the graph ``strict``, each sorted."""
    parent = list(range(len(strict)))

    def root(job: int) -> int:
        while parent[job] != job:
            parent[job] = parent[parent[job]]
            job = parent[job]
        return job

    for job, followers in enumerate(strict):
        for succ, _offset in followers:
            parent[root(job)] = root(succ)
    groups: dict[int, list[int]] = {}
    for job in range(len(strict)):
        groups.setdefault(root(job), []).append(job)
    return list(groups.values())


def _compacted(network: Network, starts: list[int]) -> list[int]:
    """``starts`` shifted left (:func:`navplan.engine.levelling_heuristic.left_shifted`) when that
    misses no deadline and is better by the objective, else ``starts``. A tier solved alone leaves
    the later tiers' jobs wherever the search put them (a county's late offices far past their
    opening once the count of late ones is proven); shifted, the next tier starts from a schedule
    as good as the heuristic's on them."""
    from navplan.engine.levelling_heuristic import left_shifted
    from navplan.engine.levelling_problem import objective_values

    shifted = left_shifted(network, starts)
    if any(network.misses_deadline(job, shifted[job]) for job in range(network.size)):
        return starts
    problem = network.problem
    return shifted if objective_values(problem, shifted) < objective_values(problem, starts) else starts


def _hint(model: cp_model.CpModel, network: Network, starts: Sequence[int | cp_model.IntVar], current: Sequence[int],
          makespan: cp_model.IntVar, late: Sequence[tuple[int, cp_model.IntVar]],
          lateness: Sequence[tuple[int, cp_model.IntVar]], due: Sequence[int | None]) -> None:
    """Hint the schedule ``current``, leaving out values outside their variable's domain (a
    heuristic schedule that misses a deadline)."""
    durations = network.durations
    for job, variable in enumerate(starts):
        if not isinstance(variable, int) and _inside(variable, current[job]):  # a fixed job's start is an int
            model.add_hint(variable, current[job])
    finish = max([current[j] + durations[j] for j in range(network.size)] + [0])
    if _inside(makespan, finish):
        model.add_hint(makespan, finish)
    for job, flag in late:
        due_time = due[job]
        assert due_time is not None  # a late target has a due time
        model.add_hint(flag, current[job] + durations[job] > due_time)
    for job, amount in lateness:
        due_time = due[job]
        assert due_time is not None  # a late target has a due time
        if _inside(amount, max(0, current[job] + durations[job] - due_time)):
            model.add_hint(amount, max(0, current[job] + durations[job] - due_time))


def _inside(variable: cp_model.IntVar, value: int) -> bool:
    domain = variable.proto.domain
    return any(domain[i] <= value <= domain[i + 1] for i in range(0, len(domain), 2))
