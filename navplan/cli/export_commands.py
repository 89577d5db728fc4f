"""`navplan export`: the schedule written to files (xlsx first)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from navplan.cli.app import CONTEXT_SETTINGS, AsOfOption, Environment, Lang, LangOption, PeriodKind, PlanArgument, _env, _load_schedule, app
from navplan.errors import EXIT_OK, NavplanError

export_app = typer.Typer(no_args_is_help=True, context_settings=CONTEXT_SETTINGS, add_completion=False, rich_markup_mode=None)
app.add_typer(export_app, name="export",
              help="Write the plan to a file: the countdown workbook, a calendar of deadlines, MS Project XML, CSV or JSON.")

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
    from navplan.engine.deadlines import countdown_calendar

    refuse_existing(output, force)
    result = _load_schedule(plan, as_of)
    write_workbook(_env(ctx), result, countdown_calendar(result, by.value), output, lang.value, by.value, force)
    return EXIT_OK


@export_app.command("ics")
def export_ics(
    ctx: typer.Context,
    plan: PlanArgument = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write, e.g. frister.ics")] = ...,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nb,
    role: Annotated[Optional[list[str]], typer.Option(
        "--role", help="Only this role's activities, by id or title (repeat for more)")] = None,
    owner: Annotated[Optional[list[str]], typer.Option(
        "--owner", help="Only this owner's activities, the name as the plan writes it (repeat for more)")] = None,
    starts: Annotated[bool, typer.Option("--starts", help="Also an event on each task's latest start")] = False,
    force: ForceOption = False,
) -> int:
    """A calendar (iCalendar): the opening, each open task's deadline and each milestone, with reminders."""
    from navplan.messages import format_date, t
    from navplan.io.atomic_write import write_atomic
    from navplan.render.ics import calendar_bytes, calendar_events, check_owners, resolve_roles

    refuse_existing(output, force)
    result = _load_schedule(plan, as_of)
    roles = resolve_roles(result, role, lang.value) if role else None
    owners = check_owners(result, owner, lang.value) if owner else None
    events = calendar_events(result, lang.value, roles=roles, owners=owners, starts=starts)
    write_atomic(output, calendar_bytes(result, events), force=force)
    _env(ctx).error_console().print(t(
        "export.written.ics", lang.value, file=str(output), events=len(events), office=result.project.plan.office,
        as_of=format_date(result.as_of, lang.value)), markup=False, soft_wrap=True)
    return EXIT_OK


WeeksOption = Annotated[int, typer.Option("--weeks", min=0, max=52,
                                          help="How many weeks ahead to list what must start")]


@export_app.command("csv")
def export_csv(
    ctx: typer.Context,
    plan: PlanArgument = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write, e.g. plan.csv")] = ...,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nb,
    force: ForceOption = False,
) -> int:
    """One row per activity, as `critical-path --format csv` prints; safe to open in a spreadsheet."""
    from navplan.render.schedule_json_csv import to_csv

    # The rows carry no must_start, so unlike json there is no --weeks to ask for.
    write_document(ctx, plan, output, as_of, lang.value, 4, force, lambda document: to_csv(document.activities))
    return EXIT_OK


@export_app.command("json")
def export_json(
    ctx: typer.Context,
    plan: PlanArgument = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write, e.g. plan.json")] = ...,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nb,
    weeks: WeeksOption = 4,
    force: ForceOption = False,
) -> int:
    """The document `critical-path --format json` prints (schema: `navplan schema --output json`)."""
    from navplan.render.schedule_json_csv import to_json

    write_document(ctx, plan, output, as_of, lang.value, weeks, force, to_json)
    return EXIT_OK


def write_document(ctx: typer.Context, plan: Path | None, output: Path, as_of: str | None, lang: str,
                   weeks: int, force: bool, render) -> None:
    """The machine document of critical-path, rendered by ``render`` into ``output``: one shape, two places."""
    from navplan.messages import format_date, t
    from navplan.io.atomic_write import write_atomic
    from navplan.render.schedule_json_csv import schedule_document

    refuse_existing(output, force)
    result = _load_schedule(plan, as_of)
    write_atomic(output, render(schedule_document(result, lang, weeks)), force=force)
    _env(ctx).error_console().print(t(
        "export.written.data", lang, file=str(output), activities=len(result.activities) - 1,
        office=result.project.plan.office, as_of=format_date(result.as_of, lang)), markup=False, soft_wrap=True)


def refuse_existing(output: Path, force: bool) -> None:
    """Before any work is done: an existing file is only replaced with --force."""
    if output.exists() and not force:
        raise NavplanError("already exists", file=output, hint="use --force to replace it")


def write_workbook(env: Environment, result, periods, output: Path, lang: str, by: str, force: bool) -> None:
    """Build the workbook and write it whole or not at all; say so on stderr."""
    from navplan.messages import format_date, t
    from navplan.io.atomic_write import write_atomic
    from navplan.render.workbook.countdown_workbook import workbook_bytes

    write_atomic(output, workbook_bytes(result, periods, lang, by), force=force)
    env.error_console().print(t(
        "export.written", lang, file=str(output), office=result.project.plan.office,
        as_of=format_date(result.as_of, lang), activities=len(result.activities) - 1, periods=len(periods),
        unit=t("unit.weeks" if by == "week" else "unit.months", lang)), markup=False, soft_wrap=True)
