"""Editing a plan file in place, so that `git diff` shows only what changed.

ruamel.yaml's round-trip mode keeps comments, key order and quoting, but it
still re-renders the whole document: an unusual indentation, `~`, aligned
values or a folded line elsewhere in the file would change too. So the
edited document is rendered twice, before and after the edit, and only the
lines that differ between those two renderings are spliced into the
original text; everything else keeps the user's bytes.

Only the edited activities' blocks are spliced: each block's lines are
found in the original, in ruamel's rendering before the edit and after it,
and the lines of a block nobody edited are copied from the original as they
are, whatever ruamel would make of them (a flow mapping over two lines, say).
Each line keeps its own ending (a file may mix CRLF and LF); a new line takes
the ending of the line above it.

ruamel is imported here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString
from ruamel.yaml.tokens import CommentToken

from navplan.errors import NavplanError
from navplan.plan.line_splice import (
    block_spans,
    guess_indent,
    line_endings,
    splice_lines,
    split_lines,
    top_level_span,
)
from navplan.plan.plan_model import PlanActivity
from navplan.plan.safe_yaml import parse_yaml, read_text
from navplan.plan.values import Duration, DurationRange, Status, parse_date, parse_duration_or_range

if TYPE_CHECKING:
    from navplan.plan.project import Project

#: The canonical key order of an activity block.
ACTIVITY_KEYS = tuple(PlanActivity.model_fields)
_DATE_KEYS = {"fixed", "not_before", "not_after", "actual_start", "actual_finish"}
_BOM = b"\xef\xbb\xbf"


def _yaml(mapping: int = 2, offset: int = 2, sequence: int | None = None) -> YAML:
    """The one ruamel configuration. The defaults are what `navplan init` and
    the examples use: `key:` children indented 2, list dashes indented 2, one
    space after a dash (``sequence`` is the column of a block's keys)."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=mapping, sequence=offset + 2 if sequence is None else sequence, offset=offset)
    yaml.preserve_quotes = True
    yaml.width = 1 << 16  # never re-wrap a long note
    return yaml


def round_trip(text: str) -> str:
    """ruamel's rendering of an unchanged plan; for checking that the
    configuration matches the style navplan's own files are written in."""
    return PlanEditor(text)._before


class PlanEditor:
    """A plan file's text with edits to its activity blocks.

    ``outline`` is the activity ids in the handbook's outline order (the
    project's ``activities``); new blocks go where the outline puts them.
    """

    def __init__(self, text: str, file: str | Path = "navplan.yaml", outline: Sequence[str] = ()) -> None:
        self.file = str(file)
        self._original = text
        self._outline = {activity_id: index for index, activity_id in enumerate(outline)}
        self._bom = False
        self._read_bytes: bytes | None = None
        self._changed = False
        body = text.replace("\r\n", "\n")
        # Blocks' dashes sit at _offset, their keys at _keys (`-   id:` puts them 4 further).
        mapping, self._offset, self._keys = guess_indent(body)
        self._yaml = _yaml(mapping, self._offset, self._keys)
        try:
            self._data = self._yaml.load(body)
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise NavplanError("error.edit.not_yaml", file=self.file, line=mark.line + 1 if mark else None) from None
        if not isinstance(self._data, CommentedMap):
            raise NavplanError("error.edit.not_mapping", file=self.file)
        self._before = self._render()
        # Block ids as navplan itself reads them (ruamel would read `id: 2.10` as 2.1).
        content = parse_yaml(body, self.file).content
        blocks = content.get("activities") if isinstance(content, dict) else None
        self._ids = [str(b.get("id")) if isinstance(b, dict) else "" for b in blocks or []]
        # Each block's index in the original (None: a block this editor added), and the edited ones.
        self._origins: list[int | None] = list(range(len(self._ids)))
        self._edited: set[int] = set()
        self._text: str | None = None  # the edited text, once made

    @classmethod
    def open(cls, path: str | Path, outline: Sequence[str] = ()) -> PlanEditor:
        path = Path(path)
        read = path.read_bytes() if path.is_file() else None
        editor = cls(read_text(path), path, outline)
        editor._read_bytes = read
        editor._bom = read is not None and read.startswith(_BOM)
        return editor

    @property
    def changed(self) -> bool:
        return self._changed

    def set_activity_fields(self, activity_id: str, fields: Mapping[str, Any]) -> bool:
        """Set (or, with None, remove) fields of one activity's block; True if the text changes.

        Values equal to what the file already says are left as written, so
        `01.03.2019` does not become `2019-03-01` unless the date changes.
        """
        unknown = [name for name in fields if name not in ACTIVITY_KEYS or name == "id"]
        if unknown:
            raise ValueError(f"not an activity field: {', '.join(unknown)}")
        index = self._ids.index(activity_id) if activity_id in self._ids else None
        if index is None:
            wanted = {name: value for name, value in fields.items() if value is not None}
            if not wanted:
                return False
            blocks = self._activities()
            block = CommentedMap()
            block["id"] = DoubleQuotedScalarString(activity_id)
            for name in ACTIVITY_KEYS:
                if name in wanted:
                    block[name] = _yaml_value(name, wanted[name], None)
            self._insert_block(blocks, block, activity_id)
            self._changed = True
            self._text = None
            return True
        block = self._activities()[index]
        changed = False
        for name in sorted(fields, key=ACTIVITY_KEYS.index):
            value = fields[name]
            if value is None:
                if name in block:
                    _remove_key(block, name, self._keys)
                    changed = True
            elif name in block:
                if not _same(name, block[name], value):
                    block[name] = _yaml_value(name, value, block[name])
                    changed = True
            else:
                _insert_key(block, name, _yaml_value(name, value, None), self._keys)
                changed = True
        if changed and (origin := self._origins[index]) is not None:
            self._edited.add(origin)
        if changed:
            self._text = None
        self._changed |= changed
        return changed

    def set_top_level_block(self, key: str, lines: Sequence[str], comment: Sequence[str] = ()) -> bool:
        """Write the top-level ``key:`` as ``lines`` (YAML, each without its line end, the first
        ``key:`` itself): in place of the one the file has, or at the end of the file after a
        blank line and the ``comment`` lines. Every other line keeps its bytes (and its ending).
        The new text must mean what the old one did with only ``key`` changed; else nothing is
        changed and the edit is refused (a file whose layout defeats it, say one that ends in a
        document marker). True if the text changes. Made on the text as edited so far, and
        the last edit: activity edits are made first."""
        if self._changed and self._text is None:
            self._text = self._spliced()
        current = self.text()
        body = current.replace("\r\n", "\n")
        old_lines = split_lines(body)
        new_lines = [line + "\n" for line in lines]
        span = top_level_span(body, key)
        if span is None:
            if old_lines and not old_lines[-1].endswith("\n"):
                old_lines[-1] += "\n"
            spacer = ["\n"] if old_lines and old_lines[-1].strip() else []
            edited = old_lines + spacer + [line + "\n" for line in comment] + new_lines
        else:
            first, stop = span
            edited = old_lines[:first] + new_lines + old_lines[stop:]
        text = "".join(edited)
        if text == body:
            return False
        before = parse_yaml(body, self.file).content
        after = parse_yaml(text, self.file).content
        wanted = parse_yaml("".join(new_lines), self.file).content
        if not (isinstance(before, dict) and isinstance(after, dict) and isinstance(wanted, dict)
                and after == {**{k: v for k, v in before.items() if k != key}, key: wanted.get(key)}):
            raise NavplanError("error.edit.top_level", file=self.file, field=key)
        self._text = line_endings(current, text)
        self._changed = True
        return True

    def text(self) -> str:
        """The plan's text with the edits; the original text if nothing changed."""
        if not self._changed:
            return self._original
        if self._text is None:
            self._text = self._spliced()
        return self._text

    def _spliced(self) -> str:
        after = self._render()
        body = self._original.replace("\r\n", "\n")
        wanted = parse_yaml(after, self.file).content
        # The splice must mean exactly what ruamel's own rendering means; if
        # some odd formatting defeated it, the edited blocks are written as
        # ruamel renders them, and failing that the whole file is.
        attempts: tuple[Callable[[], str | None], ...] = (
            lambda: self._splice_blocks(body, after, True),
            lambda: self._splice_blocks(body, after, False),
            lambda: "".join(splice_lines(split_lines(body), split_lines(self._before), split_lines(after))))
        for attempt in attempts:
            spliced = attempt()
            if spliced is not None and parse_yaml(spliced, self.file).content == wanted:
                break
        else:
            spliced = after
        return line_endings(self._original, spliced)

    def _splice_blocks(self, body: str, after: str, splice: bool) -> str | None:
        """The original with only the edited blocks replaced: spliced line by line
        or, with ``splice`` false, as ruamel renders them. A new block goes after
        the block above it, which hands it its trailing comments and blank lines
        (ruamel keeps them on the block above), so the two are spliced together.
        None when the file has no list of blocks to work on (`activities: []`)."""
        original, before, rendered = (block_spans(text) for text in (body, self._before, after))
        if original is None or before is None or rendered is None:
            return None
        count = len(original.starts)
        if count == 0 or len(before.starts) != count or len(rendered.starts) != len(self._origins):
            return None
        lines, before_lines, after_lines = split_lines(body), split_lines(self._before), split_lines(after)
        # Units: an original block with the new blocks right after it; new blocks before any original block.
        units: list[tuple[int | None, list[int]]] = []
        for position, origin in enumerate(self._origins):
            if origin is None and units:
                units[-1][1].append(position)
            else:
                units.append((origin, [position]))
        result = lines[: original.starts[0]]
        for origin, positions in units:
            new = after_lines[rendered.starts[positions[0]]: rendered.end(positions[-1])]
            if origin is None:
                result += new
                continue
            old = lines[original.starts[origin]: original.end(origin)]
            if origin not in self._edited and len(positions) == 1:
                result += old
            elif splice:
                result += splice_lines(old, before_lines[before.starts[origin]: before.end(origin)], new)
            else:
                result += new
        result += lines[original.end(count - 1):]
        return "".join(result)

    def data(self) -> bytes:
        """The new file's bytes; a byte-order mark the file had is kept."""
        return (_BOM if self._bom else b"") + self.text().encode("utf-8")

    def unchanged_on_disk(self, path: str | Path) -> bool:
        """Whether the file still holds what was read (nobody saved it meanwhile)."""
        return self._read_bytes is None or Path(path).read_bytes() == self._read_bytes

    def project(self) -> Project:
        """The edited plan merged with its handbook exactly as `load_project`
        does; raises the same located errors. Check this (and its dependency
        cycles, as `navplan validate` does) before saving."""
        from navplan.plan.loading import validate
        from navplan.plan.plan_model import Plan
        from navplan.plan.project import build_project

        document = parse_yaml(self.text(), self.file)
        return build_project(validate(Plan, document), document)

    def save(self, path: str | Path) -> None:
        """Write the file atomically, unless someone saved it since it was read.

        The plan's lock is held from the check to the rename (and by the
        commands from before they read it: :mod:`navplan.io.plan_lock`), so
        no other navplan can slip a write in between.
        """
        from navplan.io.atomic_write import write_atomic
        from navplan.io.plan_lock import plan_lock

        with plan_lock(path):
            if not self.unchanged_on_disk(path):
                raise NavplanError("edit.changed_meanwhile", file=path)
            write_atomic(Path(path), self.data(), force=True)

    def _render(self) -> str:
        stream = io.StringIO()
        self._yaml.dump(self._data, stream)
        return stream.getvalue()

    def _activities(self) -> CommentedSeq:
        blocks = self._data.get("activities")
        if isinstance(blocks, CommentedSeq):
            if not blocks:
                blocks.fa.set_block_style()  # `activities: []`, as `navplan init` writes it
            return blocks
        if blocks is not None:
            raise NavplanError("error.edit.activities_not_list", file=self.file, field="activities")
        self._data["activities"] = blocks = CommentedSeq()
        return blocks

    def _insert_block(self, blocks: CommentedSeq, block: CommentedMap, activity_id: str) -> None:
        """Right after the nearest block that comes before it in the outline;
        else before the first block after it; else at the end."""
        position = len(blocks)
        mine = self._outline.get(activity_id)
        if mine is not None:
            placed = [(self._outline[i], index) for index, i in enumerate(self._ids) if i in self._outline]
            earlier = [p for p in placed if p[0] < mine]
            later = [p for p in placed if p[0] > mine]
            if earlier:
                position = max(earlier)[1] + 1
            elif later:
                position = min(later)[1]
        if position > 0:
            # The lines between the previous block and the next stay before the
            # next; blank lines that separate blocks separate the new one too.
            previous = _last(blocks[position - 1])
            rest = _take_trailing(previous, self._offset)
            _put_trailing(previous, rest[: len(rest) - len(rest.lstrip("\n"))])
            _put_trailing(_last(block), rest)
        blocks.insert(position, block)
        self._ids.insert(position, activity_id)
        self._origins.insert(position, None)


def _yaml_value(name: str, value: Any, old: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, DurationRange):
        written = value.as_plan_value()
        return written if isinstance(written, str) else _yaml_value(name, written, None)
    if isinstance(value, (dt.date, bool, int, Duration)):
        return str(value) if isinstance(value, Duration) else value
    if isinstance(value, str):
        if name in _DATE_KEYS:
            return parse_date(value)
        if isinstance(old, ScalarString):
            return type(old)(value)  # keep the quoting the user chose
        if name in ("status", "duration", "remaining") or (
                old is not None and not isinstance(old, ScalarString)):
            return value
        return DoubleQuotedScalarString(value)
    if isinstance(value, (list, tuple)):
        return CommentedSeq(_yaml_value(name, item, None) for item in value)
    if isinstance(value, Mapping):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _yaml_value(key, item, None)
        return mapping
    raise TypeError(f"cannot write {value!r} to a plan file")


def _same(name: str, old: Any, new: Any) -> bool:
    """Whether the file's value already says ``new`` (`01.03.2019` is 2019-03-01)."""
    def meaning(value: Any) -> Any:
        if name in _DATE_KEYS and value is not None:
            return parse_date(value if isinstance(value, dt.date) else str(value))
        if name == "status" and value is not None:
            return Status(getattr(value, "value", value))
        if name in ("duration", "remaining") and value is not None:
            return parse_duration_or_range(
                value if isinstance(value, (Mapping, Duration, DurationRange)) else str(value))
        return value if value is None or isinstance(value, (bool, list, dict)) else str(value)

    try:
        same: bool = meaning(old) == meaning(new)
        return same
    except ValueError:
        return False


# ruamel keeps the comment lines and blank lines that follow a value on that
# value (the deepest last one, when the value is a list or mapping). When a
# key or block is added or removed, those lines must stay with the neighbour
# they lead into.

Holder = tuple[Any, Any]  # a container and the key (or index) of one of its values


def _last(node: Any) -> Holder | None:
    """Where the lines after ``node`` are kept: its deepest last value."""
    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        return _last(node[key]) or (node, key)
    if isinstance(node, CommentedSeq) and node:
        return _last(node[-1]) or (node, len(node) - 1)
    return None


def _of_key(block: CommentedMap, key: str) -> Holder:
    return _last(block[key]) or (block, key)


def _slot(container: Any) -> int:
    return 2 if isinstance(container, CommentedMap) else 0


def _take_trailing(holder: Holder | None, column: int) -> str:
    """Remove and return the lines after the held value's own line, from the
    first blank line or line indented to ``column`` or less: comments
    indented deeper belong to the value above them and stay."""
    if holder is None:
        return ""
    container, key = holder
    entry = container.ca.items.get(key)
    token = entry[_slot(container)] if entry else None
    if token is None:
        return ""
    own_line, _, rest = token.value.partition("\n")
    lines = rest.splitlines(keepends=True)
    split = next((i for i, line in enumerate(lines)
                  if not line.strip() or len(line) - len(line.lstrip(" ")) <= column), len(lines))
    kept = own_line + "\n" + "".join(lines[:split])
    if kept.strip():
        token.value = kept
    else:
        entry[_slot(container)] = None
    return "".join(lines[split:])


def _put_trailing(holder: Holder | None, rest: str) -> None:
    """Add ``rest`` after the held value's own line (and any lines already there)."""
    if not rest or holder is None:
        return
    container, key = holder
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    token = entry[_slot(container)]
    if token is None:
        entry[_slot(container)] = CommentToken("\n" + rest, CommentMark(0), None)
    else:
        token.value = token.value + ("" if token.value.endswith("\n") else "\n") + rest


def _insert_key(block: CommentedMap, name: str, value: Any, column: int) -> None:
    """In canonical order: before the first key that the canonical order puts after it."""
    rank = ACTIVITY_KEYS.index(name)
    keys = list(block)
    position = next((i for i, key in enumerate(keys) if key in ACTIVITY_KEYS and ACTIVITY_KEYS.index(key) > rank),
                    len(keys))
    rest = _take_trailing(_of_key(block, keys[position - 1]), column)
    block.insert(position, name, value)
    _put_trailing(_of_key(block, name), rest)


def _remove_key(block: CommentedMap, name: str, column: int) -> None:
    keys = list(block)
    position = keys.index(name)
    if position == 0:
        raise ValueError("the id of a block cannot be removed")
    rest = _take_trailing(_of_key(block, name), column)
    block.ca.items.pop(name, None)
    del block[name]
    _put_trailing(_of_key(block, keys[position - 1]), rest)
