"""Shared fixtures: a CLI runner that shows what the user saw, and model files on disk."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner, Result

from raci.cli import build_app

settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
MODELS = ROOT / "models"

RunLine = Callable[..., Result]


@pytest.fixture
def run_line(monkeypatch: pytest.MonkeyPatch) -> RunLine:
    """Run ``raci ARGS...`` in-process; the output is in the assertion message on failure.

    ``run_line(["check", "org.yaml"], exit_code=1)`` asserts the exit code too.
    """
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    app = build_app()
    runner = CliRunner()
    monkeypatch.setattr("raci.core.people._REDACT", [False])  # --redact lasts for one test

    def run(
        args: list[str], *, exit_code: int | None = 0, env: dict[str, str] | None = None
    ) -> Result:
        result = runner.invoke(app, args, env=env, catch_exceptions=False)
        if exit_code is not None:
            assert result.exit_code == exit_code, (
                f"raci {' '.join(args)} exited {result.exit_code}, expected {exit_code}\n"
                f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
            )
        return result

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write ``text`` to ``tmp_path / name`` (creating folders) and return the path."""

    def write_file(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write_file
