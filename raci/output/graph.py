"""``raci graph``: the ownership, collaboration or dependency graph as Mermaid, Graphviz
dot, GraphML or node-link JSON.

:func:`view` gives the networkx graph of a view, with display attributes on every node
(``kind``, ``name``, ``label``) and edge (``label``); GraphML (:mod:`raci.output.graphml`)
and JSON are written as networkx writes them, a node and an edge at a time, so
``networkx.read_graphml`` and ``node_link_graph`` read back the same graph.
Mermaid and dot are written here, with their quoting rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from raci.core.graph import (
    ACTIVITY,
    FUNCTION,
    activity_attributes,
    function_attributes,
    node_id,
)
from raci.output import escape
from raci.output.escape import json_chunks
from raci.output.palette import NODE_COLOURS, css
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    import networkx as nx

    from raci.core.context import Context

View = Literal["ownership", "collaboration", "dependencies"]
VIEWS: tuple[View, ...] = ("ownership", "collaboration", "dependencies")


def view(context: Context, name: View, *, copy: bool = True) -> nx.Graph:
    """A copy of the view's graph, ready to export (the context's own graph, given the
    display attributes, with ``copy=False``: for a caller done with the context, as
    ``raci graph`` is; at 100,000 activities the copy is half a gigabyte).

    * ownership: functions -> activities, edges labelled with the letters held;
    * collaboration: functions, edges weighted (and labelled) by shared activities;
    * dependencies: activities, an edge from each prerequisite to its dependant.
    """
    model = context.model
    if name == "ownership":
        graph = context.ownership.copy() if copy else context.ownership
    elif name == "collaboration":
        graph = context.collaboration.copy() if copy else context.collaboration
        for fid, data in graph.nodes(data=True):
            data.update(function_attributes(model.functions[fid]))
        for _, _, data in graph.edges(data=True):
            data["label"] = str(data["weight"])
    else:
        graph = context.dependencies.copy() if copy else context.dependencies
        ids = context.activity_ids
        for activity_id, data in graph.nodes(data=True):
            data.update(activity_attributes(ids[activity_id]))
    for _, data in graph.nodes(data=True):
        data["label"] = data["name"]
    graph.graph.update({"name": model.title, "view": name, "scheme": model.scheme.name})
    return graph


# -- Mermaid ------------------------------------------------------------------------


def mermaid_text(text: str) -> str:
    """``text`` inside a double-quoted Mermaid label: quotes and markup as entity codes."""
    return escape.mermaid(text)


def mermaid_ids(graph: nx.Graph) -> dict[Any, str]:
    """A Mermaid-safe, unique id for each node: ``f_IC``, ``a_launch_plan``."""
    ids: dict[Any, str] = {}
    used: set[str] = set()
    for node, data in graph.nodes(data=True):
        kind = str(data.get("kind", ACTIVITY))
        raw = node_id(str(node), kind)
        base = f"{kind[0]}_{re.sub(r'[^0-9A-Za-z_]', '_', raw)}"
        candidate, count = base, 1
        while candidate in used:
            count += 1
            candidate = f"{base}_{count}"
        used.add(candidate)
        ids[node] = candidate
    return ids


FUNCTION_FILL, ACTIVITY_FILL = (css(NODE_COLOURS[kind][0]) for kind in (FUNCTION, ACTIVITY))
_MERMAID_CLASSES = {
    kind: f"fill:{css(NODE_COLOURS[kind][0])},stroke:{css(NODE_COLOURS[kind][1])},color:#000"
    for kind in (FUNCTION, ACTIVITY)
}


def to_mermaid(graph: nx.Graph, medium: Medium = PLAIN) -> str:
    """A Mermaid flowchart that GitHub renders: functions as rounded boxes, activities
    as rectangles, edges labelled with the letters (or shared activities)."""
    ids = mermaid_ids(graph)
    direction = "LR" if graph.graph.get("view") != "dependencies" else "TD"
    lines = [f"flowchart {direction}"]
    for node, data in graph.nodes(data=True):
        label = mermaid_text(str(data.get("label", node)))
        if data.get("kind") == FUNCTION:
            lines.append(f'    {ids[node]}(["{label}"])')
        else:
            lines.append(f'    {ids[node]}["{label}"]')
    arrow = "-->" if graph.is_directed() else "---"
    for source, target, data in graph.edges(data=True):
        label = data.get("label")
        link = f'{arrow}|"{mermaid_text(str(label))}"|' if label else arrow
        lines.append(f"    {ids[source]} {link} {ids[target]}")
    kinds = {FUNCTION: [], ACTIVITY: []}  # type: dict[str, list[str]]
    for node, data in graph.nodes(data=True):
        kinds.setdefault(str(data.get("kind")), []).append(ids[node])
    for kind, look in _MERMAID_CLASSES.items():
        if kinds[kind]:
            lines.append(f"    classDef {kind} {look}")
            lines.append(f"    class {','.join(kinds[kind])} {kind}")
    return "\n".join(lines) + "\n"


# -- Graphviz dot -------------------------------------------------------------------


_DOT_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DOT_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})


def dot_id(value: str) -> str:
    """An attribute name as a bare dot ID when it is one, else quoted."""
    if _DOT_ID.fullmatch(value) and value.lower() not in _DOT_KEYWORDS:
        return value
    return dot_quote(value)


def dot_quote(value: object) -> str:
    """A dot double-quoted string (backslashes and quotes escaped, newlines as ``\\n``)."""
    return escape.dot(value)


def _dot_attributes(data: dict[str, Any]) -> str:
    pairs = []
    for key, value in data.items():
        shown = str(value).lower() if isinstance(value, bool) else value
        if isinstance(shown, float):
            shown = f"{shown:g}"
        pairs.append(f"{dot_id(key)}={dot_quote(shown)}")
    return f" [{', '.join(pairs)}]" if pairs else ""


def to_dot(graph: nx.Graph, medium: Medium = PLAIN) -> str:
    """Graphviz dot, every attribute quoted; networkx's ``read_dot`` reads it back."""
    kind = "digraph" if graph.is_directed() else "graph"
    arrow = "->" if graph.is_directed() else "--"
    lines = [f"{kind} {dot_quote(graph.graph.get('name', 'raci'))} {{"]
    lines.append("  graph [rankdir=LR];")
    lines.append('  node [fontname="Helvetica", style=filled];')
    lines.append('  edge [fontname="Helvetica"];')
    for node, data in graph.nodes(data=True):
        shape = {"shape": "box", "style": "rounded,filled", "fillcolor": FUNCTION_FILL}
        if data.get("kind") != FUNCTION:
            shape = {"shape": "box", "fillcolor": ACTIVITY_FILL}
        # 'name' is left out: 'label' carries it, and pydot (networkx.nx_pydot.read_dot)
        # cannot read a node attribute called 'name'
        shown = {key: value for key, value in data.items() if key != "name"}
        lines.append(f"  {dot_quote(node)}{_dot_attributes({**shown, **shape})};")
    for source, target, data in graph.edges(data=True):
        extra = {"penwidth": "2"} if data.get("owner") else {}
        lines.append(
            f"  {dot_quote(source)} {arrow} {dot_quote(target)}"
            f"{_dot_attributes({**data, **extra})};"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- JSON (GraphML: raci.output.graphml) ------------------------------------------


def to_node_link(graph: nx.Graph, medium: Medium = PLAIN) -> Iterator[str]:
    """networkx node-link JSON (``nodes`` and ``edges``): ``networkx.node_link_graph``
    reads it back. The text is ``networkx.node_link_data``'s, written a node and an edge
    at a time (the whole structure at once took 1 GiB at 100,000 activities)."""
    return json_chunks(
        {
            "directed": graph.is_directed(),
            "multigraph": graph.is_multigraph(),
            "graph": graph.graph,
            "nodes": ({**data, "id": node} for node, data in graph.nodes(data=True)),
            "edges": (
                {**data, "source": source, "target": target}
                for source, target, data in graph.edges(data=True)
            ),
        }
    )
