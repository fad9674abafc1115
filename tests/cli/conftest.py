"""Command tests run in a temporary directory holding a copy of the small model, so
paths in the output are the short relative ones a user types."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import SMALL


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working directory, with ``small.yaml`` in it."""
    shutil.copy(SMALL, tmp_path / "small.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path
