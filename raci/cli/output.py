"""Where command output goes: stdout, or a file written atomically."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from raci.core.atomic import write_atomic


def wants_color(output: Path | None) -> bool:
    """Colour only on a terminal, and never under ``NO_COLOR`` or into a file."""
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to stdout."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)


@contextmanager
def progress(verb: str) -> Iterator[Callable[[str], None] | None]:
    """A spinner on stderr naming the path being worked on, only when stderr is a terminal.

    Yields the callback to pass to the library (None when nobody is watching).
    """
    if not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
        yield None
        return
    from rich.console import Console

    console = Console(stderr=True)
    with console.status(f"{verb}…") as status:
        yield lambda path: status.update(f"{verb} {path}…")
