"""``raci whatif``: what breaks if functions step back."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer

from raci.cli.app import command
from raci.cli.common import known_functions, load_model, model_settings, split_values
from raci.cli.output import emit, wants_color
from raci.core.errors import RaciError

WhatIfFormat = Literal["text", "json"]

EXAMPLES = """
[bold]Examples[/]

  raci whatif org.yaml --without IC             what breaks if IC steps back
  raci whatif org.yaml --without IC --without HR --format json
"""


@command("whatif", epilog=EXAMPLES)
def whatif_command(
    path: Path = typer.Argument(
        ..., metavar="PATH", help="Ownership file or directory.", show_default=False
    ),
    without: list[str] = typer.Option(
        ...,
        "--without",
        "-w",
        metavar="FUNCTION",
        help="A function that steps back (repeatable, or comma-separated).",
        show_default=False,
    ),
    output_format: WhatIfFormat = typer.Option(
        "text", "--format", "-f", help="text (coloured on a terminal) or json."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file (atomically).", dir_okay=False
    ),
) -> None:
    """What breaks if functions step back: orphaned activities, takers, load, findings."""
    from raci.output import whatif as view
    from raci.whatif import without as step_back

    model = load_model(path)
    functions = known_functions("--without", split_values(without), model)
    if not functions:
        raise RaciError("--without: name at least one function")
    result = step_back(model, functions, model_settings(path, model))
    if output_format == "text":
        text = view.render_text(result, wants_color(output))
    else:
        text = view.render_json(result)
    emit(text, output)
