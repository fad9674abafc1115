"""``raci schema``: the JSON Schema of the file format, for editors."""

from __future__ import annotations

from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.output import emit
from raci.output.escape import json_text

EXAMPLES = """
[bold]Examples[/]

  raci schema -o raci.core.schema.json         write it next to your ownership files

then put this first line in org.yaml for completion and checks in editors that use
yaml-language-server (VS Code's YAML extension, Neovim, Helix ...):

  # yaml-language-server: $schema=./raci.core.schema.json
"""


@command("schema", epilog=EXAMPLES)
def schema_command(
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the schema to this file (atomically).", dir_okay=False
    ),
) -> None:
    """Print the JSON Schema (draft 2020-12) of an ownership file, for editors."""

    from raci.output.json_schema import json_schema

    emit(json_text(json_schema()), output)
