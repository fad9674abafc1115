"""Export -> import gives back every example and reference model, and ``import --into``
applies an edited workbook to a model, changing only what was edited."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from raci.engine import load
from raci.sheets.export import metadata
from tests.conftest import EXAMPLES, MODELS, RunLine

DATA = Path(__file__).parent / "data"
FILES = sorted([*MODELS.glob("*.yaml"), *EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("schemes/*.yaml")])
MODEL_PATHS = [*FILES, EXAMPLES / "ownership", DATA / "phased.yaml", DATA / "people.yaml"]
IDS = [path.relative_to(path.parent.parent).as_posix() for path in MODEL_PATHS]


def fields(path: Path) -> dict[str, Any]:
    """Everything a model holds, field for field."""
    model = load(path).model
    assert model is not None, load(path).findings
    return {
        "name": model.name,
        "description": model.description,
        "scheme": model.scheme.name,
        "phases": (model.phases, model.declared_phases, model.fte_unit),
        "functions": [
            (f.id, f.name, f.capacity, f.description, f.waive, f.phase_capacity, f.ends,
             f.capacity_from_members)
            for f in model.functions.values()
        ],
        "members": [
            (m.key, m.name, m.fte) for f in model.functions.values() for m in f.members.values()
        ],
        "activities": [
            (a.id, a.name, a.phase, a.effort, a.depends_on,
             {fid: held.label for fid, held in a.raci.items()}, a.eligible, a.waive, metadata(a),
             a.stage)
            for a in model.activities
        ],
        "people": [
            (a.id, a.stage, {key: held.label for key, held in a.people.items()})
            for a in model.activities
        ],
    }  # fmt: skip


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("path", MODEL_PATHS, ids=IDS)
def test_export_then_import_is_the_same_model(run_line: RunLine, here: Path, path: Path) -> None:
    run_line(["export", str(path), "-o", "m.xlsx"], exit_code=None)
    run_line(["import", "m.xlsx", "-o", "back.yaml"])
    assert fields(here / "back.yaml") == fields(path)
    result = run_line(["diff", str(path), "back.yaml"])
    assert "No ownership changes." in result.stdout
    # CSV holds the matrix: every activity field, raci per phase included (functions'
    # capacities, members and people need the workbook)
    run_line(["export", str(path), "-o", "m.csv"], exit_code=None)
    run_line(["import", "m.csv", "-o", "csv.yaml"])
    assert fields(here / "csv.yaml")["activities"] == fields(path)["activities"]


def _copy(path: Path, here: Path) -> Path:
    target = here / path.name
    if path.is_dir():
        shutil.copytree(path, target)
    else:
        shutil.copyfile(path, target)
    return target


def _texts(path: Path) -> dict[str, str]:
    files = sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
    return {file.name: file.read_text(encoding="utf-8") for file in files}


@pytest.mark.parametrize("path", MODEL_PATHS, ids=IDS)
def test_into_with_an_unedited_export_changes_nothing(
    run_line: RunLine, here: Path, path: Path
) -> None:
    model = _copy(path, here)
    before = _texts(model)
    run_line(["export", str(model), "-o", "m.xlsx"], exit_code=None)
    result = run_line(["import", "m.xlsx", "--into", str(model)])
    assert "No ownership changes." in result.stdout
    assert result.stderr.endswith(f"raci: {model.as_posix()} already matches the sheet\n")
    assert _texts(model) == before


def _edit(workbook: Path) -> None:
    """Change one letter, drop one, add one, rename an activity, add a row."""
    book = openpyxl.load_workbook(workbook)
    sheet = book["Matrix"]
    headers = [cell.value for cell in sheet[1]]
    functions = [i + 1 for i, h in enumerate(headers) if h not in {"Activity", "ID", "Phase",
                 "Effort", "Depends on", "Eligible", "Waivers"}]  # fmt: skip
    row = [cell.value for cell in sheet[2]]
    held = [c for c in functions if row[c - 1]]
    empty = [c for c in functions if not row[c - 1]]
    sheet.cell(2, held[0]).value = "I" if row[held[0] - 1] != "I" else "C"
    if len(held) > 2:
        sheet.cell(2, held[-1]).value = None
    if empty:
        sheet.cell(3, empty[0]).value = None if sheet.cell(3, empty[0]).value else "I"
    sheet.cell(3, 1).value = f"{sheet.cell(3, 1).value} (edited)"
    if "Person letters" in book.sheetnames:  # the people of the edited row go with it
        letters = book["Person letters"]
        for cells in letters.iter_rows(min_row=2):
            if cells[0].value in {row[1], sheet.cell(3, 2).value}:
                for cell in cells:
                    cell.value = None
    new = sheet.max_row + 1
    sheet.cell(new, 1).value = "A new activity from the workshop"
    sheet.cell(new, functions[0]).value = "A/R" if "A/R" in str(book.properties) else "A"
    book.save(workbook)


@pytest.mark.parametrize("path", MODEL_PATHS, ids=IDS)
def test_into_changes_only_what_was_edited_and_keeps_every_comment(
    run_line: RunLine, here: Path, path: Path
) -> None:
    model = _copy(path, here)
    before, original = _texts(model), fields(model)
    run_line(["export", str(model), "-o", "m.xlsx"], exit_code=None)
    _edit(here / "m.xlsx")
    run_line(["import", "m.xlsx", "-o", "expected.yaml"])
    run_line(["import", "m.xlsx", "--into", str(model)])
    after = fields(model)
    expected = fields(here / "expected.yaml")
    assert after["activities"] == expected["activities"]
    assert after["people"] == expected["people"]
    assert after["functions"] == original["functions"]
    for name, text in before.items():
        edited = _texts(model)[name]
        comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
        kept = [line.strip() for line in edited.splitlines() if line.strip().startswith("#")]
        assert kept == comments
        diff = difflib.ndiff(text.splitlines(), edited.splitlines())
        changed = [line for line in diff if line.startswith("- ")]
        assert len(changed) <= 4  # the edited rows' lines only (plus the appended activity)


def test_into_puts_new_rows_in_the_file_of_their_phase(run_line: RunLine, here: Path) -> None:
    model = _copy(EXAMPLES / "ownership", here)
    run_line(["export", str(model), "-o", "m.xlsx"])
    book = openpyxl.load_workbook(here / "m.xlsx")
    sheet = book["Matrix"]
    headers = [cell.value for cell in sheet[1]]
    column = {header: index + 1 for index, header in enumerate(headers)}
    for name, phase in (("Pilot retrospective", "pilot"), ("Unphased work", None)):
        row = sheet.max_row + 1
        sheet.cell(row, 1).value = name
        sheet.cell(row, column["Phase"]).value = phase
        sheet.cell(row, column["Organisational Development (OD)"]).value = "A/R"
    book.save(here / "m.xlsx")
    result = run_line(["import", "m.xlsx", "--into", "ownership"])
    assert "  + pilot-retrospective  Pilot retrospective\n" in result.stdout
    assert "raci: wrote ownership/20-launch.yaml, ownership/30-sustain.yaml\n" in result.stderr
    launch = (model / "20-launch.yaml").read_text(encoding="utf-8")
    assert launch.endswith(
        "\n\n  - id: pilot-retrospective\n    name: Pilot retrospective\n    phase: pilot\n"
        "    raci: {OD: A/R}\n"
    )
    assert (
        (model / "30-sustain.yaml")
        .read_text(encoding="utf-8")
        .endswith(
            "by design.\n\n  - id: unphased-work\n    name: Unphased work\n    raci: {OD: A/R}\n"
        )
    )


def test_into_edits_block_style_and_keeps_comments_on_the_lines(
    run_line: RunLine, here: Path
) -> None:
    (here / "org.yaml").write_text(
        "version: 1\n"
        "functions:\n"
        "  IC:\n"
        "    name: Internal Communications   # the comms team\n"
        "    capacity: 4\n"
        "  HR: {name: HR}\n"
        "activities:\n"
        "  - id: policy\n"
        "    name: >-\n"
        "      Write the policy\n"
        "    raci:\n"
        "      IC: 'R'   # they draft it\n"
        "      HR: A\n"
        "    x-notes: keep\n",
        encoding="utf-8",
    )
    run_line(["export", "org.yaml", "-o", "m.xlsx"])
    book = openpyxl.load_workbook(here / "m.xlsx")
    sheet = book["Matrix"]
    assert [cell.value for cell in sheet[1]] == [
        "Activity", "ID", "x-notes", "Internal Communications (IC)", "HR",
    ]  # fmt: skip
    sheet["A2"], sheet["C2"], sheet["D2"] = "Write the usage policy", "changed", "A/R"
    sheet["E2"] = None
    book["Functions"]["C2"] = 5
    book.save(here / "m.xlsx")
    result = run_line(["import", "m.xlsx", "--into", "org.yaml"])
    assert "  policy: IC R → A/R\n" in result.stdout
    assert (here / "org.yaml").read_text(encoding="utf-8") == (
        "version: 1\n"
        "functions:\n"
        "  IC:\n"
        "    name: Internal Communications   # the comms team\n"
        "    capacity: 5\n"
        "  HR: {name: HR}\n"
        "activities:\n"
        "  - id: policy\n"
        "    name: Write the usage policy\n"
        "    raci:\n"
        "      IC: 'A/R'   # they draft it\n"
        "    x-notes: changed\n"
    )


def test_into_refuses_what_it_cannot_edit_and_writes_nothing(run_line: RunLine, here: Path) -> None:
    text = (
        "version: 1\nfunctions: {IC: {name: IC}, HR: {name: HR}}\n"
        "activities:\n"
        "  - id: a\n    name: A\n    raci: &shared {IC: A, HR: R}\n"
        "  - id: b\n    name: B\n    raci: *shared\n"
    )
    (here / "org.yaml").write_text(text, encoding="utf-8")
    (here / "m.csv").write_text("Activity,ID,IC,HR\nA,a,A/R,R\nB,b,A,R\n", encoding="utf-8")
    result = run_line(["import", "m.csv", "--into", "org.yaml"], exit_code=2)
    assert "nothing was written" in result.stderr
    assert (here / "org.yaml").read_text(encoding="utf-8") == text
    result = run_line(["import", "m.csv", "--into", "org.yaml", "-o", "x.yaml"], exit_code=2)
    assert result.stderr == "raci: --into edits the model in place; drop -o (or drop --into)\n"
