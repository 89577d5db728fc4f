"""Pydantic types for the county file (``fylke.yaml``): the county's shared resources.

A county's offices share scarce people: the county's coordinators, the team
that cuts an office over to NAV's basic ICT (9.3.2), the team that moves users
and cases to a new municipality number (M4). The county file names them, with
their capacity over time, and which activities of the offices use them. Its
keys are English, like the plan file's; values people say (the unit, the
language) are read in either language.

What a capacity means, exactly (a later levelling step schedules by it):

* **at once** (``unit: at-once``, or ``samtidig``): a cumulative resource. Every
  activity that uses it takes one place from its first working day to its last;
  on no day may more activities hold a place than the capacity of that day.
* **per week** (``unit: per-week``, or ``per uke``): every activity that uses it
  takes one place for one ISO week (Monday to Sunday), the week in which the
  activity starts, whatever its own duration; in no week may more activities
  hold a place than the capacity of that week, which is the lowest capacity of
  any of its seven days.

A place is taken per activity, not per office: an office whose 9.3.2 and M4
both use the IT team takes two places, in their own weeks. The capacity is
``capacity`` on every day, except in ``periods`` (both days included, never
overlapping), which give another (lower in fellesferie, 0 when the team is away).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, AliasChoices, Field, field_validator, model_validator

from navplan.errors import Choices, InvalidValue
from navplan.plan.values import ActivityId, PlanDate, Strict, check_one_line, parse_date

#: The county file's name, as Norwegian users name it: the portfolio finds it beside the office folders.
COUNTY_FILE_NAME = "fylke.yaml"
#: More places than any county's team has; a larger number is a typing error.
MAX_CAPACITY = 1000
#: The two units, as the file format writes them.
AT_ONCE, PER_WEEK = "at-once", "per-week"
#: The languages a county file may name; the portfolio speaks those navplan has (see navplan.messages.LANGUAGES).
COUNTY_LANGUAGES = ("nb", "nn", "en")

RESOURCE_ID_PATTERN = r"^[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._-]{0,39}$"
_RESOURCE_ID = re.compile(RESOURCE_ID_PATTERN)


def check_resource_id(value: str) -> str:
    """A resource's id: a letter or digit, then up to 39 letters, digits, '.', '_' or '-'.

    >>> check_resource_id("it-utrulling")
    'it-utrulling'
    """
    if not _RESOURCE_ID.match(value):
        raise InvalidValue("error.county.bad_resource_id", value=value)
    return value


ResourceId = Annotated[str, AfterValidator(check_resource_id),
                       Field(description="A resource's id, e.g. 'it-utrulling' or 'fylkeskoordinator'")]


def _words(text: object) -> str:
    """A word as people may write it: any case, spaces, ``_`` or ``-`` between its parts."""
    return " ".join(str(text).replace("_", " ").replace("-", " ").split()).casefold()


def unit_words() -> dict[str, str]:
    """Every word navplan reads as each unit: the file format's and the ones people say, in both languages."""
    from navplan.messages import MESSAGES

    words: dict[str, str] = {}
    for unit, key in ((AT_ONCE, "county.unit.at_once"), (PER_WEEK, "county.unit.per_week")):
        for word in (unit, *MESSAGES[key]):
            words[_words(word)] = unit
    return words


def parse_unit(value: object) -> object:
    """``at-once`` or ``per-week``, however written.

    >>> parse_unit("Per uke"), parse_unit("samtidig"), parse_unit("at_once")
    ('per-week', 'at-once', 'at-once')
    """
    if value is None or not isinstance(value, str):
        return value
    found = unit_words().get(_words(value))
    if found is None:
        raise InvalidValue("error.county.unit", value=value, choices=Choices([AT_ONCE, PER_WEEK]))
    return found


def _language(value: object) -> object:
    if isinstance(value, str):
        return value.strip().casefold()
    return value


class CapacityPeriod(Strict):
    """Days with another capacity than the resource's own: ``from`` and ``to`` both included."""

    first: PlanDate = Field(alias="from", description="The first day of the period")
    last: PlanDate = Field(alias="to", description="The last day of the period (included)")
    capacity: int = Field(ge=0, le=MAX_CAPACITY, description="Places on each day of the period")

    _parse_dates = field_validator("first", "last", mode="before")(parse_date)

    @model_validator(mode="after")
    def _in_order(self) -> CapacityPeriod:
        if self.last < self.first:
            raise InvalidValue("error.county.period_order", first=self.first, last=self.last)
        return self

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


class CountyResource(Strict):
    """A resource the county's offices share, with its capacity over time and the
    handbook activities that use it in every office."""

    id: ResourceId
    name: str | None = Field(None, min_length=1, max_length=200, description="What people call it")
    capacity: int = Field(ge=0, le=MAX_CAPACITY, description="Places: activities at once, or per week")
    unit: Literal["at-once", "per-week"] = Field(
        description="at-once (samtidig): activities holding a place on any day; per-week (per uke): activities "
                    "taking a place in any ISO week, the week each starts")
    periods: list[CapacityPeriod] = Field(default_factory=list, description="Days with another capacity")
    activities: list[ActivityId] = Field(default_factory=list,
                                         description="Handbook and template ids that use it in every office")

    _parse_unit = field_validator("unit", mode="before")(parse_unit)
    _one_line = field_validator("name")(lambda value: value and check_one_line(value))

    @property
    def title(self) -> str:
        """The resource's name, or its id when it has none."""
        return self.name or self.id

    @property
    def per_week(self) -> bool:
        return self.unit == PER_WEEK

    def capacity_on(self, day: dt.date) -> int:
        """Places on ``day``: a period's capacity, else the resource's own."""
        for period in self.periods:
            if period.covers(day):
                return period.capacity
        return self.capacity

    def capacity_in_week(self, day: dt.date) -> int:
        """Places in the ISO week of ``day``: the lowest of its seven days (for a per-week resource)."""
        monday = week_start(day)
        return min(self.capacity_on(monday + dt.timedelta(days=offset)) for offset in range(7))

    def capacity_changes(self) -> list[tuple[dt.date, dt.date, int]]:
        """The periods as half-open day ranges ``[from, until)`` with their capacity, in date
        order; outside them the capacity is :attr:`capacity`. For a per-week resource, each
        range is widened to whole ISO weeks and a week takes the lowest capacity of its days,
        so the ranges say what :meth:`capacity_in_week` says."""
        if not self.per_week:
            return sorted((p.first, p.last + dt.timedelta(days=1), p.capacity) for p in self.periods)
        weeks: dict[dt.date, int] = {}
        for period in self.periods:
            monday = week_start(period.first)
            while monday <= period.last:
                weeks[monday] = self.capacity_in_week(monday)
                monday += dt.timedelta(days=7)
        changes: list[tuple[dt.date, dt.date, int]] = []
        for monday in sorted(weeks):
            until = monday + dt.timedelta(days=7)
            if changes and changes[-1][1] == monday and changes[-1][2] == weeks[monday]:
                changes[-1] = (changes[-1][0], until, weeks[monday])
            else:
                changes.append((monday, until, weeks[monday]))
        return changes

    def held(self, start: dt.date, finish: dt.date) -> tuple[dt.date, dt.date]:
        """The days (first and last, both included) on which an activity that runs from
        ``start`` to ``finish`` (its first and last working day) holds a place."""
        if self.per_week:
            monday = week_start(start)
            return monday, monday + dt.timedelta(days=6)
        return start, finish


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


class CountyOffice(Strict):
    """One office's own settings: its plan, and activities of its own that use a shared resource."""

    plan: str = Field(min_length=1, max_length=1000,
                      description="The office's plan: a folder holding navplan.yaml, or the plan file, relative "
                                  "to the county file's folder")
    resources: dict[ResourceId, list[ActivityId]] = Field(
        default_factory=dict, description="Resource id → this office's activity ids that use it too")

    _one_line = field_validator("plan")(check_one_line)


class County(Strict):
    """The county file, ``fylke.yaml``."""

    navplan: int = Field(1, ge=1, le=1, description="County file format version (1)")
    county: str = Field(min_length=1, max_length=200, description="The county, e.g. 'Innlandet'")
    language: Literal["nb", "nn", "en"] | None = Field(
        None, validation_alias=AliasChoices("språk", "language"),
        description="nb, nn or en: the portfolio's language when neither --lang nor NAVPLAN_LANG says one")
    resources: list[CountyResource] = Field(default_factory=list)
    offices: list[CountyOffice] = Field(default_factory=list)

    _one_line = field_validator("county")(check_one_line)
    _language = field_validator("language", mode="before")(_language)

    def resource(self, resource_id: str) -> CountyResource:
        return next(resource for resource in self.resources if resource.id == resource_id)
