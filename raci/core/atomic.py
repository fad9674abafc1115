"""Write output files atomically: a temporary file in the same directory, then a rename.

An interrupted or failed run never leaves a half-written report behind, and never
truncates the file it was about to replace. Only regular files are written: a device
(``/dev/null``, ``/dev/full``), a FIFO or a directory is refused before anything is
written, because the rename would replace the node itself with a regular file. A
symbolic link keeps being a link: the file it points to is replaced.

:func:`write_all` writes several files all-or-nothing: every file is staged first,
then renamed into place; if a rename fails, the files already replaced are restored.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from raci.core.errors import RaciError

Content = str | bytes | Iterable[str]
"""What an output holds: text, bytes, or text chunks written as they come."""

_KINDS = {
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}


def _reason(error: OSError) -> str:
    return str(error.strerror or error)


def check_target(path: Path) -> Path:
    """The file to replace for ``path`` (symbolic links followed), refusing anything but a
    regular file or a new path. Raises :class:`RaciError`."""
    real = Path(os.path.realpath(path))
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        if not real.parent.is_dir():
            raise RaciError(f"cannot write {path}: no such directory: {real.parent}") from None
        return real
    except OSError as error:
        raise RaciError(f"cannot write {path}: {_reason(error)}") from None
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
        raise RaciError(
            f"cannot write {path}: it is {kind}, not a regular file; give a file to write "
            "(or '-o -' for standard output)"
        )
    return real


def _mode(real: Path) -> int:
    try:
        return real.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _stage(path: Path, real: Path, content: Content) -> Path:
    """``content`` in a temporary file beside ``real``, with ``real``'s permissions.

    Text chunks are encoded and written as they come, so a large output is never held
    whole in memory."""
    mode = _mode(real)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as error:
        raise RaciError(f"cannot write {path}: {_reason(error)}") from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(content, str | bytes):
                stream.write(_bytes(content))
            else:
                for chunk in content:
                    stream.write(chunk.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(mode)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise RaciError(f"cannot write {path}: {_reason(error)}") from None
        raise
    return temporary


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def write_atomic(path: Path, content: Content) -> None:
    """Replace ``path`` with ``content`` (text, bytes, or text chunks) in one step; raise
    :class:`RaciError` on failure (the old file is then untouched)."""
    real = check_target(path)
    temporary = _stage(path, real, content)
    try:
        temporary.replace(real)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise RaciError(f"cannot write {path}: {_reason(error)}") from None


def write_all(files: Sequence[tuple[Path, str | bytes]]) -> None:
    """Write every file or none: stage all, then rename; on a failed rename, restore the
    files already replaced and say so. Raises :class:`RaciError`."""
    staged: list[tuple[Path, Path, Path]] = []  # (shown path, real path, temporary)
    try:
        for path, content in files:
            real = check_target(path)
            staged.append((path, real, _stage(path, real, content)))
    except BaseException:
        _discard(temporary for _, _, temporary in staged)
        raise
    backups = [_backup(real) for _, real, _ in staged]
    done: list[int] = []
    try:
        for index, (path, real, temporary) in enumerate(staged):
            try:
                temporary.replace(real)
            except OSError as error:
                reason = f"cannot write {path}: {_reason(error)}"
                raise RaciError(reason + _restore(staged, backups, done)) from None
            done.append(index)
    finally:
        _discard(temporary for _, _, temporary in staged)
        _discard(backup for backup in backups if backup is not None)


def _backup(real: Path) -> Path | None:
    """A hard link to the file about to be replaced (None for a new file)."""
    if not real.exists():
        return None
    name = real.parent / f".{real.name}.{secrets.token_hex(6)}.bak"
    try:
        os.link(real, name)
    except OSError as error:
        raise RaciError(f"cannot write {real}: {_reason(error)}; nothing was changed") from None
    return name


def _restore(
    staged: list[tuple[Path, Path, Path]], backups: list[Path | None], done: list[int]
) -> str:
    """Put the files replaced so far back; the sentence that says what happened."""
    if not done:
        return "; nothing was changed"
    failed = []
    for index in done:
        shown, real, _ = staged[index]
        backup = backups[index]
        try:
            if backup is None:
                real.unlink()
            else:
                backup.replace(real)
                backups[index] = None
        except OSError:
            failed.append(shown.as_posix())
    if failed:
        return "; could not restore " + ", ".join(failed) + " (they hold the new text)"
    restored = ", ".join(staged[index][0].as_posix() for index in done)
    return f"; restored what was already written ({restored}): nothing was changed"


def _discard(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
