"""``raci rebalance``: propose the fewest reassignments that clear overload."""

from __future__ import annotations

from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.options import (
    IGNORE,
    SELECT,
    config_option,
    format_option,
    output_option,
    path_argument,
)
from raci.core.errors import EXIT_FINDINGS, EXIT_OK, RaciError

EXAMPLES = """
[bold]Examples[/]

  raci rebalance org.yaml                       the plan, before and after
  raci rebalance org.yaml -w fixed.yaml         ... and the rebalanced model
  raci rebalance org.yaml --in-place            rewrite org.yaml itself
  raci rebalance org.yaml --responsible         move the work (R) too
  raci rebalance org.yaml --max-accountable 5 --keep exec-sponsorship
  raci rebalance org.yaml --never InfoSec -f markdown -o plan.md
  raci rebalance org.yaml --only-involved       only functions already on it
  raci rebalance ownership/ --write fixed/      a directory model, per file

Only the letters that move are rewritten: comments and layout stay.
Review the result with [bold]git diff[/] before you commit it.

New holders come first from the functions that do the work, then those
Consulted, listed under eligible:, Informed, and last from any other
function (--only-involved stops before Informed). Each move says which.

[bold]Exit codes[/]: 0 a plan that clears every limit (or nothing to do),
1 a limit stays exceeded even after the best plan (which --write writes),
2 unusable input or options, 3 internal error.
"""


# Long only for its option declarations: typer reads the options from the signature.
@command("rebalance", epilog=EXAMPLES)
def rebalance_command(
    path: Path = path_argument("An ownership file or directory."),
    responsible: bool = typer.Option(
        False, "--responsible", help="Also choose who is Responsible (within capacities)."
    ),
    max_accountable: int | None = typer.Option(
        None,
        "--max-accountable",
        metavar="N",
        help="Most activities one function may own (A): 0 or more.",
    ),
    max_share: float | None = typer.Option(
        None,
        "--max-share",
        metavar="SHARE",
        help="Largest share of all activities one function may own: a number between 0 "
        "and 1 (0.25 is a quarter).",
    ),
    keep: list[str] | None = typer.Option(
        None, "--keep", help="Leave this activity as it is (repeatable).", metavar="ACTIVITY"
    ),
    only_involved: bool = typer.Option(
        False,
        "--only-involved",
        help="Hand work only to functions that hold R, A or C or are listed under eligible.",
    ),
    never: list[str] | None = typer.Option(
        None,
        "--never",
        help="This function takes nothing new and hands over what it holds (repeatable).",
        metavar="FUNCTION",
    ),
    output_format: str = format_option("rebalance", help="text, markdown or json."),
    output: Path | None = output_option("Write the plan to this file (atomically)."),
    write: Path | None = typer.Option(
        None,
        "--write",
        "-w",
        help="Write the rebalanced model here (a file; a directory for a directory model).",
    ),
    in_place: bool = typer.Option(
        False, "--in-place", help="Rewrite the input itself with the rebalanced model."
    ),
    select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE,
    config: Path | None = config_option("A .raci.toml-style settings file."),
) -> None:
    """Propose the fewest reassignments that clear overload (min-cost flow)."""
    import sys

    from raci.cli.common import checked, settings_file, show
    from raci.engine import command_line
    from raci.rebalance import Options, propose
    from raci.rebalance.write import targets, write_plan

    if max_accountable is not None and max_accountable < 0:
        raise RaciError(f"--max-accountable: {max_accountable} is not 0 or more")
    if max_share is not None and not 0 <= max_share <= 1:
        raise RaciError(f"--max-share: {max_share:g} is not a share between 0 and 1")
    settings_file(config)
    destination = targets(path, write, in_place)
    result = checked(path, config, select, ignore, lint=False)
    model = result.require()[0]
    options = Options(
        responsible=responsible,
        max_accountable=max_accountable,
        max_share=max_share,
        keep=tuple(keep or ()),
        never=tuple(never or ()),
        only_involved=only_involved,
    )
    layers = [*result.layers, command_line(select, ignore, False)]
    plan = propose(model, options, layers=layers)
    show("rebalance", output_format, plan, output)
    if destination is not None:
        written = write_plan(plan, path, destination)
        sys.stderr.write(f"wrote {', '.join(written) or 'nothing (no file changed)'}\n")
    raise typer.Exit(EXIT_OK if plan.feasible else EXIT_FINDINGS)
