"""Properties of the views on generated models: exports read back equal, totals add up,
loads add up to the effort, what-if gaps are real. Names carry the characters that
break careless quoting (quotes, backslashes, markup, newlines)."""

from __future__ import annotations

import io
import json
import re
import tempfile
import warnings
from pathlib import Path
from typing import Any

import networkx as nx
import pydot
from hypothesis import given, settings
from hypothesis import strategies as st

from raci.core.context import Context
from raci.core.metrics import compute
from raci.core.model import Model
from raci.engine import lint, load
from raci.output import graph as graphs
from raci.output import load as loads
from raci.output import matrix as matrices
from raci.output.graphml import to_graphml
from raci.whatif import without

IDS = st.from_regex(r"[A-Za-z][A-Za-z0-9_.-]{0,5}", fullmatch=True)
NAMES = st.text(
    alphabet=st.sampled_from("ab Z\"'\\<>#|*_`[]&;:\n\té→"), min_size=0, max_size=12
).map(lambda text: "N" + text)
LETTERS = st.sampled_from(["R", "A", "C", "I", "A/R"])


@st.composite
def models(draw: st.DrawFn) -> dict[str, Any]:
    functions = draw(st.lists(IDS, min_size=1, max_size=6, unique=True))
    activity_ids = draw(st.lists(IDS, min_size=1, max_size=8, unique=True))
    activities = []
    for activity_id in activity_ids:
        holders = draw(st.lists(st.sampled_from(functions), max_size=len(functions), unique=True))
        entry: dict[str, Any] = {
            "id": activity_id,
            "name": draw(NAMES),
            "effort": draw(st.sampled_from([0, 0.5, 1, 2, 3])),
            "raci": {fid: draw(LETTERS) for fid in holders},
        }
        phase = draw(st.one_of(st.none(), st.sampled_from(["prepare", "launch"])))
        if phase:
            entry["phase"] = phase
        entry["depends_on"] = draw(st.lists(st.sampled_from(activity_ids), max_size=2, unique=True))
        activities.append(entry)
    return {
        "version": 1,
        "name": draw(NAMES),
        "functions": {
            fid: {"name": draw(NAMES), **({"capacity": 2} if index % 2 else {})}
            for index, fid in enumerate(functions)
        },
        "activities": activities,
    }


def _model(data: dict[str, Any]) -> Model:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.yaml"
        path.write_text(json.dumps(data), encoding="utf-8")
        loaded = load(path)
    assert loaded.model is not None, loaded.findings
    return loaded.model


def _equal(built: nx.Graph, read: nx.Graph) -> None:
    assert list(read.nodes(data=True)) == list(built.nodes(data=True))
    assert sorted(read.edges(data=True)) == sorted(built.edges(data=True))


@settings(max_examples=30)
@given(models())
def test_every_view_exports_and_reads_back(data: dict[str, Any]) -> None:
    context = Context(_model(data))
    for name in graphs.VIEWS:
        graph = graphs.view(context, name)
        graphml = "".join(to_graphml(graph))
        _equal(graph, nx.read_graphml(io.BytesIO(graphml.encode("utf-8"))))
        linked = json.loads("".join(graphs.to_node_link(graph)))
        _equal(graph, nx.node_link_graph(linked, edges="edges"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            (dot,) = pydot.graph_from_dot_data(graphs.to_dot(graph))
        declared = [
            node for node in dot.get_nodes() if node.get_name() not in {"node", "edge", "graph"}
        ]
        assert len(declared) == graph.number_of_nodes()
        assert len(dot.get_edges()) == graph.number_of_edges()
        mermaid = graphs.to_mermaid(graph).splitlines()
        ids = [match[1] for line in mermaid if (match := re.match(r"^    (\w+)[\[(]", line))]
        assert len(ids) == len(set(ids)) == graph.number_of_nodes()
        edges = [line for line in mermaid if re.match(r"^    \w+ (-->|---)", line)]
        assert len(edges) == graph.number_of_edges()
        for line in edges:
            source, target = line.split()[0], line.split()[-1]
            assert source in ids
            assert target in ids
        for line in mermaid:
            for label in re.findall(r'"(.*?)"', line):
                assert not set(label) & set('"<>\n')


@settings(max_examples=30)
@given(models())
def test_totals_and_loads_add_up(data: dict[str, Any]) -> None:
    model = _model(data)
    matrix = matrices.build(model)
    totals = matrix.column_totals()
    assignments = sum(len(activity.raci) for activity in model.activities)
    assert sum(matrix.row_total(activity) for activity in matrix.activities) == assignments
    assert sum(counts["total"] for counts in totals.values()) == assignments
    text = matrices.render_text(matrix).splitlines()
    assert len([line for line in text if line.startswith("─")]) == 1
    context = Context(model)
    findings, _ = lint(model, _defaults(model), context)
    table = loads.build(model, compute(context), findings)
    worked = sum(activity.effort for activity in model.activities if activity.workers)
    assert abs(sum(row.load for row in table.rows) - worked) < 1e-9
    assert [row.load for row in table.rows] == sorted(
        (row.load for row in table.rows), reverse=True
    )
    truck = table.metrics.truck_factor
    assert truck.orphaned * 2 > len(model.activities) or truck.count == len(model.functions)


@settings(max_examples=30)
@given(models(), st.data())
def test_whatif_gaps_are_real(data: dict[str, Any], choice: st.DataObject) -> None:
    model = _model(data)
    gone = choice.draw(st.sampled_from(list(model.functions)))
    result = without(model, [gone])
    for gap in result.without_owner:
        activity = next(a for a in model.activities if a.id == gap.activity)
        assert activity.owners == [gone]
        assert all(taker.function != gone for taker in gap.takers)
    for gap in result.without_worker:
        activity = next(a for a in model.activities if a.id == gap.activity)
        assert activity.workers == [gone]
    before = {(f.rule, f.activity, f.function) for f in lint(model, _defaults(model))[0]}
    assert all((f.rule, f.activity, f.function) not in before for f in result.new_findings)


def _defaults(model: Model) -> Any:
    from raci.core.config import model_layer
    from raci.engine import resolve
    from raci.rules import CATALOGUE

    return resolve([model_layer(model.rules, CATALOGUE)[0]])
