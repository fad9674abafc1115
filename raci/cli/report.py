"""``raci report``: the full report a sponsor reads, as markdown, HTML or JSON."""

from __future__ import annotations

import os
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

  raci report org.yaml -o report.md               markdown that GitHub renders
  raci report org.yaml -o report.html             one self-contained, printable page
  raci report org.yaml --format json              the same content as data, on stdout
  raci report org.yaml --date 2027-03-01 -o r.md  a fixed date (or set SOURCE_DATE_EPOCH)

Without --format the output file's suffix picks it (.md, .html, .json); else markdown.
[bold]Exit codes[/]: 0 written, 1 written but the model has errors, 2 unusable input.
"""


@command("report", epilog=EXAMPLES)
def report_command(
    path: Path = path_argument("The ownership file or directory."),
    output: Path | None = output_option("Write the report here (atomically); default stdout."),
    output_format: str | None = format_option(
        "report", default=None, help="markdown, html or json (default: from -o's suffix)."
    ),
    date: str | None = typer.Option(
        None,
        "--date",
        help="The date printed on the report (YYYY-MM-DD); default today.",
    ),
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = config_option(),
) -> None:
    """Write the ownership report: verdict, matrix, load, findings, graphs and what-if."""
    from raci.engine import Report
    from raci.output.registry import format_for
    from raci.report import report_date, section_builders
    from raci.report.build import build
    from raci.report.overview import MATRIX_LIMIT

    day = report_date(date, os.environ)
    name = output_format or format_for("report", output) or "markdown"
    result = checked(path, config, select, ignore)
    report, model = Report.of(result), result.require()[0]
    limit = None if name == "json" else MATRIX_LIMIT  # JSON is for machines: the whole grid
    data = build(
        report,
        model,
        source=path.as_posix(),
        date=day,
        sections=section_builders(),
        matrix_limit=limit,
    )
    show("report", name, data, output)
    raise typer.Exit(report.exit_code)
