"""`navplan done`, `start` and `set`: progress and local changes written into the plan file.

The rules live in :mod:`navplan.features.progress`; these commands parse the
options, call it, and say on stderr what changed.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from navplan.cli.help_format import command
from navplan.cli.options import (
    ActivityArgument, LangOption, PlanArgument, date_value, env_of, language, note_value, text_value,
)
from navplan.errors import EXIT_OK

commands = typer.Typer()

OnOption = Annotated[Optional[str], typer.Option("--on", metavar="DATE", help="help.option.on")]


@command(commands, "done", "done")
def done(ctx: typer.Context, activity_id: ActivityArgument, plan: PlanArgument = None, on: OnOption = None,
         lang: LangOption = None) -> int:
    from navplan.features.progress import record_done

    return _record(ctx, record_done, plan, activity_id, on, lang)


@command(commands, "start", "start")
def start(ctx: typer.Context, activity_id: ActivityArgument, plan: PlanArgument = None, on: OnOption = None,
          lang: LangOption = None) -> int:
    from navplan.features.progress import record_start

    return _record(ctx, record_start, plan, activity_id, on, lang)


def _record(ctx: typer.Context, record, plan, activity_id: str, on: str | None, lang: str | None) -> int:
    """Progress that happened --on a day (today by default), never after today."""
    today = env_of(ctx).today_date()
    edit = record(plan, activity_id, on=date_value(on, "--on") or today, today=today)
    return _report(ctx, edit, language(lang))


def _text_option(name: str, metavar: str, key: str):
    return Annotated[Optional[str], typer.Option(name, metavar=metavar, help=key)]


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
    clear: Annotated[Optional[list[str]], typer.Option("--clear", metavar="FIELD", help="help.option.clear")] = None,
    lang: LangOption = None,
) -> int:
    from navplan.features.progress import set_fields as set_activity_fields

    # Text that goes into the plan is checked here, so the message names the option, not a line of the edited text.
    owner = owner if owner is None else text_value(owner, "--owner")
    role = role if role is None else text_value(role, "--role")
    notes = notes if notes is None else note_value(notes, "--notes")
    values = {"owner": owner, "role": role, "duration": duration, "not_before": not_before,
              "not_after": not_after, "fixed": fixed, "notes": notes, "status": status, "remaining": remaining}
    edit = set_activity_fields(plan, activity_id, values, clear or [])
    return _report(ctx, edit, language(lang))


def _report(ctx: typer.Context, edit, lang: str) -> int:
    from navplan.render.edit_lines import edit_line

    env_of(ctx).say(edit_line(edit, lang))
    return EXIT_OK
