"""`navplan sync`: progress read back from a workbook into the plan file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from navplan.api import EXIT_CHECK_FAILED, EXIT_OK, shown_path
from navplan.cli.confirm import confirmed, interactive
from navplan.cli.help_format import command
from navplan.cli.options import LangOption, PlanArgument, env_of, language

commands = typer.Typer()


@command(commands, "sync", "sync")
def sync(
    ctx: typer.Context,
    workbook: Annotated[Path, typer.Argument(metavar="FILE.xlsx|FILE.ods", help="help.option.workbook",
                                             show_default=False)],
    plan: PlanArgument = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="help.option.yes")] = False,
    other_office: Annotated[bool, typer.Option("--other-office", help="help.option.other_office")] = False,
    lang: LangOption = None,
) -> int:
    import shlex

    from navplan.api import sync_workbook
    from navplan.messages import t
    from navplan.render.edit_lines import conflict_lines, sync_lines

    env, language_ = env_of(ctx), language(lang)
    from navplan.api import check_workbook_path

    check_workbook_path(workbook)  # the first argument: its problem before the plan is looked for
    if yes:
        # Read, compare and write under the plan's lock, released when the command ends:
        # a `navplan done` meanwhile waits and then applies its edit to what sync wrote.
        from navplan.api import plan_lock, resolve_plan_path

        ctx.with_resource(plan_lock(resolve_plan_path(plan)))
    found = sync_workbook(workbook, plan, language_, today=env.today_date(), other_office=other_office)
    out = env.console()
    plan_name = shown_path(found.plan_file)
    if found.unread:  # edits that sync does not carry over are named, never lost without a word
        env.say(t("sync.unread", language_, cells=", ".join(found.unread)))
    if found.changes and not found.recorded:  # a workbook from before the record: it wins, and says so
        env.say(t("sync.no_record", language_, workbook=shown_path(workbook)))
    if not found.changes and not found.conflicts:
        out.print(t("sync.nothing", language_, plan=plan_name, workbook=shown_path(workbook)), markup=False)
        return EXIT_OK
    if found.changes:
        out.print(t("sync.header", language_, workbook=shown_path(workbook), plan=plan_name), markup=False)
        for line in sync_lines(found.project, found.changes, language_):
            out.print(line, markup=False)
    if found.conflicts:  # changed in both since the export: both values named, nothing written, even with --yes
        for line in conflict_lines(workbook, found.conflicts, language_):
            env.say(line)
        env.say(t("sync.conflicts.nothing_written", language_, count=len(found.conflicts)))
        return EXIT_CHECK_FAILED
    if found.problem is not None:  # what it would change is shown, then why it cannot
        raise found.problem
    if not (yes or confirmed(env, t("sync.confirm", language_, plan=plan_name), language_)):
        key = "sync.declined" if interactive(env) else "sync.dry_run"
        env.say(t(key, language_, workbook=shown_path(shlex.quote(str(workbook))),
                  plan=shown_path(shlex.quote(plan_name))))
        return EXIT_OK
    found.write()
    env.say(t("sync.written", language_, plan=plan_name, count=found.activities_changed))
    return EXIT_OK
