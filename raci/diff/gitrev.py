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
        target.write_bytes(_blobs(root, [spec])[0])
        return target
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", str(inside))
    entries: list[tuple[str, PurePosixPath]] = []
    for record in filter(None, listing.stdout.decode("utf-8", "surrogateescape").split("\0")):
        meta, name = record.split("\t", 1)
        mode, kind_name, sha = meta.split()
        file = PurePosixPath(name)
        if kind_name == "blob" and mode in {"100644", "100755"} and file.suffix in SUFFIXES:
            entries.append((sha, file.relative_to(inside) if str(inside) != "." else file))
    target.mkdir()
    for (_, relative), data in zip(entries, _blobs(root, [sha for sha, _ in entries]), strict=True):
        destination = target.joinpath(*relative.parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
    return target


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
