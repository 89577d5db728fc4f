"""The Typer app: options → core → renderer, and the one error boundary.

Heavy modules (networkx, holidays, openpyxl) are imported inside the commands
that need them, so `navplan --help` and `navplan validate` start fast.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from rich.console import Console

from navplan.errors import EXIT_BAD_INPUT, EXIT_CHECK_FAILED, EXIT_OK, NavplanError


class Lang(str, Enum):
    nb = "nb"
    en = "en"


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class CalendarFormat(str, Enum):
    """The calendar alone is also a workbook; other commands have no xlsx."""

    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class PeriodKind(str, Enum):
    week = "week"
    month = "month"


class TemplateName(str, Enum):
    new = "new"
    merger = "merger"


@dataclass
class Environment:
    """Where output goes; tests inject their own streams (the httpie pattern)."""

    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    width: int | None = None

    # rich is imported when something is printed through it: JSON and CSV output never are.
    def console(self) -> Console:
        from rich.console import Console

        return Console(file=self.stdout, width=self.width, soft_wrap=False, highlight=False)

    def error_console(self) -> Console:
        from rich.console import Console

        return Console(file=self.stderr, width=self.width, highlight=False)


#: Every command answers -h as well as --help, as CLIs conventionally do.
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name="navplan",
    context_settings=CONTEXT_SETTINGS,
    help="Nedtellingsplan for etablering av NAV-kontor, bygd på NAVs etableringshåndbok (v2.0, 2007). "
         "Countdown planner for establishing or merging NAV offices.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

def _print_version(value: bool) -> None:
    if value:
        from navplan import __version__

        typer.echo(f"navplan {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _global_options(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_print_version, is_eager=True,
                                          help="Show navplan's version and exit")] = False,
) -> None:
    """Nedtellingsplan for etablering av NAV-kontor, bygd på NAVs etableringshåndbok (v2.0, 2007).
    Countdown planner for establishing or merging NAV offices."""


PlanArgument = Annotated[
    Optional[Path], typer.Argument(help="The plan file, or a folder holding navplan.yaml (default: ./navplan.yaml)")
]
LangOption = Annotated[Lang, typer.Option("--lang", help="Language of the output: nb (bokmål) or en")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table for people; json or csv for machines")]
AsOfOption = Annotated[
    Optional[str], typer.Option("--as-of", help="Compute as of this date (dd.mm.yyyy or yyyy-mm-dd); default today")
]


def _env(ctx: typer.Context) -> Environment:
    return ctx.obj if isinstance(ctx.obj, Environment) else Environment()


def _date_option(value: str | None, option: str) -> dt.date | None:
    from navplan.plan.model import parse_date

    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise NavplanError(str(exc), field=option, hint="write dd.mm.yyyy or yyyy-mm-dd") from None


def _as_of(value: str | None) -> dt.date:
    # The only place navplan reads the clock.
    return _date_option(value, "--as-of") or dt.date.today()


def check_output_file(output_format: str, file: Path | None, force: bool) -> None:
    """A workbook needs -o FILE (and --force to replace one); printed formats take no -o."""
    if output_format == "xlsx":
        from navplan.cli.export_commands import refuse_existing

        if file is None:
            raise NavplanError("--format xlsx writes a workbook, not to the terminal", field="--output",
                               hint="name the file with -o FILE.xlsx")
        refuse_existing(file, force)
    elif file is not None:
        raise NavplanError(f"--format {output_format} prints to stdout", field="--output",
                           hint="use -o with --format xlsx, or redirect stdout")


def _load_schedule(plan: Path | None, as_of: str | None):
    from navplan.engine.schedule import schedule
    from navplan.plan.project import load_project

    project = load_project(plan)
    return schedule(project, _as_of(as_of))


@app.command("critical-path")
def critical_path(
    ctx: typer.Context,
    plan: PlanArgument = None,
    as_of: AsOfOption = None,
    weeks: Annotated[int, typer.Option("--weeks", min=0, max=52, help="How many weeks ahead to list what must start")] = 4,
    output: FormatOption = OutputFormat.table,
    lang: LangOption = Lang.nb,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when the opening date does not hold")] = False,
) -> int:
    """The critical path with dates and slack, what must start soon, and whether the opening date holds."""
    env = _env(ctx)
    result = _load_schedule(plan, as_of)
    if output is OutputFormat.table:
        from navplan.render.schedule_terminal import render_critical_path

        render_critical_path(env.console(), result, lang.value, weeks)
    else:
        _print_machine(env, result, output, lang.value, weeks)
    if check and (not result.opening_holds or result.missed):
        raise typer.Exit(EXIT_CHECK_FAILED)
    return EXIT_OK


@app.command("calendar")
def calendar(
    ctx: typer.Context,
    plan: PlanArgument = None,
    by: Annotated[PeriodKind, typer.Option("--by", help="One row per ISO week or per month")] = PeriodKind.week,
    as_of: AsOfOption = None,
    output: Annotated[CalendarFormat, typer.Option(
        "--format", "-f", help="table for people; json or csv for machines; xlsx for a workbook (with -o)")
    ] = CalendarFormat.table,
    file: Annotated[Optional[Path], typer.Option("--output", "-o", help="The workbook to write with --format xlsx")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing workbook")] = False,
    lang: LangOption = Lang.nb,
) -> int:
    """The countdown calendar: T-minus weeks or months, ISO weeks, what must start and finish in each."""
    from navplan.engine.deadlines import countdown_calendar

    env = _env(ctx)
    check_output_file(output.value, file, force)
    result = _load_schedule(plan, as_of)
    periods = countdown_calendar(result, by.value)
    if output is CalendarFormat.xlsx:
        from navplan.cli.export_commands import write_workbook

        write_workbook(env, result, periods, file, lang.value, by.value, force)
    elif output is CalendarFormat.table:
        from navplan.render.schedule_terminal import render_calendar

        render_calendar(env.console(), result, periods, lang.value, by.value)
    else:
        _print_machine(env, result, OutputFormat(output.value), lang.value, 4, periods, by.value)
    return EXIT_OK


def _print_machine(env: Environment, result, output: OutputFormat, lang: str, weeks: int, periods=None,
                   by: str = "week") -> None:
    from navplan.render.schedule_json_csv import schedule_document, to_csv, to_json

    document = schedule_document(result, lang, weeks, periods, by)
    if output is OutputFormat.json:
        env.stdout.write(to_json(document))
    else:
        # The calendar's rows are its periods; elsewhere the rows are the activities.
        env.stdout.write(to_csv(document.periods if periods is not None else document.activities))


@app.command("validate")
def validate(ctx: typer.Context, plan: PlanArgument = None, lang: LangOption = Lang.nb) -> int:
    """Check a plan file: fields, dates, activity ids and dependency cycles."""
    from navplan.messages import format_date, t
    from navplan.plan.loading import resolve_plan_path
    from navplan.engine.dependency_graph import check_cycles
    from navplan.plan.project import load_project

    project = load_project(plan)
    check_cycles(project)
    env = _env(ctx)
    env.error_console().print(t(
        "validate.ok", lang.value, file=str(resolve_plan_path(plan)), activities=len(project.active()) - 1,
        date=format_date(project.opening_date, lang.value), template=project.plan.template,
    ))
    return EXIT_OK


@app.command("init")
def init(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="Folder for the new navplan.yaml (created if missing)")] = Path("."),
    office: Annotated[str, typer.Option("--office", help="The office's name, e.g. 'NAV Indre Østfold'")] = ...,
    opening: Annotated[str, typer.Option("--opening", help="Opening date, dd.mm.yyyy or yyyy-mm-dd")] = ...,
    template: Annotated[TemplateName, typer.Option("--template", help="new office, or merger of several")] = TemplateName.new,
    municipality: Annotated[Optional[list[str]], typer.Option("--municipality", "-m", help="A municipality served (repeat)")] = None,
    start: Annotated[Optional[str], typer.Option("--start", help="Plan start: nothing is scheduled before it")] = None,
    git: Annotated[bool, typer.Option("--git", help="Create a git repository and a first commit")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing navplan.yaml")] = False,
    lang: LangOption = Lang.nb,
) -> int:
    """Start a new plan for an office from a template."""
    from navplan.messages import format_date, t
    from navplan.plan.loading import PLAN_FILE_NAME, validate as validate_model
    from navplan.plan.model import Plan
    from navplan.plan.project import build_project
    from navplan.io.atomic_write import new_plan_text, write_atomic
    from navplan.plan.safe_yaml import parse_yaml

    opening_date = _date_option(opening, "--opening")
    start_date = _date_option(start, "--start")
    target = directory / PLAN_FILE_NAME
    text = new_plan_text(office=office, opening=opening_date, template=template.value,
                         municipalities=list(municipality or []), start=start_date, lang=lang.value)
    # The new file must load exactly as any plan will: check before writing.
    build_project(validate_model(Plan, parse_yaml(text, target)))
    if target.exists() and not force:
        raise NavplanError("already exists", file=target, hint="use --force to replace it")
    directory.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text, force=force)
    errors = _env(ctx).error_console()
    errors.print(t("init.written", lang.value, file=str(target), office=office,
                   date=format_date(opening_date, lang.value), template=template.value))
    if git:
        _git_first_commit(directory, target, office)
        errors.print(t("init.git", lang.value, dir=str(directory)))
    errors.print(t("init.next", lang.value, file=str(target)))
    return EXIT_OK


def _git_first_commit(directory: Path, target: Path, office: str) -> None:
    def git(*args: str) -> subprocess.CompletedProcess:
        try:
            return subprocess.run(["git", *args], cwd=directory, capture_output=True, text=True)
        except FileNotFoundError:
            raise NavplanError("git is not installed", field="--git", hint="install git, or leave out --git") from None

    inside = git("rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0:
        created = git("init", "-q")
        if created.returncode != 0:
            raise NavplanError(f"git init failed: {created.stderr.strip()}", file=directory)
    identity = [] if git("config", "user.email").returncode == 0 else [
        "-c", "user.name=navplan", "-c", "user.email=navplan@localhost"]
    added = git("add", target.name)
    committed = git(*identity, "commit", "-q", "-m", f"navplan: ny plan for {office}", "--", target.name)
    if added.returncode != 0 or committed.returncode != 0:
        raise NavplanError(f"git commit failed: {(committed.stderr or added.stderr).strip()}", file=directory)


@app.command("handbook")
def handbook(
    ctx: typer.Context,
    activity_id: Annotated[Optional[str], typer.Argument(metavar="[ID]", help="An activity id, e.g. 7.4")] = None,
    template: Annotated[TemplateName, typer.Option("--template", help="Include this template's activities")] = TemplateName.merger,
    output: FormatOption = OutputFormat.table,
    lang: LangOption = Lang.nb,
) -> int:
    """The handbook's activities; with an ID, its purpose, end state, references and sources."""
    from navplan.plan.loading import closest, load_handbook, load_template
    from navplan.render.handbook_json_csv import handbook_csv, handbook_json

    book = load_handbook()
    everything = [*book.activities, *load_template(template.value).activities]
    activities = everything
    env = _env(ctx)
    if activity_id is not None:
        by_id = {a.id: a for a in everything}
        if activity_id not in by_id:
            guess = closest(activity_id, list(by_id))
            raise NavplanError(f"unknown activity id '{activity_id}'", field="ID",
                               hint=f"did you mean '{guess}'?" if guess else "run `navplan handbook` for the list")
        activities = [by_id[activity_id]]
    if output is OutputFormat.json:
        env.stdout.write(handbook_json(book, activities, single=activity_id is not None))
    elif output is OutputFormat.csv:
        env.stdout.write(handbook_csv(activities, lang.value))
    elif activity_id is not None:
        from navplan.render.schedule_terminal import render_handbook_activity

        titles = {a.id: a.title.get(lang.value) for a in everything}
        render_handbook_activity(env.console(), activities[0], titles, lang.value)
    else:
        from navplan.render.schedule_terminal import render_handbook_index

        render_handbook_index(env.console(), book, activities, lang.value)
    return EXIT_OK


@app.command("schema")
def schema(
    ctx: typer.Context,
    output: Annotated[Optional[str], typer.Option("--output", metavar="json",
                                                  help="Print the schema of the JSON output instead of the plan file")] = None,
) -> int:
    """The JSON Schema of the plan file (or, with --output json, of the JSON output)."""
    import json

    if output is None:
        from navplan.plan.model import Plan

        document = Plan.model_json_schema()
    elif output == "json":
        from navplan.render.schedule_json_csv import ScheduleDocument

        document = ScheduleDocument.model_json_schema()
    else:
        raise NavplanError(f"unknown output '{output}'", field="--output", hint="the only output with a schema is json")
    _env(ctx).stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


# Commands that live in their own modules register themselves on `app`.
from navplan.cli import (  # noqa: E402,F401  (imported for their commands)
    export_commands, export_mspdi_command, history_commands, portfolio_command, progress_commands, sync_command,
)


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    """The entry point, and navplan's one error boundary."""
    env = env or Environment()
    try:
        result = app(args=argv, prog_name="navplan", standalone_mode=False, obj=env)
    except NavplanError as error:
        env.error_console().print(f"navplan: {error}", markup=False, emoji=False, soft_wrap=True)
        return error.exit_code
    except typer.Exit as stop:
        return stop.exit_code
    except typer.Abort:
        env.error_console().print("navplan: avbrutt / aborted", markup=False)
        return EXIT_BAD_INPUT
    except typer.TyperException as error:  # usage errors: unknown option, bad value
        show = getattr(error, "show", None)
        if show is not None:
            show(file=env.stderr)
        else:
            env.error_console().print(f"navplan: {error.format_message()}", markup=False)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return result if isinstance(result, int) else EXIT_OK
