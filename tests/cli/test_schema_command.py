"""``raci schema``: the JSON Schema agrees with what raci accepts.

Every file under ``examples/`` and ``models/`` (whatever is there) and every example in
a rule's docstring must validate. Files are read with raci's own loader, so YAML 1.2
scalars resolve as raci resolves them, and the ``x-`` keys it keeps aside are put back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from raci.core.documents import read_document
from raci.core.loader import YamlMap, parse
from raci.core.view_rules import view_documents
from raci.output.json_schema import json_schema
from raci.rules.catalogue import all_docs
from tests.conftest import EXAMPLES, MODELS, ROOT, RunLine

Write = Callable[[str, str], Path]

SHIPPED = sorted(
    path
    for folder in (EXAMPLES, MODELS)
    if folder.is_dir()
    for path in folder.rglob("*")
    if path.suffix in {".yaml", ".yml"} and not any(part.startswith(".") for part in path.parts)
)


@cache
def validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def with_extensions(value: Any) -> Any:
    """The document as the user wrote it: ``x-`` keys back in every mapping."""
    if isinstance(value, YamlMap):
        plain = {key: with_extensions(item) for key, item in value.items()}
        plain.update(value.extensions or {})
        return plain
    if isinstance(value, list):
        return [with_extensions(item) for item in value]
    return value


def errors(document: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator().iter_errors(document)
    ]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_shipped_files_validate(path: Path) -> None:
    assert errors(with_extensions(read_document(path, path.name).data)) == []


@pytest.mark.parametrize("doc", all_docs(), ids=lambda doc: doc.name)
def test_rule_examples_validate(doc: Any) -> None:
    assert doc.passing is not None
    assert doc.failing is not None
    examples = [doc.passing]
    if doc.name not in {"parse-error", "schema-error"}:
        examples.append(doc.failing)
    for example in examples:
        for text in view_documents(example):  # a view rule's example holds several views
            assert errors(with_extensions(parse(text.encode()))) == []


def test_the_schema_error_example_is_invalid() -> None:
    (doc,) = [doc for doc in all_docs() if doc.name == "schema-error"]
    assert doc.failing is not None
    assert errors(parse(doc.failing.encode())) != []


BASE = """\
version: 1
x-owner: pmo
functions:
  x-note: functions are teams
  IC: {name: Internal Communications, x-lead: Ana, capacity: 4}
  HR: {name: 2027}
activities:
  - id: launch
    name: Run the launch
    phase: 1
    depends_on: [2027]
    x-ticket: PRJ-1
    raci: {IC: ' a/r ', HR: c, x-comment: none}
    waive: {RACI010: reviewed, sole-owner: reviewed, x-by: ana}
rules:
  RACI008: off
  idle-function: {severity: info, x-why: noisy}
  too-many-consulted: {max: 3}
  unused-waiver:
"""


def test_what_raci_accepts_the_schema_accepts(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", BASE)
    run_line(["check", "--select", "RACI001", str(path)])
    assert errors(with_extensions(parse(BASE.encode()))) == []


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (("activities:", "activites: []\nactivities:"), "'activites' does not match"),
        (("{IC: ' a/r ', HR: c", "{IC: X, HR: c"), "'X' does not match"),
        (("version: 1\n", "version: 1\nscheme: daci\n"), "' a/r ' does not match"),
        (("version: 1\n", "version: 2\n"), "1 was expected"),
        (("  HR: {name: 2027}", "  H R: {name: 2027}"), "'H R' does not match"),
        (("  RACI008: off", "  no-such-rule: off"), "is not valid under any"),
        (("{max: 3}", "{maxx: 3}"), "is not valid under any"),
        (("capacity: 4", "capacity: 0"), "0 is not valid under any"),
        (("reviewed, sole", "'', sole"), "should be non-empty"),
        (("{name: 2027}", "{name: true}"), "True is not of type"),
    ],
)
def test_what_raci_refuses_the_schema_refuses(
    run_line: RunLine, write: Write, change: tuple[str, str], error: str
) -> None:
    text = BASE.replace(*change)
    assert text != BASE
    run_line(["check", str(write("org.yaml", text))], exit_code=2)
    found = errors(with_extensions(parse(text.encode())))
    assert any(error in message for message in found), found


def test_letters_follow_the_scheme() -> None:
    daci = BASE.replace("version: 1\n", "version: 1\nscheme: daci\n")
    assert errors(with_extensions(parse(daci.replace("' a/r '", "a/d").encode()))) == []
    assert errors(with_extensions(parse(daci.replace("' a/r '", "DA").encode()))) == []


def test_functions_and_activities_may_be_split_across_files() -> None:
    assert errors({"version": 1, "functions": {"IC": {"name": "IC"}}}) == []


def test_schema_command_prints_and_writes_the_schema(run_line: RunLine, tmp_path: Path) -> None:
    result = run_line(["schema"])
    document = json.loads(result.stdout)
    assert document == json_schema()
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["properties"]["activities"]["items"] == {"$ref": "#/$defs/Activity"}
    run_line(["schema", "-o", str(tmp_path / "raci.schema.json")])
    assert (tmp_path / "raci.schema.json").read_text(encoding="utf-8") == result.stdout


PEOPLE_BASE = """\
version: 1
functions:
  IC: {name: IC, members: {alex: {name: 2027, fte: 0.5}, sam: {}}}
activities:
  - {id: a, name: A, raci: {IC: A/R}, people: {IC/alex: A/R, IC/sam: r}}
"""


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (("IC/sam: r", "sam: r"), "'sam' does not match any of the regexes"),
        (("IC/sam: r", "IC/sam: X"), "'X' does not match"),
        (("sam: {}", "'s m': {}"), "'s m' does not match"),
        (("fte: 0.5", "fte: 0"), "0 is less than or equal to the minimum of 0"),
    ],
)
def test_people_in_the_schema(
    run_line: RunLine, write: Write, change: tuple[str, str], error: str
) -> None:
    run_line(["check", str(write("org.yaml", PEOPLE_BASE))], exit_code=None)
    assert errors(with_extensions(parse(PEOPLE_BASE.encode()))) == []
    text = PEOPLE_BASE.replace(*change)
    assert text != PEOPLE_BASE
    run_line(["check", str(write("org.yaml", text))], exit_code=2)
    found = errors(with_extensions(parse(text.encode())))
    assert any(error in message for message in found), found
