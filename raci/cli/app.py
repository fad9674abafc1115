"""The typer application, and the one place where errors become exit codes.

Every command is registered through :func:`command`, which turns a
:class:`~raci.core.errors.RaciError` into one clean message and exit 2, and anything
unexpected into one line asking for a bug report and exit 3 (``RACI_DEBUG=1`` shows the
traceback instead).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from raci import __version__
from raci.cli.helptext import RaciCommand, RaciGroup
from raci.cli.output import reset_inputs
from raci.core.errors import EXIT_INTERNAL, InputError, RaciError
from raci.core.files import set_max_bytes
from raci.core.runtime import paused_gc

BUG_REPORT = "https://github.com/raci-dev/raci/issues"

app = typer.Typer(
    name="raci",
    cls=RaciGroup,
    help=(
        "Model cross-functional ownership as RACI matrices and lint it like code.\n\n"
        "Start with [bold]raci check org.yaml[/]; [bold]raci rules[/] lists what it checks."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


def command(name: str | None = None, **options: Any) -> Callable[[F], F]:
    """Register a command whose errors are reported the raci way."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            reset_inputs()
            set_max_bytes(kwargs.pop("max_bytes", None))
            from raci.core.people import set_redact  # not at start-up: --help needs none

            set_redact(kwargs.pop("redact", False))
            try:
                with paused_gc():
                    return function(*args, **kwargs)
            except (typer.Exit, typer.Abort, typer.BadParameter):
                raise
            except InputError as error:
                from raci.output.check.text import lines
                from raci.output.escape import log_lines

                sys.stderr.write(log_lines(lines(error.findings)))
                raise typer.Exit(error.exit_code) from None
            except RaciError as error:
                fail(str(error), error.exit_code)
            except KeyboardInterrupt:
                fail("interrupted", 130)
            except Exception as error:
                if os.environ.get("RACI_DEBUG"):
                    raise
                fail(
                    f"internal error ({type(error).__name__}: {error}). This is a bug in raci "
                    f"{__version__}; please report it at {BUG_REPORT}",
                    EXIT_INTERNAL,
                )

        if name != "init":  # init's PATH is the file it creates
            _with_max_bytes(run, function)
        app.command(name, cls=RaciCommand, **options)(run)
        return function

    return decorate


READS_FILES = frozenset({"path", "paths", "source", "views"})
"""Arguments that name input files: their commands take ``--max-bytes``."""


def _with_max_bytes(run: Callable[..., Any], function: Callable[..., Any]) -> None:
    """Give ``run`` the ``--max-bytes`` and ``--redact`` options when ``function`` reads
    input files; the wrapper takes the values out (it sets the limit and the redaction)
    before calling ``function``."""
    import inspect

    from raci.cli.options import max_bytes_option, redact_option

    signature = inspect.signature(function, eval_str=True)
    if not READS_FILES.intersection(signature.parameters):
        return
    keyword = inspect.Parameter.KEYWORD_ONLY
    extra = [
        inspect.Parameter("max_bytes", keyword, default=max_bytes_option(), annotation=int | None),
        inspect.Parameter("redact", keyword, default=redact_option(), annotation=bool),
    ]
    run.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), *extra]
    )
    run.__annotations__ = {
        **function.__annotations__, "max_bytes": int | None, "redact": bool,
    }  # fmt: skip


def fail(message: str, code: int) -> None:
    """Print ``raci: message`` on stderr and exit with ``code``."""
    from raci.output.escape import log_lines, terminal

    sys.stderr.write(log_lines(f"raci: {terminal(message)}\n"))
    raise typer.Exit(code)


def version_callback(value: bool) -> None:
    if value:
        sys.stdout.write(f"raci {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        callback=version_callback,
        is_eager=True,
        help="Show the version and exit.",
    ),
) -> None:
    """Model cross-functional ownership as RACI matrices and lint it like code."""
