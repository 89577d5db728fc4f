"""The small value types every file navplan reads is made of: activity ids,
durations, dates, links between activities, bilingual texts and statuses.

Parsing errors are :class:`navplan.errors.InvalidValue` with a message key,
so pydantic passes them through and the user reads them in their language.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from enum import Enum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from navplan.errors import BIDI_CONTROLS, Choices, InvalidValue, Message

ACTIVITY_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"
ActivityId = Annotated[str, Field(pattern=ACTIVITY_ID_PATTERN, description="Activity id, e.g. '2.1' or '9.2.3'")]

#: Numbers are written in the digits 0-9 (``\d`` would also read ``０５`` and ``٣``), with any number
#: of leading zeros; the JSON Schema (navplan.plan.file_schema) reads them alike.
_DURATION_RE = re.compile(r"^\s*0*([0-9]{1,9})\s*([dwuvm])\s*$")
#: Norwegian unit letters: u for uker (bokmål), v for veker (nynorsk); both are weeks (w).
_UNIT_LETTERS = {"u": "w", "v": "w"}
_NORWEGIAN_DATE_RE = re.compile(r"^\s*([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\s*$")

#: Upper bounds that keep a plan within a sane calendar range (and hostile
#: input from building an enormous calendar).
MAX_WORKING_DAYS = 2600  # about ten years
MAX_MONTHS = 120
#: Plan dates outside these years are typing errors, and would overflow the calendar.
FIRST_YEAR, LAST_YEAR = 1990, 2150


#: Characters no line of a plan may hold: C0 and C1 controls (a newline or an
#: escape would break a one-line message, an ics line or an XML file), line and
#: paragraph separators and the noncharacters U+FFFE and U+FFFF.
_FORBIDDEN = {*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0xFFFE, 0xFFFF}
_MULTILINE_ALLOWED = {0x0A, 0x09}
#: Bidirectional controls (U+202E turns the rest of a line right to left, "Trojan Source"):
#: no text of a plan needs one, and every output shows them as escapes (navplan.errors).
_DIRECTION_CONTROLS = frozenset(BIDI_CONTROLS)


def check_one_line(text: str) -> str:
    r"""``text`` if it holds no control character; an office, a title, a name.

    >>> check_one_line("NAV Nord\nSør")
    Traceback (most recent call last):
    navplan.errors.InvalidValue: the text holds a control character (U+000A) at position 9: write it on one line without it
    """  # noqa: E501 (a doctest's expected message is one line)
    return _check_characters(text, set())


def check_multiline(text: str) -> str:
    r"""``text`` if it holds no control character other than newlines and tabs: a note.

    >>> check_multiline("Ring\x0bKari")
    Traceback (most recent call last):
    navplan.errors.InvalidValue: the text holds a control character (U+000B) at position 5: a note may hold line breaks and tabs, no other control character
    """  # noqa: E501 (a doctest's expected message is one line)
    return _check_characters(text, _MULTILINE_ALLOWED, "error.value.control_character_note")


_Text = TypeVar("_Text")


def _check_characters(text: _Text, allowed: set[int], key: str = "error.value.control_character") -> _Text:
    if not isinstance(text, str):
        return text
    for position, character in enumerate(text, start=1):
        code = ord(character)
        if (code in _FORBIDDEN or 0xD800 <= code <= 0xDFFF) and code not in allowed:
            raise InvalidValue(key, code=f"{code:04X}", position=position)
        if code in _DIRECTION_CONTROLS:  # every output shows it escaped (\u202e): it cannot be the name
            raise InvalidValue("error.value.direction_control", code=f"{code:04X}", position=position)
    return text


class Strict(BaseModel):
    """Base for every file-backed type: unknown keys are errors, not ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Duration(BaseModel):
    """A length of work: working days (``d``), weeks of five working days
    (``w``) or calendar months (``m``, e.g. a notice period).

    >>> Duration.parse("3w").working_days
    15
    >>> str(Duration.parse("2m")), str(Duration.parse("26u")), str(Duration.parse("3v"))
    ('2m', '26w', '3w')
    """

    model_config = ConfigDict(frozen=True)

    amount: int
    unit: Literal["d", "w", "m"]

    @classmethod
    def parse(cls, text: str | int) -> Duration:
        if isinstance(text, int) and not isinstance(text, bool):
            text = f"{text}d"
        match = _DURATION_RE.match(str(text).lower())
        if not match:
            raise InvalidValue("error.value.not_a_duration", value=text)
        duration = cls(amount=int(match.group(1)), unit=_UNIT_LETTERS.get(match.group(2), match.group(2)))
        if duration.unit == "m" and duration.amount > MAX_MONTHS:
            raise InvalidValue("error.value.duration_months", value=text, limit=MAX_MONTHS)
        if duration.unit != "m" and duration.working_days > MAX_WORKING_DAYS:
            raise InvalidValue("error.value.duration_days", value=text, limit=MAX_WORKING_DAYS)
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

    @property
    def in_months(self) -> bool:
        return self.unit == "m"

    @property
    def measure(self) -> int:
        """Working days, or months for a duration in months: what ranges compare."""
        return self.amount if self.unit == "m" else self.working_days

    @classmethod
    def __get_pydantic_json_schema__(cls, _core_schema: Any, _handler: Any) -> dict[str, Any]:
        # Files write a duration as text ("3w") or a number of working days, never as its fields.
        return {"anyOf": [{"type": "string", "pattern": DURATION_PATTERN}, {"type": "integer", "minimum": 0}],
                "description": "10d working days, 3w weeks of five working days, 2m calendar months"}


#: A duration as files write it, for the JSON Schema.
DURATION_PATTERN = r"^\s*0*[0-9]{1,9}\s*[dwuvmDWUVM]\s*$"
#: low..high, or low..likely..high.
_RANGE_RE = re.compile(r"^\s*(0*[0-9]{1,9}\s*[dwuvm])\s*\.\.\s*"
                       r"(?:(0*[0-9]{1,9}\s*[dwuvm])\s*\.\.\s*)?(0*[0-9]{1,9}\s*[dwuvm])\s*$")


def _parse_duration_field(value: object) -> object:
    if value is None or isinstance(value, Duration):
        return value
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return Duration.parse(value)
    raise InvalidValue("error.value.not_a_duration", value=value)


class DurationRange(BaseModel):
    """An uncertain duration: the least it can take, the likely value and the
    most it can take. ``navplan risk`` samples between low and high; every
    other command schedules the likely value. All three are working days (``d``,
    ``w``) or all three months (``m``).

    >>> DurationRange.parse("3w..8w")
    DurationRange(low=Duration(amount=3, unit='w'), likely=None, high=Duration(amount=8, unit='w'))
    >>> str(DurationRange.parse("3w..8w").with_likely(Duration.parse("5w")))
    '3w..5w..8w'
    """

    model_config = ConfigDict(frozen=True)

    low: Duration
    likely: Duration | None = None  # None: the handbook's duration, filled in when the plan is merged
    high: Duration

    @classmethod
    def parse(cls, text: object) -> DurationRange:
        """``low..high`` or ``low..likely..high`` as a plan writes it, or ``{low, likely, high}``.

        >>> str(DurationRange.parse("8w..12w..20w"))
        '8w..12w..20w'
        """
        if isinstance(text, dict):
            unknown = sorted(str(key) for key in text if key not in ("low", "likely", "high"))
            if unknown or "low" not in text or "high" not in text:
                raise InvalidValue("error.value.range_fields", value=", ".join(map(str, text)) or "{}")
            parts = {key: Duration.parse(_duration_text(value)) for key, value in text.items()}
            return cls.checked(parts["low"], parts.get("likely"), parts["high"])
        match = _RANGE_RE.match(str(text).lower())
        if not match:
            raise InvalidValue("error.value.not_a_duration", value=text)
        likely = Duration.parse(match.group(2)) if match.group(2) else None
        return cls.checked(Duration.parse(match.group(1)), likely, Duration.parse(match.group(3)))

    @classmethod
    def checked(cls, low: Duration, likely: Duration | None, high: Duration) -> DurationRange:
        """The range, if its values are in one unit family and in order."""
        if low.in_months != high.in_months:
            raise InvalidValue("error.value.range_units", low=low, high=high)
        if low.measure > high.measure:
            raise InvalidValue("error.value.range_order", low=low, high=high)
        if likely is not None:
            check_likely(low, likely, high)
        return cls(low=low, likely=likely, high=high)

    def with_likely(self, likely: Duration) -> DurationRange:
        return DurationRange.checked(self.low, likely, self.high)

    def __str__(self) -> str:
        middle = f"{self.likely}.." if self.likely is not None else ""
        return f"{self.low}..{middle}{self.high}"

    def as_plan_value(self) -> str:
        """How a plan file writes it: ``3w..8w``, or ``3w..5w..8w`` when the likely value is the plan's own."""
        return str(self)


def check_likely(low: Duration, likely: Duration, high: Duration) -> None:
    """A likely value lies between low and high, in the same unit family, and is work (above zero)."""
    if likely.in_months != low.in_months:
        raise InvalidValue("error.value.range_likely_units", likely=likely, low=low, high=high)
    if not low.measure <= likely.measure <= high.measure:
        raise InvalidValue("error.value.range_likely", likely=likely, low=low, high=high)
    if likely.is_zero:
        raise InvalidValue("error.value.range_likely_zero", low=low, high=high)


def _duration_text(value: object) -> str | int:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return value
    raise InvalidValue("error.value.not_a_duration", value=value)


def parse_duration_or_range(value: object) -> object:
    """A plan's ``duration``: a plain duration (scheduled as it is, never sampled),
    ``low..high`` or ``{low, likely, high}``."""
    if value is None or isinstance(value, (Duration, DurationRange)):
        return value
    if isinstance(value, dict) or (isinstance(value, str) and ".." in value):
        return DurationRange.parse(value)
    return _parse_duration_field(value)


#: The JSON Schema of a plan's ``duration``.
PLAN_DURATION_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": DURATION_PATTERN, "description": "fixed: 10d working days, 3w weeks, 2m months"},
        {"type": "integer", "minimum": 0, "description": "fixed: working days"},
        {"type": "string", "pattern": r"^\s*0*[0-9]{1,9}\s*[dwuvmDWUVM]\s*\.\.\s*"
                                      r"(?:0*[0-9]{1,9}\s*[dwuvmDWUVM]\s*\.\.\s*)?0*[0-9]{1,9}\s*[dwuvmDWUVM]\s*$",
         "description": "a range low..high for `navplan risk`; the likely value is the handbook's"},
        {"type": "object", "additionalProperties": False, "required": ["low", "high"],
         "description": "a range with its likely value; the schedule uses likely",
         "properties": {name: {"anyOf": [{"type": "string", "pattern": DURATION_PATTERN},
                                         {"type": "integer", "minimum": 0}]}
                        for name in ("low", "likely", "high")}},
        {"type": "null"},
    ],
    "description": "Working days (10d), weeks (3w) or calendar months (2m); or a range 3w..8w, or {low, likely, high}",
}


def parse_date(value: object) -> object:
    """Accept ISO dates (2019-12-31) and Norwegian dates (31.12.2019).

    >>> parse_date("31.12.2019")
    datetime.date(2019, 12, 31)
    >>> parse_date("29.02.2019")
    Traceback (most recent call last):
    navplan.errors.InvalidValue: '29.02.2019' is not a real date: February 2019 has 28 days
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date) or value is None:
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _NORWEGIAN_DATE_RE.match(text)
        iso = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text)
        found = match or iso
        if found:
            numbers = [int(g) for g in found.groups()]
            day, month, year = numbers if match else reversed(numbers)
            reason = _impossible(year, month, day)
            if reason is not None:
                raise InvalidValue("error.value.not_real_date", value=text, reason=reason)
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise InvalidValue("error.value.date_range", value=text, first=FIRST_YEAR, last=LAST_YEAR)
            return dt.date(year, month, day)
    raise InvalidValue("error.value.not_a_date", value=value)


def _impossible(year: int, month: int, day: int) -> Message | None:
    """Why year-month-day names no day of the calendar, or None if it does."""

    if year == 0:
        return Message("error.date.year_zero")
    if not 1 <= month <= 12:
        return Message("error.date.month", month=month)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return Message("error.date.day", month=MonthName(month), year=year, days=days)
    return None


class MonthName:
    """A month's name in the message's language."""

    def __init__(self, month: int) -> None:
        self.month = month

    def render(self, lang: str) -> str:
        from navplan.messages import month_name

        return month_name(self.month, lang)


PlanDate = Annotated[dt.date, Field(description="dd.mm.yyyy or yyyy-mm-dd")]


class LinkType(str, Enum):
    FS = "FS"  # finish-to-start: the successor starts after the predecessor finishes
    SS = "SS"  # start-to-start: the successor starts after the predecessor starts
    FF = "FF"  # finish-to-finish: the successor finishes after the predecessor finishes


class Text(Strict):
    """A text in bokmål with its English and (in the handbook data) nynorsk translation;
    a language without its own text reads the bokmål."""

    nb: str
    en: str
    nn: str | None = None

    def get(self, lang: str) -> str:
        return getattr(self, lang, None) or self.nb

    def render(self, lang: str) -> str:
        """As a message parameter: the text in the message's language."""
        return self.get(lang)


class Source(Strict):
    """Where a duration, a dependency, an owner or an activity comes from.

    Either the handbook (``page`` with a ``quote``), another document (``document``
    + ``quote``: a seed document, or a public guide with its ``url``), a law and
    its section (``law`` + ``section`` + ``quote`` + ``url``), or an
    ``estimate`` with its reason. navplan never presents an estimate as a
    source's word.
    """

    page: int | None = Field(None, ge=1, le=40, description="Page in the handbook v2.0")
    document: str | None = Field(
        None, description="Another source document, e.g. 'NAV Indre Østfold mandate (13.03.2018)'")
    law: str | None = Field(None, description="A law or regulation by its short name, e.g. 'inndelingslova'")
    section: str | None = Field(None, description="The law's section, e.g. '§ 26'")
    url: str | None = Field(None, pattern=r"^https?://\S+$", description="Where the quote can be read")
    quote: str | None = None
    estimate: Text | None = Field(None, description="Why this value was estimated, when no source states it (nb, en)")

    @field_validator("estimate", mode="before")
    @classmethod
    def _one_text_for_both(cls, value: object) -> object:
        # A plan's own link may give its reason in one language; the handbook's data gives both.
        return {"nb": value, "en": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_kind(self) -> Source:
        kinds = [self.page is not None, self.document is not None, self.law is not None]
        cited = any(kinds)
        if cited and self.estimate:
            raise InvalidValue("error.source.both")
        if not cited and not self.estimate:
            raise InvalidValue("error.source.neither")
        if sum(kinds) > 1:
            raise InvalidValue("error.source.one_citation")
        if cited and not self.quote:
            raise InvalidValue("error.source.quote")
        if self.law is not None and not (self.section and self.url):
            raise InvalidValue("error.source.law_section")
        return self

    @property
    def is_estimate(self) -> bool:
        return self.estimate is not None

    @property
    def kind(self) -> str:
        """handbook, law, guide (a document with its address), document (a seed document) or estimate."""
        if self.estimate is not None:
            return "estimate"
        if self.page is not None:
            return "handbook"
        if self.law is not None:
            return "law"
        return "guide" if self.url else "document"


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
            raise InvalidValue("error.value.lag_months")
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


class Status(str, Enum):
    NOT_STARTED = "not_started"
    STARTED = "started"
    DONE = "done"


def _status_key(word: str) -> str:
    return " ".join(word.replace("_", " ").replace("-", " ").split()).casefold()


@functools.cache
def _status_words() -> dict[str, Status]:
    """Every accepted spelling of a status, in every language's catalogue: read once per process,
    not at each activity of each plan."""
    from navplan.messages import MESSAGES

    return {_status_key(word): status for status in Status
            for word in (status.value, *MESSAGES[f"status.{status.value}"])}


def parse_status(value: object) -> object:
    """A status as the file format writes it or as people say it, in either language.

    >>> parse_status("Ferdig"), parse_status("not started"), parse_status("ikke-startet")
    (<Status.DONE: 'done'>, <Status.NOT_STARTED: 'not_started'>, <Status.NOT_STARTED: 'not_started'>)
    """
    if value is None or isinstance(value, Status):
        return value
    from unicodedata import normalize

    # As people type it: å as a and a combining ring is å (macOS, a pasted name).
    found = _status_words().get(_status_key(normalize("NFC", str(value))))
    if found is None:
        raise InvalidValue("error.value.status", value=value, choices=Choices(s.value for s in Status))
    return found


# --- Numbers for `navplan risk`: probabilities and rank correlations ---------------------------------

#: A number as YAML 1.2 (an editor) reads one: decimal with an optional exponent, or 0x / 0o whole numbers.
_YAML_NUMBER = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_YAML_BASED = re.compile(r"^0(?:x[0-9a-fA-F]+|o[0-7]+)$")
#: A decimal as people write one in Norway too: 0,2 (a plain decimal point works as well).
_DECIMAL = re.compile(r"^(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)$")
_PERCENT = re.compile(r"^(.*?)\s*%$")


def _number(value: object) -> float | None:
    """The number ``value`` says, as an editor's YAML or a Norwegian decimal (0,2); None if none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if abs(value) < float("inf") else None  # neither infinite nor NaN
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _YAML_BASED.match(text):
        return float(int(text[2:], 16 if text[1] == "x" else 8))
    if _YAML_NUMBER.match(text):
        return float(text)
    if _DECIMAL.match(text):
        return float(text.replace(",", "."))
    return None


def parse_probability(value: object) -> float:
    """A probability as people write it: above 0 and at most 1 (``0.2``, ``0,2``, ``.2``) or
    a percentage (``20 %``, ``20%``).

    >>> parse_probability("20 %"), parse_probability("0,25"), parse_probability(1)
    (0.2, 0.25, 1.0)
    >>> parse_probability("20")
    Traceback (most recent call last):
    navplan.errors.InvalidValue: '20' is not a probability: write a number above 0 and at most 1 (0.2) or a percentage (20 %)
    """  # noqa: E501 (a doctest's expected message is one line)
    percent = _PERCENT.match(value.strip()) if isinstance(value, str) else None
    if percent:
        amount = percent.group(1).strip()
        number = float(amount.replace(",", ".")) / 100 if _DECIMAL.match(amount) else None
    else:
        number = _number(value)
    if number is None or not 0.0 < number <= 1.0:
        raise InvalidValue("error.value.probability", value=value)
    return number


def parse_rank(value: object) -> float:
    """A rank correlation for a shared cause: from 0 (independent) to 1 (the durations move
    together); never negative, as a shared cause moves durations the same way.

    >>> parse_rank("0,6"), parse_rank("1")
    (0.6, 1.0)
    """
    number = None if isinstance(value, str) and "%" in value else _number(value)
    if number is None or not 0.0 <= number <= 1.0:
        raise InvalidValue("error.value.rank", value=value)
    return number


# --- When work should happen, and who carries it (issue 19) --------------------------------------------

#: How an activity is planned: as soon as possible (most work) or as late as possible (work tied to the opening).
SCHEDULE_MODES = ("asap", "alap")
#: The most a capacity or a load may be: a team, not a county.
MAX_AMOUNT = 1000
#: A capacity or a load has at most two decimals: 0.5 of a person, 1.25 of a team.
_AMOUNT = re.compile(r"^\s*\+?(?:[0-9]+(?:[.,][0-9]{0,2})?|[.,][0-9]{1,2})\s*$")


def parse_schedule_mode(value: object) -> str:
    """``asap`` or ``alap``, in any case.

    >>> parse_schedule_mode(" ALAP ")
    'alap'
    """
    text = value.strip().casefold() if isinstance(value, str) else None
    if text not in SCHEDULE_MODES:
        raise InvalidValue("error.value.schedule_mode", value=value, choices=Choices(SCHEDULE_MODES))
    return text


def parse_amount(value: object) -> float:
    """A capacity or a load: a number above 0 and at most 1,000 with at most two
    decimals (``2``, ``0.5``, ``1,5``): how many activities someone carries at
    once, or how much of a person one activity takes.

    >>> parse_amount("1,5"), parse_amount(2), parse_amount("0.25")
    (1.5, 2.0, 0.25)
    >>> parse_amount("0.333")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    navplan.errors.InvalidValue: '0.333' is not an amount: write a number above 0 and at most 1000, ...
    """
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = float(value)
    elif isinstance(value, float):
        number = value if abs(value) < float("inf") and round(value, 2) == value else None
    elif isinstance(value, str) and _AMOUNT.match(value):
        number = float(value.strip().lstrip("+").replace(",", "."))
    else:
        number = None
    if number is None or not 0.0 < number <= MAX_AMOUNT:
        raise InvalidValue("error.value.amount", value=value, limit=MAX_AMOUNT)
    return number
