"""The samples `navplan risk` draws, before any forward pass: durations that
share a cause, risk events, work that happens or not, what remains of
started work, and the percentiles read from the finish points.

Pure numpy over plain numbers and ids: no plan objects, no dates, no
language (notes are message keys). Every function is deterministic for a
seed: the same seed gives the same arrays in every process.

**Streams.** Every random number comes from a stream of its own, seeded by
the run's seed and a name (numpy's PCG64 under a ``SeedSequence``):
:func:`uniforms` with ``stream=STREAM_DURATION`` is exactly the stream
:func:`navplan.engine.risk_simulation.uniforms` gives an activity today
(``SeedSequence([seed, crc32(id)])``), so an activity that shares no cause
keeps the samples it had. The other streams add a third word (1, 2, 3), so
they never coincide with a duration's stream (a ``SeedSequence`` pads short
entropy with zeros, hence no stream numbered 0 beyond the first).

**Shared causes** (:func:`correlate`): a group of activities with a target
Spearman rank correlation, sampled by Iman and Conover's method (1982) on
the activities' own uniform numbers: each activity keeps exactly the set of
uniform numbers it would have drawn alone, only their order across the
samples changes, so each marginal distribution is unchanged sample for
sample (the triangular, or whatever the caller puts the numbers through).
Ranks 1 are not left to the method: activities fully correlated share one
stream (the first id's, in sorted order), so two of them with the same
distribution get identical samples.

**Risk events** (:func:`occurrences`, :func:`event_delays`): happen in a
sample with their probability; when they do, the delay is drawn from its
range. **Happens or not** durations use the same occurrence stream with the
activity's id. **Remaining work** (:func:`conditioned_remaining`): the
duration conditioned on not being finished yet, less what has run.
**Percentiles** (:func:`percentile_points`): the earliest point by which at
least P % of the samples are done.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from navplan.errors import InvalidValue, Message

#: An activity's duration: the stream risk_simulation.uniforms gives it today.
STREAM_DURATION = 0
#: Whether a risk event (by its id) or an activity that happens or not (by its id) happens in a sample.
STREAM_OCCURS = 1
#: How much a risk event delays, when it happens.
STREAM_DELAY = 2
#: The scores Iman-Conover orders a group of correlated activities by.
STREAM_SCORES = 3

#: Samples correlated at a time by the sampler (:func:`correlate` with ``part``): at the
#: default 10,000 samples one part, the whole run; more samples are correlated part by part,
#: so the scores of 100 coupled activities never take more than a few megabytes.
CORRELATION_PART = 10_000

#: The percentiles a steering group reads: the state project model's steering frame (P50) and cost frame (P85).
DEFAULT_PERCENTILES = (50, 85)

#: Note keys the caller shows (the core speaks no language).
NOTE_CORRELATION_ADJUSTED = "risk.note.correlation_adjusted"
NOTE_REMAINING_PAST_HIGH = "risk.note.remaining_past_high"

#: A rank correlation this close to 1 is full correlation: the activities share one stream.
_FULL = 1.0 - 1e-9
#: Smallest eigenvalue a correlation matrix may have and still count as positive semi-definite.
_PSD_TOLERANCE = 1e-9


# --- Streams and distributions ---------------------------------------------------------------


def uniforms(seed: int, name: str, samples: int, stream: int = STREAM_DURATION) -> np.ndarray:
    """``samples`` uniform numbers in [0, 1) from the stream of ``name`` (an activity or risk id).

    >>> a = uniforms(2007, "7.4", 3)
    >>> bool((a == uniforms(2007, "7.4", 3)).all()), bool((a == uniforms(2007, "7.4", 3, STREAM_OCCURS)).any())
    (True, False)
    """
    return _generator(seed, name, stream).random(samples)


def generator(seed: int, name: str, stream: int = STREAM_DURATION, skip: int = 0) -> np.random.Generator:
    """The random stream of ``name`` (an activity or risk id) and ``stream``, its first ``skip``
    uniform numbers passed over (a uniform number takes one step of PCG64), so a block of
    samples that begins at ``skip`` draws exactly the numbers :func:`uniforms` gives it there.

    >>> bool((generator(2007, "7.4", skip=2).random(1) == uniforms(2007, "7.4", 3)[2:]).all())
    True
    """
    entropy = [seed, zlib.crc32(name.encode("utf-8"))] + ([stream] if stream else [])
    bits = np.random.PCG64(np.random.SeedSequence(entropy))
    if skip:
        bits.advance(skip)
    return np.random.Generator(bits)


_generator = generator


def triangular(uniform: np.ndarray, low: float, likely: float, high: float) -> np.ndarray:
    """The triangular distribution's inverse distribution function at ``uniform``
    (as :func:`navplan.engine.risk_simulation.triangular`).

    >>> triangular(np.array([0.0, 0.5, 1.0]), 2.0, 4.0, 6.0).tolist()
    [2.0, 4.0, 6.0]
    """
    uniform = np.asarray(uniform, dtype=float)
    if high <= low:
        return np.full(uniform.shape, float(low))
    span = high - low
    below = low + np.sqrt(uniform * span * (likely - low))
    above = high - np.sqrt((1.0 - uniform) * span * (high - likely))
    return np.where(uniform * span < likely - low, below, above)


def triangular_cdf(x: float | np.ndarray, low: float, likely: float, high: float) -> np.ndarray:
    """P(D ≤ x) for D triangular over ``low``, ``likely``, ``high``.

    >>> triangular_cdf(np.array([2.0, 4.0, 5.0, 6.0]), 2.0, 4.0, 6.0).tolist()
    [0.0, 0.5, 0.875, 1.0]
    """
    x = np.asarray(x, dtype=float)
    if high <= low:
        return np.where(x >= low, 1.0, 0.0)
    span = high - low
    rising = (x - low) ** 2 / (span * (likely - low)) if likely > low else np.ones_like(x)
    falling = 1.0 - (high - x) ** 2 / (span * (high - likely)) if high > likely else np.ones_like(x)
    inside = np.where(x <= likely, rising, falling)
    return np.clip(np.where(x <= low, 0.0, np.where(x >= high, 1.0, inside)), 0.0, 1.0)


def spread(uniform: np.ndarray, low: float, likely: float | None, high: float) -> np.ndarray:
    """A value from a range as a plan writes one: ``low..high`` (``likely`` None) is
    uniform between low and high, every value as likely, for nothing marks one as
    likelier; ``{low, likely, high}`` is triangular; a single value (low = high) is that value.

    >>> spread(np.array([0.0, 0.5, 1.0]), 30.0, None, 50.0).tolist()
    [30.0, 40.0, 50.0]
    """
    uniform = np.asarray(uniform, dtype=float)
    if high <= low:
        return np.full(uniform.shape, float(low))
    if likely is None:
        return low + uniform * (high - low)
    return triangular(uniform, low, likely, high)


# --- Risk events and work that happens or not ----------------------------------------------


def occurrences(seed: int, name: str, samples: int, probability: float) -> np.ndarray:
    """Whether ``name`` (a risk event's id, or an activity that happens or not) happens in each
    sample: its own uniform number is below ``probability``. 1 happens in every sample, 0 in
    none; raising the probability only adds samples in which it happens, never moves one.
    """
    if not 0.0 <= probability <= 1.0:
        raise ValueError(f"a probability lies in [0, 1], not {probability}")
    return uniforms(seed, name, samples, STREAM_OCCURS) < probability


def event_delays(seed: int, event_id: str, samples: int, probability: float, low: float,
                 likely: float | None, high: float) -> np.ndarray:
    """The delay a risk event adds in each sample, in the unit of its range (working days):
    0 where it does not happen, and where it does, a value drawn by :func:`spread` from
    ``low``, ``likely``, ``high``. The delay's stream is separate from the occurrence's, so
    changing the probability leaves each sample's delay as it was."""
    amount = spread(uniforms(seed, event_id, samples, STREAM_DELAY), low, likely, high)
    return np.where(occurrences(seed, event_id, samples, probability), amount, 0.0)


def happens_or_not(duration: np.ndarray, seed: int, activity_id: str, probability: float) -> np.ndarray:
    """An activity's sampled ``duration`` where it happens (with ``probability``), 0 where it does not.

    The occurrence has its own stream, so the durations (and any shared cause they take
    part in) are the activity's as if it always happened."""
    return np.where(occurrences(seed, activity_id, len(duration), probability), duration, 0.0)


# --- Work under way --------------------------------------------------------------------------


@dataclass(frozen=True)
class Remaining:
    """What remains of started work in each sample, in the duration's unit, and whether the
    fallback was taken (the work has run to its high value or past it)."""

    values: np.ndarray
    past_high: bool

    def note(self, activity_id: str, elapsed: float, high: float, unit: str = "d") -> Message | None:
        """What the caller tells the user when the fallback was taken; ``unit`` is the
        duration's (``d`` working days or ``m`` months)."""
        if not self.past_high:
            return None
        return Message(NOTE_REMAINING_PAST_HIGH, id=activity_id, elapsed=_Amount(elapsed, unit),
                       high=_Amount(high, unit))


def conditioned_remaining(uniform: np.ndarray, low: float, likely: float, high: float,
                          elapsed: float) -> Remaining:
    """What remains of work that has run ``elapsed`` (in the duration's unit) and is not done:
    the duration D (triangular over ``low``, ``likely``, ``high``) conditioned on D > elapsed,
    less ``elapsed``.

    Drawn by the inverse of the conditional distribution: u' = F(e) + u·(1 − F(e)), then
    F⁻¹(u') − e, so the activity's own ``uniform`` numbers (correlated or not) map one to one,
    in the same order. Work that has not yet run its low value keeps its whole distribution
    (F(e) = 0). When it has run its high value or more, P(D > e) = 0 and no remainder is
    left to condition on: then every sample's remainder is 0 (the work ends on the as-of
    day, the least the schedule allows) and ``past_high`` says so, for the caller to tell
    the user to give the plan's ``remaining:``.

    >>> r = conditioned_remaining(np.array([0.0, 0.75, 1.0]), 10.0, 15.0, 30.0, 20.0)
    >>> [round(float(v), 6) for v in r.values], r.past_high
    ([0.0, 5.0, 10.0], False)
    """
    uniform = np.asarray(uniform, dtype=float)
    finished = float(triangular_cdf(elapsed, low, likely, high))
    if finished >= 1.0 - 1e-12:
        return Remaining(np.zeros(uniform.shape), True)
    conditional = finished + uniform * (1.0 - finished)
    return Remaining(np.maximum(triangular(conditional, low, likely, high) - elapsed, 0.0), False)


class _Amount:
    """A number of working days or months in a message: '32 arbeidsdager', '2 months'."""

    def __init__(self, value: float, unit: str) -> None:
        self.value, self.unit = value, unit

    def render(self, lang: str) -> str:
        from navplan.messages import t

        return t(f"duration.{self.unit}", lang, amount=int(round(self.value)))


class _Share:
    """A number between 0 and 1 in a message, with two decimals: '0,23' in bokmål, '0.23' in English."""

    def __init__(self, value: float) -> None:
        self.value = value

    def render(self, lang: str) -> str:
        text = f"{self.value:.2f}"
        return text if lang == "en" else text.replace(".", ",")


# --- Shared causes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CorrelationGroup:
    """Activities that share a cause, and the Spearman rank correlation wanted between any two."""

    members: tuple[str, ...]
    rank: float

    def __post_init__(self) -> None:
        if not 0.0 <= self.rank <= 1.0:
            raise ValueError(f"a shared cause's rank correlation lies in [0, 1], not {self.rank}")


@dataclass
class Coupling:
    """What :func:`correlate` did, for the caller to report.

    ``ids`` orders the matrices: every activity a group couples (in the order the streams
    were given). ``requested`` holds the rank correlations the groups ask for (a pair in two
    groups: the higher rank; a pair in none: 0); ``used`` those the samples aim at. They
    differ (``adjusted``) when overlapping groups ask for what no joint distribution can
    give: a matrix that is not positive semi-definite (A and C at 0.9, C and D at 0.9, A and
    D at 0), replaced by the nearest one that is (Higham 2002, on the normal scores' scale),
    or activities fully correlated with one another (one stream) that the groups give
    different correlations with a third (the highest is taken). ``largest_change`` is the
    largest change of a rank correlation that made. ``shares`` names, for each activity that
    takes the stream of another (rank 1), whose.
    """

    ids: tuple[str, ...] = ()
    requested: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    used: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    adjusted: bool = False
    largest_change: float = 0.0
    shares: dict[str, str] = field(default_factory=dict)

    @property
    def notes(self) -> list[Message]:
        """What the caller tells the user: that the groups' correlations were adjusted, by how much."""
        if not self.adjusted:
            return []
        return [Message(NOTE_CORRELATION_ADJUSTED, change=_Share(self.largest_change))]


def correlate(streams: Mapping[str, np.ndarray], groups: Iterable[CorrelationGroup],
              seed: int, part: int = 0) -> tuple[dict[str, np.ndarray], Coupling]:
    """Each activity's uniform numbers, reordered across the samples so that the activities
    of each group have the group's rank correlation.

    ``streams`` holds each sampled activity's own uniform numbers (all of one length, e.g.
    :func:`uniforms` with its id); a group member not in it (done, dropped, a fixed
    duration) is left out, and a group left with fewer than two members, or of rank 0,
    does nothing. The result maps every id of ``streams`` to its numbers: the very same
    array for an activity no group couples, a new one for each coupled activity. Put them
    through the inverse distribution functions as before (the order of the numbers is the
    order of the durations, so the rank correlation carries over exactly).

    The method, per set of activities the groups connect:

    1. the wanted Spearman correlations ρ (a pair in two groups: the higher), turned into
       the correlations of normal scores that give them, r = 2·sin(π·ρ/6);
    2. activities at ρ = 1 form one cluster sharing one stream: the numbers of the id
       first in sorted order; between clusters, the highest ρ of their members;
    3. if the matrix is not positive semi-definite, the nearest correlation matrix that is
       (Higham's alternating projections) replaces it, and the coupling says so (``adjusted``);
    4. Iman–Conover: n van der Waerden scores Φ⁻¹(i/(n+1)), one random permutation per
       cluster (drawn in turn from one stream, named by the set's sorted ids), transformed by
       L·Q⁻¹ (L·Lᵀ the target, Q·Qᵀ the scores' own correlation) so their correlation is
       exactly the target; each cluster's numbers are then put in the order of its
       transformed scores' ranks.

    ``part`` numbers a part of a longer run (the sampler correlates its samples in parts of
    :data:`CORRELATION_PART` samples, so memory stays bounded): each part draws its own
    permutations (part 0 the set's stream itself), so no two parts share an order.
    """
    order = list(streams)
    active = []
    for group in groups:
        members = [member for member in dict.fromkeys(group.members) if member in streams]
        if len(members) >= 2 and group.rank > 0.0:
            active.append((members, float(group.rank)))
    coupled = [activity for activity in order if any(activity in members for members, _ in active)]
    if not coupled:
        return dict(streams), Coupling()
    index = {activity: position for position, activity in enumerate(coupled)}
    requested = np.eye(len(coupled))
    for members, rank in active:
        rows = [index[member] for member in members]
        for i in rows:
            for j in rows:
                if i != j:
                    requested[i, j] = max(requested[i, j], rank)
    used = requested.copy()
    result = dict(streams)
    coupling = Coupling(ids=tuple(coupled), requested=requested, used=used)

    for component in _components(requested > 0.0):
        clusters = _clusters([coupled[i] for i in component], requested, index)
        for cluster in clusters:
            for member in cluster[1:]:
                coupling.shares[member] = cluster[0]
        spearman = np.eye(len(clusters))
        for p, first in enumerate(clusters):
            for q, second in enumerate(clusters):
                if p != q:
                    spearman[p, q] = max(requested[index[a], index[b]] for a in first for b in second)
        target = 2.0 * np.sin(np.pi * spearman / 6.0)
        np.fill_diagonal(target, 1.0)
        if np.linalg.eigvalsh(target)[0] < -_PSD_TOLERANCE:
            target = nearest_correlation(target)
            spearman = 6.0 / np.pi * np.arcsin(np.clip(target / 2.0, -0.5, 0.5))
            np.fill_diagonal(spearman, 1.0)
        for p, first in enumerate(clusters):
            for q, second in enumerate(clusters):
                for a in first:
                    for b in second:
                        used[index[a], index[b]] = spearman[p, q]
        own = [np.asarray(streams[cluster[0]], dtype=float) for cluster in clusters]
        if len(clusters) > 1:
            key = "|".join(sorted(activity for cluster in clusters for activity in cluster))
            key += f"#{part}" if part else ""
            own = _iman_conover(own, target, _generator(seed, key, STREAM_SCORES))
        for cluster, numbers in zip(clusters, own, strict=True):
            for member in cluster:
                result[member] = numbers
    coupling.largest_change = float(np.max(np.abs(used - requested)))
    coupling.adjusted = coupling.largest_change > 1e-6
    return result, coupling


def _components(adjacent: np.ndarray) -> list[list[int]]:
    """The connected sets of rows, each in row order, in the order of their first row."""
    seen: set[int] = set()
    found = []
    for start in range(len(adjacent)):
        if start in seen:
            continue
        component, stack = [], [start]
        seen.add(start)
        while stack:
            row = stack.pop()
            component.append(row)
            for other in np.flatnonzero(adjacent[row]):
                if int(other) not in seen:
                    seen.add(int(other))
                    stack.append(int(other))
        found.append(sorted(component))
    return found


def _clusters(members: list[str], requested: np.ndarray, index: dict[str, int]) -> list[list[str]]:
    """The members fully correlated with each other (through any chain of rank 1), each
    cluster sorted by id, clusters in the order of their first member in ``members``."""
    parent = {member: member for member in members}

    def root(member: str) -> str:
        while parent[member] != member:
            parent[member] = parent[parent[member]]
            member = parent[member]
        return member

    for a in members:
        for b in members:
            if a < b and requested[index[a], index[b]] >= _FULL:
                parent[max(root(a), root(b))] = min(root(a), root(b))
    clusters: dict[str, list[str]] = {}
    for member in members:
        clusters.setdefault(root(member), []).append(member)
    return [sorted(cluster) for cluster in clusters.values()]


def _iman_conover(columns: list[np.ndarray], target: np.ndarray, generator: np.random.Generator) -> list[np.ndarray]:
    """The columns, each reordered so that the columns' ranks follow ``target`` (a
    correlation matrix of normal scores), each column's values kept."""
    count, samples = len(columns), len(columns[0])
    if samples < 2:
        return columns  # one sample has no order to give
    scores = normal_quantile(np.arange(1, samples + 1) / (samples + 1.0))
    matrix = np.stack([scores[generator.permutation(samples)] for _ in range(count)], axis=1)
    own = (matrix.T @ matrix) / float(scores @ scores)
    transformed = matrix @ (_factor(target) @ np.linalg.inv(_factor(own))).T
    result = []
    for j, column in enumerate(columns):
        reordered = np.empty(samples)
        reordered[np.argsort(transformed[:, j], kind="stable")] = np.sort(column)
        result.append(reordered)
    return result


def _factor(matrix: np.ndarray) -> np.ndarray:
    """A lower-triangular L with L·Lᵀ = ``matrix`` (Cholesky), or for a singular one
    (semi-definite) V·√Λ from its eigenvalues, negative rounding errors as 0."""
    factor: np.ndarray
    try:
        factor = np.linalg.cholesky(matrix)
    except np.linalg.LinAlgError:
        values, vectors = np.linalg.eigh(matrix)
        factor = vectors * np.sqrt(np.clip(values, 0.0, None))
    return factor


def nearest_correlation(matrix: np.ndarray, tolerance: float = 1e-10, iterations: int = 1000) -> np.ndarray:
    """The correlation matrix nearest ``matrix`` in the Frobenius norm: Higham's alternating
    projections (N. J. Higham, "Computing the nearest correlation matrix — a problem from
    finance", IMA J. Numer. Anal. 22 (2002) 329–343), onto the positive semi-definite
    matrices (with Dykstra's correction) and onto those with a unit diagonal, in turn.

    >>> m = nearest_correlation(np.array([[1.0, 0.9, 0.9], [0.9, 1.0, -0.9], [0.9, -0.9, 1.0]]))
    >>> bool(np.linalg.eigvalsh(m)[0] > -1e-9), np.diag(m).tolist()
    (True, [1.0, 1.0, 1.0])
    """
    current: np.ndarray = np.array(matrix, dtype=float)
    correction = np.zeros_like(current)
    for _ in range(iterations):
        shifted = current - correction
        values, vectors = np.linalg.eigh(shifted)
        positive = (vectors * np.clip(values, 0.0, None)) @ vectors.T
        correction = positive - shifted
        following = positive.copy()
        np.fill_diagonal(following, 1.0)
        done = np.linalg.norm(following - current) <= tolerance * max(float(np.linalg.norm(current)), 1.0)
        current = following
        if done:
            break
    current = (current + current.T) / 2.0
    values, vectors = np.linalg.eigh(current)
    if values[0] < 0.0:
        # The last projection set the diagonal; what rounding left below zero is lifted, the diagonal rescaled.
        current = (vectors * np.clip(values, 0.0, None)) @ vectors.T
        scale = 1.0 / np.sqrt(np.diag(current))
        current = current * scale[:, None] * scale[None, :]
    np.fill_diagonal(current, 1.0)
    return current


def normal_quantile(probability: np.ndarray) -> np.ndarray:
    """The standard normal distribution's inverse at ``probability`` in (0, 1): Acklam's
    rational approximation (relative error below 1.2e-9), plenty for scores that only order.

    >>> [round(float(v), 6) for v in normal_quantile(np.array([0.025, 0.5, 0.975]))]
    [-1.959964, 0.0, 1.959964]
    """
    a = (-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02, 1.383577518672690e02,
         -3.066479806614716e01, 2.506628277459239e00)
    b = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02, 6.680131188771972e01,
         -1.328068155288572e01)
    c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00, -2.549732539343734e00,
         4.374664141464968e00, 2.938163982698783e00)
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)
    p = np.asarray(probability, dtype=float)
    low = 0.02425
    result = np.empty_like(p)
    middle = (p >= low) & (p <= 1.0 - low)
    q = p[middle] - 0.5
    r = q * q
    result[middle] = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                      / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0))
    for tail, sign in ((p < low, 1.0), (p > 1.0 - low, -1.0)):
        t = np.sqrt(-2.0 * np.log(np.where(sign > 0, p[tail], 1.0 - p[tail])))
        result[tail] = sign * ((((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5])
                               / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1.0))
    return result


# --- Percentiles -----------------------------------------------------------------------------


def percentile_points(points: np.ndarray, levels: Sequence[int] = DEFAULT_PERCENTILES) -> dict[int, int]:
    """The P-th percentile of the samples' finish points for each level P: the earliest
    point by which at least P % of the samples are done, the ⌈P·n/100⌉-th smallest of the
    n points. Never interpolated: a date between two working days does not exist, and the
    P85 read this way is a day by which at least 85 % of the samples really are done
    (numpy's ``inverted_cdf``, the rule `navplan risk` has used, computed in whole numbers).

    >>> percentile_points(np.array([7, 3, 5, 9, 1, 4, 8, 2, 6, 10]), (50, 85))
    {50: 5, 85: 9}
    """
    ordered = np.sort(np.asarray(points).ravel())
    count = len(ordered)
    if count == 0:
        raise ValueError("no samples to read a percentile from")
    found = {}
    for level in levels:
        if not (isinstance(level, int) and 1 <= level <= 99):
            raise ValueError(f"a percentile is a whole number from 1 to 99, not {level!r}")
        rank = -(-level * count // 100)  # ⌈level·n/100⌉ in whole numbers
        found[level] = int(ordered[max(rank, 1) - 1])
    return found


def percentile_levels(text: str) -> tuple[int, ...]:
    """The percentiles an option names, ``"50,85,95"`` or ``"85 95"``: whole numbers from 1 to
    99, returned in order without repeats.

    >>> percentile_levels("85, 50,95,85")
    (50, 85, 95)
    """
    parts = [part for part in text.replace(",", " ").split() if part]
    levels = []
    for part in parts:
        cleaned = part.strip().upper().removeprefix("P")
        if not cleaned.isdigit() or not 1 <= int(cleaned) <= 99:
            raise InvalidValue("error.value.percentile", value=part)
        levels.append(int(cleaned))
    if not levels:
        raise InvalidValue("error.value.percentile", value=text)
    return tuple(sorted(set(levels)))

