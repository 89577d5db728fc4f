"""Resource levelling (navplan/engine/levelling*.py), checked against what is known.

- Hand-worked cases, each counted on paper: three jobs on one person, a week
  without capacity, a lexicographic objective where a target on time beats a
  shorter makespan, a job as late as possible, fractional loads, every link
  type with lags, fixed starts, hard deadlines that cannot hold, which
  resource holds a job back.
- PSPLIB J30 instances (tests/rcpsp/, unchanged copies) solved to their known
  optimum (best known of Ghent University's solutions update, proven optimal
  for J30), each schedule validated by bench/check_rcpsp.py, a checker that
  shares no code with navplan; the heuristic alone valid too.
- No time, or too little: the heuristic's schedule, still valid.
- The same problem gives the same starts twice; ortools is imported only by
  the solver.

Every schedule here is also validated by ``valid()``, a plain check written
only here. Time limits are generous; no test asserts a time.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO
from navplan.engine.levelling import (
    FEASIBLE,
    HEURISTIC,
    INFEASIBLE,
    OPTIMAL,
    LevellingProblem,
    Link,
    Resource,
    UnschedulableJob,
    level,
    scale_to_integers,
)

sys.path.insert(0, str(REPO / "bench"))
import check_rcpsp  # the independent checker

import rcpsp  # the benchmark's reader: the problem as navplan is given it

INSTANCES = REPO / "tests" / "rcpsp"
#: The published optima (best-known.csv of /work/shared/benchmarks/rcpsp: J30 is solved to optimality).
J30_OPTIMUM = {"J30_1.txt": 43, "J30_17.txt": 47, "J30_33.txt": 47, "J30_49.txt": 49}
#: Generous: these solve in well under a second on an idle machine.
LIMIT = 60.0


def valid(problem: LevellingProblem, starts) -> list[str]:
    """What is wrong with ``starts``: links, releases, fixed starts, deadlines, capacity at every time."""
    wrong = []
    duration = problem.durations
    finish = [s + d for s, d in zip(starts, duration, strict=True)]
    fixed = problem.fixed_start or [None] * problem.size
    for link in problem.links:
        if fixed[link.succ] is not None:
            continue
        a, b = link.pred, link.succ
        holds = {"FS": starts[b] >= finish[a] + link.lag, "SS": starts[b] >= starts[a] + link.lag,
                 "FF": finish[b] >= finish[a] + link.lag, "SF": finish[b] >= starts[a] + link.lag}[link.type]
        if not holds:
            wrong.append(f"link {link}")
    for job in range(problem.size):
        if fixed[job] is not None:
            if starts[job] != fixed[job]:
                wrong.append(f"job {job} moved from its fixed start")
            continue
        if problem.release and starts[job] < problem.release[job]:
            wrong.append(f"job {job} before its release")
    for resource in problem.resources:
        for time in range(min(starts, default=0), max(finish, default=0)):
            used = sum(resource.demands[j] for j in range(problem.size) if starts[j] <= time < finish[j])
            free_of_fixed = sum(resource.demands[j] for j in range(problem.size)
                                if fixed[j] is not None and starts[j] <= time < finish[j])
            if used > max(resource.capacity_at(time), free_of_fixed):
                wrong.append(f"{resource.name} carries {used} at {time}")
    return wrong


def one_person(durations, capacity=1, periods=(), **fields) -> LevellingProblem:
    return LevellingProblem(durations=durations, resources=[
        Resource("Anna Lena Gaup", demands=[1] * len(durations), capacity=capacity, periods=periods)], **fields)


# --- hand-worked cases ---------------------------------------------------------------------------------------------

def test_three_jobs_on_one_person_run_one_after_another_shortest_first() -> None:
    # Durations 2, 3, 1 on one person: she finishes all at 6 whatever the order; the sum of
    # finishes is least shortest first: job 2 over 0–1, job 0 over 1–3, job 1 over 3–6 (1 + 3 + 6).
    problem = one_person([2, 3, 1], objective=["makespan", "sum_finishes"])
    result = level(problem, time_limit=LIMIT)
    assert result.starts == (1, 3, 0)
    assert result.objective == (6, 10)
    assert result.status == OPTIMAL
    assert not valid(problem, result.starts)


def test_a_week_without_capacity_is_left_empty() -> None:
    # Jobs of 4 and 3 days; the person is away over [5, 10). Both cannot fit before 5 (7 days of
    # work in 5), and no job may straddle the absence: the 4-day job first, the 3-day one after,
    # over 10–13. A makespan of 13, the 4-day job at 0 (at 1 it would end at 5: the sum of finishes picks 0).
    problem = one_person([4, 3], periods=[(5, 10, 0)], objective=["makespan", "sum_finishes"])
    result = level(problem, time_limit=LIMIT)
    assert result.starts == (0, 10)
    assert result.objective == (13, 17)
    heuristic = level(problem, time_limit=0)
    assert heuristic.status == HEURISTIC
    assert not valid(problem, heuristic.starts)
    assert not any(start < 10 and start + duration > 5
                   for start, duration in zip(heuristic.starts, problem.durations, strict=True))
    # Away for the first 500 days, then two short gaps too short for a 3-day job: it starts at 506.
    away = one_person([3], periods=[(0, 500, 0), (502, 504, 0), (505, 506, 0)])
    assert level(away, time_limit=0).starts == (506,)
    assert level(away, time_limit=LIMIT).starts == (506,)


def test_a_lower_capacity_in_fellesferie_holds() -> None:
    # Two people normally, one in weeks 3–4 ([10, 20)): four 5-day jobs. Two at once over 0–5
    # and 5–10, then one at a time: a makespan of 10; with every job at 10 instead the
    # week of one person would hold two.
    problem = one_person([5, 5, 5, 5], capacity=2, periods=[(10, 20, 1)], release=[0, 0, 0, 0],
                         objective=["makespan"])
    result = level(problem, time_limit=LIMIT)
    assert result.objective == (10,)
    assert sorted(result.starts) == [0, 0, 5, 5]
    late = one_person([5, 5, 5, 5], capacity=2, periods=[(10, 20, 1)], release=[10, 10, 10, 10],
                      objective=["makespan"])
    result = level(late, time_limit=LIMIT)
    assert sorted(result.starts) == [10, 15, 20, 20]  # one at a time in the lean weeks, two after
    assert not valid(late, result.starts)


def test_a_target_on_time_comes_before_a_shorter_makespan() -> None:
    # One person: the target T (2 days, due at 2) and X (5 days), which a 5-day job Y without
    # the person follows. T first: T 0–2, X 2–7, Y 7–12: on time, makespan 12. X first: X 0–5,
    # Y 5–10 and T after X: makespan 10, T late.
    durations = [2, 5, 5]
    problem = LevellingProblem(
        durations=durations, links=[Link(1, 2)], due=[2, None, None],
        resources=[Resource("Anna Lena Gaup", demands=[1, 1, 0])],
        objective=["late_targets", "target_lateness", "makespan"])
    result = level(problem, time_limit=LIMIT)
    assert result.starts == (0, 2, 7)
    assert result.objective == (0, 0, 12)
    assert result.status == OPTIMAL and result.bound == (0, 0, 12)
    makespan_first = LevellingProblem(**{**problem.__dict__, "objective": ["makespan", "late_targets"]})
    result = level(makespan_first, time_limit=LIMIT)
    assert result.objective == (10, 1)
    assert result.status == OPTIMAL
    assert result.starts[1:] == (0, 5)


def test_as_late_as_possible_pushes_a_job_to_its_latest_start() -> None:
    # A (2 days, ALAP) and B (5 days) both lead to the milestone M, without sharing anyone:
    # M at 5, A's latest start 5 - 2 = 3.
    problem = LevellingProblem(durations=[2, 5, 0], links=[Link(0, 2), Link(1, 2)], weight=[-1, 1, 0],
                               objective=["makespan", "weighted_starts"])
    assert level(problem, time_limit=LIMIT).starts == (3, 0, 5)
    assert level(problem, time_limit=0).starts == (3, 0, 5)  # the heuristic moves it too
    # Sharing one person: 7 days of work; B first and A last (5–7) beats A first (B would start at 2).
    shared = LevellingProblem(**{**problem.__dict__, "resources": [Resource("Anna", demands=[1, 1, 0])]})
    result = level(shared, time_limit=LIMIT)
    assert result.starts == (5, 0, 7)
    assert result.objective == (7, -5)
    # With nothing after it, a job as late as possible ends at the horizon: 10 - 3.
    alone = LevellingProblem(durations=[2, 3], weight=[1, -1], horizon=10, objective=["weighted_starts"])
    assert level(alone, time_limit=LIMIT).starts == (0, 7)


def test_half_loads_run_two_at_once_and_a_whole_one_alone() -> None:
    factor, (capacity, *demands) = scale_to_integers([1, 0.5, 0.5, 1])
    assert (factor, capacity, demands) == (2, 2, [1, 1, 2])
    problem = LevellingProblem(durations=[2, 2, 2], resources=[Resource("Anna", demands=demands, capacity=capacity)],
                               objective=["makespan", "sum_finishes"])
    result = level(problem, time_limit=LIMIT)
    assert result.starts == (0, 0, 2)  # both halves over 0–2, the whole one over 2–4
    with pytest.raises(ValueError):
        scale_to_integers([1, 1 / 3])


def test_every_link_type_with_its_lag() -> None:
    # A (5 days) at 0. B SS+2: starts 2. C (1 day) FF+1: finishes at 6, starts 5. D FS-2 (a lead): starts 3.
    # E (3 days) SF+4 from A: finishes at 4 or later, starts 1.
    problem = LevellingProblem(durations=[5, 1, 1, 1, 3],
                               links=[Link(0, 1, "SS", 2), Link(0, 2, "FF", 1), Link(0, 3, "FS", -2),
                                      Link(0, 4, "SF", 4)],
                               objective=["sum_finishes"])
    for limit in (LIMIT, 0):
        assert level(problem, time_limit=limit).starts == (0, 2, 5, 3, 1)


def test_a_fixed_start_stays_and_the_others_fit_around_it() -> None:
    # Job 0 is under way, fixed at 1 for 3 days (1–4); job 1 (2 days) is linked after job 2 but
    # fixed jobs ignore links into them; job 2 (2 days) must wait for the person: 0–1 is too
    # short, so it runs 4–6.
    problem = LevellingProblem(durations=[3, 2, 2], links=[Link(2, 0)], fixed_start=[1, None, None],
                               resources=[Resource("Anna", demands=[1, 0, 1])], objective=["makespan", "sum_finishes"])
    result = level(problem, time_limit=LIMIT)
    assert result.starts == (1, 0, 4)
    assert not valid(problem, result.starts)


def test_deadlines_that_cannot_hold_are_named() -> None:
    # Two 3-day jobs on one person, both to finish by 3: only one can.
    problem = one_person([3, 3], deadline=[3, 3], objective=["makespan"])
    result = level(problem, time_limit=LIMIT)
    assert result.status == INFEASIBLE
    assert len(result.deadline_misses) == 1
    assert not valid(problem, result.starts)  # the schedule itself is still one the person can carry
    assert level(one_person([3, 3], deadline=[3, 6]), time_limit=LIMIT).starts == (0, 3)


def test_the_resource_that_holds_the_opening_back_is_named() -> None:
    # Anna has two 3-day jobs, Per one of 2; all lead to the opening (a milestone). Anna's second
    # job waits for her first: the opening at 6 is hers, not Per's.
    problem = LevellingProblem(
        durations=[3, 3, 2, 0], links=[Link(0, 3), Link(1, 3), Link(2, 3)],
        resources=[Resource("Anna Lena Gaup", demands=[1, 1, 0, 0]), Resource("Per", demands=[0, 0, 1, 0])],
        due=[None, None, None, 5], objective=["late_targets", "target_lateness", "sum_finishes"])
    result = level(problem, time_limit=LIMIT)
    assert result.starts[3] == 6
    assert result.driving_resource(3) == 0
    second = max(0, 1, key=lambda job: result.starts[job])
    assert result.delays[second].days == 3 and result.delays[second].resource == 0
    assert result.delays[2].resource is None and result.driving_resource(2) is None


def test_ill_formed_problems_are_refused() -> None:
    with pytest.raises(UnschedulableJob) as raised:
        level(LevellingProblem(durations=[1, 2], resources=[Resource("Anna", demands=[1, 2])]), time_limit=0)
    assert (raised.value.job, raised.value.resource) == (1, 0)
    for problem in (LevellingProblem(durations=[1, 1], links=[Link(0, 1), Link(1, 0)]),
                    LevellingProblem(durations=[1], links=[Link(0, 1)]),
                    LevellingProblem(durations=[1], objective=["fastest"]),
                    LevellingProblem(durations=[1, 2], due=[1]),
                    one_person([1], periods=[(0, 5, 0), (4, 6, 1)])):
        with pytest.raises(ValueError):
            level(problem, time_limit=0)


def test_work_between_two_jobs_bounds_the_time_between_them() -> None:
    # A (1 day) before B and C (3 days each, one person), both before D: the links alone put D
    # 1 + 3 days after A starts; the person's 6 days of work put it 1 + 6 days after.
    from navplan.engine.levelling_cpsat import energy_bounds
    from navplan.engine.levelling_network import Network

    problem = LevellingProblem(durations=[1, 3, 3, 1], links=[Link(0, 1), Link(0, 2), Link(1, 3), Link(2, 3)],
                               resources=[Resource("Anna", demands=[0, 1, 1, 0])])
    delays, heads, tails = energy_bounds(Network(problem), [1])
    assert (0, 3, 7) in delays
    assert tails[0] == 6 and heads[3] == 6  # her work after A, and before D (A uses nobody)
    assert level(problem, time_limit=LIMIT).starts[3] == 7


def brute_force_makespan(durations, links, release, demands, capacity) -> int:
    """The least makespan, by the serial schedule of every order of the jobs that respects the links
    (every active schedule is one of them, so the best of them is optimal): written only here."""
    import itertools

    best = None
    for order in itertools.permutations(range(len(durations))):
        position = {job: index for index, job in enumerate(order)}
        if any(position[a] > position[b] for a, b in links):
            continue
        starts: dict[int, int] = {}
        for job in order:
            time = max([release[job]] + [starts[a] + durations[a] for a, b in links if b == job])
            while any(sum(demands[r][other] for other in starts if starts[other] <= t < starts[other] + durations[other])
                      + demands[r][job] > capacity[r]
                      for r in range(len(capacity)) for t in range(time, time + durations[job])):
                time += 1
            starts[job] = time
        makespan = max(starts[j] + durations[j] for j in starts)
        best = makespan if best is None else min(best, makespan)
    return best


def test_random_small_problems_reach_the_brute_force_optimum() -> None:
    import random

    generator = random.Random(19)
    for _round in range(25):
        size = generator.randint(3, 6)
        durations = [generator.randint(0, 4) for _ in range(size)]
        links = sorted({(a, b) for a in range(size) for b in range(a + 1, size) if generator.random() < 0.3})
        release = [generator.choice([0, 0, 0, 2, 5]) for _ in range(size)]
        capacity = [generator.randint(1, 3), generator.randint(2, 4)]
        demands = [[generator.randint(0, c) for _ in range(size)] for c in capacity]
        problem = LevellingProblem(durations=durations, links=[Link(a, b) for a, b in links], release=release,
                                   resources=[Resource(f"R{r}", demands=demands[r], capacity=capacity[r])
                                              for r in range(2)])
        result = level(problem, time_limit=LIMIT)
        expected = brute_force_makespan(durations, links, release, demands, capacity)
        assert result.objective == (expected,), (durations, links, release, demands, capacity)
        assert result.status == OPTIMAL and not valid(problem, result.starts)
        assert not valid(problem, level(problem, time_limit=0).starts)


# --- PSPLIB J30 ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(J30_OPTIMUM))
def test_j30_instances_are_solved_to_their_known_optimum(name: str) -> None:
    instance = rcpsp.read(INSTANCES / name)
    result = level(instance.problem(), time_limit=LIMIT)
    assert result.status == OPTIMAL
    assert result.objective == (J30_OPTIMUM[name],)
    assert check_rcpsp.problems(check_rcpsp.parse(INSTANCES / name), list(result.starts), result.objective[0]) == []
    assert result.objective <= result.heuristic_objective


def test_the_heuristic_alone_is_valid_on_j30() -> None:
    for name in sorted(J30_OPTIMUM):
        result = level(rcpsp.read(INSTANCES / name).problem(), time_limit=0)
        assert result.status == HEURISTIC
        assert check_rcpsp.problems(check_rcpsp.parse(INSTANCES / name), list(result.starts), result.objective[0]) == []
        assert result.objective[0] >= J30_OPTIMUM[name]


def test_the_checker_finds_a_broken_schedule() -> None:
    """The independent checker is not a rubber stamp: an overload and a broken link are found."""
    path = INSTANCES / "J30_1.txt"
    result = level(rcpsp.read(path).problem(), time_limit=0)
    starts = list(result.starts)
    instance = check_rcpsp.parse(path)
    first_real = 1  # job 2 of the file, a successor of the dummy start
    successor = instance["jobs"][first_real][2][0]
    starts[successor] = starts[first_real]  # before its predecessor finishes
    assert any("before job 2 finishes" in text for text in check_rcpsp.problems(instance, starts, max(
        s + job[0] for s, job in zip(starts, instance["jobs"], strict=True))))
    everything_at_once = [0] * len(starts)
    assert any("over its capacity" in text for text in check_rcpsp.problems(instance, everything_at_once, max(
        job[0] for job in instance["jobs"])))


def test_no_time_falls_back_to_the_heuristic_and_too_little_never_does_worse() -> None:
    problem = rcpsp.read(INSTANCES / "J30_49.txt").problem()
    alone = level(problem, time_limit=0)
    assert alone.status == HEURISTIC and alone.objective == alone.heuristic_objective
    assert alone.bound == (None,)
    hurried = level(problem, time_limit=1e-4)
    assert hurried.status in (HEURISTIC, FEASIBLE, OPTIMAL)
    assert hurried.objective <= hurried.heuristic_objective
    assert check_rcpsp.problems(check_rcpsp.parse(INSTANCES / "J30_49.txt"), list(hurried.starts),
                                hurried.objective[0]) == []


def test_a_schedule_with_gaps_is_shifted_left_job_by_job_in_its_order() -> None:
    # Anna (capacity 1, none at time 3: a closed day) does job 1 (3 units) over 0-3, job 0 (2) over
    # 5-7 and job 2 (1, after job 0) at 9: a valid schedule with gaps, as a solve that only counts
    # late targets may leave it. Taken in the order of those starts, each job goes to the earliest
    # time the ones before it leave: job 1 stays at 0, job 0 cannot use the closed time 3 and
    # starts at 4 (4-6), job 2 follows it at 6. No job starts later than it did.
    from navplan.engine.levelling_heuristic import left_shifted
    from navplan.engine.levelling_network import Network

    problem = one_person([2, 3, 1], periods=[(3, 4, 0)], links=[Link(0, 2)], objective=["late_targets"])
    assert not valid(problem, [5, 0, 9])
    assert left_shifted(Network(problem), [5, 0, 9]) == [4, 0, 6]
    assert not valid(problem, [4, 0, 6])


def test_the_same_problem_gives_the_same_starts() -> None:
    problem = rcpsp.read(INSTANCES / "J30_17.txt").problem()
    assert level(problem, time_limit=LIMIT).starts == level(problem, time_limit=LIMIT).starts


def test_only_the_solver_imports_ortools() -> None:
    code = ("import sys; from navplan.engine.levelling import *; "
            "print('IMPORT', 'ortools' in sys.modules, 'numpy' in sys.modules); "
            "level(LevellingProblem(durations=[1, 2], resources=[Resource('a', [1, 1])]), time_limit=0); "
            "print('HEURISTIC', 'ortools' in sys.modules)")
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "IMPORT False False" in printed and "HEURISTIC False" in printed
