"""The README's section on load, matrix, graph and whatif shows what the tool prints."""

from __future__ import annotations

import re
import shlex

import pytest

from tests.conftest import ROOT, RunLine
from tests.helpers import DATA


def _samples() -> list[tuple[list[str], str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Who carries what", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(console|mermaid)\n(.*?)```", section, re.DOTALL)
    samples = []
    for index, (kind, body) in enumerate(blocks):
        if kind != "console":
            continue
        command, _, output = body.partition("\n")
        assert command.startswith("$ raci "), command
        if not output and index + 1 < len(blocks):
            output = blocks[index + 1][1]  # the command's output, rendered by GitHub
        samples.append((shlex.split(command)[2:], output))
    return samples


def test_the_section_has_samples() -> None:
    commands = [args[0] for args, _ in _samples()]
    assert commands == ["load", "matrix", "graph", "whatif"]


@pytest.mark.parametrize(("args", "output"), _samples(), ids=lambda value: str(value)[:40])
def test_sample_output_is_current(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch, args: list[str], output: str
) -> None:
    monkeypatch.chdir(DATA)
    assert run_line(args).stdout == output
