"""`navplan export`: the schedule written to files (xlsx first)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from navplan.cli import AsOfOption, Environment, Lang, LangOption, PeriodKind, PlanArgument, _env, _load_schedule, app
from navplan.errors import EXIT_OK, NavplanError

export_app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None)
app.add_typer(export_app, name="export",
              help="Write the plan to a file: the countdown workbook for Excel or LibreOffice.")

OutputFileOption = Annotated[Path, typer.Option("--output", "-o", help="The file to write, e.g. plan.xlsx")]
ByOption = Annotated[PeriodKind, typer.Option("--by", help="One Gantt column per ISO week or per month")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing file")]


@export_app.command("xlsx")
def xlsx(
    ctx: typer.Context,
    plan: PlanArgument = None,
    output: OutputFileOption = ...,
    by: ByOption = PeriodKind.week,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nb,
    force: ForceOption = False,
) -> int:
    """The countdown workbook: Gantt calendar, critical path, opening criteria, roles."""
    from navplan.countdown import countdown_calendar

    refuse_existing(output, force)
    result = _load_schedule(plan, as_of)
    write_workbook(_env(ctx), result, countdown_calendar(result, by.value), output, lang.value, by.value, force)
    return EXIT_OK


def refuse_existing(output: Path, force: bool) -> None:
    """Before any work is done: an existing file is only replaced with --force."""
    if output.exists() and not force:
        raise NavplanError("already exists", file=output, hint="use --force to replace it")


def write_workbook(env: Environment, result, periods, output: Path, lang: str, by: str, force: bool) -> None:
    """Build the workbook and write it whole or not at all; say so on stderr."""
    from navplan.i18n import format_date, t
    from navplan.planfile import write_atomic
    from navplan.render.excel import workbook_bytes

    write_atomic(output, workbook_bytes(result, periods, lang, by), force=force)
    env.error_console().print(t(
        "export.written", lang, file=str(output), office=result.project.plan.office,
        as_of=format_date(result.as_of, lang), activities=len(result.activities) - 1, periods=len(periods),
        unit=t("unit.weeks" if by == "week" else "unit.months", lang)), markup=False, soft_wrap=True)
