"""Pydantic types for the handbook data (``handbook/*.yaml``): what NAV's
establishment handbook says, with a source on every duration and dependency."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from navplan.errors import InvalidValue
from navplan.plan.values import (
    ActivityId, Duration, DurationRange, Link, Source, Strict, Text, _links_from_shorthand, _parse_duration_field,
    check_likely,
)


class Track(Strict):
    """A track of figure 2, the handbook's critical timeline (p. 7)."""

    id: str
    title: Text
    note: Text | None = None


class Role(Strict):
    """A role in the establishment (table p. 9, plus those named on p. 3)."""

    id: str
    title: Text
    short: Text | None = Field(None, description="A short name for tables")
    function: Text
    employer: Literal["stat", "kommune", "stat eller kommune", "partene"] | None = None
    page: int | None = None
    steering_group: bool = Field(False, description="Sits in the steering group: its open work is the group's to decide")


class DurationSpread(Strict):
    """How much a handbook duration can vary, for `navplan risk`: the least and
    the most it can take; the activity's ``duration`` is the likely value. The
    range carries its own source, under the same rules as ``duration_source``."""

    low: Duration
    high: Duration
    source: Source

    _parse = field_validator("low", "high", mode="before")(_parse_duration_field)


class HandbookActivity(Strict):
    """A main activity, sub-activity or timeline step as the handbook describes it."""

    id: ActivityId
    parent: ActivityId | None = None
    title: Text
    kind: Literal["main", "sub", "step", "milestone"]
    origin: Literal["handbook", "navplan", "merger"] = Field(
        "handbook", description="handbook: in the source; navplan/merger: added by navplan, with reasons"
    )
    page: int | None = None
    content_in_source: bool = Field(True, description="False for chapters 8-9, whose text is lost")
    purpose: Text | None = None
    end_state: list[Text] = Field(default_factory=list, description="Anbefalt tilstand ved gjennomført aktivitet")
    references: list[str] = Field(default_factory=list, description="Referenced documents, as named in the source")
    role: str | None = Field(None, description="Responsible role id")
    track: str | None = Field(None, description="Track of figure 2 this activity belongs to")
    steering_decision: bool = Field(False, description="A decision the steering group follows whoever owns it")
    duration: Duration | None = None
    duration_source: Source | None = None
    duration_range: DurationSpread | None = Field(None, description="Low and high around duration (the likely value)")
    after: list[Link] = Field(default_factory=list)
    note: Text | None = None

    _parse_duration = field_validator("duration", mode="before")(_parse_duration_field)
    _parse_after = field_validator("after", mode="before")(_links_from_shorthand)

    @model_validator(mode="after")
    def _sourced(self) -> "HandbookActivity":
        if self.duration is not None and self.duration_source is None:
            raise InvalidValue("error.handbook.duration_source", id=self.id)
        if self.duration_range is not None:
            if self.duration is None:
                raise InvalidValue("error.handbook.range_without_duration", id=self.id)
            check_likely(self.duration_range.low, self.duration, self.duration_range.high)
        for link in self.after:
            if link.source is None:
                raise InvalidValue("error.handbook.link_source", id=self.id, link=link.id)
        return self

    @property
    def spread(self) -> DurationRange | None:
        """The duration as low, likely and high, when the data gives a range."""
        if self.duration_range is None or self.duration is None:
            return None
        return DurationRange(low=self.duration_range.low, likely=self.duration, high=self.duration_range.high)


class Criterion(Strict):
    """One of the nine recommended opening criteria (p. 10)."""

    number: int = Field(ge=1, le=9)
    text: Text
    statutory: bool
    activities: list[ActivityId] = Field(min_length=1)


class Requirement(Strict):
    """One of the seven overall professional requirements (p. 10)."""

    number: int = Field(ge=1, le=7)
    text: Text


class Handbook(Strict):
    """Everything in ``handbook/handbook.yaml``."""

    title: str
    version: str
    approved: str
    opening_id: ActivityId = "opening"
    tracks: list[Track]
    roles: list[Role]
    criteria: list[Criterion] = Field(min_length=9, max_length=9)
    requirements: list[Requirement] = Field(min_length=7, max_length=7)
    activities: list[HandbookActivity]


class Template(Strict):
    """A starting point for a plan: ``new`` or ``merger``."""

    id: str
    title: Text
    description: Text
    activities: list[HandbookActivity] = Field(default_factory=list, description="Added to the handbook's")
    add_after: dict[str, list[Link]] = Field(
        default_factory=dict, description="Dependencies added to handbook activities, by successor id"
    )
    drop: list[ActivityId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sourced(self) -> "Template":
        for successor, links in self.add_after.items():
            for link in links:
                if link.source is None:
                    raise InvalidValue("error.handbook.link_source", id=successor, link=link.id)
        return self


