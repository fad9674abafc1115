"""Every command that reads a model fails on unusable input the way ``raci check`` does:
the same ``file:line:col: error CODE rule: message`` lines, on stderr, exit 2, nothing
on stdout and no output file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RunLine

COMMANDS = [
    ["load"],
    ["load", "--format", "json"],
    ["matrix"],
    ["matrix", "--format", "csv"],
    ["graph", "--format", "graphml"],
    ["whatif", "--without", "IC"],
]

BROKEN = {
    "syntax.yaml": "version: 1\nfunctions: {IC: {name: x}\n",
    "duplicate.yaml": "version: 1\nfunctions:\n  IC: {name: IC}\n  IC: {name: again}\n",
    "schema.yaml": "version: 1\nfunctions:\n  IC: {nam: IC}\nactivities:\n"
    "  - {id: a, name: A, raci: {IC: A/R}}\n",
    "letter.yaml": "version: 1\nfunctions:\n  IC: {name: IC}\nactivities:\n"
    "  - {id: a, name: A, raci: {IC: X}}\n",
    "missing.yaml": None,
}


def _check_lines(run_line: RunLine, name: str) -> str:
    """What ``raci check`` prints for the file, without its summary line."""
    output = run_line(["check", name], exit_code=2).stdout
    return "".join(line + "\n" for line in output.splitlines()[:-1])


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("name", list(BROKEN))
def test_input_errors_match_check(
    run_line: RunLine, here: Path, command: list[str], name: str
) -> None:
    text = BROKEN[name]
    if text is not None:
        (here / name).write_text(text, encoding="utf-8")
    expected = _check_lines(run_line, name)
    assert expected  # check reports something with a location
    result = run_line([command[0], name, *command[1:], "-o", "out.txt"], exit_code=2)
    assert result.stdout == ""
    assert result.stderr == expected
    assert not (here / "out.txt").exists()


def test_the_lines_are_what_check_prints(run_line: RunLine, here: Path) -> None:
    (here / "schema.yaml").write_text(BROKEN["schema.yaml"], encoding="utf-8")
    result = run_line(["load", "schema.yaml"], exit_code=2)
    assert result.stderr == (
        "schema.yaml:3:8: error RACI901 schema-error: function 'IC' is missing the required "
        "key 'name'\n"
        "schema.yaml:3:8: error RACI901 schema-error: unknown key 'nam' in function 'IC' "
        "(did you mean 'name'?)\n"
    )


@pytest.mark.parametrize("command", [["load"], ["whatif", "--without", "IC"]])
def test_broken_settings_file(run_line: RunLine, here: Path, command: list[str]) -> None:
    (here / ".raci.toml").write_text("[rules]\nsole-owner = 'sometimes'\n", encoding="utf-8")
    expected = _check_lines(run_line, "small.yaml")
    result = run_line([command[0], "small.yaml", *command[1:]], exit_code=2)
    assert result.stderr == expected
    assert result.stderr == (
        f"{here.resolve() / '.raci.toml'}:2:1: error RACI901 schema-error: rule 'sole-owner' "
        "takes off, on, a severity (error, warning, info) or a mapping of settings, "
        "not 'sometimes'\n"
    )


def test_a_real_process_exits_2_without_a_traceback(here: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "raci", "matrix", "nothere.yaml"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr == "nothere.yaml:1:1: error RACI900 parse-error: no such file or directory\n"
    )


MODEL_COMMANDS = [
    ["load"],
    ["matrix"],
    ["graph"],
    ["whatif", "--without", "IC"],
    ["report"],
    ["export", "--format", "csv"],
    ["rebalance"],
    ["check"],
]


@pytest.mark.parametrize("command", MODEL_COMMANDS, ids=" ".join)
def test_every_model_command_refuses_a_broken_settings_file_alike(
    run_line: RunLine, here: Path, command: list[str]
) -> None:
    (here / ".raci.toml").write_text("[rules]\nsole-owner = 'sometimes'\n", encoding="utf-8")
    result = run_line([command[0], "small.yaml", *command[1:]], exit_code=2)
    line = (
        f"{here.resolve() / '.raci.toml'}:2:1: error RACI901 schema-error: rule 'sole-owner' "
        "takes off, on, a severity (error, warning, info) or a mapping of settings, "
        "not 'sometimes'\n"
    )
    # check reports input problems in its own output; the others on stderr
    assert (result.stdout if command == ["check"] else result.stderr).startswith(line)


@pytest.mark.parametrize("command", MODEL_COMMANDS, ids=" ".join)
def test_every_model_command_takes_config(
    run_line: RunLine, here: Path, command: list[str]
) -> None:
    result = run_line(
        [command[0], "small.yaml", *command[1:], "--config", "nope.toml"], exit_code=2
    )
    assert result.stderr == "raci: --config: no such file: nope.toml\n"


def test_whatif_honours_the_settings_file(run_line: RunLine, here: Path) -> None:
    def new_rules() -> list[str]:
        result = run_line(["whatif", "small.yaml", "--without", "IT", "-f", "json"])
        return [finding["rule"] for finding in json.loads(result.stdout)["new_findings"]]

    assert new_rules() == ["missing-responsible", "missing-accountable", "missing-responsible"]
    (here / ".raci.toml").write_text("ignore = ['missing-responsible']\n", encoding="utf-8")
    assert new_rules() == ["missing-accountable"]


def test_load_flags_follow_select_and_ignore(run_line: RunLine, here: Path) -> None:
    def flags(*options: str) -> dict[str, list[str]]:
        result = run_line(["load", "small.yaml", "-f", "json", *options])
        return {row["id"]: row["flags"] for row in json.loads(result.stdout)["functions"]}

    assert flags()["OD"] == ["idle"]
    assert flags("--ignore", "idle-function")["OD"] == []
    assert flags("--select", "bridge-function") == {
        "IC": [], "IT": ["bridge"], "HR": [], "OD": [], "Brand": []
    }  # fmt: skip
