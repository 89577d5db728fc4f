"""Every command example in the README runs, so the README cannot drift from
the program (issue 9).

The README's shell blocks (```sh) are run in order, in one temporary folder
holding a copy of examples/, with a fixed today (tests/conftest.py TODAY) and
no git identity of the user's: each line that starts with ``navplan`` must
exit 0, or the code its comment names (``# exit 1``). In the blocks that show
a session (``$ navplan ...`` followed by what it prints), the printed lines
shown before any ``...`` must be what navplan prints.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO, run_navplan

README = REPO / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)


def blocks() -> list[tuple[str, str]]:
    return [(match.group(1), match.group(2)) for match in FENCE.finditer(README.read_text(encoding="utf-8"))]


def commands(text: str) -> list[str]:
    """The navplan command lines of a shell block, continuation lines joined."""
    found, current = [], ""
    for line in text.splitlines():
        current = f"{current} {line.strip()}" if current else line.strip()
        if current.endswith("\\"):
            current = current[:-1].rstrip()
            continue
        if current.startswith("navplan "):
            found.append(current)
        current = ""
    return found


def sessions(text: str) -> list[tuple[str, list[str]]]:
    """(command, the lines it is shown to print) for each ``$ navplan`` in a block."""
    found: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif found:
            found[-1][1].append(line)
    return [(command, shown) for command, shown in found if command.startswith("navplan ")]


def expected_exit(command: str) -> int:
    match = re.search(r"#.*\bexit (\d)\b", command)
    return int(match.group(1)) if match else 0


def run(command: str):
    """A README command line: ``navplan ARGS``, perhaps with ``> FILE`` (stdout to a file)."""
    arguments = shlex.split(command, comments=True)[1:]
    target = None
    if ">" in arguments:
        at = arguments.index(">")
        arguments, target = arguments[:at], arguments[at + 1]
    result = run_navplan(*arguments)
    if target is not None:
        Path(target).write_text(result.stdout, encoding="utf-8")
    return result


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    # git as a fresh machine has it: no identity of the developer's own.
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return tmp_path


@pytest.mark.skipif(shutil.which("git") is None, reason="the README's examples keep the plan in git")
def test_every_command_in_the_readme_runs_and_prints_what_it_shows(workspace: Path) -> None:
    """In the README's order: each shell block's commands, and each session's command with
    the lines the README shows it printing."""
    ran = shown_sessions = 0
    for language, text in blocks():
        if language == "sh":
            for command in commands(text):
                if command.startswith("navplan --install-completion"):
                    continue  # it would change this machine's shell set-up
                result = run(command)
                assert result.exit_code == expected_exit(command), (
                    f"README: `{command}` exited {result.exit_code}:\n{result.stderr}{result.stdout[:2000]}")
                assert "Traceback" not in result.stderr
                ran += 1
        for command, shown in sessions(text):
            result = run(command)
            assert "Traceback" not in result.stderr
            printed = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
            for line in shown:
                if line.strip() in ("...", "…"):
                    break
                assert line.rstrip() in printed, f"README shows `{command}` printing:\n{line}\nbut it prints:\n" + \
                    "\n".join(printed[:40])
            shown_sessions += 1
    assert ran >= 25 and shown_sessions >= 3, "the README shows the commands"


def test_the_module_map_names_every_module() -> None:
    """Every module of the package is in the README's map (issue 12)."""
    text = README.read_text(encoding="utf-8")
    development = text[text.index("## Development"):]
    for module in sorted((REPO / "navplan").rglob("*.py")):
        relative = module.relative_to(REPO)
        name = module.name
        if name == "__init__.py" and relative.parent.name != "navplan":
            continue  # a layer's docstring says what it holds
        group = f"{relative.parent.as_posix()}/"
        assert (str(relative.as_posix()) in development or name in development
                or (name.endswith(("_command.py", "_commands.py")) and "*_command(s).py" in development)
                or (name.endswith("_words.py") and name in development)), f"{relative} is not in the module map"
        assert group in development or relative.parent == REPO / "navplan"
