"""What ``raci check`` checks when given no path."""

from __future__ import annotations

import os
from pathlib import Path

from raci.core.catalogue import Catalogue
from raci.core.config import ConfigError, find_config, read_config
from raci.core.errors import RaciError

DEFAULT_NAMES = ("raci.yaml", "org.yaml", "ownership")


def default_paths(cwd: Path, catalogue: Catalogue) -> list[Path]:
    """``paths`` under ``[tool.raci]`` (relative to their file), else the default names here."""
    found = find_config(cwd)
    if found is not None:
        try:
            layer = read_config(found, catalogue)
        except ConfigError as error:
            raise RaciError(str(error)) from None
        if layer.paths and layer.root is not None:
            return [_relative(layer.root / path, cwd) for path in layer.paths]
    present = [cwd / name for name in DEFAULT_NAMES if (cwd / name).exists()]
    if not present:
        raise RaciError(
            "no ownership file found: looked for raci.yaml, org.yaml and ownership/ in "
            f"{cwd}; pass a PATH or set 'paths' under [tool.raci]"
        )
    return [Path(path.name) for path in present]


def _relative(path: Path, cwd: Path) -> Path:
    try:
        return Path(os.path.relpath(path, cwd))
    except ValueError:  # pragma: no cover - another drive on Windows
        return path
