"""A plan's network order, as networkx found it, kept in a cache file.

networkx orders the network (its topological sort), but importing it costs a
scheduling command more than everything else it does with a plan (about
0.08 s of some 0.3 s). The order networkx gives depends only on the nodes and
links it is handed, in their order, and on its version; so it is kept per plan
file, in ``network-<hash of the plan's path>.json`` in the user's cache folder
(:mod:`navplan.io.cache_files`), with a hash of exactly those. A run that hands
networkx the same nodes and links reads the order back and never imports
networkx; a changed plan (a link, an activity, a dropped step), another
networkx version or another format of this file computes the order afresh and
writes it over the old one, so there is at most one file per plan.

The file is read defensively: the order must be every node once, with every
link running forward, or it is not used.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import TYPE_CHECKING

from navplan.io.cache_files import installed_version, read_cache, write_cache

if TYPE_CHECKING:
    from navplan.engine.dependency_graph import Edges, Node

#: Bumped when what is stored changes: older files are then ignored.
CACHE_FORMAT = 1
#: Far larger than the order of any plan the calendar can hold.
MAX_CACHE_BYTES = 4_000_000


def cached_order(file: str | None, nodes: list[Node], edges: Edges) -> list[Node] | None:
    """The order networkx gave for exactly these nodes and links, or None when it is not cached."""
    name, key = _name_and_key(file, nodes, edges)
    data = None if name is None else read_cache(name, MAX_CACHE_BYTES)
    if data is None:
        return None
    try:
        content = json.loads(data.decode("utf-8"))
        if not isinstance(content, dict) or content.get("format") != CACHE_FORMAT or content.get("key") != key:
            return None
        rows = content["order"]
        if not isinstance(rows, list) or any(type(row) is not int for row in rows) \
                or sorted(rows) != list(range(len(nodes))):
            return None  # not every node exactly once
    except (UnicodeDecodeError, ValueError, TypeError, KeyError):
        return None
    place = [0] * len(nodes)
    for at, row in enumerate(rows):
        place[row] = at
    index = {node: row for row, node in enumerate(nodes)}
    if any(place[index[pred]] >= place[index[succ]] for pred, succ in edges):
        return None  # a link running backwards: not an order of this network
    return [nodes[row] for row in rows]


def keep_order(file: str | None, nodes: list[Node], edges: Edges, order: list[Node]) -> None:
    """Keep the order networkx gave for these nodes and links (nothing when there is no file or cache)."""
    name, key = _name_and_key(file, nodes, edges)
    if name is None:
        return
    index = {node: row for row, node in enumerate(nodes)}
    content = {"format": CACHE_FORMAT, "key": key, "order": [index[node] for node in order]}
    write_cache(name, json.dumps(content, separators=(",", ":")).encode("utf-8"))


def _name_and_key(file: str | None, nodes: list[Node], edges: Edges) -> tuple[str | None, str]:
    """The plan's cache file name (None without a plan file or a known networkx version), and
    the hash of what networkx is handed: its version, the nodes and the links, in order."""
    version = installed_version("networkx")
    if file is None or version is None:
        return None, ""
    index = {node: row for row, node in enumerate(nodes)}
    handed = [CACHE_FORMAT, version, [node if isinstance(node, str) else list(node) for node in nodes],
              [[index[pred], index[succ]] for pred, succ in edges]]
    key = hashlib.sha256(json.dumps(handed, ensure_ascii=False, separators=(",", ":")).encode("utf-8")).hexdigest()
    where = hashlib.sha256(os.path.realpath(file).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"network-{where}.json", key
