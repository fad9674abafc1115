"""The pre-commit hook manifest and the composite GitHub Action, read and run as their
hosts would: the hook's ``files`` pattern against sample paths and its ``entry`` in a
repository; the Action's check step as bash with the inputs in its environment."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"
ACTION = ROOT / "action.yml"
BIN = Path(sys.executable).parent

CLEAN = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
activities:
  - {id: policy, name: Write the usage policy, raci: {HR: A, IC: R}}
  - {id: launch, name: Run the launch, raci: {IC: A/R, HR: C}}
"""
BROKEN = CLEAN.replace("{HR: A, IC: R}", "{HR: A, Comms: R}")


def hook() -> dict[str, Any]:
    (found,) = [
        item for item in yaml.safe_load(HOOKS.read_text("utf-8")) if item["id"] == "raci-check"
    ]
    return dict(found)


def environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.pop("FORCE_COLOR", None)
    return env


# -- pre-commit ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "matches"),
    [
        ("raci.yaml", True),
        ("org.yml", True),
        ("org.yaml", True),
        ("teams/emea/raci.yaml", True),
        ("ownership/functions.yaml", True),
        ("ownership/2027/activities.yml", True),
        ("docs/ownership/org.yaml", True),
        (".github/workflows/ci.yaml", False),
        ("myraci.yaml", False),
        ("organisation.yaml", False),
        ("raci.yaml.bak", False),
        ("ownership/README.md", False),
        ("ownership.yaml", False),
        ("config/settings.yaml", False),
        (".raci.toml", True),
        ("pyproject.toml", True),
        ("teams/emea/.raci.toml", True),
        ("raci.toml", False),
        ("pyproject.toml.orig", False),
        ("notpyproject.toml", False),
    ],
)
def test_hook_files_pattern(path: str, matches: bool) -> None:
    # pre-commit applies `files` with re.search to repository-relative posix paths
    assert (re.search(hook()["files"], path) is not None) is matches


def test_hook_checks_whole_models() -> None:
    found = hook()
    assert found["pass_filenames"] is False
    assert found["language"] == "python"
    # pre-commit reads `python3.11` as exactly 3.11 (absent on a 3.12-only machine);
    # `python3` takes any, and raci's requires-python refuses one older than 3.11
    assert found["language_version"] == "python3"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    assert found["name"] == "raci check"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert shlex.split(found["entry"]) == ["raci", "check"]
    assert "raci" in scripts


@pytest.mark.skipif(shutil.which("raci", path=str(BIN)) is None, reason="raci not installed")
def test_hook_entry_runs_from_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "ownership").mkdir()
    (tmp_path / "ownership" / "org.yaml").write_text(CLEAN, encoding="utf-8")
    command = [*shlex.split(hook()["entry"]), *hook().get("args", [])]
    done = subprocess.run(command, cwd=tmp_path, env=environment(), capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (
        0,
        "✓ No problems in 1 file (2 activities, 2 functions)\n",
    )
    (tmp_path / "ownership" / "org.yaml").write_text(BROKEN, encoding="utf-8")
    done = subprocess.run(command, cwd=tmp_path, env=environment(), capture_output=True, text=True)
    assert done.returncode == 1
    assert "ownership/org.yaml:6:62: error RACI004 unknown-function" in done.stdout


def test_readme_shows_the_hook_with_verbose_and_its_python() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("# .pre-commit-config.yaml\n", 1)[1].split("```", 1)[0]
    (configured,) = yaml.safe_load(block)["repos"][0]["hooks"]
    assert configured["id"] == "raci-check"
    assert configured["verbose"] is True
    assert "language_version" not in configured  # the hook's python3 serves 3.11 and later
    assert "# language_version: python3.11  # pin an interpreter: python3.11 or later" in block
    assert hook()["files"] in readme
    section = " ".join(readme.split("### pre-commit\n", 1)[1].split("\n### ", 1)[0].split())
    assert "raci needs Python 3.11 or newer." in section
    assert (
        "pin an interpreter in your config with `language_version: python3.11` or a later "
        "one named the same way (`python3.12`, `python3.13`)"
    ) in section


# -- the GitHub Action --------------------------------------------------------------


def action() -> dict[str, Any]:
    return dict(yaml.safe_load(ACTION.read_text("utf-8")))


def step(name: str) -> dict[str, Any]:
    (found,) = [item for item in action()["runs"]["steps"] if item.get("name") == name]
    return dict(found)


def test_action_is_composite_and_uploads_sarif() -> None:
    manifest = action()
    assert manifest["runs"]["using"] == "composite"
    upload = step("Upload SARIF to code scanning")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert "always()" in upload["if"]
    assert manifest["inputs"]["sarif-file"]["default"] == "raci.sarif"
    check = step("raci check")["run"]
    assert '"$raci" check --format sarif --output "$RACI_SARIF"' in check
    assert '"$raci" check --format github' in check


def test_action_uses_only_declared_inputs_and_no_inline_expressions_in_scripts() -> None:
    manifest = action()
    text = ACTION.read_text("utf-8")
    used = set(re.findall(r"\$\{\{\s*inputs\.([a-z-]+)", text))
    assert used <= set(manifest["inputs"])
    for item in manifest["runs"]["steps"]:
        # inputs reach scripts through env, never pasted into the script (injection)
        assert "${{" not in item.get("run", "")
        if "run" in item:
            assert item["shell"] == "bash"


def run_check_step(tmp_path: Path, **inputs: str) -> tuple[int, str, dict[str, str], Path]:
    script = step("raci check")["run"]
    output = tmp_path / "github_output"
    summary = tmp_path / "step_summary"
    env = environment() | {
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
        "RACI_PATHS": inputs.get("paths", ""),
        "RACI_ARGS": inputs.get("args", ""),
        "RACI_SARIF": inputs.get("sarif", "raci.sarif"),
        "RACI_DIFF_AGAINST": inputs.get("diff_against", ""),
        "RACI": inputs.get("raci", ""),  # the install step's raci; empty: raci on the PATH
    }
    bash = shutil.which("bash")
    assert bash is not None
    done = subprocess.run(
        [bash, "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    outputs = dict(line.split("=", 1) for line in output.read_text("utf-8").splitlines())
    return done.returncode, done.stdout, outputs, summary


@pytest.mark.skipif(shutil.which("raci", path=str(BIN)) is None, reason="raci not installed")
def test_action_check_step_annotates_and_writes_sarif(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(BROKEN, encoding="utf-8")
    code, stdout, outputs, summary = run_check_step(tmp_path, paths="org.yaml")
    assert code == 0  # the step records the status; the Verdict step fails the job
    assert outputs == {"sarif": "true", "exit-code": "1"}
    assert stdout.startswith("::error file=org.yaml,line=6,col=62,title=RACI004 unknown-function::")
    sarif = json.loads((tmp_path / "raci.sarif").read_text("utf-8"))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "RACI004"
    assert summary.read_text("utf-8").startswith("## Ownership check\n\n❌ **raci check failed**")


@pytest.mark.skipif(shutil.which("raci", path=str(BIN)) is None, reason="raci not installed")
def test_action_check_step_passes_a_clean_file(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(CLEAN, encoding="utf-8")
    code, stdout, outputs, _ = run_check_step(tmp_path, args="--strict")
    assert (code, outputs) == (0, {"sarif": "true", "exit-code": "0"})
    assert stdout == "::notice title=raci::✓ No problems in 1 file (2 activities, 2 functions)\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
@pytest.mark.skipif(shutil.which("raci", path=str(BIN)) is None, reason="raci not installed")
def test_action_diff_gate_fails_only_on_new_errors(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(BROKEN, encoding="utf-8")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=r", "-c", "user.email=r@example.com"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "base"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    (tmp_path / "org.yaml").write_text(BROKEN + "# a comment\n", encoding="utf-8")
    code, _, outputs, summary = run_check_step(tmp_path, paths="org.yaml", diff_against="HEAD")
    assert (code, outputs["exit-code"]) == (0, "0")  # the error was already there
    assert summary.read_text("utf-8").startswith("## Ownership changes: `HEAD:org.yaml`")
    broken_more = BROKEN.replace("{IC: A/R, HR: C}", "{IC: A/R, HR: C, Legal: I}")
    (tmp_path / "org.yaml").write_text(broken_more, encoding="utf-8")
    code, _, outputs, _ = run_check_step(tmp_path, paths="org.yaml", diff_against="HEAD")
    assert (code, outputs["exit-code"]) == (0, "1")


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
@pytest.mark.skipif(shutil.which("raci", path=str(BIN)) is None, reason="raci not installed")
def test_action_diff_against_without_paths_diffs_the_model_check_finds(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(BROKEN, encoding="utf-8")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=r", "-c", "user.email=r@example.com"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "base"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    broken_more = BROKEN.replace("{IC: A/R, HR: C}", "{IC: A/R, HR: C, Legal: I}")
    (tmp_path / "org.yaml").write_text(broken_more, encoding="utf-8")
    code, _, outputs, summary = run_check_step(tmp_path, diff_against="HEAD")
    assert (code, outputs["exit-code"]) == (0, "1")  # Legal is a new error
    assert summary.read_text("utf-8").startswith("## Ownership changes: `HEAD:org.yaml`")
    summary.unlink()
    # two models found: the diff cannot choose, and says so as one annotation
    (tmp_path / "raci.yaml").write_text(CLEAN, encoding="utf-8")
    code, stdout, outputs, summary = run_check_step(tmp_path, diff_against="HEAD")
    assert (code, outputs["exit-code"]) == (0, "2")
    assert stdout.splitlines()[-1] == (
        "::error title=raci::raci diff: found raci.yaml and org.yaml: name the one to "
        "compare (raci diff --git REV PATH)"
    )
    code, stdout, outputs, _ = run_check_step(tmp_path, paths="raci.yaml", diff_against="nope")
    assert (code, outputs["exit-code"]) == (0, "2")
    assert stdout.splitlines()[-1] == (
        "::error title=raci::raci diff: --git: unknown revision 'nope'"
    )
