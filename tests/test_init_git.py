"""`navplan init --git` does all of it or nothing (issue 17, item 4).

With git missing or a pre-commit hook refusing the commit, it used to exit 2
and leave navplan.yaml written and staged. Inside another repository (navplan's
own clone, where `make demo` leaves a newcomer) it committed the plan there
without a word: now it names the repository and the path, and asks first when
the repository holds no plan.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan
from gitplans import no_repository_above  # noqa: F401
from navplan.cli.app import main
from navplan.cli.environment import Environment

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

INIT = ("--office", "NAV Fjordby", "--opening", "03.01.2028")


def git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(["git", "-c", "user.name=Kari", "-c", "user.email=kari@example.no", *args], cwd=folder,
                          capture_output=True, text=True)
    assert not check or done.returncode == 0, done.stderr
    return done


def everything(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder of the work tree under ``folder``, and what git's index holds:
    what init may not leave changed. (An object `git add` stored in .git/objects is
    unreachable garbage git removes itself.)"""
    found: dict[str, bytes | None] = {}
    if (folder / ".git").is_dir():
        found["git index"] = git(folder, "ls-files", "--stage").stdout.encode()
        found["git status"] = git(folder, "status", "--porcelain", "--ignored").stdout.encode()
    for path in sorted(folder.rglob("*")):
        if ".git" in path.relative_to(folder).parts:
            continue
        if path.is_file() and not path.is_symlink():
            found[str(path.relative_to(folder))] = path.read_bytes()
        else:
            found[str(path.relative_to(folder))] = None
    return found


@pytest.fixture
def refusing_hooks(tmp_path: Path, monkeypatch) -> Path:
    """A git whose every repository has a pre-commit hook that refuses the commit."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    hook = hooks / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'Nei: ingen commit i dag' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    config = tmp_path / "gitconfig"
    config.write_text(f"[core]\n\thooksPath = {hooks}\n[user]\n\tname = Kari\n\temail = kari@example.no\n",
                      encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    return hooks


def test_without_git_nothing_is_written(tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run_navplan("init", tmp_path / "kontor", *INIT, "--git")
    assert result.exit_code == 2 and "git er ikke installert" in result.stderr, result.stderr
    assert not (tmp_path / "kontor").exists(), "no folder, no plan"


def test_a_refused_commit_in_a_new_repository_leaves_nothing(tmp_path: Path, refusing_hooks: Path) -> None:
    result = run_navplan("init", tmp_path / "fylke" / "kontor", *INIT, "--git")
    assert result.exit_code == 2, result.stderr
    assert "git commit" in result.stderr and "Nei: ingen commit i dag" in result.stderr
    assert "ingenting er skrevet" in result.stderr
    assert not (tmp_path / "fylke").exists(), "the folders init made are gone, the repository with them"


def test_a_commit_refused_without_a_word_says_so_with_git_s_exit_code(tmp_path: Path, refusing_hooks: Path) -> None:
    """A hook that refuses and says nothing left "git commit feilet:  (ingenting er skrevet …":
    an empty reason. It says that git gave no message, and its exit code (git commit exits 1 whatever the hook exits with)."""
    (refusing_hooks / "pre-commit").write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    result = run_navplan("init", tmp_path / "kontor", *INIT, "--git")
    assert result.exit_code == 2, result.stderr
    assert "git commit feilet: ingen melding fra git (kode 1) (ingenting er skrevet" in result.stderr, result.stderr
    english = run_navplan("init", tmp_path / "kontor", *INIT, "--git", "--lang", "en")
    assert "git commit failed: no message from git (exit code 1)" in english.stderr, english.stderr


def test_a_refused_commit_in_an_existing_repository_unstages_and_removes_the_plan(tmp_path: Path,
                                                                                  refusing_hooks: Path) -> None:
    repo = tmp_path / "kontor"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "README.md").write_text("Kontoret\n", encoding="utf-8")
    before = everything(repo)
    status = git(repo, "status", "--porcelain").stdout
    result = run_navplan("init", repo, *INIT, "--git")
    assert result.exit_code == 2, result.stderr
    assert git(repo, "status", "--porcelain").stdout == status, "nothing staged"
    assert everything(repo) == before


def test_a_refused_commit_over_a_plan_with_force_puts_the_old_plan_back(tmp_path: Path, refusing_hooks: Path) -> None:
    repo = tmp_path / "kontor"
    repo.mkdir()
    git(repo, "init", "-q")
    old = (EXAMPLES / "nytt-kontor" / "navplan.yaml").read_bytes()
    (repo / "navplan.yaml").write_bytes(old)
    git(repo, "add", "navplan.yaml")
    git(repo, "-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "the old plan")
    result = run_navplan("init", repo, *INIT, "--git", "--force")
    assert result.exit_code == 2, result.stderr
    assert (repo / "navplan.yaml").read_bytes() == old
    assert git(repo, "status", "--porcelain").stdout == ""


def _clone_like(tmp_path: Path) -> Path:
    """A repository like navplan's own clone: plans two folders down, none at the top."""
    repo = tmp_path / "navplan"
    (repo / "examples" / "nytt-kontor").mkdir(parents=True)
    shutil.copy(EXAMPLES / "nytt-kontor" / "navplan.yaml", repo / "examples" / "nytt-kontor" / "navplan.yaml")
    (repo / "README.md").write_text("navplan\n", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "navplan")
    return repo


def test_inside_a_repository_without_a_plan_it_refuses_without_yes_when_no_one_can_answer(tmp_path: Path) -> None:
    repo = _clone_like(tmp_path)
    before = everything(repo)
    result = run_navplan("init", repo / "kontor", *INIT, "--git")
    assert result.exit_code == 2
    assert f"git-repositoryet {repo}" in result.stderr and "kontor/navplan.yaml" in result.stderr, result.stderr
    assert "--yes" in result.stderr and result.stderr.count("\n") == 1
    assert everything(repo) == before


def test_with_yes_it_commits_and_says_where(tmp_path: Path) -> None:
    repo = _clone_like(tmp_path)
    result = run_navplan("init", repo / "kontor", *INIT, "--git", "--yes")
    assert result.exit_code == 0, result.stderr
    assert f"Committet planen som kontor/navplan.yaml i git-repositoryet {repo}." in result.stderr
    assert git(repo, "log", "-1", "--format=%s", "--name-only").stdout.split() == [
        "navplan:", "ny", "plan", "for", "NAV", "Fjordby", "kontor/navplan.yaml"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("answer, committed", [("j\n", True), ("n\n", False), ("\n", False), ("ja\n", True)])
def test_a_person_at_a_terminal_is_asked_in_their_language(tmp_path: Path, monkeypatch, answer: str,
                                                           committed: bool) -> None:
    repo = _clone_like(tmp_path)
    before = everything(repo)
    stdout, stderr = _Terminal(), io.StringIO()
    monkeypatch.setattr("sys.stdin", _Terminal(answer))
    monkeypatch.setattr("sys.stdout", stdout)
    code = main(["init", str(repo / "kontor"), *INIT, "--git"],
                Environment(stdout=stdout, stdin=_Terminal(answer), stderr=stderr, width=100))
    assert code == 0, stderr.getvalue()
    assert f"i git-repositoryet {repo}" in stdout.getvalue() and "[j/N]" in stdout.getvalue()
    assert ((repo / "kontor" / "navplan.yaml").exists()) is committed
    if not committed:
        assert everything(repo) == before
        assert "Ingenting er skrevet." in stderr.getvalue()


def test_a_county_repository_of_offices_is_not_asked_about(tmp_path: Path) -> None:
    """A plan at the top, or in a folder right under it: a repository of plans."""
    repo = tmp_path / "fylke"
    (repo / "nytt-kontor").mkdir(parents=True)
    shutil.copy(EXAMPLES / "nytt-kontor" / "navplan.yaml", repo / "nytt-kontor" / "navplan.yaml")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first office")
    result = run_navplan("init", repo / "fjordby", *INIT, "--git")
    assert result.exit_code == 0, result.stderr
    assert f"Committet planen som fjordby/navplan.yaml i git-repositoryet {repo}." in result.stderr


def test_a_new_repository_is_made_where_there_is_none(tmp_path: Path) -> None:
    result = run_navplan("init", tmp_path / "kontor", *INIT, "--git", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert f"Created a git repository with a first commit in {tmp_path / 'kontor'}." in result.stderr
    assert os.path.isdir(tmp_path / "kontor" / ".git")
