"""Where navplan writes: through a symbolic link to the plan, never over a file
that appeared meanwhile, never over the plan it reads, a folder, a device or a
read-only file (issue 11, items 2–4 and the long names of item 14)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from conftest import EXAMPLES, copy_of_indre_ostfold, run_navplan
from test_concurrent_edits import race

INDRE_OSTFOLD = EXAMPLES / "indre-ostfold" / "navplan.yaml"
AS_OF = "10.12.2018"
EXPORT_RACES = 15
#: Every command that writes a file named by -o, with the options it needs.
OUTPUTS = {
    "export xlsx": (["export", "xlsx"], "out.xlsx"),
    "export ics": (["export", "ics"], "out.ics"),
    "export csv": (["export", "csv"], "out.csv"),
    "export json": (["export", "json"], "out.json"),
    "export mspdi": (["export", "mspdi"], "out.xml"),
    "report": (["report"], "out.md"),
    "calendar": (["calendar", "--format", "xlsx"], "out.xlsx"),
    "portfolio": (["portfolio", "--format", "xlsx"], "out.xlsx"),
}


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return copy_of_indre_ostfold(tmp_path / "kontor")


def write(command: str, plan: Path, output: str | Path, *options: str):
    args, _ = OUTPUTS[command]
    read = plan.parent if command == "portfolio" else plan
    return run_navplan(*args, read, "-o", output, "--as-of", AS_OF, "--lang", "en", *options)


def refused(result, *wanted: str) -> str:
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    for text in wanted:
        assert text in result.stderr, result.stderr
    return result.stderr


# A symbolic link to the plan: the edit goes to the file it leads to, and the link stays.

def test_an_edit_through_a_symlinked_plan_updates_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real" / "navplan.yaml"
    real.parent.mkdir()
    shutil.copyfile(INDRE_OSTFOLD, real)
    work = tmp_path / "work"
    work.mkdir()
    (work / "navplan.yaml").symlink_to(Path("..") / "real" / "navplan.yaml")
    for command in (["done", "6.1", work, "--on", "01.03.2019"], ["set", "7.4", work, "--owner", "Kari Nordmann"]):
        result = run_navplan(*command)
        assert result.exit_code == 0, result.stderr
    assert (work / "navplan.yaml").is_symlink(), "the link is still a link"
    assert os.readlink(work / "navplan.yaml") == str(Path("..") / "real" / "navplan.yaml")
    text = real.read_text("utf-8")
    assert "actual_finish: 2019-03-01" in text and 'owner: "Kari Nordmann"' in text
    assert sorted(p.name for p in work.iterdir()) == ["navplan.yaml"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["navplan.yaml"]


def test_an_export_through_a_symlink_writes_its_target_with_force(plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "exports" / "plan.json"
    target.parent.mkdir()
    target.write_text("old", "utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    refused(write("export json", plan, link), "already exists")
    assert write("export json", plan, link, "--force").exit_code == 0
    assert link.is_symlink() and target.read_text("utf-8").startswith("{")


# Two exports to one new name at the same moment: one writes it, the other says it exists.

def test_two_exports_racing_to_a_new_name_never_both_write(plan: Path, tmp_path: Path) -> None:
    both = []
    for attempt in range(EXPORT_RACES):
        output = tmp_path / f"race-{attempt}.json"
        command = ["export", "json", plan, "-o", output, "--as-of", AS_OF]
        outcomes = race(command, command)
        codes = sorted(code for _, code, _ in outcomes)
        if codes == [0, 0]:
            both.append(attempt)
            continue
        assert codes == [0, 2], outcomes
        assert any("finnes allerede" in stderr for _, code, stderr in outcomes if code == 2)
        assert output.read_text("utf-8").startswith("{")
    assert both == [], f"both exports wrote in {len(both)} of {EXPORT_RACES} races"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [], "no temporary file is left"


# Targets never written, not even with --force.

def suffix(command: str) -> str:
    return Path(OUTPUTS[command][1]).suffix  # a report's format follows its suffix


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_the_plan_being_read_is_never_an_output(command: str, plan: Path) -> None:
    before = plan.read_bytes()
    read = plan.parent if command == "portfolio" else plan
    hard_link, symlink = plan.with_name("same" + suffix(command)), plan.with_name("link" + suffix(command))
    os.link(plan, hard_link)
    symlink.symlink_to(plan.name)
    names = [hard_link, symlink] if command == "report" else [plan, plan.parent / ".." / "kontor" / plan.name,
                                                               hard_link, symlink]
    for name in names:
        refused(run_navplan(*OUTPUTS[command][0], read, "-o", name, "--force", "--as-of", AS_OF, "--lang", "en"),
                "is the plan being read; it is not written over, not even with --force")
    assert plan.read_bytes() == before and symlink.is_symlink()


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_a_name_ending_in_a_separator_names_a_folder(command: str, plan: Path, tmp_path: Path) -> None:
    message = refused(write(command, plan, f"{tmp_path}/newdir/"), "newdir/: names a folder; name a file")
    assert "e.g. " in message
    assert not (tmp_path / "newdir").exists()


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_devices_folders_and_pipes_are_not_replaced(command: str, plan: Path, tmp_path: Path) -> None:
    device_link = tmp_path / ("to-null" + suffix(command))
    device_link.symlink_to(os.devnull)
    if command != "report":
        refused(write(command, plan, os.devnull, "--force"), "is not a regular file")
    refused(write(command, plan, device_link, "--force"), "is not a regular file")
    assert device_link.is_symlink() and Path(os.devnull).is_char_device()
    folder = tmp_path / ("folder" + suffix(command))
    folder.mkdir()
    refused(write(command, plan, folder, "--force"), "is a folder")
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / ("pipe" + suffix(command))
        os.mkfifo(pipe)
        refused(write(command, plan, pipe, "--force"), "is not a regular file")
        assert stat.S_ISFIFO(pipe.stat().st_mode)


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_a_name_longer_than_the_file_system_allows(command: str, plan: Path, tmp_path: Path) -> None:
    _, name = OUTPUTS[command]
    refused(write(command, plan, tmp_path / ("x" * 300 + name)), "cannot write here: the name is too long")
    refused(write(command, plan, tmp_path / ("ø" * 130 + name), "--force"), "the name is too long")


def test_a_read_only_plan_is_not_rewritten(plan: Path) -> None:
    plan.chmod(0o444)
    before = plan.read_bytes()
    for command in (["done", "6.1", "--on", "01.03.2019"], ["start", "6.1", "--on", "01.03.2019"],
                    ["set", "7.4", "--owner", "Kari"]):
        message = refused(run_navplan(*command[:2], plan, *command[2:], "--lang", "en"))
        assert message == f"navplan: {plan}: is read-only, so navplan does not replace it " \
                          "(make the file writable first (chmod u+w) if it is to change)\n"
    assert plan.read_bytes() == before and stat.S_IMODE(plan.stat().st_mode) == 0o444
    assert sorted(p.name for p in plan.parent.iterdir()) == ["navplan.yaml"]


def test_a_read_only_export_is_not_replaced_even_with_force(plan: Path, tmp_path: Path) -> None:
    output = tmp_path / "plan.json"
    output.write_text("kept", "utf-8")
    output.chmod(0o444)
    refused(write("export json", plan, output, "--force"), "is read-only")
    assert output.read_text("utf-8") == "kept"
