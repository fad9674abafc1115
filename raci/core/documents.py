"""Ownership files on disk: one document read and parsed, and the files of a directory
model, in sorted path order."""

from __future__ import annotations

from pathlib import Path

from raci.core.loader import Document, ParseProblem, parse


def read_document(path: Path, name: str) -> Document:
    """Read and parse one file; raise :class:`ParseProblem` if it cannot be used."""
    from raci.core.files import FileProblem, read_limited

    try:
        data = read_limited(path)
    except FileNotFoundError:
        raise ParseProblem("no such file or directory") from None
    except FileProblem as error:
        raise ParseProblem(str(error)) from None
    return Document(path, name, parse(data))


class UnreadableEntry(Exception):
    """An entry of a directory model that cannot be listed or followed."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def ownership_files(directory: Path) -> list[Path]:
    """The ``*.yaml`` and ``*.yml`` files under ``directory``, in sorted path order.

    Hidden files and directories (``.git``, ``.venv`` ...) are skipped; symbolic links
    are followed. A folder that cannot be listed, or a link that loops back to a folder
    above it, raises :class:`UnreadableEntry`: a model is never read with parts missing.
    An entry named ``*.yaml`` that is not a regular file is listed, so that reading it
    says what it is.
    """
    import os

    found: list[tuple[str, Path]] = []
    pending = [(directory, "", frozenset[str]())]
    while pending:
        folder, relative, above = pending.pop()
        real = os.path.realpath(folder)
        if real in above:
            raise UnreadableEntry(folder, "a symbolic link loops back to a folder above it")
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            raise UnreadableEntry(
                folder, f"cannot read the folder: {error.strerror or error}"
            ) from None
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            shown = f"{relative}{entry.name}"
            try:
                is_dir = entry.is_dir()
            except OSError as error:
                raise UnreadableEntry(path, f"cannot read it: {error.strerror or error}") from None
            if is_dir:
                pending.append((path, shown + "/", above | {real}))
            elif path.suffix in {".yaml", ".yml"}:
                found.append((shown, path))
    return [path for _, path in sorted(found)]
