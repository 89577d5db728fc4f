"""A new office's plan: `navplan init` without the command line.

The text comes from :mod:`navplan.plan.new_plan`; it is checked exactly as
any plan is checked before anything is written, written atomically, and with
``git`` committed to the repository the folder is in (made if there is none).

With ``git`` it is all or nothing: git must be there before anything is
written, and a commit git refuses (a pre-commit hook, say) is rolled back:
the plan unstaged and removed (or the one ``--force`` replaced put back), a
repository init made removed, and the folders it made. A repository that holds
no plan (none at its top or in a folder right under it: navplan's own clone,
say) is committed to only when the caller's ``consent`` says yes.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from navplan.errors import Message, NavplanError, os_reason

#: The identity a first commit is made with when git has none configured.
FALLBACK_GIT_IDENTITY = ("navplan", "navplan@localhost")


@dataclass
class NewPlan:
    """What `create_plan` did."""

    plan_file: Path
    schedule: object = None  # the new plan scheduled as of today: does the handbook's chain fit?
    git: str | None = None  # "created" a repository, or "existing" one used; None without git
    git_identity: tuple[str, str] | None = None  # set when git had no identity and navplan's was used
    repository: GitTarget | None = None  # where the plan was (or would have been) committed
    written: bool = True  # False: the consent to commit into another repository was not given


@dataclass(frozen=True)
class GitTarget:
    """Where `init --git` commits: the repository the folder is in (None: init makes
    one in the folder), the plan's path in it, and whether that repository holds
    plans (a navplan.yaml at its top or in a folder right under it)."""

    root: Path | None
    path: str
    holds_plans: bool = True

    @property
    def asks(self) -> bool:
        """Committing here needs a yes: another repository, with no plan, and not at its top."""
        return self.root is not None and not self.holds_plans and "/" in self.path


def create_plan(directory: str | Path, *, office: str, opening: dt.date, today: dt.date, template: str = "new",
                municipalities: list[str] | tuple[str, ...] = (), start: dt.date | None = None,
                lang: str = "nb", force: bool = False, git: bool = False,
                consent: Callable[[GitTarget], bool] | None = None) -> NewPlan:
    """Write ``directory/navplan.yaml`` for a new office; refuse to replace one
    unless ``force``, and an opening that has passed. The result carries the new
    plan scheduled as of ``today``: whether the handbook's chain fits before the
    opening, and a note if the opening is not a working day.

    With ``git``, commit it; into a repository that holds no plan only if
    ``consent`` (asked with where it would go) says yes: otherwise nothing is
    written and the result says so (``written`` False)."""
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
    repository = git_target(directory) if git else None  # git must be there before anything is written
    if repository is not None and repository.asks and not (consent is not None and consent(repository)):
        return NewPlan(target, repository=repository, written=False)
    previous = target.read_bytes() if target.is_file() else None  # what --force replaces, to put back
    made = _make_folders(directory)
    try:
        write_atomic(target, text, force=force)
    except NavplanError:
        _remove_empty(made)  # a full disk must not leave an empty office folder behind
        raise
    created = NewPlan(target, schedule=schedule(project, today), repository=repository)
    if git:
        run = _GitRun(directory)
        try:
            created.git, created.git_identity = _commit_first(run, target, office)
        except NavplanError as error:
            run.undo(target, previous)
            _remove_empty(made)
            raise error.add_hint(Message("init.git.rolled_back")) from None
    return created


#: The plan's fields that init writes from an option.
_OPTIONS = {"office": "--office", "municipalities": "--municipality", "opening": "--opening", "start": "--start"}


def _as_option(error: NavplanError) -> NavplanError:
    """A problem with a value init wrote from an option, said of the option."""
    option = _OPTIONS.get((error.field or "").split("[")[0])
    if option is not None:
        error.file, error.line, error.field = None, None, option
    return error


def git_target(directory: str | Path) -> GitTarget:
    """Where `init --git` would commit a plan in ``directory`` (which may not exist
    yet); git missing is said now, before anything is written."""
    directory = Path(directory)
    existing = directory
    while not existing.is_dir() and existing.parent != existing:
        existing = existing.parent
    try:
        found = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=existing, capture_output=True)
    except FileNotFoundError:
        raise NavplanError("error.git.missing", field="--git", hint="hint.git.missing") from None
    except OSError:
        found = None
    if found is None or found.returncode != 0:
        return GitTarget(None, "navplan.yaml")
    root = Path(os.fsdecode(found.stdout.rstrip(b"\n")))
    plan = Path(os.path.realpath(existing)) / directory.relative_to(existing) / "navplan.yaml"
    path = Path(os.path.relpath(plan, os.path.realpath(root))).as_posix()
    return GitTarget(root, path, _holds_plans(root))


def _holds_plans(root: Path) -> bool:
    """A navplan.yaml at the repository's top, or in a folder right under it (a county's offices)."""
    try:
        return (root / "navplan.yaml").exists() or any(
            (child / "navplan.yaml").exists() for child in root.iterdir() if child.is_dir() and child.name != ".git")
    except OSError:
        return False


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


class _GitRun:
    """git in the new plan's folder, remembering what it did, so a failure can undo it."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.made_repository = False
        self.staged = False

    def __call__(self, *args: str) -> subprocess.CompletedProcess:
        try:
            return subprocess.run(["git", *args], cwd=self.directory, capture_output=True, text=True,
                                  errors="replace")
        except FileNotFoundError:
            raise NavplanError("error.git.missing", field="--git", hint="hint.git.missing") from None

    def undo(self, target: Path, previous: bytes | None) -> None:
        """Unstage the plan, put back the file it replaced (or remove it), and remove a repository init made."""
        # with no commit yet to reset to, rm --cached
        if self.staged and not self.made_repository and self("reset", "-q", "--", target.name).returncode != 0:
            self("rm", "-q", "--cached", "--ignore-unmatch", "--", target.name)
        if previous is not None:
            from navplan.io.atomic_write import write_atomic

            write_atomic(target, previous, force=True)
        else:
            target.unlink(missing_ok=True)
        if self.made_repository:
            shutil.rmtree(self.directory / ".git", ignore_errors=True)


def _commit_first(run: _GitRun, target: Path, office: str) -> tuple[str, tuple[str, str] | None]:
    used = "existing"
    if run("rev-parse", "--is-inside-work-tree").returncode != 0:
        made = run("init", "-q")
        if made.returncode != 0:
            raise NavplanError("error.git.failed", file=run.directory, command="init", detail=_said(made.stderr))
        run.made_repository = True
        used = "created"
    identity = None
    options: list[str] = []
    if run("config", "user.email").returncode != 0 or run("config", "user.name").returncode != 0:
        identity = FALLBACK_GIT_IDENTITY
        options = ["-c", f"user.name={identity[0]}", "-c", f"user.email={identity[1]}"]
    added = run("add", "--", target.name)
    run.staged = added.returncode == 0
    committed = run(*options, "commit", "-q", "-m", f"navplan: ny plan for {office}", "--", target.name) \
        if run.staged else added
    if added.returncode != 0 or committed.returncode != 0:
        raise NavplanError("error.git.failed", file=run.directory, command="add" if not run.staged else "commit",
                           detail=_said(committed.stderr or committed.stdout, committed.returncode))
    return used, identity


def _said(output: str, code: int | None = None) -> str | Message:
    """What git (or a hook) said, on one line; that it said nothing, and its exit code, if so."""
    said = " ".join(output.split())
    return said if said or code is None else Message("error.git.silent", code=code)
