"""`navplan done`, `start` and `set`: progress and local changes written into the plan file.

The rules live in :mod:`navplan.features.progress`; these commands parse the
options, call it, and say on stderr what changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from navplan.api import EXIT_OK, Message, NavplanError
from navplan.cli.help_format import command
from navplan.cli.options import (
    ActivityArgument,
    LangOption,
    PlanArgument,
    date_value,
    env_of,
    language,
    note_value,
    text_value,
)

commands = typer.Typer()

OnOption = Annotated[str | None, typer.Option("--on", metavar="DATE", help="help.option.on")]


ActivityIdsArgument = Annotated[list[str], typer.Argument(metavar="ID... [PLAN]", help="help.option.activity_ids",
                                                         show_default=False)]
PlanOption = Annotated[Path | None, typer.Option("--plan", "-p", metavar="PLAN", help="help.option.plan_named")]


@command(commands, "done", "done")
def done(ctx: typer.Context, arguments: ActivityIdsArgument, plan_option: PlanOption = None, on: OnOption = None,
         lang: LangOption = None) -> int:
    from navplan.api import record_done_all

    return _record(ctx, record_done_all, arguments, plan_option, on, lang)


@command(commands, "start", "start")
def start(ctx: typer.Context, arguments: ActivityIdsArgument, plan_option: PlanOption = None, on: OnOption = None,
          lang: LangOption = None) -> int:
    from navplan.api import record_start_all

    return _record(ctx, record_start_all, arguments, plan_option, on, lang)


def _record(ctx: typer.Context, record, arguments: list[str], plan: Path | None, on: str | None,
            lang: str | None) -> int:
    """Progress that happened --on a day (today by default), never after today."""
    today = env_of(ctx).today_date()
    activity_ids, plan = ids_and_plan(arguments, plan)
    # The plan is among the ids, not under a PLAN argument: named here, its språk: is the
    # language of what the command says, and of its errors, as for every other command.
    ctx.params["plan"] = plan
    lang = language(lang)
    edits = record(plan, activity_ids, on=date_value(on, "--on") or today, today=today)
    for edit in edits:
        _report(ctx, edit, lang)
    return EXIT_OK


def ids_and_plan(arguments: list[str], plan: Path | None) -> tuple[list[str], Path | None]:
    """The ids and the plan of `done ID [ID...] [PLAN]`. The first argument is an id.
    Of two or more, the last is the plan when it is written as a path (``kontor/``,
    ``plan.yaml``) or names a file or folder that exists; else every argument is an
    id and the plan is found from the current folder. With ``--plan`` every
    argument is an id. A last argument that exists here and is also an id of the
    plan found from here is refused: either reading could be meant."""
    import os

    if plan is not None or len(arguments) < 2:
        return arguments, plan
    *ids, last = arguments
    separators = tuple(sep for sep in (os.sep, os.altsep, "/") if sep)
    if any(sep in last for sep in separators) or last.lower().endswith((".yaml", ".yml")):
        return ids, Path(last)
    if not os.path.lexists(last):
        return arguments, None
    if last in _ids_of_plan_here():
        raise NavplanError("progress.id_or_folder", field="ID", value=last, hint=Message("progress.id_or_folder.hint",
                                                                                        value=last))
    return ids, Path(last)


def _ids_of_plan_here() -> set[str]:
    """The activity ids of the plan found from the current folder; none if there is none."""
    from navplan.api import load_project

    try:
        return set(load_project(None).activities)
    except NavplanError:
        return set()


def _text_option(name: str, metavar: str, key: str):
    return Annotated[str | None, typer.Option(name, metavar=metavar, help=key)]


@command(commands, "set", "set")
def set_fields(
    ctx: typer.Context,
    activity_id: ActivityArgument,
    plan: PlanArgument = None,
    owner: _text_option("--owner", "NAME", "help.option.set_owner") = None,
    role: _text_option("--role", "ROLE", "help.option.set_role") = None,
    duration: _text_option("--duration", "DURATION", "help.option.duration") = None,
    not_before: _text_option("--not-before", "DATE", "help.option.not_before") = None,
    not_after: _text_option("--not-after", "DATE", "help.option.not_after") = None,
    fixed: _text_option("--fixed", "DATE", "help.option.fixed") = None,
    notes: _text_option("--notes", "TEXT", "help.option.notes") = None,
    status: _text_option("--status", "STATUS", "help.option.status") = None,
    remaining: _text_option("--remaining", "DURATION", "help.option.remaining") = None,
    clear: Annotated[list[str] | None, typer.Option("--clear", metavar="FIELD", help="help.option.clear")] = None,
    lang: LangOption = None,
) -> int:
    from navplan.api import set_fields as set_activity_fields

    lang = language(lang)  # before the edit, so that a refusal speaks the plan's språk: too
    # Text that goes into the plan is checked here, so the message names the option, not a line of the edited text.
    owner = owner if owner is None else text_value(owner, "--owner")
    role = role if role is None else text_value(role, "--role")
    notes = notes if notes is None else note_value(notes, "--notes")
    values = {"owner": owner, "role": role, "duration": duration, "not_before": not_before,
              "not_after": not_after, "fixed": fixed, "notes": notes, "status": status, "remaining": remaining}
    edit = set_activity_fields(plan, activity_id, values, clear or [])
    return _report(ctx, edit, lang)


def _report(ctx: typer.Context, edit, lang: str) -> int:
    from navplan.render.edit_lines import edit_line

    env_of(ctx).say(edit_line(edit, lang))
    return EXIT_OK


@command(commands, "baseline", "baseline")
def baseline(ctx: typer.Context, plan: PlanArgument = None,
             as_of: Annotated[str | None, typer.Option("--as-of", metavar="DATE", help="help.option.as_of")] = None,
             force: Annotated[bool, typer.Option("--force", help="help.option.baseline_force")] = False,
             lang: LangOption = None) -> int:
    """Record the plan's dates as of --as-of (today) as the baseline the steering group approved."""
    from navplan.api import record_baseline
    from navplan.messages import format_date, t

    env, language_ = env_of(ctx), language(lang)
    day = date_value(as_of, "--as-of") or env.today_date()
    comment = tuple(f"# {line}" for line in t("baseline.comment", language_).split("\n"))
    record = record_baseline(plan, day, force=force, comment=comment)
    env.say(_baseline_said(record, language_, format_date, t))
    return EXIT_OK


def _baseline_said(record, lang: str, format_date, t) -> str:
    """What `navplan baseline` did, in one or two lines: what it recorded, and what it replaced."""
    from navplan.api import shown_path

    if not record.written:
        return t("baseline.unchanged", lang, file=shown_path(record.plan_file),
                 date=format_date(record.recorded, lang))
    said = t("baseline.recorded", lang, file=shown_path(record.plan_file), date=format_date(record.recorded, lang),
             activities=record.activities, opening=format_date(record.opening, lang))
    if record.replaced_recorded is not None:
        said += "\n" + t("baseline.replaced", lang, date=format_date(record.replaced_recorded, lang),
                         opening=format_date(record.replaced_opening, lang),
                         changed=t("baseline.replaced.changed", lang, count=len(record.changed)),
                         added=len(record.added), removed=len(record.removed))
    return said
