"""Pydantic types for the handbook data and the plan file.

The handbook (``handbook/*.yaml``) describes what NAV's establishment handbook
says, with a source on every duration and dependency. The plan file
(``navplan.yaml``) holds only what is local to one office. Both are validated
here; :mod:`navplan.plan.loading` turns YAML into these types and
:mod:`navplan.plan.project` merges them into one schedulable network.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

ACTIVITY_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"
ActivityId = Annotated[str, Field(pattern=ACTIVITY_ID_PATTERN, description="Activity id, e.g. '2.1' or '9.2.3'")]

_DURATION_RE = re.compile(r"^\s*(\d{1,9})\s*([dwm])\s*$")
_NORWEGIAN_DATE_RE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")

#: Upper bounds that keep a plan within a sane calendar range (and hostile
#: input from building an enormous calendar).
MAX_WORKING_DAYS = 2600  # about ten years
MAX_MONTHS = 120
#: Plan dates outside these years are typing errors, and would overflow the calendar.
FIRST_YEAR, LAST_YEAR = 1990, 2150


class Strict(BaseModel):
    """Base for every file-backed type: unknown keys are errors, not ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Duration(BaseModel):
    """A length of work: working days (``d``), weeks of five working days
    (``w``) or calendar months (``m``, e.g. a notice period).

    >>> Duration.parse("3w").working_days
    15
    >>> str(Duration.parse("2m"))
    '2m'
    """

    model_config = ConfigDict(frozen=True)

    amount: int
    unit: Literal["d", "w", "m"]

    @classmethod
    def parse(cls, text: str | int) -> "Duration":
        if isinstance(text, int) and not isinstance(text, bool):
            text = f"{text}d"
        match = _DURATION_RE.match(str(text).lower())
        if not match:
            raise ValueError(
                f"'{text}' is not a duration: write a whole number followed by d (working days), "
                "w (weeks) or m (months), e.g. 10d, 3w, 2m"
            )
        duration = cls(amount=int(match.group(1)), unit=match.group(2))
        if duration.unit == "m" and duration.amount > MAX_MONTHS:
            raise ValueError(f"'{text}' is longer than {MAX_MONTHS} months")
        if duration.unit != "m" and duration.working_days > MAX_WORKING_DAYS:
            raise ValueError(f"'{text}' is longer than {MAX_WORKING_DAYS} working days")
        return duration

    @property
    def working_days(self) -> int:
        """Length in working days; months have no fixed length and raise."""
        if self.unit == "d":
            return self.amount
        if self.unit == "w":
            return self.amount * 5
        raise ValueError("a duration in months has no fixed number of working days")

    @property
    def is_zero(self) -> bool:
        return self.amount == 0

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"


def _parse_duration_field(value: object) -> object:
    if value is None or isinstance(value, Duration):
        return value
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return Duration.parse(value)
    raise ValueError("a duration is written like 10d, 3w or 2m")


def parse_date(value: object) -> object:
    """Accept ISO dates (2019-12-31) and Norwegian dates (31.12.2019).

    >>> parse_date("31.12.2019")
    datetime.date(2019, 12, 31)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date) or value is None:
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _NORWEGIAN_DATE_RE.match(text)
        parsed = None
        try:
            if match:
                day, month, year = (int(g) for g in match.groups())
                parsed = dt.date(year, month, day)
            elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                parsed = dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"'{text}' is not a real date ({exc})") from None
        if parsed is not None:
            if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
                raise ValueError(f"'{text}' is outside the years navplan plans for ({FIRST_YEAR}-{LAST_YEAR})")
            return parsed
    raise ValueError(f"'{value}' is not a date: write dd.mm.yyyy or yyyy-mm-dd")


PlanDate = Annotated[dt.date, Field(description="dd.mm.yyyy or yyyy-mm-dd")]


class LinkType(str, Enum):
    FS = "FS"  # finish-to-start: the successor starts after the predecessor finishes
    SS = "SS"  # start-to-start: the successor starts after the predecessor starts
    FF = "FF"  # finish-to-finish: the successor finishes after the predecessor finishes


class Source(Strict):
    """Where a duration or a dependency comes from.

    Either the handbook (``page`` with a ``quote``), another seed document
    (``document`` + ``quote``), or an ``estimate`` with its reason. navplan
    never presents an estimate as the handbook's word.
    """

    page: int | None = Field(None, ge=1, le=40, description="Page in the handbook v2.0")
    document: str | None = Field(None, description="Another source document, e.g. 'NAV Indre Østfold mandate (13.03.2018)'")
    quote: str | None = None
    estimate: str | None = Field(None, description="Why this value was estimated, when no source states it")

    @model_validator(mode="after")
    def _one_kind(self) -> "Source":
        cited = self.page is not None or self.document is not None
        if cited and self.estimate:
            raise ValueError("a source is either cited (page/document + quote) or an estimate, not both")
        if not cited and not self.estimate:
            raise ValueError("a source needs a page or document with a quote, or an estimate with its reason")
        if cited and not self.quote:
            raise ValueError("a cited source needs the quote it relies on")
        return self

    @property
    def is_estimate(self) -> bool:
        return self.estimate is not None


class Text(Strict):
    """A text in bokmål with its English translation."""

    nb: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nb


class Link(Strict):
    """A dependency on a predecessor activity."""

    id: ActivityId
    type: LinkType = LinkType.FS
    lag: Duration = Field(default_factory=lambda: Duration(amount=0, unit="d"))
    source: Source | None = None

    _parse_lag = field_validator("lag", mode="before")(_parse_duration_field)

    @field_validator("lag")
    @classmethod
    def _lag_in_days(cls, lag: Duration) -> Duration:
        if lag.unit == "m":
            raise ValueError("a lag is given in working days or weeks (d or w), not months")
        return lag


def _links_from_shorthand(value: object) -> object:
    """``after: ["2.2", {id: "6.1", type: SS}]`` — a bare id is a finish-to-start link."""
    if value is None:
        return []
    if isinstance(value, (str, int, float)):
        value = [value]
    if isinstance(value, list):
        return [{"id": str(item)} if isinstance(item, (str, int, float)) else item for item in value]
    return value


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
    duration: Duration | None = None
    duration_source: Source | None = None
    after: list[Link] = Field(default_factory=list)
    note: Text | None = None

    _parse_duration = field_validator("duration", mode="before")(_parse_duration_field)
    _parse_after = field_validator("after", mode="before")(_links_from_shorthand)

    @model_validator(mode="after")
    def _sourced(self) -> "HandbookActivity":
        if self.duration is not None and self.duration_source is None:
            raise ValueError(f"activity {self.id}: every duration needs a duration_source")
        for link in self.after:
            if link.source is None:
                raise ValueError(f"activity {self.id}: the dependency on {link.id} needs a source")
        return self


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
                    raise ValueError(f"the added dependency of {successor} on {link.id} needs a source")
        return self


class Status(str, Enum):
    NOT_STARTED = "not_started"
    STARTED = "started"
    DONE = "done"


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
            raise ValueError("fellesferie weeks are ISO week numbers 1-53")
        return value


class PlanActivity(Strict):
    """One block under ``activities:`` in a plan: either local changes to a
    handbook activity (same id) or a new local activity (title required)."""

    id: ActivityId
    title: str | None = None
    parent: ActivityId | None = None
    milestone: bool | None = None
    duration: Duration | None = None
    after: list[Link] | None = Field(None, description="Replaces the activity's dependencies when given")
    fixed: PlanDate | None = Field(None, description="A milestone happens on this date; a task starts on it")
    not_before: PlanDate | None = Field(None, description="Start no earlier than")
    not_after: PlanDate | None = Field(None, description="Finish no later than")
    role: str | None = None
    owner: str | None = None
    status: Status = Status.NOT_STARTED
    actual_start: PlanDate | None = None
    actual_finish: PlanDate | None = None
    notes: str | None = None

    _parse_duration = field_validator("duration", mode="before")(_parse_duration_field)
    _parse_after = field_validator("after", mode="before")(
        lambda value: None if value is None else _links_from_shorthand(value)
    )
    _parse_dates = field_validator("fixed", "not_before", "not_after", "actual_start", "actual_finish", mode="before")(
        parse_date
    )

    @model_validator(mode="after")
    def _consistent(self) -> "PlanActivity":
        if self.actual_finish and self.status is not Status.DONE:
            raise ValueError("actual_finish is only set when status is done")
        if self.actual_start and self.status is Status.NOT_STARTED:
            raise ValueError("actual_start is set but status is not_started: set status to started or done")
        if self.actual_start and self.actual_finish and self.actual_finish < self.actual_start:
            raise ValueError("actual_finish is before actual_start")
        if self.not_before and self.not_after and self.not_after < self.not_before:
            raise ValueError("not_after is before not_before")
        return self


class Plan(Strict):
    """The plan file, ``navplan.yaml``."""

    navplan: int = Field(1, ge=1, le=1, description="Plan file format version (1)")
    office: str = Field(min_length=1, max_length=200)
    municipalities: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(default_factory=list)
    opening: PlanDate
    start: PlanDate | None = Field(None, description="Plan start: nothing is scheduled before it")
    template: Literal["new", "merger"] = "new"
    handbook: Literal["2.0"] = "2.0"
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)
    drop: list[ActivityId] = Field(default_factory=list, description="Handbook activities not used in this plan")
    activities: list[PlanActivity] = Field(default_factory=list)

    _parse_dates = field_validator("opening", "start", mode="before")(parse_date)

    @field_validator("start")
    @classmethod
    def _start_before_opening(cls, start: dt.date | None, info: ValidationInfo) -> dt.date | None:
        opening = info.data.get("opening")
        if start is not None and opening is not None and start >= opening:
            raise ValueError(f"the plan start {start:%d.%m.%Y} must be before the opening date {opening:%d.%m.%Y}")
        return start
