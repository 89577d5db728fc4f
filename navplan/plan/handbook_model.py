"""Pydantic types for the handbook data (``handbook/*.yaml``): what NAV's
establishment handbook says, with a source on every duration and dependency."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from navplan.errors import InvalidValue
from navplan.plan.values import (
    ActivityId,
    Duration,
    DurationRange,
    Link,
    Source,
    Strict,
    Text,
    _links_from_shorthand,
    _parse_duration_field,
    check_likely,
    parse_probability,
    parse_rank,
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
    source: Source | None = Field(None, description="For a role the handbook does not name: where it comes from")
    steering_group: bool = Field(
        False, description="Sits in the steering group: its open work is the group's to decide")


class DurationSpread(Strict):
    """How much a handbook duration can vary, for `navplan risk`: the least and
    the most it can take; the activity's ``duration`` is the likely value. The
    range carries its own source, under the same rules as ``duration_source``."""

    low: Duration
    high: Duration
    source: Source

    _parse = field_validator("low", "high", mode="before")(_parse_duration_field)


TemplateName = Literal["new", "merger", "split"]
#: Dates navplan computes from the plan's opening (navplan.plan.current_layer): the
#: municipal election day, the new council's constitution deadline, the budget deadline.
DateRule = Literal["election_day", "constitution_deadline", "budget_deadline"]


class ActivityDates(Strict):
    """Dates of a current-layer activity that follow from the law and the opening date."""

    fixed: DateRule | None = None
    not_after: DateRule | None = None


class HandbookActivity(Strict):
    """A main activity, sub-activity or timeline step as the handbook describes it."""

    id: ActivityId
    parent: ActivityId | None = None
    title: Text
    kind: Literal["main", "sub", "step", "milestone"]
    origin: Literal["handbook", "navplan", "merger", "split", "current"] = Field(
        "handbook", description="handbook: in the source; navplan/merger/split: added by navplan, with reasons; "
                                "current: the current layer's, with its source"
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
    probability: float | None = Field(
        None, description="Work that happens or not (the handbook's 'eventuell'): the probability it is needed")
    probability_source: Source | None = None
    after: list[Link] = Field(default_factory=list)
    note: Text | None = None
    # The current layer's (handbook/current/*.yaml): every item carries its source.
    source: Source | None = Field(None, description="Why the activity is there: a law, a guide or an estimate")
    role_source: Source | None = Field(None, description="Why this role owns it")
    templates: list[TemplateName] = Field(default_factory=list, description="The templates it is for; [] all")
    dates: ActivityDates | None = None
    counted_title: Text | None = Field(
        None, description="The title when the plan names two or more municipalities; {count} is their number")
    handbook_title: Text | None = Field(None, description="The handbook's own title, when the layer changed it")
    change_source: Source | None = Field(None, description="Why the current layer changed this activity")
    schedule: Literal["asap", "alap"] = Field(
        "asap", description="When the work is planned: as soon as possible (most), or as late as possible (work "
                            "tied to the opening)")
    schedule_reason: Source | None = Field(None, description="Why it is planned as late as possible")

    _parse_duration = field_validator("duration", mode="before")(_parse_duration_field)
    _parse_after = field_validator("after", mode="before")(_links_from_shorthand)
    _parse_probability = field_validator("probability", mode="before")(
        lambda value: None if value is None else parse_probability(value))

    @model_validator(mode="after")
    def _sourced(self) -> HandbookActivity:
        if self.probability is not None and (self.probability_source is None or self.duration is None):
            raise InvalidValue("error.handbook.probability_source", id=self.id)
        if self.origin == "current" and self.source is None:
            raise InvalidValue("error.handbook.current_source", id=self.id)
        if (self.schedule == "alap") != (self.schedule_reason is not None):
            raise InvalidValue("error.handbook.schedule_reason", id=self.id)
        if self.origin == "current" and self.role is not None and self.role_source is None:
            raise InvalidValue("error.handbook.role_source", id=self.id)
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


class HandbookSharedCause(Strict):
    """Activities whose durations share a cause in most offices (the premises chain's landlord
    and market), sampled together by `navplan risk` unless a plan says otherwise. The rank
    is navplan's estimate, or a source's word, never the handbook's: the handbook gives none."""

    id: ActivityId = Field(description="How a plan names it to change or turn it off")
    activities: list[ActivityId] = Field(min_length=2)
    rank: float
    reason: Text = Field(description="The cause they share, in a few words")
    source: Source = Field(description="Why this rank: an estimate with its reason, or a cited source")

    _parse_rank = field_validator("rank", mode="before")(parse_rank)


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
    correlation: list[HandbookSharedCause] = Field(
        default_factory=list, description="Shared causes every plan samples with, unless it changes them")

    @model_validator(mode="after")
    def _causes_known(self) -> Handbook:
        known = {activity.id for activity in self.activities}
        for cause in self.correlation:
            for member in cause.activities:
                if member not in known:
                    raise InvalidValue("error.handbook.cause_unknown", id=cause.id, member=member)
        return self


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
    def _sourced(self) -> Template:
        for successor, links in self.add_after.items():
            for link in links:
                if link.source is None:
                    raise InvalidValue("error.handbook.link_source", id=successor, link=link.id)
        return self




class ActivityChange(Strict):
    """The current layer's change to a handbook or template activity; each part with its source.

    A title, purpose or note changed for today keeps the handbook's own text,
    shown as where it comes from; links are added to the activity's own
    (``after_add``), or one of its own estimated links taken away
    (``after_remove``: the predecessor's id and why, with a source)."""

    id: ActivityId
    templates: list[TemplateName] = Field(default_factory=list, description="The templates it is for; [] all")
    title: Text | None = None
    counted_title: Text | None = None
    purpose: Text | None = None
    note: Text | None = None
    source: Source | None = Field(None, description="Why the title, purpose or note is changed")
    duration: Duration | None = None
    duration_source: Source | None = None
    duration_range: DurationSpread | None = None
    role: str | None = None
    role_source: Source | None = None
    after_add: list[Link] = Field(default_factory=list)
    after_remove: list[Link] = Field(default_factory=list)

    _parse_duration = field_validator("duration", mode="before")(_parse_duration_field)
    _parse_after = field_validator("after_add", "after_remove", mode="before")(_links_from_shorthand)

    @model_validator(mode="after")
    def _sourced(self) -> ActivityChange:
        worded = any(value is not None for value in (self.title, self.counted_title, self.purpose, self.note))
        if worded and self.source is None:
            raise InvalidValue("error.handbook.current_source", id=self.id)
        if self.duration is not None and (self.duration_source is None or self.duration_range is None):
            raise InvalidValue("error.handbook.duration_source", id=self.id)
        if self.role is not None and self.role_source is None:
            raise InvalidValue("error.handbook.role_source", id=self.id)
        for link in [*self.after_add, *self.after_remove]:
            if link.source is None:
                raise InvalidValue("error.handbook.link_source", id=self.id, link=link.id)
        return self


class CurrentLayer(Strict):
    """``handbook/current/<id>.yaml``: what a merger, split or new office needs today
    beyond the 2007 handbook, laid over it when a plan says ``current: <id>``."""

    id: str
    title: Text
    description: Text
    roles: list[Role] = Field(default_factory=list)
    activities: list[HandbookActivity] = Field(default_factory=list)
    changes: list[ActivityChange] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sourced(self) -> CurrentLayer:
        for role in self.roles:
            if role.source is None:
                raise InvalidValue("error.handbook.role_source", id=role.id)
        for activity in self.activities:
            if activity.origin != "current":
                raise InvalidValue("error.handbook.current_source", id=activity.id)
        return self
