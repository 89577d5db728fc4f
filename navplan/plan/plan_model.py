"""Pydantic types for the plan file (``navplan.yaml``): only what is local to one office."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AliasChoices,
    BeforeValidator,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from navplan.errors import InvalidValue
from navplan.plan.values import (
    PLAN_DURATION_SCHEMA,
    ActivityId,
    Duration,
    DurationRange,
    Link,
    PlanDate,
    Status,
    Strict,
    _links_from_shorthand,
    check_multiline,
    check_one_line,
    parse_amount,
    parse_date,
    parse_duration_or_range,
    parse_probability,
    parse_rank,
    parse_schedule_mode,
    parse_status,
)

#: Most risk events a plan may hold: a steering group's register, not a database.
MAX_RISKS = 200
#: Most shared causes a plan may name.
MAX_SHARED_CAUSES = 50
#: Most activities a baseline may hold: as many as a plan may.
MAX_BASELINE_ACTIVITIES = 10_000
#: Most capacities and extra resources a plan may name: an office's people, not a county's.
MAX_RESOURCES = 200


#: How pydantic reads true and false from text (YAML's plain scalars reach it as text).
_TRUE_FALSE = {"true", "false", "yes", "no", "on", "off", "1", "0", "t", "f", "y", "n"}


class CalendarSettings(Strict):
    """Which days count as working days, beyond weekends and public holidays."""

    fellesferie: bool | list[int] = Field(
        False, description="true closes ISO weeks 28-30; or give the ISO week numbers"
    )
    christmas_closure: bool = Field(False, description="Close 24-31 December (julaften and romjul)")
    closed: list[PlanDate] = Field(default_factory=list, description="Further closed days")

    _parse_closed = field_validator("closed", mode="before")(
        lambda value: [parse_date(item) for item in value] if isinstance(value, list) else value
    )

    @field_validator("fellesferie", mode="before")
    @classmethod
    def _true_false_or_weeks(cls, value: object) -> object:
        """true, false (as YAML and pydantic read them) or a list of week numbers; anything else is
        refused as a fellesferie, not as a failed bool and a failed list."""
        if value is None or isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
            return value  # empty: said as an empty field
        if isinstance(value, str) and value.strip().casefold() in _TRUE_FALSE:
            return value
        if isinstance(value, list) and all(
                (isinstance(week, int) and not isinstance(week, bool))
                or (isinstance(week, str) and re.fullmatch(r"\s*[0-9]+\s*", week)) for week in value):
            return value
        raise InvalidValue("error.value.fellesferie", value=value)

    @field_validator("fellesferie")
    @classmethod
    def _weeks(cls, value: bool | list[int]) -> bool | list[int]:
        if isinstance(value, list) and any(not 1 <= week <= 53 for week in value):
            raise InvalidValue("error.value.fellesferie_weeks")
        if isinstance(value, list) and 53 in value:
            # The fellesferie closes the same weeks every year; most years have no week 53.
            raise InvalidValue("error.value.fellesferie_week_53")
        return value


#: A resource's id: a word of letters, digits, '.', '_' and '-', as an activity id (``prosjektkoordinator``).
ResourceId = Annotated[str, Field(pattern=r"^[A-Za-z0-9æøåÆØÅ][A-Za-z0-9æøåÆØÅ._-]{0,63}$",
                                  description="A resource's id, e.g. 'prosjektkoordinator'")]


def _resource_ids(value: object) -> object:
    """A list of resource ids; one alone is a list of one, each named once."""
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):
        seen: set[str] = set()
        for item in value:
            if isinstance(item, str) and item.strip() in seen:
                raise InvalidValue("error.value.uses_twice", id=item.strip())
            if isinstance(item, str):
                seen.add(item.strip())
    return value


#: A capacity or a load, as people write it (see parse_amount).
Amount = Annotated[float, BeforeValidator(parse_amount)]


class PlanResource(Strict):
    """A resource the plan adds to its roles and people: a project coordinator, a trainer.
    Activities name it under ``uses:``."""

    id: ResourceId
    title: str | None = Field(None, max_length=200, description="Its name as people say it")
    capacity: float = Field(description="How many activities it carries at once (2, or 0.5)")

    _parse_capacity = field_validator("capacity", mode="before")(parse_amount)
    _one_line = field_validator("title")(lambda value: value and check_one_line(value))


class PlanActivity(Strict):
    """One block under ``activities:`` in a plan: either local changes to a
    handbook activity (same id) or a new local activity (title required)."""

    id: ActivityId
    #: At most 200 characters, as the office: a name or a title, never a document (and
    #: far within the 32,767 a workbook cell holds, so a workbook never cuts one).
    title: str | None = Field(None, min_length=1, max_length=200)
    parent: ActivityId | None = None
    milestone: bool | None = None
    duration: Annotated[Duration | DurationRange | None, WithJsonSchema(PLAN_DURATION_SCHEMA)] = Field(
        None, description="Fixed (10d, 3w, 2m), or a range for `navplan risk`: 3w..8w or {low, likely, high}")
    probability: float | None = Field(
        None, description="Work that happens or not (the handbook's 'eventuell'): the probability it is needed "
                          "at all; navplan risk gives it no time in the other samples")
    after: list[Link] | None = Field(None, description="Replaces the activity's dependencies when given")
    fixed: PlanDate | None = Field(None, description="A milestone happens on this date; a task starts on it")
    not_before: PlanDate | None = Field(None, description="Start no earlier than")
    not_after: PlanDate | None = Field(None, description="Finish no later than")
    role: str | None = None
    owner: str | None = Field(None, min_length=1, max_length=200)
    status: Status = Status.NOT_STARTED
    actual_start: PlanDate | None = None
    actual_finish: PlanDate | None = None
    remaining: Annotated[Duration | DurationRange | None, WithJsonSchema(PLAN_DURATION_SCHEMA)] = Field(
        None, description="Work under way: what remains after the as-of date (2w, or a range 1w..3w)")
    notes: str | None = None
    schedule: Literal["asap", "alap"] | None = Field(
        None, description="asap: as soon as possible; alap: as late as possible (work tied to the opening); "
                          "replaces the handbook's mode")
    load: float | None = Field(
        None, description="How much of its people the activity takes while it runs (default 1; 0.5 for half)")
    uses: list[ResourceId] | None = Field(
        None, description="The plan's extra resources (under resources:) the activity uses too")

    _parse_duration = field_validator("duration", mode="before")(parse_duration_or_range)
    _parse_probability = field_validator("probability", mode="before")(
        lambda value: None if value is None else parse_probability(value))
    _parse_schedule = field_validator("schedule", mode="before")(
        lambda value: None if value is None else parse_schedule_mode(value))
    _parse_load = field_validator("load", mode="before")(lambda value: None if value is None else parse_amount(value))
    _parse_uses = field_validator("uses", mode="before")(lambda value: None if value is None else _resource_ids(value))
    _parse_status = field_validator("status", mode="before")(parse_status)
    _one_line = field_validator("title", "role", "owner")(lambda value: value and check_one_line(value))
    _multiline = field_validator("notes")(lambda value: value and check_multiline(value))
    _parse_after = field_validator("after", mode="before")(
        lambda value: None if value is None else _links_from_shorthand(value)
    )
    _parse_dates = field_validator("fixed", "not_before", "not_after", "actual_start", "actual_finish", mode="before")(
        parse_date
    )

    @model_validator(mode="after")
    def _consistent(self) -> PlanActivity:
        if self.actual_finish and self.status is not Status.DONE:
            raise InvalidValue("error.value.finish_not_done")
        if self.actual_start and self.status is Status.NOT_STARTED:
            raise InvalidValue("error.value.start_not_started")
        if self.actual_start and self.actual_finish and self.actual_finish < self.actual_start:
            raise InvalidValue("error.value.finish_before_start")
        if self.not_before and self.not_after and self.not_after < self.not_before:
            raise InvalidValue("error.value.not_after_before_not_before")
        return self

    @field_validator("remaining", mode="before")
    @classmethod
    def _remaining(cls, value: object, info: ValidationInfo) -> object:
        value = parse_duration_or_range(value)
        if isinstance(value, (Duration, DurationRange)) and _most(value) == 0:
            raise InvalidValue("error.value.remaining_zero", id=info.data.get("id", ""))
        return value


def _most(value: Duration | DurationRange) -> int:
    """A duration's amount, or a range's high one."""
    return (value.high if isinstance(value, DurationRange) else value).amount


def _ids(value: object) -> object:
    """A list of activity ids; one id alone is a list of one (``delays: "9.2.2"``)."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return [str(value)]
    return value


class SharedCause(Strict):
    """Activities whose durations share a cause (the same landlord, the same political
    process): `navplan risk` samples them with this rank correlation. A group with the
    ``id`` of one of the handbook's shared causes replaces it in this plan (rank 0 turns it off)."""

    id: ActivityId | None = Field(None, description="The handbook's shared cause this group replaces, e.g. 'lokaler'")
    activities: list[ActivityId] | None = Field(None, description="Two or more activities with duration ranges")
    rank: float = Field(description="Spearman's rank correlation between any two of them: 0 (independent) to 1")
    reason: str | None = Field(None, max_length=200, description="The cause they share, e.g. 'samme utleier'")

    _parse_rank = field_validator("rank", mode="before")(parse_rank)
    _one_line = field_validator("reason")(lambda value: value and check_one_line(value))

    @field_validator("activities", mode="before")
    @classmethod
    def _members(cls, value: object) -> object:
        value = _ids(value)
        if isinstance(value, list):
            seen: set[str] = set()
            for item in value:
                if str(item) in seen:
                    raise InvalidValue("error.value.group_twice", id=item)
                seen.add(str(item))
            if len(value) < 2:
                raise InvalidValue("error.value.group_too_small")
        return value

    @model_validator(mode="after")
    def _new_group_says_why(self) -> SharedCause:
        if self.id is None and self.activities is None:
            raise InvalidValue("error.value.group_needs_activities")
        if self.id is None and not self.reason:
            raise InvalidValue("error.value.group_needs_reason")
        return self


class Risk(Strict):
    """A risk event: something that happens or not (a tender that must be run again, a
    political rejection) and, when it happens, delays these activities by ``by``."""

    id: ActivityId = Field(description="The risk's id, e.g. 'R1': none of the activities' ids")
    title: str = Field(min_length=1, max_length=200)
    probability: float = Field(description="Above 0 and at most 1 (0.2), or a percentage (20 %)")
    delays: list[ActivityId] = Field(min_length=1, description="The activities it delays")
    by: Annotated[Duration | DurationRange, WithJsonSchema(PLAN_DURATION_SCHEMA)] = Field(
        description="How much, in working days or weeks: 6w, or a range 6w..10w (any value between as likely) "
                    "or {low, likely, high}")
    owner: str | None = Field(None, min_length=1, max_length=200, description="Who watches the risk")
    mitigation: str | None = Field(None, description="What is done to make it less likely or smaller")

    _parse_probability = field_validator("probability", mode="before")(parse_probability)
    _parse_delays = field_validator("delays", mode="before")(_ids)
    _one_line = field_validator("title", "owner")(lambda value: value and check_one_line(value))
    _multiline = field_validator("mitigation")(lambda value: value and check_multiline(value))

    @field_validator("by", mode="before")
    @classmethod
    def _delay(cls, value: object) -> object:
        value = parse_duration_or_range(value)
        if isinstance(value, (Duration, DurationRange)):
            if (value.low if isinstance(value, DurationRange) else value).in_months:
                raise InvalidValue("error.value.risk_months")
            if _most(value) == 0:
                raise InvalidValue("error.value.risk_zero")
        return value


class BaselineDates(Strict):
    """One activity's dates in the baseline: its planned start and finish when the steering group approved them."""

    start: PlanDate
    finish: PlanDate

    _parse_dates = field_validator("start", "finish", mode="before")(parse_date)

    @model_validator(mode="after")
    def _in_order(self) -> BaselineDates:
        if self.finish < self.start:
            raise InvalidValue("error.value.baseline_finish_before_start")
        return self


class Baseline(Strict):
    """The dates the steering group approved, recorded by `navplan baseline`: what every
    output measures the forecast against (the variance). Kept in the plan file, so it lives
    in git beside the plan it was taken from, and `git diff` shows a new one."""

    recorded: PlanDate = Field(description="The day the baseline was recorded (the as-of date of `navplan baseline`)")
    opening: PlanDate = Field(description="The opening date when the baseline was recorded")
    activities: dict[ActivityId, BaselineDates] = Field(
        default_factory=dict, max_length=MAX_BASELINE_ACTIVITIES,
        description="Each task's and milestone's planned start and finish, by id")

    _parse_dates = field_validator("recorded", "opening", mode="before")(parse_date)


class Plan(Strict):
    """The plan file, ``navplan.yaml``."""

    navplan: int = Field(1, ge=1, le=1, description="Plan file format version (1)")
    office: str = Field(min_length=1, max_length=200)
    municipalities: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(default_factory=list)
    opening: PlanDate
    start: PlanDate | None = Field(None, description="Plan start: nothing is scheduled before it")
    template: Literal["new", "merger", "split"] = "new"
    #: The language every command speaks for this plan unless --lang or NAVPLAN_LANG says otherwise.
    language: str | None = Field(None, validation_alias=AliasChoices("språk", "language"),
                                 description="nb, nn or en: the language of every command's output for this plan")
    handbook: Literal["2.0"] = "2.0"
    current: Literal["2027"] | None = Field(
        None, description="The current layer laid over the handbook (laws, guides and estimates for today); "
                          "without it, the handbook alone")
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)
    drop: list[ActivityId] = Field(default_factory=list, description="Handbook activities not used in this plan")
    correlation: list[SharedCause] = Field(
        default_factory=list, max_length=MAX_SHARED_CAUSES,
        description="Activities that share a cause, for navplan risk; the handbook's shared causes apply too")
    risks: list[Risk] = Field(default_factory=list, max_length=MAX_RISKS,
                              description="The risk register: events that happen or not, and what they delay")
    #: None: the template decides (a merger's and a split's opening is the new municipality's first day).
    opening_fixed_by_law: bool | None = Field(
        None, description="The opening is a date set by law that cannot move (a merged or divided municipality's "
                          "first day): no later opening is offered. Default: true for the merger and split "
                          "templates, false for a new office")
    capacity: dict[Annotated[str, Field(min_length=1, max_length=200)], Amount] = Field(
        default_factory=dict,
        description="How many activities a role (its id or title), a person (an owner's name) or an extra resource "
                    "carries at once; with it, planned dates are levelled")
    resources: list[PlanResource] = Field(
        default_factory=list, max_length=MAX_RESOURCES,
        description="Extra resources (a project coordinator, a trainer) that activities use with uses:")
    activities: list[PlanActivity] = Field(default_factory=list)
    baseline: Baseline | None = Field(
        None, description="The dates the steering group approved, as `navplan baseline` records them")

    _parse_dates = field_validator("opening", "start", mode="before")(parse_date)

    @field_validator("capacity", mode="before")
    @classmethod
    def _capacities(cls, value: object) -> object:
        if isinstance(value, dict):
            if len(value) > MAX_RESOURCES:
                raise InvalidValue("error.value.too_many_capacities", limit=MAX_RESOURCES)
            for key in value:
                if isinstance(key, str):
                    check_one_line(key)
        return value
    # YAML reads current: 2027 as a number; the layer's name is the text.
    _current_text = field_validator("current", mode="before")(
        lambda value: str(value) if isinstance(value, int) and not isinstance(value, bool) else value)

    @field_validator("language", mode="before")
    @classmethod
    def _known_language(cls, value: object) -> object:
        from navplan.errors import Choices
        from navplan.messages import LANGUAGES

        if value is not None and str(value).strip().casefold() not in LANGUAGES:
            raise InvalidValue("error.value.language", value=value, choices=Choices(LANGUAGES))
        return None if value is None else str(value).strip().casefold()

    _one_line = field_validator("office")(check_one_line)
    _one_line_each = field_validator("municipalities")(lambda names: [check_one_line(name) for name in names])

    @field_validator("start")
    @classmethod
    def _start_before_opening(cls, start: dt.date | None, info: ValidationInfo) -> dt.date | None:
        opening = info.data.get("opening")
        if start is not None and opening is not None and start >= opening:
            raise InvalidValue("error.value.start_after_opening", start=start, opening=opening)
        return start
