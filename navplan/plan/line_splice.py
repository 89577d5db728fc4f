"""Text-level help for editing a YAML file without disturbing the lines around the edit."""

from __future__ import annotations

import difflib
import re


def guess_indent(text: str) -> tuple[int, int, int]:
    r"""The mapping indent, the dash offset and the column of a list item's keys
    that the file itself uses under its top-level keys.

    >>> guess_indent("activities:\n  - id: a\n    owner: b\n")
    (2, 2, 4)
    >>> guess_indent("activities:\n-   id: a\n    owner: b\n")
    (2, 0, 4)
    """
    mapping = offset = keys = None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for parent, child in zip(lines, lines[1:]):
        if not re.match(r"^[^\s#-][^#]*:\s*$", parent):
            continue
        indent = len(child) - len(child.lstrip(" "))
        item = child.lstrip()
        if item.startswith("- ") and offset is None:
            offset = indent
            keys = indent + 1 + len(item[1:]) - len(item[1:].lstrip(" "))  # `-   id:` has its keys 4 in
        elif not item.startswith("-") and mapping is None and indent > 0:
            mapping = indent
    offset = 2 if offset is None else offset
    return mapping or 2, offset, offset + 2 if keys is None else keys


def splice_lines(original: list[str], before: list[str], after: list[str]) -> list[str]:
    """Apply the line changes between ``before`` and ``after`` to ``original``,
    which ``before`` renders (not always byte for byte)."""
    where: dict[int, int] = {}
    previous_a = previous_b = 0
    for match in difflib.SequenceMatcher(None, before, original, autojunk=False).get_matching_blocks():
        # A gap of as many lines on both sides is the same lines written
        # differently (`~` for an empty value, aligned values): pair them up.
        if match.a - previous_a == match.b - previous_b:
            for k in range(match.a - previous_a):
                where[previous_a + k] = previous_b + k
        for k in range(match.size):
            where[match.a + k] = match.b + k
        previous_a, previous_b = match.a + match.size, match.b + match.size
    changes = [op[1:] for op in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
               if op[0] != "equal"]

    def first(i1: int, i2: int) -> int | None:
        """Where in ``original`` the lines before[i1:i2] begin, if that is known."""
        if i1 < i2 and i1 in where:
            return where[i1]
        if i1 == 0:
            return 0
        if i1 - 1 in where:
            return where[i1 - 1] + 1
        return where.get(i2) if i1 == i2 else None

    def last(i1: int, i2: int) -> int | None:
        """Where they end."""
        if i1 == i2:
            return first(i1, i2)
        if i2 - 1 in where:
            return where[i2 - 1] + 1
        return len(original) if i2 == len(before) else where.get(i2)

    hunks: list[list[int]] = []
    for number, (i1, i2, j1, j2) in enumerate(changes):
        # Widen a change over lines written differently in the original until
        # both its ends are anchored there.
        floor = hunks[-1][1] if hunks else 0
        while i1 > floor and first(i1, i2) is None:
            i1, j1 = i1 - 1, j1 - 1
        if hunks and i1 <= hunks[-1][1]:
            i1, _, j1, _ = hunks.pop()
        ceiling = changes[number + 1][0] if number + 1 < len(changes) else len(before)
        while i2 < ceiling and last(i1, i2) is None:
            i2, j2 = i2 + 1, j2 + 1
        hunks.append([i1, i2, j1, j2])
    result: list[str] = []
    done = 0
    for i1, i2, j1, j2 in hunks:
        start, end = first(i1, i2), last(i1, i2)
        result += original[done:start] + after[j1:j2]
        done = end
    return result + original[done:]
