"""The ownership model as networkx graphs, built once per run and shared.

* collaboration: functions, linked when both hold R, A or C on a common activity
  (weight: how many activities they share);
* dependencies: activities, an edge from each prerequisite to the activity that
  ``depends_on`` it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import combinations
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from raci.model import Activity, Model


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
        # walk 'depends on' edges (reversed graph edges) back to the start
        reverse = knot.reverse(copy=False)
        best: list[str] | None = None
        for successor in sorted(reverse.successors(first), key=order.__getitem__):
            path = nx.shortest_path(reverse, successor, first)
            if best is None or len(path) < len(best):
                best = [first, *path[:-1]]
        assert best is not None
        loops.append(best)
    loops.sort(key=lambda loop: order[loop[0]])
    return loops
