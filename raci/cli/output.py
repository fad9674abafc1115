"""Where command output goes: stdout, or a file written atomically, never an input.

Every command that reads files registers them with :func:`reading` (the shared loaders
do it); :func:`target` then refuses an ``-o`` that names one of them (the same file by
``os.path.samefile``, including a file inside a directory model) or anything that is not
a regular file or a new path. ``-o -`` is standard output.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from raci.core.atomic import Content, check_target, write_atomic
from raci.core.errors import RaciError

_INPUTS: list[Path] = []
"""The files and directories this run reads (reset for every command)."""


def reset_inputs() -> None:
    _INPUTS.clear()


def reading(*paths: Path) -> None:
    """Register inputs: no output may replace them."""
    _INPUTS.extend(paths)


def to_stdout(output: Path | None) -> bool:
    return output is None or str(output) == "-"


def _same(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return False


def _input_files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        from raci.core.documents import ownership_files

        try:
            yield from ownership_files(path)
        except Exception:  # an unreadable model is reported when it is read
            return
    else:
        yield path


def target(output: Path | None) -> Path | None:
    """``output`` checked against the inputs and its type; None for standard output."""
    if to_stdout(output):
        return None
    assert output is not None
    check_target(output)
    if output.exists():
        for given in _INPUTS:
            for file in _input_files(given):
                if _same(output, file):
                    shown = "" if file == given else f" (in the model {given})"
                    raise RaciError(
                        f"-o {output} is an input of this command{shown}; "
                        "write the output to another file"
                    )
    return output


def wants_color(output: Path | None) -> bool:
    """Colour only on a terminal, and never under ``NO_COLOR`` or into a file."""
    if not to_stdout(output) or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def emit(
    text: Content, output: Path | None, *, workflow_commands: bool = False, color: bool = False
) -> None:
    """Write ``text`` to ``output`` atomically, or to stdout (``None`` or ``-``).

    ``text`` may be text chunks, each ending at a line end, written as they come. On
    stdout no line may start a CI workflow command from content (see
    :func:`raci.output.escape.log_lines`), unless the output *is* workflow commands
    (``--format github``), whose content is escaped by its renderer. On a terminal,
    data formats (CSV, YAML, dot...) have their control characters shown as escapes too;
    ``color`` output has escaped its content already (its own colour codes stay).
    """
    destination = target(output)
    if destination is not None:
        write_atomic(destination, text)
        return
    if isinstance(text, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
        return
    from raci.output.escape import log_lines, terminal_block

    chunks: Iterable[str] = [text] if isinstance(text, str) else text
    if not workflow_commands:
        chunks = map(log_lines, chunks)
    if not color and sys.stdout.isatty():
        chunks = map(terminal_block, chunks)
    for chunk in chunks:
        sys.stdout.write(chunk)
    sys.stdout.flush()


@contextmanager
def progress(verb: str) -> Iterator[Callable[[str], None] | None]:
    """A spinner on stderr naming the path being worked on, only when stderr is a terminal.

    Yields the callback to pass to the library (None when nobody is watching).
    """
    if not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
        yield None
        return
    from rich.console import Console

    from raci.output.escape import rich_text

    console = Console(stderr=True)
    with console.status(f"{verb}…") as status:
        yield lambda path: status.update(f"{verb} {rich_text(str(path))}…")
