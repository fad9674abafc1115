"""Bounded inputs, sane numbers and the exit 3s of issue #12 (classes 4, 5 and 6)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, RunLine

SMALL = """\
version: 1
functions:
  IC: {name: IC, capacity: CAPACITY}
  HR: {name: HR}
activities:
  - {id: a, name: A, effort: EFFORT, raci: {IC: A/R, HR: C}}
  - {id: b, name: B, effort: EFFORT, raci: {HR: A/R, IC: C}}
"""


def small(tmp_path: Path, effort: str = "1", capacity: str = "5") -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(SMALL.replace("EFFORT", effort).replace("CAPACITY", capacity), "utf-8")
    return path


def test_dev_zero_is_refused(run_line: RunLine) -> None:
    result = run_line(["check", "/dev/zero"], exit_code=2)
    assert result.stdout.startswith(
        "/dev/zero:1:1: error RACI900 parse-error: cannot read it: it is a character device, "
        "not a regular file\n"
    )


def test_a_symlink_to_dev_zero_in_a_directory_is_refused(run_line: RunLine, tmp_path: Path) -> None:
    model = tmp_path / "ownership"
    shutil.copytree(EXAMPLES / "ownership", model)
    (model / "zero.yaml").symlink_to("/dev/zero")
    result = run_line(["check", str(model)], exit_code=2)
    assert "zero.yaml:1:1: error RACI900 parse-error: cannot read it: it is a character" in (
        result.stdout
    )


def test_a_fifo_does_not_hang(run_line: RunLine, tmp_path: Path) -> None:
    fifo = tmp_path / "org.yaml"
    os.mkfifo(fifo)
    result = run_line(["check", str(fifo)], exit_code=2)
    assert "it is a named pipe (FIFO), not a regular file" in result.stdout


def test_max_bytes(run_line: RunLine, tmp_path: Path) -> None:
    path = small(tmp_path)
    size = path.stat().st_size
    result = run_line(["load", str(path), "--max-bytes", "64"], exit_code=2)
    assert f"the file is {size:,} bytes, over the 64 bytes limit on input files" in result.stderr
    run_line(["load", str(path), "--max-bytes", "1M"])
    result = run_line(["load", str(path), "--max-bytes", "lots"], exit_code=2)
    assert "'lots' is not a size" in result.stderr


def test_an_unreadable_folder_is_an_error_not_a_skip(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tmp_path / "ownership"
    shutil.copytree(EXAMPLES / "ownership", model)
    locked = model / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr("os.scandir", scandir)
    result = run_line(["check", str(model)], exit_code=2)
    assert f"{model}/locked:1:1: error RACI900 parse-error: cannot read the folder: " in (
        result.stdout
    )


def test_symlink_loops(run_line: RunLine, tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    result = run_line(["check", str(loop)], exit_code=2)
    assert "Too many levels of symbolic links" in result.stdout
    model = tmp_path / "ownership"
    shutil.copytree(EXAMPLES / "ownership", model)
    (model / "again").symlink_to(model)
    result = run_line(["check", str(model)], exit_code=2)
    assert "a symbolic link loops back to a folder above it" in result.stdout


def test_deep_settings_file_and_nul_in_paths(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(EXAMPLES / "shared-ownership.yaml", tmp_path / "raci.yaml")
    config = tmp_path / ".raci.toml"
    config.write_text("a = " + "[" * 2000 + "]" * 2000 + "\n", "utf-8")
    result = run_line(["check", str(tmp_path / "raci.yaml")], exit_code=2)
    assert "invalid TOML: the tables or arrays nest too deeply to read" in result.stdout
    config.write_text('paths = ["a\\u0000b"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_line(["check"], exit_code=2)
    assert "'paths' entry 'a\\x00b' must be a relative path inside the folder" in result.stderr
    config.write_text('paths = ["/dev/zero"]\n', "utf-8")
    result = run_line(["check"], exit_code=2)
    assert "'paths' entry '/dev/zero' must be a relative path" in result.stderr


@pytest.mark.parametrize(
    ("effort", "message"),
    [
        (".inf", "must be a finite number"),
        ("1e309", "must be a finite number"),
        ("1e308", "must be a number <= 1000000"),
        ("2000000", "must be a number <= 1000000"),
    ],
)
def test_effort_is_finite_and_bounded(
    run_line: RunLine, tmp_path: Path, effort: str, message: str
) -> None:
    path = small(tmp_path, effort=effort)
    for command in (["report"], ["rebalance"], ["load", "--format", "json"]):
        result = run_line([*command, str(path)], exit_code=2)
        assert "schema-error" in result.stderr
        assert "effort" in result.stderr


def test_a_tiny_capacity_prints_a_bounded_percentage(run_line: RunLine, tmp_path: Path) -> None:
    path = small(tmp_path, capacity="1e-300")
    for command in (["report"], ["check"]):
        out = run_line([*command, str(path)], exit_code=None).stdout
        assert ">10000%" in out, command
        assert re.search(r"[0-9]{20}", out) is None, command
    data = json.loads(run_line(["load", str(path), "--format", "json"]).stdout)
    assert data


@pytest.mark.parametrize("where", ["version: 1\nx-big: {n}\n", "version: 1\nname: x\nx-a: [{n}]\n"])
def test_huge_integers_are_a_parse_error(run_line: RunLine, tmp_path: Path, where: str) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(where.format(n="9" * 5000), "utf-8")
    result = run_line(["check", str(path)], exit_code=2)
    assert "a number of more than 100 digits cannot be read" in result.stdout


@pytest.mark.parametrize("version", ["true", "1.0", "'1'"])
def test_version_is_exactly_the_integer_one(
    run_line: RunLine, tmp_path: Path, version: str
) -> None:
    text = (EXAMPLES / "shared-ownership.yaml").read_text("utf-8")
    path = tmp_path / "org.yaml"
    path.write_text(text.replace("version: 1", f"version: {version}", 1), "utf-8")
    result = run_line(["check", str(path)], exit_code=2)
    assert "the only version is 1" in result.stdout
