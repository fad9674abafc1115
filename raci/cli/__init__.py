"""The ``raci`` command line: thin commands over the library, one module per command.

Command modules register themselves on import; :func:`build_app` imports them all.
Nothing heavy is imported until a command runs, and ``raci --version`` imports nothing.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

COMMAND_MODULES = (
    "check",
    "load",
    "matrix",
    "graph",
    "whatif",
    "report",
    "export",
    "import_",
    "init",
    "models",
    "rules",
    "schema",
    "diff",
    "rebalance",
    "survey",
    "merge",
)


def build_app() -> typer.Typer:
    """The typer application with every command registered."""
    from raci.cli.app import app

    for name in COMMAND_MODULES:
        import_module(f"raci.cli.{name}")
    return app


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        from raci import __version__

        sys.stdout.write(f"raci {__version__}\n")
        return
    build_app()(prog_name="raci")
