"""Golden wrong-input files: each ``X.yaml`` under ``golden/wrong`` gives exactly the text
in ``X.expected`` (exit 2), so every message and position is pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunLine

WRONG = Path(__file__).parent / "golden" / "wrong"


@pytest.mark.parametrize("case", sorted(WRONG.glob("*.yaml")), ids=lambda path: path.stem)
def test_wrong_input_gives_the_expected_errors(
    run_line: RunLine, case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(WRONG)
    result = run_line(["check", case.name], exit_code=2)
    assert result.stdout == case.with_suffix(".expected").read_text(encoding="utf-8")
