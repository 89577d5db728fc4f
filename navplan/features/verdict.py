"""The one verdict: green, yellow or red, the same words and colour in every output.

The rule, written once (README, "The one verdict"):

- **red** when the opening does not hold (the forecast opening is after the
  opening date), or when the probability of opening on time is below 50 %;
- **yellow** when the opening holds but that probability is below 85 %, or
  when a fixed or not-after date other than the opening is missed;
- **green** when the opening holds, every other date holds, and the
  probability is 85 % or more (or the plan has nothing uncertain to sample).

The thresholds are the two points of the Norwegian state project model: P50,
the steering frame (below it, opening on time is less likely than not), and
P85, the cost frame with its reserve (README, "P50 and P85"): a date the
steering group may promise is one it holds at P85. Once the office has opened
the verdict is green, yellow when work before the opening was never recorded
done or a date after it is missed.

The probability is `navplan risk`'s own run (10,000 samples, seed 2007), so
every output gives the number `navplan risk` gives. It needs the Monte Carlo
(numpy), which `critical-path` must not pay for on every run: a plan with
nothing uncertain is not sampled at all (its probability would be 1 or 0 as
the schedule says), and a sampled probability is kept in the cache folder
(:mod:`navplan.io.cache_files`), named by everything it depends on (the plan's
content, the handbook data, navplan's engine, the holidays, the as-of day), so
a plan is sampled once a day and once per change, by whichever command needs
it first.

When the opening is a date the law sets (a merger's or a split's first day as
a municipality; :attr:`navplan.plan.project.Project.opening_fixed_by_law`),
no later opening is offered: the verdict names the work that will not be done
by the opening, and by how many working days (:func:`unfinished_at_opening`).

The core never prints and never reads the clock; reasons are message keys with
their parameters.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from navplan.engine.schedule import Schedule
from navplan.plan.project import Project
from navplan.plan.values import Status

GREEN, YELLOW, RED = "green", "yellow", "red"
COLOURS = (GREEN, YELLOW, RED)
#: P85: at or above it, opening on time is a promise with the state's reserve (the cost frame).
ON_TIME = 0.85
#: P50: below it, opening on time is less likely than not (the steering frame).
LIKELY = 0.50
#: `navplan risk`'s default run (``risk_simulation.DEFAULT_SAMPLES`` and ``DEFAULT_SEED``, kept
#: equal by a test; not imported, as that would load numpy for a plan with nothing to sample).
VERDICT_SAMPLES = 10_000
VERDICT_SEED = 2007
#: The cache file of sampled probabilities, and how many it keeps (the most recent).
CACHE_FILE = "opening-probability.json"
CACHE_ENTRIES = 256
_MAX_CACHE_BYTES = 200_000


@dataclass(frozen=True)
class Reason:
    """One reason for the verdict: a message key (``verdict.reason.*``) and its parameters."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class LateAtOpening:
    """Work before the opening that the forecast finishes after it: its last day, and how late."""

    id: str
    finish: dt.date
    late_working_days: int


@dataclass(frozen=True)
class Verdict:
    colour: str  # green, yellow or red
    reasons: tuple[Reason, ...]
    probability: float | None  # of opening on time; None when not sampled
    samples: int  # behind the probability: 0 when not sampled
    opening_fixed_by_law: bool
    unfinished_at_opening: tuple[LateAtOpening, ...] = ()

    @property
    def rank(self) -> int:
        """0 for red, 1 for yellow, 2 for green: the portfolio sorts by it."""
        return {RED: 0, YELLOW: 1, GREEN: 2}[self.colour]


def judge(schedule: Schedule, probability: float | None = None, samples: int = 0) -> Verdict:
    """The verdict on ``schedule`` with ``probability`` of opening on time (None: not sampled)."""
    project = schedule.project
    reasons: list[Reason] = []
    colour = GREEN
    if schedule.opened:
        reasons.append(Reason("verdict.reason.opened", {"date": project.opening_date}))
        never = schedule.not_done_before_opening
        if never:
            colour = YELLOW
            reasons.append(Reason("verdict.reason.not_done", {"count": len(never), "ids": [s.id for s in never]}))
        if schedule.missed:
            colour = YELLOW
            reasons.append(_dates_missed(schedule))
        return Verdict(colour, tuple(reasons), None, 0, project.opening_fixed_by_law)
    late = tuple(unfinished_at_opening(schedule))
    if not schedule.opening_holds:
        colour = RED
        reasons.append(Reason("verdict.reason.opening_misses", {"days": schedule.missing_working_days}))
    elif schedule.slack_to_opening == 0:
        reasons.append(Reason("verdict.reason.opening_tight"))
    else:
        reasons.append(Reason("verdict.reason.opening_holds", {"slack": schedule.slack_to_opening}))
    if probability is not None:
        if probability < LIKELY:
            colour = RED
            reasons.append(Reason("verdict.reason.probability_below_half", {"probability": probability}))
        elif probability < ON_TIME:
            colour = RED if colour == RED else YELLOW
            reasons.append(Reason("verdict.reason.probability_below_p85", {"probability": probability}))
        else:
            reasons.append(Reason("verdict.reason.probability", {"probability": probability}))
    if schedule.missed:
        colour = RED if colour == RED else YELLOW
        reasons.append(_dates_missed(schedule))
    return Verdict(colour, tuple(reasons), probability, samples if probability is not None else 0,
                   project.opening_fixed_by_law, late)


def _dates_missed(schedule: Schedule) -> Reason:
    ids = list(dict.fromkeys(check.id for check in schedule.missed))
    return Reason("verdict.reason.dates_missed", {"count": len(schedule.missed), "ids": ids})


def unfinished_at_opening(schedule: Schedule) -> list[LateAtOpening]:
    """Open tasks and milestones before the opening that the forecast finishes after the
    last working day before it, in outline order, each with how many working days late.
    Empty when the opening holds, and once the office has opened."""
    if schedule.opened or schedule.opening_holds:
        return []
    found = []
    for scheduled in schedule.leaves():
        if scheduled.after_opening or scheduled.status is Status.DONE:
            continue
        late = scheduled.earliest_finish - schedule.opening_point
        if late > 0:
            found.append(LateAtOpening(scheduled.id, scheduled.dates["earliest_finish"], late))
    return found


def verdict(schedule: Schedule) -> Verdict:
    """The verdict with the probability of `navplan risk`'s default run: sampled only when
    the plan has something uncertain, and read from the cache when it was sampled before."""
    probability = opening_probability(schedule)
    return judge(schedule, probability, VERDICT_SAMPLES if probability is not None else 0)


def verdict_sampled(schedule: Schedule, probability: float, samples: int, seed: int) -> Verdict:
    """The verdict with a probability sampled already (by `navplan risk`'s analysis, for the
    report or the workbook), kept for the next command that needs it. A plan with nothing
    uncertain is judged without it, as `critical-path` judges it."""
    if schedule.opened or not is_uncertain(schedule.project):
        return judge(schedule)
    remember_probability(schedule.project, schedule.as_of, samples, seed, probability)
    return judge(schedule, probability, samples)


def is_uncertain(project: Project) -> bool:
    """Whether `navplan risk` has anything to sample in the plan: open work with a duration
    range, work that happens or not, or a risk event. Without, the probability of opening on
    time is 1 or 0 exactly as the schedule says, and nothing is sampled."""
    if project.plan.risks:
        return True
    for activity in project.activities.values():
        if (activity.dropped or activity.status is Status.DONE or activity.is_summary
                or activity.id == project.opening_id):
            continue
        if (activity.duration_range is not None and not activity.is_milestone) or activity.probability is not None:
            return True
    return False


def opening_probability(schedule: Schedule) -> float | None:
    """`navplan risk`'s probability that the opening holds (its default samples and seed);
    None once the office has opened or when the plan has nothing uncertain. Sampled once
    per plan content and as-of day: kept in the cache folder, and read from there."""
    if schedule.opened or not is_uncertain(schedule.project):
        return None
    key = probability_key(schedule.project, schedule.as_of, VERDICT_SAMPLES, VERDICT_SEED)
    entries = _read_entries()
    if key in entries:
        return entries[key]
    from navplan.features.schedule_risk import probability_on_time

    probability = probability_on_time(schedule, VERDICT_SAMPLES, VERDICT_SEED)
    remember_probability(schedule.project, schedule.as_of, VERDICT_SAMPLES, VERDICT_SEED, probability, entries)
    return probability


def remember_probability(project: Project, as_of: dt.date, samples: int, seed: int, probability: float,
                         entries: dict[str, float] | None = None) -> None:
    """Keep a probability sampled elsewhere (`navplan risk`, the report) for the next verdict:
    only `navplan risk`'s default run is what the verdict reads."""
    if (samples, seed) != (VERDICT_SAMPLES, VERDICT_SEED):
        return
    from navplan.io.cache_files import write_cache

    entries = dict(_read_entries() if entries is None else entries)
    entries.pop(key := probability_key(project, as_of, samples, seed), None)
    entries[key] = probability
    kept = dict(list(entries.items())[-CACHE_ENTRIES:])
    write_cache(CACHE_FILE, json.dumps({"format": 1, "entries": kept}, separators=(",", ":")).encode("ascii"))


def _read_entries() -> dict[str, float]:
    """The cached probabilities, oldest first; nothing when the file is missing or not as written."""
    from navplan.io.cache_files import read_cache

    data = read_cache(CACHE_FILE, _MAX_CACHE_BYTES)
    if data is None:
        return {}
    try:
        content = json.loads(data.decode("ascii"))
        entries = content["entries"] if isinstance(content, dict) and content.get("format") == 1 else None
        if not isinstance(entries, dict):
            return {}
        return {key: float(value) for key, value in entries.items()
                if isinstance(key, str) and len(key) == 64 and isinstance(value, (int, float))
                and not isinstance(value, bool) and 0.0 <= value <= 1.0}
    except (UnicodeDecodeError, ValueError, TypeError):
        return {}


def probability_key(project: Project, as_of: dt.date, samples: int, seed: int) -> str:
    """A hash of everything the probability depends on: the plan's content (its baseline
    aside), the handbook data it is laid over, navplan's version and its engine's source
    files, the holidays package, the as-of day, the samples and the seed."""
    import navplan
    from navplan.engine.holiday_cache import holidays_version
    from navplan.plan.handbook_files import handbook_dir

    digest = hashlib.sha256()
    plan = project.plan
    parts = [navplan.__version__, holidays_version() or "", as_of.isoformat(), str(samples), str(seed),
             plan.model_dump_json(exclude={"baseline"})]
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    folder = handbook_dir()
    shipped = [folder / "handbook.yaml", folder / "templates" / f"{plan.template}.yaml"]
    if plan.current is not None:
        shipped.append(folder / "current" / f"{plan.current}.yaml")
    for path in shipped:
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
        digest.update(b"\0")
    digest.update(_engine_stamp())
    return digest.hexdigest()


def _engine_stamp() -> bytes:
    """The size and time of each source file of the engine and of this sampling's features: an
    edited engine in a checkout (same version number) samples afresh."""
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent
    stamp = []
    for folder in (package / "engine", package / "features"):
        try:
            for path in sorted(folder.glob("*.py")):
                info = path.stat()
                stamp.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            continue
    return "\n".join(stamp).encode("utf-8")
