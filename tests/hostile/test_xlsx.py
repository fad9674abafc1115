"""Hostile workbooks are exit 2 in bounded time and memory (issue #12, class 4)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from raci.sheets import xlsx_safe
from tests.conftest import EXAMPLES, RunLine

SOURCE = EXAMPLES / "adoption-matrix.xlsx"
SHEET = "xl/worksheets/sheet1.xml"


def rebuilt(tmp_path: Path, change: dict[str, bytes], name: str = "x.xlsx") -> Path:
    """The example workbook with some parts replaced."""
    target = tmp_path / name
    with zipfile.ZipFile(SOURCE) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = change.get(info.filename, source.read(info.filename))
            out.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def sheet_xml() -> bytes:
    with zipfile.ZipFile(SOURCE) as source:
        return source.read(SHEET)


def test_a_declared_huge_dimension_is_ignored(run_line: RunLine, tmp_path: Path) -> None:
    xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', sheet_xml())
    workbook = rebuilt(tmp_path, {SHEET: xml})
    assert workbook.stat().st_size < 20_000
    run_line(["import", str(workbook)])


def test_too_many_rows_and_columns(run_line: RunLine, tmp_path: Path) -> None:
    far_row = sheet_xml().replace(
        b"</sheetData>",
        b'<row r="300000"><c r="A300000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    )
    result = run_line(["import", str(rebuilt(tmp_path, {SHEET: far_row}))], exit_code=2)
    assert "has more than 200,000 rows; raci reads at most that many" in result.stderr
    far_column = sheet_xml().replace(
        b"</sheetData>",
        b'<row r="30"><c r="XFD30" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    )
    result = run_line(["import", str(rebuilt(tmp_path, {SHEET: far_column}))], exit_code=2)
    assert "row 30 has a cell in column 16,384; raci reads at most 2,000 columns" in result.stderr


def test_a_zip_bomb_is_refused(run_line: RunLine, tmp_path: Path) -> None:
    padding = b"<!--" + b" " * (40 * 1024 * 1024) + b"-->"
    workbook = rebuilt(tmp_path, {SHEET: sheet_xml() + padding})
    assert workbook.stat().st_size < 1_000_000
    result = run_line(["import", str(workbook)], exit_code=2)
    assert f"the part {SHEET} expands" in result.stderr
    assert "refusing what looks like a zip bomb" in result.stderr


@pytest.mark.parametrize(
    ("part", "data"),
    [
        (SHEET, b"<worksheet><sheetData><row r='1'><c r='A1'>"),
        (SHEET, b'<!DOCTYPE x [<!ENTITY a "b">]><worksheet>&undefined;</worksheet>'),
        (
            SHEET,
            sheet_xml().replace(b'<c r="A2"', b'<c r="A2" t="d"><v>not a date</v></c><c r="Z2"', 1),
        ),
        ("xl/styles.xml", b"<styleSheet><cellXfs><xf numFmtId='x'/></cellXfs></styleSheet>"),
        ("xl/workbook.xml", b"<workbook"),
    ],
)
def test_broken_parts_are_exit_2_naming_the_part(
    run_line: RunLine, tmp_path: Path, part: str, data: bytes
) -> None:
    result = run_line(["import", str(rebuilt(tmp_path, {part: data}))], exit_code=2)
    assert "internal error" not in result.stderr
    assert f"x.xlsx: not a readable Excel workbook: cannot read {part} (" in result.stderr


def test_not_a_zip(run_line: RunLine, tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really")
    result = run_line(["import", str(fake)], exit_code=2)
    assert "fake.xlsx: not an Excel workbook (.xlsx)" in result.stderr


def test_the_grid_is_every_row_as_wide_as_the_widest(tmp_path: Path) -> None:
    with xlsx_safe.open_workbook(SOURCE, "a.xlsx") as workbook:
        grid = workbook.grid(workbook.sheetnames[0])
    assert len({len(row) for row in grid}) == 1
    assert grid[0][0] == "Activity"


def test_found_by_the_fuzzer(run_line: RunLine, tmp_path: Path) -> None:
    """A U+FFFE in a phase broke the export; a 5,000-digit id broke the import."""
    model = tmp_path / "org.yaml"
    model.write_text(
        'version: 1\nname: "t\\x01"\nfunctions:\n  IC: {name: IC}\n  HR: {name: HR}\n'
        f'activities:\n  - {{id: "{"9" * 5000}", name: A, phase: "\\ufffe", '
        "raci: {IC: A/R, HR: C}}\n",
        "utf-8",
    )
    sheet = tmp_path / "out.xlsx"
    run_line(["export", str(model), "-o", str(sheet)], exit_code=None)
    assert sheet.exists()
    result = run_line(["import", str(sheet)], exit_code=None)
    assert result.exit_code in {0, 2}, result.stderr
    assert "internal error" not in result.stderr
