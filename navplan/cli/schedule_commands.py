"""`navplan critical-path`, `calendar` and `validate`: a plan read and scheduled, shown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from navplan.api import EXIT_CHECK_FAILED, EXIT_OK, shown_path
from navplan.cli.help_format import command
from navplan.cli.options import (
    DATES,
    AsOfOption,
    ByOption,
    CalendarDatesOption,
    CsvExcelFormatOption,
    ForceOption,
    LangOption,
    LevelTimeOption,
    OwnerOption,
    PlanArgument,
    RoleOption,
    WeeksOption,
    WorkbookFileOption,
    WorkbookFormatOption,
    choice,
    env_of,
    language,
    load_schedule,
    output_format,
    period,
    plans_read,
    weeks as parse_weeks,
)

commands = typer.Typer()


@command(commands, "critical-path", "critical_path")
def critical_path(
    ctx: typer.Context,
    plan: PlanArgument = None,
    as_of: AsOfOption = None,
    weeks: WeeksOption = None,
    output: CsvExcelFormatOption = None,
    lang: LangOption = None,
    role: RoleOption = None,
    owner: OwnerOption = None,
    check: Annotated[bool, typer.Option("--check", help="help.option.check")] = False,
    level: LevelTimeOption = None,
) -> int:
    from navplan.api import audience

    env, language_, ahead = env_of(ctx), language(lang), parse_weeks(weeks)
    shape = output_format(output, ("table", "json", "csv", "csv-excel"))
    from navplan.api import levers as what_can_help, verdict as judged

    result = load_schedule(plan, as_of, ctx, level)
    view = audience(result.project, role, owner)
    help_ = what_can_help(result)
    # The probability of opening on time, sampled only for a plan with something uncertain, and
    # then once per plan content and day (kept in the cache folder): see navplan.features.verdict.
    found = judged(result)
    if shape == "table":
        from navplan.api import plan_words
        from navplan.render.schedule_terminal import render_critical_path

        render_critical_path(env.console(), result, language_, ahead, view, help_, plan_words(plan), found)
    else:
        print_machine(env, result, shape, language_, ahead, view=view, levers=help_, verdict=found)
    if check and (not result.opening_holds or result.missed):
        raise typer.Exit(EXIT_CHECK_FAILED)
    return EXIT_OK


@command(commands, "calendar", "calendar")
def calendar(
    ctx: typer.Context,
    plan: PlanArgument = None,
    by: ByOption = None,
    as_of: AsOfOption = None,
    output: WorkbookFormatOption = None,
    file: WorkbookFileOption = None,
    force: ForceOption = False,
    dates: CalendarDatesOption = None,
    lang: LangOption = None,
    role: RoleOption = None,
    owner: OwnerOption = None,
    level: LevelTimeOption = None,
) -> int:
    from navplan.api import audience, countdown_calendar
    from navplan.cli.export_commands import check_output_file, write_workbook

    env, language_, unit = env_of(ctx), language(lang), period(by)
    drawn = choice(dates, "--dates", DATES, "planned")
    shape = output_format(output, ("table", "json", "csv", "csv-excel", "xlsx"))
    target = check_output_file(shape, file, force, plans_read(plan))
    result = load_schedule(plan, as_of, ctx, level)
    view = audience(result.project, role, owner)
    periods = countdown_calendar(result, unit, drawn)
    if shape == "xlsx":
        write_workbook(env, result, periods, target, language_, unit, force, dates=drawn, view=view)
    elif shape == "table":
        from navplan.render.schedule_terminal import render_calendar

        render_calendar(env.console(), result, periods, language_, unit, drawn, view)
    else:
        print_machine(env, result, shape, language_, 4, periods, unit, view, dates=drawn)
    return EXIT_OK


def print_machine(env, result, shape: str, lang: str, weeks: int, periods=None, by: str = "week",
                  view=None, levers=None, verdict=None, dates: str | None = None) -> None:
    from navplan.render.schedule_json_csv import schedule_document, to_csv, to_json

    document = schedule_document(result, lang, weeks, periods, by, view, levers, verdict, dates)
    if shape == "json":
        env.stdout.write(to_json(document))
    else:
        # The calendar's rows are its periods; elsewhere the rows are the activities.
        env.stdout.write(to_csv(document.periods if periods is not None else document.activities, shape))


@command(commands, "validate", "validate")
def validate(
    ctx: typer.Context,
    plans: Annotated[list[Path] | None, typer.Argument(metavar="PLAN...", help="help.option.plans",
                                                          show_default=False)] = None,
    lang: LangOption = None,
) -> int:
    """Each plan is checked and gets its own line, so a pre-commit hook given every
    navplan.yaml of a county's repository reports them all; exit 2 if any is bad."""
    from navplan.api import EXIT_BAD_INPUT, NavplanError

    env, language_ = env_of(ctx), language(lang)
    if not plans or len(plans) == 1:
        _validate_one(env, plans[0] if plans else None, language_)
        return EXIT_OK
    bad = 0
    for plan in plans:
        try:
            _validate_one(env, plan, language_)
        except NavplanError as error:
            env.say(f"navplan: {error.render(env.lang)}")
            bad += 1
    return EXIT_BAD_INPUT if bad else EXIT_OK


def _validate_one(env, plan: Path | None, lang: str) -> None:
    """Check one plan or county file (navplan.api's validate) and say what was checked."""
    from navplan.api import ValidPlan, validate
    from navplan.messages import format_date, t

    checked = validate(plan)
    if isinstance(checked, ValidPlan):
        project = checked.project
        env.say(t("validate.ok", lang, file=shown_path(checked.file), activities=len(project.active()) - 1,
                  date=format_date(project.opening_date, lang),
                  template=t(f"template.{project.plan.template}", lang)))
        return
    county = checked.county
    env.say(t("county.valid", lang, file=shown_path(county.file), county=county.name,
              resources=t("county.valid.resources", lang, resources=len(county.resources)),
              offices=t("county.valid.offices", lang, offices=len(county.county.offices))))
