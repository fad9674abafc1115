"""``raci graph``: export the ownership graph as Mermaid, Graphviz dot, GraphML or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer

from raci.cli.app import command
from raci.cli.common import checked, show
from raci.cli.options import config_option, format_option, output_option, path_argument

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
    path: Path = path_argument(),
    output_format: str = format_option("graph", help="mermaid, dot, graphml or json (node-link)."),
    graph_view: GraphView = typer.Option(
        "ownership", "--view", help="ownership, collaboration or dependencies."
    ),
    output: Path | None = output_option(),
    config: Path | None = config_option(),
) -> None:
    """Export the ownership graph (or the collaboration or dependency graph)."""
    from raci.output import graph as render

    context = checked(path, config, lint=False).require()[2]
    show("graph", output_format, render.view(context, graph_view, copy=False), output)
