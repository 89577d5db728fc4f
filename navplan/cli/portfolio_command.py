"""`navplan portfolio`: every office of a county on one line each, sorted by risk."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from navplan.api import EXIT_BAD_INPUT, EXIT_OK, shown_path
from navplan.cli.help_format import command
from navplan.cli.options import (
    AsOfOption,
    ForceOption,
    LangOption,
    WorkbookFileOption,
    WorkbookFormatOption,
    as_of as as_of_date,
    env_of,
    language,
    output_format,
    whole_number,
)

commands = typer.Typer()

#: With more plans than this, a terminal gets a progress bar on stderr.
PROGRESS_FROM = 5


@command(commands, "portfolio", "portfolio")
def portfolio(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(metavar="PATHS...", help="help.option.paths",
                                                          show_default=False)] = None,
    as_of: AsOfOption = None,
    output: WorkbookFormatOption = None,
    file: WorkbookFileOption = None,
    force: ForceOption = False,
    samples: Annotated[str | None, typer.Option("--samples", metavar="N",
                                                   help="help.option.portfolio_samples")] = None,
    county: Annotated[Path | None, typer.Option("--county", metavar="FILE", help="help.option.county")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE|REV",
                                                 help="help.option.portfolio_since")] = None,
    level: Annotated[bool, typer.Option("--level", help="help.option.portfolio_level")] = False,
    level_time: Annotated[str | None, typer.Option("--level-time", metavar="S",
                                                      help="help.option.portfolio_level_time")] = None,
    lang: LangOption = None,
) -> int:
    from navplan.api import PORTFOLIO_SAMPLES, find_plans, portfolio as summarise_all
    from navplan.cli.export_commands import check_output_file
    from navplan.messages import t

    env, language_ = env_of(ctx), language(lang)
    count = whole_number(samples, "--samples", 0, 100_000, PORTFOLIO_SAMPLES)
    shape = output_format(output, ("table", "json", "csv", "csv-excel", "xlsx", "markdown", "html") if level else
                          ("table", "json", "csv", "csv-excel", "xlsx"))
    seconds = _county_level_time(level_time)
    found_county = _county(county, paths or [])
    if level and found_county is None:
        from navplan.api import NavplanError

        raise NavplanError("error.usage.level_needs_county", field="--level", hint="hint.level_needs_county")
    if not paths:
        if found_county is None:
            from navplan.api import Message, NavplanError
            from navplan.cli.help_format import metavar

            raise NavplanError("error.usage.missing", name=metavar("PATHS...", env.lang),
                               hint=Message("error.see_help", command="navplan portfolio"))
        paths = [found_county.folder]
    if found_county is not None:
        language_ = _county_language(found_county, lang, env) or language_
    compared_since = _since(since)
    found = find_plans(paths)
    target = check_output_file(shape, file, force, [plan for plan in found if isinstance(plan, Path)])
    day = as_of_date(as_of, ctx)
    if found_county is not None:
        from navplan.api import check_county_offices

        check_county_offices(found_county)  # an office's own ids; a plan that cannot be read shows in its line
    name = found_county.name if found_county is not None else None
    if level:
        return _level(env, found_county, found, day, seconds, shape, language_, target, force)
    lines = _with_progress(env, len(found), language_, lambda advance: summarise_all(
        paths, day, language_, advance, found, samples=count, since=compared_since))
    if shape == "table":
        from navplan.render.portfolio_terminal import render_portfolio

        render_portfolio(env.console(), lines, day, language_, name, samples=count)
        if compared_since is not None:
            from navplan.render.portfolio_changes import render_changes

            render_changes(env.console(), lines, compared_since, day, language_)
    elif shape == "json":
        from navplan.render.portfolio_json_csv import portfolio_json

        env.stdout.write(portfolio_json(lines, day, language_, county=name, since=compared_since, samples=count))
    elif shape in ("csv", "csv-excel"):
        from navplan.render.portfolio_json_csv import portfolio_csv

        env.stdout.write(portfolio_csv(lines, day, language_, shape, since=compared_since))
    else:
        from navplan.api import write_atomic
        from navplan.messages import format_date
        from navplan.render.workbook.portfolio_workbook import portfolio_workbook_bytes

        write_atomic(target, portfolio_workbook_bytes(lines, day, language_, county=name, since=compared_since,
                                                      samples=count), force=force)
        env.say(t("portfolio.written", language_, file=shown_path(target), count=len(lines),
                  as_of=format_date(day, language_)), wrap=True)
    bad = sum(1 for line in lines if line.error is not None)
    if shape == "table":
        if found_county is not None:
            env.say(t("county.portfolio.file", language_, file=str(found_county.file), county=name,
                      resources=len(found_county.resources)), wrap=True)
        failing = sum(1 for line in lines if line.error is None and not line.holds)
        missing = sum(1 for line in lines if line.error is None and line.holds and line.missed_deadlines)
        env.say(t("portfolio.summary", language_, plans=t("portfolio.summary.plans", language_, count=len(lines)),
                  failing=t("portfolio.summary.failing", language_, failing=failing),
                  missing=t("portfolio.summary.missing", language_, missing=missing),
                  bad=t("portfolio.summary.bad", language_, bad=bad)), wrap=True)
        if compared_since is not None:
            from navplan.render.portfolio_changes import changes_summary

            env.say(changes_summary(lines, language_), wrap=True)
    if bad:
        raise typer.Exit(EXIT_BAD_INPUT)
    return EXIT_OK


def _county_level_time(value: str | None) -> float:
    """--level-time for a county: as for a plan, but 60 seconds when not given."""
    from navplan.api import DEFAULT_COUNTY_TIME
    from navplan.cli.options import level_time

    return DEFAULT_COUNTY_TIME if value is None else level_time(value)


def _level(env, county, found, day, seconds: float, shape: str, lang: str, target, force: bool) -> int:
    """`navplan portfolio --level`: the offices levelled together against the county's shared resources."""
    import time

    from navplan.api import level_county
    from navplan.messages import t

    result = level_county(county, found, day, time_limit=seconds, clock=time.monotonic)
    if shape == "table":
        from navplan.render.county_level import render_county_level

        render_county_level(env.console(), result, county, lang)
        env.say(t("county.level.summary", lang, count=len(result.offices), late=len(result.late)), wrap=True)
    elif shape == "json":
        from navplan.render.county_level import county_level_json

        env.stdout.write(county_level_json(result, lang))
    elif shape == "markdown":
        from navplan.render.county_level import county_level_markdown

        env.stdout.write(county_level_markdown(result, county, lang))
    elif shape == "html":
        from navplan.render.county_level import county_level_html

        env.stdout.write(county_level_html(result, county, lang))
    elif shape in ("csv", "csv-excel"):
        from navplan.render.county_level import county_level_csv

        env.stdout.write(county_level_csv(result, lang, shape))
    else:
        from navplan.api import write_atomic
        from navplan.messages import format_date
        from navplan.render.workbook.county_level_sheet import county_level_workbook_bytes

        write_atomic(target, county_level_workbook_bytes(result, county, lang), force=force)
        env.say(t("portfolio.written", lang, file=shown_path(target), count=len(result.offices),
                  as_of=format_date(day, lang)), wrap=True)
    if any(office.error is not None for office in result.offices):
        raise typer.Exit(EXIT_BAD_INPUT)
    return EXIT_OK


def _county(named: Path | None, paths: list[Path]):
    """The county file: the one --county names, else the fylke.yaml of a folder given (at its top,
    beside the office folders); None when there is none. Two folders with one each is a question."""
    import os

    from navplan.api import NavplanError, county_in, load_county

    if named is not None:
        return load_county(named)
    found: dict[str, Path] = {}
    for path in paths:
        try:
            folder = path.is_dir()
        except OSError:
            continue
        candidate = county_in(path) if folder else None
        if candidate is not None:
            found.setdefault(os.path.realpath(candidate), candidate)  # a link loop is load_county's to name
    if len(found) > 1:
        raise NavplanError("error.county.several", field="PATHS", hint="hint.county.several",
                           files=[str(path) for path in found.values()])
    return load_county(next(iter(found.values()))) if found else None


def _county_language(county, given: str | None, env) -> str | None:
    """The county's language (språk:), when neither --lang nor NAVPLAN_LANG chose one and
    navplan speaks it (nynorsk once navplan has it); it becomes the errors' language too."""
    from navplan.messages import LANGUAGES

    if given is not None or env.environ.get("NAVPLAN_LANG", "").strip() or county.language not in LANGUAGES:
        return None
    env.lang = county.language
    return county.language


def _since(value: str | None):
    """--since: a date (the last county meeting's day) or a revision name."""
    from navplan.api import InvalidValue, parse_date

    if value is None:
        return None
    if not value.strip():  # as diff and report refuse an empty revision, before any office is read
        from navplan.api import NavplanError

        raise NavplanError("error.field.empty_text", field="--since")
    try:
        return parse_date(value)
    except InvalidValue as invalid:
        if invalid.message.key != "error.value.not_a_date":  # a date that does not exist is a mistake, not a name
            from navplan.api import NavplanError

            raise NavplanError(invalid.message, field="--since") from None
        return value


def _with_progress(env, total: int, lang: str, work):
    """Run ``work(advance)``, with a progress bar on stderr only when stderr is
    a terminal and the run is long enough to need one."""
    isatty = getattr(env.stderr, "isatty", None)
    if total <= PROGRESS_FROM or not (callable(isatty) and isatty()):
        return work(None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from navplan.messages import t

    # Refreshed by hand, not by rich's refresh thread: the portfolio may fork worker processes.
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=env.error_console(), transient=True, auto_refresh=False) as progress:
        task = progress.add_task(t("portfolio.progress", lang), total=total)
        shown = [0.0]

        def advance() -> None:
            progress.advance(task)
            if time.monotonic() - shown[0] > 0.1:
                shown[0] = time.monotonic()
                progress.refresh()

        return work(advance)
