"""The reference models ship inside the wheel: build it, install it into a fresh virtual
environment, and run ``raci models`` and ``raci init`` there, far from the checkout.

No network: the wheel is built without build isolation (hatchling comes with the test
extra), and the fresh environment borrows this one's dependencies through a ``.pth``
line, which puts them after its own site-packages, so the installed wheel is what runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import MODELS, ROOT

PROBE = """\
version: 1
name: Wheel probe
description: A model added to the build to prove that every file in models/ ships.
functions:
  IC: {name: Internal Communications}
activities:
  - {id: launch, name: Run the launch, raci: {IC: A/R}}
"""


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env=environment, timeout=300
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.mark.slow
def test_the_installed_wheel_lists_and_copies_the_models(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "raci", source / "raci", ignore=ignore)
    shutil.copytree(MODELS, source / "models", ignore=ignore)
    (source / "models" / "zz-wheel-probe.yaml").write_text(PROBE, encoding="utf-8")

    wheels = tmp_path / "wheels"
    _run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "-w", str(wheels), str(source)],
        tmp_path,
    )  # fmt: skip
    (wheel,) = wheels.glob("raci-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert "raci/py.typed" in archive.namelist(), "type checkers see raci's hints"

    environment = tmp_path / "venv"
    venv.create(environment, with_pip=False)
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path
    ).stdout.strip()
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "borrowed-dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
         "--no-index", str(wheel)],
        tmp_path,
    )  # fmt: skip

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    raci = str(bin_dir / "raci")
    where = _run([str(python), "-c", "import raci; print(raci.__file__)"], elsewhere).stdout
    assert Path(where.strip()).is_relative_to(environment), "the wheel, not the checkout, runs"

    listed = json.loads(_run([raci, "models", "--format", "json"], elsewhere).stdout)["models"]
    expected = sorted([path.stem for path in MODELS.glob("*.yaml")] + ["zz-wheel-probe"])
    assert [entry["name"] for entry in listed] == expected

    for name in expected:
        target = elsewhere / f"{name}.yaml"
        _run([raci, "init", "--model", name, str(target)], elsewhere)
        shipped = MODELS / f"{name}.yaml" if name != "zz-wheel-probe" else None
        expected_text = shipped.read_text(encoding="utf-8") if shipped else PROBE
        assert target.read_text(encoding="utf-8") == expected_text
    check = subprocess.run(
        [raci, "check", "zz-wheel-probe.yaml"], cwd=elsewhere, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
