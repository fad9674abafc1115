"""``raci merge``: merge the returned views into a consensus, and measure the agreement."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

import typer

from raci.cli.app import command
from raci.cli.common import IGNORE, SELECT, load_model, settings_file
from raci.cli.output import emit

if TYPE_CHECKING:
    from raci.core.config import Layer
    from raci.views import Outcome

MergeFormat = Literal["text", "json", "sarif", "github", "junit"]

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
        ..., metavar="VIEW...", help="Returned views (.xlsx, .csv, .yaml) or directories of them."
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write the consensus model here (ownership YAML).",
        dir_okay=False,
    ),
    report_path: Path | None = typer.Option(
        None,
        "--report",
        metavar="FILE",
        dir_okay=False,
        help="Write the agreement report: FILE.md, FILE.html, FILE.json or FILE.xlsx.",
    ),
    output_format: MergeFormat = typer.Option(
        "text",
        "--format",
        "-f",
        help="stdout: text, json (the merge and its findings), or the findings alone as "
        "sarif, github or junit.",
    ),
    model_path: Path | None = typer.Option(
        None,
        "--model",
        metavar="MODEL",
        help="The model the survey was made from (default: the first view).",
    ),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = typer.Option(
        None, "--config", help="A .raci.toml-style settings file.", dir_okay=False
    ),
) -> None:
    """Merge returned views: consensus, agreement, contested accountability, perception gaps."""
    from raci.core.atomic import write_atomic
    from raci.core.config import cli_layer, find_config
    from raci.core.errors import RaciError
    from raci.output.agreement import REPORT_FORMATS
    from raci.views import merge_views

    kind = None
    if report_path is not None:
        kind = REPORT_FORMATS.get(report_path.suffix.lower())
        if kind is None:
            raise RaciError(f"--report: {report_path} must end in .md, .html, .json or .xlsx")
    layer = cli_layer(select, ignore or [], strict)
    settings_file(config)
    model = load_model(model_path) if model_path is not None else None
    discovered = find_config(model_path or views[0])
    layers = [_settings(path) for path in (discovered, config) if path is not None]
    source = model_path.as_posix() if model_path is not None else None
    outcome = merge_views(views, model, source, [*layers, layer])
    if output is not None:
        write_atomic(output, outcome.consensus)
    if report_path is not None and kind is not None:
        write_atomic(report_path, _report(outcome, kind))
    emit(_stdout(outcome, output_format, output), None)
    raise typer.Exit(outcome.report.exit_code)


def _settings(path: Path) -> Layer:
    """A settings file's layer, or exit 2 with its problems as ``raci check`` shows them."""
    from raci.cli.common import fail_with_findings
    from raci.core.config import ConfigError, read_config

    try:
        return read_config(path)
    except ConfigError as error:
        fail_with_findings(error.findings)


def _report(outcome: Outcome, kind: str) -> str | bytes:
    from raci.output.agreement import html, json, markdown, xlsx

    merged, report = outcome.merged, outcome.report
    if kind == "xlsx":
        return xlsx.render(merged, report)
    if kind == "markdown":
        return markdown.render(merged, report)
    return html.render(merged, report) if kind == "html" else json.render(merged, report)


def _stdout(outcome: Outcome, name: str, consensus: Path | None) -> str:
    from raci.output.agreement import json, text
    from raci.output.check import get_formatter

    if name == "text":
        shown = consensus.as_posix() if consensus is not None else None
        return text.render(outcome.merged, outcome.report, shown)
    if name == "json":
        return json.render(outcome.merged, outcome.report)
    return get_formatter(name)(outcome.report, False)
