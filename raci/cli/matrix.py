"""``raci matrix``: the RACI matrix, functions as columns, activities grouped by phase."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer

from raci.cli.app import command
from raci.cli.common import known, known_functions, load_model, split_values, terminal_width
from raci.cli.output import emit, wants_color

MatrixFormat = Literal["text", "markdown", "csv", "json"]

EXAMPLES = """
[bold]Examples[/]

  raci matrix org.yaml                          the whole matrix
  raci matrix org.yaml --phase launch           one phase (repeat for more)
  raci matrix org.yaml --function IC,HR         two functions side by side
  raci matrix org.yaml --format markdown -o matrix.md
"""


@command("matrix", epilog=EXAMPLES)
def matrix_command(
    path: Path = typer.Argument(
        ..., metavar="PATH", help="Ownership file or directory.", show_default=False
    ),
    phase: list[str] | None = typer.Option(
        None,
        "--phase",
        "-p",
        metavar="PHASE",
        help="Only activities of this phase (repeatable, or comma-separated).",
    ),
    function: list[str] | None = typer.Option(
        None,
        "--function",
        "-F",
        metavar="FUNCTION",
        help="Only this function's column (repeatable, or comma-separated).",
    ),
    output_format: MatrixFormat = typer.Option(
        "text", "--format", "-f", help="text (coloured on a terminal), markdown, csv or json."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file (atomically).", dir_okay=False
    ),
) -> None:
    """Print the RACI matrix: activities as rows grouped by phase, functions as columns."""
    from raci.output import matrix as view

    model = load_model(path)
    present = [name for name in view.phases(model) if name is not None]
    phases = known("--phase", split_values(phase), present, "phase")
    functions = known_functions("--function", split_values(function), model)
    matrix = view.build(model, phases, functions)
    if output_format == "text":
        text = view.render_text(matrix, wants_color(output), terminal_width(output))
    elif output_format == "markdown":
        text = view.render_markdown(matrix)
    elif output_format == "csv":
        text = view.render_csv(matrix)
    else:
        text = view.render_json(matrix)
    emit(text, output)
