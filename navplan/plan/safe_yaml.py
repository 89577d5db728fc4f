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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from navplan.errors import NavplanError

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
            raise NavplanError("is a symbolic link that leads nowhere (a missing target, or a loop)",
                               file=path) from None
        if exc.errno == errno.ENOENT:
            raise NavplanError("file not found", file=path,
                               hint="check the path, or create a plan with `navplan init`") from None
        raise NavplanError(f"cannot be read: {exc.strerror}", file=path) from None
    if stat.S_ISDIR(info.st_mode):
        raise NavplanError("is a folder, not a plan file", file=path, hint="name the navplan.yaml inside it")
    if not stat.S_ISREG(info.st_mode):
        # Reading a pipe or a device could wait for ever or never end.
        raise NavplanError("is not a regular file (a pipe, socket or device?)", file=path)
    if info.st_size > MAX_FILE_BYTES:
        raise NavplanError(f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB; a plan file is a few kB", file=path)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat
    except OSError as exc:
        raise NavplanError(f"cannot be read: {exc.strerror}", file=path) from None
    if len(raw) > MAX_FILE_BYTES:
        raise NavplanError(f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB; a plan file is a few kB", file=path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise NavplanError(
            "is not UTF-8 text", file=path, line=line, hint="save the file as UTF-8"
        ) from None


def parse_yaml(text: str, file: str | Path) -> YamlDocument:
    """Compose ``text`` safely and convert it to plain values with line marks.

    >>> doc = parse_yaml("id: 2.10\\nflag: NO\\n", "x.yaml")
    >>> doc.content, doc.lines[("flag",)]
    ({'id': '2.10', 'flag': 'NO'}, 2)
    """
    file = str(file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "not valid YAML"
        raise NavplanError(
            f"not valid YAML: {problem}", file=file, line=line,
            hint="check indentation and quoting; tabs are not allowed for indentation",
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a null byte
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise NavplanError(f"not valid YAML: the character U+{code:04X} is not allowed ({exc.reason})",
                           file=file, line=line, hint="plan files hold text without control characters") from None
    except yaml.YAMLError as exc:
        raise NavplanError(f"not valid YAML: {' '.join(str(exc).split())}", file=file) from None
    except RecursionError:  # the pure-Python composer recurses once per level
        raise NavplanError(f"values are nested more than {MAX_DEPTH} levels deep", file=file) from None
    document = YamlDocument(content=None, file=file)
    if node is None:
        return document
    counter = [0]
    document.content = _convert(node, (), document, counter, set())
    return document


def _convert(node: yaml.Node, path: Path_, document: YamlDocument, counter: list[int], active: set[int]) -> Any:
    counter[0] += 1
    line = node.start_mark.line + 1
    if len(path) > MAX_DEPTH:
        raise NavplanError(
            f"values are nested more than {MAX_DEPTH} levels deep", file=document.file, line=line,
            hint="a plan needs only a few levels: keys, the activity list and each block",
        )
    if counter[0] > MAX_VALUES:
        raise NavplanError(
            f"more than {MAX_VALUES} values (aliases that expand without end?)", file=document.file, line=line
        )
    document.lines.setdefault(path, line)
    if node.tag not in _ALLOWED_TAGS:
        raise NavplanError(
            f"the tag {node.tag} is not allowed", file=document.file, line=line,
            hint="plan files hold plain text, numbers, lists and mappings",
        )
    if id(node) in active:
        raise NavplanError("an alias refers to itself", file=document.file, line=line)
    if isinstance(node, yaml.ScalarNode):
        # libyaml marks plain scalars with style "", the pure-Python parser with None.
        if not node.style and node.value in _NULLS:
            return None
        return node.value
    active.add(id(node))
    try:
        if isinstance(node, yaml.SequenceNode):
            return [_convert(item, path + (i,), document, counter, active) for i, item in enumerate(node.value)]
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise NavplanError("a key must be plain text", file=document.file, line=key_node.start_mark.line + 1)
            key = key_node.value
            if key == "<<":
                raise NavplanError("merge keys (<<) are not supported", file=document.file,
                                   line=key_node.start_mark.line + 1)
            if key_node.tag not in _ALLOWED_TAGS:  # never constructed, but refused like a value's tag
                raise NavplanError(f"the tag {key_node.tag} is not allowed", file=document.file,
                                   line=key_node.start_mark.line + 1)
            if key in mapping:
                raise NavplanError(
                    f"the key '{key}' appears twice in the same block", file=document.file,
                    line=key_node.start_mark.line + 1, field=key,
                )
            # The key's line, not the value's: a block value starts on the next line.
            document.lines[path + (key,)] = key_node.start_mark.line + 1
            mapping[key] = _convert(value_node, path + (key,), document, counter, active)
        return mapping
    finally:
        active.discard(id(node))


def load_yaml_file(path: str | Path) -> YamlDocument:
    """Read and parse a YAML file; every failure is a :class:`NavplanError`."""
    path = Path(path)
    return parse_yaml(read_text(path), path)
