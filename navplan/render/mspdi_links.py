"""The plan's dependencies as MS Project can hold them.

navplan keeps a dropped activity in its network as a zero-length
pass-through, so the order it imposed between its neighbours survives. An
MSPDI file has no such task, so a link from a dropped activity is bridged to
the live activities behind it: their lags add up, and the link's type joins
the end of the live predecessor with the end of the successor. MS Project
also holds only one link between two tasks, and no finish-to-finish link
into a summary task; navplan binds all of such a summary's work instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from navplan.engine.dependency_graph import network_edges
from navplan.plan.values import LinkType
from navplan.plan.project import Node, Project

#: The link type from (the predecessor's end, the successor's end).
_TYPES = {("finish", "start"): "FS", ("start", "start"): "SS", ("finish", "finish"): "FF", ("start", "finish"): "SF"}


@dataclass(frozen=True)
class TaskLink:
    """One predecessor link of an MSPDI task: predecessor id, type, lag in working days."""

    pred: str
    type: str  # "FS", "SS", "FF" or "SF" (SF only where a dropped activity joined a SS and a FF link)
    lag: int


def task_links(project: Project) -> dict[str, list[TaskLink]]:
    """Each live activity's predecessor links, in the order the plan gives them."""
    activities = project.activities
    preds_of: dict[Node, list[tuple[Node, LinkType, int]]] = {}
    for (pred, succ), links in network_edges(project).items():
        preds_of.setdefault(succ, []).extend((pred, link_type, lag) for link_type, lag in links)

    result: dict[str, dict[str, TaskLink]] = {a.id: {} for a in project.active()}
    for activity in project.active():
        for link in activity.links:
            target_end = "start" if link.type in (LinkType.FS, LinkType.SS) else "finish"
            lag = link.lag.working_days
            pred = activities[link.id]
            if not pred.dropped:
                source_end = "start" if link.type is LinkType.SS else "finish"
                found = [(pred.id, source_end, lag)]
            else:
                node = ("first", pred.id) if link.type is LinkType.SS and pred.is_summary else (
                    ("finish", pred.id) if pred.is_summary else pred.id)
                found = _bridge(project, preds_of, node, lag)
            for pred_id, source_end, total in found:
                link_type = _TYPES[(source_end, target_end)]
                for successor in _successors(project, activity.id, link_type):
                    _add(result[successor], TaskLink(pred_id, link_type, total))
    return {activity_id: list(links.values()) for activity_id, links in result.items()}


def _bridge(project: Project, preds_of, start: Node, lag: int) -> list[tuple[str, str, int]]:
    """The live activities that bound the zero-length node ``start``, with the
    end of each that binds and the lag added up along the way (the largest,
    where several paths lead to the same end)."""
    best: dict[Node, int] = {}
    found: dict[tuple[str, str], int] = {}
    stack = [(start, lag)]
    while stack:
        node, acc = stack.pop()
        if best.get(node, acc - 1) >= acc:
            continue  # already walked with a lag at least this large
        best[node] = acc
        for pred, link_type, link_lag in preds_of.get(node, []):
            total = acc + link_lag
            terminal = _terminal(project, pred, link_type)
            if terminal is None:
                stack.append((pred, total))
            elif found.get(terminal, total - 1) < total:
                found[terminal] = total
    return [(pred_id, end, total) for (pred_id, end), total in found.items()]


def _terminal(project: Project, node: Node, link_type: LinkType) -> tuple[str, str] | None:
    """The live activity and its end that ``node`` stands for, or None for a
    zero-length point to walk through: a dropped activity's node, or the start
    node of a summary (which only passes on its own predecessors)."""
    activity_id = node[1] if isinstance(node, tuple) else node
    if project.activities[activity_id].dropped:
        return None
    if isinstance(node, tuple):
        kind = node[0]
        if kind == "start":
            return None
        return activity_id, "start" if kind == "first" else "finish"
    return activity_id, "start" if link_type is LinkType.SS else "finish"


def _successors(project: Project, activity_id: str, link_type: str) -> list[str]:
    """MS Project accepts no link that ends at a summary's finish; such a link
    binds each of the summary's live tasks and milestones, as in navplan."""
    activity = project.activities[activity_id]
    if not activity.is_summary or link_type in ("FS", "SS"):
        return [activity_id]
    leaves: list[str] = []
    for child in activity.children:
        if not project.activities[child].dropped:
            leaves += _successors(project, child, link_type)
    return leaves


def _add(links: dict[str, TaskLink], link: TaskLink) -> None:
    """One link per predecessor: the first type the plan gives, with the
    largest lag given for that type."""
    known = links.get(link.pred)
    if known is None:
        links[link.pred] = link
    elif known.type == link.type and link.lag > known.lag:
        links[link.pred] = link
