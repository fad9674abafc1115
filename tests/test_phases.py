"""Phases: their order, capacity per phase, raci per phase, and figures per phase.

The per-phase figures of ``tests/data/phased.yaml``, by hand (effort shared among R):

* prepare (plan 2: OD, IT R; tenant 3: IT R): OD 1, IT 1 + 3 = 4; A: OD 1, IT 1;
  HHI = 0.5^2 + 0.5^2 = 0.5
* launch (announce 3: IC; community 2: IC): IC 5 > capacity 4; A: IC 2; HHI 1
* run (community 2: IC R, OD A; measure 1: OD, IT R): IC 2, OD 0.5, IT 0.5; A: OD 2
"""

from __future__ import annotations

from pathlib import Path

import pytest

from raci.core.context import Context
from raci.core.metrics import compute
from raci.engine import check, load
from tests.conftest import RunLine
from tests.helpers import DATA, SMALL, context_of, model_of

PHASED = DATA / "phased.yaml"


def _figures(path: Path) -> dict[str, dict[str, tuple[int, int, float]]]:
    metrics = compute(context_of(path))
    return {
        phase.phase: {
            row.id: (row.accountable, row.responsible, round(row.load, 6))
            for row in phase.functions
        }
        for phase in metrics.phases
    }


def test_per_phase_load_by_hand() -> None:
    assert _figures(PHASED) == {
        "prepare": {"IC": (0, 0, 0.0), "OD": (1, 1, 1.0), "IT": (1, 2, 4.0)},
        "launch": {"IC": (2, 2, 5.0), "OD": (0, 0, 0.0), "IT": (0, 0, 0.0)},
        "run": {"IC": (0, 1, 2.0), "OD": (2, 1, 0.5), "IT": (0, 1, 0.5)},
    }
    phases = compute(context_of(PHASED)).phases
    assert [(phase.activities, phase.hhi) for phase in phases] == [(2, 0.5), (2, 1.0), (2, 1.0)]
    launch = {row.id: row for row in phases[1].functions}
    assert (launch["IC"].capacity, launch["IC"].utilisation, launch["IC"].over) == (4, 1.25, True)
    assert launch["OD"].capacity is None  # a plain capacity is for the whole programme


def test_phases_add_up_to_the_totals() -> None:
    metrics = compute(context_of(PHASED))
    for function in metrics.functions:
        rows = [row for phase in metrics.phases for row in phase.functions if row.id == function.id]
        assert sum(row.load for row in rows) == pytest.approx(function.load)
        assert sum(row.accountable for row in rows) == function.accountable


def test_an_activity_with_raci_per_phase_is_one_activity_per_phase() -> None:
    model = model_of(PHASED)
    parts = [activity for activity in model.activities if activity.id == "community"]
    assert [(part.phase, part.stage, dict(part.raci)) for part in parts] == [
        ("launch", "launch", {"IC": parts[0].raci["IC"], "OD": parts[0].raci["OD"]}),
        ("run", "run", {"OD": parts[1].raci["OD"], "IC": parts[1].raci["IC"]}),
    ]
    assert [part.raci["IC"].label for part in parts] == ["A/R", "R"]
    assert model.phases == ["prepare", "launch", "run"]
    assert model.functions["IC"].capacity == 7  # the sum of its phases
    assert model.phased


def test_phases_in_order_of_first_appearance_without_a_list(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\nfunctions: {IC: {name: IC}}\nactivities:\n"
        "  - {id: a, name: A, phase: run, raci: {IC: A/R}}\n"
        "  - {id: b, name: B, raci: {launch: {IC: A/R}, run: {IC: R}}}\n",
        encoding="utf-8",
    )
    model = model_of(path)
    assert model.phases == ["run", "launch"]
    assert not model.declared_phases
    assert model.phased


def test_a_model_without_phases_has_no_phase_figures() -> None:
    model = model_of(SMALL)
    assert not model.phased
    data = compute(Context(model)).as_dict()
    assert "phases" not in data


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "phases: [prepare, launch]\nfunctions: {IC: {name: IC}}\nactivities:\n"
            "  - {id: a, name: A, phase: lanch, raci: {IC: A/R}}\n",
            "org.yaml:5:29: activity 'a' names phase 'lanch', which 'phases' does not list "
            "(did you mean 'launch'?)",
        ),
        (
            "phases: [prepare, launch]\nfunctions: {IC: {name: IC}}\nactivities:\n"
            "  - {id: a, name: A, raci: {prepare: {IC: A/R}, run: {IC: R}}}\n",
            "org.yaml:5:49: activity 'a' names phase 'run', which 'phases' does not list",
        ),
        (
            "functions: {IC: {name: IC, capacity: {lanch: 2}}}\nactivities:\n"
            "  - {id: a, name: A, phase: launch, raci: {IC: A/R}}\n",
            "org.yaml:2:39: 'capacity' of function 'IC' names phase 'lanch', which no activity "
            "has (did you mean 'launch'?)",
        ),
        (
            "functions: {IC: {name: IC}}\nactivities:\n"
            "  - {id: a, name: A, raci: {IC: A, run: {IC: R}}}\n",
            "org.yaml:4:29: 'raci' of activity 'a' mixes a letter ('IC') with phases ('run'): "
            "give function -> letter, or phase -> (function -> letter), not both",
        ),
        (
            "functions: {IC: {name: IC}}\nactivities:\n"
            "  - {id: a, name: A, phase: run, raci: {run: {IC: A/R}}}\n",
            "org.yaml:4:22: activity 'a' gives its raci per phase, so it takes no 'phase'",
        ),
        (
            "phases: [run, run]\nfunctions: {IC: {name: IC}}\nactivities:\n"
            "  - {id: a, name: A, phase: run, raci: {IC: A/R}}\n",
            "org.yaml:2:15: phase 'run' is listed twice in 'phases'",
        ),
        (
            "functions: {IC: {name: IC}}\nactivities:\n"
            "  - {id: a, name: A, raci: {run: {IC: X}}}\n",
            "org.yaml:4:39: 'X' is not a RACI letter ('raci.run.IC' of activity 'a'): use one "
            "of R, A, C, I, A/R",
        ),
    ],
)
def test_phase_input_errors(tmp_path: Path, source: str, message: str) -> None:
    path = tmp_path / "org.yaml"
    path.write_text("version: 1\n" + source, encoding="utf-8")
    loaded = load(path, "org.yaml")
    assert loaded.model is None
    assert [f"{f.file}:{f.line}:{f.column}: {f.message}" for f in loaded.findings] == [message]


def test_rules_read_an_activity_phase_by_phase(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\nfunctions: {IC: {name: IC}, OD: {name: OD}}\nactivities:\n"
        "  - id: community\n    name: Community management\n    raci:\n"
        "      launch: {IC: A/R}\n      run: {OD: R}\n",
        encoding="utf-8",
    )
    report = check([path])
    found = [(f.rule, f.line, f.column, f.message) for f in report.findings]
    assert ("missing-accountable", 8, 7, "activity 'community' in phase 'run' has no "
            "Accountable (A): nobody owns the outcome") in found  # fmt: skip
    assert not any(finding.rule == "duplicate-id" for finding in report.findings)


def test_load_by_phase_in_text(run_line: RunLine) -> None:
    output = run_line(["load", str(PHASED)]).output
    tail = output[output.index("Load per phase") :]
    assert tail == (
        "Load per phase\n\n"
        "Phase prepare: 2 activities, HHI of accountability 0.500\n"
        "Function  A  R  Load  Share A  Flags\n"
        "────────────────────────────────────\n"
        "IT        1  2     4      50%\n"
        "OD        1  1     1      50%\n\n"
        "Phase launch: 2 activities, HHI of accountability 1.000\n"
        "Function  A  R   Load  Share A  Flags\n"
        "─────────────────────────────────────────────\n"
        "IC        2  2  5 / 4     100%  over-capacity\n\n"
        "Phase run: 2 activities, HHI of accountability 1.000\n"
        "Function  A  R   Load  Share A  Flags\n"
        "─────────────────────────────────────\n"
        "IC        0  1  2 / 3       0%\n"
        "OD        2  1    0.5     100%\n"
        "IT        0  1    0.5       0%\n"
    )


def test_load_by_phase_is_opt_in_for_models_that_only_group(run_line: RunLine) -> None:
    plain = run_line(["load", str(SMALL)]).output
    assert "Load per phase" not in plain
    assert run_line(["load", str(SMALL), "--no-by-phase"]).output == plain
    forced = run_line(["load", str(SMALL), "--by-phase"]).output
    assert forced.startswith(plain)
    assert "Load per phase" in forced
    assert "Load per phase" not in run_line(["load", str(PHASED), "--no-by-phase"]).output
