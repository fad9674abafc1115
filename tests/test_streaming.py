"""Large outputs are written as chunks: the text is the same as the whole-at-once text."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import raci
from raci.cli.output import emit
from raci.core.context import Context
from raci.output.escape import json_chunks, json_text
from raci.output.graph import VIEWS, to_node_link, view

ROOT = Path(__file__).resolve().parent.parent
MODELS = [
    ROOT / "examples" / "ic-goes-it-alone.yaml",
    ROOT / "examples" / "ownership",
    ROOT / "tests" / "data" / "tricky.yaml",
]


@pytest.mark.parametrize("path", MODELS, ids=lambda path: path.name)
@pytest.mark.parametrize("name", VIEWS)
def test_node_link_chunks_are_networkx_text(path: Path, name: str) -> None:
    model = raci.load(path).model
    assert model is not None
    graph = view(Context(model), name)  # type: ignore[arg-type]
    chunks = list(to_node_link(graph))
    assert all(chunk.endswith("\n") for chunk in chunks)
    assert "".join(chunks) == json_text(nx.node_link_data(graph, edges="edges"))


@pytest.mark.parametrize(
    "fields",
    [
        {"a": 1, "items": iter([])},
        {"items": iter([{"x": 1.5, "y": None, "z": "t\u202e\x85"}, {}, {"n": {"deep": [1]}}])},
        {"x": float("nan"), "items": iter([{"inf": float("inf")}, [1, 2], "s"]), "z": {}},
    ],
)
def test_json_chunks_are_json_text(fields: dict[str, object]) -> None:
    whole = {
        key: list(value) if hasattr(value, "__next__") else value for key, value in fields.items()
    }
    copy = {
        key: iter(value) if isinstance(value, list) and key == "items" else value
        for key, value in whole.items()
    }
    text = "".join(json_chunks(copy))
    assert text == json_text(whole)
    json.loads(text)


def test_chunks_reach_a_file_and_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.txt"
    emit(iter(["one\n", "::error::two\n"]), target)
    assert target.read_text(encoding="utf-8") == "one\n::error::two\n"
    emit(iter(["one\n", "::error::two\n"]), None)
    assert capsys.readouterr().out == "one\n\\x3a:error::two\n"
