"""raci: model cross-functional ownership as RACI matrices and lint it like code.

The library API::

    import raci
    loaded = raci.load("org.yaml")        # the model, or the input problems
    report = raci.check(["org.yaml"])     # findings, summary and exit code
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from raci.core.model import Loaded
    from raci.engine import Report

__all__ = ["__version__", "check", "load"]


def load(path: str | Path) -> Loaded:
    """Read, validate and merge an ownership file or directory."""
    from raci.engine import load as load_model

    return load_model(Path(path))


def check(paths: list[str | Path] | str | Path, *, config: str | Path | None = None) -> Report:
    """Lint one or more ownership files or directories with their discovered settings."""
    from raci.engine import check as run

    targets = [paths] if isinstance(paths, str | Path) else list(paths)
    return run(targets, config=Path(config) if config is not None else None)
