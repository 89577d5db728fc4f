"""Pydantic types for the plan file (``navplan.yaml``): only what is local to one office."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, WithJsonSchema, field_validator, model_validator

from navplan.errors import InvalidValue
from navplan.plan.values import (
    PLAN_DURATION_SCHEMA, ActivityId, Duration, DurationRange, Link, PlanDate, Status, Strict,
    _links_from_shorthand, check_multiline, check_one_line, parse_date, parse_duration_or_range, parse_status,
)


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

    @field_validator("fellesferie")
    @classmethod
    def _weeks(cls, value: bool | list[int]) -> bool | list[int]:
        if isinstance(value, list) and any(not 1 <= week <= 53 for week in value):
            raise InvalidValue("error.value.fellesferie_weeks")
        return value


class PlanActivity(Strict):
    """One block under ``activities:`` in a plan: either local changes to a
    handbook activity (same id) or a new local activity (title required)."""

    id: ActivityId
    #: At most 200 characters, as the office: a name or a title, never a document (and
    #: far within the 32,767 a workbook cell holds, so a workbook never cuts one).
    title: str | None = Field(None, max_length=200)
    parent: ActivityId | None = None
    milestone: bool | None = None
    duration: Annotated[Duration | DurationRange | None, WithJsonSchema(PLAN_DURATION_SCHEMA)] = Field(
        None, description="Fixed (10d, 3w, 2m), or a range for `navplan risk`: 3w..8w or {low, likely, high}")
    after: list[Link] | None = Field(None, description="Replaces the activity's dependencies when given")
    fixed: PlanDate | None = Field(None, description="A milestone happens on this date; a task starts on it")
    not_before: PlanDate | None = Field(None, description="Start no earlier than")
    not_after: PlanDate | None = Field(None, description="Finish no later than")
    role: str | None = None
    owner: str | None = Field(None, max_length=200)
    status: Status = Status.NOT_STARTED
    actual_start: PlanDate | None = None
    actual_finish: PlanDate | None = None
    notes: str | None = None

    _parse_duration = field_validator("duration", mode="before")(parse_duration_or_range)
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
    def _consistent(self) -> "PlanActivity":
        if self.actual_finish and self.status is not Status.DONE:
            raise InvalidValue("error.value.finish_not_done")
        if self.actual_start and self.status is Status.NOT_STARTED:
            raise InvalidValue("error.value.start_not_started")
        if self.actual_start and self.actual_finish and self.actual_finish < self.actual_start:
            raise InvalidValue("error.value.finish_before_start")
        if self.not_before and self.not_after and self.not_after < self.not_before:
            raise InvalidValue("error.value.not_after_before_not_before")
        return self


class Plan(Strict):
    """The plan file, ``navplan.yaml``."""

    navplan: int = Field(1, ge=1, le=1, description="Plan file format version (1)")
    office: str = Field(min_length=1, max_length=200)
    municipalities: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(default_factory=list)
    opening: PlanDate
    start: PlanDate | None = Field(None, description="Plan start: nothing is scheduled before it")
    template: Literal["new", "merger", "split"] = "new"
    handbook: Literal["2.0"] = "2.0"
    current: Literal["2027"] | None = Field(
        None, description="The current layer laid over the handbook (laws, guides and estimates for today); "
                          "without it, the handbook alone")
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)
    drop: list[ActivityId] = Field(default_factory=list, description="Handbook activities not used in this plan")
    activities: list[PlanActivity] = Field(default_factory=list)

    _parse_dates = field_validator("opening", "start", mode="before")(parse_date)
    # YAML reads current: 2027 as a number; the layer's name is the text.
    _current_text = field_validator("current", mode="before")(
        lambda value: str(value) if isinstance(value, int) and not isinstance(value, bool) else value)
    _one_line = field_validator("office")(check_one_line)
    _one_line_each = field_validator("municipalities")(lambda names: [check_one_line(name) for name in names])

    @field_validator("start")
    @classmethod
    def _start_before_opening(cls, start: dt.date | None, info: ValidationInfo) -> dt.date | None:
        opening = info.data.get("opening")
        if start is not None and opening is not None and start >= opening:
            raise InvalidValue("error.value.start_after_opening", start=start, opening=opening)
        return start
