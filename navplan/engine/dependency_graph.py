"""The dependency graph of a project, as plain edges: networkx builds its
graph from them for scheduling, and the standard library's graphlib checks
them for cycles without importing networkx."""

from __future__ import annotations

from navplan.errors import NavplanError
from navplan.plan.values import LinkType
from navplan.plan.project import Node, Project


def network_nodes(project: Project) -> list[Node]:
    """Graph nodes: each task and milestone; per summary a start node (what its
    children wait for), a first node (its earliest child start) and a finish node."""
    nodes: list[Node] = []
    for activity in project.activities.values():
        if activity.is_summary:
            nodes += [("start", activity.id), ("first", activity.id), ("finish", activity.id)]
        else:
            nodes.append(activity.id)
    return nodes


def network_edges(project: Project) -> dict[tuple[Node, Node], list[tuple[LinkType, int]]]:
    """The activity-on-node edges with their link types and lags in working days.

    A summary's start node leads to each child's start (SS) and each child's
    finish leads to the summary's finish node (FF), so a link to or from a
    summary binds all of its children. Every task, milestone and summary
    finish leads to the opening milestone.
    """
    activities = project.activities
    edges: dict[tuple[Node, Node], list[tuple[LinkType, int]]] = {}

    def entry(activity_id: str) -> Node:
        return ("start", activity_id) if activities[activity_id].is_summary else activity_id

    def exit_(activity_id: str) -> Node:
        return ("finish", activity_id) if activities[activity_id].is_summary else activity_id

    def add(pred: Node, succ: Node, link_type: LinkType, lag: int) -> None:
        edges.setdefault((pred, succ), []).append((link_type, lag))

    def children_ends(activity_id: str) -> list[Node]:
        """The finishing nodes of a summary's children (or the activity itself)."""
        if not activities[activity_id].is_summary:
            return [activity_id]
        return [node for child in activities[activity_id].children for node in children_ends(child)]

    for activity in activities.values():
        if activity.is_summary:
            for child in activity.children:
                add(("start", activity.id), entry(child), LinkType.SS, 0)
                add(exit_(child), ("finish", activity.id), LinkType.FF, 0)
                add(entry(child), ("first", activity.id), LinkType.SS, 0)
    for activity in activities.values():
        for link in activity.links:
            lag = link.lag.working_days
            if link.type is LinkType.FF and activity.is_summary:
                # Finish-to-finish into a summary: none of its work finishes earlier.
                for end in children_ends(activity.id):
                    add(exit_(link.id), end, LinkType.FF, lag)
                continue
            # Start-to-start from a summary counts from its first child's start.
            pred = ("first", link.id) if link.type is LinkType.SS and activities[link.id].is_summary else exit_(link.id)
            add(pred, entry(activity.id), link.type, lag)
    # All work is over before the opening, also work whose only successors are
    # linked start-to-start; for the rest these links are implied anyway.
    for node in network_nodes(project):
        if node != project.opening_id and not (isinstance(node, tuple) and node[0] in ("start", "first")):
            add(node, project.opening_id, LinkType.FS, 0)
    return edges


def check_cycles(project: Project) -> None:
    """Raise a NavplanError naming a dependency cycle, if there is one.

    Uses the standard library's graphlib so that `navplan validate` need not
    import networkx.
    """
    import graphlib

    predecessors: dict[Node, set[Node]] = {node: set() for node in network_nodes(project)}
    for pred, succ in network_edges(project):
        predecessors.setdefault(succ, set()).add(pred)
    try:
        graphlib.TopologicalSorter(predecessors).prepare()
    except graphlib.CycleError as error:
        raise cycle_error(project, list(error.args[1])) from None


def cycle_error(project: Project, cycle: list[Node]) -> NavplanError:
    """Name the activities of a dependency cycle in dependency order, starting
    from the one the plan file changes (so the message can give its line)."""
    names: list[str] = []
    for node in cycle:
        name = node[1] if isinstance(node, tuple) else node
        if not names or names[-1] != name:
            names.append(name)
    while len(names) > 1 and names[0] == names[-1]:
        names.pop()
    outline = list(project.activities)
    in_plan = [name for name in names if name in project.block_lines]
    first = min(in_plan, key=lambda n: project.block_lines[n]) if in_plan else min(names, key=outline.index)
    start = names.index(first)
    names = names[start:] + names[:start]
    path = " → ".join([*names, names[0]])
    return NavplanError(
        "error.plan.cycle", file=project.file, line=project.block_lines.get(first),
        field=f"activities[{first}].after" if first in project.block_lines else "after", hint="hint.cycle", path=path,
    )
