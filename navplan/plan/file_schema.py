"""The JSON Schema of the plan file as people write it: ``navplan schema plan``.

It is written out here rather than derived from the pydantic models, because
it describes the *text*, not the models. navplan reads every YAML scalar as
the text written (:mod:`navplan.plan.safe_yaml`) and converts it per field:
``opening: 03.01.2028``, ``duration: 10d``, ``after: ["2.1"]`` and
``status: ferdig`` are all valid. An editor reads the same file as YAML 1.2,
where ``1`` is a number, ``true`` a boolean, ``2.1`` a number and
``2020-01-01`` a string; so each field accepts every form the loader accepts,
as an editor sees it (an office named ``2020`` is a number to the editor and
a name to navplan).

The promise, tested against the examples, the README and every test plan: a
plan navplan reads is valid under this schema. The schema catches what can be
told from one file's shape (unknown and missing fields, text where a list
belongs, a date, duration, status, id or role that cannot be read, actual
dates the status does not allow); not what needs the handbook's network
(unknown activity ids, cycles) or arithmetic on dates (a start after the
opening, a finish before its start, 30 February).
"""

from __future__ import annotations

import re
from typing import Any

#: Characters no one-line text may hold (as navplan.plan.values._FORBIDDEN and the bidirectional
#: controls, values._DIRECTION_CONTROLS); a note may hold tabs and newlines.
_DIRECTION = "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069"
_CONTROL = "\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufffe\\uffff" + _DIRECTION
_NOTE_CONTROL = "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufffe\\uffff" + _DIRECTION
#: Years a plan date may have (navplan.plan.values.FIRST_YEAR, LAST_YEAR: 1990-2150), and the leap years
#: among them (every fourth, but not 2100).
_YEAR = "(?:199[0-9]|20[0-9]{2}|21[0-4][0-9]|2150)"
_LEAP_YEAR = "(?:199[26]|20(?:[02468][048]|[13579][26])|21(?:0[48]|[13][26]|[24][048]))"


def _date_pattern() -> str:
    """dd.mm.yyyy (day and month may have one digit) or yyyy-mm-dd, naming a day that exists."""
    norwegian = (f"(?:(?:0?[1-9]|1[0-9]|2[0-8])\\.(?:0?[1-9]|1[0-2])|(?:29|30)\\.(?:0?[13-9]|1[0-2])"
                 f"|31\\.(?:0?[13578]|1[02]))\\.{_YEAR}|29\\.0?2\\.{_LEAP_YEAR}")
    iso = (f"{_YEAR}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
           f"|(?:0[13578]|1[02])-31)|{_LEAP_YEAR}-02-29")
    return f"^\\s*(?:{norwegian}|{iso})\\s*$"
#: Durations up to navplan.plan.values' limits: 2600 working days, 520 weeks of five, 120 months.
_UP_TO = {
    "d": "(?:[0-9]{1,3}|1[0-9]{3}|2[0-5][0-9]{2}|2600)",
    "w": "(?:[0-9]{1,2}|[1-4][0-9]{2}|5[01][0-9]|520)",
    "m": "(?:[0-9]{1,2}|1[01][0-9]|120)",
}
_UP_TO["u"] = _UP_TO["v"] = _UP_TO["w"]  # weeks in Norwegian: u for uker, v for veker


def _either_case(word: str) -> str:
    """``word`` as a pattern that ignores case (JSON Schema patterns have no flags)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.lower() != c.upper() else re.escape(c) for c in word)


def _text(*, low: int = 0, high: int | None = None, multiline: bool = False, nullable: bool = False,
          description: str = "") -> dict[str, Any]:
    """A text field: leading and trailing spaces are dropped, then ``low``..``high``
    characters without control characters remain. A number or a boolean is
    text too (``office: 2020``): navplan reads what was written."""
    control = _NOTE_CONTROL if multiline else _CONTROL
    solid, any_ = f"[^\\s{control}]", f"[^{control}]"
    middle = f"{any_}*" if high is None else f"{any_}{{0,{max(0, high - 2)}}}"
    core = f"{solid}(?:{middle}{solid})?" if high is None or high >= 2 else solid
    inner = core if low >= 1 else f"(?:{core})?"
    forms: list[dict[str, Any]] = [{"type": "string", "pattern": f"^\\s*{inner}\\s*$"}, {"type": ["number", "boolean"]}]
    return _schema(forms, nullable, description)


def _schema(forms: list[dict[str, Any]], nullable: bool, description: str) -> dict[str, Any]:
    if nullable:
        forms = [*forms, {"type": "null"}]
    schema: dict[str, Any] = {"anyOf": forms} if len(forms) > 1 else dict(forms[0])
    if description:
        schema = {"description": description, **schema}
    return schema


def _activity_id(*, nullable: bool = False, description: str = "") -> dict[str, Any]:
    """An activity id; unquoted, ``2.1`` is a number to an editor, and the text 2.1 to navplan."""
    return _schema([{"type": "string", "pattern": "^\\s*[A-Za-z0-9][A-Za-z0-9._-]{0,31}\\s*$"},
                    {"type": "number", "minimum": 0}], nullable,
                   description or "An activity id, e.g. \"2.1\" or \"9.2.3\" (quote it: YAML reads 2.10 as 2.1)")


def _date(*, nullable: bool = True, description: str = "") -> dict[str, Any]:
    return _schema([{"type": "string", "pattern": _date_pattern()}], nullable,
                   (description + ": " if description else "") + "dd.mm.yyyy or yyyy-mm-dd, 1990-2150")


def _duration(units: str = "dwuvm", *, nullable: bool = True, description: str = "") -> dict[str, Any]:
    """``10d`` working days, ``3w`` (or ``3u``, ``3v``) weeks of five working days, ``2m`` calendar months
    (the unit is required)."""
    amounts = "|".join(f"0*{_UP_TO[unit]}\\s*[{unit}{unit.upper()}]" for unit in units)
    return _schema([{"type": "string", "pattern": f"^\\s*(?:{amounts})\\s*$"}], nullable, description)


def _duration_or_range(description: str) -> dict[str, Any]:
    """A plain duration (fixed), or a range for `navplan risk`: ``3w..8w`` (its likely value the
    handbook's), ``3w..5w..8w`` or ``{low, likely, high}``; all in working days and weeks, or all in months."""
    days = "|".join(f"0*{_UP_TO[unit]}\\s*[{unit}{unit.upper()}]" for unit in "dwuv")
    months = f"0*{_UP_TO['m']}\\s*[mM]"
    range_text = (f"^\\s*(?:(?:{days})\\s*\\.\\.\\s*(?:(?:{days})\\s*\\.\\.\\s*)?(?:{days})"
                  f"|{months}\\s*\\.\\.\\s*(?:{months}\\s*\\.\\.\\s*)?{months})\\s*$")
    value = _duration(nullable=False)
    spread = {"type": "object", "additionalProperties": False, "required": ["low", "high"],
              "description": "low, likely (the schedule's; the handbook's when left out) and high",
              "properties": {"low": value, "likely": value, "high": value}}
    return _schema([*_duration()["anyOf"][:-1], {"type": "string", "pattern": range_text}, spread], True,
                   description)


def _boolean(*, nullable: bool = False, description: str = "") -> dict[str, Any]:
    """true or false; navplan also reads yes/no, on/off, 1/0, y/n and t/f in any case."""
    words = ["true", "false", "yes", "no", "on", "off", "t", "f", "y", "n", "1", "0"]
    return _schema([{"type": "boolean"}, {"enum": [0, 1]},
                    {"type": "string", "pattern": f"^(?:{'|'.join(_either_case(w) for w in words)})$"}],
                   nullable, description)


def _whole_number(low: int, high: int) -> dict[str, Any]:
    return {"anyOf": [{"type": "integer", "minimum": low, "maximum": high},
                      {"type": "string", "pattern": "^\\s*\\+?[0-9]+(?:\\.0*)?\\s*$"}]}


def status_words() -> dict[str, list[str]]:
    """Every word navplan reads as each status: the file format's and the ones people say, in every language."""
    from navplan.messages import MESSAGES
    from navplan.plan.values import Status

    return {status.value: list(dict.fromkeys([status.value, *MESSAGES[f"status.{status.value}"]])) for status in Status}


def _status_pattern(statuses: list[str]) -> str:
    """The words of ``statuses``, in any case, with spaces, ``_`` or ``-`` between words."""
    separator = "[\\s_-]"
    alternatives = []
    for status in statuses:
        for word in status_words()[status]:
            parts = word.replace("_", " ").replace("-", " ").split()
            alternatives.append(f"{separator}+".join(_either_case(part) for part in parts))
    return f"^{separator}*(?:{'|'.join(dict.fromkeys(alternatives))}){separator}*$"


def _status(statuses: list[str], description: str = "") -> dict[str, Any]:
    return _schema([{"type": "string", "pattern": _status_pattern(statuses)}], False, description)


def _role(role_ids: list[str]) -> dict[str, Any]:
    return _schema([{"type": "string", "pattern": f"^\\s*(?:{'|'.join(re.escape(r) for r in role_ids)})\\s*$"}], True,
                   "A role id from the handbook (navplan handbook --format json): " + ", ".join(role_ids))


def _source() -> dict[str, Any]:
    return {
        "type": "object", "additionalProperties": False,
        "description": "Where a duration or a dependency comes from: a page, a document or a law (with its "
                       "section and url) and a quote, or an estimate",
        "properties": {
            "law": _text(nullable=True), "section": _text(nullable=True),
            "url": {"anyOf": [{"type": "string", "pattern": "^https?://\\S+$"}, {"type": "null"}]},
            "page": _schema([{"type": "integer", "minimum": 1, "maximum": 40}, _whole_number(1, 40)["anyOf"][1]],
                            True, "Page in the handbook v2.0"),
            "document": _text(nullable=True), "quote": _text(multiline=True, nullable=True),
            "estimate": _schema([*_text(multiline=True)["anyOf"], {
                "type": "object", "additionalProperties": False, "required": ["nb", "en"],
                "properties": {"nb": _text(multiline=True), "en": _text(multiline=True)}}], True,
                "Why the value is estimated: one text, or in bokmål and English"),
        },
    }


def _link() -> dict[str, Any]:
    return {
        "type": "object", "additionalProperties": False, "required": ["id"],
        "properties": {
            "id": _activity_id(),
            "type": {"enum": ["FS", "SS", "FF"],
                     "description": "FS finish-to-start (the default), SS start-to-start, FF finish-to-finish"},
            "lag": _duration("dw", nullable=False, description="Working days (10d) or weeks (2w) after the link"),
            "source": {"anyOf": [_source(), {"type": "null"}]},
        },
    }


def _has(field: str) -> dict[str, Any]:
    """The object has ``field`` with a value (not null)."""
    return {"required": [field], "properties": {field: {"not": {"type": "null"}}}}


def _true() -> dict[str, Any]:
    """The values navplan reads as true (see :func:`_boolean`)."""
    words = ["true", "yes", "on", "t", "y", "1"]
    return {"anyOf": [{"const": True}, {"const": 1},
                      {"type": "string", "pattern": f"^(?:{'|'.join(_either_case(w) for w in words)})$"}]}



def _probability(*, nullable: bool, description: str) -> dict[str, Any]:
    """Above 0 and at most 1 (0.2, "0,2") or a percentage above 0 and at most 100 ("20 %")."""
    below_one = "0*(?:[.,][0-9]*[1-9][0-9]*|1(?:[.,]0*)?)"
    percent = "(?:0*[1-9][0-9]?(?:[.,][0-9]*)?|0*[.,][0-9]*[1-9][0-9]*|0*100(?:[.,]0*)?)\\s*%"
    return _schema([{"type": "number", "exclusiveMinimum": 0, "maximum": 1},
                    {"type": "string", "pattern": f"^\\s*(?:{below_one}|{percent})\\s*$"}], nullable, description)


def _rank() -> dict[str, Any]:
    """A rank correlation from 0 to 1 (0.6, "0,6")."""
    text = "0*[.,][0-9]+|0+(?:[.,][0-9]*)?|0*1(?:[.,]0*)?"
    return _schema([{"type": "number", "minimum": 0, "maximum": 1},
                    {"type": "string", "pattern": f"^\\s*(?:{text})\\s*$"}], False,
                   "Spearman's rank correlation between any two of the activities: 0 (independent) to 1 "
                   "(fully together); never negative, as a shared cause moves durations the same way")


def _not_nothing() -> dict[str, Any]:
    """A duration or range that is not all zero: ``0d``, ``0w..0d``, ``{low: 0d, high: 0w}`` say nothing."""
    zero = "0+\\s*[dwmDWM]"
    return {"not": {"anyOf": [
        {"type": "string", "pattern": f"^\\s*(?:{zero}\\s*\\.\\.\\s*)?{zero}\\s*$"},
        {"enum": [0]},
        {"type": "object", "required": ["high"],
         "properties": {"high": {"anyOf": [{"enum": [0]}, {"type": "string", "pattern": f"^\\s*{zero}\\s*$"}]}}}]}}


def _ids(*, low: int, description: str) -> dict[str, Any]:
    """Activity ids: a list (each once), or one id alone."""
    items: dict[str, Any] = {"type": "array", "items": _activity_id(), "minItems": low, "uniqueItems": True}
    return {"description": description, "anyOf": [items, *([_activity_id()] if low <= 1 else [])]}


def _shared_cause() -> dict[str, Any]:
    return {
        "type": "object", "additionalProperties": False, "required": ["rank"],
        "description": "Activities whose durations share a cause (navplan risk samples them correlated); with the "
                       "id of one of the handbook's shared causes, it replaces it (rank 0 turns it off)",
        "properties": {
            "id": _activity_id(nullable=True, description="The handbook's shared cause to change, e.g. lokaler"),
            "activities": _ids(low=2, description="Two or more activities with a duration range"),
            "rank": _rank(),
            "reason": _text(high=200, nullable=True, description="The cause they share, e.g. \"samme utleier\""),
        },
        # A new group names its activities and the cause they share.
        "anyOf": [_has("id"), {"allOf": [_has("activities"), _has("reason")]}],
    }


def _days_or_range(description: str) -> dict[str, Any]:
    """Working days or weeks, or a range of them: ``6w``, ``6w..10w``, ``{low, likely, high}`` (no months)."""
    days = "|".join(f"0*{_UP_TO[unit]}\\s*[{unit}{unit.upper()}]" for unit in "dw")
    value = _duration("dw", nullable=False)
    spread = {"type": "object", "additionalProperties": False, "required": ["low", "high"],
              "properties": {"low": value, "likely": value, "high": value}}
    return _schema([value, {"type": "string", "pattern": f"^\\s*(?:{days})\\s*\\.\\.\\s*(?:{days})\\s*$"},
                    spread], False, description)


def _risk() -> dict[str, Any]:
    return {
        "type": "object", "additionalProperties": False, "required": ["id", "title", "probability", "delays", "by"],
        "description": "A risk event: it happens or not, and when it does it delays these activities",
        "properties": {
            "id": _activity_id(description="The risk's id, e.g. R1: none of the activities' ids"),
            "title": _text(low=1, high=200, description="What may happen"),
            "probability": _probability(nullable=False, description="Above 0 and at most 1 (0.2), or 20 %"),
            "delays": _ids(low=1, description="The activities it delays"),
            "by": {"allOf": [_days_or_range("How much it delays them, in working days or weeks: 6w, 6w..10w (any "
                                            "value between as likely) or {low, likely, high}"), _not_nothing()]},
            "owner": _text(low=1, high=200, nullable=True, description="Who watches the risk"),
            "mitigation": _text(multiline=True, nullable=True, description="What is done about it"),
        },
    }


def _amount(description: str) -> dict[str, Any]:
    """A capacity or a load: above 0 and at most 1000, with at most two decimals (2, 0.5, "1,5"). A
    number's decimals are not checked (JSON Schema's multipleOf works on binary floats and would
    refuse 0.29); navplan refuses 0.333 itself."""
    text = ("\\+?(?:0*(?:[1-9][0-9]{0,2}|1000)(?:[.,]0{0,2})?"
            "|0*(?:[1-9][0-9]{0,2})?[.,](?:[0-9][0-9]?)|0*[.,][0-9]{1,2})")
    return _schema([{"type": "number", "exclusiveMinimum": 0, "maximum": 1000},
                    {"type": "string", "pattern": f"^\\s*(?:{text})\\s*$",
                     "not": {"pattern": "^\\s*\\+?0*(?:[.,]0*)?\\s*$"}}], False, description)


def _resource_id(description: str = "") -> dict[str, Any]:
    return {"type": "string", "pattern": "^\\s*[A-Za-z0-9æøåÆØÅ][A-Za-z0-9æøåÆØÅ._-]{0,63}\\s*$",
            **({"description": description} if description else {})}


def _resource() -> dict[str, Any]:
    return {
        "type": "object", "additionalProperties": False, "required": ["id", "capacity"],
        "description": "A resource the plan adds (a project coordinator, a trainer); activities name it in uses:",
        "properties": {
            "id": _resource_id("Its id, e.g. prosjektkoordinator: no role's"),
            "title": _text(high=200, nullable=True, description="Its name as people say it"),
            "capacity": _amount("How many activities it carries at once"),
        },
    }


def _activity(role_ids: list[str], opening_id: str) -> dict[str, Any]:
    return {
        "type": "object", "additionalProperties": False, "required": ["id"],
        "description": "Local changes to a handbook activity (same id), or a new local activity (title and "
                       "duration or milestone)",
        "properties": {
            "id": _activity_id(),
            "title": _text(low=1, high=200, nullable=True,
                           description="The activity's name (a new activity needs one)"),
            "parent": _activity_id(nullable=True, description="The activity it belongs under (new activities)"),
            "milestone": _boolean(nullable=True, description="A milestone: a date, no duration"),
            "duration": _duration_or_range(
                "10d working days, 3w weeks of five working days, 2m calendar months; or a range for navplan risk, "
                "3w..8w, 3w..5w..8w (low..likely..high) or {low, likely, high}"),
            "after": {
                "description": "Replaces the activity's dependencies: ids (finish-to-start), or {id, type, lag}",
                "anyOf": [{"type": "array", "items": {"anyOf": [_activity_id(), _link()]}}, _activity_id(),
                          {"type": "null"}],
            },
            "fixed": _date(description="A milestone happens on this date; a task starts on it"),
            "not_before": _date(description="Start no earlier than"),
            "not_after": _date(description="Finish no later than"),
            "role": _role(role_ids),
            "owner": _text(low=1, high=200, nullable=True, description="Who does it"),
            "status": _status(["not_started", "started", "done"],
                              "not_started | started | done (or ikke startet | pågår | ferdig)"),
            "actual_start": _date(description="When work began (status started or done)"),
            "actual_finish": _date(description="When work was finished (status done)"),
            "probability": _probability(nullable=True, description=(
                "Work that happens or not (the handbook's 'eventuell'): the probability it is needed at all; "
                "navplan risk gives it no time in the other samples")),
            "remaining": {"description": "Work under way (status started): what remains after the as-of date, "
                                         "2w or a range 1w..3w; in months for an activity counted in months",
                          "allOf": [_duration_or_range(""), _not_nothing()]},
            "notes": _text(multiline=True, nullable=True),
            "schedule": _schema([{"type": "string", "pattern": "^\\s*(?:" + _either_case("asap") + "|"
                                  + _either_case("alap") + ")\\s*$"}], True,
                                "asap: as soon as possible; alap: as late as possible (work tied to the opening)"),
            "load": {"anyOf": [_amount("How much of its people it takes while it runs (1; 0.5 for half)"),
                               {"type": "null"}]},
            "uses": {"description": "The plan's extra resources (under resources:) it uses too",
                     "anyOf": [{"type": "array", "items": _resource_id(), "uniqueItems": True}, _resource_id(),
                               {"type": "null"}]},
        },
        # The status must allow the actual dates (a missing status is not_started); the opening is a
        # date, never given a duration or made a task; a milestone has no duration but zero.
        "allOf": [
            {"if": {"required": ["id"], "properties": {"id": {"const": opening_id}}},
             "then": {"not": {"anyOf": [_has("duration"), _has("milestone")]}}},
            {"if": {"required": ["milestone"], "properties": {"milestone": _true()}},
             "then": {"properties": {"duration": {"anyOf": [
                 {"type": "null"}, {"type": "string", "pattern": "^\\s*0+\\s*[dwuvmDWUVM]\\s*$"}]}}}},
            {"if": _has("actual_finish"),
             "then": {"required": ["status"], "properties": {"status": _status(["done"])}}},
            {"if": _has("actual_start"),
             "then": {"required": ["status"], "properties": {"status": _status(["started", "done"])}}},
            {"if": _has("remaining"),
             "then": {"required": ["status"], "properties": {"status": _status(["started"])}}},
        ],
    }


def plan_file_schema() -> dict[str, Any]:
    """The schema of ``navplan.yaml``, format version 1."""
    from navplan.messages import LANGUAGES
    from navplan.plan.handbook_files import load_handbook

    handbook = load_handbook()
    role_ids = [role.id for role in handbook.roles]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "navplan plan file (navplan.yaml)",
        "description": "What is local to one office's plan; everything else comes from the handbook shipped with "
                       "navplan. Dates are dd.mm.yyyy or yyyy-mm-dd.",
        "type": "object",
        "additionalProperties": False,
        "required": ["office", "opening"],
        "properties": {
            "navplan": {"description": "Plan file format version: 1", "anyOf": [
                {"const": 1}, {"type": "string", "pattern": "^\\s*\\+?0*1(?:\\.0*)?\\s*$"}]},
            "office": _text(low=1, high=200, description="The office, e.g. \"NAV Indre Østfold\""),
            "municipalities": {"type": "array", "items": _text(low=1, high=100)},
            "opening": _date(nullable=False, description="The opening date"),
            "start": _date(description="Plan start, before the opening: nothing is scheduled before it"),
            "template": {"enum": ["new", "merger", "split"],
                         "description": "new (the handbook), merger (several offices) or split "
                                        "(a divided municipality)"},
            "språk": {"type": "string", "pattern": "^\\s*(?:" + "|".join(map(_either_case, LANGUAGES)) + ")\\s*$",
                      "description": "The plan's language (" + ", ".join(LANGUAGES) + "): every command speaks it "
                                     "unless --lang or NAVPLAN_LANG says otherwise"},
            "handbook": {"enum": ["2.0", 2.0], "description": "The handbook version: \"2.0\""},
            "current": {"enum": ["2027", 2027, None],
                        "description": "The current layer laid over the handbook (laws, guides and estimates for "
                                       "today); leave it out for the handbook alone"},
            "calendar": {
                "type": "object", "additionalProperties": False,
                "properties": {
                    "fellesferie": {
                        "description": "true closes ISO weeks 28-30; or a list of ISO week numbers "
                                       "(1-52: week 53 is not in every year)",
                        "anyOf": [*_boolean()["anyOf"], {"type": "array", "items": _whole_number(1, 52)}],
                    },
                    "christmas_closure": _boolean(description="Close 24-31 December"),
                    "closed": {"type": "array", "items": _date(nullable=False), "description": "Further closed days"},
                },
            },
            "drop": {"type": "array", "items": _activity_id(),
                     "description": "Handbook activities not used here (with their sub-activities)"},
            "correlation": {"type": "array", "items": _shared_cause(), "maxItems": 50,
                            "description": "Shared causes for navplan risk; the handbook's apply too"},
            "risks": {"type": "array", "items": _risk(), "maxItems": 200,
                      "description": "The risk register: events that happen or not, and what they delay"},
            "opening_fixed_by_law": _boolean(
                nullable=True, description="The opening is a date the law sets (a merged or divided municipality's "
                                           "first day) and cannot move: no later opening is offered. Default: true "
                                           "for the merger and split templates, false for a new office"),
            "capacity": {
                "type": "object", "maxProperties": 200,
                "description": "How many activities a role (its id or title), a person (an owner's name) carries at "
                               "once; with it, the planned dates are levelled",
                "propertyNames": _text(low=1, high=200)["anyOf"][0],
                "additionalProperties": _amount("How many at once: 2, or 0.5"),
            },
            "resources": {"type": "array", "items": _resource(), "maxItems": 200,
                          "description": "Extra resources (a project coordinator, a trainer) activities use "
                                         "with uses:"},
            "activities": {"type": "array", "items": _activity(role_ids, handbook.opening_id)},
            "baseline": _baseline(),
        },
    }


def _baseline() -> dict[str, Any]:
    """What `navplan baseline` writes: the day, the opening then, and each activity's start and finish."""
    dates = {"type": "object", "additionalProperties": False, "required": ["start", "finish"],
             "properties": {"start": _date(nullable=False), "finish": _date(nullable=False)}}
    return {"type": "object", "additionalProperties": False, "required": ["recorded", "opening"],
            "description": "The dates the steering group approved, as `navplan baseline` records them",
            "properties": {
                "recorded": _date(nullable=False, description="The day the baseline was recorded"),
                "opening": _date(nullable=False, description="The opening date then"),
                "activities": {"type": "object", "maxProperties": 10_000, "additionalProperties": dates,
                               "propertyNames": {"pattern": "^\\s*[A-Za-z0-9][A-Za-z0-9._-]{0,31}\\s*$"},
                               "description": "Each task's and milestone's planned start and finish, by id"}}}
