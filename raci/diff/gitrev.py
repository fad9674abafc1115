"""Read an ownership file or directory as it was at a git revision (``raci diff --git``).

The old side is written into a temporary directory with the same layout, so it loads
exactly like the working tree does. Only git plumbing is used (``rev-parse``,
``ls-tree``, ``cat-file``), from the repository root with full paths, so the result
does not depend on the directory raci runs in or on git's text conversion filters.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from raci.core.errors import RaciError

SUFFIXES = {".yaml", ".yml"}


def _git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise RaciError("--git needs the git command, and it is not on PATH") from None


def _toplevel(path: Path) -> Path:
    start = path if path.is_dir() else path.parent
    if not start.is_dir():
        raise RaciError(f"--git: no such directory: {start}")
    found = _git(start, "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise RaciError(f"--git: {path} is not inside a git repository")
    return Path(found.stdout.decode().strip())


def _commit(root: Path, rev: str) -> str:
    if not rev or rev.startswith("-"):
        raise RaciError(f"--git: '{rev}' is not a revision")
    found = _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if found.returncode != 0:
        raise RaciError(f"--git: unknown revision '{rev}'")
    return found.stdout.decode().strip()


def repository_path(root: Path, path: Path) -> PurePosixPath:
    """``path`` relative to the repository root (symlinked temp folders resolved)."""
    absolute = path.absolute()
    parent = absolute.parent.resolve()
    try:
        relative = (parent / absolute.name).relative_to(root.resolve())
    except ValueError:
        raise RaciError(f"--git: {path} is outside the repository at {root}") from None
    return PurePosixPath(relative.as_posix())


def materialize(rev: str, path: Path, into: Path) -> Path | None:
    """Write ``path`` (a file or a directory) as it was at ``rev`` under ``into``.

    Returns the path to load, or None when ``path`` did not exist at ``rev`` (it is new).
    Raises :class:`RaciError` for a bad revision or a path outside the repository.
    """
    root = _toplevel(path)
    commit = _commit(root, rev)
    inside = repository_path(root, path)
    spec = f"{commit}:{inside}" if str(inside) != "." else f"{commit}:"
    kind = _git(root, "cat-file", "-t", spec)
    if kind.returncode != 0:
        return None
    target = into / (path.name or "root")
    if kind.stdout.strip() == b"blob":
        _check_size(root, rev, spec, inside)
        _write_inside(into, target, _blobs(root, [spec])[0])
        return target
    listing = _git(root, "ls-tree", "-r", "-z", "-l", "--full-tree", commit, "--", str(inside))
    entries: list[tuple[str, PurePosixPath]] = []
    for record in filter(None, listing.stdout.decode("utf-8", "surrogateescape").split("\0")):
        meta, name = record.split("\t", 1)
        mode, kind_name, sha, size = meta.split()
        file = _confined(rev, name)
        if kind_name == "blob" and mode in {"100644", "100755"} and file.suffix in SUFFIXES:
            _bounded(rev, name, int(size))
            entries.append((sha, file.relative_to(inside) if str(inside) != "." else file))
    target.mkdir()
    for (_, relative), data in zip(entries, _blobs(root, [sha for sha, _ in entries]), strict=True):
        _write_inside(into, target.joinpath(*relative.parts), data)
    return target


def _confined(rev: str, name: str) -> PurePosixPath:
    """A tree entry's path, refused when it could leave the folder it is written to:
    ``..`` or ``.`` or empty components (``git mktree`` accepts them), an absolute path,
    a backslash or a control character."""
    parts = name.split("/")
    if (
        name.startswith("/")
        or any(part in {"", ".", ".."} for part in parts)
        or any("\\" in part or any(ord(char) < 0x20 for char in part) for part in parts)
    ):
        raise RaciError(
            f"--git: revision '{rev}' holds an unsafe path {name!r} ('..', absolute or with "
            "control characters); refusing to read it"
        )
    return PurePosixPath(name)


def _bounded(rev: str, name: str, size: int) -> None:
    from raci.core.files import max_bytes, size_text

    if size > max_bytes():
        raise RaciError(
            f"--git: {name} at '{rev}' is {size_text(size)}, over the "
            f"{size_text(max_bytes())} limit on input files (raise it with --max-bytes)"
        )


def _check_size(root: Path, rev: str, spec: str, inside: PurePosixPath) -> None:
    found = _git(root, "cat-file", "-s", spec)
    if found.returncode == 0:
        _bounded(rev, str(inside), int(found.stdout.strip() or 0))


def _write_inside(folder: Path, destination: Path, data: bytes) -> None:
    """Write a new file, after checking that it lies inside ``folder`` (links resolved);
    an existing file or a symbolic link in the way is never followed or replaced."""
    import os

    destination.parent.mkdir(parents=True, exist_ok=True)
    base = Path(os.path.realpath(folder))
    if not Path(os.path.realpath(destination)).is_relative_to(base):
        raise RaciError(f"--git: refusing to write {destination}: it is outside {folder}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(destination, flags, 0o600), "wb") as stream:
        stream.write(data)


def _blobs(root: Path, specs: list[str]) -> list[bytes]:
    """The contents of several blobs through one ``git cat-file --batch``."""
    if not specs:
        return []
    found = _git(root, "cat-file", "--batch", stdin="".join(f"{spec}\n" for spec in specs).encode())
    if found.returncode != 0:  # pragma: no cover - the objects were just listed
        raise RaciError(f"--git: cannot read from the repository: {found.stderr.decode()}")
    out, position, blobs = found.stdout, 0, []
    for _ in specs:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        size = int(header[2])
        blobs.append(out[end + 1 : end + 1 + size])
        position = end + 1 + size + 1
    return blobs
