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
from collections.abc import Iterator, Mapping
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
    with _editing(plan, activity_id) as editing:
        editing.refuse_summary()
        _check_not_future(on, today)
        start = editing.activity.actual_start
        if start is not None and on < start:
            raise NavplanError("progress.before_start", field="--on",
                               hint=Message("progress.before_start.hint", id=activity_id, plan=plan_words(plan)),
                               date=on, start=start, id=activity_id)
        return editing.apply({"status": Status.DONE, "actual_finish": on, "remaining": None})


def record_start(plan: str | Path | None, activity_id: str, *, on: dt.date, today: dt.date) -> PlanEdit:
    """Status started, actual start ``on``. Work already done is not reopened by a start."""
    with _editing(plan, activity_id) as editing:
        editing.refuse_summary()
        _check_not_future(on, today)
        if editing.activity.status is Status.DONE:
            # Starting what is done would throw its actual finish away; reopening is a deliberate `set`.
            finished = editing.activity.actual_finish
            raise NavplanError("progress.already_done", field="ID",
                               hint=Message("progress.already_done.hint", id=activity_id, plan=plan_words(plan)),
                               id=activity_id, title=editing.title,
                               date=finished if finished else Message("progress.empty"))
        return editing.apply({"status": Status.STARTED, "actual_start": on})


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
    with _editing(plan, activity_id) as editing:
        if editing.activity.is_summary:
            if "status" in fields:
                editing.refuse_summary()
            if fields.get("duration") is not None:
                raise NavplanError("progress.summary.dates", field="ID", hint="progress.summary.dates.hint",
                                   id=activity_id, title=editing.title, children=editing.children())
        return editing.apply(fields)


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
            return parse_status(value)
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
    from navplan.plan.handbook_files import load_handbook
    from navplan.plan.loading import closest

    from unicodedata import normalize

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


@contextmanager
def _editing(plan: str | Path | None, activity_id: str) -> Iterator["_ActivityEdit"]:
    """The activity's plan, read and later written under the plan's lock:
    another navplan writing the same plan meanwhile waits, then applies its
    edit to what this one wrote, so neither edit is lost."""
    from navplan.io.plan_lock import plan_lock
    from navplan.plan.loading import resolve_plan_path

    path = resolve_plan_path(plan)
    with plan_lock(path):
        yield _ActivityEdit(path, activity_id)


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


class _ActivityEdit:
    """One activity of one plan and the edit made to it."""

    def __init__(self, path: Path, activity_id: str) -> None:
        from navplan.plan.editing import PlanEditor
        from navplan.plan.loading import closest
        from navplan.plan.project import load_project

        self.path = path
        self.project = load_project(self.path)
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
        self.editor = PlanEditor.open(self.path, list(self.project.activities))

    def children(self) -> list[str]:
        return [child for child in self.activity.children if not self.project.activities[child].dropped]

    def refuse_summary(self) -> None:
        if self.activity.is_summary:
            raise NavplanError("progress.summary", field="ID", hint="progress.summary.hint", id=self.id,
                               title=self.title, children=self.children())

    def apply(self, fields: dict[str, Any]) -> PlanEdit:
        """Set the fields one by one (to know which changed), check the edited plan
        as any plan is checked, and write it."""
        changed = [name for name, value in fields.items() if self.editor.set_activity_fields(self.id, {name: value})]
        edit = PlanEdit(self.path, self.id, self.title)
        if not changed:
            return edit
        from navplan.engine.dependency_graph import check_cycles

        try:
            edited_project = self.editor.project()
            # As `navplan validate` checks: an edit (`set --clear after`) can close a cycle.
            check_cycles(edited_project)
            edited = edited_project.activities[self.id]
        except NavplanError as error:
            # The located message names the edited text's line; say that the file itself is untouched.
            raise error.add_hint(Message("progress.not_written")) from None
        for name in sorted(changed, key=SETTABLE.index):
            attribute = _SHOWN_AS.get(name, name)
            edit.changes.append(FieldChange(name, getattr(self.activity, attribute), getattr(edited, attribute)))
        self.editor.save(self.path)
        return edit
