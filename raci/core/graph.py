"""The ownership model as networkx graphs, built once per run and shared.

* ownership: functions and activities as nodes (keys ``function:ID`` and
  ``activity:ID``, since a function and an activity may share an id; attribute
  ``kind`` is ``function`` or ``activity``, ``name`` the display name), one edge per
  assignment, from the function to the activity, carrying its letters; the edges of
  functions that do the work carry their share of the activity's effort;
* collaboration: functions, linked when both hold R, A or C on a common activity
  (weight: how many activities they share);
* dependencies: activities, an edge from each prerequisite to the activity that
  ``depends_on`` it.

Attribute values are strings, numbers and booleans only (never None), so every graph
round-trips through GraphML unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import combinations
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from raci.core.model import Activity, Function, Model

FUNCTION = "function"
ACTIVITY = "activity"


def function_node(fid: str) -> str:
    """The key of a function in the ownership graph."""
    return f"{FUNCTION}:{fid}"


def activity_node(activity_id: str) -> str:
    """The key of (the first activity with) an id in the ownership graph."""
    return f"{ACTIVITY}:{activity_id}"


def node_id(node: str, kind: str) -> str:
    """The function or activity id of a node of any view (without the ``kind:`` prefix)."""
    prefix = f"{kind}:"
    return node[len(prefix) :] if node.startswith(prefix) else node


def function_attributes(function: Function) -> dict[str, Any]:
    attributes: dict[str, Any] = {"kind": FUNCTION, "name": function.name}
    if function.capacity is not None:
        attributes["capacity"] = float(function.capacity)
    return attributes


def activity_attributes(activity: Activity) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "kind": ACTIVITY,
        "name": activity.name,
        "effort": float(activity.effort),
    }
    if activity.phase is not None:
        attributes["phase"] = activity.phase
    return attributes


def ownership_graph(model: Model) -> nx.DiGraph:
    """Functions -> activities, one edge per assignment to a defined function.

    Edge attributes: ``label`` and ``letters`` (``"A/R"``), the roles it plays
    (``owner``, ``worker``, ``consulted``, ``informed``) and, on worker edges,
    ``effort``: the function's equal share of the activity's effort. A repeated
    activity id (a ``duplicate-id`` error) gets its own node, ``activity:ID~2``.
    Assignments to undefined functions (``unknown-function``) are left out.
    """
    graph = nx.DiGraph()
    functions = model.functions
    graph.add_nodes_from(
        (function_node(fid), function_attributes(function)) for fid, function in functions.items()
    )
    seen: Counter[str] = Counter()
    edges = []
    for activity in model.activities:
        seen[activity.id] += 1
        node = activity_node(activity.id)
        if seen[activity.id] > 1:
            node = f"{node}~{seen[activity.id]}"
        graph.add_node(node, **activity_attributes(activity))
        share = float(activity.effort) / len(activity.workers) if activity.workers else 0.0
        for fid, held in activity.raci.items():
            if fid not in functions:
                continue
            data: dict[str, Any] = {
                "label": held.label,
                "letters": held.label,
                "owner": held.owner,
                "worker": held.worker,
                "consulted": held.consulted,
                "informed": held.informed,
            }
            if held.worker:
                data["effort"] = share
            edges.append((function_node(fid), node, data))
    graph.add_edges_from(edges)
    return graph


def collaboration_graph(model: Model) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(model.functions)
    pairs: Counter[tuple[str, str]] = Counter()
    functions = model.functions
    for activity in model.activities:
        involved = {*activity.owners, *activity.workers, *activity.consulted}
        if len(involved) > 1:
            pairs.update(combinations(sorted(involved & functions.keys()), 2))
    graph.add_weighted_edges_from((left, right, count) for (left, right), count in pairs.items())
    return graph


def dependency_graph(model: Model, ids: Mapping[str, Activity]) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(
        (dependency, activity.id)
        for activity in model.activities
        if ids[activity.id] is activity
        for dependency in activity.depends_on
        if dependency in ids
    )
    return graph


def dependency_loops(graph: nx.DiGraph, ids: Mapping[str, Activity]) -> list[list[str]]:
    """One loop per knot of mutually dependent activities, starting at its first in file order.

    Each strongly connected component with a cycle yields the shortest loop through its
    earliest activity, written in ``depends_on`` order (a depends on b depends on a).
    One breadth-first search per knot: linear in the size of the graph.
    """
    if nx.is_directed_acyclic_graph(graph):
        return []
    order = {activity_id: index for index, activity_id in enumerate(ids)}
    loops: list[list[str]] = []
    for component in nx.strongly_connected_components(graph):
        if len(component) == 1 and not graph.has_edge(*component, *component):
            continue
        first = min(component, key=order.__getitem__)
        knot = graph.subgraph(component)
        # edges run prerequisite -> dependant, so a path first -> ... -> p where first
        # depends on p, read backwards, is the loop first -> p -> ... -> first
        paths = nx.single_source_shortest_path(knot, first)
        closing = min(knot.predecessors(first), key=lambda node: (len(paths[node]), order[node]))
        loops.append([first, *reversed(paths[closing][1:])])
    loops.sort(key=lambda loop: order[loop[0]])
    return loops
