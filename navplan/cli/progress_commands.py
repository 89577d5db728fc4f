"""`navplan done`, `start` and `set`: progress and local changes written into the plan file.

Each command edits one activity's block with the comment-preserving editor
(navplan/planedit.py), so `git diff` shows only the lines that changed, checks
the edited plan exactly as `load_project` would, and writes it atomically.
An edit that changes nothing writes nothing: the file keeps its bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from navplan.cli.app import Lang, LangOption, PlanArgument, _as_of, _env, app
from navplan.errors import EXIT_OK, NavplanError
from navplan.messages import format_date, t

ActivityArgument = Annotated[str, typer.Argument(metavar="ID", help="An activity id, e.g. 7.4")]
OnOption = Annotated[Optional[str], typer.Option(
    "--on", metavar="DATE", help="When it happened (dd.mm.yyyy or yyyy-mm-dd); default today")]

#: The plan field each NetworkActivity attribute shows, for the line that says what changed.
_SHOWN_AS = {"after": "links", "milestone": "kind"}


def _today() -> dt.date:
    # navplan reads the clock in one place, cli._as_of; tests replace this.
    return _as_of(None)


@app.command("done")
def done(
    ctx: typer.Context,
    activity_id: ActivityArgument,
    plan: PlanArgument = None,
    on: OnOption = None,
    lang: LangOption = Lang.nb,
) -> int:
    """Mark an activity done: status done, actual finish on --on (default today).

    An actual start already in the plan is kept; none is made up.
    """
    from navplan.plan.model import Status

    edit, day, language = _progress_event(plan, activity_id, on, lang.value)
    start = edit.activity.actual_start
    if start is not None and day < start:
        raise NavplanError(t("progress.before_start", language, date=format_date(day, language),
                             start=format_date(start, language)), field="--on",
                           hint=t("progress.before_start.hint", language, id=activity_id))
    edit.apply({"status": Status.DONE, "actual_finish": day})
    return edit.finish(_env(ctx))


@app.command("start")
def start(
    ctx: typer.Context,
    activity_id: ActivityArgument,
    plan: PlanArgument = None,
    on: OnOption = None,
    lang: LangOption = Lang.nb,
) -> int:
    """Mark an activity started: status started, actual start on --on (default today)."""
    from navplan.plan.model import Status

    edit, day, language = _progress_event(plan, activity_id, on, lang.value)
    if edit.activity.status is Status.DONE:
        # Starting what is done would throw its actual finish away; reopening is a deliberate `set`.
        finished = edit.activity.actual_finish
        raise NavplanError(t("progress.already_done", language, id=activity_id, title=edit.title,
                             date=format_date(finished, language) if finished else t("progress.empty", language)),
                           field="ID", hint=t("progress.already_done.hint", language, id=activity_id))
    edit.apply({"status": Status.STARTED, "actual_start": day})
    return edit.finish(_env(ctx))


@app.command("set")
def set_fields(
    ctx: typer.Context,
    activity_id: ActivityArgument,
    plan: PlanArgument = None,
    owner: Annotated[Optional[str], typer.Option("--owner", metavar="NAME", help="Who does it")] = None,
    role: Annotated[Optional[str], typer.Option(
        "--role", metavar="ROLE", help="The responsible role's id (see `navplan handbook --format json`)")] = None,
    duration: Annotated[Optional[str], typer.Option(
        "--duration", metavar="D", help="10d working days, 3w weeks, 2m months")] = None,
    not_before: Annotated[Optional[str], typer.Option("--not-before", metavar="DATE", help="Start no earlier than")] = None,
    not_after: Annotated[Optional[str], typer.Option("--not-after", metavar="DATE", help="Finish no later than")] = None,
    fixed: Annotated[Optional[str], typer.Option(
        "--fixed", metavar="DATE", help="A milestone happens on this date; a task starts on it")] = None,
    notes: Annotated[Optional[str], typer.Option("--notes", metavar="TEXT", help="A note")] = None,
    status: Annotated[Optional[str], typer.Option(
        "--status", metavar="S", help="not_started, started or done (or ikke startet, pågår, ferdig)")] = None,
    clear: Annotated[Optional[list[str]], typer.Option(
        "--clear", metavar="FIELD", help="Remove this field from the activity's block (repeat)")] = None,
    lang: LangOption = Lang.nb,
) -> int:
    """Change an activity's local fields: owner, role, duration, dates, notes, status.

    --clear FIELD removes a field, so the handbook's value applies again. A
    status that does not allow the activity's actual dates removes them.
    """
    from navplan.plan.model import Status

    language = lang.value
    fields: dict[str, Any] = {}
    for option, name, value in (("--owner", "owner", owner), ("--role", "role", role), ("--notes", "notes", notes)):
        if value is not None:
            if not value.strip():
                raise NavplanError(t("progress.empty_value", language, option=option, field=name), field=option)
            fields[name] = value.strip()
    if duration is not None:
        fields["duration"] = _duration(duration, language)
    for option, name, value in (("--not-before", "not_before", not_before), ("--not-after", "not_after", not_after),
                                ("--fixed", "fixed", fixed)):
        if value is not None:
            fields[name] = _date(value, option, language)
    if status is not None:
        fields["status"] = _status(status, language)
    for name in clear or []:
        field = _clearable(name, language)
        if field in fields:
            raise NavplanError(t("progress.set_and_clear", language, field=field), field="--clear")
        fields[field] = None
    if not fields:
        raise NavplanError(t("progress.nothing_to_set", language), hint=t("progress.nothing_to_set.hint", language))
    if "role" in fields and fields["role"] is not None:
        _check_role(fields["role"], language)

    edit = _Edit(plan, activity_id, language)
    if edit.activity.is_summary:
        if "status" in fields:
            edit.refuse_summary()
        if fields.get("duration") is not None:
            raise NavplanError(t("progress.summary.dates", language, id=activity_id, title=edit.title), field="ID",
                               hint=t("progress.summary.dates.hint", language, children=edit.children()))
    if "status" in fields:
        # The model refuses actual dates the status does not allow; the status wins.
        new = fields["status"] or Status.NOT_STARTED
        if new is not Status.DONE:
            fields.setdefault("actual_finish", None)
        if new is Status.NOT_STARTED:
            fields.setdefault("actual_start", None)
    edit.apply(fields)
    return edit.finish(_env(ctx))


class _Edit:
    """One activity of one plan, the edit made to it, and the line that reports it."""

    def __init__(self, plan: Path | None, activity_id: str, lang: str) -> None:
        from navplan.plan.loading import closest, resolve_plan_path
        from navplan.plan.project import load_project
        from navplan.plan.editing import PlanEditor

        self.lang = lang
        self.path = resolve_plan_path(plan)
        self.project = load_project(self.path)
        self.id = activity_id
        activity = self.project.activities.get(activity_id)
        if activity is None:
            known = [a.id for a in self.project.active() if a.id != self.project.opening_id]
            guess = closest(activity_id, known)
            raise NavplanError(t("progress.unknown_id", lang, id=activity_id), field="ID",
                               hint=t("progress.did_you_mean", lang, guess=guess) if guess
                               else t("progress.see_handbook", lang))
        if activity.dropped:
            raise NavplanError(t("sync.dropped", lang, id=activity_id), field="ID")
        if activity_id == self.project.opening_id:
            raise NavplanError(t("progress.opening", lang), field="ID")
        self.activity = activity
        self.title = activity.title.get(lang)
        self.editor = PlanEditor.open(self.path, list(self.project.activities))
        self.changed: list[str] = []

    def children(self) -> str:
        live = [child for child in self.activity.children if not self.project.activities[child].dropped]
        return ", ".join(live)

    def refuse_summary(self) -> None:
        if self.activity.is_summary:
            raise NavplanError(t("progress.summary", self.lang, id=self.id, title=self.title), field="ID",
                               hint=t("progress.summary.hint", self.lang, children=self.children()))

    def apply(self, fields: dict[str, Any]) -> None:
        """Field by field, to know which lines each one changed."""
        for name, value in fields.items():
            if self.editor.set_activity_fields(self.id, {name: value}):
                self.changed.append(name)

    def finish(self, env) -> int:
        """Check the edited plan as any plan is checked, write it, and say what changed on stderr."""
        errors = env.error_console()
        if not self.changed:
            errors.print(t("progress.unchanged", self.lang, plan=str(self.path), id=self.id, title=self.title),
                         markup=False, soft_wrap=True)
            return EXIT_OK
        try:
            edited = self.editor.project().activities[self.id]
        except NavplanError as error:
            # The located message names the edited text's line; say that the file itself is untouched.
            written = t("progress.not_written", self.lang)
            error.hint = f"{error.hint}; {written}" if error.hint else written
            raise
        parts = [t("progress.change", self.lang, name=t(f"progress.name.{name}", self.lang),
                   old=self._show(name, self.activity), new=self._show(name, edited))
                 for name in _in_file_order(self.changed)]
        self.editor.save(self.path, self.lang)
        errors.print(t("progress.written", self.lang, plan=str(self.path), id=self.id, title=self.title,
                       changes=", ".join(parts)), markup=False, soft_wrap=True)
        return EXIT_OK

    def _show(self, name: str, activity) -> str:
        """The value the schedule uses, so a cleared duration shows the handbook's."""
        value = getattr(activity, _SHOWN_AS.get(name, name))
        if name == "milestone":
            return t("xlsx.yes" if value == "milestone" else "xlsx.no", self.lang)
        if name == "after":
            return ", ".join(link.id for link in value) or t("progress.empty", self.lang)
        if name == "title":
            return value.get(self.lang)
        if name == "status":
            return t(f"status.{value.value}", self.lang)
        if isinstance(value, dt.date):
            return format_date(value, self.lang)
        if value is None or value == "":
            return t("progress.empty", self.lang)
        return str(value)


def _in_file_order(names: list[str]) -> list[str]:
    from navplan.plan.editing import ACTIVITY_KEYS

    return sorted(names, key=ACTIVITY_KEYS.index)


def _progress_event(plan: Path | None, activity_id: str, on: str | None, lang: str) -> tuple["_Edit", dt.date, str]:
    """The edit of a task or milestone whose progress happened on --on (or today)."""
    day = _event_date(on, lang)
    edit = _Edit(plan, activity_id, lang)
    edit.refuse_summary()
    return edit, day, lang


def _event_date(value: str | None, lang: str) -> dt.date:
    """When progress happened: --on or today, never after today."""
    today = _today()
    day = today if value is None else _date(value, "--on", lang)
    if day > today:
        raise NavplanError(t("progress.future", lang, date=format_date(day, lang), today=format_date(today, lang)),
                           field="--on")
    return day


def _date(value: str, option: str, lang: str) -> dt.date:
    from navplan.plan.model import parse_date

    try:
        return parse_date(value)
    except ValueError:
        raise NavplanError(t("progress.bad_date", lang, value=value), field=option) from None


def _duration(value: str, lang: str):
    from navplan.plan.model import Duration

    try:
        return Duration.parse(value)
    except ValueError:
        raise NavplanError(t("progress.bad_duration", lang, value=value), field="--duration") from None


def _status(value: str, lang: str):
    from navplan.messages import MESSAGES
    from navplan.plan.model import Status

    words = {status.value: status for status in Status}
    for status in Status:
        words[status.value.replace("_", " ")] = words[status.value.replace("_", "-")] = status
        for text in MESSAGES[f"status.{status.value}"]:
            words[text.casefold()] = status
    found = words.get(" ".join(value.split()).casefold())
    if found is None:
        raise NavplanError(t("sync.bad_status", lang, value=value, words=", ".join(s.value for s in Status)),
                           field="--status")
    return found


def _clearable(name: str, lang: str) -> str:
    from navplan.plan.loading import closest
    from navplan.plan.editing import ACTIVITY_KEYS

    fields = [key for key in ACTIVITY_KEYS if key != "id"]
    field = name.strip().replace("-", "_")
    if field not in fields:
        guess = closest(field, fields)
        raise NavplanError(t("progress.bad_field", lang, value=name), field="--clear",
                           hint=t("progress.did_you_mean", lang, guess=guess) if guess
                           else t("progress.fields", lang, fields=", ".join(fields)))
    return field


def _check_role(role: str, lang: str) -> None:
    from navplan.plan.loading import closest, load_handbook

    roles = [known.id for known in load_handbook().roles]
    if role not in roles:
        guess = closest(role, roles)
        raise NavplanError(t("progress.unknown_role", lang, role=role), field="--role",
                           hint=t("progress.did_you_mean", lang, guess=guess) if guess
                           else t("progress.roles", lang, roles=", ".join(roles)))
