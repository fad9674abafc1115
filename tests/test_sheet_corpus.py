"""The messy-sheet corpus: every layout imports with no hand-cleaning to exactly its
expected model, and its summary names every row skipped and column not made a function.

The sheets are made by ``tests/data/sheets/make_corpus.py``; the expected ownership
file and summary of each are in ``tests/data/sheets/expected/`` (``RACI_REGEN=1``
rewrites them from the current output: read the diff before committing it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from raci.engine import load
from tests.conftest import ROOT, RunLine

SHEETS = ROOT / "tests" / "data" / "sheets"
EXPECTED = SHEETS / "expected"

CASES: dict[str, tuple[str, list[str]]] = {
    "second-sheet": ("second-sheet.xlsx", []),  # a cover sheet first; title + blank row
    "section-rows": ("section-rows.xlsx", []),  # "Phase 1: Prepare" rows set the phase
    "legend-below": ("legend-below.xlsx", []),  # a legend block after a gap ends it
    "legend-letters": ("legend-letters.xlsx", []),  # a key laid out under the letters
    "numbered": ("numbered.xlsx", []),  # '#' and ID columns before the activity
    "two-row-header": ("two-row-header.xlsx", []),  # merged Functions band, Name (id)
    "merged-phase": ("merged-phase.xlsx", []),  # Stage merged down over its rows
    "house-letters": (
        "house-letters.xlsx",
        ["--letter", "Lead=A", "--letter", "support=R", "--letter", "X=I"],
    ),
    "metadata-columns": ("metadata-columns.xlsx", []),  # Owner, Due, Status, Notes...
    "title-semicolons": ("title-semicolons.csv", []),  # BOM, title, ';', decimal comma
    "letter-variants": ("letter-variants.tsv.csv", []),  # A/R R/A AR "A, R" A+R "a / r"
    "no-letters-utf16": ("no-letters-utf16.csv", []),  # UTF-16, '|', a row without letters
    "cp1252": ("cp1252.csv", ["--encoding", "cp1252"]),
    "multiline-cells": ("multiline-cells.csv", []),  # quoted line breaks and a CR
    "workshop": ("workshop.xlsx", []),  # all at once: the README's example
}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_sheet_gives_its_expected_model_and_summary(
    run_line: RunLine, here: Path, case: str
) -> None:
    sheet, args = CASES[case]
    result = run_line(["import", str(SHEETS / sheet), *args, "-o", "org.yaml"])
    produced = (here / "org.yaml").read_text(encoding="utf-8")
    summary = result.stderr.replace(str(SHEETS) + "/", "")
    expected_model, expected_summary = EXPECTED / f"{case}.yaml", EXPECTED / f"{case}.summary"
    if os.environ.get("RACI_REGEN"):
        expected_model.write_text(produced, encoding="utf-8")
        expected_summary.write_text(summary, encoding="utf-8")
    assert produced == expected_model.read_text(encoding="utf-8")
    assert summary == expected_summary.read_text(encoding="utf-8")
    loaded = load(here / "org.yaml")
    assert loaded.model is not None, loaded.findings


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_activity_without_a_letter_and_every_skip_is_reported(
    run_line: RunLine, here: Path, case: str
) -> None:
    sheet, args = CASES[case]
    result = run_line(["import", str(SHEETS / sheet), *args, "-o", "org.yaml", "-f", "json"])
    summary = json.loads(result.stdout)
    model = load(here / "org.yaml").model
    assert model is not None
    assert all(activity.raci for activity in model.activities)
    assert summary["activities"] == len(model.activities)
    assert summary["functions"] == list(model.functions)
    # every row of the sheet is an activity, the header, or a skipped row
    rows = {skipped["row"] for skipped in summary["skipped"]}
    assert len(rows) == len(summary["skipped"])
    assert summary["header_row"] not in rows


def test_the_readme_shows_the_summary_import_prints() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ raci import workshop.xlsx -o org.yaml\n", 1)[1].split("```", 1)[0]
    assert block == (EXPECTED / "workshop.summary").read_text(encoding="utf-8")
