"""Output for machines: the JSON document and CSV rows, plain and stable.

The JSON shape is a contract (documented in the README and by
``navplan schema --output json``): fields are only ever added, never renamed
or removed, and ``format_version`` changes if that promise is ever broken.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from navplan.engine.deadlines import Period, must_start
from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.features.personal_view import Audience, shows
from navplan.plan.values import Status

#: 2: the critical path is the opening's driving chain (1: the activities with the least
#: slack); slack is the smaller of start and finish slack; the opening is no longer one of
#: the missed_dates; deadlines, forecast_opening, opened and each activity's after_opening added.
#: Added within 2: finished_late; the one verdict (verdict, verdict_text, verdict_reasons,
#: probability_on_time, probability_samples, opening_fixed_by_law, unfinished_at_opening); the
#: baseline (baseline, and each activity's baseline_start, baseline_finish and variance);
#: planned_start, planned_finish and schedule per activity, planned_opening, planned_to_start,
#: levelling and (from calendar) dates (issue 19).
FORMAT_VERSION = 2
#: Characters that make a spreadsheet read a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class ActivityRecord(BaseModel):
    """One activity in the JSON and CSV output."""

    id: str
    title: str
    parent: str | None
    level: int = Field(description="Outline depth: 0 for main activities")
    kind: Literal["summary", "task", "milestone"]
    origin: str = Field(description="handbook, navplan, merger, split, current (the current layer) or local")
    role: str | None
    owner: str | None
    duration: str | None = Field(description="As planned: 10d, 3w or 2m")
    earliest_start: dt.date
    earliest_finish: dt.date
    latest_start: dt.date
    latest_finish: dt.date
    slack: int | None = Field(description="Total slack in working days, the smaller of start and finish slack; "
                                          "negative when late; null when done")
    critical: bool = Field(description="On the opening's driving chain, or on the chain of a missed date")
    status: Literal["not_started", "started", "done"]
    actual_start: dt.date | None
    actual_finish: dt.date | None
    after_opening: bool = Field(description="Placed after the opening; never moves it")
    planned_start: dt.date = Field(description="The planned dates: the schedule in each activity's mode from the "
                                               "as-of date, levelled against the plan's capacity when it gives one; "
                                               "done and started work keeps its forecast (added within format 2)")
    planned_finish: dt.date = Field(description="The last day of work by the planned dates (added within format 2)")
    schedule: Literal["asap", "alap"] = Field(description="How the activity is planned: as soon as possible, or as "
                                                          "late as possible (added within format 2)")
    baseline_start: dt.date | None = Field(None, description="Its planned start in the baseline; null without one")
    baseline_finish: dt.date | None = Field(None, description="Its planned finish in the baseline; null without one")
    variance: int | None = Field(
        None, description="Working days its planned finish now is after (positive) or before (negative) its "
                          "baseline finish; null when it is not in the baseline (or there is none)")


class MissedDateRecord(BaseModel):
    id: str
    date: dt.date
    missing_working_days: int
    kind: Literal["fixed", "not_after"]
    chain: list[str] = Field(description="The chain that breaks the date, by forecast start")


class DeadlineRecord(BaseModel):
    """A fixed or not-after date of work not yet done."""

    id: str
    date: dt.date
    kind: Literal["fixed", "not_after"]
    holds: bool
    slack: int = Field(description="Working days to spare; negative: missed by this many")
    chain: list[str] = Field(description="When missed: the chain that breaks it")


class LeverRecord(BaseModel):
    """One change that may help a date hold (see navplan.features.levers)."""

    kind: Literal["done", "shorten", "shorten_several", "drop", "move_opening", "move_date"]
    id: str | None = Field(description="The activity it changes; null for the opening")
    duration: str | None = Field(description="shorten: the duration that makes the date hold (e.g. 36d)")
    date: dt.date | None = Field(description="move_opening, move_date: the earliest date the forecast allows")
    enough: bool = Field(description="With this change alone, the date holds (scheduled again to check)")


class LeversRecord(BaseModel):
    """What can help one date that does not hold: the opening (target null) or a fixed or not-after date."""

    target: str | None
    kind: Literal["opening", "fixed", "not_after"]
    missing_working_days: int
    levers: list[LeverRecord]


class FinishedLateRecord(BaseModel):
    """Work recorded done after its not-after date: a deadline met late."""

    id: str
    date: dt.date = Field(description="The not-after date")
    finished: dt.date = Field(description="The day it was recorded done (actual_finish)")
    late_working_days: int = Field(description="Working days after the not-after date")


class VerdictReasonRecord(BaseModel):
    """One reason for the verdict: its message key, the key's parameters, and the words."""

    key: str = Field(description="verdict.reason.*: opening_holds, opening_tight, opening_misses, probability, "
                                 "probability_below_p85, probability_below_half, dates_missed, opened, not_done")
    params: dict[str, Any] = Field(description="slack, days, probability (0 to 1), count, ids, date")
    text: str = Field(description="The reason in the output's language")


class UnfinishedRecord(BaseModel):
    """Work before the opening that the forecast finishes after it."""

    id: str
    forecast_finish: dt.date = Field(description="Its last day of work in the forecast")
    late_working_days: int = Field(description="Working days after the last working day before the opening")


class BaselineSummaryRecord(BaseModel):
    """The plan's baseline (`navplan baseline`), and the opening against it."""

    recorded: dt.date = Field(description="The day it was recorded")
    opening: dt.date = Field(description="The opening date then")
    opening_now: dt.date = Field(description="The day the office can open now: the opening date, or the forecast "
                                             "opening when it does not hold")
    opening_variance: int = Field(description="Working days opening_now is after (positive) the baseline's opening")
    activities: int = Field(description="Tasks and milestones in the baseline")
    late: list[str] = Field(description="Ids whose planned finish is after the baseline's, in outline order")
    added: list[str] = Field(description="Ids in the plan now and not in the baseline")
    removed: list[str] = Field(description="Ids in the baseline and no longer in the plan")


class ResourceRecord(BaseModel):
    """A role, a person or an extra resource the plan gives a capacity."""

    id: str = Field(description="The role's id, the owner's name as the plan writes it, or the resource's id")
    kind: Literal["role", "owner", "resource"]
    title: str
    capacity: int | float = Field(description="How many activities it carries at once")
    activities: list[str] = Field(description="The open tasks that use it")


class LevellingRecord(BaseModel):
    """How the planned dates were levelled against the plan's capacity (added within format 2)."""

    applied: bool = Field(description="The plan gives capacity, so its planned dates are levelled")
    status: Literal["optimal", "feasible", "heuristic"] | None = Field(
        description="optimal: proven best; feasible: the solver's best in its time; heuristic: the serial "
                    "heuristic's schedule; null when not applied")
    time_limit: float | None = Field(description="The solver's time limit, deterministic seconds (--level-time)")
    opening_pushed: int = Field(description="Working days the planned opening lies past both the opening date and "
                                            "the forecast opening because someone is fully booked")
    pushed_by: str | None = Field(description="The id of the resource that is fully booked, when the opening is "
                                              "pushed")
    resources: list[ResourceRecord]


class PeriodRecord(BaseModel):
    first_day: dt.date
    last_day: dt.date
    iso_week: int | None
    countdown: int = Field(description="Weeks or months left to the opening's period")
    must_start: list[str]
    must_finish: list[str]


class ScheduleDocument(BaseModel):
    """The JSON that ``critical-path`` and ``calendar`` print with ``--format json``."""

    format_version: int = FORMAT_VERSION
    office: str
    municipalities: list[str]
    template: str
    handbook_version: str
    opening_date: dt.date
    as_of: dt.date
    working_days_left: int
    opening_holds: bool
    opened: bool = Field(description="The as-of date is after the opening: the office has opened")
    slack_to_opening: int = Field(description="The opening's slack in working days; negative: this many are "
                                              "missing. The one number every output gives for the opening")
    forecast_opening: dt.date = Field(description="The earliest the office could open, given the forecast")
    critical_path: list[str] = Field(description="The opening's driving chain (the longest path), by forecast start")
    driving_chain: list[str] = Field(description="The same as critical_path (kept for format 1 readers)")
    must_start: list[str] = Field(description="Ids that must start within the requested weeks, by latest start")
    planned_to_start: list[str] = Field(
        description="Ids the planned dates start within the requested weeks, and those whose latest start has "
                    "passed, by planned start: what the table's 'must start' lists (added within format 2)")
    planned_opening: dt.date = Field(description="The opening by the planned dates: the opening date, or later when "
                                                 "the plan cannot open on it (added within format 2)")
    levelling: LevellingRecord = Field(description="Planned dates against capacity (added within format 2)")
    deadlines: list[DeadlineRecord] = Field(description="Every fixed and not-after date of open work")
    missed_dates: list[MissedDateRecord] = Field(description="The deadlines that do not hold")
    levers: list[LeversRecord] | None = Field(
        None, description="From `critical-path`: for the opening and each missed date, what can help it hold")
    finished_late: list[FinishedLateRecord] = Field(
        description="Done work recorded done after its not-after date: the deadline was met late")
    verdict: Literal["green", "yellow", "red"] | None = Field(
        None, description="The one verdict (README, 'The one verdict'); null from `calendar`")
    verdict_text: str | None = Field(None, description="The verdict's headline in the output's language")
    verdict_reasons: list[VerdictReasonRecord] | None = Field(None, description="Why: each reason, in order")
    probability_on_time: float | None = Field(
        None, description="`navplan risk`'s probability that the opening holds (its default run), which the verdict "
                          "reads; null when the plan has nothing uncertain, once opened, or from `calendar`")
    probability_samples: int = Field(0, description="Samples behind probability_on_time; 0 when not sampled")
    opening_fixed_by_law: bool = Field(
        False, description="The opening is a date the law sets (a merged or divided municipality's first day): "
                           "no later opening is offered")
    unfinished_at_opening: list[UnfinishedRecord] = Field(
        default_factory=list, description="When the opening does not hold: the work the forecast finishes after it")
    baseline: BaselineSummaryRecord | None = Field(None, description="The baseline; null when the plan has none")
    activities: list[ActivityRecord]
    periods: list[PeriodRecord] | None = Field(None, description="Only from `calendar`")
    dates: Literal["planned", "latest", "forecast"] | None = Field(
        None, description="From `calendar`: the dates its periods list (--dates; added within format 2)")


def activity_record(scheduled: ScheduledActivity, lang: str, against=None) -> ActivityRecord:
    """One activity; ``against`` (a BaselineComparison) gives its baseline and variance."""
    activity = scheduled.activity
    varied = against.activities.get(scheduled.id) if against is not None else None
    return ActivityRecord(
        baseline_start=varied and varied.baseline_start, baseline_finish=varied and varied.baseline_finish,
        variance=varied and varied.variance,
        id=activity.id, title=activity.title.get(lang), parent=activity.parent, level=scheduled.level,
        kind=activity.kind, origin=activity.origin, role=activity.role, owner=activity.owner,
        duration=None if activity.is_summary else str(activity.duration),
        earliest_start=scheduled.dates["earliest_start"], earliest_finish=scheduled.dates["earliest_finish"],
        latest_start=scheduled.dates["latest_start"], latest_finish=scheduled.dates["latest_finish"],
        slack=scheduled.slack, critical=scheduled.critical, after_opening=scheduled.after_opening,
        status=scheduled.status.value,
        actual_start=activity.actual_start, actual_finish=activity.actual_finish,
        planned_start=scheduled.dates["planned_start"], planned_finish=scheduled.dates["planned_finish"],
        schedule=activity.schedule,
    )


def verdict_fields(verdict, lang: str) -> dict[str, Any]:
    """The verdict's fields of a document (``verdict`` a :class:`navplan.features.verdict.Verdict`)."""
    from navplan.render.labels import reason_text, verdict_headline

    return {"verdict": verdict.colour, "verdict_text": verdict_headline(verdict, lang),
            "verdict_reasons": [VerdictReasonRecord(key=r.key, params=_plain(r.params), text=reason_text(r, lang))
                                for r in verdict.reasons],
            "probability_on_time": verdict.probability, "probability_samples": verdict.samples}


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters as JSON holds them: dates ISO, everything else as it is."""
    return {name: value.isoformat() if isinstance(value, dt.date) else value for name, value in params.items()}


def baseline_summary(against) -> BaselineSummaryRecord | None:
    if against is None:
        return None
    return BaselineSummaryRecord(
        recorded=against.recorded, opening=against.baseline_opening, opening_now=against.opening,
        opening_variance=against.opening_variance, activities=len(against.activities) + len(against.removed),
        late=[v.id for v in against.late], added=against.added, removed=against.removed)


def levelling_record(schedule: Schedule, lang: str) -> LevellingRecord:
    """The levelling block: whether it ran, how well, and what pushed the opening."""
    from navplan.features.workload import whole

    levelled = schedule.levelling
    pushing = levelled.pushing_resource if levelled is not None else None
    return LevellingRecord(
        applied=levelled is not None, status=levelled.status if levelled else None,
        time_limit=levelled.time_limit if levelled else None,
        opening_pushed=levelled.opening_pushed if levelled else 0, pushed_by=pushing.id if pushing else None,
        resources=[ResourceRecord(id=r.id, kind=r.kind, title=r.title.get(lang), capacity=whole(r.capacity),
                                  activities=[i for i in r.loads if schedule.activities[i].status is not Status.DONE])
                   for r in schedule.project.resources])


def schedule_document(schedule: Schedule, lang: str, weeks: int, periods: list[Period] | None = None,
                      by: str = "week", view: Audience | None = None, levers=None, verdict=None,
                      dates: str | None = None) -> ScheduleDocument:
    """The document; a personal view keeps its own activities in ``activities``, ``must_start``
    and the periods, while the verdict (``opening_holds``, ``critical_path``, ...) stays the plan's.
    ``verdict`` (see :mod:`navplan.features.verdict`) fills the verdict's fields; without it they are null."""
    from navplan.features.baseline import compare_with_baseline
    from navplan.features.verdict import unfinished_at_opening

    plan = schedule.project.plan
    against = compare_with_baseline(schedule)

    def ids(items) -> list[str]:
        return [s.id for s in items if shows(view, s.activity)]

    return ScheduleDocument(
        **(verdict_fields(verdict, lang) if verdict is not None else {}),
        opening_fixed_by_law=schedule.project.opening_fixed_by_law,
        unfinished_at_opening=[UnfinishedRecord(id=u.id, forecast_finish=u.finish,
                                                late_working_days=u.late_working_days)
                               for u in unfinished_at_opening(schedule)],
        baseline=baseline_summary(against),
        office=plan.office, municipalities=plan.municipalities, template=plan.template,
        handbook_version=plan.handbook, opening_date=plan.opening, as_of=schedule.as_of,
        working_days_left=schedule.working_days_left, opening_holds=schedule.opening_holds,
        opened=schedule.opened, slack_to_opening=schedule.slack_to_opening,
        forecast_opening=schedule.forecast_opening, critical_path=schedule.critical_path,
        driving_chain=schedule.critical_path, must_start=ids(must_start(schedule, weeks)),
        planned_to_start=ids(must_start(schedule, weeks, "planned")), planned_opening=schedule.planned_opening,
        levelling=levelling_record(schedule, lang), dates=dates if periods is not None else None,
        deadlines=[DeadlineRecord(id=d.id, date=d.date, kind=d.kind, holds=d.holds, slack=d.slack, chain=d.chain)
                   for d in schedule.deadlines],
        missed_dates=[MissedDateRecord(id=m.id, date=m.date, missing_working_days=m.missing_working_days, kind=m.kind,
                                       chain=m.chain) for m in schedule.missed],
        levers=None if levers is None else [
            LeversRecord(target=found.target, kind=found.kind, missing_working_days=found.missing, levers=[
                LeverRecord(kind=lever.kind, id=lever.activity_id, date=lever.date, enough=lever.enough,
                            duration=None if lever.duration is None else str(lever.duration))
                for lever in found.levers]) for found in levers],
        finished_late=[FinishedLateRecord(id=late.id, date=late.date, finished=late.finished,
                                          late_working_days=late.working_days) for late in schedule.finished_late],
        activities=[activity_record(s, lang, against) for s in schedule.activities.values()
                    if shows(view, s.activity) or s.id == schedule.project.opening_id],
        periods=None if periods is None else [
            PeriodRecord(first_day=p.first_day, last_day=p.last_day,
                         iso_week=p.first_day.isocalendar().week if by == "week" else None,
                         countdown=p.countdown, must_start=ids(p.starts), must_finish=ids(p.finishes))
            for p in periods],
    )


def to_json(document: BaseModel) -> str:
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def spreadsheet_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe.

    >>> spreadsheet_safe("=HYPERLINK(\\"http://x\\")"), spreadsheet_safe(-3)
    ('\\'=HYPERLINK("http://x")', -3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return spreadsheet_safe(" ".join(map(str, value)))
    return spreadsheet_safe(value)


# `--format csv` is RFC 4180 (comma, ISO dates, for machines); `csv-excel` is for a spreadsheet set to
# Norwegian: semicolon (the comma is the decimal sign), a UTF-8 byte order mark (so Excel does not read
# UTF-8 as Windows-1252 and break ø and å), dates dd.mm.yyyy, CRLF line ends.
def to_csv(records: list[BaseModel], dialect: str = "csv") -> str:
    """CSV with a header row; empty cells for null. Dates ISO, or dd.mm.yyyy in the spreadsheet dialect."""
    buffer = io.StringIO()
    if not records:
        return ""
    fields = list(type(records[0]).model_fields)
    spreadsheet = dialect == "csv-excel"
    writer = csv.writer(buffer, delimiter=";" if spreadsheet else ",", lineterminator="\r\n" if spreadsheet else "\n")
    writer.writerow(fields)
    for record in records:
        row = record.model_dump(mode="json")
        cells = [csv_cell(row[f]) for f in fields]
        if spreadsheet:
            cells = [_spreadsheet_cell(getattr(record, f), cell) for f, cell in zip(fields, cells, strict=True)]
        writer.writerow(cells)
    return ("\ufeff" if spreadsheet else "") + buffer.getvalue()


#: Text a Norwegian spreadsheet would take for a date or a number: ids like 3.1.2 (read as 03.01.2002).
_LOOKS_NUMERIC = re.compile(r"[0-9][0-9.,:/ -]*")
#: An invisible WORD JOINER in front keeps such text text; visible text is unchanged.
WORD_JOINER = "\u2060"


def _spreadsheet_cell(value: Any, cell: Any) -> Any:
    """A cell of the spreadsheet dialect: dates dd.mm.yyyy (so they become dates), text that only
    looks like a date or number kept as text.

    >>> _spreadsheet_cell(dt.date(2019, 3, 4), "2019-03-04"), _spreadsheet_cell("3.1.2", "3.1.2")
    ('04.03.2019', '\u20603.1.2')
    >>> _spreadsheet_cell(-34, -34), _spreadsheet_cell("Kari", "Kari")
    (-34, 'Kari')
    """
    if isinstance(value, dt.date):
        from navplan.messages import format_date

        return format_date(value)
    if isinstance(cell, str) and _LOOKS_NUMERIC.fullmatch(cell):
        return WORD_JOINER + cell
    return cell
