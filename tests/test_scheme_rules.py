"""Rules speak each scheme's own words; too-many-vetoes limits RAPID's Agree."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from raci.engine import check
from raci.rules import REGISTRY, resolve_rule
from raci.rules.too_many_vetoes import TooManyVetoes
from tests.conftest import RunLine

Write = Callable[[str, str], Path]

# the letter each scheme uses for: owner, worker, consulted, owner + worker
LETTERS = {
    "raci": ("A", "R", "C", "A/R"),
    "rasci": ("A", "R", "C", "A/R"),
    "raci-vs": ("A", "R", "V", "A/R"),
    "daci": ("A", "D", "C", "A/D"),
    "rapid": ("D", "P", "I", "D/P"),
}

# how messages name: the owner, several owners, the workers, the consulted,
# owner or worker (idle-function), worker or consulted (sole-owner)
WORDS = {
    "raci": (
        "Accountable (A)",
        "Accountable (A)",
        "Responsible (R)",
        "Consulted (C)",
        "Accountable (A) or Responsible (R)",
        "Responsible (R) or Consulted (C)",
    ),
    "rasci": (
        "Accountable (A)",
        "Accountable (A)",
        "Responsible (R) or Supportive (S)",
        "Consulted (C)",
        "Accountable (A), Responsible (R) or Supportive (S)",
        "Responsible (R), Supportive (S) or Consulted (C)",
    ),
    "raci-vs": (
        "Accountable (A)",
        "Accountable (A)",
        "Responsible (R)",
        "Consulted (C), Verifier (V) or Signatory (S)",
        "Accountable (A) or Responsible (R)",
        "Responsible (R), Consulted (C), Verifier (V) or Signatory (S)",
    ),
    "daci": (
        "Approver (A)",
        "Approvers (A)",
        "Driver (D)",
        "Contributor (C)",
        "Approver (A) or Driver (D)",
        "Driver (D) or Contributor (C)",
    ),
    "rapid": (
        "Decide (D)",
        "Decide (D)",
        "Recommend (R) or Perform (P)",
        "Agree (A) or Input (I)",
        "Decide (D), Recommend (R) or Perform (P)",
        "Recommend (R), Perform (P), Agree (A) or Input (I)",
    ),
}

FUNCTIONS = ["IC", "HR", "OD", "IT", "InfoSec", "Brand"]


def model(scheme: str, *activities: dict[str, str]) -> str:
    """A file in ``scheme`` with ``activities`` given as {function: role key}."""
    owner, worker, consulted, both = LETTERS[scheme]
    letter = {"own": owner, "work": worker, "con": consulted, "both": both}
    lines = ["version: 1", f"scheme: {scheme}", "functions:"]
    lines += [f"  {fid}: {{name: {fid}}}" for fid in FUNCTIONS]
    lines.append("activities:")
    for index, cells in enumerate(activities):
        held = ", ".join(f"{fid}: {letter[key]}" for fid, key in cells.items())
        lines.append(f"  - {{id: a{index}, name: Activity {index}, raci: {{{held}}}}}")
    return "\n".join(lines) + "\n"


def messages(write: Write, text: str, rule: str) -> list[str]:
    return [f.message for f in check([write("org.yaml", text)]).findings if f.rule == rule]


@pytest.mark.parametrize("scheme", list(LETTERS))
def test_activity_rules_speak_the_schemes_words(write: Write, scheme: str) -> None:
    owner, owners, worker, consulted, _, worker_or_consulted = WORDS[scheme]
    text = model(
        scheme,
        {"IC": "work", "HR": "con"},
        {"IC": "both", "HR": "own"},
        {"HR": "own", "IC": "con"},
        {"IC": "both"},
        {"IC": "both", "HR": "con", "OD": "con", "IT": "con", "InfoSec": "con", "Brand": "con"},
        {"IC": "own", "HR": "work", "OD": "work", "IT": "work", "Brand": "work"},
    )
    assert messages(write, text, "missing-accountable") == [
        f"activity 'a0' has no {owner}: nobody owns the outcome"
    ]
    assert messages(write, text, "multiple-accountable") == [
        f"activity 'a1' has 2 {owners} (IC, HR); exactly one function owns an outcome"
    ]
    assert messages(write, text, "missing-responsible") == [
        f"activity 'a2' has no {worker}: nobody does the work"
    ]
    assert messages(write, text, "sole-owner") == [
        f"function 'IC' goes it alone on activity 'a3': no other function is {worker_or_consulted}"
    ]
    assert messages(write, text, "too-many-consulted") == [
        f"activity 'a4' has 5 functions {consulted} (max 4): HR, OD, IT, InfoSec, Brand"
    ]
    assert messages(write, text, "too-many-responsible") == [
        f"activity 'a5' has 4 functions {worker} (max 3): HR, OD, IT, Brand; split it"
    ]


@pytest.mark.parametrize("scheme", list(LETTERS))
def test_function_rules_speak_the_schemes_words(write: Write, scheme: str) -> None:
    owner, _, worker, _, owner_or_worker, _ = WORDS[scheme]
    text = model(scheme, *({"IC": "both", "HR": "con"} for _ in range(5)))
    assert messages(write, text, "single-owner-overload") == [
        f"function 'IC' is overloaded: {owner} for 5 of 5 activities (100%, max 40%) and "
        f"{worker} for 5 of 5 activities (100%, max 50%); share the load"
    ]
    assert messages(write, text, "accountability-concentration") == [
        "accountability is concentrated: HHI 1.000 > 0.25 (1.0 effective owners); "
        f"'IC' is {owner} for 5 of 5 activities"
    ]
    assert messages(write, text, "idle-function") == [
        f"function 'HR' is never {owner_or_worker}: it appears only on 5 activities as input "
        "or audience"
    ]


# --- too-many-vetoes ----------------------------------------------------------------------

VETOES = """\
version: 1
scheme: rapid
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  Legal: {name: Legal}
  InfoSec: {name: Information Security}
  Exec: {name: Executive sponsor}
activities:
  - id: usage-policy
    name: Decide the acceptable-use policy
    raci: {IC: R, HR: A, Legal: a, InfoSec: A, Exec: D/P}
"""


def test_too_many_vetoes_reports_the_activity_and_its_agree_holders(write: Write) -> None:
    found = [f for f in check([write("org.yaml", VETOES)]).findings if f.rule == "too-many-vetoes"]
    assert [f.as_dict() for f in found] == [
        {
            "code": "RACI018",
            "rule": "too-many-vetoes",
            "severity": "warning",
            "message": "activity 'usage-policy' has 3 functions Agree (A) (max 2): HR, Legal, "
            "InfoSec; each can block the outcome",
            "file": found[0].file,
            "line": 10,
            "column": 5,
            "activity": "usage-policy",
            "function": None,
        }
    ]


def test_too_many_vetoes_takes_max_from_the_rules_block(write: Write) -> None:
    text = VETOES + "rules:\n  too-many-vetoes: {max: 3}\n"
    assert messages(write, text, "too-many-vetoes") == []
    text = VETOES + "rules:\n  RACI018: {max: 0, severity: error}\n"
    found = [f for f in check([write("org.yaml", text)]).findings if f.code == "RACI018"]
    assert [(f.severity, f.message.split(":")[0]) for f in found] == [
        ("error", "activity 'usage-policy' has 3 functions Agree (A) (max 0)")
    ]


def test_too_many_vetoes_rejects_a_negative_max(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", VETOES + "rules:\n  too-many-vetoes: {max: -1}\n")
    result = run_line(["check", str(path)], exit_code=2)
    assert "'max' of rule 'too-many-vetoes' must be a number >= 0, not -1" in result.stdout


def test_too_many_vetoes_can_be_waived_with_a_reason(write: Write) -> None:
    text = VETOES + "    waive: {too-many-vetoes: Regulated data needs all three}\n"
    report = check([write("org.yaml", text)])
    assert [f.rule for f in report.findings if f.rule == "too-many-vetoes"] == []
    assert report.waived == 1


@pytest.mark.parametrize("scheme", ["raci", "rasci", "raci-vs", "daci"])
def test_schemes_without_a_veto_letter_never_report_vetoes(write: Write, scheme: str) -> None:
    """Their A is the owner (or in RACI-VS, none vetoes): five consulted are no veto."""
    every = dict.fromkeys(FUNCTIONS[1:], "con")
    text = model(scheme, {"IC": "both", **every}, {"IC": "own", "HR": "both"})
    assert messages(write, text, "too-many-vetoes") == []


def test_a_decide_perform_is_no_veto(write: Write) -> None:
    text = model("rapid", {"IC": "both", "HR": "work"})
    assert messages(write, text, "too-many-vetoes") == []
    assert messages(write, text.replace("HR: P", "HR: A"), "too-many-vetoes") == []


def test_too_many_vetoes_is_registered_by_name_and_code() -> None:
    assert resolve_rule("too-many-vetoes") is TooManyVetoes
    assert resolve_rule("raci018") is TooManyVetoes
    names = list(REGISTRY)
    assert names[names.index("unused-waiver") + 1] == "too-many-vetoes"
    assert TooManyVetoes.settings_help() == [
        ("max", 2, "most functions that may hold a veto (RAPID's Agree) on one activity")
    ]
