"""Which activity blocks a change to a plan file touched, read from a line diff."""

from __future__ import annotations

import difflib

from navplan.plan.safe_yaml import parse_yaml


def block_owners(text: str) -> list[str | None]:
    """For each line, the id of the activity block it lies in (None above the blocks)."""
    document = parse_yaml(text, "plan.yaml")
    lines = text.splitlines()
    owners: list[str | None] = [None] * len(lines)
    blocks = (document.content or {}).get("activities") or []
    starts = [(document.lines[("activities", index)] - 1, str(block["id"])) for index, block in enumerate(blocks)]
    for number, (start, activity_id) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        for line in range(start, end):
            owners[line] = activity_id
    return owners


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """The lines removed from ``old`` and the lines added in ``new``."""
    a, b = old.splitlines(), new.splitlines()
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return removed, added


def touched_blocks(old: str, new: str) -> set[str | None]:
    """The ids of the blocks holding every removed and added line (None: a line outside any block)."""
    a, b = old.splitlines(), new.splitlines()
    old_owners, new_owners = block_owners(old), block_owners(new)
    touched: set[str | None] = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            touched.update(old_owners[i1:i2])
            touched.update(new_owners[j1:j2])
    return touched
