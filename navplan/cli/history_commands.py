"""`navplan diff` and `navplan report`: what moved since a git revision, and the steering-group report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from navplan.cli.app import (
    AsOfOption, FormatOption, Lang, LangOption, OutputFormat, PlanArgument, _as_of, _date_option, _env, app,
)
from navplan.errors import EXIT_OK, NavplanError

REPORT_SUFFIXES = (".md", ".html")


def _revision_and_plan(first: str | None, second: str | None) -> tuple[str | None, Path | None]:
    """`navplan diff [REV] [PLAN]`: with one argument, an existing file or
    folder is the plan and anything else a revision (as git guesses too)."""
    if second is not None:
        return first, Path(second)
    if first is not None and Path(first).exists():
        return None, Path(first)
    return first, None


@app.command("diff")
def diff(
    ctx: typer.Context,
    revision: Annotated[Optional[str], typer.Argument(
        metavar="REV", help="A commit, tag or branch (default: the last commit that touched the plan)")] = None,
    plan: Annotated[Optional[str], typer.Argument(
        metavar="PLAN", help="The plan file, or a folder holding navplan.yaml (default: ./navplan.yaml)")] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", help="Compare with the last commit touching the plan on or before this date")] = None,
    as_of: AsOfOption = None,
    output: FormatOption = OutputFormat.table,
    lang: LangOption = Lang.nb,
) -> int:
    """What moved since a git revision: dates, added and dropped activities, status, critical path, slack.

    With one argument, an existing file or folder is the plan and anything else a revision.
    """
    from navplan.features.plan_history import diff_plan
    from navplan.plan.loading import resolve_plan_path
    from navplan.render.diff_terminal import render_diff
    from navplan.render.diff_json_csv import diff_csv, diff_json

    name, plan_path = _revision_and_plan(revision, plan)
    since_date = _date_option(since, "--since")
    if name is not None and since_date is not None:
        raise NavplanError("name a revision or --since, not both", field="--since")
    result = diff_plan(resolve_plan_path(plan_path), _as_of(as_of), name, since_date)
    env = _env(ctx)
    if output is OutputFormat.json:
        env.stdout.write(diff_json(result, lang.value))
    elif output is OutputFormat.csv:
        env.stdout.write(diff_csv(result, lang.value))
    else:
        render_diff(env.console(), result, lang.value)
    return EXIT_OK


@app.command("report")
def report(
    ctx: typer.Context,
    plan: PlanArgument = None,
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="FILE.md (Markdown) or FILE.html (prints on A4)")] = ...,
    since: Annotated[Optional[str], typer.Option(
        "--since", metavar="REV", help="The last meeting's revision, or a date (default: the last commit "
                                       "that touched the plan)")] = None,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nb,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file")] = False,
) -> int:
    """One page for the steering group: opening, criteria, critical path, changes, what must start, decisions."""
    from navplan.cli.export_commands import refuse_existing
    from navplan.messages import format_date, t
    from navplan.plan.loading import resolve_plan_path
    from navplan.io.atomic_write import write_atomic
    from navplan.features.steering_report import build_report

    suffix = output.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise NavplanError(f"cannot write a report as '{suffix or output.name}'", field="--output",
                           hint="name the file FILE.md for Markdown or FILE.html for a page that prints on A4")
    refuse_existing(output, force)
    plan_path = resolve_plan_path(plan)
    found = build_report(plan_path, _as_of(as_of), _since(since))
    if suffix == ".md":
        from navplan.render.report_markdown import report_markdown as render
    else:
        from navplan.render.report_html import report_html as render
    write_atomic(output, render(found, lang.value), force=force)
    _env(ctx).error_console().print(t("report.written", lang.value, file=str(output), office=found.office,
                                      as_of=format_date(found.as_of, lang.value)), markup=False, soft_wrap=True)
    return EXIT_OK


def _since(value: str | None):
    """A date (the meeting's day) or a revision name."""
    from navplan.plan.model import parse_date

    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError:
        return value
