"""The ``raci`` command line: thin commands over the library, one module per command.

Command modules register themselves on import; :func:`build_app` imports them all, or
only the one a command line names. Nothing heavy is imported until a command runs, and
``raci --version`` imports nothing.
"""

from __future__ import annotations

import contextlib
import os
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
    "deck",
)


MODULE_OF = {"import": "import_", "explain": "rules"}
"""Commands registered by a module of another name; every other command's module is
named after it."""


def command_module(argv: list[str]) -> str | None:
    """The one module that registers the command ``argv`` runs, if it names one.

    Building typer's command tree inspects every command's signature (a tenth of a
    small check), so a command line that names a command registers only that one;
    ``--help``, no command or an unknown one registers them all, for the listing and
    the "no such command" message.
    """
    if not argv or argv[0].startswith("-"):
        return None
    module = MODULE_OF.get(argv[0], argv[0])
    return module if module in COMMAND_MODULES else None


def build_app(only: str | None = None) -> typer.Typer:
    """The typer application with every command registered (or only module ``only``'s)."""
    from raci.cli.app import app

    for name in COMMAND_MODULES if only is None else (only,):
        import_module(f"raci.cli.{name}")
    return app


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        from raci import __version__

        sys.stdout.write(f"raci {__version__}\n")
        return
    try:
        build_app(command_module(sys.argv[1:]))(prog_name="raci")
        code = 0
    except SystemExit as done:
        code = exit_code(done.code)
    leave(code)


def exit_code(code: object) -> int:
    """The process exit code a ``SystemExit`` stands for (as the interpreter reads it)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1


def leave(code: int) -> None:
    """Flush the standard streams and end the process at once.

    A normal exit tears down every object the command built (millions at 100,000
    activities), which costs a fifth of the run and changes nothing: every file we
    write is complete and closed (atomic writes) before the command returns, temporary
    folders are removed by their ``with`` blocks, and raci registers no ``atexit``
    handlers. So only the standard streams need flushing. Only the console script
    leaves this way; the library and ``CliRunner`` never reach here.
    """
    for stream in (sys.stdout, sys.stderr):
        # The reader may have gone away (``raci matrix | head``) or closed the stream:
        # nothing more can be said then, and the exit code still stands.
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(code)
