"""Write output files atomically: a temporary file in the same directory, then a rename.

An interrupted or failed run never leaves a half-written report behind, and never
truncates the file it was about to replace.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from raci.core.errors import RaciError


def write_atomic(path: Path, content: str | bytes) -> None:
    """Replace ``path`` with ``content`` in one step; raise :class:`RaciError` on failure."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    directory = path.parent if str(path.parent) else Path()
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as error:
        raise RaciError(f"cannot write {path}: {error.strerror}") from None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise RaciError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(error, OSError):
            raise RaciError(f"cannot write {path}: {error.strerror or error}") from None
        raise
