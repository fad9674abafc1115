"""Writing a plan back into YAML text, and the ``eligible:`` key it relies on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from raci.core.errors import RaciError
from raci.engine import check, load
from raci.output.json_schema import json_schema
from raci.rebalance import Options, propose

Write = Callable[[str, str], Path]


def rebalanced(write: Write, text: str, options: Options, name: str = "org.yaml") -> str:
    path = write(name, text)
    loaded = load(path)
    assert loaded.model is not None, loaded.findings
    plan = propose(loaded.model, options)
    assert plan.feasible, plan.problems
    return plan.apply(path.read_bytes().decode("utf-8"))


BLOCK = """\
version: 1
functions:
  IC: {name: Internal Communications}   # the usual suspect
  Brand: {name: Brand}
activities:
  # the look and feel
  - id: guidelines
    name: Publish the brand guidelines
    raci:
      IC: 'A/R'    # for now
    eligible:
      - Brand
  - id: templates
    name: Post templates
    raci: {IC: a/r}
    eligible: [Brand]
  - id: empty
    name: Nobody yet
    raci: {}
    eligible: [Brand]
"""


def test_only_the_letters_change_and_comments_stay(write: Write) -> None:
    text = rebalanced(write, BLOCK, Options(never=("IC",)))
    assert text == (
        BLOCK.replace(
            "      IC: 'A/R'    # for now\n", "      IC: 'R'    # for now\n      Brand: A\n"
        )
        .replace("raci: {IC: a/r}", "raci: {IC: R, Brand: A}")
        .replace("raci: {}", "raci: {Brand: A}")
    )


def test_windows_line_endings_and_a_byte_order_mark_survive(write: Write) -> None:
    text = "\ufeff" + BLOCK.replace("\n", "\r\n")
    edited = rebalanced(write, text, Options(never=("IC",)))
    assert edited.startswith("\ufeffversion: 1\r\n")
    assert "      IC: 'R'    # for now\r\n      Brand: A\r\n    eligible:\r\n" in edited
    assert "\n" not in edited.replace("\r\n", "")


def test_non_ascii_text_before_an_edit_keeps_columns_right(write: Write) -> None:
    text = """\
version: 1
functions:
  IC: {name: Communication interne}
  RH: {name: Ressources humaines}
activities:
  - {id: cafe, name: "Café über allès", raci: {IC: A/R, RH: C}}
"""
    edited = rebalanced(write, text, Options(never=("IC",)))
    assert edited.endswith('  - {id: cafe, name: "Café über allès", raci: {IC: R, RH: A}}\n')


def test_a_merge_key_that_would_spread_an_edit_is_refused(write: Write) -> None:
    text = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
activities:
  - {id: a, name: A, raci: &base {IC: A/R, HR: C}}
  - {id: b, name: B, raci: {<<: *base}}
rules:
  single-owner-overload: {max_accountable: 1}
"""
    with pytest.raises(RaciError, match=r"org.yaml safely: activity 'b' would not"):
        rebalanced(write, text, Options())


def test_eligible_ids_are_checked_by_unknown_function(write: Write) -> None:
    path = write(
        "org.yaml", BLOCK.replace("    eligible: [Brand]\n", "    eligible: [Brnd, Brnd]\n", 1)
    )
    findings = [f for f in check([path]).findings if f.rule == "unknown-function"]
    assert [(f.line, f.column, f.message, f.activity, f.function) for f in findings] == [
        (
            16,
            16,
            "activity 'templates' lists 'Brnd' under eligible, which is not a function "
            "(did you mean 'Brand'?)",
            "templates",
            "Brnd",
        )
    ]


def test_eligible_must_be_a_list_of_ids(write: Write) -> None:
    path = write("org.yaml", BLOCK.replace("eligible: [Brand]", "eligible: Brand", 1))
    findings = check([path]).findings
    assert [(f.rule, f.line, f.message) for f in findings] == [
        ("schema-error", 16, "'eligible' of activity 'templates' must be a list, not 'Brand'")
    ]
    schema = json_schema()
    activity = schema["$defs"]["Activity"]["properties"]["eligible"]
    assert activity["type"] == "array"
    assert "rebalance" in activity["description"]
