"""Text-level help for editing a YAML file without disturbing the lines around the edit."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml


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
    for parent, child in pairwise(lines):
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
        if i1 == i2 == len(before):  # an addition at the end goes after the original's last line
            return len(original)
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
    done: int | None = 0  # None (an end not found) slices to the original's end
    for i1, i2, j1, j2 in hunks:
        start, end = first(i1, i2), last(i1, i2)
        result += original[done:start] + after[j1:j2]
        done = end
    return result + original[done:]


def split_lines(text: str) -> list[str]:
    r"""The lines of ``text``, each with its ``\n``; only ``\n`` ends a line
    (``str.splitlines`` would also split at ``\r``, ``\x0c`` or U+2028 in a value).

    >>> split_lines("a\r\nb\u2028c\nd")
    ['a\r\n', 'b\u2028c\n', 'd']
    """
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


@dataclass(frozen=True)
class BlockSpans:
    """Where the items of a YAML file's top-level ``activities`` list lie, in
    0-based line numbers (lines ended by ``\\n``): each item starts on the line
    of its dash, and runs to the next item's; the last one to ``stop``, the
    line of the next top-level key or the end of the file. Comments and blank
    lines between two items belong to the one above, as ruamel keeps them."""

    starts: list[int]
    stop: int

    def end(self, index: int) -> int:
        """The line after item ``index``'s last."""
        return self.starts[index + 1] if index + 1 < len(self.starts) else self.stop


def _mapping_and_breaks(text: str) -> tuple[yaml.MappingNode, list[int]] | None:
    """``text`` composed as YAML when it is a mapping, and where its ``\n`` line breaks are."""
    import yaml

    from navplan.plan.safe_yaml import _Loader

    try:
        node = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError):
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    return node, [match.start() for match in re.finditer("\n", text)]


def block_spans(text: str) -> BlockSpans | None:
    """The ``activities`` items of ``text``; None when the file is not a mapping
    or its ``activities`` is not a list written as a block (`- ...` lines)."""
    import bisect

    import yaml

    found = _mapping_and_breaks(text)
    if found is None:
        return None
    node, breaks = found

    def line(index: int) -> int:  # the parser counts U+2028 and a lone \r as line breaks too; this does not
        return bisect.bisect_left(breaks, index)

    lines = split_lines(text)
    for number, (key, value) in enumerate(node.value):
        if not (isinstance(key, yaml.ScalarNode) and key.value == "activities"):
            continue
        if not isinstance(value, yaml.SequenceNode) or value.flow_style:
            return None
        stop = line(node.value[number + 1][0].start_mark.index) if number + 1 < len(node.value) else len(lines)
        starts: list[int] = []
        floor = line(key.start_mark.index) + 1
        for item in value.value:
            start = line(item.start_mark.index)
            while start > floor and not lines[start].lstrip(" ").startswith("-"):
                start -= 1  # `-` alone, or with a comment, on the line above the item
            starts.append(start)
            floor = start + 1
        return BlockSpans(starts, stop)
    return None


def line_endings(original: str, text: str) -> str:
    r"""``text`` (lines ended by ``\n``) with each line ended as in ``original``:
    a line the original has keeps its own ending, a line that replaces one
    takes that one's, a new line the ending of the line above it.

    >>> line_endings("a\r\nb\nc\r\n", "a\nB\nb\nc\n")
    'a\r\nB\r\nb\nc\r\n'
    """
    old = split_lines(original)
    old_text = [line.rstrip("\n").removesuffix("\r") for line in old]
    endings = [line[len(bare):] for line, bare in zip(old, old_text, strict=True)]
    if "\r\n" not in original:
        return text
    new_text = [line.rstrip("\n") for line in split_lines(text)]
    common = max(set(endings) - {""}, key=endings.count, default="\n")
    chosen: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_text, new_text, autojunk=False).get_opcodes():
        for k in range(j2 - j1):
            if tag == "equal" or (tag == "replace" and i1 + k < i2):
                chosen.append(endings[i1 + k])
            else:
                chosen.append(chosen[-1] if chosen else endings[0] if endings else common)
    result = []
    for number, (bare, ending) in enumerate(zip(new_text, chosen, strict=True)):
        last = number == len(new_text) - 1
        if not ending and not last:
            ending = common  # the original's last line, which had none, is no longer last
        if last and not text.endswith("\n"):
            ending = ""
        result.append(bare + ending)
    return "".join(result)


def top_level_span(text: str, key: str) -> tuple[int, int] | None:
    """The lines of the top-level ``key:`` and its value in ``text`` (lines ended by ``\\n``), as
    0-based [first, stop): from the key's line to the next top-level key's, without the blank
    lines and column-0 comments before that key (they lead into it) or at the end of the file.
    None when ``text`` is no mapping or has no such key."""
    import bisect

    import yaml

    found = _mapping_and_breaks(text)
    if found is None:
        return None
    node, breaks = found
    lines = split_lines(text)
    for number, (name, _value) in enumerate(node.value):
        if not (isinstance(name, yaml.ScalarNode) and name.value == key):
            continue
        first = bisect.bisect_left(breaks, name.start_mark.index)
        stop = (bisect.bisect_left(breaks, node.value[number + 1][0].start_mark.index)
                if number + 1 < len(node.value) else len(lines))
        while stop > first + 1 and (not lines[stop - 1].strip() or lines[stop - 1].startswith("#")):
            stop -= 1
        return first, stop
    return None
