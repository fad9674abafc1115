"""The phases in the views: ``raci matrix`` side by side, ``raci diff --phases``, the
report's "Phases" section; models that are not phased show none of it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunLine
from tests.helpers import DATA, SMALL

PHASED = str(DATA / "phased.yaml")

SIDE_BY_SIDE = """\
Phases side by side

Activity  Name                 prepare      launch run
───────────────────────────────────────────────────────────────
plan      Plan the rollout     OD A/R, IT R
tenant    Set up the tenant    IT A/R
announce  Announce the launch               IC A/R
community Community management              IC A/R → OD A, IC R
measure   Measure adoption                         OD A/R, IT R

Accountable (A) and Responsible (R) in each phase; → the owner changes.
"""


def test_matrix_shows_the_phases_side_by_side(run_line: RunLine) -> None:
    output = run_line(["matrix", PHASED]).stdout
    assert output.endswith("(combined: A/R)\n\n" + SIDE_BY_SIDE)
    # the matrix itself lists the phases in the order of 'phases:', an ongoing activity
    # once in each of its phases
    assert [line.split()[0] for line in output.splitlines() if line[:1].isalpha()][1:4] == [
        "Phase",
        "prepare",
        "launch",
    ]
    assert "Phases side by side" not in run_line(["matrix", PHASED, "--no-by-phase"]).stdout


def test_matrix_side_by_side_follows_the_filters(run_line: RunLine) -> None:
    output = run_line(["matrix", PHASED, "-p", "run", "-F", "IC,OD"]).stdout
    assert output.split("Phases side by side\n\n", 1)[1] == (
        "Activity  Name                 run\n"
        "───────────────────────────────────────────\n"
        "community Community management → OD A, IC R\n"
        "measure   Measure adoption     OD A/R\n\n"
        "Accountable (A) and Responsible (R) in each phase; → the owner changes.\n"
    )


def test_matrix_json_by_phase(run_line: RunLine) -> None:
    data = json.loads(run_line(["matrix", PHASED, "-f", "json"]).stdout)
    community = data["by_phase"]["activities"][3]
    assert data["by_phase"]["phases"] == ["prepare", "launch", "run"]
    assert community == {
        "id": "community",
        "name": "Community management",
        "phases": {
            "launch": {"holders": {"IC": "A/R"}, "owners": ["IC"], "handover": False},
            "run": {"holders": {"OD": "A", "IC": "R"}, "owners": ["OD"], "handover": True},
        },
    }
    plain = json.loads(run_line(["matrix", str(SMALL), "-f", "json"]).stdout)
    assert "by_phase" not in plain
    forced = json.loads(run_line(["matrix", str(SMALL), "-f", "json", "--by-phase"]).stdout)
    assert forced["by_phase"]["phases"] == ["prepare", "launch", "adopt"]


def test_diff_between_two_phases(run_line: RunLine) -> None:
    data = json.loads(run_line(["diff", "--phases", "launch", "run", PHASED, "-f", "json"]).stdout)
    assert (data["old"], data["new"]) == ("launch", "run")
    assert [entry["id"] for entry in data["activities_added"]] == ["measure"]
    assert [entry["id"] for entry in data["activities_removed"]] == ["announce"]
    assert data["renamed"] == []
    assert data["accountability"] == [{"activity": "community", "old": ["IC"], "new": ["OD"]}]
    loads = {entry["function"]: entry["load"] for entry in data["load"]}
    assert loads == {"IC": [5.0, 2.0], "OD": [0.0, 0.5], "IT": [0.0, 0.5]}


def test_diff_phases_input_errors(run_line: RunLine) -> None:
    result = run_line(["diff", "--phases", "lanch", "run", PHASED], exit_code=2)
    assert result.stderr.startswith(
        f"raci: --phases: {PHASED} has no phase 'lanch' (did you mean 'launch'?) "
        "(its phases: prepare, launch, run)"
    )
    result = run_line(["diff", "--phases", "launch", "run", PHASED, PHASED], exit_code=2)
    assert "--phases takes one PATH" in result.stderr


def test_report_has_a_phases_section(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    run_line(["report", PHASED, "-o", str(out), "--date", "2027-01-01"])
    text = out.read_text("utf-8")
    section = text.split("## Phases\n\n", 1)[1].split("\n## ", 1)[0]
    assert "| Community management |  | IC A/R | → OD A, IC R |" in section
    assert "| Internal Communications | 0 | 5 / 4 | 2 / 3 |" in section
    assert "| HHI of accountability | 0.500 | 1.000 | 1.000 |" in section
    small = tmp_path / "small.md"
    run_line(["report", str(SMALL), "-o", str(small), "--date", "2027-01-01"])
    assert "## Phases" not in small.read_text("utf-8")


def test_side_by_side_fits_a_narrow_terminal() -> None:
    from raci.engine import check_model
    from raci.output.matrix import build
    from raci.output.timeline import text_lines

    model = check_model(PHASED, lint_rules=False).require()[0]
    timeline = build(model).timeline
    assert timeline is not None
    lines = text_lines(timeline, model.scheme, False, 44)
    assert lines[2].split() == ["Activity", "prepare", "launch", "run"]  # names went
    assert "community IC A/R → OD A, IC R" in " ".join(" ".join(lines).split())
    assert lines[-2:] == [
        "Accountable (A) and Responsible (R) in each",
        "phase; → the owner changes.",
    ]
    assert max(len(line) for line in lines) <= 44
    assert text_lines(timeline, model.scheme, False, 80) == SIDE_BY_SIDE.splitlines()
