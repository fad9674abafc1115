"""``raci merge``: merge the returned views into a consensus, and measure the agreement."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from raci.cli.app import command
from raci.cli.common import checked, settings_file, show
from raci.cli.options import IGNORE, SELECT, config_option, format_option, strict_option

if TYPE_CHECKING:
    from raci.core.config import Layer

EXAMPLES = """
[bold]Examples[/]

  raci merge views/                                   agreement and findings
  raci merge views/ -o consensus.yaml --report agreement.html
  raci merge views/*.xlsx --model org.yaml --report agreement.xlsx
  raci merge views/ --format sarif > views.sarif      findings for code scanning

The report's format follows its suffix: .md, .html, .json or .xlsx (one sheet per
kind of disagreement). [bold]Exit codes[/]: 0 merged, 1 error-level findings (or
warnings with --strict), 2 a view could not be used (each bad cell is named).
"""


@command("merge", epilog=EXAMPLES)
def merge_command(
    views: list[Path] = typer.Argument(
        ..., metavar="VIEW", help="Returned views (.xlsx, .csv, .yaml) or directories of them."
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write the consensus model here (ownership YAML, atomically).",
        dir_okay=False,
    ),
    report_path: Path | None = typer.Option(
        None,
        "--report",
        metavar="FILE",
        dir_okay=False,
        help="Write the agreement report: FILE.md, FILE.html, FILE.json or FILE.xlsx.",
    ),
    output_format: str = format_option(
        "merge",
        help="stdout: text, json (the merge and its findings), or the findings alone as "
        "sarif, github or junit.",
    ),
    model_path: Path | None = typer.Option(
        None,
        "--model",
        metavar="MODEL",
        help="The model the survey was made from (default: the first view).",
    ),
    strict: bool = strict_option(),
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = config_option(),
) -> None:
    """Merge returned views: consensus, agreement, contested accountability, perception gaps."""
    from raci.cli.output import reading, target
    from raci.core.atomic import write_atomic
    from raci.core.config import find_config
    from raci.core.errors import RaciError
    from raci.engine import command_line
    from raci.output.escape import terminal
    from raci.output.registry import format_for
    from raci.sheets.importer import SheetProblems
    from raci.views import merge_views

    kind = format_for("agreement", report_path)
    if report_path is not None and kind is None:
        raise RaciError(f"--report: {report_path} must end in .md, .html, .json or .xlsx")
    from raci.views.read import view_files

    reading(*views, *view_files(views))  # the views inside a directory are inputs too
    layer = command_line(select, ignore, strict)
    settings_file(config)
    model = checked(model_path, config, lint=False).require()[0] if model_path else None
    discovered = find_config(model_path or views[0])
    layers = [_settings(path) for path in (discovered, config) if path is not None]
    target(output)
    target(report_path)
    source = model_path.as_posix() if model_path is not None else None
    try:
        outcome = merge_views(views, model, source, [*layers, layer])
    except SheetProblems as problems:  # every bad cell of every view, one line each
        sys.stderr.write("".join(f"raci: {terminal(line)}\n" for line in problems.lines()))
        raise typer.Exit(2) from None
    if output is not None:
        write_atomic(output, outcome.consensus)
        outcome.written = output.as_posix()
    if report_path is not None and kind is not None:
        show("agreement", kind, outcome, report_path)
    show("merge", output_format, outcome, None)
    raise typer.Exit(outcome.report.exit_code)


def _settings(path: Path) -> Layer:
    """A settings file's layer; its problems are an input error (exit 2), as in check."""
    from raci.core.errors import InputError
    from raci.engine import Settings

    layer, problems = Settings().read(path)
    if layer is None:
        raise InputError(problems)
    return layer
