"""Every file raci report / export / import / init writes is written atomically: a run
that fails, early or in the middle of writing, leaves the existing file as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from raci import __version__
from tests.conftest import EXAMPLES, ROOT, RunLine

MODEL = """\
version: 1
functions: {IC: {name: Internal Communications}, HR: {name: Human Resources}}
activities:
  - {id: launch, name: Run the launch, raci: {IC: A/R, HR: C}}
  - {id: policy, name: Write the policy, raci: {HR: A/R, IC: C}}
"""

COMMANDS = {
    "report": ["report", "org.yaml", "-o", "out.md"],
    "report-html": ["report", "org.yaml", "-o", "out.html"],
    "export-csv": ["export", "org.yaml", "-o", "out.csv"],
    "export-xlsx": ["export", "org.yaml", "-o", "out.xlsx"],
    "import": ["import", "matrix.csv", "-o", "out.yaml"],
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "org.yaml").write_text(MODEL, encoding="utf-8")
    (tmp_path / "matrix.csv").write_text("Activity,IC,HR\nRun the launch,A/R,C\n", "utf-8")
    return tmp_path


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_write_that_fails_midway_leaves_the_old_file(
    run_line: RunLine, project: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    target = project / args[-1]
    target.write_bytes(b"the previous version\n")

    def broken_disk(_: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("raci.core.atomic.os.fsync", broken_disk)
    result = run_line(args, exit_code=2)
    assert result.stderr == f"raci: cannot write {args[-1]}: No space left on device\n"
    assert target.read_bytes() == b"the previous version\n"
    assert sorted(path.name for path in project.iterdir()) == sorted(
        {"org.yaml", "matrix.csv", target.name}
    ), "no temporary file is left behind"


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_unusable_input_leaves_the_old_file(
    run_line: RunLine, project: Path, args: list[str]
) -> None:
    (project / "org.yaml").write_text("version: 2\n", encoding="utf-8")
    (project / "matrix.csv").write_text("Activity,IC\nRun the launch,Q\n", encoding="utf-8")
    target = project / args[-1]
    target.write_bytes(b"the previous version\n")
    run_line(args, exit_code=2)
    assert target.read_bytes() == b"the previous version\n"


def test_init_failing_midway_leaves_the_old_file(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    models = tmp_path / "models"
    models.mkdir()
    (models / "tiny.yaml").write_text(MODEL, encoding="utf-8")
    monkeypatch.setattr("raci.reference.models_dir", lambda: models)
    target = tmp_path / "raci.yaml"
    target.write_text("mine\n", encoding="utf-8")

    def broken_disk(_: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("raci.core.atomic.os.fsync", broken_disk)
    run_line(["init", "--model", "tiny", "--force", str(target)], exit_code=2)
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_the_committed_sample_report_is_what_raci_writes(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """examples/report-sample.md names its source and date; rendering them again from the
    repository root gives the same report, so the sample never drifts from the code."""
    sample = (EXAMPLES / "report-sample.md").read_text(encoding="utf-8")
    header = re.search(r"^Ownership report for `([^`]+)` · (\d{4}-\d\d-\d\d) · raci ", sample, re.M)
    assert header, "the sample report starts with its source and date"
    source, date = header.groups()
    monkeypatch.chdir(ROOT)
    result = run_line(["report", source, "--date", date], exit_code=None)
    assert result.exit_code in {0, 1}
    rendered = result.stdout.replace(f"raci {__version__}", "raci VERSION")
    assert rendered == re.sub(r"raci \d+\.\d+\.\d+\S*", "raci VERSION", sample, count=1)
