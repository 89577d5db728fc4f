"""The options commands share, and the parsing of what people type into them.

Options are read as text and parsed here, so that every mistake gets
navplan's own message in the user's language (a typed option would get the
command-line library's, in English). Help texts are message keys, shown in
the user's language by :mod:`navplan.cli.help_format`. A leaf: it imports no
other part of the CLI.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from navplan.api import Choices, InvalidValue, Message, NavplanError


def choice(value: str | None, option: str, choices: tuple[str, ...], default: str) -> str:
    """One of ``choices``, whatever the case, or its word in any language navplan speaks
    (``uke``/``veke`` for ``week``: message ``help.value.week``); ``default`` when not given."""
    if value is None:
        return default
    from unicodedata import normalize

    from navplan.messages import MESSAGES

    wanted = normalize("NFC", value).strip().casefold()  # å typed as a and a combining ring is å
    for known in choices:
        words = MESSAGES.get(f"help.value.{known}", ())
        if wanted in (known.casefold(), *(normalize("NFC", word).casefold() for word in words)):
            return known
    raise NavplanError("error.usage.choice", field=option, value=value, choices=_ReadersWords(choices))


class _ReadersWords(Choices):
    """The values an option takes as its help shows them: each in the reader's word where
    it has one (uke, måned), so a bokmål message does not offer 'week' or 'month'."""

    __slots__ = ()

    def render(self, lang: str) -> str:
        from navplan.messages import MESSAGES, t

        return Choices([t(f"help.value.{value}", lang) if f"help.value.{value}" in MESSAGES else value
                        for value in self.values]).render(lang)


def language(value: str | None) -> str:
    """The language a command speaks: ``--lang``, else ``NAVPLAN_LANG``, else the plan's
    ``språk:`` (of the plan the command was given or finds), else bokmål. What it
    finds becomes the language of the command's errors too."""
    from navplan.messages import DEFAULT_LANGUAGE, LANGUAGES

    if value is not None:
        return _settle(choice(value, "--lang", LANGUAGES, DEFAULT_LANGUAGE))
    from typer._click.globals import get_current_context  # typer carries its own copy of click

    ctx = get_current_context(silent=True)
    env = env_of(ctx) if ctx is not None else None
    if env is not None and env.lang_given:
        return env.lang_given
    if ctx is not None and ("plan" in ctx.params or "plans" in ctx.params):
        named = ctx.params.get("plans", ctx.params.get("plan"))
        if isinstance(named, (list, tuple)):  # validate's PLAN...: none given reads as one not named
            if len(named) > 1:  # several plans may each say another language
                return DEFAULT_LANGUAGE
            named = named[0] if named else None
        from navplan.api import plan_language

        found = plan_language(named)
        if found:
            return _settle(found)
    return DEFAULT_LANGUAGE


def _settle(lang: str) -> str:
    """``lang`` as the language of the running command's errors as well."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    if ctx is not None:
        env_of(ctx).lang = lang
    return lang


def whole_number(value: str | None, option: str, low: int, high: int, default: int) -> int:
    if value is None:
        return default
    text = value.strip()
    if not (text.isascii() and text.lstrip("-").isdigit()) or not low <= int(text) <= high:
        raise NavplanError("error.usage.whole_number", field=option, value=value, low=low, high=high)
    return int(text)


def date_value(value: str | None, option: str) -> dt.date | None:
    from navplan.api import parse_date

    if value is None:
        return None
    try:
        return parse_date(value)
    except InvalidValue as invalid:
        raise NavplanError(invalid.message, field=option) from None


def text_value(value: str, option: str) -> str:
    """Text that ends up in a plan or on a page: one line, no control characters."""
    from navplan.api import check_one_line

    try:
        return check_one_line(value)
    except InvalidValue as invalid:
        raise NavplanError(invalid.message, field=option) from None


#: The name endings of navplan's exports, and the export that writes each.
def output_file(value: str | None, option: str = "--output", kind: str | None = None,
                example: str = "plan.json", suffixes: dict[str, str] | None = None) -> Path | None:
    """The file ``-o`` names. A name ending in a separator (``newdir/``) names a
    folder: refused, where a path would silently drop the separator and write a
    file called ``newdir``. For an export (``kind``, with every export's ``suffixes``: suffix →
    format), a name another export's format has (``export ods -o plan.xlsx``) is refused: Excel
    will not open an OpenDocument file named .xlsx."""
    import os

    if value is None:
        return None
    suffixes = suffixes or {}
    own = next((suffix for suffix, export in suffixes.items() if export == kind), None)
    if not value.strip():
        raise NavplanError("error.field.empty_text", field=option,
                           hint=Message("hint.output.empty", example=f"plan{own}" if own else example))
    separators = tuple(sep for sep in (os.sep, os.altsep, "/") if sep)
    if value.endswith(separators):
        raise NavplanError("error.write.folder_name", file=value, hint="hint.write.folder_name", folder=value)
    path = Path(value)
    other = suffixes.get(path.suffix.lower())
    if own is not None and other is not None and other != kind:
        raise NavplanError("error.output.other_format", file=path, suffix=path.suffix, command=kind,
                           hint=Message("hint.output.other_format", name=path.with_suffix(own).name, other=other))
    return path


def plans_read(plan: Path | None) -> list[Path]:
    """The plan file a command will read, for refusing it as an output; none if it cannot be found
    (the command then stops on that, with its own message)."""
    from navplan.api import resolve_plan_path

    try:
        return [resolve_plan_path(plan)]
    except NavplanError:
        return []


def note_value(value: str, option: str) -> str:
    """Text for a note: line breaks and tabs allowed, no other control character."""
    from navplan.api import check_multiline

    try:
        return check_multiline(value)
    except InvalidValue as invalid:
        raise NavplanError(invalid.message, field=option) from None


PlanArgument = Annotated[Path | None, typer.Argument(metavar="PLAN", help="help.option.plan", show_default=False)]
LangOption = Annotated[str | None, typer.Option("--lang", metavar="nb|nn|en", help="help.option.lang")]
FormatOption = Annotated[str | None, typer.Option("--format", "-f", metavar="table|json|csv",
                                                     help="help.option.format")]
#: A table, or a machine format with csv-excel (the CSV Excel opens as it is): critical-path and workload.
CsvExcelFormatOption = Annotated[str | None, typer.Option("--format", "-f", metavar="table|json|csv|csv-excel",
                                                             help="help.option.format.csv_excel")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", metavar="DATE", help="help.option.as_of")]
WeeksOption = Annotated[str | None, typer.Option("--weeks", metavar="N", help="help.option.weeks")]
ForceOption = Annotated[bool, typer.Option("--force", help="help.option.force")]
ByOption = Annotated[str | None, typer.Option("--by", metavar="week|month", help="help.option.by")]
DatesOption = Annotated[str | None, typer.Option("--dates", metavar="planned|latest|forecast",
                                                    help="help.option.dates")]
#: The dates a calendar, a Gantt chart or a calendar file can follow; `calendar` and `export ics` follow
#: the planned dates unless told otherwise, the workbook and the report's chart the latest.
DATES = ("planned", "latest", "forecast")
CalendarDatesOption = Annotated[str | None, typer.Option("--dates", metavar="planned|latest|forecast",
                                                            help="help.option.dates.planned")]
#: How long levelling may take (with capacity in the plan), in the solver's deterministic seconds.
LevelTimeOption = Annotated[str | None, typer.Option("--level-time", metavar="S", help="help.option.level_time")]
#: A table or machine format, or a workbook (with -o): calendar and portfolio.
WorkbookFormatOption = Annotated[str | None, typer.Option("--format", "-f", metavar="table|json|csv|csv-excel|xlsx",
                                                             help="help.option.format.xlsx_csv_excel")]
WorkbookFileOption = Annotated[str | None, typer.Option("--output", "-o", metavar="FILE.xlsx",
                                                           help="help.option.output_workbook")]
ActivityArgument = Annotated[str, typer.Argument(metavar="ID", help="help.option.activity_id", show_default=False)]
RoleOption = Annotated[list[str] | None, typer.Option("--role", metavar="ROLE", help="help.option.role")]
OwnerOption = Annotated[list[str] | None, typer.Option("--owner", metavar="NAME", help="help.option.owner")]


def output_format(value: str | None, allowed: tuple[str, ...] = ("table", "json", "csv")) -> str:
    return choice(value, "--format", allowed, "table")


def period(value: str | None) -> str:
    return choice(value, "--by", ("week", "month"), "week")


def weeks(value: str | None) -> int:
    return whole_number(value, "--weeks", 0, 52, 4)


def env_of(ctx: typer.Context):
    """The environment main() runs the command in (tests pass their own)."""
    from navplan.cli.environment import Environment

    return ctx.find_root().obj if isinstance(ctx.find_root().obj, Environment) else Environment()


def as_of(value: str | None, ctx: typer.Context) -> dt.date:
    """--as-of, or today in Oslo."""
    return date_value(value, "--as-of") or env_of(ctx).today_date()


def level_time(value: str | None) -> float:
    """``--level-time S``: seconds (a decimal, ``0`` for the heuristic alone) the solver may take."""
    from navplan.api import DEFAULT_LEVEL_TIME, MAX_LEVEL_TIME

    if value is None:
        return DEFAULT_LEVEL_TIME
    text = value.strip().replace(",", ".")
    try:
        seconds = float(text) if text.replace(".", "", 1).isdigit() and text.isascii() else -1.0
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= MAX_LEVEL_TIME:
        raise NavplanError("error.usage.level_time", field="--level-time", value=value, high=int(MAX_LEVEL_TIME))
    return seconds


def load_schedule(plan: Path | None, as_of_value: str | None, ctx: typer.Context, level: str | None = None, *,
                  planned: bool = True):
    """The plan named on the command line, scheduled as of --as-of (or today); its planned
    dates levelled against the plan's capacity when it gives one (``level``: --level-time),
    unless the command shows no planned dates (``planned=False``: risk)."""
    from navplan.api import load_project, schedule_project

    day = as_of(as_of_value, ctx)
    seconds = level_time(level)  # checked before the work, whether the plan levels or not
    result = schedule_project(load_project(plan), day)
    if planned and result.project.resources:
        from navplan.api import level_schedule

        level_schedule(result, time_limit=seconds)
    return result
