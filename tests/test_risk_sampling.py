"""The sampling pieces of issue 21 on their own (navplan/engine/risk_sampling.py): shared
causes by Iman–Conover, risk events, work that happens or not, what remains of started
work, percentiles.

Every expected value comes from a formula worked out by hand (written beside it) or an
independent method (numpy's own quantile, the standard library's normal distribution,
Higham's published example); seeds are fixed and nothing is timed. Spearman's rank
correlation and the Kolmogorov–Smirnov statistic are computed here, not by the module.
"""

from __future__ import annotations

import math
import statistics
import zlib

import numpy as np
import pytest

from navplan.engine import risk_sampling as rs
from navplan.errors import InvalidValue

SAMPLES = 10_000
SEED = 2007
#: Three activities of the premises chain with the handbook's ranges, in working days.
CHAIN = {"9.2.1": (10.0, 20.0, 40.0), "9.2.2": (20.0, 30.0, 60.0), "9.2.3": (10.0, 20.0, 50.0)}


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson's correlation of the ranks (the values here have no ties)."""
    rx = np.empty(len(x))
    rx[np.argsort(x)] = np.arange(len(x))
    ry = np.empty(len(y))
    ry[np.argsort(y)] = np.arange(len(y))
    return float(np.corrcoef(rx, ry)[0, 1])


def ks_statistic(values: np.ndarray, cdf) -> float:
    """sup |F_n − F| over the sample, by its definition at the order statistics."""
    ordered = np.sort(values)
    n = len(ordered)
    f = cdf(ordered)
    return float(max(np.max(np.arange(1, n + 1) / n - f), np.max(f - np.arange(0, n) / n)))


def tri_cdf(low: float, likely: float, high: float):
    """The triangular distribution function, written out from its density."""
    def cdf(x: np.ndarray) -> np.ndarray:
        return np.where(x <= likely, (x - low) ** 2 / ((high - low) * (likely - low)),
                        1 - (high - x) ** 2 / ((high - low) * (high - likely)))
    return cdf


#: The Kolmogorov–Smirnov critical value at the 1 % level for n samples (asymptotic: 1.628/√n).
KS_CRITICAL = 1.628 / math.sqrt(SAMPLES)


def streams(ids, samples: int = SAMPLES, seed: int = SEED) -> dict[str, np.ndarray]:
    return {activity: rs.uniforms(seed, activity, samples) for activity in ids}


def durations(numbers: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {activity: rs.triangular(numbers[activity], *CHAIN[activity]) for activity in CHAIN}


# --- Streams ---------------------------------------------------------------------------------


def test_an_activitys_own_stream_is_the_one_risk_samples_it_from_today() -> None:
    """SeedSequence([seed, crc32(id)]) through PCG64, as engine/risk_simulation.py uniforms() seeds
    it: an activity that shares no cause keeps every sample it had."""
    for activity in ("7.4", "9.2.5", "S1"):
        written_out = np.random.Generator(np.random.PCG64(
            np.random.SeedSequence([SEED, zlib.crc32(activity.encode("utf-8"))]))).random(500)
        assert np.array_equal(rs.uniforms(SEED, activity, 500), written_out)
    # The other streams of the same name are other numbers.
    for stream in (rs.STREAM_OCCURS, rs.STREAM_DELAY, rs.STREAM_SCORES):
        assert not np.array_equal(rs.uniforms(SEED, "7.4", 500, stream), rs.uniforms(SEED, "7.4", 500))


# --- Shared causes ---------------------------------------------------------------------------


@pytest.mark.parametrize("rank", [0.3, 0.6, 0.9])
def test_the_sampled_rank_correlation_is_the_groups_within_five_hundredths(rank: float) -> None:
    numbers, coupling = rs.correlate(streams([*CHAIN, "7.4"]), [rs.CorrelationGroup(tuple(CHAIN), rank)], SEED)
    sampled = durations(numbers)
    for a, b in [("9.2.1", "9.2.2"), ("9.2.1", "9.2.3"), ("9.2.2", "9.2.3")]:
        assert abs(spearman(sampled[a], sampled[b]) - rank) <= 0.05, (a, b)
    # The activity outside the group stays independent of it (three standard errors: 3/√n = 0.03).
    assert abs(spearman(sampled["9.2.1"], rs.triangular(numbers["7.4"], 15, 25, 50))) < 0.03
    assert not coupling.adjusted and coupling.notes == []


def test_the_rank_correlation_aimed_at_is_spearmans_not_the_normal_scores() -> None:
    """Normal scores correlated r have Spearman's ρ = (6/π)·arcsin(r/2): at ρ = 0.5 they need
    r = 2·sin(π/12) = 0.518. Aiming the scores at 0.5 would give ρ = 0.482; averaged over
    the three pairs the sampled ρ is 0.5 to within 0.008."""
    numbers, _ = rs.correlate(streams(CHAIN), [rs.CorrelationGroup(tuple(CHAIN), 0.5)], SEED)
    pairs = [("9.2.1", "9.2.2"), ("9.2.1", "9.2.3"), ("9.2.2", "9.2.3")]
    assert abs(np.mean([spearman(numbers[a], numbers[b]) for a, b in pairs]) - 0.5) < 0.008


def test_each_activity_keeps_its_own_samples_only_their_order_changes() -> None:
    alone = durations(streams(CHAIN))
    numbers, _ = rs.correlate(streams(CHAIN), [rs.CorrelationGroup(tuple(CHAIN), 0.6)], SEED)
    together = durations(numbers)
    for activity, (low, likely, high) in CHAIN.items():
        assert np.array_equal(np.sort(together[activity]), np.sort(alone[activity])), activity
        assert not np.array_equal(together[activity], alone[activity]), "the order changed"
        assert ks_statistic(together[activity], tri_cdf(low, likely, high)) < KS_CRITICAL, activity


def test_two_fully_correlated_activities_with_one_distribution_have_identical_samples() -> None:
    """Two parallel branches, each 10–20–40 days, at rank 1: the later of the two is each
    branch, so P(both done by t) is P(one done by t) for every t."""
    numbers, coupling = rs.correlate(streams(["A", "B", "C"]), [rs.CorrelationGroup(("B", "A"), 1.0)], SEED)
    a, b = (rs.triangular(numbers[x], 10, 20, 40) for x in "AB")
    assert np.array_equal(a, b)
    later = np.maximum(a, b)
    for t in (12, 20, 25, 33, 40):
        assert np.mean(later <= t) == np.mean(a <= t)
    assert coupling.shares == {"B": "A"}, "B draws from A's stream (A sorts first)"
    assert np.array_equal(numbers["A"], rs.uniforms(SEED, "A", SAMPLES)), "A keeps its own numbers in order"
    # Independent, the later of the two is later than one branch alone (F·F < F).
    c = rs.triangular(numbers["C"], 10, 20, 40)
    assert np.mean(np.maximum(a, c) <= 25) < np.mean(a <= 25) - 0.1


def test_an_activity_no_group_names_keeps_its_samples_whatever_else_is_added() -> None:
    group = [rs.CorrelationGroup(tuple(CHAIN), 0.6)]
    before, _ = rs.correlate(streams([*CHAIN, "7.4"]), group, SEED)
    after, _ = rs.correlate(streams([*CHAIN, "7.4", "L1", "L2"]), group, SEED)
    for activity in [*CHAIN, "7.4"]:
        assert np.array_equal(before[activity], after[activity]), activity
    given = streams(["7.4", "6.1"])
    result, coupling = rs.correlate(given, group, SEED)
    assert result["7.4"] is given["7.4"] and coupling.ids == (), "no member sampled: nothing coupled"


def test_members_not_sampled_and_groups_of_one_or_rank_zero_do_nothing() -> None:
    given = streams(["9.2.1", "9.2.2", "7.4"])
    result, coupling = rs.correlate(given, [rs.CorrelationGroup(("9.2.1", "9.2.6"), 0.8),
                                            rs.CorrelationGroup(("9.2.1", "9.2.2"), 0.0)], SEED)
    assert all(result[a] is given[a] for a in given) and coupling.ids == ()


def test_the_same_seed_gives_the_same_samples_another_seed_others() -> None:
    group = [rs.CorrelationGroup(tuple(CHAIN), 0.6)]
    first, _ = rs.correlate(streams(CHAIN), group, SEED)
    second, _ = rs.correlate(streams(CHAIN), group, SEED)
    other, _ = rs.correlate(streams(CHAIN, seed=1), group, 1)
    assert all(np.array_equal(first[a], second[a]) for a in CHAIN)
    assert not np.array_equal(first["9.2.1"], other["9.2.1"])


def test_overlapping_groups_that_fit_together_are_sampled_as_asked() -> None:
    """9.2.2 shares the landlord with 9.2.1 and 9.2.3 (0.5) and the council with 3.2.2 (0.4);
    the pair 9.2.1–9.2.2 is in a second group at 0.7: the higher rank counts."""
    ids = ["9.2.1", "9.2.2", "9.2.3", "3.2.2"]
    groups = [rs.CorrelationGroup(("9.2.1", "9.2.2", "9.2.3"), 0.5), rs.CorrelationGroup(("9.2.2", "3.2.2"), 0.4),
              rs.CorrelationGroup(("9.2.1", "9.2.2"), 0.7)]
    numbers, coupling = rs.correlate(streams(ids), groups, SEED)
    assert not coupling.adjusted
    wanted = {("9.2.1", "9.2.2"): 0.7, ("9.2.1", "9.2.3"): 0.5, ("9.2.2", "9.2.3"): 0.5, ("9.2.2", "3.2.2"): 0.4,
              ("9.2.1", "3.2.2"): 0.0, ("9.2.3", "3.2.2"): 0.0}
    for (a, b), rank in wanted.items():
        assert abs(spearman(numbers[a], numbers[b]) - rank) <= 0.05, (a, b)


def test_groups_that_ask_for_the_impossible_get_the_nearest_possible_and_say_so() -> None:
    """A, B, C at 0.9 and C, D at 0.9 leave A and D at 0: no joint distribution has that
    (A near C and C near D puts A near D). The nearest correlation matrix is used, and the
    coupling says how far it moved."""
    groups = [rs.CorrelationGroup(("A", "B", "C"), 0.9), rs.CorrelationGroup(("C", "D"), 0.9)]
    numbers, coupling = rs.correlate(streams("ABCD"), groups, SEED)
    assert coupling.adjusted and 0.05 < coupling.largest_change < 0.5
    pearson = 2 * np.sin(np.pi * coupling.used / 6)
    assert np.linalg.eigvalsh(pearson)[0] > -1e-9, "what is used is a correlation matrix"
    assert coupling.used[0, 3] > 0.05, "A and D are pulled together"
    for i, a in enumerate("ABCD"):
        for j, b in enumerate("ABCD"):
            if i < j:
                assert abs(spearman(numbers[a], numbers[b]) - coupling.used[i, j]) <= 0.05, (a, b)
    [note] = coupling.notes
    assert note.key == rs.NOTE_CORRELATION_ADJUSTED
    assert f"changing a rank correlation by up to {coupling.largest_change:.2f}" in note.render("en")
    assert f"{coupling.largest_change:.2f}".replace(".", ",") in note.render("nb")


def test_the_nearest_correlation_matrix_is_highams_published_example() -> None:
    """Higham (2002), section 4: the nearest correlation matrix to [[1,1,0],[1,1,1],[0,1,1]]
    has 0.7607 and 0.1573 off the diagonal (to four decimals)."""
    nearest = rs.nearest_correlation(np.array([[1.0, 1.0, 0.0], [1.0, 1.0, 1.0], [0.0, 1.0, 1.0]]))
    assert np.allclose(nearest, [[1, 0.7607, 0.1573], [0.7607, 1, 0.7607], [0.1573, 0.7607, 1]], atol=5e-5)


def test_normal_scores_agree_with_the_standard_librarys_normal_distribution() -> None:
    probabilities = np.concatenate([np.linspace(1e-6, 0.02, 50), np.linspace(0.02, 0.98, 200),
                                    np.linspace(0.98, 1 - 1e-6, 50)])
    exact = np.array([statistics.NormalDist().inv_cdf(float(p)) for p in probabilities])
    assert np.max(np.abs(rs.normal_quantile(probabilities) - exact)) < 1e-8


# --- Risk events and work that happens or not ------------------------------------------------


def test_an_event_with_probability_one_always_delays_by_its_value_and_zero_never() -> None:
    """by: 6w (30 working days, a single value): every sample at probability 1, none at 0."""
    assert np.array_equal(rs.event_delays(SEED, "R1", SAMPLES, 1.0, 30, None, 30), np.full(SAMPLES, 30.0))
    assert np.array_equal(rs.event_delays(SEED, "R1", SAMPLES, 0.0, 30, None, 30), np.zeros(SAMPLES))


def test_an_event_happens_in_its_share_of_samples_with_a_delay_from_its_range() -> None:
    """by: 6w..10w (30..50 days, uniform: mean 40, standard deviation 20/√12) at 0.2."""
    delays = rs.event_delays(SEED, "R1", SAMPLES, 0.2, 30, None, 50)
    happened = delays > 0
    assert abs(happened.mean() - 0.2) < 4 * math.sqrt(0.2 * 0.8 / SAMPLES)
    assert delays[happened].min() >= 30 and delays[happened].max() <= 50
    assert abs(delays[happened].mean() - 40) < 4 * (20 / math.sqrt(12)) / math.sqrt(happened.sum())
    # A likelier event happens in the same samples and more; each sample's delay stays as it was.
    likelier = rs.event_delays(SEED, "R1", SAMPLES, 0.5, 30, None, 50)
    assert np.all(likelier[happened] == delays[happened]) and (likelier > 0).sum() > happened.sum()
    # Another event is another stream.
    assert not np.array_equal(rs.event_delays(SEED, "R2", SAMPLES, 0.2, 30, None, 50) > 0, happened)


def test_a_range_with_a_likely_value_is_triangular_one_without_is_uniform() -> None:
    u = rs.uniforms(SEED, "x", SAMPLES)
    assert ks_statistic(rs.spread(u, 30, 35, 50), tri_cdf(30, 35, 50)) < KS_CRITICAL
    assert ks_statistic(rs.spread(u, 30, None, 50), lambda x: (x - 30) / 20) < KS_CRITICAL


def test_work_that_happens_or_not_is_zero_or_its_own_duration() -> None:
    """3.1.4, an eventual notice period of 3 months, at 0.5: 0 or 3, never 2 (the triangle
    0–3–3 it replaces gave 2 months or more in 5/9 of the samples)."""
    duration = np.full(SAMPLES, 3.0)
    sampled = rs.happens_or_not(duration, SEED, "3.1.4", 0.5)
    assert set(np.unique(sampled)) == {0.0, 3.0}
    assert abs(np.mean(sampled == 3.0) - 0.5) < 4 * math.sqrt(0.25 / SAMPLES)
    drawn = rs.triangular(rs.uniforms(SEED, "7.4", SAMPLES), 15, 25, 50)
    sometimes = rs.happens_or_not(drawn, SEED, "7.4", 0.3)
    assert np.array_equal(sometimes[sometimes > 0], drawn[sometimes > 0])


# --- Work under way --------------------------------------------------------------------------


def test_what_remains_is_the_duration_given_it_is_not_done_yet_analytic() -> None:
    """Triangular 10–15–30 that has run 20 days. Above 15 its density is 2(30−x)/(20·15),
    so given D > 20 it is ∝ (30 − x) on [20, 30]: the remainder R = D − 20 is triangular
    0–0–10, with F(r) = 1 − (1 − r/10)², mean 10/3, median 10(1 − √½) = 2.929 and
    P85 10(1 − √0.15) = 6.127."""
    remaining = rs.conditioned_remaining(rs.uniforms(SEED, "7.2", SAMPLES), 10, 15, 30, 20)
    values = remaining.values
    assert not remaining.past_high
    assert values.min() >= 0 and values.max() <= 10
    assert abs(values.mean() - 10 / 3) < 4 * math.sqrt(100 / 18) / math.sqrt(SAMPLES)
    assert abs(np.quantile(values, 0.5) - 10 * (1 - math.sqrt(0.5))) < 0.1
    assert abs(np.quantile(values, 0.85) - 10 * (1 - math.sqrt(0.15))) < 0.15
    assert ks_statistic(values, lambda r: 1 - (1 - r / 10) ** 2) < KS_CRITICAL


def test_what_remains_after_less_than_the_likely_value_analytic_median() -> None:
    """10–15–30 that has run 12 days: F(12) = 2²/(20·5) = 0.04, so the conditional median
    solves F(x) = 0.04 + 0.5·0.96 = 0.52 on the falling side, 1 − (30 − x)²/300 = 0.52,
    x = 18: 6 days remain at the median. Read on an even grid of uniform numbers."""
    grid = (np.arange(SAMPLES) + 0.5) / SAMPLES
    values = rs.conditioned_remaining(grid, 10, 15, 30, 12).values
    assert abs(np.median(values) - 6.0) < 0.01


def test_work_that_has_not_run_its_low_value_keeps_its_whole_distribution() -> None:
    u = rs.uniforms(SEED, "7.2", SAMPLES)
    remaining = rs.conditioned_remaining(u, 10, 15, 30, 4)
    assert np.allclose(remaining.values, rs.triangular(u, 10, 15, 30) - 4)


def test_work_past_its_high_value_takes_the_fallback_and_says_so() -> None:
    """7.2 (2–3–6 weeks: 10–15–30 days) has run 32 days: nothing of the distribution is
    left; the remainder is 0 (it ends on the as-of day) and the note asks for remaining:."""
    remaining = rs.conditioned_remaining(rs.uniforms(SEED, "7.2", 100), 10, 15, 30, 32)
    assert remaining.past_high and np.array_equal(remaining.values, np.zeros(100))
    note = remaining.note("7.2", 32, 30)
    assert note.key == rs.NOTE_REMAINING_PAST_HIGH
    assert note.render("en").startswith("7.2 has been under way for 32 working days, more than its highest "
                                        "estimate (30 working days); the numbers assume it is finished today.")
    assert "navplan set 7.2 --remaining 2w" in note.render("en")
    assert "3 months" in remaining.note("3.1.4", 3.4, 3, "m").render("en")
    assert rs.conditioned_remaining(np.zeros(3), 10, 15, 30, 30).past_high, "exactly at high too"


# --- Percentiles -----------------------------------------------------------------------------


def test_percentiles_are_the_earliest_point_by_which_that_share_is_done_hand_counted() -> None:
    # Ten points 1..10: P50 is the 5th smallest (5 of 10 done by it), P85 the ⌈8.5⌉ = 9th.
    assert rs.percentile_points(np.array([7, 3, 5, 9, 1, 4, 8, 2, 6, 10])) == {50: 5, 85: 9}
    # Twenty points with ties: 12 × 100, 5 × 101, 3 × 104. P50: the 10th is 100; P85: the 17th is 101;
    # P90: the 18th is 104; P60: the 12th is 100; P61: ⌈12.2⌉ = 13th is 101.
    points = np.array([100] * 12 + [101] * 5 + [104] * 3)
    np.random.default_rng(1).shuffle(points)
    assert rs.percentile_points(points, (50, 60, 61, 85, 90)) == {50: 100, 60: 100, 61: 101, 85: 101, 90: 104}
    # 10,000 points 0..9999: P85 is the 8500th smallest, 8499.
    assert rs.percentile_points(np.arange(9999, -1, -1), (85,)) == {85: 8499}


def test_percentiles_agree_with_numpys_inverted_cdf() -> None:
    rng = np.random.default_rng(7)
    for samples in (1, 7, 100, 9_999, 10_000):
        points = rng.integers(700, 900, samples)
        levels = (1, 5, 50, 80, 85, 95, 99)
        expected = np.quantile(points, [level / 100 for level in levels], method="inverted_cdf")
        assert rs.percentile_points(points, levels) == {level: int(q) for level, q in zip(levels, expected, strict=True)}


def test_percentile_options_read_as_people_write_them() -> None:
    assert rs.percentile_levels("85, 50,95,85") == (50, 85, 95)
    assert rs.percentile_levels("P50 p85") == (50, 85)
    for wrong in ("100", "0", "85.5", "x", ""):
        with pytest.raises(InvalidValue) as caught:
            rs.percentile_levels(wrong)
        assert "is not a percentile: write whole numbers from 1 to 99" in caught.value.render("en")
