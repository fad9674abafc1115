"""The graphs of raci.core.graph, on small models whose answers are known."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from raci.core.graph import dependency_loops
from tests.helpers import SMALL, context_of


def test_ownership_graph_has_one_edge_per_assignment(tmp_path: Path) -> None:
    graph = context_of(SMALL).ownership
    assert isinstance(graph, nx.DiGraph)
    functions = [node for node, kind in graph.nodes(data="kind") if kind == "function"]
    activities = [node for node, kind in graph.nodes(data="kind") if kind == "activity"]
    assert functions == [
        "function:IC",
        "function:HR",
        "function:OD",
        "function:IT",
        "function:Brand",
    ]
    assert activities == [
        "activity:vision",
        "activity:usage-policy",
        "activity:launch-event",
        "activity:champions",
        "activity:theme",
    ]
    assert graph.number_of_edges() == 11
    assert dict(graph.nodes["function:IC"]) == {
        "kind": "function",
        "name": "Internal Communications",
        "capacity": 6.0,
    }
    assert dict(graph.nodes["activity:vision"]) == {
        "kind": "activity",
        "name": "Agree the vision",
        "effort": 2.0,
        "phase": "prepare",
    }
    assert graph.edges["function:IC", "activity:vision"] == {
        "label": "A/R",
        "letters": "A/R",
        "owner": True,
        "worker": True,
        "consulted": False,
        "informed": False,
        "effort": 2.0,
    }
    # an A alone does no work: no effort share on its edge
    assert "effort" not in graph.edges["function:IC", "activity:usage-policy"]
    assert graph.edges["function:HR", "activity:usage-policy"]["effort"] == 1.0
    assert graph.edges["function:OD", "activity:usage-policy"]["label"] == "I"


def test_ownership_graph_degree_counts_roles() -> None:
    graph = context_of(SMALL).ownership
    owned = sum(1 for _, _, owner in graph.out_edges("function:IC", data="owner") if owner)
    assert owned == 3
    assert graph.out_degree("function:Brand") == 1


def test_effort_is_shared_equally_among_workers(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\n"
        "functions: {IC: {name: Internal Communications}, HR: {name: Human Resources},"
        " IT: {name: Information Technology}}\n"
        "activities:\n"
        "  - {id: launch, name: Launch, effort: 3, raci: {IC: A/R, HR: R, IT: R}}\n",
        encoding="utf-8",
    )
    graph = context_of(path).ownership
    shares = [data["effort"] for _, _, data in graph.in_edges("activity:launch", data=True)]
    assert shares == [1.0, 1.0, 1.0]


def test_shared_ids_repeated_activities_and_unknown_functions(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\n"
        "functions: {launch: {name: Launch team}}\n"
        "activities:\n"
        "  - {id: launch, name: Launch, raci: {launch: A/R}}\n"
        "  - {id: launch, name: Launch again, raci: {launch: A/R, Comms: C}}\n",
        encoding="utf-8",
    )
    graph = context_of(path).ownership
    assert list(graph.nodes) == ["function:launch", "activity:launch", "activity:launch~2"]
    assert graph.nodes["activity:launch~2"]["name"] == "Launch again"
    assert list(graph.edges) == [
        ("function:launch", "activity:launch"),
        ("function:launch", "activity:launch~2"),
    ]


def test_context_builds_the_ownership_graph_once() -> None:
    context = context_of(SMALL)
    assert context.ownership is context.ownership


def test_collaboration_graph_links_r_a_and_c_but_not_i() -> None:
    graph = context_of(SMALL).collaboration
    assert sorted((sorted(edge), weight) for *edge, weight in graph.edges(data="weight")) == [
        (["Brand", "IT"], 1),
        (["HR", "IC"], 3),
        (["HR", "IT"], 1),
        (["IC", "IT"], 1),
    ]
    assert graph.degree("OD") == 0


def test_dependency_graph_runs_from_prerequisite_to_dependant() -> None:
    graph = context_of(SMALL).dependencies
    assert sorted(graph.edges) == [
        ("launch-event", "theme"),
        ("usage-policy", "champions"),
        ("vision", "usage-policy"),
    ]


def test_dependency_loops_three_cycle_starts_at_first_in_file_order(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\n"
        "functions: {IC: {name: Internal Communications}}\n"
        "activities:\n"
        "  - {id: c, name: C, depends_on: [a], raci: {IC: A/R}}\n"
        "  - {id: a, name: A, depends_on: [b], raci: {IC: A/R}}\n"
        "  - {id: b, name: B, depends_on: [c], raci: {IC: A/R}}\n"
        "  - {id: d, name: D, depends_on: [d], raci: {IC: A/R}}\n",
        encoding="utf-8",
    )
    context = context_of(path)
    assert dependency_loops(context.dependencies, context.activity_ids) == [
        ["c", "a", "b"],
        ["d"],
    ]


def test_dependency_loops_of_a_long_ring_is_linear(tmp_path: Path) -> None:
    size = 3000
    lines = ["version: 1", "functions: {IC: {name: IC}}", "activities:"]
    for index in range(size):
        depends = (index + 1) % size
        lines.append(
            f"  - {{id: x{index}, name: X, depends_on: [x{depends}, x{(index + 7) % size}],"
            " raci: {IC: A/R}}"
        )
    path = tmp_path / "ring.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    context = context_of(path)
    (loop,) = dependency_loops(context.dependencies, context.activity_ids)
    assert loop[0] == "x0"
    # every step is a real 'depends on' edge and the loop closes
    for current, following in zip(loop, [*loop[1:], loop[0]], strict=True):
        assert context.dependencies.has_edge(following, current)
