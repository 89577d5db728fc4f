"""The levelling problem as an OR-Tools CP-SAT model, solved tier by tier.

The model: a start variable per job, its domain the window its links, release,
deadline and horizon allow (:class:`navplan.engine.levelling_network.Network`);
a fixed-size interval per job that uses a resource; every link as one linear
inequality; per resource one cumulative constraint at the resource's highest
capacity, with fixed intervals that take up the difference where the capacity
is lower (periods, and what fixed jobs use). Redundant, for the search: per
resource, the jobs (and blocked periods) of which no two fit at once form a
no-overlap constraint (the largest such set, by demand), and the makespan's
lower bounds (critical path; a resource's work divided by its capacity). When
the makespan is the first tier, the search is told to try the job that can
start first at its earliest start first ("set times").

The objective's tiers are solved one after another: each minimised with the
tiers before it held at their values (``tier <= value``), each solve hinted with
the best schedule so far (the heuristic's first). The time limit is shared: a
tier gets what is left divided by the tiers still to solve, so a tier proven
quickly leaves its time to the next. When the first tier is the makespan and
the heuristic misses no deadline, the heuristic's makespan bounds every finish
(no better schedule ends later), which shrinks every domain.

This module imports ortools; only the levelling path imports this module.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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


def solve(network: Network, hint, *, time_limit: float, workers: int, seed: int, deterministic: bool = False,
          log=None) -> Outcome:
    from navplan.engine import levelling as api

    problem, size, durations = network.problem, network.size, network.durations
    tiers = list(problem.objective)
    no_bounds = (None,) * len(tiers)
    hint_finish = max([s + d for s, d in zip(hint, durations)] + [0])
    hint_valid = not any(network.misses_deadline(job, hint[job]) for job in range(size))
    end = hint_finish if tiers and tiers[0] == api.MAKESPAN and hint_valid else network.safe_horizon()
    if problem.horizon is not None:
        end = min(end, problem.horizon)
    earliest, latest = network.earliest, network.latest_starts(end)
    if any(network.fixed[j] is None and earliest[j] > latest[j] for j in range(size)):
        return Outcome(None, api.INFEASIBLE, no_bounds, 0.0)

    model = cp_model.CpModel()
    starts = [network.fixed[j] if network.fixed[j] is not None else model.new_int_var(earliest[j], latest[j], f"s{j}")
              for j in range(size)]
    intervals = {j: model.new_fixed_size_interval_var(starts[j], durations[j], f"i{j}")
                 for j in range(size) if network.fixed[j] is None and network.uses_resources(j)}
    for job in range(size):
        for pred, offset in network.preds[job]:
            if network.fixed[pred] is None or network.fixed[job] is None:
                model.add(starts[job] >= starts[pred] + offset)

    finish_low = max([earliest[j] + durations[j] for j in range(size)] + [0])
    finish_high = max([latest[j] + durations[j] for j in range(size)] + [finish_low])
    for r, demands in enumerate(network.demands):
        low = _add_resource(model, network, r, demands, intervals, earliest, latest)
        if low is None:
            return Outcome(None, api.INFEASIBLE, no_bounds, 0.0)
        finish_low = max(finish_low, low)
    makespan = model.new_int_var(finish_low, max(finish_low, finish_high), "makespan")
    for job in range(size):
        if network.fixed[job] is None:
            model.add(makespan >= starts[job] + durations[job])

    due = problem.due or [None] * size
    targets = problem.targets()
    late, lateness, late_constant, lateness_constant = [], [], 0, 0
    for job in targets:
        if network.fixed[job] is not None:
            over = network.fixed[job] + durations[job] - due[job]
            late_constant += over > 0
            lateness_constant += max(0, over)
            continue
        if latest[job] + durations[job] <= due[job]:
            continue
        flag = model.new_bool_var(f"late{job}")
        model.add(starts[job] + durations[job] <= due[job]).only_enforce_if(~flag)
        late.append((job, flag))
        amount = model.new_int_var(0, latest[job] + durations[job] - due[job], f"lateness{job}")
        model.add(amount >= starts[job] + durations[job] - due[job])
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
                              sum(weights[j] * network.fixed[j] for j in range(size) if network.fixed[j] is not None),
                              any(weights[j] for j in movable)),
    }

    if tiers and tiers[0] == api.MAKESPAN:
        # set times: the job that can start first, at its earliest (for the worker that follows it)
        model.add_decision_strategy([starts[j] for j in movable], cp_model.CHOOSE_LOWEST_MIN,
                                    cp_model.SELECT_MIN_VALUE)
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
    found, proven, bounds, seconds, remaining = False, True, [None] * len(tiers), 0.0, float(time_limit)
    for index, tier in enumerate(tiers):
        expression, constant, variable = expressions[tier]
        if not variable:
            bounds[index] = api.objective_values(problem, current)[index]
            continue
        budget = remaining / sum(1 for t in tiers[index:] if expressions[t][2])
        if budget <= 0:
            proven = False
            break
        if deterministic:
            parameters.max_deterministic_time = budget
        else:
            parameters.max_time_in_seconds = budget
        model.clear_hints()
        _hint(model, network, starts, current, makespan, late, lateness, due)
        model.minimize(expression)
        status = solver.solve(model)
        seconds += solver.wall_time
        remaining -= solver.deterministic_time if deterministic else solver.wall_time
        if status == cp_model.INFEASIBLE and not found:
            return Outcome(None, api.INFEASIBLE, no_bounds, seconds)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            proven = False
            break  # no time: the tiers left keep the schedule so far
        found = True
        current = [int(solver.value(starts[j])) if network.fixed[j] is None else network.fixed[j]
                   for j in range(size)]
        value = int(round(solver.objective_value))
        bounds[index] = int(math.ceil(solver.best_objective_bound - 1e-6)) + constant
        proven = proven and status == cp_model.OPTIMAL
        model.add(expression <= value)
    if not found:
        return Outcome(None, api.HEURISTIC, no_bounds, seconds)
    return Outcome(tuple(current), api.OPTIMAL if proven else api.FEASIBLE, tuple(bounds), seconds)


def _add_resource(model, network: Network, r: int, demands, intervals, earliest, latest) -> int | None:
    """The cumulative constraint of resource ``r`` and its redundant no-overlap; returns a lower
    bound on the makespan from its work, or None when a job can never have what it needs."""
    jobs = [j for j in intervals if demands[j] > 0]
    if not jobs:
        return 0
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
    if capacity == 0:
        return 0
    # nothing runs before `first`, and from then on at most `capacity` at a time
    return first + math.ceil(sum(demands[j] * network.durations[j] for j in jobs) / capacity)


def _hint(model, network: Network, starts, current, makespan, late, lateness, due) -> None:
    """Hint the schedule ``current``, leaving out values outside their variable's domain (a
    heuristic schedule that misses a deadline)."""
    durations = network.durations
    for job, variable in enumerate(starts):
        if network.fixed[job] is None and _inside(variable, current[job]):
            model.add_hint(variable, current[job])
    finish = max(current[j] + durations[j] for j in range(network.size))
    if _inside(makespan, finish):
        model.add_hint(makespan, finish)
    for job, flag in late:
        model.add_hint(flag, current[job] + durations[job] > due[job])
    for job, amount in lateness:
        if _inside(amount, max(0, current[job] + durations[job] - due[job])):
            model.add_hint(amount, max(0, current[job] + durations[job] - due[job]))


def _inside(variable, value: int) -> bool:
    domain = variable.proto.domain
    return any(domain[i] <= value <= domain[i + 1] for i in range(0, len(domain), 2))
