"""Golden wrong-input files: each ``X.yaml`` under ``golden/wrong`` gives exactly the text
in ``X.expected`` (exit 2), so every message and position is pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunLine

WRONG = Path(__file__).parent / "golden" / "wrong"
MISSING_COLON = sorted(WRONG.glob("syntax-missing-colon*.yaml"))


@pytest.mark.parametrize("case", sorted(WRONG.glob("*.yaml")), ids=lambda path: path.stem)
def test_wrong_input_gives_the_expected_errors(
    run_line: RunLine, case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(WRONG)
    result = run_line(["check", case.name], exit_code=2)
    assert result.stdout == case.with_suffix(".expected").read_text(encoding="utf-8")


def test_every_missing_colon_case_points_at_the_text_it_quotes() -> None:
    """One error, and its line:column is where the quoted colon-less text starts."""
    for case in MISSING_COLON:
        first, summary = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
        _, line, column, message = first.split(":", 3)
        quoted = message.split("parse-error: '", 1)[1].split("' has no ':' after its key", 1)[0]
        text = case.read_text(encoding="utf-8").splitlines()[int(line) - 1]
        assert text[int(column) - 1 :].startswith(quoted), case.name
        assert summary.startswith("✗ Could not use the input: 1 error,"), case.name


@pytest.mark.parametrize("command", [["load"], ["matrix"]], ids=" ".join)
@pytest.mark.parametrize("case", MISSING_COLON, ids=lambda path: path.stem)
def test_load_and_matrix_give_the_same_one_error(
    run_line: RunLine, case: Path, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(WRONG)
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()[0]
    result = run_line([*command, case.name], exit_code=2)
    assert result.stdout == ""
    assert result.stderr == expected + "\n"
