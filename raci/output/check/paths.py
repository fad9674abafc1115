"""Where a finding's file is, as a CI system resolves it.

GitHub resolves annotation ``file=`` values and relative SARIF URIs against the root of
the checked-out repository (``GITHUB_WORKSPACE``), not against the directory raci ran in.
A job that runs ``raci check`` in a ``working-directory`` would otherwise annotate files
that do not exist. Outside GitHub Actions paths are left exactly as the user gave them.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote


def workspace_path(file: str) -> str:
    """``file`` relative to ``GITHUB_WORKSPACE`` when it lies inside it, else unchanged."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not workspace:
        return file
    target = Path(os.path.normpath(Path.cwd() / file))
    root = Path(os.path.normpath(Path(workspace).absolute()))
    for inside, base in ((target, root), (target.resolve(), root.resolve())):
        try:
            return inside.relative_to(base).as_posix()
        except ValueError:
            continue
    return file


def artifact_uri(file: str) -> tuple[str, bool]:
    """(URI, relative?) for a SARIF ``artifactLocation``: a percent-encoded relative
    reference for files inside the repository, a ``file://`` URI for any other file."""
    path = Path(workspace_path(file))
    if path.is_absolute():
        return path.as_uri(), False
    return quote(path.as_posix(), safe="/"), True
