"""``raci graph``: Mermaid and dot checked structurally (dot by a real parser, pydot),
GraphML and node-link JSON read back by networkx equal to the built graph."""

from __future__ import annotations

import io
import json
import re
import shutil
import warnings
from pathlib import Path
from typing import Any

import networkx as nx
import pydot
import pytest

from raci.output.graph import VIEWS, view
from tests.conftest import RunLine
from tests.helpers import DATA, SMALL, context_of

FORMATS = ("mermaid", "dot", "graphml", "json")


def _same_graph(built: nx.Graph, read: nx.Graph) -> None:
    """Equal nodes, edges and attributes, in order; networkx's GraphML reader adds
    empty ``node_default`` / ``edge_default`` graph attributes."""
    assert read.is_directed() == built.is_directed()
    assert list(read.nodes(data=True)) == list(built.nodes(data=True))
    assert sorted(read.edges(data=True)) == sorted(built.edges(data=True))
    extra = {"node_default": {}, "edge_default": {}}
    assert {k: v for k, v in read.graph.items() if read.graph[k] != extra.get(k)} == built.graph


@pytest.mark.parametrize("graph_view", VIEWS)
@pytest.mark.parametrize("model", ["small.yaml", "tricky.yaml"])
def test_graphml_reads_back_equal(
    run_line: RunLine, here: Path, graph_view: str, model: str
) -> None:
    shutil.copy(DATA / model, here / model)
    output = run_line(["graph", model, "--format", "graphml", "--view", graph_view]).stdout
    built = view(context_of(here / model), graph_view)  # type: ignore[arg-type]
    _same_graph(built, nx.read_graphml(io.BytesIO(output.encode("utf-8"))))


@pytest.mark.parametrize("graph_view", VIEWS)
def test_node_link_json_reads_back_equal(run_line: RunLine, here: Path, graph_view: str) -> None:
    output = run_line(["graph", "small.yaml", "-f", "json", "--view", graph_view]).stdout
    data = json.loads(output)
    assert set(data) == {"directed", "multigraph", "graph", "nodes", "edges"}
    built = view(context_of(SMALL), graph_view)  # type: ignore[arg-type]
    _same_graph(built, nx.node_link_graph(data, edges="edges"))


def test_ownership_json_shape(run_line: RunLine, here: Path) -> None:
    data = json.loads(run_line(["graph", "small.yaml", "-f", "json"]).stdout)
    assert data["graph"] == {"name": "Small rollout", "view": "ownership", "scheme": "raci"}
    assert data["nodes"][0] == {
        "id": "function:IC",
        "kind": "function",
        "name": "Internal Communications",
        "label": "Internal Communications",
        "capacity": 6.0,
    }
    assert data["edges"][0] == {
        "source": "function:IC",
        "target": "activity:vision",
        "label": "A/R",
        "letters": "A/R",
        "owner": True,
        "worker": True,
        "consulted": False,
        "informed": False,
        "effort": 2.0,
    }


MERMAID = """\
flowchart LR
    f_IC(["Internal Communications"])
    f_HR(["Human Resources"])
    f_OD(["Organisational Development"])
    f_IT(["Information Technology"])
    f_Brand(["Brand"])
    a_vision["Agree the vision"]
    a_usage_policy["Write the usage policy"]
    a_launch_event["Run the launch event"]
    a_champions["Recruit the champions network"]
    a_theme["Configure the platform theme"]
    f_IC -->|"A/R"| a_vision
    f_IC -->|"A"| a_usage_policy
    f_IC -->|"A/R"| a_launch_event
    f_IC -->|"C"| a_champions
    f_HR -->|"C"| a_vision
    f_HR -->|"R"| a_usage_policy
    f_HR -->|"A"| a_champions
    f_OD -->|"I"| a_usage_policy
    f_IT -->|"R"| a_champions
    f_IT -->|"A/R"| a_theme
    f_Brand -->|"C"| a_theme
    classDef function fill:#fde2c8,stroke:#c05600,color:#000
    class f_IC,f_HR,f_OD,f_IT,f_Brand function
    classDef activity fill:#e8eef7,stroke:#4a6fa5,color:#000
    class a_vision,a_usage_policy,a_launch_event,a_champions,a_theme activity
"""


def test_mermaid_ownership(run_line: RunLine, here: Path) -> None:
    assert run_line(["graph", "small.yaml"]).stdout == MERMAID


_NODE = re.compile(r'^    ([A-Za-z0-9_]+)(?:\(\["(.*)"\]\)|\["(.*)"\])$')
_EDGE = re.compile(r'^    ([A-Za-z0-9_]+) (-->|---)(?:\|"([^"]*)"\|)? ([A-Za-z0-9_]+)$')


def _parse_mermaid(text: str) -> tuple[str, dict[str, str], list[tuple[str, str, str | None]]]:
    """A small structural parser for what we write: header, nodes, edges, classes."""
    header, *lines = text.splitlines()
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str | None]] = []
    for line in lines:
        if node := _NODE.match(line):
            assert node[1] not in nodes, f"node declared twice: {line}"
            nodes[node[1]] = node[2] if node[2] is not None else node[3]
        elif edge := _EDGE.match(line):
            assert edge[1] in nodes, f"undeclared node: {line}"
            assert edge[4] in nodes, f"undeclared node: {line}"
            edges.append((edge[1], edge[4], edge[3]))
        else:
            assert re.match(r"^    (classDef \w+ [^ ]+|class [A-Za-z0-9_,]+ \w+)$", line), line
    return header, nodes, edges


def test_mermaid_escapes_labels_and_sanitises_ids(run_line: RunLine, here: Path) -> None:
    shutil.copy(DATA / "tricky.yaml", here / "tricky.yaml")
    header, nodes, edges = _parse_mermaid(run_line(["graph", "tricky.yaml"]).stdout)
    assert header == "flowchart LR"
    assert nodes == {
        "f_IC": "Comms #quot;internal#quot; #lt;team#gt; #35;1",
        "f_end": "Back\\slash newline",
        "f_a_b": "Dotted",
        "f_a_b_2": "Dashed",
        "a_end": "Launch; the #quot;big#quot; day",
        "a_a_b": "x --#gt; y",
    }
    assert edges == [
        ("f_IC", "a_end", "A/R"),
        ("f_IC", "a_a_b", "R"),
        ("f_end", "a_end", "C"),
        ("f_end", "a_a_b", "A"),
        ("f_a_b", "a_end", "I"),
        ("f_a_b_2", "a_end", "R"),
    ]


@pytest.mark.parametrize(
    ("graph_view", "header", "edges"),
    [
        ("collaboration", "flowchart LR", 4),
        ("dependencies", "flowchart TD", 3),
    ],
)
def test_mermaid_other_views(
    run_line: RunLine, here: Path, graph_view: str, header: str, edges: int
) -> None:
    output = run_line(["graph", "small.yaml", "--view", graph_view]).stdout
    found_header, nodes, found = _parse_mermaid(output)
    assert found_header == header
    assert len(nodes) == 5
    assert len(found) == edges
    if graph_view == "collaboration":
        assert ("f_IC", "f_HR", "3") in found
    else:
        assert ("a_vision", "a_usage_policy", None) in found


def _parse_dot(text: str) -> Any:
    """pydot's parser; pydot 4 still calls pyparsing's camelCase names, which newer
    pyparsing releases deprecate: not our warning to fail on."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        (graph,) = pydot.graph_from_dot_data(text)
    return graph


def _unquote(text: str | None) -> str | None:
    """A dot ID as written: in a quoted string only \\" is an escape (Graphviz reads
    \\\\ and \\n later, as label escapes)."""
    if text is None or not text.startswith('"'):
        return text
    return text[1:-1].replace('\\"', '"')


def _attributes(entity: Any) -> dict[str, str | None]:
    return {key: _unquote(value) for key, value in entity.get_attributes().items()}


def test_dot_is_parsed_by_pydot(run_line: RunLine, here: Path) -> None:
    shutil.copy(DATA / "tricky.yaml", here / "tricky.yaml")
    output = run_line(["graph", "tricky.yaml", "--format", "dot"]).stdout
    graph = _parse_dot(output)
    assert graph.get_type() == "digraph"
    assert _unquote(graph.get_name()) == r'Tricky "names" \\ co'
    nodes = {
        _unquote(node.get_name()): _attributes(node)
        for node in graph.get_nodes()
        if node.get_name() not in {"graph", "node", "edge"}
    }
    assert list(nodes) == [
        "function:IC",
        "function:end",
        "function:a.b",
        "function:a-b",
        "activity:end",
        "activity:a.b",
    ]
    assert nodes["function:IC"]["label"] == 'Comms "internal" <team> #1'
    assert nodes["function:end"]["label"] == r"Back\\slash\nnewline"
    assert nodes["activity:end"]["kind"] == "activity"
    edges = [
        (_unquote(edge.get_source()), _unquote(edge.get_destination()), _attributes(edge))
        for edge in graph.get_edges()
    ]
    assert [(source, target, data["label"]) for source, target, data in edges] == [
        ("function:IC", "activity:end", "A/R"),
        ("function:IC", "activity:a.b", "R"),
        ("function:end", "activity:end", "C"),
        ("function:end", "activity:a.b", "A"),
        ("function:a.b", "activity:end", "I"),
        ("function:a-b", "activity:end", "R"),
    ]
    assert edges[0][2]["effort"] == "0.5"
    assert edges[0][2]["owner"] == "true"


def test_dot_is_read_back_by_networkx(run_line: RunLine, here: Path) -> None:
    output = run_line(["graph", "small.yaml", "--format", "dot"]).stdout
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        read = nx.nx_pydot.read_dot(io.StringIO(output))
    built = context_of(SMALL).ownership
    assert list(read.nodes) == list(built.nodes)
    assert sorted((u, v) for u, v, _ in read.edges) == sorted(built.edges)


def test_dot_collaboration_is_undirected(run_line: RunLine, here: Path) -> None:
    output = run_line(["graph", "small.yaml", "-f", "dot", "--view", "collaboration"]).stdout
    graph = _parse_dot(output)
    assert graph.get_type() == "graph"
    assert sorted(
        (_unquote(edge.get_source()), _unquote(edge.get_destination()), _attributes(edge)["weight"])
        for edge in graph.get_edges()
    ) == [("HR", "IT", "1"), ("IC", "HR", "3"), ("IC", "IT", "1"), ("IT", "Brand", "1")]


@pytest.mark.parametrize("output_format", FORMATS)
def test_output_file(run_line: RunLine, here: Path, output_format: str) -> None:
    expected = run_line(["graph", "small.yaml", "-f", output_format]).stdout
    target = here / "out" / f"graph.{output_format}"
    target.parent.mkdir()
    target.write_text("old content\n", encoding="utf-8")
    assert run_line(["graph", "small.yaml", "-f", output_format, "-o", str(target)]).stdout == ""
    assert target.read_text("utf-8") == expected
    assert [path.name for path in target.parent.iterdir()] == [target.name]


def test_unknown_view_is_a_usage_error(run_line: RunLine, here: Path) -> None:
    result = run_line(["graph", "small.yaml", "--view", "owners"], exit_code=2)
    assert "Invalid value for '--view'" in result.stderr
