"""The options commands share, declared once: paths, output, settings, rule selection,
and ``--format``, whose choices come from :data:`raci.output.registry.RENDERERS`."""

from __future__ import annotations

from typing import Any

import typer

from raci.output.registry import formats


def path_argument(help: str = "Ownership file or directory.") -> Any:
    return typer.Argument(..., metavar="PATH", help=help, show_default=False)


def output_option(help: str = "Write to this file (atomically).") -> Any:
    return typer.Option(None, "--output", "-o", help=help, dir_okay=False)


FIRST = "first"
"""``format_option``'s default: the view's first registered format."""


def format_option(
    view: str, help: str, default: str | None = FIRST, extra: tuple[str, ...] = ()
) -> Any:
    """``--format``/``-f`` with the registered formats of ``view`` (and ``extra`` ones the
    command resolves itself, like ``check``'s ``auto``). ``default=None``: no default,
    the command picks (from ``-o``'s suffix, say)."""
    choices = [*formats(view), *extra]
    chosen = choices[0] if default == FIRST else default

    def parse(value: str) -> str:
        if value not in choices:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(map(repr, choices))}.")
        return value

    return typer.Option(
        chosen,
        "--format",
        "-f",
        metavar="FORMAT",
        help=help,
        parser=parse,
        autocompletion=lambda: choices,
        show_default=chosen is not None,
    )


def config_option(
    help: str = "A .raci.toml-style settings file, applied above every other setting.",
) -> Any:
    return typer.Option(None, "--config", help=help, dir_okay=False)


def strict_option(help: str = "Warnings fail too (exit 1).") -> Any:
    return typer.Option(False, "--strict", help=help)


SELECT = typer.Option(
    None,
    "--select",
    metavar="RULE,...",
    help="Run only these rules (names or codes, comma-separated).",
)
IGNORE = typer.Option(
    None,
    "--ignore",
    metavar="RULE,...",
    help="Skip these rules (names or codes, comma-separated).",
)


def _size(value: str | None) -> int | None:
    from raci.core.files import parse_size

    if value is None:
        return None
    try:
        return parse_size(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def max_bytes_option() -> Any:
    """``--max-bytes``, which :func:`raci.cli.app.command` adds to every command that
    reads input files."""
    from raci.core.files import DEFAULT_MAX_BYTES, size_text

    return typer.Option(
        None,
        "--max-bytes",
        metavar="SIZE",
        parser=_size,
        help=(
            "Refuse input files larger than this (bytes, or 64K, 256M, 1G; default "
            f"{size_text(DEFAULT_MAX_BYTES)})."
        ),
        show_default=False,
    )


def redact_option() -> Any:
    """``--redact``, which :func:`raci.cli.app.command` adds to every command that reads
    input files."""
    return typer.Option(
        False,
        "--redact",
        help="Replace people's ids and names by their number in their function (IC/1) in "
        "every output.",
    )
