"""A new office's plan: `navplan init` without the command line.

The text comes from :mod:`navplan.plan.new_plan`; it is checked exactly as
any plan is checked before anything is written, written atomically, and with
``git`` committed to the repository the folder is in (made if there is none).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from navplan.errors import NavplanError, os_reason

#: The identity a first commit is made with when git has none configured.
FALLBACK_GIT_IDENTITY = ("navplan", "navplan@localhost")


@dataclass
class NewPlan:
    """What `create_plan` did."""

    plan_file: Path
    schedule: object = None  # the new plan scheduled as of today: does the handbook's chain fit?
    git: str | None = None  # "created" a repository, or "existing" one used; None without git
    git_identity: tuple[str, str] | None = None  # set when git had no identity and navplan's was used


def create_plan(directory: str | Path, *, office: str, opening: dt.date, today: dt.date, template: str = "new",
                municipalities: list[str] | tuple[str, ...] = (), start: dt.date | None = None,
                lang: str = "nb", force: bool = False, git: bool = False) -> NewPlan:
    """Write ``directory/navplan.yaml`` for a new office; refuse to replace one
    unless ``force``, and an opening that has passed. The result carries the new
    plan scheduled as of ``today``: whether the handbook's chain fits before the
    opening, and a note if the opening is not a working day."""
    from navplan.engine.schedule import schedule
    from navplan.io.atomic_write import refuse_existing, write_atomic
    from navplan.plan.loading import PLAN_FILE_NAME, validate
    from navplan.plan.new_plan import new_plan_text
    from navplan.plan.plan_model import Plan
    from navplan.plan.project import build_project
    from navplan.plan.safe_yaml import parse_yaml

    directory = Path(directory)
    target = directory / PLAN_FILE_NAME
    text = new_plan_text(office=office, opening=opening, template=template, municipalities=list(municipalities),
                         start=start, lang=lang)
    if opening <= today:
        raise NavplanError("error.init.opening_past", field="--opening", hint="hint.init.opening_past",
                           date=opening, today=today)
    # The new file must load exactly as any plan will: check before writing. What it refuses came
    # from an option (a name too long): named as that, not as a line of a file never written.
    try:
        document = parse_yaml(text, target)
        project = build_project(validate(Plan, document), document)
    except NavplanError as error:
        raise _as_option(error) from None
    refuse_existing(target, force)
    made = _make_folders(directory)
    try:
        write_atomic(target, text, force=force)
    except NavplanError:
        _remove_empty(made)  # a full disk must not leave an empty office folder behind
        raise
    created = NewPlan(target, schedule=schedule(project, today))
    if git:
        created.git, created.git_identity = _commit_first(directory, target, office)
    return created


#: The plan's fields that init writes from an option.
_OPTIONS = {"office": "--office", "municipalities": "--municipality", "opening": "--opening", "start": "--start"}


def _as_option(error: NavplanError) -> NavplanError:
    """A problem with a value init wrote from an option, said of the option."""
    option = _OPTIONS.get((error.field or "").split("[")[0])
    if option is not None:
        error.file, error.line, error.field = None, None, option
    return error


def _make_folders(directory: Path) -> list[Path]:
    """Create ``directory`` and any missing parents; the folders made, deepest first."""
    missing = []
    folder = directory
    try:
        while not folder.is_dir():
            missing.append(folder)
            if folder.parent == folder:
                break
            folder = folder.parent
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a file in the way, a read-only file system, a name too long
        _remove_empty(missing)
        raise NavplanError("error.write.cannot_write_here", file=directory, reason=os_reason(error)) from None
    return missing


def _remove_empty(folders: list[Path]) -> None:
    for folder in folders:  # deepest first; a folder someone filled meanwhile stays
        try:
            folder.rmdir()
        except OSError:
            return


def _commit_first(directory: Path, target: Path, office: str) -> tuple[str, tuple[str, str] | None]:
    def run(*args: str) -> subprocess.CompletedProcess:
        try:
            return subprocess.run(["git", *args], cwd=directory, capture_output=True, text=True, errors="replace")
        except FileNotFoundError:
            raise NavplanError("error.git.missing", field="--git", hint="hint.git.missing") from None

    used = "existing"
    if run("rev-parse", "--is-inside-work-tree").returncode != 0:
        made = run("init", "-q")
        if made.returncode != 0:
            raise NavplanError("error.git.failed", file=directory, command="init", detail=made.stderr.strip())
        used = "created"
    identity = None
    options: list[str] = []
    if run("config", "user.email").returncode != 0 or run("config", "user.name").returncode != 0:
        identity = FALLBACK_GIT_IDENTITY
        options = ["-c", f"user.name={identity[0]}", "-c", f"user.email={identity[1]}"]
    added = run("add", "--", target.name)
    committed = run(*options, "commit", "-q", "-m", f"navplan: ny plan for {office}", "--", target.name)
    if added.returncode != 0 or committed.returncode != 0:
        raise NavplanError("error.git.failed", file=directory, command="commit",
                           detail=(committed.stderr or added.stderr).strip())
    return used, identity
