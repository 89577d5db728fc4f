"""Issue 21's inputs as the whole sampler reads them (navplan/engine/risk_simulation.py):
shared causes, risk events, work that happens or not and what remains of work under way,
each drawn where the sampler draws durations and scheduled by the same passes.

tests/test_risk_sampling.py checks the pieces on their own; here the plan goes in and the
samples, the opening's forecast and the dates come out. Expected values are worked out by
hand (in the comments) or come from an independent computation written here (Spearman's
rank correlation with average ranks, the Kolmogorov–Smirnov distance, the deterministic
engine at a sample's durations). Seeds are fixed; nothing is timed.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np

from cpm_builders import project, task
from navplan.engine.risk_simulation import RiskEvent, simulate
from navplan.engine.schedule import schedule
from navplan.plan.values import Duration

AS_OF = dt.date(2030, 1, 7)  # a Monday
FAR = dt.date(2033, 1, 3)
SAMPLES = 10_000
TOLERANCE = 4.5


def ranged(id: str, low: int, likely: int, high: int, after=()) -> dict:
    return task(id, f"{likely}d", after, spread=(f"{low}d", f"{high}d"))


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson's correlation of the ranks, ties sharing their average rank (durations are whole days)."""
    def ranks(values: np.ndarray) -> np.ndarray:
        order = np.argsort(values, kind="stable")
        result = np.empty(len(values))
        result[order] = np.arange(1, len(values) + 1)
        for value in np.unique(values):
            same = values == value
            result[same] = result[same].mean()
        return result
    return float(np.corrcoef(ranks(np.asarray(x)), ranks(np.asarray(y)))[0, 1])


def cdf(x: float, low: float, likely: float, high: float) -> float:
    """The triangular distribution function, written out from its density."""
    if x <= low:
        return 0.0
    if x >= high:
        return 1.0
    if x <= likely:
        return (x - low) ** 2 / ((high - low) * (likely - low))
    return 1 - (high - x) ** 2 / ((high - low) * (high - likely))


def offsets(simulation) -> np.ndarray:
    """Working days from the as-of day to the earliest opening, per sample."""
    return simulation.opening_forecast.astype(np.int64) - simulation.as_of_point


# --- Shared causes ------------------------------------------------------------------------------

PREMISES = [ranged("L1", 20, 40, 100), ranged("L2", 30, 50, 120), ranged("L3", 20, 35, 90)]
GROUP = {"activities": ["L1", "L2", "L3"], "rank": 0.6, "reason": "samme utleier"}


def test_a_shared_cause_gives_the_sampled_durations_its_rank_correlation_within_five_hundredths() -> None:
    """The three premises tasks run in parallel to the opening; the plan groups them at 0.6. The
    durations the sampler schedules (rounded to whole days) have Spearman's ρ within ±0.05 of it,
    and without the group they are independent (within 3/√n = 0.03 of 0)."""
    together = simulate(project(PREMISES, FAR, correlation=[GROUP]), AS_OF, SAMPLES, seed=2007)
    alone = simulate(project(PREMISES, FAR), AS_OF, SAMPLES, seed=2007)
    for a, b in [("L1", "L2"), ("L1", "L3"), ("L2", "L3")]:
        assert abs(spearman(together.sampled(a), together.sampled(b)) - 0.6) <= 0.05, (a, b)
        assert abs(spearman(alone.sampled(a), alone.sampled(b))) < 0.03, (a, b)
    assert not together.notes, "groups that fit together need no note"


def test_a_shared_cause_leaves_each_activitys_distribution_as_it_was() -> None:
    """Iman–Conover only reorders: each task keeps exactly the durations it has alone, and
    those follow the rounded triangle, P(K ≤ k) = F(k + ½) (Kolmogorov–Smirnov at 1 %)."""
    together = simulate(project(PREMISES, FAR, correlation=[GROUP]), AS_OF, SAMPLES, seed=11)
    alone = simulate(project(PREMISES, FAR), AS_OF, SAMPLES, seed=11)
    for spec in PREMISES:
        name = spec["id"]
        low, high = (int(spec["duration_range"][end][:-1]) for end in ("low", "high"))
        likely = int(spec["duration"][:-1])
        ours = together.sampled(name)
        assert np.array_equal(np.sort(ours), np.sort(alone.sampled(name))), name
        assert not np.array_equal(ours, alone.sampled(name)), f"{name}: the order changed"
        distance = max(abs(np.mean(ours <= k) - cdf(k + 0.5, low, likely, high)) for k in range(low, high + 1))
        assert distance < 1.628 / math.sqrt(SAMPLES), name


def test_two_fully_correlated_parallel_branches_are_on_time_as_often_as_one() -> None:
    """A and B (10–20–40 days each) lead to the opening side by side. Independent, both are done
    by t with F(t)², less often than one; at rank 1 they share one stream, so every sample's
    earliest opening is the single branch's, and so is the probability of opening on time."""
    opening = dt.date(2030, 2, 15)  # 29 working days after the as-of Monday
    branches = [ranged("A", 10, 20, 40), ranged("B", 10, 20, 40)]
    single = simulate(project(branches[:1], opening), AS_OF, SAMPLES, seed=3)
    together = simulate(project(branches, opening, correlation=[
        {"activities": ["A", "B"], "rank": 1, "reason": "samme team"}]), AS_OF, SAMPLES, seed=3)
    independent = simulate(project(branches, opening), AS_OF, SAMPLES, seed=3)
    assert np.array_equal(together.opening_forecast, single.opening_forecast)
    on_time = [float(np.mean(run.opening_forecast <= run.opening_point)) for run in (single, together, independent)]
    assert on_time[0] == on_time[1] and 0.5 < on_time[0] < 0.95
    # Independent: F(29.5)² where F(29.5) = 1 − 10.5²/(30·20) = 0.81625, so 0.6663.
    assert abs(on_time[2] - (1 - 10.5 ** 2 / 600) ** 2) < TOLERANCE * math.sqrt(0.67 * 0.33 / SAMPLES)


def test_groups_that_ask_for_the_impossible_are_said_in_the_notes() -> None:
    """L1–L2 and L2–L3 at 0.5 and 0.3, L1–L3 in no group (0): a joint distribution has that, so
    no note. L1–L2 and L2–L3 at 0.9 with L1–L3 at 0 has none (L1 near L2 near L3 puts L1 near L3):
    the nearest that can hold is sampled, and the notes say a rank moved."""
    fits = [{"activities": ["L1", "L2"], "rank": 0.5, "reason": "a"},
            {"activities": ["L2", "L3"], "rank": 0.3, "reason": "b"}]
    assert not simulate(project(PREMISES, FAR, correlation=fits), AS_OF, 500, seed=1).notes
    impossible = [{"activities": ["L1", "L2"], "rank": 0.9, "reason": "a"},
                  {"activities": ["L2", "L3"], "rank": 0.9, "reason": "b"}]
    simulation = simulate(project(PREMISES, FAR, correlation=impossible), AS_OF, 500, seed=1)
    [note] = simulation.notes
    assert "changing a rank correlation by up to" in note.render("en")
    assert simulation.coupling.adjusted


# --- Risk events ------------------------------------------------------------------------------

#: No ranges: every sample is the plan as critical-path schedules it, but for the events.
PLAIN = [task("A", "10d"), task("B", "15d", ["A"]), task("C", "5d")]


def test_an_event_that_always_happens_is_the_schedule_with_the_delay_and_one_that_never_does_without() -> None:
    """R1 delays B by 2 weeks. At probability 1 every sample's earliest opening is the deterministic
    schedule's with B at 25 days (A 10 + B 25 = 35 working days after the as-of day); at 0
    (given to the sampler directly: a plan refuses 0) it is the plan's own, 10 + 15 = 25."""
    risk = {"id": "R1", "title": "Anbudet må lyses ut på nytt", "probability": 1, "delays": ["B"], "by": "2w"}
    with_delay = project(PLAIN, FAR, plan_activities=[{"id": "B", "duration": "25d"}])
    expected = schedule(with_delay, AS_OF)
    always = simulate(project(PLAIN, FAR, risks=[risk]), AS_OF, 400, seed=5)
    assert set(offsets(always).tolist()) == {35}
    assert set((always.opening_point - always.opening_forecast).tolist()) == {expected.slack_to_opening}
    assert always.happened == {"R1": 400}
    never = simulate(project(PLAIN, FAR), AS_OF, 400, seed=5,
                     events=[RiskEvent("R1", 0.0, ("B",), 10.0, None, 10.0)])
    assert set(offsets(never).tolist()) == {25}
    assert set((never.opening_point - never.opening_forecast).tolist()) == {schedule(project(PLAIN, FAR), AS_OF)
                                                                           .slack_to_opening}
    assert never.happened == {"R1": 0}


def test_an_event_happens_in_its_share_of_samples_and_delays_all_it_names_by_one_draw() -> None:
    """R2 (probability 0.25) delays A and C by 6w..10w: 30 to 50 working days, any value as likely.
    Where it happens, A and C take the same extra days; the opening then waits for the longer
    chain: A + B = 25 + d against C = 5 + d, so it moves by d exactly."""
    risk = {"id": "R2", "title": "T", "probability": 0.25, "delays": ["A", "C"], "by": "6w..10w"}
    simulation = simulate(project(PLAIN, FAR, risks=[risk]), AS_OF, SAMPLES, seed=8)
    a, c = simulation.sampled("A") - 10, simulation.sampled("C") - 5
    assert np.array_equal(a, c)
    happened = a > 0
    assert abs(happened.mean() - 0.25) < TOLERANCE * math.sqrt(0.25 * 0.75 / SAMPLES)
    assert simulation.happened["R2"] == int(happened.sum())
    assert a[happened].min() >= 30 and a[happened].max() <= 50 and set(a[~happened].tolist()) == {0}
    # Uniform on 30..50, rounded: mean 40.
    assert abs(a[happened].mean() - 40) < TOLERANCE * (20 / math.sqrt(12)) / math.sqrt(happened.sum())
    assert np.array_equal(offsets(simulation), 25 + a)


def test_a_risk_delays_work_that_happens_only_where_it_happens() -> None:
    risk = {"id": "R3", "title": "T", "probability": 1, "delays": ["A"], "by": "5d"}
    simulation = simulate(project(PLAIN, FAR, risks=[risk], plan_activities=[{"id": "A", "probability": 0.5}]),
                          AS_OF, 2_000, seed=2)
    assert set(simulation.sampled("A").tolist()) == {0, 15}


# --- Work that happens or not -----------------------------------------------------------------


def test_work_that_happens_or_not_takes_its_duration_or_nothing() -> None:
    """N, a notice period of 3 months (as the handbook's 3.1.4) at probability 0.5, then A (10
    days). Begun on the as-of Monday 07.01.2030, three months end with Saturday 06.04, so A starts
    Monday 08.04 and takes 8-12, 15-17 and (after Maundy Thursday, Good Friday and Easter Monday
    22.04) 23-24 April: all is done for Thursday 25.04. Without the notice period A takes 7-11 and
    14-18 January: done for Monday 21.01."""
    activities = [task("N", "3m"), task("A", "10d", ["N"])]
    plan = project(activities, FAR, plan_activities=[{"id": "N", "probability": 0.5}])
    simulation = simulate(plan, AS_OF, SAMPLES, seed=4)
    assert set(simulation.sampled("N").tolist()) == {0, 3}
    share = float(np.mean(simulation.sampled("N") == 3))
    assert abs(share - 0.5) < TOLERANCE * math.sqrt(0.25 / SAMPLES)
    day = simulation.point_date
    assert {day(point) for point in simulation.opening_forecast.tolist()} == {dt.date(2030, 1, 21),
                                                                            dt.date(2030, 4, 25)}
    # Every other command schedules it as if it happens.
    deterministic = schedule(plan, AS_OF)
    assert deterministic.calendar.date_of(deterministic.activities["A"].earliest_finish) == dt.date(2030, 4, 25)


# --- What remains of work under way ----------------------------------------------------------


def started(remaining: str | None = None, low: int = 10, likely: int = 15, high: int = 30) -> object:
    """W (``low``–``likely``–``high`` working days) began Monday 03.12.2029 and is under way on
    the as-of Monday 07.01.2030; the opening waits for it alone."""
    block = {"id": "W", "status": "started", "actual_start": dt.date(2029, 12, 3)}
    if remaining is not None:
        block["remaining"] = remaining
    return project([ranged("W", low, likely, high)], FAR, plan_activities=[block])


def test_what_remains_of_started_work_is_its_duration_given_it_has_not_finished() -> None:
    """From Monday 03.12.2029 to the as-of Monday 07.01.2030 W has run e = 22 working days
    (counted below by a plain loop over weekdays less Norwegian public holidays). Given D > e
    for D triangular 10–15–30, D has its falling side's density ∝ (30 − x) on [e, 30], so the
    remainder R = D − e has P(R ≤ r) = 1 − (30 − e − r)² / (30 − e)²: triangular 0–0–8, mean
    8/3. Rounded to whole days, P(round(R) ≤ k) = that at r = k + ½."""
    holidays = {dt.date(2029, 12, 25), dt.date(2029, 12, 26), dt.date(2030, 1, 1)}
    day, elapsed = dt.date(2029, 12, 3), 0
    while day < AS_OF:
        elapsed += day.weekday() < 5 and day not in holidays
        day += dt.timedelta(days=1)
    assert elapsed == 22  # 21 weekdays in December from the 3rd, less 25 and 26; 2 in January, less the 1st
    simulation = simulate(started(), AS_OF, SAMPLES, seed=9)
    assert simulation.remainders["W"][0] == elapsed
    remains = simulation.sampled("W")
    assert remains.min() >= 0 and remains.max() <= 30 - elapsed
    worst = 0.0
    for k in range(0, 30 - elapsed + 1):
        expected = 1 - (30 - elapsed - min(k + 0.5, 30 - elapsed)) ** 2 / (30 - elapsed) ** 2
        observed = float(np.mean(remains <= k))
        worst = max(worst, abs(observed - expected))
        assert abs(observed - expected) < TOLERANCE * math.sqrt(max(expected * (1 - expected), 1e-4) / SAMPLES), k
    # The mean of R is (30 − e)/3 = 8/3; the earliest opening follows the remainder, at least a day.
    assert abs(remains.mean() - 8 / 3) < 0.05
    assert np.array_equal(offsets(simulation), np.maximum(remains, 1))


def test_the_plans_remaining_replaces_the_rule() -> None:
    fixed = simulate(started("2w"), AS_OF, 300, seed=1)
    assert set(fixed.sampled("W").tolist()) == {10} and set(offsets(fixed).tolist()) == {10}
    spread = simulate(started("1w..3w"), AS_OF, SAMPLES, seed=1)
    values = spread.sampled("W")
    assert values.min() == 5 and values.max() == 15
    # Uniform on 5..15, rounded: P(≤ k) = (k + ½ − 5) / 10 for 5 ≤ k < 15; 5 and 15 take half a day each.
    for k in range(5, 15):
        assert abs(np.mean(values <= k) - (k + 0.5 - 5) / 10) < TOLERANCE * math.sqrt(0.25 / SAMPLES), k


def test_work_that_has_run_past_its_high_value_ends_today_and_asks_for_its_remaining() -> None:
    simulation = simulate(started(low=5, likely=8, high=12), AS_OF, 200, seed=1)
    assert set(simulation.sampled("W").tolist()) == {0} and set(offsets(simulation).tolist()) == {1}
    [note] = simulation.notes
    assert note.render("en").startswith("W has been under way for 22 working days, more than its highest "
                                        "estimate (12 working days); the numbers assume it is finished today.")


# --- All of it, in blocks, and every sample a plan the engine schedules alike -------------------

MIXED = [ranged("L1", 20, 40, 100, ["P"]), ranged("L2", 30, 50, 120), ranged("L3", 20, 35, 90, ["L2"]),
         task("P", "3m"), ranged("W", 10, 15, 30), task("Z", "5d", ["W"])]
MIXED_BLOCKS = [{"id": "P", "probability": 0.4}, {"id": "W", "status": "started", "actual_start": dt.date(2029, 12, 17)}]
MIXED_RISKS = [{"id": "R1", "title": "T", "probability": 0.3, "delays": ["L3", "Z"], "by": "2w..4w"},
               {"id": "R2", "title": "U", "probability": 0.6, "delays": ["W"], "by": "3d"}]


def mixed():
    return project(MIXED, FAR, plan_activities=MIXED_BLOCKS, correlation=[GROUP], risks=MIXED_RISKS)


def test_the_numbers_do_not_depend_on_the_block_size_with_every_input() -> None:
    """25,000 samples are correlated in three parts of 10,000; blocks of 64, 7,000 or all of
    them give the same samples, and a value not kept is drawn again alike."""
    runs = [simulate(mixed(), AS_OF, 25_000, seed=6, block=block) for block in (64, 7_000, 25_000)]
    first = runs[0]
    for other in runs[1:]:
        assert np.array_equal(first.opening_forecast, other.opening_forecast)
        assert first.happened == other.happened and np.array_equal(first.driving, other.driving)
        for item in first.uncertain.values():
            assert np.array_equal(first.sampled(item.id), other.sampled(item.id)), item.id
    kept = {item.id: first.sampled(item.id) for item in first.uncertain.values()}
    first.kept.clear()
    for name, values in kept.items():
        assert np.array_equal(first.sampled(name), values), name
    # Each part of 10,000 has the group's correlation.
    for part in range(2):
        piece = slice(part * 10_000, (part + 1) * 10_000)
        assert abs(spearman(kept["L1"][piece], kept["L2"][piece]) - 0.6) <= 0.05


def test_every_sample_with_every_input_is_what_the_engine_schedules() -> None:
    """Each sample's durations (happens or not as 0, events added, what remains of W) given to the
    deterministic engine as plain durations give the sampler's dates."""
    simulation = simulate(mixed(), AS_OF, 30, seed=12)
    for sample in range(30):
        plan = mixed()
        for item in simulation.uncertain.values():
            activity = plan.activities[item.id]
            months = item.in_months and not item.started
            activity.duration = Duration(amount=int(simulation.durations(item.id)[sample]), unit="m" if months else "d")
            activity.duration_range, activity.probability = None, None
        plan.plan.risks.clear()
        result = schedule(plan, AS_OF)
        run = simulation.run(sample, 1)
        for name in ("L1", "L3", "P", "W", "Z"):
            row = simulation.network.row[name]
            assert simulation.calendar.date_of(int(run.ahead.ef[row][0])) == \
                result.calendar.date_of(result.activities[name].earliest_finish), (name, sample)
        assert simulation.opening_point - int(simulation.opening_forecast[sample]) == result.slack_to_opening
