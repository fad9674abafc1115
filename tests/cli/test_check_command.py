from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from raci import __version__
from raci.cli import build_app
from tests.conftest import RunLine

Write = Callable[[str, str], Path]

CLEAN = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
activities:
  - id: policy
    name: Write the usage policy
    raci: {HR: A, IC: R}
  - id: launch
    name: Run the launch
    raci: {IC: A/R, HR: C}
"""

BROKEN = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
activities:
  - id: launch-campaign
    name: Run the launch campaign
    raci:
      HR: A
      Comms: R
  - id: policy
    name: Write the usage policy
    raci: {HR: A, IC: R}
"""


def test_clean_file_exits_0_with_a_summary(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", CLEAN)
    result = run_line(["check", str(path)])
    assert result.stdout == "✓ No problems in 1 file (2 activities, 2 functions)\n"


def test_error_findings_exit_1_with_one_line_each(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", BROKEN)
    result = run_line(["check", str(path)], exit_code=1)
    assert result.stdout.splitlines() == [
        f"{path}:10:7: error RACI004 unknown-function: activity 'launch-campaign' assigns "
        "'Comms', which is not a function (did you mean 'IC'?)",
        "✗ 1 error, 0 warnings, 0 info in 1 file (2 activities, 2 functions)",
    ]


def test_json_output_has_exactly_the_spec_shape(
    run_line: RunLine, write: Write, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write("org.yaml", BROKEN)
    monkeypatch.chdir(tmp_path)
    result = run_line(["check", "org.yaml", "--format", "json"], exit_code=1)
    assert json.loads(result.stdout) == {
        "tool": {"name": "raci", "version": __version__},
        "summary": {
            "files": 1,
            "activities": 2,
            "functions": 2,
            "errors": 1,
            "warnings": 0,
            "info": 0,
            "waived": 0,
        },
        "findings": [
            {
                "code": "RACI004",
                "rule": "unknown-function",
                "severity": "error",
                "message": "activity 'launch-campaign' assigns 'Comms', which is not a function "
                "(did you mean 'IC'?)",
                "file": "org.yaml",
                "line": 10,
                "column": 7,
                "activity": "launch-campaign",
                "function": "Comms",
            }
        ],
    }


def test_warnings_pass_unless_strict(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", CLEAN.replace("{IC: A/R, HR: C}", "{IC: A/R, HR: I}"))
    result = run_line(["check", str(path)])
    assert "warning RACI010 sole-owner" in result.stdout
    run_line(["check", "--strict", str(path)], exit_code=1)


def test_info_never_fails(run_line: RunLine, write: Write) -> None:
    text = CLEAN + "  - {id: brand, name: Brand it, raci: {IC: A/R, Brand: C}}\n"
    text = text.replace("  HR: {name: Human Resources}\n", "  HR: {name: HR}\n  Brand: {name: B}\n")
    path = write("org.yaml", text)
    result = run_line(["check", "--strict", "--select", "idle-function", "-f", "json", str(path)])
    assert json.loads(result.stdout)["summary"]["info"] == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("version: 1\nfunctions: {IC: {name: X}}\nactivities: []\nactivities: []\n", ":4:1:"),
        ("version: [\n", ":2:1:"),
        ("version: 1\nfunctions: {}\n", ":1:1:"),
    ],
)
def test_unusable_input_exits_2_in_the_same_format(
    run_line: RunLine, write: Write, text: str, expected: str
) -> None:
    path = write("org.yaml", text)
    result = run_line(["check", "--format", "json", str(path)], exit_code=2)
    findings = json.loads(result.stdout)["findings"]
    assert findings
    assert {finding["rule"] for finding in findings} <= {"parse-error", "schema-error"}
    first = findings[0]
    assert f":{first['line']}:{first['column']}:" == expected
    assert first["activity"] is None
    assert first["function"] is None


def test_missing_path_is_a_parse_error(run_line: RunLine, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = run_line(["check", str(missing)], exit_code=2)
    assert result.stdout.splitlines()[0] == (
        f"{missing}:1:1: error RACI900 parse-error: no such file or directory"
    )


def test_bad_options_exit_2(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", CLEAN)
    result = run_line(["check", "--format", "yaml", str(path)], exit_code=2)
    assert "Invalid value for '--format'" in result.stderr
    result = run_line(["check", "--select", "sole-ownr", str(path)], exit_code=2)
    assert result.stderr == "raci: --select: no rule 'sole-ownr' (did you mean 'sole-owner'?)\n"


def test_select_and_ignore_take_names_and_codes(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", BROKEN)
    result = run_line(["check", "--ignore", "RACI004", str(path)])
    assert "unknown-function" not in result.stdout
    result = run_line(["check", "--select", "sole-owner,RACI001", str(path)])
    assert result.stdout.startswith("✓ No problems")
    run_line(["check", "--select", "unknown-function", str(path)], exit_code=1)


def test_output_file_is_written_and_stdout_stays_empty(
    run_line: RunLine, write: Write, tmp_path: Path
) -> None:
    path = write("org.yaml", BROKEN)
    out = tmp_path / "out" / "findings.json"
    out.parent.mkdir()
    result = run_line(["check", "-f", "json", "-o", str(out), str(path)], exit_code=1)
    assert result.stdout == ""
    assert json.loads(out.read_text())["summary"]["errors"] == 1
    assert [entry.name for entry in out.parent.iterdir()] == ["findings.json"]


def test_unwritable_output_keeps_the_old_file(
    run_line: RunLine, write: Write, tmp_path: Path
) -> None:
    path = write("org.yaml", CLEAN)
    result = run_line(
        ["check", "-o", str(tmp_path / "no" / "dir" / "x.txt"), str(path)], exit_code=2
    )
    assert result.stderr.startswith("raci: cannot write ")


def test_auto_format_is_github_under_actions(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", BROKEN)
    result = run_line(
        ["check", "--format", "auto", str(path)], exit_code=1, env={"GITHUB_ACTIONS": "true"}
    )
    assert result.stdout == (
        f"::error file={path},line=10,col=7,title=RACI004 unknown-function::activity "
        "'launch-campaign' assigns 'Comms', which is not a function (did you mean 'IC'?)\n"
        "::notice title=raci::✗ 1 error, 0 warnings, 0 info in 1 file (2 activities, "
        "2 functions)\n"
    )
    result = run_line(["check", "--format", "auto", str(path)], exit_code=1)
    assert result.stdout.startswith(f"{path}:10:7: error RACI004")


def test_text_is_coloured_only_when_forced(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", BROKEN)
    plain = run_line(["check", str(path)], exit_code=1).stdout
    assert "\x1b[" not in plain
    coloured = run_line(["check", str(path)], exit_code=1, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in coloured
    no_color = run_line(
        ["check", str(path)], exit_code=1, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
    ).stdout
    assert no_color == plain


def test_unexpected_errors_exit_3_without_a_traceback(
    run_line: RunLine, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("raci.engine.check", explode)
    path = write("org.yaml", CLEAN)
    result = run_line(["check", str(path)], exit_code=3)
    assert result.stderr == (
        f"raci: internal error (RuntimeError: boom). This is a bug in raci {__version__}; "
        "please report it at https://github.com/raci-dev/raci/issues\n"
    )
    assert "Traceback" not in result.output


def test_default_paths_are_found_in_the_current_directory(
    run_line: RunLine, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_line(["check"], exit_code=2)
    assert result.stderr.startswith("raci: no ownership file found: looked for raci.yaml")
    write("org.yaml", CLEAN)
    result = run_line(["check", "-f", "json"])
    assert json.loads(result.stdout)["summary"]["files"] == 1


def test_paths_under_tool_raci_are_checked_by_default(
    run_line: RunLine, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("pyproject.toml", '[tool.raci]\npaths = ["ownership"]\n')
    write("ownership/a.yaml", CLEAN)
    write("sub/.keep", "")
    monkeypatch.chdir(tmp_path / "sub")
    result = run_line(["check", "-f", "json"])
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 1
    assert report["summary"]["activities"] == 2


_letters = st.sampled_from(["R", "A", "C", "I", "A/R", "ar", "X", "", None, 3])
_ids = st.sampled_from(["IC", "HR", "OD", "Comms", "bad id", ""])
_activity = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b", "c", "a b"]), "name": st.sampled_from(["A", "", None])},
    optional={
        "raci": st.dictionaries(_ids, _letters, max_size=4),
        "depends_on": st.lists(st.sampled_from(["a", "b", "zz"]), max_size=3),
        "effort": st.sampled_from([0, 1, 2.5, -1, "x"]),
        "waive": st.dictionaries(
            st.sampled_from(["sole-owner", "nope"]), st.sampled_from(["r", ""])
        ),
        "x-note": st.text(max_size=5),
    },
)
_model = st.fixed_dictionaries(
    {"version": st.sampled_from([1, 1, 1, 2, "1"])},
    optional={
        "functions": st.dictionaries(
            _ids, st.fixed_dictionaries({"name": st.sampled_from(["N", ""])}), max_size=4
        ),
        "activities": st.lists(_activity, max_size=5),
        "rules": st.dictionaries(
            st.sampled_from(["sole-owner", "RACI013", "bogus"]),
            st.sampled_from(["off", "on", "info", {"max": 2}, {"nope": 1}, 7]),
            max_size=2,
        ),
    },
)


@given(_model)
def test_arbitrary_documents_never_crash(document: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.yaml"
        path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
        result = CliRunner().invoke(build_app(), ["check", "-f", "json", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in {0, 1, 2}, result.output
    assert json.loads(result.stdout)["tool"]["name"] == "raci"


def test_real_process_python_m_raci(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "raci", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith(f"{path}:10:7: error RACI004 unknown-function")
    assert done.stderr == ""


def test_real_process_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "raci", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout == f"raci {__version__}\n"


ERRORS_LATE = """\
version: 1
functions:
  IC: {name: Internal Communications, capacity: 1}
  HR: {name: Human Resources}
activities:
  - id: plan
    name: Plan
    effort: 5
    raci: {IC: A/R, HR: C}
  - id: run
    name: Run
    raci: {IC: R}
"""


def test_text_lists_errors_first_then_warnings_then_info(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", ERRORS_LATE)
    lines = run_line(["check", str(path)], exit_code=1).stdout.splitlines()
    assert [line.split(": ")[1].split()[0:2] for line in lines[:-1]] == [
        ["error", "RACI001"],
        ["warning", "RACI009"],
        ["warning", "RACI010"],
        ["info", "RACI015"],
    ]
    assert [line.split(":")[1] for line in lines[:-1]] == ["10", "3", "10", "4"]
    # machine formats keep SPEC's file order
    result = run_line(["check", str(path), "-f", "json"], exit_code=1)
    findings = json.loads(result.stdout)["findings"]
    assert [finding["line"] for finding in findings] == [3, 4, 10, 10]
