"""Where command output goes: stdout, or a file written atomically."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from raci.atomic import write_atomic


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
