"""``-o`` never replaces an input, a device, a FIFO or a directory; writes are atomic
and multi-file writes all-or-nothing (issue #12, class 2)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, RunLine

IC = EXAMPLES / "ic-goes-it-alone.yaml"


@pytest.fixture
def model(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    shutil.copy(IC, path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{m}", "-o", "{m}"],
        ["report", "{m}", "-o", "{m}"],
        ["load", "{m}", "-o", "{m}"],
        ["matrix", "{m}", "-o", "{m}"],
        ["graph", "{m}", "-o", "{m}"],
        ["export", "{m}", "--format", "csv", "-o", "{m}"],
        ["whatif", "{m}", "--without", "IC", "-o", "{m}"],
        ["rebalance", "{m}", "-o", "{m}"],
        ["diff", "{m}", "{m}", "-o", "{m}"],
    ],
)
def test_output_that_is_the_input_is_refused(
    run_line: RunLine, model: Path, args: list[str]
) -> None:
    before = model.read_bytes()
    result = run_line([arg.format(m=model) for arg in args], exit_code=2)
    assert f"raci: -o {model} is an input of this command; write the output to another file\n" in (
        result.stderr
    )
    assert model.read_bytes() == before


def test_output_inside_a_directory_model_is_refused(run_line: RunLine, tmp_path: Path) -> None:
    model = tmp_path / "ownership"
    shutil.copytree(EXAMPLES / "ownership", model)
    victim = sorted(model.rglob("*.yaml"))[0]
    before = victim.read_bytes()
    result = run_line(["check", str(model), "--format", "json", "-o", str(victim)], exit_code=2)
    assert f"is an input of this command (in the model {model})" in result.stderr
    assert victim.read_bytes() == before


def test_import_over_its_own_spreadsheet_is_refused(run_line: RunLine, tmp_path: Path) -> None:
    sheet = tmp_path / "x.csv"
    shutil.copy(EXAMPLES / "adoption-matrix.csv", sheet)
    run_line(["import", str(sheet), "-o", str(sheet)], exit_code=2)
    assert sheet.read_bytes() == (EXAMPLES / "adoption-matrix.csv").read_bytes()


def test_a_hard_link_to_the_input_is_the_input(run_line: RunLine, model: Path) -> None:
    link = model.with_name("link.json")
    os.link(model, link)
    run_line(["check", str(model), "-o", str(link)], exit_code=2)


@pytest.mark.parametrize(
    ("target", "kind"), [("/dev/null", "a character device"), ("/dev/full", "a character device")]
)
def test_devices_are_refused(run_line: RunLine, model: Path, target: str, kind: str) -> None:
    if not Path(target).is_char_device():
        pytest.skip(f"{target} is not a device on this machine")
    result = run_line(["check", str(model), "-o", target], exit_code=2)
    assert f"cannot write {target}: it is {kind}, not a regular file" in result.stderr
    assert Path(target).is_char_device()


def test_fifo_and_directory_are_refused(run_line: RunLine, model: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_line(["load", str(model), "-o", str(fifo)], exit_code=2)
    assert "it is a named pipe (FIFO), not a regular file" in result.stderr
    assert fifo.is_fifo()
    folder = tmp_path / "folder"
    folder.mkdir()
    result = run_line(["report", str(model), "--output", str(folder)], exit_code=2)
    assert folder.is_dir()


def test_dash_is_stdout(run_line: RunLine, model: Path, tmp_path: Path) -> None:
    result = run_line(["load", str(model), "-o", "-"])
    assert "Internal Communications" in result.stdout
    assert not (Path.cwd() / "-").exists()


def test_a_symlink_stays_a_symlink(run_line: RunLine, model: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    run_line(["load", str(model), "--format", "json", "-o", str(link)])
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("{")


def test_a_full_disk_is_exit_2_with_the_old_file_intact(
    run_line: RunLine, model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old report", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("raci.core.atomic.os.fsync", full)
    result = run_line(["report", str(model), "-o", str(target)], exit_code=2)
    assert f"raci: cannot write {target}: No space left on device\n" == result.stderr
    assert target.read_text(encoding="utf-8") == "old report"
    assert [path.name for path in tmp_path.iterdir()] == sorted(["org.yaml", "report.md"]) or (
        sorted(path.name for path in tmp_path.iterdir()) == ["org.yaml", "report.md"]
    )


def test_in_place_on_a_directory_is_all_or_nothing(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tmp_path / "split"
    model.mkdir()
    (model / "a.yaml").write_text(
        "version: 1\nfunctions:\n  IC: {name: IC}\n  HR: {name: HR}\n  OD: {name: OD}\n"
        "activities:\n"
        + "".join(f"  - {{id: a{i}, name: A{i}, raci: {{IC: A/R, HR: C}}}}\n" for i in range(5))
        + "rules:\n  single-owner-overload: {max_accountable: 4, max_accountable_share: 1}\n",
        encoding="utf-8",
    )
    (model / "b.yaml").write_text(
        "version: 1\nactivities:\n"
        + "".join(f"  - {{id: b{i}, name: B{i}, raci: {{IC: A/R, OD: C}}}}\n" for i in range(5)),
        encoding="utf-8",
    )
    before = {path.name: path.read_bytes() for path in model.iterdir()}
    real_replace = Path.replace

    def flaky(self: Path, target: Path) -> Path:
        if Path(target).name == "b.yaml":
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", flaky)
    result = run_line(["rebalance", str(model), "--in-place"], exit_code=2)
    assert "cannot write" in result.stderr
    assert "Read-only file system" in result.stderr
    assert "restored what was already written" in result.stderr
    assert "nothing was changed" in result.stderr
    assert {path.name: path.read_bytes() for path in model.iterdir()} == before
