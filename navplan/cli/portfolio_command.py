"""`navplan portfolio`: every office of a county on one line each, sorted by risk."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from navplan.cli.app import AsOfOption, Environment, Lang, LangOption, _as_of, _env, app, check_output_file
from navplan.errors import EXIT_BAD_INPUT, EXIT_OK

#: With more plans than this, a terminal gets a progress bar on stderr.
PROGRESS_FROM = 5


class PortfolioFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


@app.command("portfolio")
def portfolio(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(
        help="Plan files, or folders searched (with their subfolders) for navplan.yaml")],
    as_of: AsOfOption = None,
    output: Annotated[PortfolioFormat, typer.Option(
        "--format", "-f", help="table for people; json or csv for machines; xlsx for a workbook (with -o)")
    ] = PortfolioFormat.table,
    file: Annotated[Optional[Path], typer.Option("--output", "-o", help="The workbook to write with --format xlsx")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing workbook")] = False,
    lang: LangOption = Lang.nb,
) -> int:
    """Every office on one line, sorted by risk: opening date, whether it holds, slack, critical activity,
    overdue count, next deadline. Exit 2 (after the whole list) if any plan could not be read."""
    from navplan.features.portfolio import find_plans, portfolio as summarise_all

    env = _env(ctx)
    check_output_file(output.value, file, force)
    day = _as_of(as_of)
    found = find_plans(paths)
    lines = _with_progress(env, len(found), lang.value,
                           lambda advance: summarise_all(paths, day, lang.value, advance, found))
    if output is PortfolioFormat.table:
        from navplan.render.portfolio_terminal import render_portfolio

        render_portfolio(env.console(), lines, day, lang.value)
    elif output is PortfolioFormat.json:
        from navplan.render.portfolio_terminal import portfolio_json

        env.stdout.write(portfolio_json(lines, day))
    elif output is PortfolioFormat.csv:
        from navplan.render.portfolio_terminal import portfolio_csv

        env.stdout.write(portfolio_csv(lines, day))
    else:
        _write_workbook(env, lines, day, file, lang.value, force)
    bad = sum(1 for line in lines if line.error is not None)
    if output is PortfolioFormat.table:
        from navplan.messages import t

        failing = sum(1 for line in lines if line.error is None and not line.holds)
        env.error_console().print(t("portfolio.summary", lang.value, count=len(lines), failing=failing, bad=bad),
                                  markup=False, soft_wrap=True)
    if bad:
        raise typer.Exit(EXIT_BAD_INPUT)
    return EXIT_OK


def _with_progress(env: Environment, total: int, lang: str, work):
    """Run ``work(advance)``, with a progress bar on stderr only when stderr is
    a terminal and the run is long enough to need one."""
    isatty = getattr(env.stderr, "isatty", None)
    if total <= PROGRESS_FROM or not (callable(isatty) and isatty()):
        return work(None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from navplan.messages import t

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=env.error_console(), transient=True) as progress:
        task = progress.add_task(t("portfolio.progress", lang), total=total)
        return work(lambda: progress.advance(task))


def _write_workbook(env: Environment, lines, day, file: Path, lang: str, force: bool) -> None:
    from navplan.messages import format_date, t
    from navplan.io.atomic_write import write_atomic
    from navplan.render.workbook.portfolio_workbook import portfolio_workbook_bytes

    write_atomic(file, portfolio_workbook_bytes(lines, day, lang), force=force)
    env.error_console().print(t("portfolio.written", lang, file=str(file), count=len(lines),
                                as_of=format_date(day, lang)), markup=False, soft_wrap=True)
