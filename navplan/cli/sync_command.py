"""`navplan sync`: progress read back from a workbook into the plan file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from navplan.cli.app import Environment, Lang, LangOption, PlanArgument, _env, app
from navplan.errors import EXIT_OK


@app.command("sync")
def sync(
    ctx: typer.Context,
    workbook: Annotated[Path, typer.Argument(metavar="FILE.xlsx", help="A workbook from `navplan export xlsx`")],
    plan: PlanArgument = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Write the changes without asking")] = False,
    lang: LangOption = Lang.nb,
) -> int:
    """Read status and actual dates marked in the workbook back into the plan file.

    Shows what would change; writes only with --yes, or after you confirm on a terminal.
    """
    from navplan.messages import t
    from navplan.plan.loading import resolve_plan_path
    from navplan.plan.project import load_project
    from navplan.features.workbook_sync import workbook_changes

    env = _env(ctx)
    language = lang.value
    plan_path = resolve_plan_path(plan)
    project = load_project(plan_path)
    changes = workbook_changes(workbook, project, language)
    out = env.console()
    if not changes:
        out.print(t("sync.nothing", language, plan=str(plan_path), workbook=str(workbook)), markup=False,
                  soft_wrap=True)
        return EXIT_OK
    out.print(t("sync.header", language, workbook=str(workbook), plan=str(plan_path)), markup=False, soft_wrap=True)
    for line in change_lines(project, changes, language):
        out.print(line, markup=False, soft_wrap=True)
    editor = _edited_plan(plan_path, project, changes, language)
    if not (yes or _confirmed(env, t("sync.confirm", language, plan=str(plan_path)))):
        key = "sync.declined" if _interactive(env) else "sync.dry_run"
        env.error_console().print(t(key, language, workbook=_quote(workbook), plan=_quote(plan_path)),
                                  markup=False, soft_wrap=True)
        return EXIT_OK
    editor.save(plan_path, language)
    count = len({change.activity_id for change in changes})
    env.error_console().print(t("sync.written", language, plan=str(plan_path), count=count), markup=False,
                              soft_wrap=True)
    return EXIT_OK


def _edited_plan(plan_path: Path, project, changes, lang: str):
    """The plan with the changes made, checked to load exactly as any plan
    will and to say what the workbook says, before anything is written."""
    from navplan.plan.editing import PlanEditor
    from navplan.features.workbook_sync import check_applied, edits

    editor = PlanEditor.open(plan_path, list(project.activities))
    for activity_id, fields in edits(changes).items():
        editor.set_activity_fields(activity_id, fields)
    check_applied(editor.project(), changes, plan_path, lang)
    return editor


def change_lines(project, changes, lang: str) -> list[str]:
    """One line per activity: `7.4 Innplassering: status pågår → ferdig, faktisk ferdig – → 05.03.2019`."""
    from navplan.messages import t
    from navplan.features.workbook_sync import FIELDS

    def show(value) -> str:
        if value is None:
            return t("sync.empty", lang)
        if hasattr(value, "strftime"):
            return value.strftime("%d.%m.%Y")  # as the workbook shows it, in either language
        return t(f"status.{value.value}", lang)

    by_activity: dict[str, dict] = {}
    for change in changes:
        by_activity.setdefault(change.activity_id, {})[change.field] = change
    lines = []
    for activity_id, fields in by_activity.items():
        parts = [t(f"sync.field.{name}", lang, old=show(fields[name].old), new=show(fields[name].new))
                 for name in FIELDS if name in fields]
        title = project.activities[activity_id].title.get(lang)
        lines.append(t("sync.line", lang, id=activity_id, title=title, changes=", ".join(parts)))
    return lines


def _interactive(env: Environment) -> bool:
    stdin_tty = getattr(sys.stdin, "isatty", lambda: False)()
    stdout_tty = getattr(env.stdout, "isatty", lambda: False)()
    return bool(stdin_tty and stdout_tty)


def _confirmed(env: Environment, question: str) -> bool:
    """Ask only a person at a terminal; a pipe or a script gets a dry run."""
    if not _interactive(env):
        return False
    return typer.confirm(question, default=False)


def _quote(path: Path) -> str:
    import shlex

    return shlex.quote(str(path))
