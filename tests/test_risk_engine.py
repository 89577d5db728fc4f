"""The Monte Carlo of `navplan risk`, checked against what is known.

- Analytic cases: a chain of triangular tasks (its mean and variance are
  sums), two parallel branches (P(max ≤ t) = F1(t)·F2(t)).
- A plan without ranges gives P = 1 or 0 exactly as `critical-path` says.
- Every sample is a plan the deterministic engine can schedule: for a few
  samples of random networks (months, holidays, summaries, every link type)
  and of the examples (done and started work, fixed and not-after dates), the
  real engine at that sample's durations gives the same dates.
- An independent plain-Python Monte Carlo, written only here, agrees within
  statistical tolerance on small random plans.
- Seeded runs are reproducible.

Durations are drawn from the continuous triangular distribution and rounded
to whole working days, so the exact distribution of one duration K is
P(K = k) = F(k + ½) − F(k − ½), F the triangular distribution function.
Tolerances are 4.5 standard errors: with fixed seeds the tests are
deterministic, and a real error of that size would fail them.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import random
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import EXAMPLES, REPO
from cpm_builders import milestone, project, summary, task
from navplan.engine.risk_simulation import simulate, triangular, uniforms
from navplan.engine.schedule import schedule
from navplan.features.schedule_risk import analyse_risk
from navplan.plan.project import load_project
from navplan.plan.values import Duration, Status

AS_OF = dt.date(2030, 1, 7)  # a Monday; every synthetic plan is sampled as of it
FAR = dt.date(2033, 1, 3)  # an opening far enough away for any sample
TOLERANCE = 4.5


def cdf(x: float, low: float, likely: float, high: float) -> float:
    """The triangular distribution function, written out from its definition."""
    if x <= low:
        return 0.0
    if x >= high:
        return 1.0
    if x <= likely:
        return (x - low) ** 2 / ((high - low) * (likely - low))
    return 1 - (high - x) ** 2 / ((high - low) * (high - likely))


def rounded_pmf(low: int, likely: int, high: int) -> dict[int, float]:
    """P(K = k) for a triangular duration rounded to whole days."""
    return {k: cdf(k + 0.5, low, likely, high) - cdf(k - 0.5, low, likely, high) for k in range(low, high + 1)}


def spread_task(id: str, low: int, likely: int, high: int, after=()) -> dict:
    return task(id, f"{likely}d", after, spread=(f"{low}d", f"{high}d"))


def offsets(simulation) -> np.ndarray:
    """Working days from the first day of work (the as-of day here) to the earliest opening."""
    return simulation.opening_forecast.astype(np.int64) - simulation.as_of_point


# --- Analytic cases ---------------------------------------------------------------------------------------------

CHAIN = [(2, 5, 11), (1, 1, 6), (3, 8, 9), (0, 4, 4), (5, 10, 20), (2, 3, 13)]


def test_a_chain_of_triangular_tasks_has_the_sum_of_their_means_and_variances() -> None:
    activities = [spread_task(f"T{i}", *triple, after=[f"T{i - 1}"] if i else ()) for i, triple in enumerate(CHAIN)]
    samples = 20_000
    result = offsets(simulate(project(activities, FAR), AS_OF, samples, seed=11))
    mean = variance = 0.0
    for low, likely, high in CHAIN:
        pmf = rounded_pmf(low, likely, high)
        m = sum(k * p for k, p in pmf.items())
        mean += m
        variance += sum((k - m) ** 2 * p for k, p in pmf.items())
        # The rounded duration keeps about the triangle's mean, (a + b + c) / 3, and its variance,
        # (a² + b² + c² - ab - ac - bc) / 18, plus about Sheppard's 1/12 for rounding to whole days
        # (not exactly: rounding at the ends of the range, where the density need not vanish, shifts both).
        assert m == pytest.approx((low + likely + high) / 3, abs=0.05)
        exact = (low ** 2 + likely ** 2 + high ** 2 - low * likely - low * high - likely * high) / 18
        assert sum((k - m) ** 2 * p for k, p in pmf.items()) == pytest.approx(exact + 1 / 12, abs=0.1)
    assert abs(result.mean() - mean) < TOLERANCE * math.sqrt(variance / samples)
    # The sample variance of a near-normal sum has a relative standard error of sqrt(2 / n), 1 % here.
    assert result.var(ddof=1) == pytest.approx(variance, rel=TOLERANCE * math.sqrt(2 / samples))


def test_two_parallel_branches_finish_by_t_with_the_product_of_their_probabilities() -> None:
    a, b = (2, 6, 15), (4, 7, 10)
    samples = 20_000
    result = offsets(simulate(project([spread_task("A", *a), spread_task("B", *b)], FAR), AS_OF, samples, seed=5))
    for t in range(4, 16):
        # P(round(X) <= t) = F(t + ½)
        expected = cdf(t + 0.5, *a) * cdf(t + 0.5, *b)
        error = TOLERANCE * math.sqrt(max(expected * (1 - expected), 1e-4) / samples)
        assert abs(np.mean(result <= t) - expected) < error, t


def test_triangular_inverse_matches_the_distribution_function() -> None:
    u = np.linspace(0, 1, 101)
    x = triangular(u, 2.0, 6.0, 15.0)
    assert [cdf(value, 2.0, 6.0, 15.0) for value in x] == pytest.approx(list(u), abs=1e-12)


# --- No ranges: exactly what critical-path says -----------------------------------------------------------------

@pytest.mark.parametrize("example,as_of", [("indre-ostfold", dt.date(2018, 12, 10)),
                                           ("lillehammer-gausdal", dt.date(2016, 11, 4)),
                                           ("nytt-kontor", dt.date(2027, 1, 4))])
def test_a_plan_without_ranges_holds_with_probability_one_or_zero_as_critical_path_says(example, as_of) -> None:
    plan = load_project(EXAMPLES / example)
    for activity in plan.activities.values():
        activity.duration_range = None
        activity.probability = None  # the notice period that happens or not (3.1.4) is uncertain too
    deterministic = schedule(plan, as_of)
    analysis = analyse_risk(deterministic, 200, 1)
    assert analysis.probability_holds == (1.0 if deterministic.opening_holds else 0.0)
    assert {f.slack for f in analysis.forecasts} == {deterministic.slack_to_opening}
    missed = {(m.id, m.kind) for m in deterministic.missed}
    for date in analysis.dates:
        assert date.probability == (0.0 if (date.id, date.kind) in missed else 1.0)
    assert {a.criticality for a in analysis.activities} <= {0.0, 1.0}
    assert all(a.correlation is None for a in analysis.activities)


def test_without_ranges_the_critical_chains_are_critical_in_every_sample() -> None:
    # A(5d) -> B(3d) and C(4d), both to the opening: A and B drive it (8 days against 4); C never does.
    plain = project([task("A", "5d"), task("B", "3d", ["A"]), task("C", "4d")], FAR)
    analysis = analyse_risk(schedule(plain, AS_OF), 50, 3)
    assert {a.id: a.criticality for a in analysis.activities} == {"A": 1.0, "B": 1.0, "C": 0.0}


# --- Every sample is a plan the deterministic engine agrees with ------------------------------------------------

def engine_at(make_project, simulation, sample: int):
    """The real engine's schedule of the plan with one sample's durations."""
    plan = make_project()
    for item in simulation.uncertain.values():
        activity = plan.activities[item.id]
        months = item.in_months and activity.status is Status.NOT_STARTED
        activity.duration = Duration(amount=int(simulation.durations(item.id)[sample]), unit="m" if months else "d")
        activity.duration_range = None
    return schedule(plan, simulation.as_of)


def assert_sample_agrees(make_project, simulation, sample: int) -> None:
    result = engine_at(make_project, simulation, sample)
    day = simulation.calendar.date_of
    run = simulation.run(sample, 1)
    es, ef, linked = (run.ahead.es, run.ahead.ef, run.ahead.linked_start)
    row_of = simulation.network.row
    for scheduled in result.leaves():
        row = row_of[scheduled.id]
        assert day(int(es[row][0])) == result.calendar.date_of(scheduled.earliest_start), \
            f"{scheduled.id} earliest start, sample {sample}"
        assert day(int(ef[row][0])) == result.calendar.date_of(scheduled.earliest_finish), \
            f"{scheduled.id} earliest finish, sample {sample}"
    assert int(simulation.opening_forecast[sample]) == int(es[row_of["opening"]][0])
    assert simulation.opening_point - int(simulation.opening_forecast[sample]) == result.slack_to_opening
    analysis_missed = set()
    for activity in result.project.activities.values():
        if activity.dropped or activity.is_summary or activity.status is Status.DONE or activity.id == "opening":
            continue
        row = row_of[activity.id]
        if activity.fixed is not None and linked[row][0] > simulation.calendar.index_on_or_after(activity.fixed):
            analysis_missed.add((activity.id, "fixed"))
        if (activity.not_after is not None
                and ef[row][0] > simulation.calendar.index_on_or_before(activity.not_after) + 1):
            analysis_missed.add((activity.id, "not_after"))
    assert analysis_missed == {(m.id, m.kind) for m in result.missed if m.kind != "opening"}


@pytest.mark.parametrize("example,as_of", [("indre-ostfold", dt.date(2018, 12, 10)),
                                           ("indre-ostfold", dt.date(2019, 6, 3)),
                                           ("indre-ostfold", dt.date(2020, 2, 3)),  # opened; premises after it
                                           ("lillehammer-gausdal", dt.date(2016, 11, 4)),
                                           ("nytt-kontor", dt.date(2027, 1, 4)),
                                           ("nytt-kontor", dt.date(2027, 9, 1))])
def test_samples_of_the_examples_are_what_the_engine_schedules(example, as_of) -> None:
    make = lambda: load_project(EXAMPLES / example)  # noqa: E731
    simulation = simulate(make(), as_of, 12, seed=31)
    for sample in range(12):
        assert_sample_agrees(make, simulation, sample)


MONTHS_AND_HOLIDAYS = [
    # A notice period of 0-3 months begun late in March runs over Easter and 17 May; work under way and done
    # work, a fixed meeting, a not-before date, and every link type with lags, in a summary.
    spread_task("P", 3, 5, 12),
    task("N", "2m", ["P"], spread=("0m", "3m")),
    summary("S"),
    task("F", "3w", [("N", "FF", "2d")], parent="S", spread=("1w", "6w")),
    task("G", "1m", [("P", "SS", "3d")], parent="S", spread=("1m", "2m")),
    task("H", "4d", [("S", "SS", "1d")], spread=("2d", "9d")),
    milestone("M", ["G"]),
    spread_task("W", 5, 10, 20, after=["M"]),
    task("D", "6d", (), spread=("2d", "12d")),
]


@pytest.mark.parametrize("as_of", [dt.date(2019, 3, 18), dt.date(2019, 4, 23), dt.date(2019, 6, 20)])
def test_month_durations_and_holidays_inside_a_sample_are_the_engines(as_of) -> None:
    blocks = [{"id": "P", "status": "started", "actual_start": dt.date(2019, 3, 4)}, {"id": "D", "status": "done"},
              {"id": "M", "fixed": dt.date(2019, 9, 10)}, {"id": "H", "not_before": dt.date(2019, 4, 15)},
              {"id": "W", "not_after": dt.date(2019, 11, 29)}]
    if as_of > dt.date(2019, 4, 1):  # a month-long task under way: only its remainder is sampled
        blocks.append({"id": "G", "status": "started", "actual_start": dt.date(2019, 3, 28)})

    def make():
        return project(MONTHS_AND_HOLIDAYS, dt.date(2020, 1, 1), start=dt.date(2019, 3, 1),
                       calendar={"fellesferie": True, "christmas_closure": True, "closed": [dt.date(2019, 5, 31)]},
                       plan_activities=blocks)
    simulation = simulate(make(), as_of, 40, seed=7)
    assert len({int(v) for v in simulation.durations("N")}) > 1, "the notice period varies"
    for sample in range(40):
        assert_sample_agrees(make, simulation, sample)


def with_ranges(spec) -> list[dict]:
    """The random networks of the engine's property tests, every task given a range around its duration."""
    from test_cpm_properties import build

    activities = build(spec)
    for activity in activities:
        duration = activity.get("duration")
        if duration is None:
            continue
        amount, unit = int(duration[:-1]), duration[-1]
        if amount == 0:
            continue
        activity["duration_range"] = {"low": f"{amount // 2}{unit}", "high": f"{amount * 2 + 1}{unit}",
                                      "source": {"estimate": {"nb": "test", "en": "test"}}}
    return activities


def _cases():
    from test_cpm_properties import cases

    return cases()


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.deferred(_cases), st.integers(0, 2**32 - 1))
def test_samples_of_random_networks_are_what_the_engine_schedules(case, seed) -> None:
    spec, opening, as_of, start, calendar = case

    def make():
        return project(with_ranges(spec), opening, start=start, calendar=calendar)

    simulation = simulate(make(), as_of, 6, seed)
    for sample in range(6):
        assert_sample_agrees(make, simulation, sample)


# --- An independent Monte Carlo ----------------------------------------------------------------------------------

def random_plan(rng: random.Random) -> list[tuple[str, tuple[int, int, int], list[tuple[int, str, int]]]]:
    """Tasks T0..Tn-1 with (low, likely, high) working days and links (predecessor, type, lag) to earlier tasks."""
    tasks = []
    for j in range(rng.randint(3, 7)):
        likely = rng.randint(1, 15)
        low, high = rng.randint(0, likely), likely + rng.randint(0, 15)
        links = [(i, rng.choice(["FS", "FS", "SS", "FF"]), rng.randint(0, 4)) for i in range(j) if rng.random() < 0.4]
        tasks.append((f"T{j}", (low, likely, high), links))
    return tasks


def plain_monte_carlo(tasks, samples: int, seed: int) -> tuple[list[int], dict[str, float]]:
    """The forward pass in plain Python, one sample at a time: offsets of the
    earliest opening from the first day, and how often each task drives it."""
    rng = random.Random(seed)
    results, driving = [], {name: 0 for name, _t, _l in tasks}
    for _ in range(samples):
        duration = [math.floor(rng.triangular(low, high, likely) + 0.5) for _n, (low, likely, high), _l in tasks]
        es, ef, bound = [], [], []
        for j, (_name, _triple, links) in enumerate(tasks):
            start = 0
            values = []
            for i, kind, lag in links:
                value = {"FS": ef[i] + lag, "SS": es[i] + lag, "FF": ef[i] + lag - duration[j]}[kind]
                values.append((i, value))
                start = max(start, value)
            es.append(start)
            ef.append(start + duration[j])
            bound.append(values)
        opening = max(ef)
        results.append(opening)
        drives = [finish == opening for finish in ef]
        for j in range(len(tasks) - 1, -1, -1):
            if drives[j]:
                for i, value in bound[j]:
                    if value == es[j]:
                        drives[i] = True
        for j, (name, _t, _l) in enumerate(tasks):
            driving[name] += drives[j]
    return results, {name: count / samples for name, count in driving.items()}


@pytest.mark.parametrize("plan_seed", range(8))
def test_an_independent_plain_python_monte_carlo_agrees(plan_seed) -> None:
    tasks = random_plan(random.Random(plan_seed))
    samples = 6_000
    activities = [spread_task(name, *triple, after=[(f"T{i}", kind, f"{lag}d") for i, kind, lag in links])
                  for name, triple, links in tasks]
    plan = project(activities, FAR)
    simulation = simulate(plan, AS_OF, samples, seed=100 + plan_seed)
    ours = offsets(simulation)
    theirs, their_driving = plain_monte_carlo(tasks, samples, seed=plan_seed)
    spread = math.sqrt(ours.var() / samples + np.var(theirs) / samples)
    assert abs(ours.mean() - np.mean(theirs)) <= TOLERANCE * spread + 1e-9
    for quantile in (0.2, 0.5, 0.8):
        t = int(np.quantile(theirs, quantile))
        p, q = float(np.mean(ours <= t)), float(np.mean(np.array(theirs) <= t))
        assert abs(p - q) <= TOLERANCE * math.sqrt(max(q * (1 - q), 1e-3) * 2 / samples), (quantile, p, q)
    analysis = analyse_risk(schedule(plan, AS_OF), samples, 100 + plan_seed)
    for item in analysis.activities:
        p, q = item.criticality, their_driving[item.id]
        assert abs(p - q) <= TOLERANCE * math.sqrt(max(q * (1 - q), 1e-3) * 2 / samples), (item.id, p, q)


# --- Reproducible -----------------------------------------------------------------------------------------------

def test_each_activity_has_a_stream_of_its_own_so_adding_one_leaves_the_others() -> None:
    base = [spread_task("A", 1, 5, 9), spread_task("B", 2, 4, 12, ["A"])]
    one = simulate(project(base, FAR), AS_OF, 500, seed=9)
    two = simulate(project([*base, spread_task("C", 1, 2, 3)], FAR), AS_OF, 500, seed=9)
    for name in ("A", "B"):
        assert np.array_equal(one.durations(name), two.durations(name))
    other = simulate(project(base, FAR), AS_OF, 500, seed=10)
    assert not np.array_equal(one.durations("A"), other.durations("A"))


def test_the_random_stream_is_numpys_pcg64_as_pinned() -> None:
    # numpy promises PCG64 and SeedSequence give the same numbers on every platform; these are the first
    # three for the default seed and activity 7.4. If a numpy upgrade ever changed them, every report's
    # numbers would move: this says why.
    assert uniforms(2007, "7.4", 3).tolist() == pytest.approx(
        [0.3649166765174958, 0.18359431263144566, 0.1049577929678911], abs=0)


def test_a_seeded_run_is_the_same_in_another_process() -> None:
    args = ["risk", str(EXAMPLES / "nytt-kontor"), "--as-of", "04.01.2027", "--samples", "3000", "--format", "json"]
    runs = [subprocess.run([sys.executable, "-m", "navplan", *args], capture_output=True, text=True, cwd=REPO,
                           env={**os.environ, "PYTHONHASHSEED": str(hash_seed)}, check=True).stdout
            for hash_seed in (1, 2)]
    assert runs[0] == runs[1]
    assert '"probability_opening_holds"' in runs[0]


# --- One kernel: the deterministic schedule is one sample --------------------------------------------------------

def assert_one_sample_is_the_schedule(make_project, as_of: dt.date, samples: int = 3) -> None:
    """The sampler at every likely duration, through the same passes over arrays,
    gives every sample the deterministic schedule's dates, slack and driving chains."""
    from navplan.engine.critical_path_method import driving, slack
    from navplan.engine.dependency_graph import SummaryPoint
    from navplan.engine.risk_simulation import driving_masks

    deterministic = schedule(make_project(), as_of)
    simulation = simulate(deterministic.project, as_of, 1, calendar=deterministic.calendar,
                          network=deterministic.network)
    run = simulation.run(0, samples, draws=simulation.likely_values(samples))
    network, at = simulation.network, simulation.at
    behind = run.behind(network, at)
    drives = driving_masks(network, run)

    def offsets(points) -> set[int]:  # points from the opening: the same in any calendar of the plan
        return {int(point) - at.opening for point in points}

    for scheduled in deterministic.activities.values():
        if scheduled.activity.is_summary:
            continue
        row, name = network.row[scheduled.id], scheduled.id
        opening = deterministic.opening_point
        assert offsets(run.ahead.es[row]) == {scheduled.earliest_start - opening}, f"{name} earliest start"
        assert offsets(run.ahead.ef[row]) == {scheduled.earliest_finish - opening}, f"{name} earliest finish"
        assert offsets(behind.ls[row]) == {scheduled.latest_start - opening}, f"{name} latest start"
        assert offsets(behind.lf[row]) == {scheduled.latest_finish - opening}, f"{name} latest finish"
        if scheduled.slack is not None:
            assert set(slack(network, run.columns, run.ahead, behind, row).tolist()) == {scheduled.slack}, name

    def chain(masks) -> list[set[str]]:
        return [{network.nodes[r] for r, mask in enumerate(masks) if mask is not None and mask[j]
                 and network.activity[r] is not None and r != network.opening
                 and network.activity[r].status is not Status.DONE} for j in range(samples)]

    if not deterministic.opened:
        assert chain(drives) == [set(deterministic.critical_path)] * samples
    for check in deterministic.missed:
        activity = deterministic.project.activities[check.id]
        # A main activity's not-after date is checked at its finish, which its steps lead to.
        row = network.row[SummaryPoint("finish", check.id) if activity.is_summary else check.id]
        masks = driving(network, run.columns, run.ahead, row, amount=run.amount, unconstrained=check.kind == "fixed")
        assert chain(masks) == [set(check.chain) - ({check.id} if activity.is_summary else set())] * samples, check


def progress_blocks(draw, spec, as_of: dt.date) -> list[dict]:
    """Progress and dates on some of a random network's activities."""
    blocks = []
    for id, kind, _duration, _parent, _after in spec:
        roll = draw(st.integers(0, 9))
        back = dt.timedelta(days=draw(st.integers(1, 200)))
        ahead = as_of + dt.timedelta(days=draw(st.integers(-30, 400)))
        if kind == "summary":  # a main activity's dates bind every step
            if roll in (5, 6):
                blocks.append({"id": id, "not_before" if roll == 5 else "not_after": ahead})
            continue
        if roll == 0:
            blocks.append({"id": id, "status": "done"})
        elif roll == 1:
            blocks.append({"id": id, "status": "done", "actual_start": as_of - back - back,
                           "actual_finish": as_of - back})
        elif roll == 2 and kind == "task":
            blocks.append({"id": id, "status": "started", "actual_start": as_of - back})
        elif roll == 3 and kind == "task":
            blocks.append({"id": id, "status": "started"})
        elif roll == 4:
            blocks.append({"id": id, "fixed": ahead})
        elif roll == 5:
            blocks.append({"id": id, "not_before": ahead})
        elif roll == 6:
            blocks.append({"id": id, "not_after": ahead})
    return blocks


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.deferred(_cases), st.data())
def test_the_schedule_is_the_sampler_at_likely_durations_on_random_plans(case, data) -> None:
    spec, opening, as_of, start, calendar = case
    blocks = progress_blocks(data.draw, spec, as_of)

    def make():
        return project(with_ranges(spec), opening, start=start, calendar=calendar, plan_activities=blocks)

    assert_one_sample_is_the_schedule(make, as_of)


@pytest.mark.parametrize("example,as_of", [("indre-ostfold", dt.date(2018, 12, 10)),
                                           ("indre-ostfold", dt.date(2020, 2, 3)),
                                           ("lillehammer-gausdal", dt.date(2016, 11, 4)),
                                           ("nytt-kontor", dt.date(2027, 1, 4)),
                                           ("nytt-kontor", dt.date(2027, 11, 1))])
def test_the_schedule_is_the_sampler_at_likely_durations_on_the_examples(example, as_of) -> None:
    assert_one_sample_is_the_schedule(lambda: load_project(EXAMPLES / example), as_of)


# --- Ties in the driving chain (issue 17, item 8) ----------------------------------------------------------------

def tied_under_way():
    """S (10d) started Mon 04.11.2019: as of Mon 11.11 five days remain, so it
    finishes Fri 15.11 on its own. P (3d, 11-13.11) leads to S with a lag of 2
    working days: it too lets S finish on Fri 15.11, no earlier. The tie: P and
    S's own remainder both decide S's finish. T (1d, Mon 18.11) follows S, and
    the opening Tue 19.11 follows T: no slack anywhere."""
    return project([task("P", "3d"), task("S", "10d", [("P", "FS", "2d")]), task("T", "1d", ["S"])],
                   dt.date(2019, 11, 19), plan_activities=[{"id": "S", "status": "started",
                                                            "actual_start": dt.date(2019, 11, 4)}])


def test_a_tied_predecessor_of_work_under_way_is_on_the_critical_path() -> None:
    result = schedule(tied_under_way(), dt.date(2019, 11, 11))
    assert result.slack_to_opening == 0
    assert {a.id: a.slack for a in result.leaves()} == {"P": 0, "S": 0, "T": 0}
    assert set(result.critical_path) == {"P", "S", "T"}


def test_a_tied_predecessor_of_work_under_way_drives_in_every_sample_as_in_critical_path() -> None:
    result = schedule(tied_under_way(), dt.date(2019, 11, 11))
    analysis = analyse_risk(result, 50, 3)
    assert {a.id: a.criticality for a in analysis.activities} == {"P": 1.0, "S": 1.0, "T": 1.0}


# --- What must finish before the opening (issue 17, item 6) --------------------------------------------------------

def test_work_only_the_work_after_the_opening_waits_for_never_drives_the_opening() -> None:
    # R (a renovation, 10-60-120 days) leads only to the move M, linked after the opening; B (3-5-8
    # days) is all the opening waits for. However long R runs, the opening is B's.
    plan = project([spread_task("B", 3, 5, 8), spread_task("R", 10, 60, 120), task("M", "2d", ["R", "opening"])],
                   dt.date(2030, 3, 4))
    analysis = analyse_risk(schedule(plan, AS_OF), 2_000, 17)
    activities = {a.id: a for a in analysis.activities}
    assert activities["R"].criticality == 0.0 and activities["B"].criticality == 1.0
    assert [a.id for a in analysis.drivers] == ["B"]
    assert analysis.probability_holds == 1.0


# --- Blocks of samples: bounded memory, the same numbers (issue 17, item 19) --------------------------------------

def test_the_numbers_do_not_depend_on_the_block_size() -> None:
    """Each activity draws block after block from a stream of its own, so blocks of 64,
    1,000 or all 3,000 samples give the same samples, counts and sampled durations."""
    plan = load_project(EXAMPLES / "indre-ostfold")
    runs = [simulate(plan, dt.date(2018, 12, 10), 3_000, seed=5, block=block) for block in (64, 1_000, 3_000)]
    first = runs[0]
    for other in runs[1:]:
        assert np.array_equal(first.opening_forecast, other.opening_forecast)
        assert first.holds == other.holds
        assert np.array_equal(first.driving, other.driving)
        for item in first.uncertain.values():
            assert np.array_equal(first.sampled(item.id), other.sampled(item.id)), item.id
    # A sampled value not kept is drawn again from its stream: the same numbers.
    kept = {item.id: first.sampled(item.id) for item in first.uncertain.values()}
    first.kept.clear()
    assert any(item.activity.status.value == "started" for item in first.uncertain.values())
    for activity_id, values in kept.items():
        assert np.array_equal(first.sampled(activity_id), values), activity_id
    # Blocks met on their edges: the samples of one block are those of a block of one sample.
    single = first.run(1_000, 1)
    assert int(single.ahead.es[first.network.row["opening"]][0]) == int(first.opening_forecast[1_000])


def _plan_file(folder, activities: list[str], opening: str = "2031-03-03") -> str:
    folder.mkdir(parents=True, exist_ok=True)
    text = "\n".join([f'office: "NAV Stor"\nopening: {opening}',
                      'drop: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]', "activities:", *activities]) + "\n"
    (folder / "navplan.yaml").write_text(text, encoding="utf-8")
    return str(folder)


def _risk_in_a_child(plan: str, *args: str) -> tuple[subprocess.CompletedProcess, float]:
    """`navplan risk --format json` in a process of its own, and its peak memory in MiB (ru_maxrss)."""
    probe = ("import json, resource, subprocess, sys\n"
             "done = subprocess.run([sys.executable, '-m', 'navplan', *sys.argv[1:]], capture_output=True, text=True)\n"
             "print(json.dumps([done.returncode, done.stdout, done.stderr,"
             " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n")
    result = subprocess.run([sys.executable, "-c", probe, "risk", plan, "--format", "json", *args],
                            capture_output=True, text=True, cwd=REPO, check=True)
    import json

    code, stdout, stderr, peak = json.loads(result.stdout)
    return subprocess.CompletedProcess([], code, stdout, stderr), peak / 1024


def test_memory_stays_bounded_with_many_ranged_activities_and_samples(tmp_path) -> None:
    """5,000 ranged activities at 20,000 samples took 2.5 GB (every row's points for every
    sample at once); in blocks, well under 500 MB."""
    rng = random.Random(5)
    activities = [f'  - {{id: "T{i}", title: "T", duration: {{low: 1d, likely: 2d, high: 5d}}'
                  + (f', after: ["T{rng.randint(max(1, i - 50), i - 1)}"]' if i > 1 else "") + "}"
                  for i in range(1, 5_001)]
    done, peak = _risk_in_a_child(_plan_file(tmp_path / "plan", activities), "--samples", "20000",
                                  "--as-of", "01.01.2030")
    assert done.returncode == 0, done.stderr[-2000:]
    import json

    assert json.loads(done.stdout)["samples"] == 20_000
    assert peak < 500, f"{peak:.0f} MiB"


def test_risk_runs_where_critical_path_does_on_a_long_chain_of_long_highs(tmp_path) -> None:
    """720 chained activities of {1d, 1d, 2600d}: critical-path works (720 days), and risk
    overflowed sizing its calendar for every duration at its high value (1.9 million working
    days, past year 9999). The samples themselves reach about 720 times the triangle's mean,
    867 working days: 624,000 working days, 2,390 to 2,500 years of 250 to 261 working days
    after 2027."""
    activities = [f'  - {{id: "L{i}", title: "L", duration: {{low: 1d, likely: 1d, high: 2600d}}'
                  + (f', after: ["L{i - 1}"]' if i > 1 else "") + "}" for i in range(1, 721)]
    done, peak = _risk_in_a_child(_plan_file(tmp_path / "plan", activities, "2028-01-03"), "--as-of", "01.01.2027")
    assert done.returncode == 0, done.stderr[-2000:]
    import json

    p50 = json.loads(done.stdout)["forecasts"][0]
    assert p50["percentile"] == 50 and 4_400 <= int(p50["date"][:4]) <= 4_530, p50
    assert peak < 500, f"{peak:.0f} MiB"


def test_a_main_activitys_not_after_date_has_its_probability() -> None:
    # Issue 17, item 5. S (X 3-5-8 days, then Y 2 days) must be done by its not-after date, 7 working
    # days after the as-of Monday 07.01.2030 (Tue 15.01 is the 7th): it holds when X takes at most 5
    # days, P(round(X) <= 5) = F(5.5) = 1 - (8 - 5.5)^2 / ((8 - 3)(8 - 5)) = 1 - 6.25 / 15 = 7/12.
    plan = project([summary("S"), spread_task("X", 3, 5, 8, ()) | {"parent": "S"},
                    task("Y", "2d", ["X"], parent="S")], FAR,
                   plan_activities=[{"id": "S", "not_after": dt.date(2030, 1, 15)}])
    samples = 20_000
    analysis = analyse_risk(schedule(plan, AS_OF), samples, 23)
    [date] = analysis.dates
    assert (date.id, date.kind, date.holds_deterministic) == ("S", "not_after", True)
    assert abs(date.probability - 7 / 12) < TOLERANCE * math.sqrt(7 / 12 * 5 / 12 / samples)
