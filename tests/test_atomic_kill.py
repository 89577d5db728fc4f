"""Every file navplan writes goes through ``navplan.io.atomic_write.write_atomic``;
killed at any moment, the target is the old file or the new one, whole.

A child process rewrites a 6 MB file over and over, alternating between two
distinct contents, and is SIGKILLed at a random moment: 10 times in a quick
run, 60 times under the ``thorough`` marker, which `make test` and CI select.
After each kill the target's hash is one of the two, and the only other file
in the folder is at most the killed writer's hidden temporary
(``.<name>.<pid>.<random>.tmp``), which the next write removes.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from navplan.errors import NavplanError
from navplan.io.atomic_write import remove_stale_temporaries, write_atomic

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

SIZE = 6 * 1024 * 1024

WRITER = """
import sys
from pathlib import Path
from navplan.io.atomic_write import write_atomic

target, first, second = (Path(arg) for arg in sys.argv[1:4])
contents = [first.read_bytes(), second.read_bytes()]
index = 1 if target.read_bytes() == contents[0] else 0
print("ready", flush=True)
while True:
    write_atomic(target, contents[index], force=True)
    index = 1 - index
"""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("kills", [pytest.param(10, marks=pytest.mark.quick, id="10-kills"),
                                   pytest.param(60, marks=pytest.mark.thorough, id="60-kills")])
def test_a_killed_write_leaves_the_old_or_the_new_file_whole(tmp_path: Path, kills: int) -> None:
    rng = random.Random(6)
    sources = tmp_path / "sources"
    sources.mkdir()
    first, second = sources / "a", sources / "b"
    first.write_bytes(rng.randbytes(SIZE))
    second.write_bytes(b"navplan: 1\n" + rng.randbytes(SIZE - 11))
    wanted = {digest(first.read_bytes()): "old", digest(second.read_bytes()): "new"}
    folder = tmp_path / "office"
    folder.mkdir()
    target = folder / "navplan.yaml"
    write_atomic(target, first.read_bytes())

    seen = {"old": 0, "new": 0}
    interrupted = 0
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(first), str(second)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert child.stdout.readline() == b"ready\n", child.stderr.read().decode()
        time.sleep(rng.uniform(0, 0.12))
        child.send_signal(signal.SIGKILL)
        child.wait()  # reaped, so its pid no longer counts as alive
        child.stdout.close()
        child.stderr.close()

        assert digest(target.read_bytes()) in wanted, "the target is torn: neither the old nor the new file"
        seen[wanted[digest(target.read_bytes())]] += 1
        others = sorted(p.name for p in folder.iterdir() if p != target)
        prefix = f".navplan.yaml.{child.pid}."
        assert all(name.startswith(prefix) and name.endswith(".tmp") for name in others), others
        assert len(others) <= 1, others
        if others:
            interrupted += 1
            # Hidden and never named like a plan: no folder search mistakes it for one.
            assert others[0].startswith(".") and not others[0].endswith((".yaml", ".yml"))
            assert [p.name for p in remove_stale_temporaries(target)] == others
        assert sorted(folder.iterdir()) == [target]
    assert seen["old"] and seen["new"], f"kills fell only between writes of one kind: {seen}"
    assert interrupted, "no kill landed in the middle of a write"


def test_the_next_write_removes_what_a_killed_write_left(tmp_path: Path) -> None:
    target = tmp_path / "navplan.yaml"
    target.write_text("old\n")
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(finished.stdout)  # a process that has exited and been reaped
    stale = tmp_path / f".navplan.yaml.{dead}.abc123.tmp"
    stale.write_bytes(b"half a plan")
    live = tmp_path / f".navplan.yaml.{os.getppid()}.def456.tmp"  # another writer still at work
    live.write_bytes(b"being written")
    unrelated = tmp_path / ".navplan.yaml.notes.tmp"  # not ours: the name does not parse
    unrelated.write_bytes(b"keep")
    other_target = tmp_path / f".other.yaml.{dead}.xyz.tmp"
    other_target.write_bytes(b"keep")

    write_atomic(target, "new\n", force=True)

    assert target.read_text() == "new\n"
    assert not stale.exists()
    assert live.exists() and unrelated.exists() and other_target.exists()


def test_a_failed_write_is_a_located_error_and_changes_nothing(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "navplan.yaml"
    target.write_text("old\n")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(NavplanError) as error:
        write_atomic(target, "new\n", force=True)
    assert "cannot write: no space left on the disk" in str(error.value) and str(target) in str(error.value)
    assert "disken er full" in error.value.render("nb")
    assert target.read_text() == "old\n"
    assert sorted(tmp_path.iterdir()) == [target], "the temporary file is removed"


def test_writing_into_a_folder_that_refuses_is_a_located_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write anywhere")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(NavplanError, match="cannot write here"):
            write_atomic(folder / "plan.xlsx", b"x")
    finally:
        folder.chmod(0o700)
