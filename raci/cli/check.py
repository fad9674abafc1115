"""``raci check``: validate and lint ownership files, the CI command."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.common import settings_file, show
from raci.cli.options import IGNORE, SELECT, config_option, format_option, output_option
from raci.cli.output import progress, reading
from raci.core.errors import RaciError

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
        metavar="PATH",
        help="Ownership files or directories. Default: raci.yaml, org.yaml or ownership/ "
        "here, or 'paths' under [tool.raci].",
        show_default=False,
    ),
    output_format: str = format_option(
        "check",
        extra=("auto",),
        help="text (coloured on a terminal), json, sarif (code scanning), github "
        "(annotations), junit (test reports), markdown (a PR comment), or auto (github "
        "under GITHUB_ACTIONS, else text).",
    ),
    output: Path | None = output_option("Write the result to this file (atomically)."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail the check too (exit 1)."),
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = config_option(),
) -> None:
    """Validate and lint ownership files: every problem at file:line:column."""
    from raci.core.defaults import default_paths
    from raci.engine import check, command_line
    from raci.rules import CATALOGUE

    name = output_format
    if name == "auto":
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    try:
        targets = list(paths) if paths else default_paths(Path.cwd(), CATALOGUE)
        layer = command_line(select, ignore, strict)
        reading(*targets)
        settings_file(config)
    except RaciError as error:
        if name != "github":
            raise
        # In a workflow log only annotations stand out: say it as one ::error.
        from raci.output.check.github import error_annotation

        sys.stdout.write(error_annotation(str(error)) + "\n")
        raise typer.Exit(error.exit_code) from None
    with progress("Checking") as on_path:
        report = check(targets, config=config, command_line=layer, progress=on_path)
    show("check", name, report, output)
    raise typer.Exit(report.exit_code)
