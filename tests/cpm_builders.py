"""Shared builders for the scheduling-engine tests: a tiny synthetic handbook
(9 dummy criteria, 7 dummy requirements, an ``opening`` milestone) plus the
activities a test needs, merged with a Plan and scheduled."""

from __future__ import annotations

import datetime as dt

from navplan.engine.schedule import Schedule, schedule
from navplan.plan.handbook_model import Handbook, Template
from navplan.plan.plan_model import CalendarSettings, Plan, PlanActivity
from navplan.plan.project import Project, build_project

EST = {"estimate": {"nb": "test", "en": "test"}}
OPENING = "opening"
TEMPLATE = Template(id="new", title={"nb": "n", "en": "n"}, description={"nb": "n", "en": "n"})


def day(text: str) -> dt.date:
    """'06.01.2020' -> date(2020, 1, 6)."""
    d, m, y = (int(part) for part in text.split("."))
    return dt.date(y, m, d)


def link(spec) -> dict:
    """'A' is FS without lag; ('A', 'SS', '2d') a typed link with a lag."""
    if isinstance(spec, str):
        return {"id": spec, "source": EST}
    pred, kind, *lag = spec
    out = {"id": pred, "type": kind, "source": EST}
    if lag:
        out["lag"] = lag[0]
    return out


def _activity(id: str, kind: str, duration=None, after=(), parent=None, spread=None) -> dict:
    out = {"id": id, "kind": kind, "parent": parent, "title": {"nb": id, "en": id},
           "after": [link(spec) for spec in after]}
    if duration is not None:
        out.update(duration=duration, duration_source=EST)
    if spread is not None:
        out["duration_range"] = {"low": spread[0], "high": spread[1], "source": EST}
    return out


def task(id: str, duration, after=(), parent=None, spread=None) -> dict:
    """``spread`` is (low, high) around ``duration``, the likely value, for `navplan risk`."""
    return _activity(id, "step", duration, after, parent, spread)


def milestone(id: str, after=(), parent=None) -> dict:
    return _activity(id, "milestone", None, after, parent)


def summary(id: str, after=(), parent=None) -> dict:
    """No duration: its dates roll up from its children."""
    return _activity(id, "main" if parent is None else "sub", None, after, parent)


def handbook(activities: list[dict]) -> Handbook:
    return Handbook.model_validate({
        "title": "t", "version": "2.0", "approved": "x", "tracks": [], "roles": [],
        "criteria": [{"number": i, "text": {"nb": "c", "en": "c"}, "statutory": False,
                      "activities": [activities[0]["id"]]} for i in range(1, 10)],
        "requirements": [{"number": i, "text": {"nb": "r", "en": "r"}} for i in range(1, 8)],
        "activities": [*activities, milestone(OPENING)],
    })


def project(activities: list[dict], opening: dt.date, *, start: dt.date | None = None,
            plan_activities: list[PlanActivity] | list[dict] = (),
            calendar: CalendarSettings | dict | None = None, correlation: list[dict] = (),
            risks: list[dict] = ()) -> Project:
    """``correlation`` and ``risks`` are the plan's shared causes and risk register, as a plan writes them."""
    plan = Plan(office="NAV Test", opening=opening, start=start,
                calendar=calendar or CalendarSettings(),
                activities=[PlanActivity.model_validate(b) if isinstance(b, dict) else b for b in plan_activities],
                correlation=list(correlation), risks=list(risks))
    return build_project(plan, handbook=handbook(activities), template=TEMPLATE)


def run(activities: list[dict], opening: dt.date, as_of: dt.date, **kwargs) -> Schedule:
    return schedule(project(activities, opening, **kwargs), as_of)


def dates(result: Schedule, activity_id: str) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """(earliest start, earliest finish, latest start, latest finish) as dates."""
    d = result.activities[activity_id].dates
    return d["earliest_start"], d["earliest_finish"], d["latest_start"], d["latest_finish"]


def slacks(result: Schedule) -> dict[str, int | None]:
    return {a.id: a.slack for a in result.leaves()}


def critical(result: Schedule) -> set[str]:
    return {a.id for a in result.leaves() if a.critical}
