"""The README's sample output is what the tool prints today."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, RunLine


def test_quick_start_sample_output_is_current(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(
        r"`raci check examples/ic-goes-it-alone.yaml` prints.*?```console\n(.*?)```",
        readme,
        re.DOTALL,
    )
    assert found, "the README lost its sample output"
    monkeypatch.chdir(ROOT)
    result = run_line(["check", "examples/ic-goes-it-alone.yaml"])
    assert result.stdout == found[1]


VENV = "python3 -m venv .venv && . .venv/bin/activate"


def test_quick_start_has_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("```console\n", 1)[1].split("```")[0]
    assert section.splitlines() == [
        f"{VENV} && python -m pip install . && raci check examples/ic-goes-it-alone.yaml",
        f"{VENV} && python -m pip install -e '.[test]' && python -m pytest",
    ]
    prose = " ".join(readme.split("## Quick start", 1)[1].split("\n## ", 1)[0].split())
    assert "the whole test suite" in prose
    assert re.search(r"takes about [a-z ]+ on a 2-core machine", prose)
