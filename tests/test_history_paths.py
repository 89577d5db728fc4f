"""`navplan diff` finds the right history whatever the plan's path holds
(issue 11, item 13): git reads the path literally, never as a pattern; a
folder may end in a space or a newline or not be UTF-8; a symlinked plan is
compared with its own file; dates past what git's --until reads, and a commit
dated in the year 10000, are handled.

The calendar is tests/gitplans.py's: as of Monday 07.01.2030, opening point 40.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import run_navplan
from gitplans import AS_OF, block, commit_plan, git, new_repository, no_repository_above, plan_text  # noqa: F401

# A alone: 10 working days, so it must start by point 30 and has 30 days of slack; 15d leaves 25.
TEN_DAYS = plan_text(block("A", "Alpha", "10d"))
FIFTEEN_DAYS = plan_text(block("A", "Alpha", "15d"))


def diff_json(plan: Path, *args: str) -> dict:
    result = run_navplan("diff", plan, "--as-of", AS_OF, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def commit_in(repo: Path, folder: str, text: str, message: str, date: str) -> None:
    (repo / folder).mkdir(exist_ok=True)
    commit_plan(repo, text, message, date=date, name=f"{folder}/navplan.yaml")


@pytest.mark.parametrize("folder", ["a*", "a?", "[a]b", ":(exclude)x", ":(glob)**"])
def test_the_plan_path_is_never_a_pattern(folder: str, tmp_path: Path) -> None:
    """The last commit touching `<folder>/navplan.yaml` is 'mine', though later commits
    touch other plans the path would match as a pathspec ('ab', 'x' …)."""
    repo = new_repository(tmp_path / "fylke")
    commit_in(repo, folder, TEN_DAYS, "mine", "2030-01-02")
    for other in ("ab", "a", "x", "b"):
        commit_in(repo, other, TEN_DAYS, f"other {other}", "2030-01-03")
    plan = repo / folder / "navplan.yaml"
    plan.write_text(FIFTEEN_DAYS, encoding="utf-8")
    document = diff_json(plan)
    assert (document["revision_subject"], document["revision_date"]) == ("mine", "2030-01-02")
    assert (document["slack_to_opening_before"], document["slack_to_opening_after"]) == (30, 25)
    since = diff_json(plan, "--since", "03.01.2030")
    assert since["revision_subject"] == "mine"


@pytest.mark.parametrize("name", ["kontor ", "kontor\n", " kontor", "kontor\t"])
def test_a_folder_whose_name_ends_in_a_space_or_a_line_break(name: str, tmp_path: Path) -> None:
    # The repository's own folder, and a folder inside one.
    repo = new_repository(tmp_path / name)
    commit_plan(repo, TEN_DAYS, "as the repository", date="2030-01-02")
    (repo / "navplan.yaml").write_text(FIFTEEN_DAYS, encoding="utf-8")
    assert diff_json(repo / "navplan.yaml")["revision_subject"] == "as the repository"
    outer = new_repository(tmp_path / "fylke")
    commit_in(outer, name, TEN_DAYS, "as a folder", "2030-01-02")
    (outer / name / "navplan.yaml").write_text(FIFTEEN_DAYS, encoding="utf-8")
    assert diff_json(outer / name / "navplan.yaml")["revision_subject"] == "as a folder"


@pytest.mark.skipif(os.name != "posix", reason="a file name of bytes that are not UTF-8 is a POSIX thing")
def test_a_folder_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"kontor-\xf8st")  # Latin-1 'ø'
    repo = new_repository(tmp_path / "fylke")
    try:
        commit_in(repo, name, TEN_DAYS, "latin-1", "2030-01-02")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system takes only UTF-8 names")
    (repo / name / "navplan.yaml").write_text(FIFTEEN_DAYS, encoding="utf-8")
    document = diff_json(repo / name / "navplan.yaml")
    assert document["revision_subject"] == "latin-1"
    result = run_navplan("diff", repo / name, "--as-of", AS_OF)
    assert result.exit_code == 0 and "latin-1" in result.stdout


def test_a_symlinked_plan_is_compared_with_the_file_it_leads_to(tmp_path: Path) -> None:
    """work/navplan.yaml -> ../real/kontor.yaml. Its history is kontor.yaml's (10d then); the
    real/navplan.yaml beside it, committed as the working copy is now, must not be taken for it."""
    repo = new_repository(tmp_path / "fylke")
    (repo / "real").mkdir()
    commit_plan(repo, TEN_DAYS, "kontor", date="2030-01-02", name="real/kontor.yaml")
    commit_plan(repo, FIFTEEN_DAYS, "another plan", date="2030-01-03", name="real/navplan.yaml")
    (repo / "real" / "kontor.yaml").write_text(FIFTEEN_DAYS, encoding="utf-8")
    (repo / "work").mkdir()
    (repo / "work" / "navplan.yaml").symlink_to(Path("..") / "real" / "kontor.yaml")
    document = diff_json(repo / "work")
    assert document["revision_subject"] == "kontor"
    assert (document["slack_to_opening_before"], document["slack_to_opening_after"]) == (30, 25)


def test_since_a_date_git_cannot_read(tmp_path: Path) -> None:
    """git's --until reads no date in 2100 or later; the last commit on or before 01.01.2100 is the last one."""
    repo = new_repository(tmp_path / "kontor")
    commit_plan(repo, TEN_DAYS, "first", date="2030-01-02")
    commit_plan(repo, FIFTEEN_DAYS, "second", date="2030-01-04")
    for since in ("01.01.2100", "31.12.2150"):
        assert diff_json(repo, "--since", since)["revision_subject"] == "second"
    assert diff_json(repo, "--since", "03.01.2030")["revision_subject"] == "first"
    result = run_navplan("diff", repo, "--since", "01.01.2029", "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2 and "no commit touched the plan on or before 2029-01-01" in result.stderr


def test_a_commit_dated_in_the_year_10000(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "kontor")
    commit_plan(repo, TEN_DAYS, "sane", date="2030-01-02")
    (repo / "navplan.yaml").write_text(FIFTEEN_DAYS, encoding="utf-8")
    git(repo, "add", "navplan.yaml")
    far = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_DATE="@253402300800 +0000", GIT_COMMITTER_DATE="@253402300800 +0000")
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "far"], cwd=repo,
                   env=far, check=True, capture_output=True)
    if "10000" not in git(repo, "log", "-1", "--format=%cI"):
        pytest.skip("this git does not keep a date in the year 10000")
    document = diff_json(repo)
    assert (document["revision_subject"], document["revision_date"]) == ("far", None)
    table = run_navplan("diff", repo, "--as-of", AS_OF)
    assert table.exit_code == 0 and "(?, «far»)" in table.stdout.splitlines()[0]
    # Never on or before a date navplan can name: --since passes it by.
    assert diff_json(repo, "--since", "01.01.2100")["revision_subject"] == "sane"
    report = run_navplan("report", repo, "-o", tmp_path / "rapport.md", "--as-of", AS_OF)
    assert report.exit_code == 0, report.stderr


def test_a_huge_plan_in_the_history_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    """Issue 17, item 20: a commit's plan larger than the 5 MB a plan file on disk may be is
    refused by its size in git (`git cat-file -s`) with the plan file's own message, located
    at the revision, and its text is never read (a 1 GB blob cost diff 2 GB of memory).
    The same plan as a file on disk is refused with the same words (tests/test_hostile_inputs.py)."""
    import navplan.features.plan_history as plan_history

    repo = new_repository(tmp_path / "kontor")
    huge = TEN_DAYS + ("# " + "x" * 98 + "\n") * 60_000  # 6 MB, a valid plan
    first = commit_plan(repo, huge, "huge", date="2030-01-02")
    commit_plan(repo, TEN_DAYS, "sane", date="2030-01-03")
    read = []
    real_git = plan_history._git
    monkeypatch.setattr(plan_history, "_git", lambda root, *args, **kw: read.append(args) or real_git(root, *args, **kw))
    result = run_navplan("diff", repo, "--revision", "HEAD~1", "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"navplan: {first[:7]}:navplan.yaml: file is larger than 5 MB; a plan file is a few kB\n"
    assert not [args for args in read if args[0] == "show"], "the blob was read"
    report = run_navplan("report", repo, "--since", "HEAD~1", "-o", tmp_path / "r.md", "--as-of", AS_OF,
                         "--lang", "en")
    assert report.exit_code == 2 and "file is larger than 5 MB" in report.stderr
    assert not (tmp_path / "r.md").exists()
