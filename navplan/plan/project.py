"""Handbook + template + plan file → one network of activities to schedule.

This is where the plan's local changes meet the handbook: activities added,
dropped or re-timed, owners and progress. Every reference is checked here,
with the plan file's line in the message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from navplan.errors import InvalidValue, Message, NavplanError
from navplan.plan.capacity import CapacityResource, plan_resources
from navplan.plan.current_layer import counted, rule_date
from navplan.plan.handbook_files import layered
from navplan.plan.handbook_model import Handbook, HandbookActivity, Template
from navplan.plan.loading import closest, load_plan
from navplan.plan.plan_model import Plan, PlanActivity, Risk
from navplan.plan.safe_yaml import Path_, YamlDocument
from navplan.plan.values import Duration, DurationRange, Link, Source, Status, Text

ZERO = Duration(amount=0, unit="d")


class Fail(Protocol):
    """How the checks below make a located error: the message key, its place in the plan file and field."""

    def __call__(self, key: str | Message, path: Path_, field_name: str, hint: Message | str | None = None,
                 **params: Any) -> NavplanError: ...


@dataclass
class NetworkActivity:
    """One activity as it will be scheduled: the handbook's definition with
    the plan's local changes applied."""

    id: str
    title: Text
    kind: str  # "summary", "task" or "milestone"
    parent: str | None = None
    duration: Duration = ZERO
    #: Low, likely (= duration) and high for `navplan risk`; None: the duration is fixed.
    duration_range: DurationRange | None = None
    #: Work that happens or not: the probability it is needed at all (None: it is), and the
    #: handbook's source for it (None when the plan gives it).
    probability: float | None = None
    probability_source: Source | None = None
    #: Work under way: what the plan says remains after the as-of date (None: sampled from the duration).
    remaining: Duration | DurationRange | None = None
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
    #: When the work is planned: as soon as possible ("asap") or as late as possible ("alap"),
    #: and why (the handbook's reason; None when asap or when the plan says so).
    schedule: str = "asap"
    schedule_source: Source | None = None
    #: How much of its people it takes while it runs (the plan's `load:`), and the plan's
    #: extra resources it uses (`uses:`).
    load: float = 1.0
    uses: list[str] = field(default_factory=list)

    @property
    def is_summary(self) -> bool:
        return self.kind == "summary"

    @property
    def planned_duration(self) -> Duration | DurationRange:
        """The duration as planned: its range (low..likely..high) when it has one."""
        return self.duration_range if self.duration_range is not None else self.duration

    @property
    def is_milestone(self) -> bool:
        return self.kind == "milestone"


#: Templates whose opening is the new municipality's first day: a merged municipality exists from
#: the date the merger decision sets (inndelingslova, the Storting's or the King's decision; in
#: practice 1 January), and a divided one likewise, so the NAV office opens that day whatever the
#: plan says. A plan can say otherwise with ``opening_fixed_by_law: false``.
LEGAL_OPENING_TEMPLATES = frozenset({"merger", "split"})


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
    #: The causes `navplan risk` samples activities together by: the handbook's (as the plan
    #: changed them) and the plan's own, each with two or more activities and a rank above 0.
    shared_causes: list[SharedCauseGroup] = field(default_factory=list)
    #: Who carries the work (the plan's capacity:, resources:, load: and uses:): a role, a
    #: person or an extra resource each, with its capacity and the activities using it. [] when
    #: the plan names no capacity: its planned dates are then not levelled.
    resources: list[CapacityResource] = field(default_factory=list)

    @property
    def risks(self) -> list[Risk]:
        """The plan's risk register, every reference checked."""
        return list(self.plan.risks)

    @property
    def opening_date(self) -> dt.date:
        return self.plan.opening

    @property
    def opening_fixed_by_law(self) -> bool:
        """Whether the opening is a date the law sets, which no plan can move: the plan's
        ``opening_fixed_by_law:``, else the template's default (see :data:`LEGAL_OPENING_TEMPLATES`)."""
        given = self.plan.opening_fixed_by_law
        return given if given is not None else self.plan.template in LEGAL_OPENING_TEMPLATES

    def active(self) -> list[NetworkActivity]:
        """Activities that are part of this plan (not dropped), in outline order."""
        return [activity for activity in self.activities.values() if not activity.dropped]

    def role_title(self, role_id: str | None, lang: str) -> str:
        """The role's name as people say it ('Rådmann'), not its id; "" for no role."""
        if role_id is None:
            return ""
        for role in self.handbook.roles:
            if role.id == role_id:
                return (role.short or role.title).get(lang)
        return role_id


@dataclass(frozen=True)
class SharedCauseGroup:
    """Activities `navplan risk` samples with one rank correlation, and why.

    ``origin`` is ``handbook`` for the handbook's own group, ``plan`` for one the plan gives
    or changes. A handbook group keeps only the activities this plan samples (not dropped,
    with a duration range); a plan's own list is checked to be exactly that."""

    id: str | None
    members: tuple[str, ...]
    rank: float
    reason: Text
    origin: str
    source: Source | None = None


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
    if handbook is None or template is None:
        shipped_handbook, shipped_template = layered(plan.template, plan.current)
        handbook, template = handbook or shipped_handbook, template or shipped_template
    file = document.file if document else None

    def fail(key: str | Message, path: Path_, field_name: str, hint: Message | str | None = None,
             **params: Any) -> NavplanError:
        line = document.line_of(path) if document else None
        return NavplanError(key, file=file, line=line, field=field_name, hint=hint, **params)

    activities: dict[str, NetworkActivity] = {}
    for definition in [*handbook.activities, *template.activities]:
        activities[definition.id] = _from_definition(definition, plan)
    for successor, links in template.add_after.items():
        activities[successor].links.extend(links)
    role_ids = [role.id for role in handbook.roles]

    seen: dict[str, int] = {}
    for index, block in enumerate(plan.activities):
        path = ("activities", index)
        if block.id in seen:
            raise fail("error.plan.duplicate_block", path + ("id",), f"activities[{block.id}].id",
                       "hint.keep_one_block", id=block.id, first=seen[block.id] + 1)
        seen[block.id] = index
        if block.role is not None and block.role not in role_ids:
            guess = closest(block.role, role_ids)
            raise fail("error.plan.unknown_role", path + ("role",), f"activities[{block.id}].role",
                       Message("hint.did_you_mean", guess=guess) if guess else Message("hint.roles", roles=role_ids),
                       role=block.role)
        if block.id == handbook.opening_id and (block.duration is not None or block.milestone is not None):
            # The opening is the plan's date, not work: a duration would schedule it as a task.
            field_name = "duration" if block.duration is not None else "milestone"
            raise fail("error.plan.opening_duration", path + (field_name,), f"activities[{block.id}].{field_name}",
                       "hint.opening_duration")
        if block.milestone and block.duration is not None and not (
                isinstance(block.duration, Duration) and block.duration.is_zero):
            raise fail("error.plan.milestone_duration", path + ("duration",), f"activities[{block.id}].duration",
                       "hint.milestone_duration", id=block.id)
        if block.id in activities:
            _apply_changes(activities[block.id], block, fail, path)
        else:
            if block.title is None:
                guess = closest(block.id, list(activities))
                needs_title = Message("hint.local_needs_title")
                raise fail("error.plan.unknown_id", path + ("id",), f"activities[{block.id}].id",
                           Message("error.hints", first=Message("hint.did_you_mean", guess=guess), second=needs_title)
                           if guess else needs_title, id=block.id)
            if block.duration is None and not block.milestone:
                raise fail("error.plan.local_needs_duration", path + ("id",), f"activities[{block.id}].duration",
                           "hint.duration_example", id=block.id)
            if isinstance(block.duration, DurationRange) and block.duration.likely is None and not block.milestone:
                raise fail("error.plan.range_needs_likely", path + ("duration",), f"activities[{block.id}].duration",
                           "hint.range_likely", id=block.id)
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
            line = document.line_of(("activities", index, field_name))
            if line is not None:  # a block of the document always has one
                project.block_lines[block.id] = line
    _check_kinds(project, plan, fail)
    _check_activity_risks(project, plan, fail)
    project.shared_causes = _shared_causes(project, plan, handbook, fail)
    _check_risks(project, plan, fail)
    project.resources = plan_resources(project, document)
    return project


def _from_definition(definition: HandbookActivity, plan: Plan) -> NetworkActivity:
    if definition.kind == "milestone":
        kind = "milestone"
    elif definition.duration is None:
        kind = "summary"
    else:
        kind = "task"
    title = definition.title
    if definition.counted_title is not None and len(plan.municipalities) >= 2:
        title = counted(definition.counted_title, len(plan.municipalities))
    activity = NetworkActivity(
        id=definition.id, title=title, kind=kind, parent=definition.parent,
        duration=definition.duration or ZERO, duration_range=definition.spread, links=list(definition.after),
        role=definition.role,
        origin=definition.origin, track=definition.track, definition=definition,
        probability=definition.probability, probability_source=definition.probability_source,
        schedule=definition.schedule, schedule_source=definition.schedule_reason,
    )
    if definition.dates is not None:
        # Dates the law gives (the election, the constitution, the budget); a rule that
        # does not apply to this opening leaves the activity out, its links kept.
        for name in ("fixed", "not_after"):
            rule = getattr(definition.dates, name)
            if rule is not None:
                date = rule_date(rule, plan.opening)
                if date is None:
                    activity.dropped = True
                setattr(activity, name, date)
    return activity


def _new_local(block: PlanActivity) -> NetworkActivity:
    spread: DurationRange | None
    if isinstance(block.duration, DurationRange):
        spread, duration = block.duration, block.duration.likely
    else:
        spread, duration = None, block.duration
    milestone = bool(block.milestone) or (duration is not None and duration.is_zero)
    return NetworkActivity(
        id=block.id, title=Text(nb=block.title or block.id, en=block.title or block.id),
        kind="milestone" if milestone else "task", parent=block.parent,
        duration=ZERO if milestone or duration is None else duration,
        duration_range=None if milestone else spread,
        links=list(block.after or []), role=block.role, owner=block.owner, status=block.status,
        actual_start=block.actual_start, actual_finish=block.actual_finish, fixed=block.fixed,
        not_before=block.not_before, not_after=block.not_after, origin="local", notes=block.notes,
        probability=block.probability, remaining=block.remaining, schedule=block.schedule or "asap",
        load=1.0 if block.load is None else block.load, uses=list(block.uses or ()),
    )


def _apply_changes(activity: NetworkActivity, block: PlanActivity, fail: Fail, path: Path_) -> None:
    label = f"activities[{block.id}]"
    if block.title is not None:
        activity.title = Text(nb=block.title, en=block.title)
    if block.parent is not None and block.parent != activity.parent:
        raise fail("error.plan.cannot_move_parent", path + ("parent",), f"{label}.parent", "hint.add_local")
    if block.duration is not None:
        if activity.is_summary:
            raise fail("error.plan.summary_duration", path + ("duration",), f"{label}.duration",
                       "hint.summary_duration", id=block.id)
        if isinstance(block.duration, DurationRange):
            spread = _with_likely(activity, block.duration, fail, path, label)
            assert spread.likely is not None  # _with_likely gives a range its likely value
            activity.duration, activity.duration_range = spread.likely, spread
        else:
            # A plain duration is the plan's word: scheduled as it is, never sampled.
            activity.duration, activity.duration_range = block.duration, None
        activity.kind = "milestone" if activity.duration.is_zero else "task"
    if block.milestone is not None:
        if activity.is_summary:
            raise fail("error.plan.summary_milestone", path + ("milestone",), f"{label}.milestone", id=block.id)
        activity.kind = "milestone" if block.milestone else "task"
        if block.milestone:
            activity.duration, activity.duration_range = ZERO, None
    if block.after is not None:
        activity.links = list(block.after)
    if block.probability is not None:
        activity.probability, activity.probability_source = block.probability, None
    if block.fixed is not None and activity.is_summary:
        # MS Project's rule too: a summary takes a start-no-earlier and a finish-no-later date, not a fixed one.
        raise fail("error.plan.summary_fixed", path + ("fixed",), f"{label}.fixed", "hint.summary_fixed", id=block.id)
    for name in ("fixed", "not_before", "not_after", "role", "owner", "actual_start", "actual_finish", "notes",
                 "remaining"):
        value = getattr(block, name)
        if value is not None:
            setattr(activity, name, value)
    if block.schedule is not None:
        activity.schedule = block.schedule
        activity.schedule_source = None  # the plan's own word
    if block.load is not None:
        activity.load = block.load
    if block.uses is not None:
        activity.uses = list(block.uses)
    if block.status is not Status.NOT_STARTED or "status" in block.model_fields_set:
        if activity.is_summary:
            raise fail("error.plan.summary_status", path + ("status",), f"{label}.status", "hint.summary_status",
                       id=block.id)
        activity.status = block.status


def _with_likely(activity: NetworkActivity, spread: DurationRange, fail: Fail, path: Path_,
                 label: str) -> DurationRange:
    """A plan's range on a handbook activity: without its own likely value, the handbook's duration is it."""
    if spread.likely is not None:
        return spread
    handbook = activity.definition.duration if activity.definition is not None else None
    if handbook is None:
        raise fail("error.plan.range_needs_likely", path + ("duration",), f"{label}.duration", "hint.range_likely",
                   id=activity.id)
    try:
        return spread.with_likely(handbook)
    except InvalidValue as invalid:
        raise fail(invalid.message, path + ("duration",), f"{label}.duration", "hint.range_likely",
                   id=activity.id) from None


def _check_references(activities: dict[str, NetworkActivity], plan: Plan, template: Template,
                      opening_id: str, fail: Fail) -> None:
    known = list(activities)
    block_index = {block.id: index for index, block in enumerate(plan.activities)}

    def where(activity_id: str, field_name: str) -> Path_:
        if activity_id in block_index:
            return ("activities", block_index[activity_id], field_name)
        return ()

    for activity in activities.values():
        if activity.parent is not None and activity.parent not in activities:
            guess = closest(activity.parent, known)
            raise fail("error.plan.unknown_parent", where(activity.id, "parent"), f"activities[{activity.id}].parent",
                       Message("hint.did_you_mean", guess=guess) if guess else None, parent=activity.parent)
        if activity.parent == opening_id:
            raise fail("error.plan.parent_opening", where(activity.id, "parent"), f"activities[{activity.id}].parent")
        for link in activity.links:
            if link.id == activity.id:
                raise fail("error.plan.self_dependency", where(activity.id, "after"),
                           f"activities[{activity.id}].after", "hint.self_dependency", id=activity.id)
            if link.id not in activities:
                guess = closest(link.id, known)
                raise fail("error.plan.unknown_id", where(activity.id, "after"), f"activities[{activity.id}].after",
                           Message("hint.did_you_mean", guess=guess) if guess else Message("hint.see_handbook_ids"),
                           id=link.id)
    for index, dropped_id in enumerate(plan.drop):
        if dropped_id not in activities:
            guess = closest(dropped_id, known)
            raise fail("error.plan.unknown_id", ("drop", index), "drop",
                       Message("hint.did_you_mean", guess=guess) if guess else None, id=dropped_id)
        if dropped_id == opening_id:
            raise fail("error.plan.drop_opening", ("drop", index), "drop")
    # A parent chain that loops would make the outline endless.
    for activity in activities.values():
        seen = {activity.id}
        parent = activity.parent
        while parent is not None:
            if parent in seen:
                raise fail("error.plan.parent_loop", where(activity.id, "parent"), f"activities[{activity.id}].parent",
                           id=activity.id)
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


def _check_kinds(project: Project, plan: Plan, fail: Fail) -> None:
    block_index = {block.id: index for index, block in enumerate(plan.activities)}
    for activity in project.activities.values():
        if activity.children and not activity.is_summary:
            child = next((c for c in activity.children if c in block_index), activity.children[0])
            raise fail("error.plan.task_with_children",
                       ("activities", block_index[child], "parent") if child in block_index else (),
                       f"activities[{child}].parent", "hint.task_with_children", id=activity.id)
    # Every sub-activity dropped: the summary has nothing left to do. Sub-activities
    # come after their summary in outline order, so walking it backwards settles
    # a summary's summaries too (9.2.x all dropped leaves 9.2 empty, and maybe 9).
    for activity in reversed(project.activities.values()):
        if activity.is_summary and not activity.dropped and all(
                project.activities[child].dropped for child in activity.children):
            activity.dropped = True


#: Most activities the shared causes may couple: the correlation matrix and the samples'
#: scores grow with their number.
MAX_COUPLED = 100


def _sampled(activity: NetworkActivity) -> bool:
    """Whether `navplan risk` can sample the activity's duration in this plan."""
    return (not activity.dropped and not activity.is_summary and not activity.is_milestone
            and activity.duration_range is not None)


def _children_of(project: Project, activity: NetworkActivity) -> list[str]:
    return [child for child in activity.children if not project.activities[child].dropped]


def _check_activity_risks(project: Project, plan: Plan, fail: Fail) -> None:
    """An activity's ``probability`` is for work that takes time; its ``remaining`` for work under way."""
    for index, block in enumerate(plan.activities):
        activity = project.activities[block.id]
        label = f"activities[{block.id}]"
        if block.probability is not None:
            path = ("activities", index, "probability")
            if activity.is_summary:
                raise fail("error.plan.probability_summary", path, f"{label}.probability", id=block.id)
            if activity.is_milestone or activity.id == project.opening_id:
                raise fail("error.plan.probability_milestone", path, f"{label}.probability", id=block.id)
        if block.remaining is not None:
            path = ("activities", index, "remaining")
            if activity.status is not Status.STARTED:
                key = ("error.plan.remaining_done" if activity.status is Status.DONE
                       else "error.plan.remaining_not_started")
                raise fail(key, path, f"{label}.remaining", Message("hint.remaining_status", id=block.id),
                           id=block.id)
            if activity.is_milestone:
                raise fail("error.plan.remaining_milestone", path, f"{label}.remaining", id=block.id)
            given = block.remaining.low if isinstance(block.remaining, DurationRange) else block.remaining
            if given.in_months != activity.duration.in_months:
                key = ("error.plan.remaining_in_months" if activity.duration.in_months
                       else "error.plan.remaining_in_days")
                raise fail(key, path, f"{label}.remaining", id=block.id)


def _shared_causes(project: Project, plan: Plan, handbook: Handbook, fail: Fail) -> list[SharedCauseGroup]:
    """The handbook's shared causes as the plan changes them, then the plan's own; every
    activity the plan names is checked to exist and be sampled."""
    defaults = {cause.id: cause for cause in handbook.correlation}
    groups: dict[str, SharedCauseGroup] = {
        cause.id: SharedCauseGroup(cause.id, tuple(cause.activities), cause.rank, cause.reason, "handbook",
                                   cause.source) for cause in handbook.correlation}
    own: list[SharedCauseGroup] = []
    seen: dict[str, int] = {}
    for index, group in enumerate(plan.correlation):
        path = ("correlation", index)
        label = f"correlation[{group.id if group.id is not None else index + 1}]"
        if group.id is not None:
            if group.id in seen:
                raise fail("error.plan.duplicate_cause", path + ("id",), f"{label}.id", id=group.id,
                           first=seen[group.id] + 1)
            seen[group.id] = index
            if group.id not in defaults and group.activities is None:
                guess = closest(group.id, list(defaults))
                raise fail("error.plan.unknown_cause", path + ("id",), f"{label}.id",
                           Message("hint.did_you_mean", guess=guess) if guess else
                           Message("hint.causes", causes=list(defaults)), id=group.id)
        for position, member in enumerate(group.activities or ()):
            _check_member(project, member, fail, path + ("activities", position), f"{label}.activities", "cause")
        default = defaults.get(group.id) if group.id is not None else None
        if default is None and not group.reason:
            raise fail("error.value.group_needs_reason", path, label)
        if group.activities is not None:
            members = tuple(group.activities)
        else:
            assert default is not None  # a group without activities names one of the handbook's (checked above)
            members = tuple(default.activities)
        if group.reason:
            reason = Text(nb=group.reason, en=group.reason)
        else:
            assert default is not None  # a new group gives its reason (checked above)
            reason = default.reason
        made = SharedCauseGroup(group.id, members, group.rank, reason, "plan")
        if default is not None and group.id is not None:  # a default is found by the group's id
            groups[group.id] = made
        else:
            own.append(made)
    found = []
    for candidate in [*groups.values(), *own]:
        members = tuple(member for member in candidate.members
                        if member in project.activities and _sampled(project.activities[member]))
        if len(members) >= 2 and candidate.rank > 0:
            found.append(SharedCauseGroup(candidate.id, members, candidate.rank, candidate.reason, candidate.origin,
                                          candidate.source))
    coupled = {member for group in found for member in group.members}
    if len(coupled) > MAX_COUPLED:
        raise fail("error.plan.too_many_coupled", ("correlation",), "correlation", count=len(coupled),
                   limit=MAX_COUPLED)
    return found


def _check_member(project: Project, member: str, fail: Fail, path: Path_, label: str, kind: str) -> None:
    """An activity a plan's shared cause (``kind`` cause) or risk (``risk``) names: one of
    the plan's, and work; a shared cause's, work `navplan risk` samples."""
    activity = project.activities.get(member)
    if activity is None:
        guess = closest(member, [a.id for a in project.active()])
        raise fail("error.plan.unknown_id", path, label,
                   Message("hint.did_you_mean", guess=guess) if guess else Message("hint.see_handbook_ids"), id=member)
    if activity.dropped:
        raise fail("error.plan.named_dropped", path, label, "hint.named_dropped", id=member)
    if activity.is_summary:
        raise fail("error.plan.named_summary", path, label, id=member, children=_children_of(project, activity))
    if kind == "risk" and activity.id == project.opening_id:
        raise fail("error.plan.risk_delays_opening", path, label)
    if kind == "cause" and not _sampled(activity):
        raise fail("error.plan.cause_without_range", path, label, "hint.cause_without_range", id=member)


def _weeks_of(months: int) -> int:
    """About as many weeks as ``months`` calendar months (52 weeks a year), for a suggestion."""
    return max(1, round(months * 52 / 12))


def _check_risks(project: Project, plan: Plan, fail: Fail) -> None:
    seen: dict[str, int] = {}
    for index, risk in enumerate(plan.risks):
        path = ("risks", index)
        label = f"risks[{risk.id}]"
        if risk.id in seen:
            raise fail("error.plan.duplicate_risk", path + ("id",), f"{label}.id", "hint.risk_id", id=risk.id,
                       first=seen[risk.id] + 1)
        seen[risk.id] = index
        if risk.id in project.activities:
            raise fail("error.plan.risk_is_activity", path + ("id",), f"{label}.id", "hint.risk_id", id=risk.id)
        named: set[str] = set()
        for position, member in enumerate(risk.delays):
            where = path + ("delays", position)
            if member in named:
                raise fail("error.value.group_twice", where, f"{label}.delays", id=member)
            named.add(member)
            _check_member(project, member, fail, where, f"{label}.delays", "risk")
            if project.activities[member].duration.in_months and project.activities[member].status is not Status.DONE:
                # A delay is working days; whole months have no room for it (navplan risk could not add it).
                raise fail("error.plan.risk_delays_months", where, f"{label}.delays", id=member,
                           weeks=_weeks_of(project.activities[member].duration.amount))
