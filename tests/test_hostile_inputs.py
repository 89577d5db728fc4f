"""Hostile input: every file in tests/bad_inputs/ through the real entry point.

Each case states the message it must produce, like tests/cases/errors/: an
inline ``# expect-error:`` comment (and ``# expect-line:``), or, for files
that cannot hold a comment (non-UTF-8, BOM-only, binary, control
characters), a sidecar ``<name>.expect`` with the same directives without
the ``#``. ``accept_*`` cases state ``expect-ok`` instead: input that looks
odd but is a valid plan (a BOM, Windows line endings) and must be accepted.

Cases too big or too strange to keep in git (a 1 MB office name, a 6 MB
file, a directory, a symlink loop, a FIFO) are made in a temporary folder.

Every case, under ``navplan validate`` and ``navplan critical-path``: exit 2,
one line on stderr naming the file with the expected message, no traceback,
nothing on stdout, no file changed, and no python tag ever executed (their
payload would create ``hostile-marker`` in the working folder).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import run_navplan

BAD = Path(__file__).resolve().parent / "bad_inputs"
MARKER = "hostile-marker"
COMMANDS = (["validate"], ["critical-path", "--as-of", "01.01.2019"])
VALID = 'office: "NAV Test"\nopening: 2020-01-06\n'


def directives(case: Path) -> dict[str, list[str]]:
    sidecar = case.with_name(case.name + ".expect")
    text = sidecar.read_text("utf-8") if sidecar.exists() else case.read_bytes().decode("utf-8", errors="replace")
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = re.match(r"\s*#?\s*(expect-error|expect-line|expect-ok):\s*(.*?)\s*$", line)
        if match:
            found.setdefault(match.group(1), []).append(match.group(2))
    return found


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (not following symlinks) → hash of its bytes."""
    state = {}
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(root) / name
            if path.is_symlink():
                state[str(path)] = "-> " + os.readlink(path)
            elif path.is_file():
                state[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                state[str(path)] = "dir" if path.is_dir() else "special"
    return state


def check_rejected(case: Path, folder: Path, expected: dict[str, list[str]], workdir: Path) -> None:
    """Each case in English, against its directives (navplan's own words), and in bokmål,
    the default, for the same one located line in translation."""
    before = snapshot(folder)
    for command in COMMANDS:
        result = run_navplan(*command, case, "--lang", "en")
        norwegian = run_navplan(*command, case)
        assert norwegian.exit_code == 2 and norwegian.stdout == "" and norwegian.stderr.count("\n") == 1
        assert "Traceback" not in norwegian.stderr
        assert norwegian.stderr != result.stderr, f"not translated: {norwegian.stderr[:500]}"
        name = case.name[:60]
        assert result.exit_code == 2, f"{name}: exit {result.exit_code}\n{result.stdout[:500]}{result.stderr[:2000]}"
        assert "Traceback" not in result.stderr, result.stderr[:2000]
        assert result.stdout == "", f"{name}: wrote to stdout"
        assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, f"{name}: not one line: {result.stderr[:2000]!r}"
        assert len(result.stderr) < 2500, f"{name}: a message of {len(result.stderr)} characters"
        message = result.stderr.strip()
        assert message.startswith(f"navplan: {str(case)[:150]}"), f"the message names the file: {message[:500]}"
        for wanted in expected.get("expect-error", []):
            assert wanted in message, f"{name}: '{wanted}' not in: {message}"
        for line in expected.get("expect-line", []):
            assert f"{case}:{line}:" in message, f"{name}: line {line} not in: {message}"
    assert snapshot(folder) == before, "nothing is written"
    assert not (workdir / MARKER).exists() and not (folder / MARKER).exists(), "a python tag was executed"


STATIC = sorted(p for p in BAD.iterdir() if p.is_file() and not p.name.endswith(".expect"))
REJECTED = [p for p in STATIC if not p.name.startswith("accept_")]
ACCEPTED = [p for p in STATIC if p.name.startswith("accept_")]


@pytest.mark.parametrize("case", REJECTED, ids=lambda p: p.name)
def test_bad_input(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = directives(case)
    assert expected.get("expect-error"), f"{case.name} must state the message it expects"
    monkeypatch.chdir(tmp_path)
    check_rejected(case, BAD, expected, tmp_path)


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda p: p.name)
def test_odd_but_valid_input_is_accepted(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "expect-ok" in directives(case)
    monkeypatch.chdir(tmp_path)
    before = snapshot(BAD)
    for command in COMMANDS:
        result = run_navplan(*command, case)
        assert result.exit_code == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert "NAV Test" in result.stdout, "the office name is read without the BOM or a stray \\r"
    assert snapshot(BAD) == before


# Cases made on the fly: name → function that builds the case in a folder and returns the path to pass.
def _long_office(folder: Path) -> Path:
    path = folder / "navplan.yaml"
    path.write_text(f'office: "{"N" * 1_000_000}"\nopening: 2020-01-06\n', "utf-8")
    return path


def _six_megabytes(folder: Path) -> Path:
    path = folder / "navplan.yaml"
    path.write_text(VALID + "notes: |\n" + ("  " + "x" * 98 + "\n") * 60_000, "utf-8")
    return path


def _plan_is_a_directory(folder: Path) -> Path:
    (folder / "navplan.yaml").mkdir()
    return folder / "navplan.yaml"


def _folder_without_plan(folder: Path) -> Path:
    (folder / "office").mkdir()
    (folder / "office" / "plan.yml").write_text(VALID)
    return folder / "office"


def _symlink_loop(folder: Path) -> Path:
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    return folder / "a.yaml"


def _dangling_symlink(folder: Path) -> Path:
    (folder / "navplan.yaml").symlink_to("gone.yaml")
    return folder / "navplan.yaml"


def _fifo(folder: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(folder / "navplan.yaml")
    return folder / "navplan.yaml"


def _name_too_long(folder: Path) -> Path:
    return folder / ("x" * 5000 + ".yaml")


def _missing(folder: Path) -> Path:
    return folder / "nowhere" / "navplan.yaml"


def _activities_over_the_limit(folder: Path) -> Path:
    """Issue 17, item 30: 100,000 activities were refused as an alias bomb; more than the limit
    (10,000) are refused for what they are, at the first one too many."""
    path = folder / "navplan.yaml"
    path.write_text(VALID + "activities:\n" + "".join(f'  - {{id: "L{n}", duration: 1d}}\n' for n in range(10_001)),
                    "utf-8")
    return path


GENERATED: dict[str, tuple[Callable[[Path], Path], list[str]]] = {
    "activities_over_the_limit": (_activities_over_the_limit, [":10004: activities: the plan has 10001 activities; "
                                                               "navplan plans at most 10000"]),
    "office_name_1mb": (_long_office, ["office: is longer than 200 characters"]),
    "file_6mb": (_six_megabytes, ["file is larger than 5 MB"]),
    "plan_is_a_directory": (_plan_is_a_directory, ["the folder has no navplan.yaml"]),
    "folder_without_plan": (_folder_without_plan, ["the folder has no navplan.yaml"]),
    "symlink_loop": (_symlink_loop, ["is a symbolic link that leads nowhere"]),
    "dangling_symlink": (_dangling_symlink, ["is a symbolic link that leads nowhere"]),
    "fifo": (_fifo, ["is not a regular file"]),
    "file_name_too_long": (_name_too_long, ["cannot be opened: the name is too long for the file system"]),
    "missing_file": (_missing, ["file not found"]),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_input(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build, wanted = GENERATED[name]
    folder = tmp_path / "case"
    folder.mkdir()
    case = build(folder)
    monkeypatch.chdir(tmp_path)
    check_rejected(case, folder, {"expect-error": wanted}, tmp_path)


@pytest.mark.parametrize("name", ["deep_nesting_10000.yaml", "yaml_alias_bomb_mappings.yaml",
                                  "yaml_python_object_apply.yaml", "null_byte.yaml"])
def test_the_pure_python_parser_is_as_safe(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml, PyYAML's own parser is used; it recurses once per nesting level."""
    import navplan.plan.safe_yaml

    monkeypatch.setattr(navplan.plan.safe_yaml, "_Loader", yaml.SafeLoader)
    monkeypatch.chdir(tmp_path)
    case = BAD / name
    wanted = directives(case)["expect-error"]
    if name == "deep_nesting_10000.yaml":
        wanted = ["nested more than 50 levels deep"]  # the pure-Python composer gives up first, without a line
    check_rejected(case, BAD, {"expect-error": wanted}, tmp_path)


def test_many_values_without_an_alias_are_not_called_an_alias_bomb() -> None:
    """9,000 activities (within the limit) of 25 values each: too many values, said as that."""
    from navplan.errors import NavplanError
    from navplan.plan.safe_yaml import parse_yaml

    after = "[" + ", ".join(['"2.1"'] * 24) + "]"
    text = VALID + "activities:\n" + "".join(f'  - {{id: "L{n}", after: {after}}}\n' for n in range(9_000))
    with pytest.raises(NavplanError) as refused:
        parse_yaml(text, "navplan.yaml")
    assert refused.value.render("en").endswith(": more than 200000 values; a plan holds a few thousand")


@pytest.mark.parametrize("command", [["calendar"], ["risk", "--samples", "100"], ["export json", "-o", "out.json"],
                                     ["report", "-o", "report.md"], ["export xlsx", "-o", "out.xlsx"]])
def test_a_chain_past_year_9999_is_refused_by_every_scheduling_command(command: list[str], tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17, item 18: each raised an OverflowError; validate and critical-path are checked above."""
    case = BAD / "chain_past_year_9999.yaml"
    monkeypatch.chdir(tmp_path)
    result = run_navplan(*command[0].split(), case, *command[1:], "--as-of", "01.01.2027", "--lang", "en")
    assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"navplan: {case}:11: activities[L1].duration: the chain L1 → L2")
    assert "is 494000 working days long: its dates fall outside the calendar" in result.stderr
    assert list(tmp_path.iterdir()) == [], "nothing is written"
