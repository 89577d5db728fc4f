"""The plan's dependencies as MS Project can hold them.

navplan keeps a dropped activity in its network as a zero-length
pass-through, so the order it imposed between its neighbours survives (with
the lags of the links into and out of it: only its work is gone). An MSPDI
file has no such task, so every order that runs through a dropped activity
is drawn as a link between the live activities on either side: along the
plan's own links, and along the implicit ones too (a step leads to its
summary's finish, and so to whatever follows the summary). The lags add up,
and the link's type joins the end of the live predecessor with the end of
the successor.

MS Project holds one link between two tasks and no finish-to-finish link
into a summary task. A second link between the same two tasks is carried by
a helper milestone of zero duration (predecessor → helper → successor),
which schedules exactly as the link would; a finish-to-finish link into a
summary binds each of the summary's tasks, as it does in navplan.
"""

from __future__ import annotations

from dataclasses import dataclass

from navplan.engine.dependency_graph import Node, SummaryPoint, activity_id, network_edges
from navplan.plan.project import Project
from navplan.plan.values import LinkType

#: The link type from (the predecessor's end, the successor's end).
_TYPES = {("finish", "start"): "FS", ("start", "start"): "SS", ("finish", "finish"): "FF", ("start", "finish"): "SF"}
_ENDS = {value: key for key, value in _TYPES.items()}
#: (weaker, stronger) link types between the same two tasks: with a lag at least as large, the stronger implies it.
_DOMINATED = (("SS", "FS"), ("FF", "FS"), ("SF", "FS"), ("SF", "SS"), ("SF", "FF"))


@dataclass(frozen=True)
class TaskLink:
    """One predecessor link of an MSPDI task: predecessor id, type, lag in working days."""

    pred: str
    type: str  # "FS", "SS", "FF" or "SF" (SF only where a dropped activity joined a SS and a FF link)
    lag: int


@dataclass(frozen=True)
class HelperMilestone:
    """A zero-length task that carries a second link between two tasks:
    pred →(FS or SS, lag) helper →(FS or FF) succ, the link's own ends."""

    id: str
    pred: str
    succ: str
    link: TaskLink  # from pred into the helper
    onward: str  # "FS" when the link bound the successor's start, "FF" when its finish


@dataclass
class MspdiLinks:
    """Each live activity's predecessor links, and the helper milestones the file needs."""

    links: dict[str, list[TaskLink]]
    helpers: list[HelperMilestone]


def task_links(project: Project) -> MspdiLinks:
    """Every live activity's links as MS Project holds them."""
    activities = project.activities
    edges = network_edges(project)
    preds_of: dict[Node, list[tuple[Node, LinkType, int]]] = {}
    succs_of: dict[Node, list[tuple[Node, LinkType, int]]] = {}
    for (pred, succ), links in edges.items():
        for link_type, lag in links:
            preds_of.setdefault(succ, []).append((pred, link_type, lag))
            succs_of.setdefault(pred, []).append((succ, link_type, lag))

    wanted: dict[str, dict[str, set[tuple[str, int]]]] = {a.id: {} for a in project.active()}

    def want(pred_id: str, succ_id: str, link_type: str, lag: int) -> None:
        if pred_id != succ_id:
            for successor in _successors(project, succ_id, link_type):
                wanted[successor].setdefault(pred_id, set()).add((link_type, lag))

    # The plan's own links between live activities.
    for activity in project.active():
        for link in activity.links:
            if not activities[link.id].dropped:
                source_end = "start" if link.type is LinkType.SS else "finish"
                target_end = "start" if link.type in (LinkType.FS, LinkType.SS) else "finish"
                want(link.id, activity.id, _TYPES[(source_end, target_end)], link.lag.working_days)
    # Every order that runs through a dropped activity, implicit links included.
    for node in edges_nodes(edges):
        if not _dropped(project, node):
            continue
        for pred_id, pred_end, before in _live_ends(project, preds_of, node, backward=True):
            for succ_id, succ_end, after in _live_ends(project, succs_of, node, backward=False):
                want(pred_id, succ_id, _TYPES[(pred_end, succ_end)], before + after)
    return _one_per_pair(project, wanted)


def edges_nodes(edges) -> list[Node]:
    seen: dict[Node, None] = {}
    for pred, succ in edges:
        seen.setdefault(pred)
        seen.setdefault(succ)
    return list(seen)


def _dropped(project: Project, node: Node) -> bool:
    return project.activities[activity_id(node)].dropped


def _live_ends(project: Project, neighbours, start: Node, *, backward: bool) -> list[tuple[str, str, int]]:
    """From the dropped node ``start``, the live activities reached along the
    edges (backward: predecessors; forward: successors), walking through
    dropped nodes and through the points of live summaries that only pass a
    constraint on; with the end of each that is bound and the largest lag."""
    best: dict[Node, int] = {}
    found: dict[tuple[str, str], int] = {}
    stack = [(start, 0)]
    while stack:
        node, acc = stack.pop()
        if best.get(node, acc - 1) >= acc:
            continue  # already walked with a lag at least this large
        best[node] = acc
        for other, link_type, lag in neighbours.get(node, []):
            total = acc + lag
            end = _live_end(project, other, link_type, backward)
            if end is None:
                stack.append((other, total))
            elif end != "skip" and found.get(end, total - 1) < total:
                found[end] = total
    return [(live_id, live_end, total) for (live_id, live_end), total in found.items()]


def _live_end(project: Project, node: Node, link_type: LinkType, backward: bool):
    """The live activity and end ``node`` stands for; None to walk through it;
    "skip" for the opening (the file's finish, which every task leads to anyway)."""
    if node == project.opening_id:
        return "skip"
    if _dropped(project, node):
        return None
    if isinstance(node, SummaryPoint):
        if backward:
            # A summary's start point passes on its own predecessors; its first
            # and finish points are its start and its finish.
            return None if node.kind == "start" else (node.summary, "start" if node.kind == "first" else "finish")
        # Forward: a live summary's finish passes the constraint on to what follows
        # the summary; its start is the summary's own start, which MS Project binds.
        return None if node.kind == "finish" else (node.summary, "start")
    if backward:
        return node, "start" if link_type is LinkType.SS else "finish"
    return node, "finish" if link_type is LinkType.FF else "start"


def _successors(project: Project, activity_id_: str, link_type: str) -> list[str]:
    """MS Project accepts no link that ends at a summary's finish; such a link
    binds each of the summary's live tasks and milestones, as in navplan."""
    activity = project.activities[activity_id_]
    if not activity.is_summary or link_type in ("FS", "SS"):
        return [activity_id_]
    leaves: list[str] = []
    for child in activity.children:
        if not project.activities[child].dropped:
            leaves += _successors(project, child, link_type)
    return leaves


def _one_per_pair(project: Project, wanted: dict[str, dict[str, set[tuple[str, int]]]]) -> MspdiLinks:
    """Per pair the largest lag of each type; the first type the file holds as a
    link, every other through a helper milestone."""
    links: dict[str, list[TaskLink]] = {}
    helpers: list[HelperMilestone] = []
    order = ("FS", "SS", "FF", "SF")
    for succ_id, by_pred in wanted.items():
        links[succ_id] = []
        for pred_id, kinds in by_pred.items():
            largest: dict[str, int] = {}
            for link_type, lag in kinds:
                largest[link_type] = max(lag, largest.get(link_type, lag))
            for weaker, stronger in _DOMINATED:
                # A finish is never before its start: the stronger link with at least the lag implies the weaker.
                if weaker in largest and largest.get(stronger, -1 << 30) >= largest[weaker]:
                    del largest[weaker]
            types = sorted(largest, key=order.index)
            links[succ_id].append(TaskLink(pred_id, types[0], largest[types[0]]))
            for extra in types[1:]:
                _pred_end, succ_end = _ENDS[extra]
                helpers.append(HelperMilestone(
                    id=f"{pred_id}→{succ_id}:{extra}", pred=pred_id, succ=succ_id,
                    link=TaskLink(pred_id, extra[0] + "S", largest[extra]),
                    onward="FS" if succ_end == "start" else "FF"))
    return MspdiLinks(links, helpers)
