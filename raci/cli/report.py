"""``raci report``: the full report a sponsor reads, as markdown, HTML or JSON."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import typer

from raci.cli.app import command
from raci.cli.output import emit

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
    path: Path = typer.Argument(..., metavar="PATH", help="The ownership file or directory."),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write the report here (atomically); default stdout.",
        dir_okay=False,
    ),
    output_format: Literal["markdown", "html", "json"] | None = typer.Option(
        None,
        "--format",
        "-f",
        help="markdown, html or json (default: from -o's suffix).",
        show_default=False,
    ),
    date: str | None = typer.Option(
        None,
        "--date",
        help="The date printed on the report (YYYY-MM-DD); default today.",
    ),
) -> None:
    """Write the ownership report: verdict, matrix, load, findings, graphs and what-if."""
    from raci.cli.common import checked_model
    from raci.report import SUFFIXES, render, report_date, section_builders
    from raci.report.build import build

    day = report_date(date, os.environ)
    name: str = output_format or "markdown"
    if output_format is None and output is not None:
        name = SUFFIXES.get(output.suffix.lower(), "markdown")
    report, model = checked_model(path)
    data = build(report, model, source=path.as_posix(), date=day, sections=section_builders())
    emit(render(data, name), output)
    raise typer.Exit(report.exit_code)
