"""``raci import``: turn a spreadsheet RACI matrix into an ownership file."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.output import emit, reading
from raci.cli.output import target as output_target

EXAMPLES = """
[bold]Examples[/]

  raci import matrix.xlsx -o org.yaml              the first sheet of a workbook
  raci import matrix.xlsx --sheet RACI -o org.yaml another sheet
  raci import matrix.csv --name "Contoso rollout" -o org.yaml
  raci import decisions.csv --scheme daci -o org.yaml   force a scheme

The first column holds activity names and the header row the functions
(ids, names, or "Name (id)"); optional ID, Phase, Effort and Depends on
columns are recognised by their header. The scheme is the first of raci,
rasci, raci-vs, daci, rapid whose letters fill every cell, unless --scheme
names it. A bad cell is reported at its place (matrix.csv:7:3,
matrix.xlsx:Sheet1!C7) with exit 2, and nothing is written.
"""


@command("import", epilog=EXAMPLES)
def import_command(
    source: Path = typer.Argument(
        ..., metavar="FILE", help="A .csv file or an .xlsx workbook.", dir_okay=False
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write the ownership file here (atomically); default stdout.",
        dir_okay=False,
    ),
    sheet: str | None = typer.Option(None, "--sheet", help="The worksheet (default: the first)."),
    name: str | None = typer.Option(
        None, "--name", help="The model's name (default: the workbook's title, if any)."
    ),
    scheme: str = typer.Option(
        "auto",
        "--scheme",
        help="raci, rasci, raci-vs, daci or rapid; auto: the one the letters are written in.",
    ),
) -> None:
    """Turn a spreadsheet RACI matrix (CSV or XLSX) into an ownership file."""
    from raci.core.errors import RaciError
    from raci.core.scheme import SCHEMES
    from raci.core.suggest import suggest
    from raci.sheets.importer import SheetProblems, import_sheet
    from raci.sheets.read import read_sheet
    from raci.sheets.yaml_out import ownership_yaml

    if scheme != "auto" and scheme not in SCHEMES:
        choices = [*SCHEMES, "auto"]
        raise RaciError(f"--scheme: no scheme '{scheme}'{suggest(scheme, choices)}")
    reading(source)
    output = output_target(output)
    shown = source.as_posix()
    table = read_sheet(source, shown, sheet)
    try:
        data = import_sheet(table, SCHEMES.get(scheme), name or table.title)
    except SheetProblems as problems:
        for line in problems.lines():
            sys.stderr.write(f"raci: {line}\n")
        raise typer.Exit(2) from None
    target = output.as_posix() if output is not None else "org.yaml"
    header = [
        f"Ownership file imported from {source.name} by raci.",
        f"Next: raci check {target}",
    ]
    emit(ownership_yaml(data, header), output)
