"""`navplan critical-path`, `calendar` and `validate`: a plan read and scheduled, shown."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from navplan.cli.help_format import command
from navplan.cli.options import (
    AsOfOption, ByOption, LangOption, PlanArgument, WeeksOption, choice, env_of, language, load_schedule,
    output_format, period, plans_read, weeks as parse_weeks,
)
from navplan.errors import EXIT_CHECK_FAILED, EXIT_OK

commands = typer.Typer()


@command(commands, "critical-path", "critical_path")
def critical_path(
    ctx: typer.Context,
    plan: PlanArgument = None,
    as_of: AsOfOption = None,
    weeks: WeeksOption = None,
    output: Annotated[Optional[str], typer.Option("--format", "-f", metavar="table|json|csv|csv-excel",
                                                  help="help.option.format.csv_excel")] = None,
    lang: LangOption = None,
    check: Annotated[bool, typer.Option("--check", help="help.option.check")] = False,
) -> int:
    env, language_, ahead = env_of(ctx), language(lang), parse_weeks(weeks)
    shape = output_format(output, ("table", "json", "csv", "csv-excel"))
    result = load_schedule(plan, as_of, ctx)
    if shape == "table":
        from navplan.render.schedule_terminal import render_critical_path

        render_critical_path(env.console(), result, language_, ahead)
    else:
        print_machine(env, result, shape, language_, ahead)
    if check and (not result.opening_holds or result.missed):
        raise typer.Exit(EXIT_CHECK_FAILED)
    return EXIT_OK


@command(commands, "calendar", "calendar")
def calendar(
    ctx: typer.Context,
    plan: PlanArgument = None,
    by: ByOption = None,
    as_of: AsOfOption = None,
    output: Annotated[Optional[str], typer.Option("--format", "-f", metavar="table|json|csv|csv-excel|xlsx",
                                                  help="help.option.format.xlsx_csv_excel")] = None,
    file: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE.xlsx",
                                                 help="help.option.output_workbook")] = None,
    force: Annotated[bool, typer.Option("--force", help="help.option.force")] = False,
    dates: Annotated[Optional[str], typer.Option("--dates", metavar="latest|forecast",
                                                 help="help.option.dates")] = None,
    lang: LangOption = None,
) -> int:
    from navplan.cli.export_commands import check_output_file, write_workbook
    from navplan.engine.deadlines import countdown_calendar

    env, language_, unit = env_of(ctx), language(lang), period(by)
    drawn = choice(dates, "--dates", ("latest", "forecast"), "latest")
    shape = output_format(output, ("table", "json", "csv", "csv-excel", "xlsx"))
    target = check_output_file(shape, file, force, plans_read(plan))
    result = load_schedule(plan, as_of, ctx)
    periods = countdown_calendar(result, unit, drawn)
    if shape == "xlsx":
        write_workbook(env, result, periods, target, language_, unit, force, dates=drawn)
    elif shape == "table":
        from navplan.render.schedule_terminal import render_calendar

        render_calendar(env.console(), result, periods, language_, unit, drawn)
    else:
        print_machine(env, result, shape, language_, 4, periods, unit)
    return EXIT_OK


def print_machine(env, result, shape: str, lang: str, weeks: int, periods=None, by: str = "week") -> None:
    from navplan.render.schedule_json_csv import schedule_document, to_csv, to_json

    document = schedule_document(result, lang, weeks, periods, by)
    if shape == "json":
        env.stdout.write(to_json(document))
    else:
        # The calendar's rows are its periods; elsewhere the rows are the activities.
        env.stdout.write(to_csv(document.periods if periods is not None else document.activities, shape))


@command(commands, "validate", "validate")
def validate(ctx: typer.Context, plan: PlanArgument = None, lang: LangOption = None) -> int:
    from navplan.engine.dependency_graph import check_cycles
    from navplan.messages import format_date, t
    from navplan.plan.loading import resolve_plan_path
    from navplan.plan.project import load_project

    language_ = language(lang)
    path = resolve_plan_path(plan)
    project = load_project(path)
    check_cycles(project)
    env_of(ctx).say(t("validate.ok", language_, file=str(path), activities=len(project.active()) - 1,
                      date=format_date(project.opening_date, language_), template=project.plan.template))
    return EXIT_OK
