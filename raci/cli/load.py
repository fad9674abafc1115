"""``raci load``: per-function load, share of accountability and flags, heaviest first."""

from __future__ import annotations

from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.common import checked, show
from raci.cli.options import (
    IGNORE,
    SELECT,
    config_option,
    format_option,
    output_option,
    path_argument,
)

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
    path: Path = path_argument(),
    output_format: str = format_option(
        "load", help="text (coloured on a terminal), json, csv or markdown."
    ),
    output: Path | None = output_option(),
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = config_option(),
    by_phase: bool | None = typer.Option(
        None,
        "--by-phase/--no-by-phase",
        help="Add the load of each phase (default: when the model declares phases, or gives "
        "raci or capacity per phase).",
        show_default=False,
    ),
) -> None:
    """Per-function load: A/R/C/I counts, effort vs capacity, share of accountability."""
    from raci.core.metrics import compute
    from raci.output import load as view

    result = checked(path, config, select, ignore)
    model, _, context = result.require()
    table = view.build(model, compute(context, by_phase), result.findings)
    show("load", output_format, table, output)
