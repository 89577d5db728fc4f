"""The commands that write a plan (`done`, `start`, `set`) refuse hostile
plans too: exit 2, one line, and the file keeps its bytes.

They used to check an edited plan as `load_project` does, which does not
look for dependency cycles: `done` on a plan with a cycle, or
`set --clear after` that restored a handbook link closing one, wrote a plan
that `navplan validate` then refused.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_navplan
from test_hostile_inputs import REJECTED

EDITS = (["done", "2.1", "--on", "02.01.2019"], ["start", "2.1", "--on", "02.01.2019"], ["set", "2.1", "--owner", "Kari"])


@pytest.mark.parametrize("case", REJECTED, ids=lambda p: p.name)
def test_edit_commands_refuse_bad_plans_and_write_nothing(case: Path, tmp_path: Path) -> None:
    target = tmp_path / case.name
    shutil.copyfile(case, target)
    before = target.read_bytes()
    for command in EDITS:
        result = run_navplan(*command, target)
        assert result.exit_code == 2, f"{command[0]}: exit {result.exit_code}: {result.stderr}"
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert result.stdout == ""
        assert target.read_bytes() == before, f"{command[0]} changed the file"
    assert sorted(tmp_path.iterdir()) == [target]


def test_an_edit_that_would_close_a_cycle_is_refused(tmp_path: Path) -> None:
    # The handbook has 2.2 after 4.1; this plan turns that round. Clearing 2.2's
    # own `after` restores the handbook's link and closes 4.1 → 2.2 → 4.1.
    target = tmp_path / "navplan.yaml"
    target.write_text('office: "NAV Test"\nopening: 2022-01-03\nactivities:\n'
                      '  - id: "4.1"\n    after: ["2.2"]\n  - id: "2.2"\n    after: []\n')
    before = target.read_bytes()
    assert run_navplan("validate", target).exit_code == 0
    result = run_navplan("set", "2.2", "--clear", "after", target, "--lang", "en")
    assert result.exit_code == 2, result.stderr
    assert "the dependencies form a cycle: 4.1 → 2.2 → 4.1" in result.stderr
    assert target.read_bytes() == before
    assert run_navplan("validate", target).exit_code == 0


@pytest.mark.parametrize("name", ["accept_bom_then_valid_plan.yaml", "accept_crlf_valid_plan.yaml"])
def test_an_edit_keeps_a_bom_and_windows_line_endings(name: str, tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent / "bad_inputs" / name
    target = tmp_path / name
    shutil.copyfile(source, target)
    before = target.read_bytes()
    result = run_navplan("set", "2.1", "--owner", "Kari", target)
    assert result.exit_code == 0, result.stderr
    after = target.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") == before.startswith(b"\xef\xbb\xbf")
    if b"\r\n" in before:
        assert after.count(b"\n") == after.count(b"\r\n"), "every line keeps its CRLF"
    assert b'owner: "Kari"' in after
    assert run_navplan("validate", target).exit_code == 0
