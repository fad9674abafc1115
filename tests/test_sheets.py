"""``raci export`` and ``raci import``: spreadsheets out, ownership files in, and back."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from raci.core.schema import file_models
from raci.engine import check, load
from raci.output.palette import ROLE_COLOURS
from raci.rules import CATALOGUE
from tests.conftest import EXAMPLES, RunLine

Write = Callable[[str, str], Path]

MODEL = """\
version: 1
name: Contoso rollout
functions:
  IC: {name: Internal Communications, capacity: 4}
  HR: {name: Human Resources}
  IT: {name: IT}
  Brand: {name: Brand, description: in the Functions sheet}
activities:
  - id: policy
    name: Write the usage policy, v2
    phase: prepare
    effort: 2.5
    raci: {HR: A, IC: r, IT: c}
  - id: platform
    name: Configure the "platform"
    phase: prepare
    effort: 0
    raci: {IT: AR, IC: I}
  - id: launch
    name: Run the launch
    depends_on: [policy, platform]
    raci: {IC: A/R, Brand: C, HR: I}
"""


def shape(path: Path) -> dict[str, Any]:
    """What a spreadsheet carries of a model: names, functions, activities, letters."""
    model = load(path).model
    assert model is not None
    return {
        "scheme": model.scheme.name,
        "functions": [(f.id, f.name) for f in model.functions.values()],
        "activities": [
            (a.id, a.name, a.phase, a.effort, a.depends_on, {k: v.label for k, v in a.raci.items()})
            for a in model.activities
        ],
    }


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_csv_export(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", MODEL)
    result = run_line(["export", str(path), "--format", "csv"])
    assert result.stdout == (
        "Activity,ID,Phase,Effort,Depends on,Internal Communications (IC),Human Resources (HR),"
        "IT,Brand\n"
        '"Write the usage policy, v2",policy,prepare,2.5,,R,A,C,\n'
        '"Configure the ""platform""",platform,prepare,0,,I,,A/R,\n'
        'Run the launch,launch,,1,"policy, platform",A/R,I,,C\n'
    )


def test_csv_export_leaves_out_unused_optional_columns(run_line: RunLine, write: Write) -> None:
    path = write(
        "org.yaml",
        "version: 1\nfunctions: {IC: {name: IC}}\n"
        "activities: [{id: a, name: A, raci: {IC: A/R, Comms: C}}]\n",
    )
    result = run_line(["export", str(path)], exit_code=1)  # unknown-function is an error
    assert result.stdout == "Activity,ID,IC,Comms\nA,a,A/R,C\n"


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_then_import_gives_back_the_same_model(
    run_line: RunLine, here: Path, suffix: str
) -> None:
    (here / "org.yaml").write_text(MODEL, encoding="utf-8")
    run_line(["export", "org.yaml", "-o", f"matrix.{suffix}"])
    run_line(["import", f"matrix.{suffix}", "-o", "back.yaml"])
    assert shape(here / "back.yaml") == shape(here / "org.yaml")
    name = load(here / "back.yaml").model.name  # type: ignore[union-attr]
    assert name == ("Contoso rollout" if suffix == "xlsx" else None)
    run_line(["export", "back.yaml", "-o", f"again.{suffix}"])
    if suffix == "csv":
        assert (here / "again.csv").read_bytes() == (here / "matrix.csv").read_bytes()


def test_rasci_round_trip_with_scheme(run_line: RunLine, here: Path) -> None:
    (here / "org.yaml").write_text(
        "version: 1\nscheme: rasci\nfunctions: {IC: {name: IC}, IT: {name: IT}}\n"
        "activities: [{id: a, name: A, raci: {IC: A/R, IT: S}}]\n",
        encoding="utf-8",
    )
    run_line(["export", "org.yaml", "-o", "m.csv"])
    result = run_line(["import", "m.csv", "--scheme", "raci", "-o", "back.yaml"], exit_code=2)
    assert result.stderr.startswith("raci: m.csv:2:4: 'S' is not a RACI letter")
    run_line(["import", "m.csv", "-o", "back.yaml"])  # the S makes it RASCI
    assert shape(here / "back.yaml") == shape(here / "org.yaml")


def test_xlsx_workbook_layout(run_line: RunLine, here: Path) -> None:
    (here / "org.yaml").write_text(MODEL, encoding="utf-8")
    run_line(["export", "org.yaml", "-o", "matrix.xlsx"])
    workbook = openpyxl.load_workbook(here / "matrix.xlsx")
    assert workbook.sheetnames == ["Matrix", "Functions", "Legend", "Load", "Findings"]
    matrix = workbook["Matrix"]
    assert matrix.freeze_panes == "B2"
    assert [cell.value for cell in matrix[1]][:6] == [
        "Activity", "ID", "Phase", "Effort", "Depends on", "Internal Communications (IC)",
    ]  # fmt: skip
    owner = matrix["G2"]  # HR is A on the first activity
    assert owner.value == "A"
    assert owner.fill.start_color.rgb == "00" + ROLE_COLOURS["owner"][0]
    assert owner.font.bold
    worker = matrix["F2"]
    assert (worker.value, worker.fill.start_color.rgb) == ("R", "00" + ROLE_COLOURS["worker"][0])
    assert matrix["D2"].value == 2.5
    assert matrix.auto_filter.ref == "A1:I4"
    (validation,) = matrix.data_validations.dataValidation
    assert validation.formula1 == '"R,A,C,I,A/R"'
    assert str(validation.sqref) == "F2:I4"

    assert list(workbook["Functions"].iter_rows(values_only=True)) == [
        ("ID", "Name", "Capacity", "Description", "Waivers"),
        ("IC", "Internal Communications", 4, None, None),
        ("HR", "Human Resources", None, None, None),
        ("IT", "IT", None, None, None),
        ("Brand", "Brand", None, "in the Functions sheet", None),
    ]
    legend = workbook["Legend"]
    assert list(legend.iter_rows(values_only=True)) == [
        ("Letter", "Word", "Role", "Meaning"),
        ("R", "Responsible", "does the work", "does the work"),
        ("A", "Accountable", "owns the outcome", "owns the outcome and signs it off; exactly one"),
        ("C", "Consulted", "gives input", "gives input before the work is done"),
        ("I", "Informed", "is kept informed", "is kept up to date"),
        ("A/R", "Accountable and Responsible", "owns the outcome, does the work",
         "one function holds both letters"),
        (None, None, None, None),
        ("Scheme: RACI (scheme: raci in the ownership file)", None, None, None),
    ]  # fmt: skip
    assert legend["A3"].fill.start_color.rgb == owner.fill.start_color.rgb
    assert legend["A2"].fill.start_color.rgb == worker.fill.start_color.rgb
    assert [(prop.name, prop.value) for prop in workbook.custom_doc_props] == [
        ("raci scheme", "raci")
    ]

    load_sheet = workbook["Load"]
    assert load_sheet.freeze_panes == "A2"
    rows = list(load_sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Function", "Name", "A", "R", "C", "I", "Load", "Capacity", "Utilisation", "Share of A",
    )  # fmt: skip
    assert rows[1] == ("IC", "Internal Communications", 1, 2, 0, 1, 3.5, 4, 0.875, 1 / 3)
    assert len(load_sheet._charts) == 1

    findings = list(workbook["Findings"].iter_rows(values_only=True))
    expected = check(["org.yaml"]).findings
    assert [row[:3] for row in findings[1:]] == [(f.severity, f.code, f.rule) for f in expected]
    assert findings[1][3:6] == (expected[0].file, expected[0].line, expected[0].column)


def test_xlsx_needs_an_output_file(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", MODEL)
    result = run_line(["export", str(path), "--format", "xlsx"], exit_code=2)
    assert result.stderr == (
        "raci: --format xlsx writes a binary workbook: name the file with -o FILE.xlsx\n"
    )
    result = run_line(["export", str(path), "-o", "matrix.ods"], exit_code=2)
    assert result.stderr == (
        "raci: cannot tell the format from 'matrix.ods': name a .csv or .xlsx file, or pass "
        "--format csv|xlsx\n"
    )


def test_import_reads_headers_titles_and_makes_ids(run_line: RunLine, here: Path) -> None:
    (here / "matrix.csv").write_text(
        "\ufeffContoso RACI matrix,,,,,\n"
        ",,,,,\n"
        "Task,PHASE,effort,Internal Communications (IC),HR,Information Security\n"
        "Run the launch!,Launch,2,a/r,c,\n"
        "Run the launch,Launch,,A,R,i\n"
        'Write the policy,,"2,5",,A,R\n'
        ",,,,,\n",
        encoding="utf-8",
    )
    result = run_line(["import", "matrix.csv", "--name", "Contoso"])
    assert result.stdout == (
        "# Ownership file imported from matrix.csv by raci.\n"
        "# Next: raci check org.yaml\n"
        "version: 1\n"
        "name: Contoso\n"
        "\n"
        "functions:\n"
        "  IC: {name: Internal Communications}\n"
        "  HR: {name: HR}\n"
        "  information-security: {name: Information Security}\n"
        "\n"
        "activities:\n"
        "  - id: run-the-launch\n"
        "    name: Run the launch!\n"
        "    phase: Launch\n"
        "    effort: 2\n"
        "    raci: {IC: A/R, HR: C}\n"
        "\n"
        "  - id: run-the-launch-2\n"
        "    name: Run the launch\n"
        "    phase: Launch\n"
        "    raci: {IC: A, HR: R, information-security: I}\n"
        "\n"
        "  - id: write-the-policy\n"
        "    name: Write the policy\n"
        "    phase: Launch\n"
        "    effort: 2.5\n"
        "    raci: {HR: A, information-security: R}\n"
    )
    file_models(CATALOGUE)[0].model_validate(yaml.safe_load(result.stdout))


def test_import_semicolons_ids_and_dependencies(run_line: RunLine, here: Path) -> None:
    (here / "matrix.csv").write_text(
        "Activity;Activity ID;Depends on;IC;HR\n"
        "Policy;policy;;A;R\n"
        "Launch;;policy;A/R;C\n"
        "Review;Needs review!;policy, launch;A;R\n",
        encoding="utf-8",
    )
    run_line(["import", "matrix.csv", "-o", "org.yaml"])
    assert shape(here / "org.yaml")["activities"] == [
        ("policy", "Policy", None, 1.0, [], {"IC": "A", "HR": "R"}),
        ("launch", "Launch", None, 1.0, ["policy"], {"IC": "A/R", "HR": "C"}),
        ("needs-review", "Review", None, 1.0, ["policy", "launch"], {"IC": "A", "HR": "R"}),
    ]
    run_line(["check", "org.yaml"], exit_code=None)


BAD_CSV = (
    "Activity,Phase,IC,HR\n"
    "One,p,A,R\n"
    "Two,p,A,R\n"
    '"Three,\nand a half",p,A,R\n'
    "Five,p,A,R\n"
    "Six,p,X,R\n"
)


def test_a_bad_csv_cell_is_reported_at_its_line_and_column(run_line: RunLine, here: Path) -> None:
    (here / "matrix.csv").write_text(BAD_CSV, encoding="utf-8")
    (here / "org.yaml").write_text("keep me\n", encoding="utf-8")
    result = run_line(["import", "matrix.csv", "-o", "org.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: matrix.csv:7:3: 'X' is not a RACI letter: use one of R, A, C, I, A/R\n"
        "raci: 1 problem in matrix.csv (letters of your own? map them: --letter Lead=A); "
        "nothing written\n"
    )
    assert (here / "org.yaml").read_text(encoding="utf-8") == "keep me\n"


def _workbook(path: Path, rows: list[list[Any]], title: str = "Sheet1") -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def test_a_bad_xlsx_cell_is_reported_at_its_sheet_and_cell(run_line: RunLine, here: Path) -> None:
    rows = [["Activity", "Phase", "IC", "HR"]] + [[f"A{n}", "p", "A", "R"] for n in range(5)]
    rows.append(["Six", "p", "X", 1])
    _workbook(here / "matrix.xlsx", rows)
    result = run_line(["import", "matrix.xlsx", "-o", "org.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: matrix.xlsx:Sheet1!C7: 'X' is not a RACI letter: use one of R, A, C, I, A/R\n"
        "raci: matrix.xlsx:Sheet1!D7: '1' is not a RACI letter: use one of R, A, C, I, A/R\n"
        "raci: 2 problems in matrix.xlsx (letters of your own? map them: --letter Lead=A); "
        "nothing written\n"
    )
    assert not (here / "org.yaml").exists()


def test_a_matrix_with_a_margin_keeps_its_places(run_line: RunLine, here: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["B1"] = "Contoso RACI, March"
    for row, values in enumerate([["Activity", "IC", "HR"], ["Launch", "A/R", "C"]], start=3):
        for column, value in enumerate(values, start=2):
            sheet.cell(row, column, value)
    sheet["D5"] = "Z"
    sheet["B5"] = "Policy"
    workbook.save(here / "matrix.xlsx")
    result = run_line(["import", "matrix.xlsx"], exit_code=2)
    assert result.stderr.splitlines()[0] == (
        "raci: matrix.xlsx:Sheet!D5: 'Z' is not a RACI letter: use one of R, A, C, I, A/R"
    )
    sheet["D5"] = "R"
    workbook.save(here / "matrix.xlsx")
    run_line(["import", "matrix.xlsx", "-o", "org.yaml"])
    assert shape(here / "org.yaml")["activities"] == [
        ("launch", "Launch", None, 1.0, [], {"IC": "A/R", "HR": "C"}),
        ("policy", "Policy", None, 1.0, [], {"HR": "R"}),
    ]


def test_other_bad_cells(run_line: RunLine, here: Path) -> None:
    _workbook(
        here / "matrix.xlsx",
        [
            ["Activity", "ID", "Effort", "IC", "IC", None, "Phase", "phase"],
            ["One", "one", "lots", "A", None, None, None, None],
            ["Two", "one", -1, "R", None, "A", None, None],
            [None, None, None, "A", None, None, None, None],
        ],
        title="RACI 2027",
    )
    result = run_line(["import", "matrix.xlsx", "--sheet", "RACI 2027"], exit_code=2)
    # the second IC column holds no letters: it is not a function but metadata (x-ic)
    assert result.stderr.splitlines() == [
        "raci: matrix.xlsx:'RACI 2027'!H1: a second 'phase' column (the first is at "
        "matrix.xlsx:'RACI 2027'!G1)",
        "raci: matrix.xlsx:'RACI 2027'!C2: effort must be a number of 0 or more, not 'lots'",
        "raci: matrix.xlsx:'RACI 2027'!B3: id 'one' is already used at matrix.xlsx:'RACI 2027'!B2",
        "raci: matrix.xlsx:'RACI 2027'!C3: effort must be a number of 0 or more, not '-1'",
        "raci: matrix.xlsx:'RACI 2027'!A4: this row has letters but no activity name",
        "raci: 5 problems in matrix.xlsx; nothing written",
    ]


NO_MATRIX = (
    "raci: matrix.csv: no RACI matrix found in it: looked for a header row over columns whose "
    "cells are mostly letters (such as R, A, C, I, A/R), with activity names in a text "
    "column to their left (letters of your own? map them: --letter Lead=A)\n"
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", NO_MATRIX),
        ("Activity,Phase\nOne,p\n", NO_MATRIX),
        ("Activity,IC\n", NO_MATRIX),
    ],
)  # fmt: skip
def test_sheets_without_a_matrix(run_line: RunLine, here: Path, content: str, message: str) -> None:
    (here / "matrix.csv").write_text(content, encoding="utf-8")
    assert run_line(["import", "matrix.csv"], exit_code=2).stderr == message


def test_unusable_spreadsheets(run_line: RunLine, here: Path) -> None:
    (here / "fake.xlsx").write_text("not a zip", encoding="utf-8")
    result = run_line(["import", "fake.xlsx"], exit_code=2)
    assert result.stderr.startswith("raci: fake.xlsx: not an Excel workbook (.xlsx): ")
    (here / "latin1.csv").write_bytes("Activity,IC\nCaf\xe9,A\n".encode("latin-1"))
    result = run_line(["import", "latin1.csv"], exit_code=2)
    assert result.stderr == (
        "raci: latin1.csv:2: the file is not UTF-8 text; save it as 'CSV UTF-8', or name its "
        "encoding with --encoding cp1252\n"
    )
    assert run_line(["import", "missing.csv"], exit_code=2).stderr == (
        "raci: missing.csv: no such file\n"
    )
    _workbook(here / "m.xlsx", [["Activity", "IC"], ["One", "A/R"]])
    result = run_line(["import", "m.xlsx", "--sheet", "sheet1"], exit_code=2)
    assert result.stderr == (
        "raci: m.xlsx has no sheet 'sheet1' (did you mean 'Sheet1'?); its sheets are: Sheet1\n"
    )
    (here / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    assert run_line(["import", "old.xls"], exit_code=2).stderr == (
        "raci: old.xls: .xls files are not read; save the sheet as .xlsx or CSV\n"
    )
    result = run_line(["import", "m.xlsx", "--scheme", "racy"], exit_code=2)
    assert result.stderr == "raci: --scheme: no scheme 'racy' (did you mean 'raci'?)\n"


def test_the_example_spreadsheet_imports_to_the_committed_ownership_file(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    result = run_line(
        ["import", "examples/adoption-matrix.csv", "--name", "Contoso enterprise social adoption"]
    )
    committed = (EXAMPLES / "adoption-matrix.yaml").read_text(encoding="utf-8")
    assert result.stdout.replace("org.yaml", "examples/adoption-matrix.yaml") == committed


def test_the_example_workbook_holds_the_same_model(run_line: RunLine, here: Path) -> None:
    run_line(["import", str(EXAMPLES / "adoption-matrix.xlsx"), "-o", "from-xlsx.yaml"])
    assert shape(here / "from-xlsx.yaml") == shape(EXAMPLES / "adoption-matrix.yaml")
    text = (here / "from-xlsx.yaml").read_text(encoding="utf-8")
    assert "name: Contoso enterprise social adoption\n" in text


def test_csv_rows_are_read_with_the_csv_module(tmp_path: Path) -> None:
    """The exported CSV is plain RFC 4180 that any reader understands."""
    path = tmp_path / "org.yaml"
    path.write_text(MODEL, encoding="utf-8")
    from raci.sheets.export import to_csv

    model = load(path).model
    assert model is not None
    rows = list(csv.reader(io.StringIO(to_csv(model))))
    assert rows[2][0] == 'Configure the "platform"'
    assert all(len(row) == len(rows[0]) for row in rows)
