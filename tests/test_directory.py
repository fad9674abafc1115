"""A directory of files merges into one model (SPEC section 2)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import raci

Write = Callable[[str, str], Path]

FUNCTIONS = """\
version: 1
name: Split programme
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
"""
PREPARE = """\
version: 1
activities:
  - {id: policy, name: Write the usage policy, raci: {HR: A, IC: R}}
"""
LAUNCH = """\
version: 1
activities:
  - {id: launch, name: Run the launch, depends_on: [policy], raci: {IC: A/R, HR: C}}
"""


def rules(report: raci.engine.Report) -> list[tuple[str, str, int]]:
    return [(f.rule, f.file, f.line) for f in report.findings]


def test_files_merge_in_sorted_path_order(write: Write, tmp_path: Path) -> None:
    write("own/b/20-launch.yml", LAUNCH)
    write("own/a/10-prepare.yaml", PREPARE)
    write("own/00-functions.yaml", FUNCTIONS)
    write("own/notes.txt", "not yaml")
    write("own/.hidden/skip.yaml", "this: is: not: read")
    report = raci.check([tmp_path / "own"])
    assert report.files == [
        f"{tmp_path}/own/00-functions.yaml",
        f"{tmp_path}/own/a/10-prepare.yaml",
        f"{tmp_path}/own/b/20-launch.yml",
    ]
    assert report.summary()["activities"] == 2
    assert report.findings == []
    assert report.models[0].name == "Split programme"


def test_each_file_needs_a_version(write: Write, tmp_path: Path) -> None:
    write("own/00.yaml", FUNCTIONS)
    write("own/10.yaml", PREPARE.replace("version: 1\n", ""))
    report = raci.check([tmp_path / "own"])
    assert [(f.rule, f.line, f.message) for f in report.findings] == [
        ("schema-error", 1, "the top level is missing the required key 'version'")
    ]
    assert report.exit_code == 2


def test_a_function_defined_twice_is_a_duplicate_id(write: Write, tmp_path: Path) -> None:
    write("own/00.yaml", FUNCTIONS)
    write("own/10.yaml", PREPARE + "functions:\n  HR: {name: People}\n")
    report = raci.check([tmp_path / "own"])
    duplicate = [f for f in report.findings if f.rule == "duplicate-id"]
    assert [(f.file, f.line, f.column, f.function, f.message) for f in duplicate] == [
        (
            f"{tmp_path}/own/10.yaml",
            5,
            3,
            "HR",
            f"function 'HR' is already defined at {tmp_path}/own/00.yaml:5",
        )
    ]


def test_activity_ids_stay_unique_across_files(write: Write, tmp_path: Path) -> None:
    write("own/00.yaml", FUNCTIONS)
    write("own/10.yaml", PREPARE)
    write("own/20.yaml", PREPARE)
    report = raci.check([tmp_path / "own"])
    assert rules(report) == [("duplicate-id", f"{tmp_path}/own/20.yaml", 3)]


def test_the_merged_model_needs_functions_and_activities(write: Write, tmp_path: Path) -> None:
    write("own/00.yaml", "version: 1\nname: Empty\n")
    report = raci.check([tmp_path / "own"])
    assert [(f.rule, f.message) for f in report.findings] == [
        ("schema-error", "the model needs at least one function"),
        ("schema-error", "the model needs at least one activity"),
    ]


def test_an_empty_directory_is_a_parse_error(tmp_path: Path) -> None:
    (tmp_path / "own").mkdir()
    report = raci.check([tmp_path / "own"])
    assert [(f.rule, f.file, f.message) for f in report.findings] == [
        ("parse-error", f"{tmp_path}/own", "the directory holds no .yaml or .yml files")
    ]


def test_rules_blocks_merge_and_conflicts_are_errors(write: Write, tmp_path: Path) -> None:
    write("own/00.yaml", FUNCTIONS + "rules:\n  sole-owner: off\n")
    write("own/10.yaml", PREPARE + "rules:\n  sole-owner: {severity: error}\n")
    write("own/20.yaml", LAUNCH.replace("HR: C", "HR: I"))
    report = raci.check([tmp_path / "own"])
    assert report.findings == []
    write("own/30.yaml", "version: 1\nrules:\n  RACI010: on\n")
    report = raci.check([tmp_path / "own"])
    assert [(f.rule, f.file, f.line, f.message) for f in report.findings] == [
        (
            "schema-error",
            f"{tmp_path}/own/30.yaml",
            3,
            f"rule 'sole-owner' sets 'off' differently here and in {tmp_path}/own/00.yaml: "
            "set it in one file of the directory",
        )
    ]


def test_every_file_uses_one_scheme(write: Write, tmp_path: Path) -> None:
    write("own/00.yaml", FUNCTIONS + "scheme: raci\n" + PREPARE.replace("version: 1\n", ""))
    write("own/10.yaml", "version: 1\nscheme: rasci\n")
    report = raci.check([tmp_path / "own"])
    assert [(f.rule, f.line, f.column) for f in report.findings] == [("schema-error", 2, 9)]
    assert "every file of a directory uses one scheme" in report.findings[0].message
