"""The console script registers only the command it runs; every command is reachable."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer

from raci.cli import COMMAND_MODULES, build_app, command_module

REGISTRATIONS = """
import importlib, json
from raci.cli import COMMAND_MODULES
from raci.cli.app import app
found = {}
for module in COMMAND_MODULES:
    before = len(app.registered_commands)
    importlib.import_module(f"raci.cli.{module}")
    for info in app.registered_commands[before:]:
        found[info.name] = module
print(json.dumps(found))
"""


def test_every_command_maps_to_the_module_that_registers_it() -> None:
    result = subprocess.run([sys.executable, "-c", REGISTRATIONS], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    registered = json.loads(result.stdout)
    assert set(registered) == set(typer.main.get_group(build_app()).commands)
    for name, module in registered.items():
        assert command_module([name, "x.yaml"]) == module, name


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], None),
        (["--help"], None),
        (["-V"], None),
        (["chekc", "x.yaml"], None),
        (["check", "x.yaml"], "check"),
        (["import", "m.csv"], "import_"),
        (["explain", "sole-owner"], "rules"),
    ],
)
def test_the_module_a_command_line_names(argv: list[str], expected: str | None) -> None:
    assert command_module(argv) == expected


def test_command_modules_are_unique() -> None:
    assert len(set(COMMAND_MODULES)) == len(COMMAND_MODULES)


def test_a_misspelt_command_still_lists_the_real_ones() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "raci", "chekc", "x.yaml"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "No such command 'chekc'" in result.stderr
