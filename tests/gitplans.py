"""Real git repositories in temporary folders, and small plans whose
schedules can be worked out by hand.

Every small plan drops the handbook's chapters and keeps a few local
activities. Its opening is Monday 04.03.2030 and the tests look at it as of
Monday 07.01.2030: January to March 2030 has no Norwegian public holiday, so
the 40 working days in between are eight plain weeks. Working-day point 0 is
07.01.2030, point 5k is the Monday of the k-th week after it, and the opening
is point 40. An activity finishing at point p has p - 1 as its last working day.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

AS_OF = "07.01.2030"
CHAPTERS = '["1", "2", "3", "4", "5", "6", "7", "8", "9"]'


def plan_text(activities: str, *, office: str = "NAV Testby", drop: str = CHAPTERS) -> str:
    """A plan with the given activity blocks (YAML, indented two spaces)."""
    return f"""\
# A small plan for navplan's tests.
navplan: 1
office: {office}
opening: 2030-03-04
template: new
calendar:
  fellesferie: false
  christmas_closure: false
drop: {drop}
activities:
{activities}"""


def block(activity_id: str, title: str, duration: str | None = None, **fields: str) -> str:
    lines = [f'  - id: "{activity_id}"', f"    title: {title}"]
    if duration is not None:
        lines.append(f"    duration: {duration}")
    lines += [f"    {key}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


def _env(date: str | None) -> dict[str, str]:
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+01:00"
    return env


def git(folder: Path, *args: str, date: str | None = None) -> str:
    done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=folder,
                          capture_output=True, text=True, env=_env(date))
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def new_repository(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "-q")
    return folder


def commit_plan(folder: Path, text: str, message: str, *, date: str | None = None,
                name: str = "navplan.yaml") -> str:
    """Write the plan, commit it (on ``date``, yyyy-mm-dd, if given) and return the commit's hash."""
    (folder / name).write_text(text, encoding="utf-8")
    git(folder, "add", name)
    git(folder, "commit", "-q", "-m", message, date=date)
    return git(folder, "rev-parse", "HEAD")


@pytest.fixture(autouse=True)
def no_repository_above(tmp_path, monkeypatch) -> None:
    """Importing this into a test module keeps git from finding a repository
    above the test's folder, whatever machine runs the tests."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
