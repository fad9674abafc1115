"""The README's walk-through (spreadsheet -> ownership file -> check, and the reference
models) shows what the tool prints today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, RunLine

SECTION = (
    (ROOT / "README.md")
    .read_text(encoding="utf-8")
    .split("## Reports, spreadsheets and reference models", 1)[1]
)


def _after(command: str) -> str:
    """The output printed under ``$ command`` in the section's console blocks."""
    found = re.search(rf"^\$ {re.escape(command)}\n(.*?)(?=^\$ |^```)", SECTION, re.M | re.S)
    assert found, f"the README no longer shows '$ {command}'"
    return found[1]


def test_import_and_check_output(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").mkdir()
    csv = (EXAMPLES / "adoption-matrix.csv").read_bytes()
    (tmp_path / "examples" / "adoption-matrix.csv").write_bytes(csv)
    name = "Contoso enterprise social adoption"
    run_line(["import", "examples/adoption-matrix.csv", "--name", name, "-o", "org.yaml"])
    written = (tmp_path / "org.yaml").read_text(encoding="utf-8")
    assert "".join(written.splitlines(keepends=True)[:22]) == _after("head -22 org.yaml")
    assert run_line(["check", "org.yaml"]).stdout == _after("raci check org.yaml")


def test_models_and_init_output(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_line(["models"]).stdout == _after("raci models")
    assert run_line(["init"]).stdout == _after("raci init")
    assert run_line(["init", "--model", "intranet-relaunch"], exit_code=2).stderr == _after(
        "raci init --model intranet-relaunch"
    )
    assert run_line(["init", "--model", "intranet", "--force"], exit_code=2).stderr == _after(
        "raci init --model intranet --force"
    )
