"""``raci whatif``: text and JSON on the small model (see tests/test_whatif.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunLine

TEXT = """\
What if IC steps back? (Small rollout, 5 activities)

Left without an Accountable (A): 3 activities
  vision        could take over: HR (C)
  usage-policy  could take over: HR (R)
  launch-event  nobody on it could take over

Left without a Responsible (R): 2 activities
  vision        could take over: HR (C)
  launch-event  nobody on it could take over

Who carries what now:
  HR  load 1 → 1; taking over vision, usage-policy: load 3, Accountable (A) for 3

New findings: 6
  small.yaml:10:5: error RACI001 missing-accountable: activity 'vision' has no Accountable (A): nobody owns the outcome
  small.yaml:10:5: error RACI003 missing-responsible: activity 'vision' has no Responsible (R): nobody does the work
  small.yaml:15:5: error RACI001 missing-accountable: activity 'usage-policy' has no Accountable (A): nobody owns the outcome
  small.yaml:15:5: warning RACI010 sole-owner: function 'HR' goes it alone on activity 'usage-policy': no other function is Responsible (R) or Consulted (C)
  small.yaml:20:5: error RACI001 missing-accountable: activity 'launch-event' has no Accountable (A): nobody owns the outcome
  small.yaml:20:5: error RACI003 missing-responsible: activity 'launch-event' has no Responsible (R): nobody does the work
"""  # noqa: E501


def test_text(run_line: RunLine, here: Path) -> None:
    assert run_line(["whatif", "small.yaml", "--without", "IC"]).stdout == TEXT


def test_two_functions_and_capacity(run_line: RunLine, here: Path) -> None:
    output = run_line(["whatif", "small.yaml", "-w", "IT", "-w", "HR"]).stdout
    assert output.splitlines()[0] == "What if IT and HR step back? (Small rollout, 5 activities)"
    assert (
        "  IC     load 7 → 7 of 6; taking over usage-policy, champions: load 9 of 6, "
        "Accountable (A) for 4"
    ) in output.splitlines()


def test_nothing_breaks(run_line: RunLine, here: Path) -> None:
    output = run_line(["whatif", "small.yaml", "--without", "OD"]).stdout
    assert output == (
        "What if OD steps back? (Small rollout, 5 activities)\n\n"
        "Left without an Accountable (A): 0 activities\n\n"
        "Left without a Responsible (R): 0 activities\n\n"
        "Who carries what now:\n  none\n\n"
        "New findings: 0\n"
    )


def test_json(run_line: RunLine, here: Path) -> None:
    data = json.loads(run_line(["whatif", "small.yaml", "-w", "IC", "-f", "json"]).stdout)
    assert data["tool"] == {"name": "raci", "version": "0.1.0"}
    assert data["model"] == "Small rollout"
    assert data["removed"] == ["IC"]
    assert [gap["activity"] for gap in data["without_owner"]] == [
        "vision",
        "usage-policy",
        "launch-event",
    ]
    assert data["without_worker"][0]["takers"] == [{"function": "HR", "label": "C"}]
    assert data["loads"] == [
        {
            "function": "HR",
            "name": "Human Resources",
            "capacity": None,
            "before": 1.0,
            "after": 1.0,
            "accountable": 1,
            "takes": ["vision", "usage-policy"],
            "if_taking": 3.0,
            "accountable_if_taking": 3,
        }
    ]
    assert data["new_findings"][3] == {
        "code": "RACI010",
        "rule": "sole-owner",
        "severity": "warning",
        "message": "function 'HR' goes it alone on activity 'usage-policy': no other function "
        "is Responsible (R) or Consulted (C)",
        "file": "small.yaml",
        "line": 15,
        "column": 5,
        "activity": "usage-policy",
        "function": "HR",
    }


def test_unknown_function(run_line: RunLine, here: Path) -> None:
    result = run_line(["whatif", "small.yaml", "--without", "Comms"], exit_code=2)
    assert result.stdout == ""
    assert (
        result.stderr
        == "raci: --without: no function 'Comms' (did you mean 'IC' (Internal Communications)?)\n"
    )


def test_without_is_required(run_line: RunLine, here: Path) -> None:
    result = run_line(["whatif", "small.yaml"], exit_code=2)
    assert "Missing option '--without'" in result.stderr


def test_output_file(run_line: RunLine, here: Path) -> None:
    assert run_line(["whatif", "small.yaml", "-w", "IC", "-o", "whatif.txt"]).stdout == ""
    assert (here / "whatif.txt").read_text("utf-8") == TEXT
