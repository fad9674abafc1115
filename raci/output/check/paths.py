"""Where a finding's file is, as a CI system resolves it.

GitHub resolves annotation ``file=`` values and relative SARIF URIs against the root of
the checked-out repository (``GITHUB_WORKSPACE``), not against the directory raci ran in.
A job that runs ``raci check`` in a ``working-directory`` would otherwise annotate files
that do not exist. SARIF's ``%SRCROOT%`` is the repository root everywhere: outside
Actions it is the git top level (the nearest folder holding ``.git``), so a SARIF file
made in a sub-directory uploads the same as one made at the root. Annotations outside
Actions and files outside any repository keep the path the user gave.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote


def workspace_path(file: str) -> str:
    """``file`` relative to ``GITHUB_WORKSPACE`` when it lies inside it, else unchanged."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not workspace:
        return file
    return _relative(file, Path(workspace))


@lru_cache(maxsize=256)
def git_top_level(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` that holds ``.git`` (a directory, or the
    file of a worktree or submodule), found without running git."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def repository_path(file: str) -> str:
    """``file`` relative to the repository root: ``GITHUB_WORKSPACE`` under Actions, else
    the git top level above the file; unchanged outside any repository."""
    if os.environ.get("GITHUB_WORKSPACE"):
        return workspace_path(file)
    top = git_top_level(Path(os.path.normpath(Path.cwd() / file)).parent)
    return file if top is None else _relative(file, top)


def _relative(file: str, base: Path) -> str:
    target = Path(os.path.normpath(Path.cwd() / file))
    root = Path(os.path.normpath(base.absolute()))
    for inside, top in ((target, root), (target.resolve(), root.resolve())):
        try:
            return inside.relative_to(top).as_posix()
        except ValueError:
            continue
    return file


def artifact_uri(file: str) -> tuple[str, bool]:
    """(URI, relative?) for a SARIF ``artifactLocation``: a percent-encoded relative
    reference for files inside the repository, a ``file://`` URI for any other file."""
    path = Path(repository_path(file))
    if path.is_absolute():
        return path.as_uri(), False
    return quote(path.as_posix(), safe="/"), True
