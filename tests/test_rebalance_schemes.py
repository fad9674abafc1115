"""``raci rebalance`` in every scheme: the examples, and overloaded DACI, RASCI, RAPID and
RACI-VS models whose moves and new letters were worked out by hand."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from raci.core.scheme import SCHEMES
from raci.engine import load
from raci.rebalance import Options, propose
from raci.rebalance.apply import demoted, label
from tests.conftest import EXAMPLES, RunLine
from tests.test_rebalance import model_of, moved

Write = Callable[[str, str], Path]

SCHEME_EXAMPLES = sorted((EXAMPLES / "schemes").glob("*.yaml"))
OWNER_WORD = {"daci": "Approver", "raci-vs": "Accountable", "rapid": "Decide"}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- the examples: nothing to do, a plan, or no plan; never a traceback ------------------


@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
@pytest.mark.parametrize("path", SCHEME_EXAMPLES, ids=lambda path: path.stem)
def test_each_example_needs_no_moves(run_line: RunLine, path: Path, output_format: str) -> None:
    owner = OWNER_WORD.get(path.stem, "Accountable")
    for extra, headline in (
        ([], f"No moves needed: no function is {owner} beyond its limit"),
        (["--responsible"], "No moves needed: no function is over its limits"),
    ):
        output = run_line(["rebalance", str(path), "-f", output_format, *extra]).stdout
        if output_format == "json":
            data = json.loads(output)
            assert (data["feasible"], data["moves"], data["changes"]) == (True, [], 0)
        else:
            assert headline in output


@pytest.mark.parametrize("path", SCHEME_EXAMPLES, ids=lambda path: path.stem)
def test_each_example_has_a_plan_without_it(run_line: RunLine, here: Path, path: Path) -> None:
    """IT steps back from everything it holds: a plan that introduces no error."""
    result = run_line(["rebalance", str(path), "--never", "IT", "--responsible", "-w", "out.yaml"])
    assert "no function is left over its limits" in result.stdout
    model = load(path).model
    assert model is not None
    plan = propose(model, Options(never=("IT",), responsible=True))
    assert plan.moves
    assert not [finding for finding in plan.introduced if finding.severity == "error"]
    after = load(here / "out.yaml").model
    assert after is not None
    assert not any(
        activity.owners == ["IT"] or "IT" in activity.workers for activity in after.activities
    )
    run_line(["check", "out.yaml"])  # exit 0: no errors


@pytest.mark.parametrize("path", SCHEME_EXAMPLES, ids=lambda path: path.stem)
def test_each_example_has_no_plan_under_an_impossible_limit(run_line: RunLine, path: Path) -> None:
    owner = OWNER_WORD.get(path.stem, "Accountable")
    result = run_line(["rebalance", str(path), "--max-accountable", "1"], exit_code=1)
    verdict = result.stdout.splitlines()[1]
    assert verdict.startswith("No plan: the model's ") or "the best plan there is" in verdict
    assert f"each need a{'n' * (owner[0] in 'AE')} {owner}" in result.stdout


# --- DACI: IC is the Approver of every decision -----------------------------------------

DACI = """\
version: 1
scheme: daci
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  IT: {name: Information Technology}
  Brand: {name: Brand}
activities:
  - {id: platform, name: Choose the platform, raci: {IC: A, IT: D, HR: C}}
  - {id: guidelines, name: Set the community guidelines, raci: {IC: A, HR: D, IT: I}}
  - {id: identity, name: Decide the network identity, raci: {IC: A/D, Brand: C}}
  - {id: launch-date, name: Decide the launch date, raci: {IC: A/D, HR: C, IT: I}}
  - {id: measures, name: Decide the success measures, raci: {IC: A/D, HR: C, IT: C}}
rules:
  single-owner-overload: {max_accountable: 2}
"""


def test_daci_approvals_move_to_the_drivers_first(write: Write) -> None:
    """IC approves 5 decisions and may approve 2: 3 move, one to each other function (the
    cost is convex). IT and HR already drive 'platform' and 'guidelines' and become A/D;
    'identity' goes to Brand, its only Contributor, who becomes Approver (A) while IC
    keeps driving it (D). IC, left without a role, stays a Contributor (C), so the new
    Approvers do not go it alone."""
    plan = propose(model_of(write, DACI))
    assert moved(plan) == [
        ("platform", "accountable", ("IC",), "IT"),
        ("guidelines", "accountable", ("IC",), "HR"),
        ("identity", "accountable", ("IC",), "Brand"),
    ]
    assert [move.reason for move in plan.moves] == [
        "already Driver, least loaded",
        "already Driver, least loaded",
        "Contributor, least loaded",
    ]
    assert plan.changes == {
        0: {"IC": "C", "IT": "A/D"},
        1: {"IC": "C", "HR": "A/D"},
        2: {"IC": "D", "Brand": "A"},
    }
    assert {load.id: load.accountable for load in plan.loads} == {
        "IC": (5, 2),
        "HR": (0, 1),
        "IT": (0, 1),
        "Brand": (0, 1),
    }
    assert not plan.introduced
    after = plan.after
    assert [activity.owners for activity in after.activities] == [
        ["IT"], ["HR"], ["Brand"], ["IC"], ["IC"],
    ]  # fmt: skip


# --- RASCI: IC is Accountable for everything --------------------------------------------

RASCI = """\
version: 1
scheme: rasci
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
  IT: {name: Information Technology}
activities:
  - {id: discovery, name: Find the use cases, raci: {IC: A, OD: R, HR: S}}
  - {id: setup, name: Configure the tenant, raci: {IC: A, IT: R, OD: C}}
  - {id: guidelines, name: Write the guidelines, raci: {IC: A/R, HR: S}}
  - {id: champions, name: Recruit the champions, raci: {IC: A, OD: S}}
  - {id: reporting, name: Report adoption, raci: {IC: A/R, IT: S, OD: I}}
rules:
  single-owner-overload: {max_accountable: 2}
"""


def test_rasci_accountability_moves_to_who_does_the_work(write: Write) -> None:
    """IC is Accountable for 5 and may be for 2: 3 move, one each to OD, IT and HR. OD and
    IT are Responsible and become A/R. HR only Supports 'guidelines', and RASCI has no
    A/S: HR becomes A and IC, who keeps doing the work, R. IC is Consulted where it
    hands over everything."""
    plan = propose(model_of(write, RASCI))
    assert moved(plan) == [
        ("discovery", "accountable", ("IC",), "OD"),
        ("setup", "accountable", ("IC",), "IT"),
        ("guidelines", "accountable", ("IC",), "HR"),
    ]
    assert plan.moves[2].reason == "already Supportive, least loaded"
    assert plan.changes == {
        0: {"IC": "C", "OD": "A/R"},
        1: {"IC": "C", "IT": "A/R"},
        2: {"IC": "R", "HR": "A"},
    }
    assert not plan.introduced


def test_rasci_a_supporter_doing_the_work_alone_becomes_a_r(write: Write) -> None:
    """'champions' has only a Supportive: when OD takes it over, dropping its S would
    leave nobody doing the work, so OD becomes A/R."""
    keep = ("discovery", "setup", "guidelines", "reporting")
    options = Options(keep=keep, max_accountable=4, max_share=1)
    plan = propose(model_of(write, RASCI), options)
    assert moved(plan) == [("champions", "accountable", ("IC",), "OD")]
    assert plan.changes == {3: {"IC": "C", "OD": "A/R"}}
    assert not [finding for finding in plan.introduced if finding.severity == "error"]


# --- RAPID and RACI-VS: letters the scheme cannot, or can, combine -----------------------

RAPID = """\
version: 1
scheme: rapid
functions:
  Exec: {name: Executive team}
  IT: {name: Information Technology}
  HR: {name: Human Resources}
activities:
  - {id: platform, name: Pick the platform, raci: {Exec: D, IT: R}}
  - {id: policy, name: Set the policy, raci: {Exec: D, HR: R, IT: P}}
  - {id: budget, name: Fund it, raci: {Exec: D/P, HR: I}}
rules:
  single-owner-overload: {max_accountable: 1, max_accountable_share: 1}
"""


def test_rapid_a_recommend_who_decides_keeps_working_only_when_alone(write: Write) -> None:
    """RAPID has D/P but no D/R. On 'platform' IT is the only one doing the work: it
    becomes D/P rather than leave the decision without anyone doing the work. On 'policy'
    IT still Performs, so HR, who takes the decision, gives up its Recommend (D)."""
    plan = propose(model_of(write, RAPID), Options(keep=("budget",)))
    assert moved(plan) == [
        ("platform", "accountable", ("Exec",), "IT"),
        ("policy", "accountable", ("Exec",), "HR"),
    ]
    assert plan.changes == {0: {"Exec": "I", "IT": "D/P"}, 1: {"Exec": "I", "HR": "D"}}
    assert not plan.introduced  # no decision is left without Recommend or Perform
    assert [activity.workers for activity in plan.after.activities] == [
        ["IT"], ["IT"], ["Exec"],
    ]  # fmt: skip


def test_rapid_moves_name_the_work_in_its_two_letters(
    run_line: RunLine, here: Path, write: Write
) -> None:
    write("rapid.yaml", RAPID.replace("max_accountable: 1", "max_accountable: 3"))
    result = run_line(["rebalance", "rapid.yaml", "--responsible", "--never", "IT"])
    lines = result.stdout.splitlines()
    assert "Recommend/Perform before" in lines[lines.index("Load per function") + 1]
    assert any("Recommend/Perform  IT → " in line for line in lines)


RACI_VS = """\
version: 1
scheme: raci-vs
functions:
  HR: {name: Human Resources}
  IT: {name: Information Technology}
  Legal: {name: Legal}
activities:
  - {id: policy, name: Write the usage policy, raci: {HR: A/S, IT: R, Legal: S}}
  - {id: moderation, name: Set up moderation, raci: {HR: A, IT: R, Legal: V}}
  - {id: training, name: Train the moderators, raci: {HR: A/R, Legal: C}}
rules:
  single-owner-overload: {max_accountable: 2, max_accountable_share: 1}
"""


def test_raci_vs_a_signatory_who_becomes_accountable_still_signs(write: Write) -> None:
    """RACI-VS combines A/S: Legal, the Signatory, becomes A/S; HR hands the A over and
    keeps its signature (S) rather than fall back to Consulted."""
    options = Options(keep=("moderation", "training"), never=("IT",))
    plan = propose(model_of(write, RACI_VS), options)
    assert moved(plan) == [("policy", "accountable", ("HR",), "Legal")]
    assert plan.moves[0].reason == "Signatory, the only other eligible function"
    assert plan.changes == {0: {"HR": "S", "Legal": "A/S"}}


@pytest.mark.parametrize(
    ("scheme", "old", "owner", "worker", "alone", "expected"),
    [
        ("raci", "C", True, True, False, "A/R"),
        ("raci", "R", True, True, False, "A/R"),
        ("raci", "A/R", False, True, False, "R"),
        ("raci", "A", False, False, False, "C"),
        ("daci", "D", True, True, False, "A/D"),
        ("daci", "C", True, False, False, "A"),
        ("daci", "A", False, False, False, "C"),
        ("daci", "A/D", False, True, False, "D"),
        ("rasci", "S", True, True, False, "A"),
        ("rasci", "S", True, True, True, "A/R"),
        ("rapid", "R", True, True, False, "D"),
        ("rapid", "R", True, True, True, "D/P"),
        ("rapid", "P", True, True, False, "D/P"),
        ("rapid", "D", False, False, False, "I"),  # Input: a say, never Agree's veto
        ("raci-vs", "S", True, False, False, "A/S"),
        ("raci-vs", "V", True, False, False, "A"),
        ("raci-vs", "A/S", False, False, False, "S"),
        ("raci-vs", "A/R", False, False, False, "C"),
    ],
)
def test_the_new_letter(
    scheme: str, old: str, owner: bool, worker: bool, alone: bool, expected: str
) -> None:
    held = SCHEMES[scheme].parse(old)
    assert label(SCHEMES[scheme], held, owner, worker, alone) == expected


def test_a_function_that_hands_everything_over_keeps_a_say_without_a_veto() -> None:
    assert {name: demoted(scheme) for name, scheme in SCHEMES.items()} == {
        "raci": "C",
        "rasci": "C",
        "raci-vs": "C",
        "daci": "C",
        "rapid": "I",
    }
