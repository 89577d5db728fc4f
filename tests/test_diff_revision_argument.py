"""`navplan diff HEAD~1`, the git habit (issue 17, item 33): the argument is
the plan, so it said "HEAD~1: fant ikke filen"; when it is no file but a
revision git knows, navplan says to use --revision."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_navplan
from gitplans import AS_OF, block, commit_plan, new_repository, no_repository_above, plan_text  # noqa: F401


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    folder = new_repository(tmp_path / "kontor")
    commit_plan(folder, plan_text(block("A", "Alpha", "10d")), "First", date="2030-01-02")
    commit_plan(folder, plan_text(block("A", "Alpha", "15d")), "Second", date="2030-01-03")
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize("name", ["HEAD~1", "HEAD", "master~1", "HEAD^"])
def test_a_revision_where_the_plan_goes_says_to_use_revision(repo: Path, name: str) -> None:
    from gitplans import git

    if name.startswith("master") and git(repo, "branch", "--show-current") != "master":
        name = name.replace("master", git(repo, "branch", "--show-current"))
    result = run_navplan("diff", name, "--as-of", AS_OF)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert f"'{name}' er ingen fil eller mappe, men en revisjon i git" in result.stderr, result.stderr
    assert f"navplan diff --revision '{name}'" in result.stderr or f"navplan diff --revision {name}" in result.stderr
    english = run_navplan("diff", name, "--as-of", AS_OF, "--lang", "en")
    assert f"'{name}' is no file or folder but a git revision" in english.stderr


def test_the_suggested_command_works(repo: Path) -> None:
    result = run_navplan("diff", "--revision", "HEAD~1", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr


def test_a_name_that_is_neither_is_a_missing_file(repo: Path) -> None:
    result = run_navplan("diff", "HEAD~7", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "HEAD~7: fant ikke filen" in result.stderr and "revisjon" not in result.stderr


def test_outside_a_repository_it_is_a_missing_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_navplan("diff", "HEAD~1", "--as-of", AS_OF)
    assert result.exit_code == 2 and "HEAD~1: fant ikke filen" in result.stderr
