"""YAML read as an editor reads it: YAML 1.2's core schema, as the YAML language
server behind VS Code's and other editors' schema checks does. ``1`` is a
number, ``true`` a boolean, ``2.1`` a number, ``2020-01-01`` and ``NO`` are
strings (YAML 1.1, PyYAML's default, would read a date and false)."""

from __future__ import annotations

import math
import re

import yaml


class EditorLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's plain scalars."""


EditorLoader.yaml_implicit_resolvers = {}
_CORE = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]
for tag, pattern, first in _CORE:
    EditorLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def _int(loader: EditorLoader, node: yaml.Node) -> int:
    text = loader.construct_scalar(node)
    if text.startswith("0x"):
        return int(text[2:], 16)
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 10)


def _float(loader: EditorLoader, node: yaml.Node) -> float:
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    return math.nan if text == ".nan" else float(text)


EditorLoader.add_constructor("tag:yaml.org,2002:int", _int)
EditorLoader.add_constructor("tag:yaml.org,2002:float", _float)
EditorLoader.add_constructor("tag:yaml.org,2002:bool",
                             lambda loader, node: loader.construct_scalar(node).lower() == "true")
# No timestamps in YAML 1.2: a date stays the text written (an explicit !!timestamp tag too).
EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def load(text: str):
    """The document as an editor sees it; yaml.YAMLError when it is not YAML."""
    return yaml.load(text, Loader=EditorLoader)
