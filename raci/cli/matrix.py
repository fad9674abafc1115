"""``raci matrix``: the RACI matrix, functions as columns, activities grouped by phase."""

from __future__ import annotations

from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.common import (
    checked,
    known,
    known_functions,
    show,
    split_values,
    warn_errors,
)
from raci.cli.options import config_option, format_option, output_option, path_argument

EXAMPLES = """
[bold]Examples[/]

  raci matrix org.yaml                          the whole matrix
  raci matrix org.yaml --phase launch           one phase (repeat for more)
  raci matrix org.yaml --function IC,HR         two functions side by side
  raci matrix org.yaml --format markdown -o matrix.md
"""


@command("matrix", epilog=EXAMPLES)
def matrix_command(
    path: Path = path_argument(),
    phase: list[str] | None = typer.Option(
        None,
        "--phase",
        "-p",
        metavar="PHASE,...",
        help="Only activities of this phase (repeatable, or comma-separated).",
    ),
    function: list[str] | None = typer.Option(
        None,
        "--function",
        "-F",
        metavar="FUNCTION,...",
        help="Only this function's column (repeatable, or comma-separated).",
    ),
    output_format: str = format_option(
        "matrix", help="text (coloured on a terminal), markdown, csv or json."
    ),
    output: Path | None = output_option(),
    config: Path | None = config_option(),
    by_phase: bool | None = typer.Option(
        None,
        "--by-phase/--no-by-phase",
        help="Add the phases side by side: who is A and R on each activity in each phase "
        "(default: when the model declares phases, or gives raci or capacity per phase).",
        show_default=False,
    ),
    no_names: bool = typer.Option(
        False,
        "--no-names",
        help="Activity ids only, no names (on a narrow terminal names go by themselves).",
    ),
    no_people: bool = typer.Option(
        False,
        "--no-people",
        help="No column per member after each function that lists members:.",
    ),
) -> None:
    """Print the RACI matrix: activities as rows grouped by phase, functions as columns."""
    from raci.output import matrix as view

    result = checked(path, config, severities={"error"})
    model = result.require()[0]
    present = [name for name in view.phases(model) if name is not None]
    phases = known("--phase", split_values(phase), present, "phase")
    functions = known_functions("--function", split_values(function), model)
    show(
        "matrix",
        output_format,
        view.build(model, phases, functions, by_phase, names=not no_names, people=not no_people),
        output,
    )
    warn_errors(result, "matrix")
