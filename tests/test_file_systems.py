"""Odd file systems end in one message, exit 2, and leave nothing behind
(issue 11, items 14 and 16): `init` where it cannot write, a full or
read-only disk, portfolio on a tree a thousand folders deep and on folders it
cannot read.

A real small or read-only file system is a tmpfs mounted for the test (root
only; skipped elsewhere); the same failures are also injected in-process, so
every machine runs them.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, copy_of_indre_ostfold, run_navplan

INDRE_OSTFOLD = EXAMPLES / "indre-ostfold" / "navplan.yaml"
INIT = ["--office", "NAV Fjordby", "--opening", "03.01.2028", "--lang", "en"]


def one_message(result, *wanted: str) -> str:
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stdout == "" and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    for text in wanted:
        assert text in result.stderr, result.stderr
    return result.stderr


def everything_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


# `init` where it cannot write.

def test_init_on_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "kontor").write_text("not a folder")
    one_message(run_navplan("init", tmp_path / "kontor", *INIT), "kontor: cannot write here: already exists")
    one_message(run_navplan("init", tmp_path / "kontor" / "under", *INIT),
                "cannot write here: a part of the path is not a folder")
    assert everything_under(tmp_path) == ["kontor"]


def test_init_on_a_full_disk_leaves_no_folder_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    one_message(run_navplan("init", tmp_path / "fylke" / "kontor", *INIT),
                "kontor/navplan.yaml: cannot write: no space left on the disk")
    assert everything_under(tmp_path) == [], "neither the folders made nor a temporary file are left"


def test_init_on_a_read_only_file_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(self, *args, **kwargs) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", read_only)
    one_message(run_navplan("init", tmp_path / "kontor", *INIT), "cannot write here: the file system is read-only")
    assert everything_under(tmp_path) == []


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 64 KiB tmpfs of its own, or a skip where mounting is not allowed."""
    if shutil.which("mount") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", str(disk)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def fill(disk: Path) -> None:
    descriptor = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(descriptor, b"\0" * 512)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(descriptor)
    for index in range(1000):  # and every inode tmpfs would still give a small file
        try:
            (disk / f"tiny-{index}").mkdir()
        except OSError:
            break


def read_only(disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True, capture_output=True)


def test_init_and_exports_on_a_really_full_disk(small_disk: Path) -> None:
    plan = copy_of_indre_ostfold(small_disk / "kontor")
    fill(small_disk)
    before = everything_under(small_disk)
    one_message(run_navplan("init", small_disk / "nytt" / "kontor", *INIT), "no space left on the disk")
    one_message(run_navplan("export", "json", plan, "-o", small_disk / "plan.json", "--lang", "en"),
                "no space left on the disk")
    assert everything_under(small_disk) == before, "no folder, temporary or half-written file is left"


def test_init_edits_and_exports_on_a_read_only_file_system(small_disk: Path) -> None:
    plan = copy_of_indre_ostfold(small_disk / "kontor")
    read_only(small_disk)
    before = everything_under(small_disk)
    one_message(run_navplan("init", small_disk / "nytt", *INIT), "the file system is read-only")
    # No lock file can be made where no plan can be written either: the write says why.
    one_message(run_navplan("done", "6.1", plan, "--on", "01.03.2019", "--lang", "en"),
                "the file system is read-only")
    one_message(run_navplan("export", "json", plan, "-o", small_disk / "plan.json", "--lang", "en"),
                "the file system is read-only")
    # 4.1 started on 10.12.2018 in the example: nothing to write, so nothing fails.
    assert run_navplan("start", "4.1", plan, "--on", "10.12.2018").exit_code == 0
    assert everything_under(small_disk) == before


# portfolio: deep trees and folders it cannot read.

def test_portfolio_searches_a_tree_a_thousand_folders_deep(tmp_path: Path) -> None:
    folder = tmp_path / "fylke"
    folder.mkdir()
    deep = folder
    for _level in range(1100):  # os.makedirs itself recurses once per level
        deep = deep / "a"
        deep.mkdir()
    shutil.copyfile(INDRE_OSTFOLD, deep / "navplan.yaml")
    shutil.copyfile(INDRE_OSTFOLD, folder / "a" / "navplan.yaml")
    try:
        result = run_navplan("portfolio", folder, "--as-of", "10.12.2018", "--format", "json")
    finally:
        remove_deep(folder)  # pytest's own clean-up of old temporary folders recurses, and would fail
    assert result.exit_code == 0, result.stderr[-500:]
    assert sorted(line["file"] for line in json.loads(result.stdout)["offices"]) == [
        str(deep / "navplan.yaml"), str(folder / "a" / "navplan.yaml")]


def remove_deep(folder: Path) -> None:
    """Remove a deep tree bottom-up, without recursion."""
    chain = [folder]
    while True:
        inner = [p for p in chain[-1].iterdir() if p.is_dir()]
        if not inner:
            break
        chain.extend(inner[:1])
    for level in reversed(chain):
        for path in level.iterdir():
            if not path.is_dir():
                path.unlink()
        level.rmdir()


def test_portfolio_reports_each_folder_it_cannot_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    county = tmp_path / "fylke"
    for office in ("askim", "hidden", "trogstad"):
        (county / office).mkdir(parents=True)
        shutil.copyfile(INDRE_OSTFOLD, county / office / "navplan.yaml")
    (county / "locked" / "inner").mkdir(parents=True)
    unreadable = {str(county / "hidden"), str(county / "locked")}
    real_scandir = os.scandir

    def scandir(path=".", *args):
        if str(path) in unreadable:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run_navplan("portfolio", county, "--as-of", "10.12.2018", "--format", "csv", "--lang", "en")
    assert result.exit_code == 2, result.stderr
    rows = result.stdout.splitlines()[1:]
    assert [row.split(",")[1] for row in rows] == [
        str(county / "askim" / "navplan.yaml"), str(county / "trogstad" / "navplan.yaml"),
        str(county / "hidden"), str(county / "locked")]
    for row in rows[2:]:
        assert ": the folder cannot be read, so plans below it are left out: permission denied" in row


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder")
def test_portfolio_reports_a_folder_without_read_permission(tmp_path: Path) -> None:
    county = tmp_path / "fylke"
    (county / "askim").mkdir(parents=True)
    shutil.copyfile(INDRE_OSTFOLD, county / "askim" / "navplan.yaml")
    (county / "closed").mkdir()
    (county / "closed").chmod(0)
    try:
        result = run_navplan("portfolio", county, "--as-of", "10.12.2018", "--lang", "en")
    finally:
        (county / "closed").chmod(0o755)
    assert result.exit_code == 2
    assert "the folder cannot be read" in result.stdout


# Finding the plan from a folder below it (issue 17, items 22 and 30).

def _plan_below_a_locked_folder(tmp_path: Path) -> tuple[Path, Path]:
    """fylke/navplan.yaml above fylke/locked/kontor, the current folder; fylke/locked cannot be searched."""
    county = tmp_path / "fylke"
    (county / "locked" / "kontor").mkdir(parents=True)
    shutil.copyfile(INDRE_OSTFOLD, county / "navplan.yaml")
    return county / "locked", county / "locked" / "kontor"


def test_a_folder_above_that_cannot_be_searched_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Plan discovery stops, with the folder named, at a folder it may not look into, rather than a
    PermissionError traceback, and rather than going on to a plan further up (another office's)."""
    import pathlib

    locked, here = _plan_below_a_locked_folder(tmp_path)
    real_stat = pathlib.Path.stat

    def stat(self, *args, **kwargs):
        # As the kernel has it with no search permission on fylke/locked: a path through it is
        # refused, by its full name or going up from the current folder below it (`../x`).
        if str(self).startswith(str(locked) + os.sep) or str(self).startswith(".."):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "stat", stat)
    monkeypatch.chdir(here)
    for command in (["validate"], ["critical-path", "--as-of", "10.12.2018"]):
        one_message(run_navplan(*command, "--lang", "en"),
                    f"navplan: {locked}: cannot tell whether the folder holds a navplan.yaml: permission denied "
                    f"(name a plan file, or create one with `navplan init`)")
    one_message(run_navplan("validate", locked, "--lang", "en"),
                f"navplan: {locked}: cannot tell whether the folder holds a navplan.yaml: permission denied")
    (here / "navplan.yaml").write_bytes(INDRE_OSTFOLD.read_bytes())
    assert run_navplan("validate").exit_code == 0, "a plan in the current folder is found before"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root searches every folder")
def test_a_folder_above_without_permission_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked, here = _plan_below_a_locked_folder(tmp_path)
    monkeypatch.chdir(here)
    locked.chmod(0)
    try:
        result = run_navplan("validate", "--lang", "en")
    finally:
        locked.chmod(0o755)
    one_message(result, "cannot tell whether the folder holds a navplan.yaml: permission denied")


def test_a_current_folder_that_was_deleted_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not "cannot write to standard output": the folder navplan was started in is gone."""
    gone = tmp_path / "kontor"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    for command in (["validate"], ["critical-path"], ["done", "2.1"]):
        one_message(run_navplan(*command, "--lang", "en"),
                    "navplan: the current folder no longer exists (deleted or moved?)")
    norwegian = run_navplan("validate")
    assert norwegian.stderr.startswith("navplan: den gjeldende mappen finnes ikke lenger")
