"""``raci load``: per-function load, share of accountability and flags, heaviest first."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer

from raci.cli.app import command
from raci.cli.common import load_model, model_settings, terminal_width
from raci.cli.output import emit, wants_color

LoadFormat = Literal["text", "json", "csv", "markdown"]

EXAMPLES = """
[bold]Examples[/]

  raci load org.yaml                       the table, coloured on a terminal
  raci load org.yaml --format json         every metric as data (HHI, truck factor, ...)
  raci load org.yaml --format markdown -o load.md
  raci load org.yaml --by-phase            add one table per phase

Flags are the function-level findings of [bold]raci check[/] with the same settings:
overloaded, over-capacity, bridge, idle, unused.
"""


@command("load", epilog=EXAMPLES)
def load_command(
    path: Path = typer.Argument(
        ..., metavar="PATH", help="Ownership file or directory.", show_default=False
    ),
    output_format: LoadFormat = typer.Option(
        "text", "--format", "-f", help="text (coloured on a terminal), json, csv or markdown."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file (atomically).", dir_okay=False
    ),
    by_phase: bool | None = typer.Option(
        None,
        "--by-phase/--no-by-phase",
        help="Add the load of each phase (default: when the model declares phases, or gives "
        "raci or capacity per phase).",
        show_default=False,
    ),
) -> None:
    """Per-function load: A/R/C/I counts, effort vs capacity, share of accountability."""
    from raci.core.context import Context
    from raci.core.metrics import compute
    from raci.engine import lint
    from raci.output import load as view

    model = load_model(path)
    context = Context(model)
    findings, _ = lint(model, model_settings(path, model), context)
    table = view.build(model, compute(context, by_phase), findings)
    if output_format == "text":
        text = view.render_text(table, wants_color(output), terminal_width(output))
    elif output_format == "json":
        text = view.render_json(table)
    elif output_format == "csv":
        text = view.render_csv(table)
    else:
        text = view.render_markdown(table)
    emit(text, output)
