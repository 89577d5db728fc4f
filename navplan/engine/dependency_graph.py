"""The network of a project, built once: its nodes in topological order, the
links into and out of each as plain arrays (predecessor, type, lag), its
durations, what leads to the opening and what comes after it.

Every task and milestone is a node. A summary (a main or sub-activity with
steps under it) has three points instead, :class:`SummaryPoint`: its *start*
(what all its steps wait for), its *first* start (the earliest of its steps'
starts, for start-to-start links from it) and its *finish* (when all its
steps are done). So a link to or from a summary binds all of its steps.

Work leads to the opening unless it comes after it: linked after the opening
(``after: ["opening"]``), dated after it (a fixed, not-before or not-after
date later than the opening), or after such work. networkx holds the graph
(its topological order; ancestors and descendants for whoever asks what an
activity holds up); the passes (:mod:`navplan.engine.critical_path_method`)
walk :class:`Network`'s arrays. A plan file's order, as networkx gave it, is
kept in a cache file so that the next run of the same plan need not import
networkx (:mod:`navplan.engine.order_cache`). The cycle check uses the standard library's
graphlib so that `navplan validate` need not import networkx.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from navplan.engine.working_days import MAX_WORKING_DAYS_PER_MONTH, BeyondCalendar, calendar_span
from navplan.errors import NavplanError
from navplan.plan.project import NetworkActivity, Project
from navplan.plan.values import LinkType

if TYPE_CHECKING:
    import networkx


class SummaryPoint(NamedTuple):
    """One of a summary's three points in the graph. A named tuple, not a frozen
    dataclass: a tuple hashes and compares in C, and networkx hashes nodes often."""

    kind: Literal["start", "first", "finish"]
    summary: str


Node = str | SummaryPoint  # an activity id (task or milestone), or a summary's point
Edges = dict[tuple[Node, Node], list[tuple[LinkType, int]]]

#: Link types as the arrays hold them.
FS, SS, FF = 0, 1, 2
LINK_CODES = {LinkType.FS: FS, LinkType.SS: SS, LinkType.FF: FF}
#: A link as the passes read it: (the other node's row, type code, lag in working days).
Link = tuple[int, int, int]


def activity_id(node: Node) -> str:
    """The activity a node belongs to."""
    return node.summary if isinstance(node, SummaryPoint) else node


class Network:
    """A project's network, built once (:func:`build_network`); every pass,
    deterministic or sampled, reads it.

    Rows are the nodes in topological order (every link runs from a lower row
    to a higher one). Per row: ``nodes`` (the node), ``activity`` (its live
    task or milestone; None for a summary's point and a dropped activity,
    which passes time through), ``amount`` and ``in_months`` (its duration as
    planned, the likely value: working days, or calendar months; a fixed
    milestone is a day's meeting), ``is_first`` (a summary's first start, the
    earliest of its steps' starts), ``after_opening``, ``links_in`` and
    ``links_out`` (lists of :data:`Link`). The same links as flat arrays, one
    entry per link: ``link_pred``, ``link_succ``, ``link_type``, ``link_lag``.
    ``opening`` is the opening's row; ``leads_to_opening`` the rows linked to
    it. ``graph`` is the networkx graph of the same nodes and links (built when asked for).
    """

    def __init__(self, project: Project, order: list[Node], edges: Edges, after_opening: set[Node],
                 graph: networkx.DiGraph[Node] | None, added: list[Node] | None = None) -> None:
        self.project = project
        self._graph = graph
        self._edges = edges
        self._added = order if added is None else added  # the nodes in the order the graph adds them
        self.nodes = order
        self.row = {node: row for row, node in enumerate(order)}
        activities = project.activities
        self.activity: list[NetworkActivity | None] = [
            None if isinstance(node, SummaryPoint) or activities[node].dropped else activities[node]
            for node in order]
        self.is_first = [isinstance(node, SummaryPoint) and node.kind == "first" for node in order]
        self.after_opening = [node in after_opening for node in order]
        self.opening = self.row[project.opening_id]
        self.amount: list[int] = []
        self.in_months: list[bool] = []
        for activity in self.activity:
            amount, in_months = planned_duration(activity)
            self.amount.append(amount)
            self.in_months.append(in_months)
        row = self.row
        self.links_in: list[list[Link]] = [[] for _ in order]
        self.links_out: list[list[Link]] = [[] for _ in order]
        self.link_pred: list[int] = []
        self.link_succ: list[int] = []
        self.link_type: list[int] = []
        self.link_lag: list[int] = []
        for (pred, succ), links in edges.items():
            p, s = row[pred], row[succ]
            for link_type, lag in links:
                code = LINK_CODES[link_type]
                self.links_in[s].append((p, code, lag))
                self.links_out[p].append((s, code, lag))
                self.link_pred.append(p)
                self.link_succ.append(s)
                self.link_type.append(code)
                self.link_lag.append(lag)

    def __len__(self) -> int:
        return len(self.nodes)

    @property
    def graph(self) -> networkx.DiGraph[Node]:
        """The networkx graph of the nodes and links, built when first asked for (an
        order read from the cache file needs none)."""
        if self._graph is None:
            self._graph = networkx_graph(self._added, self._edges)
        return self._graph

    @property
    def leads_to_opening(self) -> list[int]:
        """The rows linked to the opening: the work it waits for."""
        return [pred for pred, _type, _lag in self.links_in[self.opening]]

    def reach_lengths(self, amount: list[int] | None = None) -> list[int]:
        """Each row's duration in working days at most (a month counted as the most
        working days a month has): what sizes a calendar. ``amount`` instead of the planned."""
        amount = self.amount if amount is None else amount
        return [value * MAX_WORKING_DAYS_PER_MONTH if months else value
                for value, months in zip(amount, self.in_months, strict=True)]

    def longest_chain(self, lengths: list[int]) -> tuple[int, list[str]]:
        """The longest chain of work and lags, whatever the link types: its
        length in working days given each row's ``lengths``, and its live
        activities in order. What a calendar must reach on either side of a date."""
        reach = [0] * len(self.nodes)
        via: list[int | None] = [None] * len(self.nodes)
        for row, incoming in enumerate(self.links_in):
            for pred, _type, lag in incoming:
                length = reach[pred] + lengths[pred] + lag
                if length > reach[row]:
                    reach[row], via[row] = length, pred
        end = max(range(len(self.nodes)), key=lambda row: reach[row] + lengths[row], default=None)
        if end is None:
            return 0, []
        total, chain = reach[end] + lengths[end], []
        step: int | None = end
        while step is not None:
            activity = self.activity[step]
            if activity is not None and step != self.opening:
                chain.append(activity.id)
            step = via[step]
        return total, chain[::-1]


def planned_duration(activity: NetworkActivity | None) -> tuple[int, bool]:
    """A node's duration as planned: (amount, in months). Nothing for a summary's
    point, a dropped activity and a milestone; a fixed milestone is a meeting,
    its papers ready the day before and its decisions followed the day after,
    so it takes a day."""
    if activity is None:
        return 0, False
    if activity.is_milestone:
        return (1 if activity.fixed is not None else 0), False
    if activity.duration.unit == "m":
        return activity.duration.amount, True
    return activity.duration.working_days, False


def build_network(project: Project) -> Network:
    """The project's :class:`Network`. A dependency cycle is reported as a
    NavplanError naming it. networkx's order of a plan file's network is kept in
    a cache file (:mod:`navplan.engine.order_cache`), read when networkx is not
    loaded yet: then the run need not load it."""
    import sys

    from navplan.engine import order_cache

    nodes = network_nodes(project)
    edges, after_opening = _network(project)
    cached = "networkx" not in sys.modules  # once loaded, it orders faster than a file is read
    order = order_cache.cached_order(project.file, nodes, edges) if cached else None
    if order is not None:
        return Network(project, order, edges, after_opening, None, nodes)
    graph = networkx_graph(nodes, edges)
    import networkx as nx

    try:
        order = list(nx.topological_sort(graph))
    except nx.NetworkXUnfeasible:
        check_cycles(project, edges)  # names the cycle in the plan's words
        raise
    if cached:
        order_cache.keep_order(project.file, nodes, edges, order)
    return Network(project, order, edges, after_opening, graph, nodes)


def networkx_graph(nodes: list[Node], edges: Edges) -> networkx.DiGraph[Node]:
    """The networkx graph of these nodes and links, added in their order."""
    import networkx as nx

    graph: networkx.DiGraph[Node] = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return graph


def network_nodes(project: Project) -> list[Node]:
    """Each task and milestone; per summary its start, first and finish points."""
    nodes: list[Node] = []
    for activity in project.activities.values():
        if activity.is_summary:
            nodes += [SummaryPoint("start", activity.id), SummaryPoint("first", activity.id),
                      SummaryPoint("finish", activity.id)]
        else:
            nodes.append(activity.id)
    return nodes


def network_edges(project: Project) -> Edges:
    """The activity-on-node edges with their link types and lags in working days.

    A summary's start leads to each child's start (SS) and each child's finish
    to the summary's finish (FF), so a link to or from a summary binds all of
    its steps. A summary's first start is fed by each live child's own first
    start (its steps', for a child that is a summary itself): a start-to-start
    link from a main activity binds the steps of its nested sub-activities, and
    a dropped step is no one's first start. Every task, milestone and summary
    finish that does not come after the opening leads to the opening.
    """
    return _network(project)[0]


def _network(project: Project) -> tuple[Edges, set[Node]]:
    """The edges of :func:`network_edges`, and the nodes after the opening they imply."""
    activities = project.activities
    edges: Edges = {}
    # Each activity's entry (start), exit (finish) and first-start node, made once: a
    # summary's are its points, a task's or milestone's the activity itself.
    entry: dict[str, Node] = {}
    exit_: dict[str, Node] = {}
    first: dict[str, Node] = {}
    for activity in activities.values():
        if activity.kind == "summary":
            entry[activity.id] = SummaryPoint("start", activity.id)
            exit_[activity.id] = SummaryPoint("finish", activity.id)
            first[activity.id] = SummaryPoint("first", activity.id)
        else:
            entry[activity.id] = exit_[activity.id] = first[activity.id] = activity.id

    def add(pred: Node, succ: Node, link_type: LinkType, lag: int) -> None:
        edges.setdefault((pred, succ), []).append((link_type, lag))

    def ends_of(node_id: str) -> list[Node]:
        """The finishing nodes of a summary's steps (or the activity itself)."""
        if activities[node_id].kind != "summary":
            return [node_id]
        return [node for child in activities[node_id].children for node in ends_of(child)]

    for activity in activities.values():
        if activity.kind == "summary":
            for child in activity.children:
                add(entry[activity.id], entry[child], LinkType.SS, 0)
                add(exit_[child], exit_[activity.id], LinkType.FF, 0)
                if not activities[child].dropped:
                    add(first[child], first[activity.id], LinkType.SS, 0)
    for activity in activities.values():
        for link in activity.links:
            lag = link.lag.working_days
            if link.type is LinkType.FF and activity.kind == "summary":
                # Finish-to-finish into a summary: none of its work finishes earlier.
                for end in ends_of(activity.id):
                    add(exit_[link.id], end, LinkType.FF, lag)
                continue
            # Start-to-start from a summary counts from its first step's start.
            pred = first[link.id] if link.type is LinkType.SS else exit_[link.id]
            add(pred, entry[activity.id], link.type, lag)
    after_opening = nodes_after_opening(project, edges)
    after_opening |= nodes_only_before_work_after_opening(project, edges, after_opening)
    # All work is over before the opening, also work whose only successors are
    # linked start-to-start; for the rest these links are implied anyway.
    opening_id = project.opening_id
    for activity_key, node in exit_.items():  # a summary's finish point, or the task or milestone
        if activity_key != opening_id and node not in after_opening:
            add(node, opening_id, LinkType.FS, 0)
    return edges, after_opening


def nodes_after_opening(project: Project, edges: Edges) -> set[Node]:
    """The nodes that come after the opening: linked after it, dated after it,
    or after such nodes (before the opening's own edges are added)."""
    opening_date = project.opening_date
    seeds: list[Node] = [project.opening_id]
    for activity in project.activities.values():
        if activity.dropped or activity.id == project.opening_id:
            continue
        if any(day is not None and day > opening_date for day in dated_after(activity)):
            seeds.append(SummaryPoint("start", activity.id) if activity.is_summary else activity.id)
    # Most plans have nothing linked or dated after the opening. The edges are asked,
    # not the activities' links: a dropped activity linked after the opening is
    # bridged, so its successors follow the opening through edges of their own.
    if len(seeds) == 1 and not any(pred == project.opening_id for pred, _ in edges):
        return set()
    successors: dict[Node, list[Node]] = {}
    for pred, succ in edges:
        successors.setdefault(pred, []).append(succ)
    found: set[Node] = set()
    stack = list(seeds)
    while stack:
        node = stack.pop()
        for succ in successors.get(node, []):
            if succ not in found:
                found.add(succ)
                stack.append(succ)
    found.update(node for node in seeds if node != project.opening_id)
    return found


def nodes_only_before_work_after_opening(project: Project, edges: Edges, after_opening: set[Node]) -> set[Node]:
    """The nodes not after the opening whose work only work after the opening
    waits for (NAV Indre Østfold's renovation, 9.2.5, which only the move after
    the opening needs): they lead to the opening no more than that work does.

    What waits for a node is what its links lead to. A step's link to its
    summary's finish (or first start) is no work of its own: it stands for what
    follows the summary, so the walk looks through it (a summary ending after
    the opening because one of its steps does, holds no other step back). A
    node that nothing waits for leads to the opening, as it always has.
    """
    if not after_opening:
        return set()
    successors: dict[Node, list[Node]] = {}
    for pred, succ in edges:
        successors.setdefault(pred, []).append(succ)

    def rolls_up(pred: Node, succ: Node) -> bool:
        return isinstance(succ, SummaryPoint) and succ.kind != "start" \
            and project.activities[activity_id(pred)].parent == succ.summary

    # Per node, what waits for its work ("after": work after the opening; "opening":
    # work the opening waits for), and what it leads to itself; worked out after
    # its successors (depth first, without recursion: a chain may be long).
    waits: dict[Node, frozenset[str]] = {}
    leads: dict[Node, str | None] = dict.fromkeys(after_opening, "after")

    def settle(node: Node) -> None:
        kinds: set[str] = set()
        for succ in successors.get(node, []):
            if rolls_up(node, succ):
                kinds |= waits.get(succ, frozenset())
            elif (lead := leads.get(succ)) is not None:
                kinds.add(lead)  # a successor still open lies on a cycle, refused later
        waits[node] = frozenset(kinds)
        if node in after_opening:
            return
        if "opening" in kinds:
            leads[node] = "opening"
        elif kinds:
            leads[node] = "after"
        elif not (isinstance(node, SummaryPoint) and node.kind != "finish"):
            leads[node] = "opening"  # nothing waits for it: it leads to the opening
        else:
            leads[node] = None

    seen: set[Node] = set()
    for root in network_nodes(project):
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(successors.get(root, [])))]
        while stack:
            node, pending = stack[-1]
            for succ in pending:
                if succ not in seen:
                    seen.add(succ)
                    stack.append((succ, iter(successors.get(succ, []))))
                    break
            else:
                stack.pop()
                settle(node)
    return {node for node, kind in leads.items()
            if kind == "after" and node not in after_opening and node != project.opening_id}


def dated_after(activity: NetworkActivity) -> tuple[dt.date | None, ...]:
    """The dates that place an activity: one later than the opening puts it after the opening."""
    return activity.fixed, activity.not_before, activity.not_after


def find_cycle(nodes: list[Node], edges: Edges) -> list[Node] | None:
    """A dependency cycle, in order, or None. The one cycle check: validate and schedule both use it."""
    import graphlib

    predecessors: dict[Node, set[Node]] = {node: set() for node in nodes}
    for pred, succ in edges:
        predecessors.setdefault(succ, set()).add(pred)
    try:
        graphlib.TopologicalSorter(predecessors).prepare()
    except graphlib.CycleError as error:
        return list(error.args[1])
    return None


def check_cycles(project: Project, edges: Edges | None = None) -> None:
    """Raise a NavplanError naming a dependency cycle, if there is one."""
    cycle = find_cycle(network_nodes(project), network_edges(project) if edges is None else edges)
    if cycle is not None:
        raise cycle_error(project, cycle)


def check_network(project: Project) -> None:
    """What `navplan validate` checks of the network, without loading networkx:
    no dependency cycle, and no chain so long that a schedule's dates would
    fall outside the calendar (a NavplanError naming the cycle or the chain)."""
    import graphlib

    nodes = network_nodes(project)
    edges, after_opening = _network(project)
    predecessors: dict[Node, set[Node]] = {node: set() for node in nodes}
    for pred, succ in edges:
        predecessors[succ].add(pred)
    try:
        order = list(graphlib.TopologicalSorter(predecessors).static_order())
    except graphlib.CycleError as error:
        raise cycle_error(project, list(error.args[1])) from None
    network = Network(project, order, edges, after_opening, None)
    longest, chain = network.longest_chain(network.reach_lengths())
    try:
        calendar_span(plan_dates(project), before=longest, after=longest)
    except BeyondCalendar:
        raise beyond_calendar(project, chain, longest) from None


def plan_dates(project: Project) -> list[dt.date]:
    """Every date the plan gives (opening, start, each activity's): a schedule's calendar reaches around them."""
    plan = project.plan
    dates = [plan.opening] + ([plan.start] if plan.start else [])
    for activity in project.activities.values():
        dates += [day for day in (activity.fixed, activity.not_before, activity.not_after,
                                  activity.actual_start, activity.actual_finish) if day]
    return dates


def beyond_calendar(project: Project, chain: list[str], days: int, key: str = "error.plan.beyond_calendar",
                    hint: str = "hint.beyond_calendar") -> NavplanError:
    """A chain whose dates run out of the calendar, located at its first activity the plan file names."""
    in_plan = [activity_id for activity_id in chain if activity_id in project.block_lines]
    first = in_plan[0] if in_plan else (chain[0] if chain else None)
    return NavplanError(key, file=project.file, line=project.block_lines.get(first) if first else None,
                        field=f"activities[{first}].duration" if first else None, hint=hint,
                        chain=" → ".join(chain), days=days)


def cycle_error(project: Project, cycle: list[Any]) -> NavplanError:
    """Name the activities of a dependency cycle in dependency order, starting
    from the one the plan file changes (so the message can give its line)."""
    names: list[str] = []
    for node in cycle:
        name = activity_id(node)
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
