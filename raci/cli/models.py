"""``raci models``: the reference models that ``raci init`` can copy."""

from __future__ import annotations

from typing import Literal

import typer

from raci.cli.app import command
from raci.cli.output import emit
from raci.output.escape import json_text

EXAMPLES = """
[bold]Examples[/]

  raci models                    name, size and summary of each model
  raci models --format json      the same, as data
  raci init --model NAME         copy one into raci.yaml
"""


@command("models", epilog=EXAMPLES)
def models_command(
    output_format: Literal["text", "json"] = typer.Option(
        "text", "--format", "-f", help="text (an aligned table) or json."
    ),
) -> None:
    """List the reference models that ship with raci."""
    from raci.reference import reference_models

    models = reference_models()
    if output_format == "json":
        document = {"models": [model.as_dict() for model in models]}
        emit(json_text(document), None)
        return
    if not models:
        emit("No reference models are installed.\n", None)
        return
    rows = [("NAME", "ACTIVITIES", "FUNCTIONS", "DESCRIPTION")] + [
        (model.name, str(model.activities), str(model.functions), model.description)
        for model in models
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = [
        f"{name:<{widths[0]}}  {activities:>{widths[1]}}  {functions:>{widths[2]}}  {text}"
        for name, activities, functions, text in rows
    ]
    emit("\n".join(line.rstrip() for line in lines) + "\n", None)
