"""``raci deck``: the report as a PowerPoint deck, with native tables and charts."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.common import checked, show
from raci.cli.options import IGNORE, SELECT, config_option, path_argument

EXAMPLES = """
[bold]Examples[/]

  raci deck org.yaml -o deck.pptx                   16:9 slides: verdict, load, matrix...
  raci deck org.yaml -o deck.pptx --date 2027-03-01  a fixed date (or SOURCE_DATE_EPOCH)

The deck reads the same data as 'raci report': title and verdict, the measures with
their meaning, load against capacity and the share of accountability as editable
charts, the matrix as coloured tables, what-if, the phases side by side and load per
phase (phased models), load per person (models with members), the rebalance proposal,
the findings. Every slide has speaker notes saying what its figures mean.
[bold]Exit codes[/]: 0 written, 1 written but the model has errors, 2 unusable input.
"""


@command("deck", epilog=EXAMPLES)
def deck_command(
    path: Path = path_argument("The ownership file or directory."),
    output: Path = typer.Option(
        ..., "--output", "-o", help="Write the deck here (.pptx, atomically).", dir_okay=False
    ),
    date: str | None = typer.Option(
        None, "--date", help="The date on the title slide (YYYY-MM-DD); default today."
    ),
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = config_option(),
) -> None:
    """Write the ownership review as a PowerPoint deck (.pptx)."""
    from raci.engine import Report
    from raci.output.deck import MATRIX_LIMIT
    from raci.report import report_date, section_builders
    from raci.report.build import build

    day = report_date(date, os.environ)
    result = checked(path, config, select, ignore)
    report, model = Report.of(result), result.require()[0]
    data = build(
        report,
        model,
        source=path.as_posix(),
        date=day,
        sections=section_builders(),
        matrix_limit=MATRIX_LIMIT,
    )
    show("deck", "pptx", data, output)
    raise typer.Exit(report.exit_code)
