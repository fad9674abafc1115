"""Findings point where SPEC section 4's table says, and carry the right subject."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import raci

Write = Callable[[str, str], Path]

MODEL = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  Legal: {name: Legal}
activities:
  - id: plan
    name: Plan the launch
    depends_on:
      - launch
      - vison
    raci:
      IC: A/R
      HR: C
  - id: launch
    name: Run the launch
    depends_on: [plan]
    raci:
      HR: A
      Comms: R
      IC: A
  - id: plan
    name: Plan again
    raci: {IC: A/R, HR: C}
  - id: review
    name: Review
    raci: {IC: C}
  - id: measure
    name: Measure success
    raci: {IC: A/R, HR: C}
"""


def findings(write: Write, text: str) -> list[tuple[str, int, int, str | None, str | None]]:
    path = write("org.yaml", text)
    report = raci.check([path])
    return [(f.rule, f.line, f.column, f.activity, f.function) for f in report.findings]


def test_every_subject_points_at_its_node(write: Write) -> None:
    assert findings(write, MODEL) == [
        ("single-owner-overload", 3, 3, None, "IC"),
        ("unused-function", 5, 3, None, "Legal"),
        ("accountability-concentration", 6, 1, None, None),
        ("dependency-cycle", 7, 5, "plan", None),  # the first of the loop, in file order
        ("unknown-dependency", 11, 9, "plan", None),  # the item inside depends_on
        ("multiple-accountable", 15, 5, "launch", None),  # the activity's first key
        ("unknown-function", 20, 7, "launch", "Comms"),  # the key inside raci:
        ("duplicate-id", 22, 5, "plan", None),  # the second occurrence
        ("missing-accountable", 25, 5, "review", None),
        ("missing-responsible", 25, 5, "review", None),
    ]


def test_cycle_message_spells_the_loop(write: Write) -> None:
    text = """\
version: 1
functions: {IC: {name: IC}, HR: {name: HR}}
activities:
  - {id: c, name: C, depends_on: [a], raci: {IC: A, HR: R}}
  - {id: a, name: A, depends_on: [b], raci: {IC: A, HR: R}}
  - {id: b, name: B, depends_on: [c], raci: {IC: A, HR: R}}
  - {id: d, name: D, depends_on: [d], raci: {IC: A, HR: R}}
"""
    path = write("org.yaml", text)
    report = raci.check([path], config=None)
    cycles = [f for f in report.findings if f.rule == "dependency-cycle"]
    assert [(f.line, f.column, f.message) for f in cycles] == [
        (4, 6, "activities depend on each other in a loop: c → a → b → c"),
        (7, 6, "activities depend on each other in a loop: d → d"),
    ]


def test_function_findings_point_at_the_key_under_functions(write: Write) -> None:
    text = """\
version: 1
functions:
  IC:
    name: Internal Communications
    capacity: 1
  HR: {name: Human Resources}
activities:
  - {id: a, name: A, effort: 3, raci: {IC: A/R, HR: C}}
"""
    assert findings(write, text) == [
        ("capacity-overload", 3, 3, None, "IC"),
        ("idle-function", 6, 3, None, "HR"),
    ]
