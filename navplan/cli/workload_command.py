"""`navplan workload`: what each role, person and resource carries, week by week, by the planned dates."""

from __future__ import annotations

import typer

from navplan.api import EXIT_OK
from navplan.cli.help_format import command
from navplan.cli.options import (
    AsOfOption,
    ByOption,
    CsvExcelFormatOption,
    LangOption,
    LevelTimeOption,
    OwnerOption,
    PlanArgument,
    RoleOption,
    env_of,
    language,
    load_schedule,
    output_format,
    period,
)

commands = typer.Typer()


@command(commands, "workload", "workload")
def workload(
    ctx: typer.Context,
    plan: PlanArgument = None,
    by: ByOption = None,
    as_of: AsOfOption = None,
    output: CsvExcelFormatOption = None,
    lang: LangOption = None,
    role: RoleOption = None,
    owner: OwnerOption = None,
    level: LevelTimeOption = None,
) -> int:
    from navplan.api import audience, workload as loads_of

    env, language_, unit = env_of(ctx), language(lang), period(by)
    shape = output_format(output, ("table", "json", "csv", "csv-excel"))
    result = load_schedule(plan, as_of, ctx, level)
    loads = loads_of(result, unit, audience(result.project, role, owner))
    if shape == "table":
        from navplan.render.workload_terminal import render_workload

        render_workload(env.console(), result, loads, unit, language_)
    elif shape == "json":
        from navplan.render.schedule_json_csv import to_json
        from navplan.render.workload_json_csv import workload_document

        env.stdout.write(to_json(workload_document(result, loads, unit, language_)))
    else:
        from navplan.render.schedule_json_csv import to_csv
        from navplan.render.workload_json_csv import workload_rows

        env.stdout.write(to_csv(workload_rows(loads, unit, language_), shape))
    return EXIT_OK
