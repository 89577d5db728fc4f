"""`navplan init`, `handbook` and `schema`: a new plan, the handbook, and the file formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from navplan.api import EXIT_OK, shown_path
from navplan.cli.help_format import command, metavar
from navplan.cli.options import (
    ForceOption,
    FormatOption,
    LangOption,
    choice,
    date_value,
    env_of,
    language,
    output_format,
    text_value,
)

commands = typer.Typer()
TEMPLATES = ("new", "merger", "split")


@command(commands, "init", "init")
def init(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(metavar="FOLDER", help="help.option.directory",
                                              show_default=False)] = Path("."),
    office: Annotated[str, typer.Option("--office", metavar="NAME", help="help.option.office")] = ...,
    opening: Annotated[str, typer.Option("--opening", metavar="DATE", help="help.option.opening")] = ...,
    template: Annotated[str | None, typer.Option("--template", metavar="new|merger|split",
                                                    help="help.option.template")] = None,
    municipality: Annotated[list[str] | None, typer.Option("--municipality", "-m", metavar="NAME",
                                                              help="help.option.municipality")] = None,
    start: Annotated[str | None, typer.Option("--start", metavar="DATE", help="help.option.start")] = None,
    git: Annotated[bool, typer.Option("--git", help="help.option.git")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="help.option.init_yes")] = False,
    force: ForceOption = False,
    lang: LangOption = None,
) -> int:
    from navplan.api import create_plan
    from navplan.messages import format_date, t

    env, language_ = env_of(ctx), language(lang)
    template_name = choice(template, "--template", TEMPLATES, "new")
    opening_date = date_value(opening, "--opening")
    created = create_plan(
        directory, office=text_value(office, "--office"), opening=opening_date, today=env.today_date(),
        template=template_name,
        municipalities=[text_value(name, "--municipality") for name in municipality or []],
        start=date_value(start, "--start"), lang=language_, force=force, git=git,
        consent=lambda repository: _consent(env, repository, yes, language_))
    if not created.written:
        env.say(t("init.declined", language_))
        return EXIT_OK
    env.say(t("init.written", language_, file=shown_path(created.plan_file), office=office,
              date=format_date(opening_date, language_), template=t(f"template.{template_name}", language_)))
    if created.git:
        root = created.repository.root if created.repository else None
        env.say(t(f"init.git.{created.git}", language_, dir=shown_path(directory), root=shown_path(root or ""),
                  path=shown_path(created.repository.path) if created.repository else ""))
    if created.git_identity:
        env.say(t("init.git.identity", language_, name=created.git_identity[0], email=created.git_identity[1]))
    _tell_the_truth(env, created.schedule, language_, directory)
    env.say(t("init.next", language_, file=shown_path(created.plan_file)))
    return EXIT_OK


def _consent(env, repository, yes: bool, lang: str) -> bool:
    """Commit into a repository that holds no plan (navplan's own clone, say)? Yes with
    --yes; a person at a terminal is asked; otherwise it is refused, nothing written."""
    from navplan.api import NavplanError
    from navplan.cli.confirm import confirmed, interactive
    from navplan.messages import t

    if yes:
        return True
    if not interactive(env):
        raise NavplanError("init.git.no_plans_here", field="--git", root=shown_path(repository.root),
                           path=shown_path(repository.path),
                           hint="init.git.no_plans_here.hint")
    return confirmed(env, t("init.git.ask", lang, root=shown_path(repository.root),
                            path=shown_path(repository.path)), lang)


def _tell_the_truth(env, new_schedule, lang: str, directory) -> None:
    """At once, not at the first steering meeting: whether the handbook's chain fits
    before the opening (and if not, what can help, each with its command), and an
    opening on a day off."""
    from navplan.api import levers, plan_words, render_value
    from navplan.messages import t
    from navplan.render.labels import verdict_lines

    opening_only = [found for found in levers(new_schedule) if found.target is None]
    marks = {"fail": "✘ ", "chain": "  ", "help": "", "lever": "  • ", "command": "      "}
    lines = verdict_lines(new_schedule, lang, opening_only, plan_words(directory))
    # The opening's lines (its levers follow it); a new plan's own dates come with critical-path.
    for kind, text in lines[:next((i for i, (k, _) in enumerate(lines) if k in ("missed", "deadline", "note")),
                                  len(lines))]:
        if kind in marks:
            env.say(marks[kind] + text)
    for note in new_schedule.notes:
        if note.key == "opening_not_working_day":
            params = {name: render_value(value, lang) for name, value in note.params.items()}
            env.say("ℹ " + t(f"note.{note.key}", lang, **params))


@command(commands, "handbook", "handbook")
def handbook(
    ctx: typer.Context,
    activity_id: Annotated[str | None, typer.Argument(metavar="ID", help="help.option.activity_id",
                                                         show_default=False)] = None,
    template: Annotated[str | None, typer.Option("--template", metavar="new|merger|split",
                                                    help="help.option.handbook_template")] = None,
    handbook_only: Annotated[bool, typer.Option("--handbook-only", help="help.option.handbook_only")] = False,
    output: FormatOption = None,
    lang: LangOption = None,
) -> int:
    from navplan.api import NEWEST, handbook_entries, layered
    from navplan.render.handbook_json_csv import handbook_csv, handbook_json

    env, language_, shape = env_of(ctx), language(lang), output_format(output)
    template_name = choice(template, "--template", TEMPLATES, "merger")
    # What a new plan gets (init writes the newest current layer), unless asked for the handbook alone.
    current = None if handbook_only else NEWEST
    book = layered(template_name, current)[0]
    everything = handbook_entries(template_name, current)
    activities = everything if activity_id is None else [_entry(everything, activity_id)]
    if shape == "json":
        env.stdout.write(handbook_json(book, activities, single=activity_id is not None, current=current))
    elif shape == "csv":
        env.stdout.write(handbook_csv(activities, language_, current))
    elif activity_id is not None:
        from navplan.render.handbook_terminal import render_handbook_activity

        titles = {a.id: a.title.get(language_) for a in everything}
        render_handbook_activity(env.console(), activities[0], titles, book, language_)
    else:
        from navplan.render.handbook_terminal import render_handbook_index

        render_handbook_index(env.console(), book, activities, language_, current)
    return EXIT_OK


def _entry(everything, activity_id: str):
    from navplan.api import Message, NavplanError, closest

    by_id = {a.id: a for a in everything}
    if activity_id not in by_id:
        guess = closest(activity_id, list(by_id))
        raise NavplanError("error.plan.unknown_id", field="ID", id=activity_id,
                           hint=Message("hint.did_you_mean", guess=guess) if guess else "hint.run_handbook")
    return by_id[activity_id]


@command(commands, "schema", "schema")
def schema(
    ctx: typer.Context,
    document: Annotated[str | None, typer.Argument(metavar="plan|schedule|diff|portfolio|risk|county|workload",
                                                      help="help.option.schema_document", show_default=False)] = None,
    file: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE",
                                                help="help.option.output_file")] = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> int:
    from navplan.api import schema_text

    language(lang)  # the schema itself is the same in both languages

    name = metavar("DOCUMENT", env_of(ctx).lang)
    from navplan.api import DOCUMENTS

    text = schema_text(choice(document, name, DOCUMENTS, "plan"))
    if file is None:
        env_of(ctx).stdout.write(text)
    else:
        from navplan.api import refuse_existing, write_atomic
        from navplan.cli.options import output_file

        target = output_file(file, example="schema.json")
        refuse_existing(target, force)
        write_atomic(target, text, force=force)
    return EXIT_OK
