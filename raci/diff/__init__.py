"""What a change does to ownership: ``raci diff`` as a library.

``diff_paths(old, new)`` compares two files or directories; ``diff_git(rev, path)`` a path
at a git revision with the working tree.
"""

from __future__ import annotations

from raci.diff.changes import diff_git, diff_paths

__all__ = ["diff_git", "diff_paths"]
