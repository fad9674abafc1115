"""``raci export``: the RACI matrix as a spreadsheet (CSV or XLSX)."""

from __future__ import annotations

from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.common import checked, show
from raci.cli.options import config_option, format_option, output_option, path_argument
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
    path: Path = path_argument("The ownership file or directory."),
    output: Path | None = output_option(
        "Write the spreadsheet here (atomically); CSV may go to stdout."
    ),
    output_format: str | None = format_option(
        "export", default=None, help="csv or xlsx (default: from -o's suffix, else csv)."
    ),
    config: Path | None = config_option(),
) -> None:
    """Export the RACI matrix as a spreadsheet: CSV, or an XLSX workbook."""
    from raci.engine import Report
    from raci.output.registry import BINARY, format_for

    name = output_format
    if name is None and output is not None and str(output) != "-":
        name = format_for("export", output)
        if name is None:
            raise RaciError(
                f"cannot tell the format from '{output.name}': name a .csv or .xlsx file, "
                "or pass --format csv|xlsx"
            )
    name = name or "csv"
    if name in BINARY and output is None:
        raise RaciError(
            f"--format {name} writes a binary workbook: name the file with -o FILE.{name}"
        )
    result = checked(path, config)
    report = Report.of(result)
    if result.model is not None and name == "csv":
        from raci.sheets.export import csv_leaves_out

        left = csv_leaves_out(result.model)
        if left:
            import sys

            sys.stderr.write(f"raci: note: the CSV leaves out {left} (the workbook holds them)\n")
    show("export", name, report, output)
    raise typer.Exit(report.exit_code)
