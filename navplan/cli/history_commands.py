"""`navplan diff` and `navplan report`: what moved since a git revision, and the steering group's page."""

from __future__ import annotations

from typing import Annotated

import typer

from navplan.api import EXIT_OK, NavplanError, shown_path
from navplan.cli.help_format import command
from navplan.cli.options import (
    DATES,
    AsOfOption,
    DatesOption,
    ForceOption,
    FormatOption,
    LangOption,
    LevelTimeOption,
    OwnerOption,
    PlanArgument,
    RoleOption,
    as_of as as_of_date,
    choice,
    date_value,
    env_of,
    language,
    output_file,
    output_format,
    plans_read,
)

commands = typer.Typer()
REPORT_SUFFIXES = (".md", ".html")


@command(commands, "diff", "diff")
def diff(
    ctx: typer.Context,
    plan: PlanArgument = None,
    revision: Annotated[str | None, typer.Option("--revision", "-r", metavar="REV",
                                                    help="help.option.revision")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", help="help.option.since_date")] = None,
    as_of: AsOfOption = None,
    output: FormatOption = None,
    lang: LangOption = None,
) -> int:
    from navplan.api import diff_plan, resolve_plan_path

    env, language_, shape = env_of(ctx), language(lang), output_format(output)
    _refuse_a_revision_as_the_plan(plan)
    result = diff_plan(resolve_plan_path(plan), as_of_date(as_of, ctx), revision, date_value(since, "--since"))
    if shape == "json":
        from navplan.render.diff_json_csv import diff_json

        env.stdout.write(diff_json(result, language_))
    elif shape == "csv":
        from navplan.render.diff_json_csv import diff_csv

        env.stdout.write(diff_csv(result, language_))
    else:
        from navplan.render.diff_terminal import render_diff

        render_diff(env.console(), result, language_)
    return EXIT_OK


def _refuse_a_revision_as_the_plan(plan) -> None:
    """`navplan diff HEAD~1`, the git habit: an argument that is no file or folder but a
    revision git knows here gets the command that means it, not "file not found"."""
    import os
    import shlex
    from pathlib import Path

    from navplan.api import Message, names_a_revision

    if plan is None or os.path.lexists(plan) or not names_a_revision(Path.cwd(), str(plan)):
        return
    raise NavplanError("diff.revision_not_plan", field="PLAN", name=str(plan),
                       hint=Message("diff.revision_not_plan.hint", command=f"navplan diff --revision "
                                                                          f"{shlex.quote(str(plan))}"))


@command(commands, "report", "report")
def report(
    ctx: typer.Context,
    plan: PlanArgument = None,
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE.html", help="help.option.report_file")] = ...,
    since: Annotated[str | None, typer.Option("--since", metavar="REV", help="help.option.since")] = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    role: RoleOption = None,
    owner: OwnerOption = None,
    force: ForceOption = False,
    dates: DatesOption = None,
    level: LevelTimeOption = None,
) -> int:
    from navplan.api import build_report, refuse_existing, resolve_plan_path, write_atomic
    from navplan.cli.options import level_time
    from navplan.messages import format_date, t

    language_ = language(lang)
    output = output_file(output, example="rapport.html")
    suffix = output.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise NavplanError("error.report.suffix", field="--output", hint="hint.report.suffix",
                           suffix=suffix or output.name)
    refuse_existing(output, force, plans_read(plan))
    drawn = choice(dates, "--dates", DATES, "latest")
    found = build_report(resolve_plan_path(plan), as_of_date(as_of, ctx), _since(since), roles=role, owners=owner,
                         level_time=level_time(level))
    if suffix == ".md":
        from navplan.render.report_markdown import report_markdown

        text = report_markdown(found, language_)  # no chart in Markdown
    else:
        from navplan.render.report_html import report_html

        text = report_html(found, language_, drawn)
    write_atomic(output, text, force=force)
    env_of(ctx).say(t("report.written", language_, file=shown_path(output), office=found.office,
                      as_of=format_date(found.as_of, language_)))
    return EXIT_OK


def _since(value: str | None):
    """A date (the last meeting's day) or a revision name."""
    from navplan.api import InvalidValue, parse_date

    if value is None:
        return None
    try:
        return parse_date(value)
    except InvalidValue:
        return value
