"""The README's workshop section shows what ``raci merge`` prints on the sample views."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, RunLine


def test_the_workshop_sample_output_is_current(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Running an ownership workshop", 1)[1].split("\n## ", 1)[0]
    found = re.search(
        r"\$ raci merge views/ --model ic-goes-it-alone.yaml -o consensus.yaml\n(.*?)```",
        section,
        re.DOTALL,
    )
    assert found, "the README lost its workshop sample"
    monkeypatch.chdir(EXAMPLES)
    consensus = tmp_path / "consensus.yaml"
    result = run_line(["merge", "views/", "--model", "ic-goes-it-alone.yaml", "-o", str(consensus)])
    assert result.stdout.replace(str(consensus), "consensus.yaml") == found[1]
    run_line(["check", str(consensus)])
