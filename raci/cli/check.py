"""``raci check``: validate and lint ownership files, the CI command."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import typer

from raci.cli.app import command
from raci.cli.common import IGNORE, SELECT, settings_file
from raci.cli.output import emit, progress, reading, wants_color

CheckFormat = Literal["text", "json", "sarif", "github", "junit", "markdown", "auto"]

EXAMPLES = """
[bold]Examples[/]

  raci check org.yaml                     lint one file
  raci check ownership/                   lint a directory of files as one model
  raci check --format json -o out.json    machine-readable findings, written atomically
  raci check --strict --ignore idle-function org.yaml
  raci check -f sarif -o raci.sarif       SARIF for GitHub code scanning
  raci check -f junit -o raci.xml         a JUnit report for CI dashboards

[bold]Exit codes[/]: 0 no errors, 1 errors (or warnings with --strict), 2 unusable input
or options, 3 internal error.
"""


@command("check", epilog=EXAMPLES)
def check_command(
    paths: list[Path] = typer.Argument(
        None,
        metavar="[PATH]...",
        help="Ownership files or directories. Default: raci.yaml, org.yaml or ownership/ "
        "here, or 'paths' under [tool.raci].",
        show_default=False,
    ),
    output_format: CheckFormat = typer.Option(
        "text",
        "--format",
        "-f",
        help="text (coloured on a terminal), json, sarif (code scanning), github "
        "(annotations), junit (test reports), markdown (a PR comment), or auto (github "
        "under GITHUB_ACTIONS, else text).",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the result to this file (atomically).", dir_okay=False
    ),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail the check too (exit 1)."),
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = typer.Option(
        None,
        "--config",
        help="A .raci.toml-style settings file, applied above every other setting.",
        dir_okay=False,
    ),
) -> None:
    """Validate and lint ownership files: every problem at file:line:column."""
    from raci.core.config import cli_layer
    from raci.core.defaults import default_paths
    from raci.engine import check
    from raci.output.check import get_formatter

    targets = list(paths) if paths else default_paths(Path.cwd())
    layer = cli_layer(select, ignore or [], strict)
    reading(*targets)
    settings_file(config)
    with progress("Checking") as on_path:
        report = check(targets, config=config, command_line=layer, progress=on_path)
    name = output_format
    if name == "auto":
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    render = get_formatter(name)
    emit(
        render(report, name == "text" and wants_color(output)),
        output,
        workflow_commands=name == "github",
    )
    raise typer.Exit(report.exit_code)
