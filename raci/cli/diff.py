"""``raci diff``: what a change does to ownership, and which findings it introduces."""

from __future__ import annotations

from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.common import settings_file, show
from raci.cli.options import IGNORE, SELECT, config_option, format_option, output_option
from raci.cli.output import reading
from raci.core.errors import RaciError

EXAMPLES = """
[bold]Examples[/]

  raci diff old.yaml org.yaml             two files (or two directories)
  raci diff --git main org.yaml           the working tree against a branch
  raci diff --git main                    the same for the model raci check finds
  raci diff --git origin/main ownership/ -f markdown >> "$GITHUB_STEP_SUMMARY"
  raci diff --phases launch run org.yaml  how ownership changes from launch to run

[bold]Exit codes[/]: 0 no new error-level findings, 1 the change introduces one (or a
warning, with --strict), 2 unusable input, bad revision or option.
"""


@command("diff", epilog=EXAMPLES)
def diff_command(
    paths: list[Path] = typer.Argument(
        None,
        metavar="OLD NEW | PATH",
        help="Two versions (files or directories), or with --git or --phases the one PATH "
        "(default: the model raci check finds: raci.yaml, org.yaml or ownership/ here, or "
        "'paths' under [tool.raci]).",
        show_default=False,
    ),
    git: str | None = typer.Option(
        None, "--git", metavar="REV", help="Read the old side of PATH from this git revision."
    ),
    output_format: str = format_option("diff", help="text, markdown (a PR comment), or json."),
    output: Path | None = output_option("Write the result to this file (atomically)."),
    strict: bool = typer.Option(False, "--strict", help="Introduced warnings fail too (exit 1)."),
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = config_option("A .raci.toml-style settings file for both sides."),
    phases: tuple[str, str] | None = typer.Option(
        None,
        "--phases",
        metavar="FROM TO",
        help="Compare two phases of the one model PATH: how ownership changes between them.",
        show_default=False,
    ),
) -> None:
    """Compare two versions of an ownership model: activities, assignments, accountability,
    load per function, and the findings introduced and fixed."""
    from raci.diff.changes import diff_git, diff_paths
    from raci.engine import command_line

    paths = list(paths or ())
    if not paths and (git is not None or phases is not None):
        paths = [one_model(git is not None)]
    reading(*paths)
    settings_file(config)
    layer = command_line(select, ignore, strict)
    if phases is not None:
        if len(paths) != 1 or git is not None:
            raise RaciError("--phases takes one PATH: raci diff --phases FROM TO PATH")
        from raci.phases.compare import diff_phases

        result = diff_phases(paths[0], *phases, config=config, command_line=layer)
    elif git is not None:
        if len(paths) != 1:
            raise RaciError("--git takes one PATH: raci diff --git REV PATH")
        result = diff_git(git, paths[0], config=config, command_line=layer)
    else:
        if len(paths) != 2:
            raise RaciError("give two versions to compare (raci diff OLD NEW), or --git REV PATH")
        result = diff_paths(paths[0], paths[1], config=config, command_line=layer)
    show("diff", output_format, result, output)
    raise typer.Exit(result.exit_code)


def one_model(git: bool) -> Path:
    """The model ``raci check`` would find here, when there is exactly one."""
    from raci.core.defaults import default_paths
    from raci.rules import CATALOGUE

    found = default_paths(Path.cwd(), CATALOGUE)
    if len(found) > 1:
        named = " and ".join(path.as_posix() + "/" * path.is_dir() for path in found)
        usage = "raci diff --git REV PATH" if git else "raci diff --phases FROM TO PATH"
        raise RaciError(f"found {named}: name the one to compare ({usage})")
    return found[0]
