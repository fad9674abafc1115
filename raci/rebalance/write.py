"""Where ``--write`` / ``--in-place`` put the rebalanced model, and writing it.

The input is never overwritten unless ``--in-place`` says so. Every text is computed
(and checked by parsing it again) before the first file is written, and the files are
written all-or-nothing (:func:`raci.core.atomic.write_all`): staged, then renamed, and
restored if a rename fails, so a failed run leaves the model as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from raci.core.atomic import write_all
from raci.core.errors import RaciError
from raci.rebalance.plan import Plan


@dataclass(frozen=True, slots=True)
class Destination:
    path: Path
    in_place: bool


def _same(first: Path, second: Path) -> bool:
    try:
        if first.exists() and second.exists():
            return first.samefile(second)
    except OSError:  # pragma: no cover - unreadable paths compare by name
        pass
    return first.resolve() == second.resolve()


def targets(source: Path, write: Path | None, in_place: bool) -> Destination | None:
    """Check ``--write`` / ``--in-place`` against the input before any work is done."""
    if write is None:
        return Destination(source, True) if in_place else None
    if in_place:
        if not _same(write, source):
            raise RaciError(
                f"--in-place rewrites {source} itself; drop --write {write}, or drop --in-place"
            )
        return Destination(source, True)
    if _same(write, source):
        raise RaciError(
            f"--write {write} would overwrite the input; add --in-place to rewrite it on purpose"
        )
    if source.is_dir():
        inside = write.resolve().is_relative_to(source.resolve())
        if inside:
            raise RaciError(
                f"--write {write} is inside the input directory {source}: its files would "
                "become part of the model; write somewhere else"
            )
        if write.exists() and not write.is_dir():
            raise RaciError(f"--write {write}: a directory model is written to a directory")
    elif write.is_dir():
        raise RaciError(f"--write {write} is a directory; give the file to write")
    return Destination(write, False)


def write_plan(plan: Plan, source: Path, destination: Destination) -> list[str]:
    """Write the rebalanced files; return their paths as shown to the user."""
    edited = plan.edited_files(every=not destination.in_place)
    if destination.in_place:
        edited = [(document, text) for document, text in edited if _differs(document.path, text)]
    files: list[tuple[Path, str]] = []
    for document, text in edited:
        if source.is_dir():
            target = destination.path / document.path.relative_to(source)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise RaciError(f"cannot write {target}: {error.strerror or error}") from None
        else:
            target = destination.path
        files.append((target, text))
    write_all(files)
    return [target.as_posix() for target, _ in files]


def _differs(path: Path, text: str) -> bool:
    try:
        return path.read_text("utf-8") != text
    except OSError:  # pragma: no cover - edited_files has just read it
        return True
