"""``raci init``: start a new ownership file from a reference model."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from raci.cli.app import command
from raci.core.errors import RaciError
from raci.reference import DEFAULT_MODEL

EXAMPLES = """
[bold]Examples[/]

  raci init                                        enterprise-social into raci.yaml
  raci init --model intranet-relaunch org.yaml     another reference model, another file
  raci init --force raci.yaml                      replace an existing file

[bold]raci models[/] lists the reference models.
"""


@command("init", epilog=EXAMPLES)
def init_command(
    path: str = typer.Argument(
        "raci.yaml",
        metavar="PATH",
        help="The file to create; DIR/ (a trailing slash) or an existing directory: DIR/raci.yaml.",
    ),
    model: str = typer.Option(
        DEFAULT_MODEL, "--model", "-m", help="The reference model to copy (raci models)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite the file if it exists."),
) -> None:
    """Start a new ownership file from a reference model, comments and all."""
    from raci.core.atomic import write_atomic
    from raci.reference import find_model

    reference = find_model(model)
    target = destination(path)
    if target.exists() and not force:
        raise RaciError(f"{target} already exists; pass --force to replace it")
    if path.endswith(("/", os.sep)) and not target.parent.exists():
        target.parent.mkdir(parents=True)
    if not target.parent.is_dir():
        raise RaciError(f"cannot write {target}: no such directory: {target.parent}")
    write_atomic(target, reference.path.read_bytes())
    typer.echo(
        f"Created {target} from the reference model '{reference.name}' "
        f"({reference.activities} activities, {reference.functions} functions).\n"
        f"Next: raci check {target}"
    )


def destination(path: str) -> Path:
    """The file ``raci init PATH`` writes: ``DIR/raci.yaml`` for ``DIR/`` (the trailing
    slash says "a directory", even one that does not exist yet) or an existing
    directory, else ``PATH`` itself."""
    if path.endswith(("/", os.sep)) or Path(path).is_dir():
        return Path(path) / "raci.yaml"
    return Path(path)
