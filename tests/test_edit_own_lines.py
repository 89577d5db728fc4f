"""An edit changes only the edited activity's lines, byte for byte (issue 17, item 3).

`navplan done 2.1` on a plan holding multi-line flow mappings
(`- {id: "V1", title: "…",\\n     fixed: …}`) used to rewrite every one of them
onto one line, and a plan with CRLF and LF line endings mixed came back with
every line CRLF. Every expected file here is the original with the edited
lines written in by hand.
"""

from __future__ import annotations

import datetime as dt
import difflib
import random
import re
import shutil
from pathlib import Path

import pytest

from conftest import run_navplan
from navplan.plan.editing import PlanEditor
from navplan.plan.loading import validate
from navplan.plan.plan_model import Plan
from navplan.plan.project import build_project
from navplan.plan.safe_yaml import parse_yaml
from navplan.plan.values import Status
from plandiff import block_owners, touched_blocks

BAD = Path(__file__).resolve().parent / "bad_inputs"
FLOW = BAD / "accept_multiline_flow_mappings.yaml"
MIXED = BAD / "accept_mixed_line_endings.yaml"


def lines_of(data: bytes) -> list[bytes]:
    """The file's lines, each with its own ending (only LF ends a line)."""
    return re.findall(rb"[^\n]*\n|[^\n]+$", data)


def edited(tmp_path: Path, source: Path, *command: str) -> tuple[bytes, bytes]:
    plan = tmp_path / source.name
    shutil.copyfile(source, plan)
    before = plan.read_bytes()
    result = run_navplan(*command[:2], plan, *command[2:])
    assert result.exit_code == 0, result.stderr
    assert run_navplan("validate", plan).exit_code == 0
    return before, plan.read_bytes()


FLOW_EDITS = {
    "done": (["done", "2.1", "--on", "02.01.2019"],
             b'    owner: "Kari"\n', b'    owner: "Kari"\n    status: done\n    actual_finish: 2019-01-02\n'),
    "start": (["start", "2.1", "--on", "02.01.2019"],
              b'    owner: "Kari"\n', b'    owner: "Kari"\n    status: started\n    actual_start: 2019-01-02\n'),
    "set": (["set", "2.1", "--owner", "Ola"], b'    owner: "Kari"\n', b'    owner: "Ola"\n'),
    # A new block goes before the first block the outline puts after it (2.1).
    "set a new block": (["set", "1.1", "--owner", "Ola"],
                        b'  - id: "2.1"\n', b'  - id: "1.1"\n    owner: "Ola"\n  - id: "2.1"\n'),
}


@pytest.mark.parametrize("name", sorted(FLOW_EDITS))
def test_multi_line_flow_mappings_elsewhere_keep_their_lines(name: str, tmp_path: Path) -> None:
    command, old, new = FLOW_EDITS[name]
    before, after = edited(tmp_path, FLOW, *command)
    assert before.count(old) == 1
    assert after == before.replace(old, new), after.decode()


def test_an_edit_of_a_flow_mapping_changes_only_its_own_lines(tmp_path: Path) -> None:
    before, after = edited(tmp_path, FLOW, "done", "2.2", "--on", "02.01.2019")
    old = lines_of(before)
    new = lines_of(after)
    first = old.index(b'  - {id: "2.2",\n')
    assert new[:first] == old[:first], "every line above the edited block keeps its bytes"
    block = parse_yaml(after.decode(), "x").content["activities"][-1]
    assert block == {"id": "2.2", "owner": "Per", "status": "done", "actual_finish": "2019-01-02"}


MIXED_EDITS = {
    # A new line takes the ending of the line above it; a changed line keeps its own.
    "done 2.1": (["done", "2.1", "--on", "02.01.2019"], b'    owner: "Kari"\r\n',
                 b'    owner: "Kari"\r\n    status: done\r\n    actual_finish: 2019-01-02\r\n'),
    "start 2.2": (["start", "2.2", "--on", "02.01.2019"], b'  - id: "2.2"\n',
                  b'  - id: "2.2"\n    status: started\n    actual_start: 2019-01-02\n'),
    "set 3.2.3 --fixed": (["set", "3.2.3", "--fixed", "22.10.2019"], b"    fixed: 2019-10-21\n",
                          b"    fixed: 2019-10-22\n"),
    "set 2.1 --owner": (["set", "2.1", "--owner", "Ola"], b'    owner: "Kari"\r\n', b'    owner: "Ola"\r\n'),
}


@pytest.mark.parametrize("name", sorted(MIXED_EDITS))
def test_mixed_line_endings_each_line_keeps_its_own(name: str, tmp_path: Path) -> None:
    command, old, new = MIXED_EDITS[name]
    before, after = edited(tmp_path, MIXED, *command)
    assert b"\r\n" in before and re.search(rb"[^\r]\n", before), "the case mixes both endings"
    assert before.count(old) == 1
    assert after == before.replace(old, new), after.decode()


# Random plans of block and flow blocks, one or two lines each, random edits.

VISITS = ['  - {id: "V1", title: "Første besøk", parent: "2", milestone: true,\n     fixed: 2029-03-01}\n',
          '  - {id: "V2",\n     title: "Andre besøk", parent: "2", milestone: true, fixed: 2029-04-01}\n']
IDS = ["1.1", "2.1", "2.2", "2.3", "3.1.1", "4.1", "5.1", "7.4"]
EDITS = [{"status": Status.DONE, "actual_finish": dt.date(2029, 1, 2)}, {"owner": "Per"}, {"notes": None},
         {"duration": "3w"}, {"status": Status.STARTED, "actual_start": dt.date(2029, 1, 2)}]


def random_block(activity_id: str, rnd: random.Random) -> str:
    return rnd.choice([
        f'  - id: "{activity_id}"\n',
        f'  - id: "{activity_id}"\n    owner: "Kari"\n',
        f'  - {{id: "{activity_id}", owner: "Kari"}}\n',
        f'  - {{id: "{activity_id}", owner: "Kari",\n     notes: "x"}}\n',
        f'  - {{id: "{activity_id}",\n     owner: "Kari", notes: "y"}}\n',
        f'  - id: "{activity_id}"   # a comment\n    notes: "z"\n\n',
        f'  # heading\n  - id: "{activity_id}"\n    owner:   "Kari"\n',
    ])


@pytest.mark.parametrize("seed", range(60))
def test_random_plans_random_edits_touch_only_the_edited_block(seed: int) -> None:
    rnd = random.Random(seed)
    items = [random_block(activity_id, rnd) for activity_id in rnd.sample(IDS, rnd.randrange(0, 6))] + VISITS
    rnd.shuffle(items)
    text = 'office: "NAV Test"\nopening: 2030-01-07\nactivities:\n' + "".join(items) + "# the end\n"
    if rnd.random() < 0.5:  # some lines CRLF
        text = "".join(line.replace("\n", "\r\n") if rnd.random() < 0.5 else line
                       for line in re.findall(r"[^\n]*\n", text))
    plain = text.replace("\r\n", "\n")
    document = parse_yaml(plain, "navplan.yaml")
    editor = PlanEditor(text, "navplan.yaml", list(build_project(validate(Plan, document), document).activities))
    targets = rnd.sample(IDS, rnd.choice([1, 1, 2]))
    for target in targets:
        editor.set_activity_fields(target, rnd.choice(EDITS))
    new = editor.text()
    assert touched_blocks(plain, new.replace("\r\n", "\n")) <= set(targets), new
    # As bytes, endings included: every line removed or added lies in an edited block.
    old_lines, new_lines = lines_of(text.encode()), lines_of(new.encode())
    old_owners, new_owners = block_owners(plain), block_owners(new.replace("\r\n", "\n"))
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if tag != "equal":
            assert set(old_owners[i1:i2]) | set(new_owners[j1:j2]) <= set(targets), (old_lines[i1:i2],
                                                                                   new_lines[j1:j2])
