"""``raci rebalance --responsible`` on phased models: a capacity given per phase holds
each phase's load, as ``capacity-overload`` checks it, and a move on one phase of an
activity given per phase is written into that phase's letters."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, RunLine

Write = Callable[[str, str], Path]

# IC carries 8 of its 8 over the year, but 5 in launch against 4 there.
CRUNCH = """\
version: 1
name: Launch crunch
phases: [prepare, launch, run]
functions:
  IC: {name: Internal Communications, capacity: {launch: 4, run: 4}}
  OD: {name: Organisational Development, capacity: {launch: 4, run: 4}}
activities:
  - {id: announce, name: Announce the launch, phase: launch, effort: 3, raci: {IC: A/R, OD: C}}
  - {id: briefing, name: Brief the managers, phase: launch, effort: 2, raci: {IC: A/R, OD: C}}
  - {id: newsletter, name: Write the newsletter, phase: run, effort: 3, raci: {IC: A/R, OD: C}}
  - {id: measure, name: Measure adoption, phase: run, effort: 1, raci: {OD: A/R, IC: C}}
"""

CRUNCH_TEXT = """\
Rebalance of Launch crunch (crunch.yaml)
1 move (2 letters change); no function is left over its limits

Moves
  announce  crunch.yaml:8  Responsible  IC → OD  Consulted, the only other eligible function

Load per function
  function  Accountable before  after  limit  Responsible before  after  limit  \
effort before  after   capacity
  IC                         3      3      8                   3      2     12  \
            8      5  per phase
  OD                         1      1      8                   1      2     12  \
            1      4  per phase

Effort per phase
  function  phase   effort before  after  capacity
  IC        launch              5      2         4
  IC        run                 3      3         4
  OD        launch              0      3         4
  OD        run                 1      1         4

Concentration
                    before  after
  HHI                0.625  0.625
  effective owners     1.6    1.6

Findings that disappear (1)
  crunch.yaml:5:50: warning RACI009 capacity-overload: function 'IC' carries 5 effort units \
in phase 'launch' against a capacity of 4 (125%)
"""


def test_work_moves_out_of_the_phase_over_capacity_only(
    here: Path, write: Write, run_line: RunLine
) -> None:
    write("crunch.yaml", CRUNCH)
    assert run_line(["check", "crunch.yaml"]).stdout.startswith(
        "crunch.yaml:5:50: warning RACI009 capacity-overload: function 'IC' carries 5 effort "
        "units in phase 'launch'"
    )
    result = run_line(["rebalance", "crunch.yaml", "--responsible", "--write", "fixed.yaml"])
    assert result.stdout == CRUNCH_TEXT
    fixed = (here / "fixed.yaml").read_text()
    assert fixed == CRUNCH.replace(
        "effort: 3, raci: {IC: A/R, OD: C}}\n  - {id: briefing",
        "effort: 3, raci: {IC: A, OD: R}}\n  - {id: briefing",
    )
    assert run_line(["check", "fixed.yaml"]).stdout.startswith("✓ No problems in 1 file")


def test_figures_per_phase_in_json(here: Path, write: Write, run_line: RunLine) -> None:
    write("crunch.yaml", CRUNCH)
    result = run_line(["rebalance", "crunch.yaml", "--responsible", "-f", "json"])
    document = json.loads(result.stdout)
    assert document["load"][0]["capacity"] == 8
    assert document["load"][0]["phases"] == [
        {"phase": "launch", "effort": {"before": 5, "after": 2}, "capacity": 4},
        {"phase": "run", "effort": {"before": 3, "after": 3}, "capacity": 4},
    ]
    assert "phase" not in document["moves"][0]  # the activity is not given per phase


def test_without_per_phase_the_total_is_held(here: Path, write: Write, run_line: RunLine) -> None:
    write("crunch.yaml", CRUNCH + "rules:\n  capacity-overload: {per_phase: false}\n")
    result = run_line(["rebalance", "crunch.yaml", "--responsible"])
    assert result.stdout.splitlines()[1] == "No moves needed: no function is over its limits"
    assert "Effort per phase" not in result.stdout


# IC and OD can give launch 4 + 1 effort units; its two activities need 6.
SHORT = """\
version: 1
name: Short in launch
phases: [launch, run]
functions:
  IC: {name: Internal Communications, capacity: {launch: 4, run: 4}}
  OD: {name: Organisational Development, capacity: {launch: 1, run: 4}}
activities:
  - {id: announce, name: Announce the launch, phase: launch, effort: 3, raci: {IC: A/R, OD: C}}
  - {id: briefing, name: Brief the managers, phase: launch, effort: 3, raci: {IC: A/R, OD: C}}
  - {id: newsletter, name: Write the newsletter, phase: run, effort: 3, raci: {IC: A/R, OD: C}}
"""


def test_an_infeasible_phase_names_the_capacity_that_binds(
    here: Path, write: Write, run_line: RunLine
) -> None:
    write("short.yaml", SHORT)
    result = run_line(["rebalance", "short.yaml", "--responsible"], exit_code=1)
    assert result.stdout == (
        "Rebalance of Short in launch (short.yaml)\n"
        "No plan: total capacity in launch 5 < 6 effort units of Responsible work in launch: "
        "add capacity in launch or drop scope\n"
        "\n"
        "What remains\n"
        "  IC still carries 6 effort units in launch, above its capacity of 4 there\n"
    )


def test_one_function_s_capacity_in_a_phase_binds(
    here: Path, write: Write, run_line: RunLine
) -> None:
    write("short.yaml", SHORT.replace("OD: C}}", "}}").replace("IC: A/R, }}", "IC: A/R}}"))
    result = run_line(["rebalance", "short.yaml", "--responsible", "--only-involved"], exit_code=1)
    assert result.stdout.splitlines()[1] == (
        "No plan: IC's capacity in launch 4 < 6 effort units of Responsible work on 2 "
        "activities in launch (announce, briefing), which have no other eligible function"
    )
    result = run_line(
        ["rebalance", "short.yaml", "--responsible", "--keep", "announce", "--keep", "briefing"],
        exit_code=1,
    )
    assert result.stdout.splitlines()[1] == (
        "No plan: IC carries 6 effort units in launch on activities pinned with --keep, "
        "above its capacity of 4 there"
    )


def test_several_functions_capacities_in_a_phase_bind(
    here: Path, write: Write, run_line: RunLine
) -> None:
    write("short.yaml", SHORT + "  - {id: tenant, name: Set up the tenant, raci: {IT: A/R}}\n")
    text = (here / "short.yaml").read_text()
    write("short.yaml", text.replace("functions:\n", "functions:\n  IT: {name: IT}\n"))
    result = run_line(["rebalance", "short.yaml", "--responsible", "--only-involved"], exit_code=1)
    assert result.stdout.splitlines()[1] == (
        "No plan: the capacities in launch of IC and OD 5 (IC 4, OD 1) < 6 effort units of "
        "Responsible work on 2 activities in launch (announce, briefing), which only they may do"
    )


# community runs in launch and run; IC is over in launch, and only OD may help there.
STAGED = """\
version: 1
name: Community changes hands
phases: [launch, run]
functions:
  IC: {name: Internal Communications, capacity: {launch: 4, run: 4}}
  OD: {name: Organisational Development, capacity: {launch: 4, run: 4}}
activities:
  - {id: announce, name: Announce the launch, phase: launch, effort: 3, raci: {IC: A/R}}
  # community management runs in both phases
  - id: community
    name: Community management
    effort: 2
    raci:
      launch:     # IC starts it
        IC: A/R
        OD: C
      run: {IC: A/R}   # and keeps it
"""


def test_a_move_on_one_phase_is_written_into_that_phase(
    here: Path, write: Write, run_line: RunLine
) -> None:
    write("org.yaml", STAGED)
    result = run_line(["rebalance", "org.yaml", "--responsible", "--only-involved", "--in-place"])
    assert result.stdout.splitlines()[4] == (
        "  community (launch)  org.yaml:14  Responsible  IC → OD  Consulted, the only other "
        "eligible function"
    )
    assert (here / "org.yaml").read_text() == STAGED.replace(
        "        IC: A/R\n        OD: C\n", "        IC: A\n        OD: R\n"
    )
    assert run_line(["check", "org.yaml"]).stdout.splitlines()[:-1] == [
        "org.yaml:8:6: warning RACI010 sole-owner: function 'IC' goes it alone on activity "
        "'announce': no other function is Responsible (R) or Consulted (C)",
        "org.yaml:17:7: warning RACI010 sole-owner: function 'IC' goes it alone on activity "
        "'community' in phase 'run': no other function is Responsible (R) or Consulted (C)",
    ]  # as before the plan; capacity-overload is gone
    moves = json.loads(run_line(["rebalance", "org.yaml", "-f", "json"]).stdout)["moves"]
    assert moves == []


def test_a_function_new_to_one_phase_is_added_to_that_phase(
    here: Path, write: Write, run_line: RunLine
) -> None:
    write("org.yaml", STAGED.replace("        OD: C\n", ""))
    options = ["--responsible", "--keep", "announce"]
    result = run_line(["rebalance", "org.yaml", *options, "--write", "fixed.yaml"])
    [move] = json.loads(run_line(["rebalance", "org.yaml", *options, "-f", "json"]).stdout)["moves"]
    assert (move["activity"], move["phase"], move["to"], move["line"]) == (
        "community",
        "launch",
        "OD",
        14,
    )
    assert "community (launch)" in result.stdout
    assert (here / "fixed.yaml").read_text() == STAGED.replace(
        "        IC: A/R\n        OD: C\n", "        IC: A\n        OD: R\n"
    )
    assert run_line(["check", "fixed.yaml"]).stdout.startswith("fixed.yaml:8:6: warning RACI010")


def test_without_responsible_the_note_names_the_phase(
    here: Path, write: Write, run_line: RunLine
) -> None:
    write("crunch.yaml", CRUNCH)
    result = run_line(["rebalance", "crunch.yaml"])
    assert result.stdout.splitlines()[-1] == (
        "  capacity-overload remains for IC in launch: it is about Responsible work, which "
        "moves only with --responsible"
    )


def test_readme_phases_sample_is_current(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Rebalancing", 1)[1].split("\n### Phases\n", 1)[1]
    sample = section.split("```console\n", 1)[1].split("```", 1)[0].splitlines()
    monkeypatch.chdir(ROOT)
    result = run_line(sample[0].split()[2:])  # after "$ raci"
    shown = [line for line in sample[1:] if line not in ("...", "")]
    assert shown == [line for line in result.stdout.splitlines() if line in shown]
    assert len(shown) == 8


# IC owns all of launch: 5 of 5, against 40% of 5 (2) with per_phase.
BY_PHASE = """\
version: 1
name: IC owns the launch
phases: [prepare, launch]
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
activities:
  - {id: p1, name: Plan, phase: prepare, raci: {HR: A/R, IC: C}}
  - {id: p2, name: Policy, phase: prepare, raci: {HR: A/R, OD: C}}
  - {id: p3, name: Pilot, phase: prepare, raci: {OD: A/R, IC: C}}
  - {id: p4, name: Train, phase: prepare, raci: {OD: A/R, HR: C}}
  - {id: p5, name: Measure, phase: prepare, raci: {HR: A/R, OD: C}}
  - {id: l1, name: Announce, phase: launch, raci: {IC: A/R, HR: C}}
  - {id: l2, name: Brief, phase: launch, raci: {IC: A/R, OD: C}}
  - {id: l3, name: Event, phase: launch, raci: {IC: A/R, HR: C}}
  - {id: l4, name: Stories, phase: launch, raci: {IC: A/R, OD: C}}
  - {id: l5, name: FAQ, phase: launch, raci: {IC: A/R, HR: C}}
rules:
  single-owner-overload: {per_phase: true}
  accountability-concentration: off
"""


def test_limits_within_each_phase_are_cleared(here: Path, write: Write, run_line: RunLine) -> None:
    write("org.yaml", BY_PHASE)
    result = run_line(["rebalance", "org.yaml", "--responsible", "--write", "fixed.yaml"])
    assert result.stdout.splitlines()[1] == (
        "8 moves (8 letters change); no function is left over its limits"
    )
    assert run_line(["check", "fixed.yaml"]).stdout.startswith("✓ No problems in 1 file")


LAUNCH_ALONE = """\
version: 1
name: IC alone on three launch activities
phases: [prepare, launch]
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
activities:
  - {id: p1, name: Plan, phase: prepare, raci: {HR: A/R, IC: C}}
  - {id: p2, name: Policy, phase: prepare, raci: {HR: A/R, OD: C}}
  - {id: p3, name: Pilot, phase: prepare, raci: {OD: A/R, IC: C}}
  - {id: p4, name: Train, phase: prepare, raci: {OD: A/R, HR: C}}
  - {id: p5, name: Measure, phase: prepare, raci: {IC: A/R, OD: C}}
  - {id: l1, name: Announce, phase: launch, raci: {IC: A/R}}
  - {id: l2, name: Brief, phase: launch, raci: {IC: A/R}}
  - {id: l3, name: Event, phase: launch, raci: {IC: A/R}}
  - {id: l4, name: Stories, phase: launch, raci: {OD: A/R, IC: C}}
  - {id: l5, name: FAQ, phase: launch, raci: {HR: A/R, IC: C}}
rules:
  single-owner-overload: {per_phase: true, max_responsible_share: 1}
  accountability-concentration: off
  sole-owner: off
"""


def test_a_limit_within_a_phase_that_binds_is_named(
    here: Path, write: Write, run_line: RunLine
) -> None:
    # IC: 1 of 5 in prepare, 3 of 5 in launch (l1-l3, which only it is on), 4 of 10 in all
    write("org.yaml", LAUNCH_ALONE)
    result = run_line(["rebalance", "org.yaml", "--only-involved"], exit_code=1)
    assert result.stdout.splitlines()[1] == (
        "No plan: 3 activities in launch (l1, l2, l3) can only go to IC, and IC may be "
        "Accountable for at most 2 of them in launch (40% of 5 activities in launch: "
        "max_accountable_share 0.4)"
    )
    assert result.stdout.splitlines()[4] == (
        "  IC stays Accountable for 3 activities in launch, above its limit of 2 there "
        "(40% of 5 activities in launch: max_accountable_share 0.4)"
    )


def test_a_phase_left_over_is_flagged(here: Path, write: Write, run_line: RunLine) -> None:
    # launch needs 7 effort units; IC and OD have 4 + 2 there: the best plan leaves 1 over
    event = "  - {id: event, name: Run the event, phase: launch, effort: 1, raci: {IC: A/R}}\n"
    write("org.yaml", SHORT.replace("launch: 1,", "launch: 2,") + event)
    result = run_line(["rebalance", "org.yaml", "--responsible"], exit_code=1)
    lines = result.stdout.splitlines()
    table = lines[lines.index("Effort per phase") + 1 : lines.index("Effort per phase") + 6]
    assert table == [
        "  function  phase   effort before  after  capacity",
        "  IC        launch              7      4         4",
        "  IC        run                 3      3         4",
        "  OD        launch              0      3         2  over",
        "  OD        run                 0      0         4",
    ]
    assert lines[-2:] == [
        "  OD still carries 3 effort units in launch, above its capacity of 2 there",
        "  why: total capacity in launch 6 < 7 effort units of Responsible work in launch: add "
        "capacity in launch or drop scope",
    ]
