"""First-hour details: init into a directory, whatif as a gate, labels that do not repeat
the id, load bars that show any overflow."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import RunLine

Write = Callable[[str, str], Path]

MODEL = """\
version: 1
functions:
  IT: {name: Digital Workplace (IT), capacity: 100}
  HR: {name: Human Resources}
  Brand: {name: Brand}
activities:
  - {id: intranet, name: Run the intranet, effort: 101, raci: {IT: A/R, HR: C, Brand: I}}
  - {id: policy, name: Write the policy, raci: {HR: A/R, IT: C}}
"""


@pytest.mark.parametrize("given", ["ownership/", "ownership/nested/"])
def test_init_with_a_trailing_slash_creates_dir_raci_yaml(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_line(["init", given])
    created = Path(given) / "raci.yaml"
    assert result.stdout.startswith(f"Created {created} from the reference model")
    assert (tmp_path / created).is_file()
    assert not (tmp_path / given.rstrip("/")).is_file()


def test_init_into_an_existing_directory(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ownership").mkdir()
    run_line(["init", "ownership"])
    assert (tmp_path / "ownership" / "raci.yaml").is_file()
    again = run_line(["init", "ownership/"], exit_code=2)
    assert again.stderr == "raci: ownership/raci.yaml already exists; pass --force to replace it\n"


def test_whatif_strict_gates_on_new_errors(run_line: RunLine, write: Write) -> None:
    path = str(write("org.yaml", MODEL))
    # without HR, 'policy' has nobody Accountable or Responsible: new errors
    run_line(["whatif", path, "--without", "HR"], exit_code=0)
    run_line(["whatif", path, "--without", "HR", "--strict"], exit_code=1)
    # without Brand (only Informed) nothing breaks
    run_line(["whatif", path, "--without", "Brand", "--strict"], exit_code=0)


def test_labels_never_repeat_the_id(run_line: RunLine, write: Write) -> None:
    path = str(write("org.yaml", MODEL))
    report = run_line(["report", path]).stdout
    assert "(IT) (IT)" not in report
    assert "Digital Workplace (IT) is the most loaded function" in report
    html = run_line(["report", path, "--format", "html"]).stdout
    assert "(IT) (IT)" not in html
    assert "<title>Human Resources (HR)</title>" in html


def test_load_bar_shows_overflow_from_101_percent(run_line: RunLine, write: Write) -> None:
    path = str(write("org.yaml", MODEL))
    (row,) = [line for line in run_line(["load", path]).stdout.splitlines() if "101 / 100" in line]
    assert "█" * 19 + "▒" in row
    assert "over-capacity" in row
