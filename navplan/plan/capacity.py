"""Who carries the work, and how much of it at once: a plan's ``capacity:``,
``resources:`` and each activity's ``load:`` and ``uses:`` (issue 19).

A capacity names a role (its id, or its title or short title in any language
navplan speaks, whatever the case), a person (an owner's name as the plan
writes it) or one of the plan's extra resources. An activity uses its role's
capacity and its owner's when they are listed (both apply: the owner is a
person in that role), and the extra resources it names under ``uses:``, each
at its ``load`` (1 unless the plan says 0.5). Milestones and summaries are no
work and use none.

Everything is checked here, with the plan file's line in the message, so a
levelling run never meets a name it cannot place or work no one can carry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from unicodedata import normalize

from navplan.errors import Message, NavplanError
from navplan.plan.values import Text

if TYPE_CHECKING:
    from navplan.plan.handbook_model import Role
    from navplan.plan.project import NetworkActivity, Project
    from navplan.plan.safe_yaml import Path_, YamlDocument

ResourceKind = Literal["role", "owner", "resource"]


@dataclass(frozen=True)
class CapacityResource:
    """One resource a plan levels against: a role, a person or an extra resource.

    ``id`` is the role's id, the owner's name as the plan writes it, or the
    extra resource's id; ``title`` its name as people read it; ``capacity``
    how many activities it carries at once; ``loads`` each activity that uses
    it (task ids, outline order) with its load."""

    id: str
    kind: ResourceKind
    title: Text
    capacity: float
    loads: dict[str, float] = field(default_factory=dict)


class AmountText:
    """A capacity or a load as a message shows it: 2, 0,5 (0.5 in English)."""

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value

    def render(self, lang: str) -> str:
        from navplan.messages import format_number

        return format_number(self.value, lang, "0.##")


def same(text: str) -> str:
    """A name as navplan compares names people type: NFC ("å" typed as a + ring is "å"), spaces
    collapsed, any case."""
    return normalize("NFC", " ".join(text.split())).casefold()


def uses_capacity(activity: NetworkActivity) -> bool:
    """Work that takes people's time: a task, not a milestone or a summary."""
    return activity.kind == "task" and not activity.dropped


def plan_resources(project: Project, document: YamlDocument | None = None) -> list[CapacityResource]:
    """The resources ``project``'s plan levels against, checked; [] when it names no capacity."""
    plan = project.plan
    file = project.file

    def fail(key: str, path: Path_, field_name: str, hint: Message | str | None = None, **params: Any) -> NavplanError:
        line = document.line_of(path) if document is not None else None
        return NavplanError(key, file=file, line=line, field=field_name, hint=hint, **params)

    extra: dict[str, CapacityResource] = {}
    given: dict[str, tuple[int, str]] = {}  # an extra resource's id → its index, and a capacity key naming it
    for index, declared in enumerate(plan.resources):
        path: Path_ = ("resources", index)
        if declared.id in extra:
            raise fail("error.plan.duplicate_resource", path + ("id",), f"resources[{declared.id}].id",
                       id=declared.id)
        if any(same(declared.id) in _role_names(role) for role in project.handbook.roles):
            raise fail("error.plan.resource_is_role", path + ("id",), f"resources[{declared.id}].id",
                       "hint.resource_is_role", id=declared.id)
        title = declared.title or declared.id
        extra[declared.id] = CapacityResource(declared.id, "resource", Text(nb=title, en=title), declared.capacity)
        given[same(declared.id)] = (index, declared.id)

    found: dict[tuple[str, str], CapacityResource] = {}
    owners = sorted({a.owner for a in project.active() if a.owner})
    for key, capacity in plan.capacity.items():
        path = ("capacity", key)
        label = f"capacity[{key}]"
        wanted = same(key)
        if wanted in given:
            raise fail("error.plan.capacity_of_resource", path, label, "hint.capacity_of_resource", name=key)
        role = next((role for role in project.handbook.roles if wanted in _role_names(role)), None)
        if role is not None:
            resource = CapacityResource(role.id, "role", role.short or role.title, capacity)
        else:
            owner = next((name for name in owners if same(name) == wanted), None)
            if owner is None:
                from navplan.plan.loading import closest

                names = {same(name): name for role in project.handbook.roles
                         for name in (role.id, *((role.short.nb, role.short.en) if role.short else ()))}
                names.update({same(name): name for name in [*owners, *extra]})
                guess = closest(wanted, list(names))
                guess = names[guess] if guess else None
                raise fail("error.plan.unknown_capacity", path, label,
                           Message("hint.did_you_mean", guess=guess) if guess else "hint.capacity_names", name=key)
            resource = CapacityResource(owner, "owner", Text(nb=owner, en=owner), capacity)
        if (resource.kind, resource.id) in found:
            raise fail("error.plan.capacity_twice", path, label, name=key, id=resource.title)
        found[(resource.kind, resource.id)] = resource

    block_index = {block.id: index for index, block in enumerate(plan.activities)}
    summary_keys = {"schedule": "error.plan.summary_schedule", "load": "error.plan.summary_load",
                     "uses": "error.plan.summary_uses"}
    for block in plan.activities:
        activity = project.activities[block.id]
        for name in ("schedule", "load", "uses"):
            if getattr(block, name) is None:
                continue
            where = ("activities", block_index[block.id], name)
            if activity.is_summary:
                raise fail(summary_keys[name], where, f"activities[{block.id}].{name}", id=block.id)
            if name != "schedule" and activity.kind == "milestone":
                raise fail("error.plan.milestone_load", where, f"activities[{block.id}].{name}", id=block.id,
                           what=name)
        for position, used in enumerate(block.uses or ()):
            if used not in extra:
                from navplan.plan.loading import closest

                guess = closest(used, list(extra))
                raise fail("error.plan.unknown_resource", ("activities", block_index[block.id], "uses", position),
                           f"activities[{block.id}].uses", Message("hint.did_you_mean", guess=guess) if guess
                           else "hint.resources", id=used)

    resources = [*found.values(), *extra.values()]
    for resource in resources:
        for activity in project.active():
            if uses_capacity(activity) and _uses(resource, activity):
                resource.loads[activity.id] = activity.load
                if activity.load > resource.capacity:
                    row = block_index.get(activity.id)
                    raise fail("error.plan.load_above_capacity",
                               ("activities", row, "load") if row is not None else ("capacity", resource.id),
                               f"activities[{activity.id}].load", "hint.load_above_capacity", id=activity.id,
                               load=AmountText(activity.load), capacity=AmountText(resource.capacity),
                               resource=resource.title)
    return resources


def _role_names(role: Role) -> set[str]:
    """Every name a role answers to: its id, and its titles and short titles in every language."""
    names = {role.id}
    for text in (role.title, role.short):
        if text is not None:
            names.update(value for value in (text.nb, text.en, text.nn) if value)
    return {same(name) for name in names}


def _uses(resource: CapacityResource, activity: NetworkActivity) -> bool:
    if resource.kind == "role":
        return activity.role == resource.id
    if resource.kind == "owner":
        return activity.owner is not None and same(activity.owner) == same(resource.id)
    return resource.id in activity.uses


def resources_of(project: Project, activity_id: str) -> list[CapacityResource]:
    """The resources an activity uses, in the plan's order."""
    return [resource for resource in project.resources if activity_id in resource.loads]
