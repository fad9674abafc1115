"""Settings precedence, rule configuration errors, and waivers (SPEC section 4)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import raci
from tests.conftest import RunLine

Write = Callable[[str, str], Path]

# IC is accountable for 3 of 5 activities (60%): single-owner-overload by share.
MODEL = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  IT: {name: Information Technology}
activities:
  - {id: a, name: A, raci: {IC: A, HR: R}}
  - {id: b, name: B, raci: {IC: A, HR: R}}
  - {id: c, name: C, raci: {IC: A, IT: R}}
  - {id: d, name: D, raci: {HR: A, IT: R, IC: C}}
  - {id: e, name: E, raci: {IT: A, IC: R, HR: C}}
"""


def overload(report: raci.engine.Report) -> list[tuple[str, str]]:
    return [(f.severity, f.message) for f in report.findings if f.rule == "single-owner-overload"]


def test_defaults_apply(write: Write) -> None:
    report = raci.check([write("org.yaml", MODEL)])
    assert overload(report) == [
        (
            "warning",
            "function 'IC' is overloaded: Accountable (A) for 3 of 5 activities (60%, max 40%); "
            "share the load",
        )
    ]


@pytest.mark.parametrize(
    ("config_name", "text"),
    [
        (
            "pyproject.toml",
            "[tool.raci.rules]\nsingle-owner-overload = {max_accountable_share = 0.6}\n",
        ),
        (".raci.toml", "[rules.single-owner-overload]\nmax_accountable_share = 0.6\n"),
        (".raci.toml", "[rules]\nRACI008 = 'off'\n"),
    ],
)
def test_config_found_upward_changes_settings(
    write: Write, tmp_path: Path, config_name: str, text: str
) -> None:
    write(config_name, text)
    path = write("deep/er/org.yaml", MODEL)
    assert overload(raci.check([path])) == []


def test_file_rules_beat_config_and_cli_beats_both(write: Write, tmp_path: Path) -> None:
    write(".raci.toml", "[rules]\nsingle-owner-overload = 'off'\n")
    text = MODEL + "rules:\n  single-owner-overload: {severity: error}\n"
    path = write("org.yaml", text)
    assert overload(raci.check([path])) == [
        (
            "error",
            "function 'IC' is overloaded: Accountable (A) for 3 of 5 activities (60%, max 40%); "
            "share the load",
        )
    ]
    override = write("override.toml", "[rules.single-owner-overload]\nseverity = 'info'\n")
    assert overload(raci.check([path], config=override))[0][0] == "info"


def test_nearest_config_wins_and_raci_toml_beats_pyproject(write: Write) -> None:
    write("pyproject.toml", "[tool.raci.rules]\nRACI008 = 'off'\n")
    write("sub/pyproject.toml", "[project]\nname = 'not-raci'\n")
    write("sub/.raci.toml", "[rules]\nRACI008 = 'error'\n")
    path = write("sub/org.yaml", MODEL)
    assert overload(raci.check([path]))[0][0] == "error"


def test_config_errors_point_into_the_toml(run_line: RunLine, write: Write) -> None:
    write(".raci.toml", "strict = true\n\n[rules.single-owner-overload]\nmax_acountable = 3\n")
    path = write("org.yaml", MODEL)
    result = run_line(["check", str(path)], exit_code=2)
    config = path.parent / ".raci.toml"
    assert result.stdout.splitlines()[0] == (
        f"{config}:4:1: error RACI901 schema-error: unknown key 'max_acountable' in rule "
        "'single-owner-overload' (did you mean 'max_accountable'?)"
    )


def test_invalid_toml_is_located(run_line: RunLine, write: Write) -> None:
    config = write("bad.toml", "[rules\n")
    path = write("org.yaml", MODEL)
    result = run_line(["check", "--config", str(config), str(path)], exit_code=2)
    assert result.stdout.startswith(f"{config}:1:7: error RACI901 schema-error: invalid TOML: ")


def test_select_in_config_and_unknown_rules(write: Write, run_line: RunLine) -> None:
    write(".raci.toml", "select = ['RACI008']\nignore = ['sole-ownr']\n")
    path = write("org.yaml", MODEL)
    result = run_line(["check", str(path)], exit_code=2)
    assert "'ignore' names no rule 'sole-ownr' (did you mean 'sole-owner'?)" in result.stdout


def test_strict_from_config(write: Write, run_line: RunLine) -> None:
    write(".raci.toml", "strict = true\n")
    run_line(["check", str(write("org.yaml", MODEL))], exit_code=1)


def test_file_rules_accept_off_false_severity_and_codes(write: Write) -> None:
    for setting in ("off", "false", "{enabled: false}"):
        for code in ("RACI008", "raci008"):
            text = MODEL + f"rules:\n  {code}: {setting}\n"
            assert overload(raci.check([write("org.yaml", text)])) == []
    text = MODEL + "rules:\n  single-owner-overload: info\n"
    assert overload(raci.check([write("org.yaml", text)]))[0][0] == "info"


WAIVED = """\
version: 1
functions:
  IC:
    name: Internal Communications
    waive:
      idle-function: IC only advises on this programme
  HR: {name: Human Resources}
activities:
  - id: a
    name: A
    raci: {HR: A/R, IC: C}
  - id: b
    name: B
    raci: {HR: A/R, IC: I}
    waive:
      sole-owner: HR runs payroll alone
      RACI013: nobody is consulted here
"""


def test_waivers_suppress_count_and_unused_ones_are_reported(
    run_line: RunLine, write: Write
) -> None:
    path = write("org.yaml", WAIVED)
    result = run_line(["check", "-f", "json", str(path)])
    report = json.loads(result.stdout)
    assert report["summary"]["waived"] == 2
    assert [(f["rule"], f["line"], f["activity"], f["message"]) for f in report["findings"]] == [
        (
            "unused-waiver",
            12,
            "b",
            "activity 'b' waives 'too-many-consulted', which reports nothing here",
        )
    ]


def test_waivers_of_rules_that_did_not_run_are_not_unused(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", WAIVED)
    result = run_line(["check", "-f", "json", "--ignore", "too-many-consulted", str(path)])
    assert json.loads(result.stdout)["findings"] == []


def test_empty_waiver_reason_is_a_schema_error(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", WAIVED.replace("HR runs payroll alone", "''"))
    result = run_line(["check", str(path)], exit_code=2)
    assert result.stdout.splitlines()[0] == (
        f"{path}:16:19: error RACI901 schema-error: 'waive.sole-owner' of activity 'b' must "
        "not be empty"
    )
