"""Handbook + template + plan file → one network of activities to schedule.

This is where the plan's local changes meet the handbook: activities added,
dropped or re-timed, owners and progress. Every reference is checked here,
with the plan file's line in the message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from navplan.errors import NavplanError
from navplan.plan.loading import closest, load_handbook, load_plan, load_template
from navplan.plan.model import (
    Duration,
    Handbook,
    HandbookActivity,
    Link,
    Plan,
    PlanActivity,
    Status,
    Template,
    Text,
)
from navplan.plan.safe_yaml import YamlDocument

ZERO = Duration(amount=0, unit="d")
Node = str | tuple[str, str]  # an activity id, or ("start" | "first" | "finish", summary id)


@dataclass
class NetworkActivity:
    """One activity as it will be scheduled: the handbook's definition with
    the plan's local changes applied."""

    id: str
    title: Text
    kind: str  # "summary", "task" or "milestone"
    parent: str | None = None
    duration: Duration = ZERO
    links: list[Link] = field(default_factory=list)
    role: str | None = None
    owner: str | None = None
    status: Status = Status.NOT_STARTED
    actual_start: dt.date | None = None
    actual_finish: dt.date | None = None
    fixed: dt.date | None = None
    not_before: dt.date | None = None
    not_after: dt.date | None = None
    origin: str = "local"
    track: str | None = None
    notes: str | None = None
    dropped: bool = False
    definition: HandbookActivity | None = None
    children: list[str] = field(default_factory=list)

    @property
    def is_summary(self) -> bool:
        return self.kind == "summary"

    @property
    def is_milestone(self) -> bool:
        return self.kind == "milestone"


@dataclass
class Project:
    """A plan merged with its handbook and template, ready for the engine."""

    plan: Plan
    handbook: Handbook
    template: Template
    activities: dict[str, NetworkActivity]  # in outline order
    opening_id: str
    file: str | None = None
    block_lines: dict[str, int] = field(default_factory=dict)  # plan-file line of each activity block

    @property
    def opening_date(self) -> dt.date:
        return self.plan.opening

    def active(self) -> list[NetworkActivity]:
        """Activities that are part of this plan (not dropped), in outline order."""
        return [activity for activity in self.activities.values() if not activity.dropped]


def load_project(path: str | Path | None) -> Project:
    """Load a plan file and merge it with the handbook and its template."""
    plan, document = load_plan(path)
    return build_project(plan, document)


def build_project(plan: Plan, document: YamlDocument | None = None, *, handbook: Handbook | None = None,
                  template: Template | None = None) -> Project:
    """Merge ``plan`` with the handbook and its template; check every reference.

    ``handbook`` and ``template`` default to the shipped ones; tests and
    benchmarks pass their own networks.
    """
    handbook = handbook or load_handbook()
    template = template or load_template(plan.template)
    file = document.file if document else None

    def fail(message: str, path: tuple, field_name: str, hint: str | None = None) -> NavplanError:
        line = document.line_of(path) if document else None
        return NavplanError(message, file=file, line=line, field=field_name, hint=hint)

    activities: dict[str, NetworkActivity] = {}
    for definition in [*handbook.activities, *template.activities]:
        activities[definition.id] = _from_definition(definition)
    for successor, links in template.add_after.items():
        activities[successor].links.extend(links)
    role_ids = [role.id for role in handbook.roles]

    seen: dict[str, int] = {}
    for index, block in enumerate(plan.activities):
        path = ("activities", index)
        if block.id in seen:
            raise fail(
                f"activity {block.id} appears twice (first as block {seen[block.id] + 1})", path + ("id",),
                f"activities[{block.id}].id", "keep one block per activity",
            )
        seen[block.id] = index
        if block.role is not None and block.role not in role_ids:
            guess = closest(block.role, role_ids)
            raise fail(
                f"unknown role '{block.role}'", path + ("role",), f"activities[{block.id}].role",
                f"did you mean '{guess}'?" if guess else "known roles: " + ", ".join(role_ids),
            )
        if block.id in activities:
            _apply_changes(activities[block.id], block, fail, path)
        else:
            if block.title is None:
                guess = closest(block.id, list(activities))
                raise fail(
                    f"unknown activity id '{block.id}'", path + ("id",), f"activities[{block.id}].id",
                    (f"did you mean '{guess}'? " if guess else "")
                    + "a new local activity needs a title",
                )
            if block.duration is None and not block.milestone:
                raise fail(
                    f"the new activity {block.id} needs a duration", path + ("id",),
                    f"activities[{block.id}].duration", "e.g. duration: 3w, or milestone: true",
                )
            activities[block.id] = _new_local(block)

    opening_id = handbook.opening_id
    _check_references(activities, plan, template, opening_id, fail)
    for dropped_id in [*template.drop, *plan.drop]:
        _drop(activities, dropped_id)
    ordered = _outline_order(activities, opening_id)
    project = Project(plan=plan, handbook=handbook, template=template, activities=ordered,
                      opening_id=opening_id, file=file)
    if document is not None:
        for index, block in enumerate(plan.activities):
            field_name = "after" if block.after is not None else "id"
            project.block_lines[block.id] = document.line_of(("activities", index, field_name))
    _check_kinds(project, plan, fail)
    return project


def _from_definition(definition: HandbookActivity) -> NetworkActivity:
    if definition.kind == "milestone":
        kind = "milestone"
    elif definition.duration is None:
        kind = "summary"
    else:
        kind = "task"
    return NetworkActivity(
        id=definition.id, title=definition.title, kind=kind, parent=definition.parent,
        duration=definition.duration or ZERO, links=list(definition.after), role=definition.role,
        origin=definition.origin, track=definition.track, definition=definition,
    )


def _new_local(block: PlanActivity) -> NetworkActivity:
    milestone = bool(block.milestone) or (block.duration is not None and block.duration.is_zero)
    return NetworkActivity(
        id=block.id, title=Text(nb=block.title or block.id, en=block.title or block.id),
        kind="milestone" if milestone else "task", parent=block.parent,
        duration=ZERO if milestone or block.duration is None else block.duration,
        links=list(block.after or []), role=block.role, owner=block.owner, status=block.status,
        actual_start=block.actual_start, actual_finish=block.actual_finish, fixed=block.fixed,
        not_before=block.not_before, not_after=block.not_after, origin="local", notes=block.notes,
    )


def _apply_changes(activity: NetworkActivity, block: PlanActivity, fail, path: tuple) -> None:
    label = f"activities[{block.id}]"
    if block.title is not None:
        activity.title = Text(nb=block.title, en=block.title)
    if block.parent is not None and block.parent != activity.parent:
        raise fail("a handbook activity cannot move to another parent", path + ("parent",), f"{label}.parent",
                   "add a local activity instead")
    if block.duration is not None:
        if activity.is_summary:
            raise fail(
                f"{block.id} is a summary: its dates come from its sub-activities", path + ("duration",),
                f"{label}.duration", "set the duration of its sub-activities instead",
            )
        activity.duration = block.duration
        activity.kind = "milestone" if block.duration.is_zero else "task"
    if block.milestone is not None:
        if activity.is_summary:
            raise fail(f"{block.id} is a summary and cannot be a milestone", path + ("milestone",),
                       f"{label}.milestone")
        activity.kind = "milestone" if block.milestone else "task"
        if block.milestone:
            activity.duration = ZERO
    if block.after is not None:
        activity.links = list(block.after)
    for name in ("fixed", "not_before", "not_after", "role", "owner", "actual_start", "actual_finish", "notes"):
        value = getattr(block, name)
        if value is not None:
            setattr(activity, name, value)
    if block.status is not Status.NOT_STARTED or "status" in block.model_fields_set:
        if activity.is_summary:
            raise fail(
                f"{block.id} is a summary: its status comes from its sub-activities", path + ("status",),
                f"{label}.status", "mark its sub-activities instead",
            )
        activity.status = block.status


def _check_references(activities: dict[str, NetworkActivity], plan: Plan, template: Template,
                      opening_id: str, fail) -> None:
    known = list(activities)
    block_index = {block.id: index for index, block in enumerate(plan.activities)}

    def where(activity_id: str, field_name: str) -> tuple:
        if activity_id in block_index:
            return ("activities", block_index[activity_id], field_name)
        return ()

    for activity in activities.values():
        if activity.parent is not None and activity.parent not in activities:
            guess = closest(activity.parent, known)
            raise fail(f"unknown parent '{activity.parent}'", where(activity.id, "parent"),
                       f"activities[{activity.id}].parent", f"did you mean '{guess}'?" if guess else None)
        if activity.parent == opening_id:
            raise fail("nothing can be part of the opening milestone", where(activity.id, "parent"),
                       f"activities[{activity.id}].parent")
        for link in activity.links:
            if link.id == activity.id:
                raise fail(f"{activity.id} depends on itself", where(activity.id, "after"),
                           f"activities[{activity.id}].after", "remove it from its own after list")
            if link.id not in activities:
                guess = closest(link.id, known)
                raise fail(f"unknown activity id '{link.id}'", where(activity.id, "after"),
                           f"activities[{activity.id}].after",
                           f"did you mean '{guess}'?" if guess else "see `navplan handbook` for the ids")
            if link.id == opening_id:
                raise fail("nothing can come after the opening", where(activity.id, "after"),
                           f"activities[{activity.id}].after")
    for index, dropped_id in enumerate(plan.drop):
        if dropped_id not in activities:
            guess = closest(dropped_id, known)
            raise fail(f"unknown activity id '{dropped_id}'", ("drop", index), "drop",
                       f"did you mean '{guess}'?" if guess else None)
        if dropped_id == opening_id:
            raise fail("the opening cannot be dropped", ("drop", index), "drop")
    # A parent chain that loops would make the outline endless.
    for activity in activities.values():
        seen = {activity.id}
        parent = activity.parent
        while parent is not None:
            if parent in seen:
                raise fail(f"parents form a loop through {activity.id}", where(activity.id, "parent"),
                           f"activities[{activity.id}].parent")
            seen.add(parent)
            parent = activities[parent].parent


def _drop(activities: dict[str, NetworkActivity], dropped_id: str) -> None:
    """A dropped activity stays in the network as a zero-length pass-through, so
    the order it imposed between its neighbours survives, but it is not shown."""
    stack = [dropped_id]
    while stack:
        current = activities[stack.pop()]
        current.dropped = True
        stack.extend(a.id for a in activities.values() if a.parent == current.id and not a.dropped)


def _outline_order(activities: dict[str, NetworkActivity], opening_id: str) -> dict[str, NetworkActivity]:
    for activity in activities.values():
        activity.children = []
    for activity in activities.values():
        if activity.parent is not None:
            activities[activity.parent].children.append(activity.id)
    ordered: dict[str, NetworkActivity] = {}

    def visit(activity_id: str) -> None:
        ordered[activity_id] = activities[activity_id]
        for child in activities[activity_id].children:
            visit(child)

    for activity in activities.values():
        if activity.parent is None and activity.id != opening_id:
            visit(activity.id)
    ordered[opening_id] = activities[opening_id]
    return ordered


def _check_kinds(project: Project, plan: Plan, fail) -> None:
    block_index = {block.id: index for index, block in enumerate(plan.activities)}
    for activity in project.activities.values():
        if activity.children and not activity.is_summary:
            child = next((c for c in activity.children if c in block_index), activity.children[0])
            raise fail(
                f"{activity.id} is a task or milestone, so it cannot have sub-activities",
                ("activities", block_index[child], "parent") if child in block_index else (),
                f"activities[{child}].parent", "put the new activity under a main or sub-activity that is a summary",
            )
        live_children = [child for child in activity.children if not project.activities[child].dropped]
        if activity.is_summary and not live_children and not activity.dropped:
            # Every sub-activity dropped: the summary has nothing left to do.
            activity.dropped = True
