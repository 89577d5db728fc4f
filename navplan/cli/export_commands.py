"""`navplan export xlsx|ods|ics|csv|json|mspdi`: the schedule written to a file.

Every export checks first that it may write its file (an existing one only
with --force), then schedules, renders and writes the file whole or not at
all, and says on stderr what it wrote.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from navplan.api import EXIT_OK, NavplanError, shown_path
from navplan.cli.help_format import CONTEXT, NavplanGroup, command
from navplan.cli.options import (
    DATES,
    AsOfOption,
    ByOption,
    CalendarDatesOption,
    DatesOption,
    ForceOption,
    LangOption,
    LevelTimeOption,
    OwnerOption,
    PlanArgument,
    RoleOption,
    WeeksOption,
    choice,
    env_of,
    language,
    load_schedule,
    output_file,
    period,
    plans_read,
    weeks as parse_weeks,
)

commands = typer.Typer()
export_app = typer.Typer(cls=NavplanGroup, context_settings=CONTEXT, no_args_is_help=True, help="help.export",
                         short_help="help.export.short", epilog="help.export.example")
commands.add_typer(export_app, name="export", cls=NavplanGroup, help="help.export", short_help="help.export.short",
                   epilog="help.export.example")


@export_app.callback(invoke_without_command=True)
def _export_group(ctx: typer.Context, lang: LangOption = None) -> None:
    """`navplan --lang nn export` puts the language after `export`, where the group reads it
    (a wrong one refused as every command refuses it); without a command, the group's help."""
    language(lang)
    if ctx.invoked_subcommand is None:
        from typer._click.exceptions import NoArgsIsHelpError  # typer carries its own copy of click

        raise NoArgsIsHelpError(ctx)


def _output(example: str) -> Any:
    return Annotated[str, typer.Option("--output", "-o", metavar=example, help="help.option.output_file")]


StartsOption = Annotated[bool, typer.Option("--starts", help="help.option.starts")]

#: Every parameter an export may take: name in the table → (the function's parameter, its type, default).
#: ``output`` is filled in per format, its metavar naming the format's suffix.
PARAMETERS: dict[str, tuple[str, Any, Any]] = {
    "plan": ("plan", PlanArgument, None), "by": ("by", ByOption, None), "as_of": ("as_of", AsOfOption, None),
    "lang": ("lang", LangOption, None), "role": ("role", RoleOption, None), "owner": ("owner", OwnerOption, None),
    "starts": ("starts", StartsOption, False), "weeks": ("weeks", WeeksOption, None),
    "force": ("force", ForceOption, False), "dates": ("dates", DatesOption, None),
    "calendar_dates": ("dates", CalendarDatesOption, None), "level": ("level", LevelTimeOption, None),
}


@dataclass(frozen=True)
class ExportFormat:
    """One ``navplan export`` format: its subcommand, file suffix, renderer and words.

    The subcommand's help is ``help.export_<name>`` (with ``.short`` and ``.example``), the
    file's metavar is ``FILE<suffix>``, ``written`` is what stderr says once the file is
    written, and ``options`` are the command's parameters in the order its help lists them
    (keys of :data:`PARAMETERS`; ``output`` is every format's ``-o``)."""

    name: str
    suffix: str
    write: Callable[[typer.Context, ExportFormat, dict[str, Any]], None]
    written: str
    options: tuple[str, ...]

    @property
    def help_key(self) -> str:
        return f"export_{self.name}"


def _export_workbook(ctx: typer.Context, export: ExportFormat, values: dict[str, Any]) -> None:
    """The countdown workbook as .xlsx or .ods: the same sheets, written by either writer; with
    --role or --owner, the countdown's rows of those people's activities."""
    from navplan.api import audience, countdown_calendar

    plan, file_format = values["plan"], export.name
    target = export_file(values["output"], file_format)
    refuse_existing(target, values["force"], plans_read(plan))
    unit, drawn = period(values["by"]), choice(values["dates"], "--dates", DATES, "latest")
    result = load_schedule(plan, values["as_of"], ctx, values["level"])
    write_workbook(env_of(ctx), result, countdown_calendar(result, unit, drawn), target, language(values["lang"]),
                   unit, values["force"], file_format=file_format, dates=drawn,
                   view=audience(result.project, values["role"], values["owner"]), written=export.written)


def _export_ics(ctx: typer.Context, export: ExportFormat, values: dict[str, Any]) -> None:
    from navplan.api import audience, write_atomic
    from navplan.messages import format_date, t
    from navplan.render.ics import calendar_bytes, calendar_events

    plan, force = values["plan"], values["force"]
    output = export_file(values["output"], export.name)
    refuse_existing(output, force, plans_read(plan))
    language_ = language(values["lang"])
    drawn = choice(values["dates"], "--dates", DATES, "planned")
    result = load_schedule(plan, values["as_of"], ctx, values["level"])
    events = calendar_events(result, language_, audience=audience(result.project, values["role"], values["owner"]),
                             starts=values["starts"], dates=drawn)
    write_atomic(output, calendar_bytes(result, events), force=force)
    env_of(ctx).say(t(export.written, language_, file=shown_path(output), events=len(events),
                      office=result.project.plan.office, as_of=format_date(result.as_of, language_)))


def _export_csv(ctx: typer.Context, export: ExportFormat, values: dict[str, Any]) -> None:
    from navplan.render.schedule_json_csv import to_csv

    # The rows carry no must_start, so unlike json there is no --weeks to ask for.
    write_document(ctx, values["plan"], values["output"], values["as_of"], language(values["lang"]), 4,
                   values["force"], lambda document: to_csv(document.activities), export.name, values["level"],
                   written=export.written)


def _export_json(ctx: typer.Context, export: ExportFormat, values: dict[str, Any]) -> None:
    from navplan.render.schedule_json_csv import to_json

    write_document(ctx, values["plan"], values["output"], values["as_of"], language(values["lang"]),
                   parse_weeks(values["weeks"]), values["force"], to_json, export.name, values["level"],
                   written=export.written)


def _export_mspdi(ctx: typer.Context, export: ExportFormat, values: dict[str, Any]) -> None:
    from navplan.api import write_atomic
    from navplan.messages import format_date, t
    from navplan.render.mspdi import mspdi_bytes

    plan, force = values["plan"], values["force"]
    output = export_file(values["output"], export.name)
    refuse_existing(output, force, plans_read(plan))
    language_ = language(values["lang"])
    result = load_schedule(plan, values["as_of"], ctx, values["level"])
    write_atomic(output, mspdi_bytes(result, language_), force=force)
    env_of(ctx).say(t(export.written, language_, file=shown_path(output), office=result.project.plan.office,
                      as_of=format_date(result.as_of, language_), tasks=len(result.activities),
                      date=format_date(result.project.opening_date, language_)))


_WORKBOOK = ("plan", "by", "as_of", "lang", "role", "owner", "force", "dates", "level")

#: The export formats, in the order ``navplan export --help`` and completion list them. Adding a format:
#: its renderer, one entry here, and its words (help.export_<name>, .short, .example and its written message).
EXPORTS: tuple[ExportFormat, ...] = (
    ExportFormat("xlsx", ".xlsx", _export_workbook, "export.written", _WORKBOOK),
    ExportFormat("ods", ".ods", _export_workbook, "export.written", _WORKBOOK),
    ExportFormat("ics", ".ics", _export_ics, "export.written.ics",
                 ("plan", "as_of", "lang", "role", "owner", "starts", "force", "calendar_dates", "level")),
    ExportFormat("csv", ".csv", _export_csv, "export.written.data", ("plan", "as_of", "lang", "force", "level")),
    ExportFormat("json", ".json", _export_json, "export.written.data",
                 ("plan", "as_of", "lang", "weeks", "force", "level")),
    ExportFormat("mspdi", ".xml", _export_mspdi, "export.written.mspdi", ("plan", "as_of", "lang", "force", "level")),
)


def export_file(value: str | None, kind: str) -> Path | None:
    """The file ``-o`` names for ``navplan export <kind>``: refused under another export's suffix."""
    return output_file(value, kind=kind, suffixes={export.suffix: export.name for export in EXPORTS})


def _subcommand(export: ExportFormat) -> Callable[..., int]:
    """``navplan export <name>``: a function whose signature typer reads, its parameters those of
    ``export.options`` (``-o FILE<suffix>`` after the plan), every one handed to ``export.write``."""
    def run(ctx: typer.Context, **values: Any) -> int:
        export.write(ctx, export, values)
        return EXIT_OK

    names = [*export.options[:1], "output", *export.options[1:]]
    parameters = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)]
    for name in names:
        parameter, annotation, default = (("output", _output(f"FILE{export.suffix}"), ...) if name == "output"
                                          else PARAMETERS[name])
        parameters.append(inspect.Parameter(parameter, inspect.Parameter.KEYWORD_ONLY, annotation=annotation,
                                            default=default))
    run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    run.__annotations__ = {parameter.name: parameter.annotation for parameter in parameters}
    run.__name__ = run.__qualname__ = export.help_key
    run.__doc__ = None
    return run


for _export in EXPORTS:
    command(export_app, _export.name, _export.help_key)(_subcommand(_export))


def write_document(ctx: typer.Context, plan: Path | None, output: str, as_of: str | None, lang: str,
                   weeks: int, force: bool, render, kind: str, level: str | None = None,
                   written: str = "export.written.data") -> None:
    """The machine document of critical-path, rendered by ``render`` into ``output``: one shape, two places."""
    from navplan.api import levers, verdict, write_atomic
    from navplan.messages import format_date, t
    from navplan.render.schedule_json_csv import schedule_document

    output = export_file(output, kind)
    refuse_existing(output, force, plans_read(plan))
    result = load_schedule(plan, as_of, ctx, level)
    document = schedule_document(result, lang, weeks, levers=levers(result), verdict=verdict(result))
    write_atomic(output, render(document), force=force)
    env_of(ctx).say(t(written, lang, file=shown_path(output), activities=len(result.activities) - 1,
                      office=result.project.plan.office, as_of=format_date(result.as_of, lang)))


def refuse_existing(output: Path, force: bool, reading: list[Path]) -> None:
    """Before any work: ``output`` is a file that may be written, and not a plan being read."""
    from navplan.api import refuse_existing as refuse

    refuse(output, force, reading)


def check_output_file(output_format: str, file: str | None, force: bool, reading: list[Path]) -> Path | None:
    """A workbook needs -o FILE (and --force to replace one); printed formats take no -o. The file, if any."""
    if output_format == "xlsx":
        if file is None:
            raise NavplanError("error.output.xlsx_needs_file", field="--output", hint="hint.output.name_file")
        path = output_file(file)
        refuse_existing(path, force, reading)
        return path
    elif file is not None:
        raise NavplanError("error.output.printed_format", field="--output", hint="hint.output.printed_format",
                           format=output_format)
    return None


def write_workbook(env, result, periods, output: Path, lang: str, by: str, force: bool,
                   file_format: str = "xlsx", dates: str = "latest", view=None,
                   written: str = "export.written") -> None:
    """Build the workbook (.xlsx or .ods) and write it whole or not at all; say so on stderr. A
    personal view keeps the countdown's rows of its activities (with their main activities and the opening)."""
    from navplan.api import visible_ids, workbook_risk, write_atomic
    from navplan.messages import format_date, t
    from navplan.render.workbook.countdown_workbook import workbook_bytes

    shown = visible_ids(result.project, view)
    periods, by = gantt_within_columns(env, result, periods, lang, by, dates, shown)
    risk, found = workbook_risk(result)  # the Risiko sheet and the verdict, as `navplan risk` has them
    write_atomic(output, workbook_bytes(result, periods, lang, by, file_format, dates, shown, risk, found),
                 force=force)
    rows = len(result.activities) if shown is None else len(shown)
    env.say(t(written, lang, file=shown_path(output), office=result.project.plan.office,
              as_of=format_date(result.as_of, lang), activities=rows - 1, periods=len(periods),
              unit=t("unit.weeks" if by == "week" else "unit.months", lang, count=len(periods))))


def gantt_within_columns(env, result, periods, lang: str, by: str, dates: str, shown):
    """The calendar's periods and unit, so that the countdown's Gantt keeps within the columns
    LibreOffice opens (1,024; Excel 16,384): by month, saying so, when its weeks would not; refused,
    naming the activity whose work ends last, when its months would not either."""
    from navplan.api import countdown_calendar
    from navplan.messages import format_date, t
    from navplan.render.gantt_bars import bar_spans
    from navplan.render.workbook.countdown_sheet import MAX_GANTT_COLUMNS, plan_gantt

    width = plan_gantt(result, periods, by, dates, shown).width
    if width <= MAX_GANTT_COLUMNS:
        return periods, by
    if by == "week":
        months = countdown_calendar(result, "month", dates)
        if plan_gantt(result, months, "month", dates, shown).width <= MAX_GANTT_COLUMNS:
            env.say(t("export.by_month_instead", lang, columns=width))
            return months, "month"
        width = plan_gantt(result, months, "month", dates, shown).width
    spans = bar_spans(result, dates)
    last = max((spans[i] for i in spans if shown is None or i in shown), key=lambda span: span[1])
    latest = max((i for i in spans if (shown is None or i in shown) and not result.activities[i].activity.is_summary
                   and spans[i][1] == last[1]), key=lambda i: list(result.activities).index(i))
    raise NavplanError("export.too_many_columns", file=result.project.file, field=latest,
                       last=format_date(last[1], lang), columns=width, hint="hint.export.too_many_columns")
