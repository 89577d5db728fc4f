"""Safe YAML reading that remembers the line of every value.

PyYAML follows YAML 1.1, where ``NO`` reads as false, ``012`` as 10 and
``2.10`` as the float 2.1. Plan files hold ids, dates and names, so plain
scalars are kept as the text the user wrote (``null``/``~``/empty become
None) and pydantic converts them to the type each field declares. Only the
node tree is composed by PyYAML (the C parser when available), so no tag can
construct a Python object.
"""

from __future__ import annotations

import errno
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from navplan.errors import NavplanError, os_reason

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = {"", "~", "null", "Null", "NULL"}
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:value",
}
#: More values than any plan needs; stops alias bombs ("billion laughs").
MAX_VALUES = 200_000
MAX_FILE_BYTES = 5_000_000
#: A plan nests four or five levels; deeper input would exhaust Python's stack.
MAX_DEPTH = 50
#: A plan has some sixty activities, a county's largest a few hundred; the benchmark's largest
#: network 5,000. More is a generated file gone wrong, refused by its count before it costs more.
MAX_ACTIVITIES = 10_000

Path_ = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """Plain Python values plus the 1-based line of each path in the file."""

    content: Any
    file: str
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest enclosing value."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def read_text(path: Path) -> str:
    """Read a UTF-8 file (a BOM is allowed) or say plainly why not."""
    try:
        info = path.stat()
    except OSError as exc:
        if path.is_symlink():
            raise NavplanError("error.dangling_symlink", file=path) from None
        if exc.errno == errno.ENOENT:
            raise NavplanError("error.file_not_found", file=path, hint="hint.check_path_or_init") from None
        raise NavplanError("error.cannot_read", file=path, reason=os_reason(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise NavplanError("error.is_folder_not_plan", file=path, hint="hint.name_plan_inside")
    if not stat.S_ISREG(info.st_mode):
        # Reading a pipe or a device could wait for ever or never end.
        raise NavplanError("error.not_regular_file", file=path)
    too_large = NavplanError("error.file_too_large", file=path, mb=MAX_FILE_BYTES // 1_000_000)
    if info.st_size > MAX_FILE_BYTES:
        raise too_large
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat
    except OSError as exc:
        raise NavplanError("error.cannot_read", file=path, reason=os_reason(exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise too_large
    if raw.startswith(b"PK\x03\x04"):  # a zip archive: an .xlsx or .ods, most likely navplan's own export
        raise NavplanError("error.file.is_workbook", file=path, hint="hint.file.is_workbook")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise NavplanError("error.not_utf8", file=path, line=line, hint="hint.save_utf8") from None


def parse_yaml(text: str, file: str | Path) -> YamlDocument:
    """Compose ``text`` safely and convert it to plain values with line marks.

    >>> doc = parse_yaml("id: 2.10\\nflag: NO\\n", "x.yaml")
    >>> doc.content, doc.lines[("flag",)]
    ({'id': '2.10', 'flag': 'NO'}, 2)
    """
    file = str(file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a null byte
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise NavplanError("error.yaml.character", file=file, line=line, hint="hint.yaml.character",
                           code=f"{code:04X}") from None
    except (yaml.YAMLError, RecursionError) as exc:  # the pure-Python composer recurses once per level
        raise syntax_error(text, file, exc) from None
    document = YamlDocument(content=None, file=file)
    if node is None:
        return document
    _check_activity_count(node, file)
    document.content = _convert(node, (), document, _Walk())
    return document


def _check_activity_count(node: yaml.Node, file: str) -> None:
    """More activities than any plan has are refused as that, at the first one too many, before
    the values are counted (where they would look like an alias bomb)."""
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        if (isinstance(key_node, yaml.ScalarNode) and key_node.value == "activities"
                and isinstance(value_node, yaml.SequenceNode) and len(value_node.value) > MAX_ACTIVITIES):
            raise NavplanError("error.plan.too_many_activities", file=file, field="activities",
                               line=value_node.value[MAX_ACTIVITIES].start_mark.line + 1,
                               count=len(value_node.value), limit=MAX_ACTIVITIES)


@dataclass
class _Walk:
    """Where a conversion is: values counted, the collections being converted (an alias
    to one of them is a loop), those converted (met again: through an alias)."""

    count: int = 0
    active: set[int] = field(default_factory=set)
    converted: set[int] = field(default_factory=set)
    aliased: bool = False


def _convert(node: yaml.Node, path: Path_, document: YamlDocument, walk: _Walk) -> Any:
    walk.count += 1
    line = node.start_mark.line + 1
    if len(path) > MAX_DEPTH:
        raise NavplanError("error.yaml.nesting", file=document.file, line=line, hint="hint.yaml.nesting",
                           depth=MAX_DEPTH)
    if walk.count > MAX_VALUES:
        # Aliases that expand ("billion laughs"), or simply a file far larger than any plan.
        raise NavplanError("error.yaml.too_many_values" if walk.aliased else "error.yaml.too_many_values_plain",
                           file=document.file, line=line, count=MAX_VALUES)
    document.lines.setdefault(path, line)
    if node.tag not in _ALLOWED_TAGS:
        raise NavplanError("error.yaml.tag", file=document.file, line=line, hint="hint.yaml.tag", tag=node.tag)
    if id(node) in walk.active:
        raise NavplanError("error.yaml.alias_loop", file=document.file, line=line)
    if isinstance(node, yaml.ScalarNode):
        # libyaml marks plain scalars with style "", the pure-Python parser with None.
        if not node.style and node.value in _NULLS:
            return None
        return node.value
    walk.aliased = walk.aliased or id(node) in walk.converted
    walk.converted.add(id(node))
    walk.active.add(id(node))
    try:
        if isinstance(node, yaml.SequenceNode):
            return [_convert(item, path + (i,), document, walk) for i, item in enumerate(node.value)]
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise NavplanError("error.yaml.complex_key", file=document.file, line=key_node.start_mark.line + 1)
            # språk with the å as a + combining ring (pasted from macOS) is the key navplan knows.
            key = unicodedata.normalize("NFC", key_node.value)
            if key == "<<":
                raise NavplanError("error.yaml.merge_key", file=document.file, line=key_node.start_mark.line + 1)
            if key_node.tag not in _ALLOWED_TAGS:  # never constructed, but refused like a value's tag
                raise NavplanError("error.yaml.tag", file=document.file, line=key_node.start_mark.line + 1,
                                   hint="hint.yaml.tag", tag=key_node.tag)
            if key in mapping:
                raise NavplanError("error.yaml.duplicate_key", file=document.file,
                                   line=key_node.start_mark.line + 1, field=key, key=key)
            # The key's line, not the value's: a block value starts on the next line.
            document.lines[path + (key,)] = key_node.start_mark.line + 1
            mapping[key] = _convert(value_node, path + (key,), document, walk)
        return mapping
    finally:
        walk.active.discard(id(node))


def syntax_error(text: str, file: str, exc: BaseException) -> NavplanError:
    """What a parser failure means, in navplan's words: classified by where it
    happened in the text and by the parser's structure, never by its message
    (which differs between libyaml and PyYAML's own parser, and between versions)."""
    too_deep = _first_line_too_deep(text)
    if too_deep is not None or isinstance(exc, RecursionError):
        return NavplanError("error.yaml.nesting", file=file, line=too_deep, hint="hint.yaml.nesting", depth=MAX_DEPTH)
    second = _second_document_line(text)
    if second is not None:
        return NavplanError("error.yaml.documents", file=file, line=second, hint="hint.yaml.documents")
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    lines = text.splitlines()

    def char_at(mark: yaml.Mark | None) -> str:
        if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
            return ""
        return str(lines[mark.line][mark.column])

    if problem is None:
        return NavplanError("error.yaml.structure", file=file, hint="hint.yaml.structure", column="?")
    line, column = problem.line + 1, problem.column + 1
    if char_at(problem) == "\t":
        return NavplanError("error.yaml.tab", file=file, line=line, hint="hint.yaml.tab", column=column)
    opened = char_at(context)
    if opened in ("'", '"') and context is not None:
        if problem.line < len(lines) and "\\" in lines[problem.line][max(0, problem.column - 2):problem.column + 1]:
            return NavplanError("error.yaml.bad_escape", file=file, line=line, hint="hint.yaml.bad_escape",
                                column=column)
        return NavplanError("error.yaml.unclosed_quote", file=file, line=context.line + 1, hint="hint.yaml.structure",
                            opened_line=context.line + 1)
    if opened in ("[", "{") and context is not None:
        return NavplanError("error.yaml.unclosed_bracket", file=file, line=line, hint="hint.yaml.structure",
                            bracket=opened, opened_line=context.line + 1)
    return NavplanError("error.yaml.structure", file=file, line=line, hint="hint.yaml.structure", column=column)


def _first_line_too_deep(text: str) -> int | None:
    """The line where collections first nest deeper than MAX_DEPTH, if they do.

    Only parser events are read (no recursion), stopping at the first error;
    a libyaml limit of its own, or the pure-Python composer's recursion, would
    otherwise answer first in words navplan does not choose.
    """
    depth = 0
    try:
        # PyYAML's own parser: libyaml scans far ahead and stops at a depth limit of its own first.
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH + 1 and event.start_mark:  # the top-level mapping is level 0
                    return event.start_mark.line + 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def _second_document_line(text: str) -> int | None:
    """The line where a second YAML document begins, if the stream holds one."""
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2 and event.start_mark:
                    return event.start_mark.line + 1
    except yaml.YAMLError:
        return None
    return None


def load_yaml_file(path: str | Path) -> YamlDocument:
    """Read and parse a YAML file; every failure is a :class:`NavplanError`."""
    path = Path(path)
    return parse_yaml(read_text(path), path)
