"""raci: model cross-functional ownership as RACI matrices and lint it like code.

The library API (it never prints; README "Python API")::

    import raci
    loaded = raci.load("org.yaml")              # the model, or the input problems
    report = raci.check(["org.yaml"])           # findings, summary and exit code
    result = raci.check_model("org.yaml")       # one model: settings, context, findings

    from raci.diff import diff_paths, diff_git
    change = diff_paths("old.yaml", "org.yaml")  # ownership changes, findings introduced
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from raci.core.model import Loaded
    from raci.engine import CheckedModel, Report

__all__ = ["__version__", "check", "check_model", "load"]


def load(path: str | Path) -> Loaded:
    """Read, validate and merge an ownership file or directory."""
    from raci.engine import load as load_model

    return load_model(Path(path))


def check(paths: list[str | Path] | str | Path, *, config: str | Path | None = None) -> Report:
    """Lint one or more ownership files or directories with their discovered settings."""
    from raci.engine import check as run

    targets = [paths] if isinstance(paths, str | Path) else list(paths)
    return run(targets, config=Path(config) if config is not None else None)


def check_model(path: str | Path, *, config: str | Path | None = None) -> CheckedModel:
    """One file or directory through the check pipeline: the model, its resolved
    settings, the shared statistics and graphs, and the findings (or the input problems;
    ``.require()`` raises them as :class:`raci.core.errors.InputError`)."""
    from raci.engine import check_model as run

    return run(path, config=config)
