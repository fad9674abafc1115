"""``raci graph``: export the ownership graph as Mermaid, Graphviz dot, GraphML or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer

from raci.cli.app import command
from raci.cli.common import load_model
from raci.cli.output import emit

GraphFormat = Literal["mermaid", "dot", "graphml", "json"]
GraphView = Literal["ownership", "collaboration", "dependencies"]

EXAMPLES = """
[bold]Examples[/]

  raci graph org.yaml --format mermaid              paste into a GitHub issue or README
  raci graph org.yaml --format dot | dot -Tsvg -o ownership.svg
  raci graph org.yaml --format graphml -o org.graphml       open in Gephi or yEd
  raci graph org.yaml --format json --view collaboration    networkx node-link JSON

[bold]Views[/]: ownership (functions -> activities, edges labelled with the letters),
collaboration (functions that work together, weighted by shared activities),
dependencies (activities, prerequisite -> dependant).
"""


@command("graph", epilog=EXAMPLES)
def graph_command(
    path: Path = typer.Argument(
        ..., metavar="PATH", help="Ownership file or directory.", show_default=False
    ),
    output_format: GraphFormat = typer.Option(
        "mermaid", "--format", "-f", help="mermaid, dot, graphml or json (node-link)."
    ),
    graph_view: GraphView = typer.Option(
        "ownership", "--view", help="ownership, collaboration or dependencies."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file (atomically).", dir_okay=False
    ),
) -> None:
    """Export the ownership graph (or the collaboration or dependency graph)."""
    from raci.core.context import Context
    from raci.output import graph as render

    model = load_model(path)
    graph = render.view(Context(model), graph_view)
    writers = {
        "mermaid": render.to_mermaid,
        "dot": render.to_dot,
        "graphml": render.to_graphml,
        "json": render.to_node_link,
    }
    emit(writers[output_format](graph), output)
