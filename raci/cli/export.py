"""``raci export``: the RACI matrix as a spreadsheet (CSV or XLSX)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer

from raci.cli.app import command
from raci.cli.output import emit
from raci.core.errors import RaciError

EXAMPLES = """
[bold]Examples[/]

  raci export org.yaml -o matrix.xlsx              workbook: matrix, legend, load, findings
  raci export org.yaml --format csv -o matrix.csv  the matrix as CSV
  raci export org.yaml --format csv                CSV on stdout

Without --format the output file's suffix (.csv, .xlsx) picks it; CSV on stdout.
[bold]raci import[/] reads either back into an ownership file.
[bold]Exit codes[/]: 0 written, 1 written but the model has errors, 2 unusable input.
"""


@command("export", epilog=EXAMPLES)
def export_command(
    path: Path = typer.Argument(..., metavar="PATH", help="The ownership file or directory."),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write the spreadsheet here (atomically); CSV may go to stdout.",
        dir_okay=False,
    ),
    output_format: Literal["csv", "xlsx"] | None = typer.Option(
        None,
        "--format",
        "-f",
        help="csv or xlsx (default: from -o's suffix, else csv).",
        show_default=False,
    ),
) -> None:
    """Export the RACI matrix as a spreadsheet: CSV, or an XLSX workbook."""
    from raci.cli.common import checked_model
    from raci.cli.output import to_stdout

    name: str | None = output_format
    if name is None and not to_stdout(output):
        assert output is not None
        name = {".csv": "csv", ".xlsx": "xlsx"}.get(output.suffix.lower())
        if name is None:
            raise RaciError(
                f"cannot tell the format from '{output.name}': name a .csv or .xlsx file, "
                "or pass --format csv|xlsx"
            )
    name = name or "csv"
    if name == "xlsx" and output is None:  # '-o -' is asked for, and gets the bytes
        raise RaciError("--format xlsx writes a binary workbook: name the file with -o FILE.xlsx")
    report, model = checked_model(path)
    if name == "xlsx":
        from raci.sheets.xlsx import to_xlsx

        emit(to_xlsx(model, report), output)
    else:
        from raci.sheets.export import to_csv

        emit(to_csv(model), output)
    raise typer.Exit(report.exit_code)
