"""``raci graph --format graphml``: GraphML, written an element at a time.

networkx's writer builds the whole XML tree before it writes a byte (3.6 GiB at 100,000
activities); this one makes one pass to declare the keys and their types, as networkx
infers them, and a second to write each node and edge as it goes.
``networkx.read_graphml`` and Gephi read it back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as text
from xml.sax.saxutils import quoteattr

from raci.output import escape
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    import networkx as nx

HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
Scope = tuple[str, str]
"""(``graph``/``node``/``edge``, attribute name)."""


def to_graphml(graph: nx.Graph, medium: Medium = PLAIN) -> Iterator[str]:
    """The graph as GraphML text chunks (whole lines)."""
    keys = _keys(graph)
    yield HEAD
    for index, ((scope, name), kind) in enumerate(keys.items()):
        yield (
            f'  <key id="d{index}" for="{scope}" attr.name={quoteattr(name)} '
            f'attr.type="{kind}" />\n'
        )
    ids = {scope: f"d{index}" for index, scope in enumerate(keys)}
    yield f'  <graph edgedefault="{"directed" if graph.is_directed() else "undirected"}">\n'
    for key, value in graph.graph.items():
        yield f'    <data key="{ids["graph", _name(key)]}">{_text(value)}</data>\n'
    for node, data in graph.nodes(data=True):
        yield f"    <node id={_attribute(node)}>\n{_data('node', data, ids)}    </node>\n"
    for source, target, data in graph.edges(data=True):
        yield (
            f"    <edge source={_attribute(source)} target={_attribute(target)}>\n"
            f"{_data('edge', data, ids)}    </edge>\n"
        )
    yield "  </graph>\n</graphml>\n"


def _keys(graph: nx.Graph) -> dict[Scope, str]:
    """Every attribute's GraphML type: the most general type its values take, as
    networkx infers it (text over numbers, a decimal over an integer)."""
    found: dict[Scope, str] = {}
    scopes: list[tuple[str, Iterable[dict[str, Any]]]] = [
        ("graph", [graph.graph]),
        ("node", (data for _, data in graph.nodes(data=True))),
        ("edge", (data for _, _, data in graph.edges(data=True))),
    ]
    for scope, datas in scopes:
        for data in datas:
            for key, value in data.items():
                name = (scope, _name(key))
                kind = _kind(value)
                was = found.setdefault(name, kind)
                if was != kind:
                    found[name] = next(
                        k for k in ("string", "double", "long") if kind == k or was == k
                    )
    return found


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _data(scope: str, data: dict[str, Any], ids: dict[Scope, str]) -> str:
    return "".join(
        f'      <data key="{ids[scope, _name(key)]}">{_text(value)}</data>\n'
        for key, value in data.items()
    )


def _name(key: object) -> str:
    return escape.xml(str(key))


def _text(value: object) -> str:
    return text(escape.xml(str(value)))


def _attribute(value: object) -> str:
    return quoteattr(escape.xml(str(value)))
