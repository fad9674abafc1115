"""``raci whatif``: what breaks if functions step back."""

from __future__ import annotations

from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.common import checked, known_functions, show, split_values
from raci.cli.options import (
    IGNORE,
    SELECT,
    config_option,
    format_option,
    output_option,
    path_argument,
)
from raci.core.errors import RaciError

EXAMPLES = """
[bold]Examples[/]

  raci whatif org.yaml --without IC             what breaks if IC steps back
  raci whatif org.yaml --without IC --without HR --format json
  raci whatif org.yaml --without IC/alex        what breaks if one person leaves
"""


@command("whatif", epilog=EXAMPLES)
def whatif_command(
    path: Path = path_argument(),
    without: list[str] = typer.Option(
        ...,
        "--without",
        "-w",
        metavar="FUNCTION,...",
        help="A function, or a person (FUNCTION/member), that steps back (repeatable, or "
        "comma-separated).",
        show_default=False,
    ),
    output_format: str = format_option("whatif", help="text (coloured on a terminal) or json."),
    output: Path | None = output_option(),
    strict: bool = typer.Option(
        False,
        "--strict",
        help="A gate: exit 1 when stepping back brings new error findings (activities "
        "left without an A or an R, say).",
    ),
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = config_option(),
) -> None:
    """What breaks if functions step back: orphaned activities, takers, load, findings."""
    from raci.whatif import without as step_back

    result = checked(path, config, select, ignore)
    model, settings, context = result.require()
    values = split_values(without)
    people = [value for value in values if "/" in value]
    known_functions("--without", [value for value in values if "/" not in value], model)
    functions = values
    if not functions:
        raise RaciError("--without: name at least one function")
    if people:
        from raci.whatif.people import check_people

        try:
            check_people(model, people)
        except RaciError as error:
            raise RaciError(f"--without: {error}") from None
    found = step_back(model, functions, settings, context=context, findings=result.findings)
    show("whatif", output_format, found, output)
    if strict and any(finding.severity == "error" for finding in found.new_findings):
        raise typer.Exit(1)
