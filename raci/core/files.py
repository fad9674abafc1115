"""Read input files within bounds: regular files only, opened without blocking, at most
:data:`max_bytes` of them.

``raci check /dev/zero`` (or a ``*.yaml`` symbolic link to it) would otherwise read until
memory runs out, and a FIFO given as PATH would wait forever for a writer. Every file
raci reads as input (ownership files, spreadsheets, settings files) goes through
:func:`read_limited`.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
"""The largest input file read unless ``--max-bytes`` says otherwise: 256 MiB."""

_limit = [DEFAULT_MAX_BYTES]

_KINDS = {
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}


class FileProblem(Exception):
    """An input file that cannot be read; the message says why, without the path."""


def max_bytes() -> int:
    return _limit[0]


def set_max_bytes(limit: int | None) -> None:
    """Set the limit for this run (None: the default)."""
    _limit[0] = DEFAULT_MAX_BYTES if limit is None else limit


_SIZE = re.compile(r"([0-9]{1,15})\s*([kmgt]?)i?b?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(text: str) -> int:
    """``256M``, ``1G``, ``4096``: a size in bytes; ValueError when it is not one."""
    match = _SIZE.fullmatch(text.strip())
    if match is None or int(match[1]) == 0:
        raise ValueError(f"'{text}' is not a size (a positive number of bytes, or 64K, 256M, 1G)")
    return int(match[1]) * _UNITS[match[2].lower()]


def size_text(size: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size:,} bytes"


def kind(mode: int) -> str | None:
    """What a file of ``mode`` is when it is not a regular file (None when it is)."""
    if stat.S_ISREG(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def read_limited(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``, refusing devices, FIFOs, sockets and
    files over the limit. Raises :class:`FileProblem`, or FileNotFoundError."""
    limit = max_bytes() if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise FileProblem(f"cannot read the file: {error.strerror or error}") from None
    with os.fdopen(descriptor, "rb") as stream:
        info = os.fstat(descriptor)
        what = kind(info.st_mode)
        if what is not None:
            raise FileProblem(f"cannot read it: it is {what}, not a regular file")
        if info.st_size > limit:
            raise FileProblem(_too_big(info.st_size, limit))
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise FileProblem(f"cannot read the file: {error.strerror or error}") from None
    if len(data) > limit:  # the file grew while we read it
        raise FileProblem(_too_big(len(data), limit))
    return data


def _too_big(size: int, limit: int) -> str:
    return (
        f"the file is {size_text(size)}, over the {size_text(limit)} limit on input files "
        "(raise it with --max-bytes)"
    )
