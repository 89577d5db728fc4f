"""The JSON Schema of the county file as people write it: ``navplan schema county``.

Written out like the plan file's (:mod:`navplan.plan.file_schema`), for the
same reason: it describes the text an editor sees, where ``2`` is a number,
``2027-07-12`` a string and ``9.3`` a number, and accepts every form navplan
reads (dates ``12.07.2027`` or ``2027-07-12``, the unit in either language).
It catches what one file's shape tells; not what needs the handbook (unknown
or summary activity ids), the offices' plans (a plan that is not there, an
office's own ids), the other resources (an id written twice, an office naming
an unknown resource) or arithmetic on dates (a period that ends before it
begins, periods that overlap): ``navplan validate fylke.yaml`` finds those.
"""

from __future__ import annotations

from typing import Any

from navplan.plan.county_model import COUNTY_LANGUAGES, MAX_CAPACITY, RESOURCE_ID_PATTERN
from navplan.plan.file_schema import _activity_id, _date, _either_case, _schema, _text, _whole_number


def _unit_pattern() -> str:
    """Every word navplan reads as a unit, in any case, with spaces, ``_`` or ``-`` between its parts."""
    from navplan.plan.county_model import unit_words

    separator = "[\\s_-]"
    words = [f"{separator}+".join(_either_case(part) for part in word.split()) for word in unit_words()]
    return f"^{separator}*(?:{'|'.join(words)}){separator}*$"


def _capacity(description: str) -> dict[str, Any]:
    return {"description": description, **_whole_number(0, MAX_CAPACITY)}


def _resource_id(description: str = "") -> dict[str, Any]:
    inner = RESOURCE_ID_PATTERN.removeprefix("^").removesuffix("$")
    return _schema([{"type": "string", "pattern": f"^\\s*{inner}\\s*$"}, {"type": "number", "minimum": 0}], False,
                   description or "A resource's id, e.g. it-utrulling")


def _activities(description: str) -> dict[str, Any]:
    return {"description": description, "type": "array", "items": _activity_id()}


def county_file_schema() -> dict[str, Any]:
    """The schema of ``fylke.yaml``, format version 1."""
    period = {
        "type": "object", "additionalProperties": False, "required": ["from", "to", "capacity"],
        "description": "Days with another capacity: from and to both included",
        "properties": {
            "from": _date(nullable=False, description="The first day"),
            "to": _date(nullable=False, description="The last day (included)"),
            "capacity": _capacity("Places on each day of the period"),
        },
    }
    resource = {
        "type": "object", "additionalProperties": False, "required": ["id", "capacity", "unit"],
        "description": "A resource the offices share",
        "properties": {
            "id": _resource_id(),
            "name": _text(low=1, high=200, nullable=True, description="What people call it"),
            "capacity": _capacity("Places: activities at once, or per week"),
            "unit": {"type": "string", "pattern": _unit_pattern(),
                     "description": "at-once (samtidig): activities holding a place on any day; per-week (per uke): "
                                    "activities taking a place in an ISO week, the week each starts"},
            "periods": {"type": "array", "items": period, "description": "Days with another capacity, not overlapping"},
            "activities": _activities("Handbook and template activity ids that use it in every office"),
        },
    }
    office = {
        "type": "object", "additionalProperties": False, "required": ["plan"],
        "description": "One office's own settings",
        "properties": {
            "plan": _text(low=1, high=1000, description="The office's plan: a folder holding navplan.yaml, or the "
                                                        "file, relative to the county file's folder"),
            "resources": {"type": "object", "propertyNames": {"pattern": RESOURCE_ID_PATTERN},
                          "additionalProperties": {"type": "array", "items": _activity_id()},
                          "description": "Resource id: the office's own activity ids that use it too"},
        },
    }
    languages = {"type": "string", "pattern": f"^\\s*(?:{'|'.join(_either_case(code) for code in COUNTY_LANGUAGES)})"
                                              f"\\s*$",
                 "description": "nb, nn or en: the portfolio's language when neither --lang nor NAVPLAN_LANG says one"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "navplan county file (fylke.yaml)",
        "description": "A county's shared resources, with their capacity over time, and which activities of its "
                       "offices use them. Dates are dd.mm.yyyy or yyyy-mm-dd.",
        "type": "object",
        "additionalProperties": False,
        "required": ["county"],
        "not": {"required": ["språk", "language"]},
        "properties": {
            "navplan": {"description": "County file format version: 1", "anyOf": [
                {"const": 1}, {"type": "string", "pattern": "^\\s*\\+?0*1(?:\\.0*)?\\s*$"}]},
            "county": _text(low=1, high=200, description="The county, e.g. Innlandet"),
            "språk": {"anyOf": [languages, {"type": "null"}]},
            "language": {"anyOf": [languages, {"type": "null"}]},
            "resources": {"type": "array", "items": resource},
            "offices": {"type": "array", "items": office},
        },
    }
