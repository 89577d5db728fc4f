"""Progress and local changes written into a plan file: `done`, `start` and `set`
without the command line.

Each edit changes one activity's block with the comment-preserving editor
(:mod:`navplan.plan.editing`), so `git diff` shows only the lines that
changed; checks the edited plan exactly as :func:`navplan.plan.project.load_project`
would; and writes it atomically. An edit that changes nothing writes nothing.

>>> import datetime as dt, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "navplan.yaml").write_text('office: "NAV X"\\nopening: 2030-01-07\\n', encoding="utf-8")
>>> edit = record_start(folder, "2.1", on=dt.date(2029, 3, 1), today=dt.date(2029, 3, 4))
>>> [(change.field, change.new) for change in edit.changes]
[('status', <Status.STARTED: 'started'>), ('actual_start', datetime.date(2029, 3, 1))]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from navplan.errors import InvalidValue, Message, NavplanError, plan_words
from navplan.plan.plan_model import PlanActivity
from navplan.plan.values import Duration, DurationRange, Status, Text, parse_date, parse_duration_or_range, parse_status

#: The fields of an activity block that `set` may change or clear, in the file's order.
SETTABLE = tuple(name for name in PlanActivity.model_fields if name != "id")
#: The plan field each project attribute shows, for the line that says what changed.
_SHOWN_AS = {"after": "links", "milestone": "kind", "duration": "planned_duration"}


@dataclass(frozen=True)
class FieldChange:
    """One field of the activity, as the schedule read it before and after the edit."""

    field: str
    old: Any
    new: Any


@dataclass
class PlanEdit:
    """What an edit did: the plan file, the activity and each field that changed.

    ``changes`` is empty when the plan already said this; then nothing was written.
    """

    plan_file: Path
    activity_id: str
    title: Text
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def written(self) -> bool:
        return bool(self.changes)


def record_done(plan: str | Path | None, activity_id: str, *, on: dt.date, today: dt.date) -> PlanEdit:
    """Status done, actual finish ``on``. An actual start already in the plan is kept; none is made up."""
    return record_done_all(plan, [activity_id], on=on, today=today)[0]


def record_done_all(plan: str | Path | None, activity_ids: Sequence[str], *, on: dt.date,
                    today: dt.date) -> list[PlanEdit]:
    """`record_done` for several activities: every id is checked before anything is
    written, and the plan is written once (an id given twice counts once)."""
    with _editing_plan(plan) as editing:
        for activity_id in dict.fromkeys(activity_ids):
            activity = editing.activity(activity_id)
            activity.refuse_summary()
            _check_not_future(on, today)
            _check_not_long_before(on, editing.project.opening_date, "actual_finish")
            start = activity.activity.actual_start
            if start is not None and on < start:
                raise NavplanError("progress.before_start", field="--on",
                                   hint=Message("progress.before_start.hint", id=activity_id, plan=plan_words(plan)),
                                   date=on, start=start, id=activity_id)
            activity.stage({"status": Status.DONE, "actual_finish": on, "remaining": None})
        return editing.write()


def record_start(plan: str | Path | None, activity_id: str, *, on: dt.date, today: dt.date) -> PlanEdit:
    """Status started, actual start ``on``. Work already done is not reopened by a start."""
    return record_start_all(plan, [activity_id], on=on, today=today)[0]


def record_start_all(plan: str | Path | None, activity_ids: Sequence[str], *, on: dt.date,
                     today: dt.date) -> list[PlanEdit]:
    """`record_start` for several activities, checked whole and written once."""
    with _editing_plan(plan) as editing:
        for activity_id in dict.fromkeys(activity_ids):
            activity = editing.activity(activity_id)
            activity.refuse_summary()
            _check_not_future(on, today)
            _check_not_long_before(on, editing.project.opening_date, "actual_start")
            if activity.activity.status is Status.DONE:
                # Starting what is done would throw its actual finish away; reopening is a deliberate `set`.
                finished = activity.activity.actual_finish
                raise NavplanError("progress.already_done", field="ID",
                                   hint=Message("progress.already_done.hint", id=activity_id, plan=plan_words(plan)),
                                   id=activity_id, title=activity.title,
                                   date=finished if finished else Message("progress.empty"))
            activity.stage({"status": Status.STARTED, "actual_start": on})
        return editing.write()


def set_fields(plan: str | Path | None, activity_id: str, values: Mapping[str, Any],
               clear: list[str] | tuple[str, ...] = ()) -> PlanEdit:
    """Change an activity's local fields; ``clear`` removes fields so the handbook's value applies again.

    Values may be text as a person types it (``"6w"``, ``"21.06.2027"``,
    ``"ferdig"``, a role's title) or the typed value. A status that does not
    allow the activity's actual dates removes them.
    """
    fields = {name: _parsed(name, value) for name, value in values.items() if value is not None}
    for name in clear:
        settable = clearable_field(name)
        if settable in fields:
            raise NavplanError("progress.set_and_clear", field="--clear", field_name=settable)
        fields[settable] = None
    if not fields:
        raise NavplanError("progress.nothing_to_set", hint="progress.nothing_to_set.hint")
    if "status" in fields:
        # The model refuses actual dates the status does not allow; the status wins.
        new = fields["status"] or Status.NOT_STARTED
        if new is not Status.DONE:
            fields.setdefault("actual_finish", None)
        if new is Status.NOT_STARTED:
            fields.setdefault("actual_start", None)
        if new is not Status.STARTED:
            fields.setdefault("remaining", None)  # what remains is said of work under way only
    with _editing_plan(plan) as editing:
        activity = editing.activity(activity_id)
        if activity.activity.is_summary:
            if "status" in fields:
                activity.refuse_summary()
            if fields.get("duration") is not None:
                raise NavplanError("progress.summary.dates", field="ID", hint="progress.summary.dates.hint",
                                   id=activity_id, title=activity.title, children=activity.children())
        if isinstance(fields.get("duration"), DurationRange) and fields["duration"].likely is None:
            fields["duration"] = activity.range_with_likely(fields["duration"])
        activity.stage(fields)
        return editing.write()[0]


def _parsed(name: str, value: Any) -> Any:
    """A field's value as the plan file holds it, from what a person typed."""
    option = "--" + name.replace("_", "-")
    try:
        if name in ("fixed", "not_before", "not_after", "actual_start", "actual_finish"):
            return parse_date(value)
        if name in ("duration", "remaining"):
            # A range (3w..8w) is sampled by `navplan risk`; every other command schedules its likely value.
            return value if isinstance(value, (Duration, DurationRange)) else parse_duration_or_range(value)
        if name == "status":
            try:
                return parse_status(value)
            except InvalidValue:  # offered in the words set's help shows (ikke startet, pågår, ferdig)
                from navplan.errors import WordChoices

                raise NavplanError("error.value.status", field=option, value=value,
                                   choices=WordChoices(f"status.{status.value}" for status in Status)) from None
    except InvalidValue as invalid:
        raise NavplanError(invalid.message, field=option) from None
    if name == "role":
        return role_id(value)
    if isinstance(value, str):
        if not value.strip():
            raise NavplanError("progress.empty_value", field=option, option=option, field_name=name)
        return value.strip()
    return value


def role_id(name: str, option: str = "--role") -> str:
    """A role given by its id or by its title (long or short, either language)."""
    return role_ids(name, option)[0]


def role_ids(name: str, option: str = "--role") -> list[str]:
    """Every role ``name`` names, by id or by title (long or short, either language)."""
    from unicodedata import normalize

    from navplan.plan.handbook_files import load_handbook
    from navplan.plan.loading import closest

    def same(text: str) -> str:  # "å" typed as a + combining ring (NFD) is "å"
        return normalize("NFC", " ".join(text.split())).casefold()

    roles = load_handbook().roles
    wanted = same(name)
    found = [role.id for role in roles
             if wanted in {same(known) for known in (role.id, role.title.nb, role.title.en,
                                                     *((role.short.nb, role.short.en) if role.short else ()))}]
    if found:
        return found
    ids = [role.id for role in roles]
    guess = closest(name, ids)
    raise NavplanError("progress.unknown_role", field=option, role=name,
                       hint=Message("hint.did_you_mean", guess=guess) if guess else Message("hint.roles", roles=ids))


def clearable_field(name: str) -> str:
    """The block field `--clear NAME` means (``not-after`` is ``not_after``)."""
    from navplan.plan.loading import closest

    fields = list(SETTABLE)
    settable = name.strip().replace("-", "_")
    if settable not in fields:
        guess = closest(settable, fields)
        raise NavplanError("progress.bad_field", field="--clear", value=name,
                           hint=Message("hint.did_you_mean", guess=guess) if guess
                           else Message("progress.fields", fields=fields))
    return settable


def _check_not_future(day: dt.date, today: dt.date) -> None:
    if day > today:
        raise NavplanError("progress.future", field="--on", date=day, today=today)


#: An actual date further before the opening than this is taken for a mistyped year: the
#: handbook's countdown is under a year (its first latest start is 13.02.2029 for an opening
#: 01.01.2030), so work begun three years before is rare enough to be written into the plan
#: file on purpose rather than typed after --on.
YEARS_BEFORE_OPENING = 3


def _check_not_long_before(day: dt.date, opening: dt.date, field: str) -> None:
    """An actual date more than :data:`YEARS_BEFORE_OPENING` years before the opening is refused."""
    try:
        earliest = opening.replace(year=opening.year - YEARS_BEFORE_OPENING)
    except ValueError:  # 29 February
        earliest = opening.replace(year=opening.year - YEARS_BEFORE_OPENING, day=28)
    if day < earliest:
        raise NavplanError("progress.long_before_opening", field="--on", date=day, opening=opening,
                           hint=Message("progress.long_before_opening.hint", field_name=field))


@contextmanager
def _editing_plan(plan: str | Path | None) -> Iterator[_PlanEdit]:
    """The plan, read and later written under its lock: another navplan writing
    the same plan meanwhile waits, then applies its edit to what this one
    wrote, so neither edit is lost."""
    from navplan.io.plan_lock import plan_lock
    from navplan.plan.loading import resolve_plan_path

    path = resolve_plan_path(plan)
    with plan_lock(path):
        yield _PlanEdit(path)


def _dropped(project, activity) -> NavplanError:
    """Why an activity is out of the plan, and what brings it back: it is in
    drop:, a main activity above it is, or every sub-activity of it is."""
    drop = set(project.plan.drop)
    if activity.id in drop:
        return NavplanError("sync.dropped", field="ID", hint="progress.dropped.hint", id=activity.id)
    parent = activity.parent
    while parent is not None and parent not in drop:
        parent = project.activities[parent].parent
    if parent is not None:
        return NavplanError("progress.dropped_with", field="ID", hint="progress.dropped_with.hint",
                            id=activity.id, parent=parent)
    return NavplanError("progress.dropped_children", field="ID", hint="progress.dropped_children.hint",
                        id=activity.id, title=activity.title, children=activity.children)


class _PlanEdit:
    """One plan and the edits staged in it, checked whole and written once."""

    def __init__(self, path: Path) -> None:
        from navplan.plan.editing import PlanEditor
        from navplan.plan.project import load_project

        self.path = path
        self.project = load_project(self.path)
        self.editor = PlanEditor.open(self.path, list(self.project.activities))
        self.staged: list[tuple[_ActivityEdit, list[str]]] = []  # each activity and the fields that changed

    def activity(self, activity_id: str) -> _ActivityEdit:
        """The activity to edit; an unknown, dropped or opening id is refused."""
        return _ActivityEdit(self, activity_id)

    def write(self) -> list[PlanEdit]:
        """Check the edited plan as any plan is checked, write it if anything changed,
        and say what changed for each activity, in the order they were staged."""
        edits = [PlanEdit(self.path, activity.id, activity.title) for activity, _ in self.staged]
        if not any(changed for _, changed in self.staged):
            return edits
        from navplan.engine.dependency_graph import check_cycles

        try:
            edited_project = self.editor.project()
            # As `navplan validate` checks: an edit (`set --clear after`) can close a cycle.
            check_cycles(edited_project)
        except NavplanError as error:
            # The located message names the edited text's line; say that the file itself is untouched.
            raise error.add_hint(Message("progress.not_written")) from None
        for edit, (activity, changed) in zip(edits, self.staged, strict=True):
            edited = edited_project.activities[activity.id]
            for name in sorted(changed, key=SETTABLE.index):
                attribute = _SHOWN_AS.get(name, name)
                old, new = getattr(activity.activity, attribute), getattr(edited, attribute)
                # A value the activity already had (the handbook's role written out) changes
                # nothing the plan means; a cleared field is written all the same, as asked.
                if old == new and name not in activity.cleared:
                    continue
                edit.changes.append(FieldChange(name, old, new))
        if not any(edit.changes for edit in edits):
            return edits
        self.editor.save(self.path)
        return edits


class _ActivityEdit:
    """One activity of a plan being edited."""

    def __init__(self, plan: _PlanEdit, activity_id: str) -> None:
        from navplan.plan.loading import closest

        self.plan = plan
        self.project = plan.project
        self.id = activity_id
        activity = self.project.activities.get(activity_id)
        if activity is None:
            known = [a.id for a in self.project.active() if a.id != self.project.opening_id]
            guess = closest(activity_id, known)
            raise NavplanError("error.plan.unknown_id", field="ID", id=activity_id,
                               hint=Message("hint.did_you_mean", guess=guess) if guess else "hint.see_handbook_ids")
        if activity.dropped:
            raise _dropped(self.project, activity)
        if activity_id == self.project.opening_id:
            raise NavplanError("progress.opening", field="ID")
        self.activity = activity
        self.title = activity.title
        self.cleared: set[str] = set()  # the fields staged empty: written even when nothing else changes

    def children(self) -> list[str]:
        return [child for child in self.activity.children if not self.project.activities[child].dropped]

    def refuse_summary(self) -> None:
        if self.activity.is_summary:
            raise NavplanError("progress.summary", field="ID", hint="progress.summary.hint", id=self.id,
                               title=self.title, children=self.children())

    def range_with_likely(self, spread: DurationRange) -> DurationRange:
        """A range typed without its likely value (``8w..20w``): the plan's own
        duration for the activity stays the likely one (written ``8w..12w..20w``);
        without one, the handbook's is, as in a plan file (written ``8w..20w``).
        Either must lie in the range; the message says whose value it is."""
        block = next((b for b in self.project.plan.activities if b.id == self.id), None)
        own = block.duration if block is not None else None
        likely = own.likely if isinstance(own, DurationRange) else own
        if likely is None:
            handbook = self.activity.definition.duration if self.activity.definition is not None else None
            if handbook is None:
                raise NavplanError("progress.range.no_likely", field="--duration", id=self.id,
                                   hint=Message("progress.range.hint", low=spread.low, high=spread.high))
            key, likely, keep = "progress.range.handbook_likely", handbook, spread
        else:
            key, keep = "progress.range.plan_likely", None
        try:
            with_likely = spread.with_likely(likely)
        except InvalidValue:
            raise NavplanError(key, field="--duration", id=self.id, likely=likely, low=spread.low, high=spread.high,
                               hint=Message("progress.range.hint", low=spread.low, high=spread.high)) from None
        return keep or with_likely

    def stage(self, fields: dict[str, Any]) -> None:
        """Set the fields one by one in the plan's text (to know which changed)."""
        changed = [name for name, value in fields.items()
                   if self.plan.editor.set_activity_fields(self.id, {name: value})]
        self.cleared = {name for name, value in fields.items() if value is None}
        self.plan.staged.append((self, changed))
