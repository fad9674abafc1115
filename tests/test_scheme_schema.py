"""The JSON Schema accepts exactly the letters of the file's scheme, as raci does."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from raci.core.documents import read_document
from raci.core.scheme import SCHEMES
from raci.output.json_schema import json_schema
from tests.conftest import EXAMPLES


@cache
def validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def document(scheme: str | None, *cells: str) -> dict[str, Any]:
    head: dict[str, Any] = {"version": 1} if scheme is None else {"version": 1, "scheme": scheme}
    return {
        **head,
        "functions": {f"F{index}": {"name": f"F{index}"} for index in range(len(cells))},
        "activities": [
            {
                "id": "policy",
                "name": "Decide the usage policy",
                "raci": {f"F{index}": cell for index, cell in enumerate(cells)},
            }
        ],
    }


def errors(instance: dict[str, Any]) -> list[str]:
    found = validator().iter_errors(instance)
    return sorted(f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in found)


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert [branch["if"]["properties"]["scheme"]["const"] for branch in schema["allOf"]] == list(
        SCHEMES
    )


@pytest.mark.parametrize(
    "path", sorted((EXAMPLES / "schemes").glob("*.yaml")), ids=lambda path: path.stem
)
def test_each_scheme_example_is_valid_against_the_schema(path: Path) -> None:
    assert errors(read_document(path, path.name).data) == []


@pytest.mark.parametrize(
    ("scheme", "cells"),
    [
        ("rapid", ("R", "a", "P", "i", "D/P")),
        ("daci", ("D", "A", "c", "I")),
        ("daci", ("a/d", "DA")),
        ("rasci", ("S", "A/R", "ra")),
        ("raci-vs", ("V", "S", "A/S", "sa")),
        ("raci", ("R", "A", "C", "I", "a/R", "RA", " A ")),
        (None, ("A/R", "c")),
    ],
)
def test_the_schemes_letters_are_valid(scheme: str | None, cells: tuple[str, ...]) -> None:
    assert errors(document(scheme, *cells)) == []


@pytest.mark.parametrize(
    ("scheme", "cells", "bad"),
    [
        ("rapid", ("R", "D", "S"), 2),
        ("daci", ("R", "A"), 0),
        ("raci", ("A", "S"), 1),
        (None, ("A", "S"), 1),  # no scheme key: RACI
        ("rasci", ("A", "V"), 1),
        ("rasci", ("A/S", "R"), 0),
        ("raci-vs", ("A", "P"), 1),
        ("rapid", ("A/R", "P"), 0),
    ],
)
def test_a_letter_outside_the_scheme_is_invalid(
    scheme: str | None, cells: tuple[str, ...], bad: int
) -> None:
    found = errors(document(scheme, *cells))
    assert len(found) == 1
    assert found[0].startswith(f"activities/0/raci/F{bad}: '{cells[bad]}' does not match ")


def test_the_scheme_key_describes_every_schemes_letters() -> None:
    description = json_schema()["properties"]["scheme"]["description"]
    assert description.splitlines() == [
        "which letters the file uses:",
        "- raci: R Responsible, A Accountable, C Consulted, I Informed (combined: A/R)",
        "- rasci: R Responsible, A Accountable, S Supportive, C Consulted, I Informed "
        "(combined: A/R)",
        "- raci-vs: R Responsible, A Accountable, C Consulted, I Informed, V Verifier, "
        "S Signatory (combined: A/R, A/S)",
        "- daci: D Driver, A Approver, C Contributor, I Informed (combined: A/D)",
        "- rapid: R Recommend, A Agree, P Perform, I Input, D Decide (combined: D/P)",
    ]


@given(
    scheme=st.sampled_from(list(SCHEMES)),
    cell=st.text(alphabet="RASCIVDPrascivdp/ x", max_size=4),
)
def test_the_schema_agrees_with_the_loader_on_every_cell(scheme: str, cell: str) -> None:
    """Editors flag a cell exactly when ``raci check`` would."""
    accepted = SCHEMES[scheme].parse(cell) is not None
    assert (errors(document(scheme, cell)) == []) is accepted
