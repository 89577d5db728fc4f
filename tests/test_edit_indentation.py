"""A plan that `navplan validate` accepts can be edited, however its list is
indented (issue 11, item 18): `-   id:` (keys four columns in, as some editors
write YAML lists) used to pass `validate` and then make `done` and `set` refuse
the file as "not valid YAML"."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_navplan

STYLES = {
    "dash at 0, keys at 4": ("-   ", "    "),
    "dash at 4, keys at 8": ("    -   ", "        "),
    "dash at 0, keys at 2": ("- ", "  "),
    "dash at 2, keys at 4": ("  - ", "    "),
    "dash at 2, keys at 6": ("  -   ", "      "),
}


def plan_in(style: str) -> str:
    dash, keys = STYLES[style]
    return (f'office: "NAV Innrykk"\nopening: 2028-01-03\nactivities:\n'
            f'{dash}id: "2.1"\n{keys}owner: "Kari"\n'
            f'{dash}id: "2.2"\n{keys}owner: "Per"  # the county\'s contact\n')


@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_edit_keeps_the_files_own_indentation(style: str, tmp_path: Path) -> None:
    plan = tmp_path / "navplan.yaml"
    plan.write_text(plan_in(style), encoding="utf-8")
    assert run_navplan("validate", plan).exit_code == 0
    for command in (["done", "2.2", "--on", "01.03.2026"], ["start", "2.1", "--on", "02.02.2026"],
                    ["set", "2.1", "--owner", "Ola", "--notes", "Ring\nKari"], ["set", "3.1.1", "--owner", "Eva"],
                    ["set", "2.1", "--clear", "notes"]):
        result = run_navplan(*command[:2], plan, *command[2:])
        assert result.exit_code == 0, f"{command}: {result.stderr}"
        assert run_navplan("validate", plan).exit_code == 0
    dash, keys = STYLES[style]
    lines = plan.read_text("utf-8").splitlines()
    assert lines[:4] == plan_in(style).splitlines()[:4], "untouched lines keep their bytes"
    assert f'{dash}id: "2.2"' in lines and f"{keys}owner: \"Per\"  # the county's contact" in lines
    for line in (f"{keys}status: done", f"{keys}actual_finish: 2026-03-01", f"{keys}owner: Ola",
                 f"{keys}status: started", f"{keys}actual_start: 2026-02-02", f'{dash}id: "3.1.1"'):
        assert line in lines or line.replace("owner: Ola", 'owner: "Ola"') in lines, (line, lines)
