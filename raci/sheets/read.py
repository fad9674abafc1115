"""Read a spreadsheet (CSV or XLSX) into rows of cell values that know their place.

A place is what a person finds in their spreadsheet program: ``matrix.csv:7:3`` (line
and column) or ``matrix.xlsx:Sheet1!C7`` (sheet and cell). A workbook is read whole
(every worksheet), so the importer can look for the matrix on any of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from raci.core.errors import RaciError
from raci.core.suggest import suggest
from raci.sheets.csv_text import read_csv_rows
from raci.sheets.layout import SCHEME_PROPERTY
from raci.sheets.xlsx_text import unescape

_PLAIN_SHEET = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    """The file as the user named it."""
    rows: list[list[Any]]
    """Cell values (str, int, float, bool, datetime or None), row by row from the top."""
    place: Callable[[int, int], str]
    """``place(row, column)`` (0-based) as the user would look it up."""
    title: str | None = None
    """The workbook's title property, if any."""
    scheme: str | None = None
    """The scheme a workbook names in its ``raci scheme`` property (``raci export`` sets it)."""
    sheet: str | None = None
    """The worksheet's name (None for CSV)."""
    description: str | None = None
    """The workbook's description property, if any (``raci export`` sets it)."""
    lines: list[int] | None = None
    """For CSV: the line each row starts on (a quoted cell may span lines)."""
    properties: dict[str, str] = field(default_factory=dict)
    """A workbook's custom document properties (``raci phases``, ``raci fte unit``...)."""


def read_sheet(path: Path, display: str, sheet: str | None = None) -> Sheet:
    """The one sheet named ``sheet`` (or the first) of ``path``; see :func:`read_sheets`."""
    return read_sheets(path, display, sheet)[0]


def read_sheets(
    path: Path, display: str, sheet: str | None = None, encoding: str | None = None
) -> list[Sheet]:
    """Every worksheet of ``path`` (only ``sheet`` when named) by its suffix:
    ``.xlsx``/``.xlsm`` as a workbook, anything else as one CSV sheet."""
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return read_xlsx(path, display, sheet)
    if suffix in {".xls", ".ods", ".numbers"}:
        raise RaciError(f"{display}: {suffix} files are not read; save the sheet as .xlsx or CSV")
    if sheet is not None:
        raise RaciError(f"--sheet applies to .xlsx workbooks, not to {display}")
    return [read_csv(path, display, encoding)]


def read_csv(path: Path, display: str, encoding: str | None = None) -> Sheet:
    """CSV in UTF-8 or UTF-16 (with or without a byte-order mark), or in ``encoding``;
    separated by commas, semicolons, tabs or pipes (whichever makes the table)."""
    from raci.core.files import FileProblem, read_limited

    try:
        data = read_limited(path)
    except FileNotFoundError:
        raise RaciError(f"{display}: no such file") from None
    except FileProblem as error:
        raise RaciError(f"{display}: {error}") from None
    rows, lines = read_csv_rows(data, display, encoding)
    return Sheet(
        display, rows, lambda row, column: f"{display}:{lines[row]}:{column + 1}", lines=lines
    )


def read_xlsx(path: Path, display: str, sheet: str | None = None) -> list[Sheet]:
    """The worksheets of a workbook (or the one called ``sheet``), values not formulas,
    read within bounds (see :mod:`raci.sheets.xlsx_safe`)."""
    from raci.sheets.xlsx_safe import open_workbook

    with open_workbook(path, display) as workbook:
        names = workbook.sheetnames
        if sheet is not None and sheet not in names:
            raise RaciError(
                f"{display} has no sheet '{sheet}'{suggest(sheet, names)}; its sheets are: "
                + ", ".join(names)
            )
        chosen = [sheet] if sheet is not None else names
        grids = [(name, [_unescaped(values) for values in workbook.grid(name)]) for name in chosen]
        title = unescape(workbook.properties.title or "") or None
        description = unescape(workbook.properties.description or "") or None
        properties = {
            str(prop.name): str(prop.value)
            for prop in workbook.custom_properties
            if prop.name and prop.value is not None and str(prop.value)
        }
    declared = properties.get(SCHEME_PROPERTY)
    return [
        Sheet(
            display,
            rows,
            _placer(display, name),
            title,
            declared,
            name,
            description,
            properties=properties,
        )
        for name, rows in grids
    ]


def _unescaped(values: list[Any]) -> list[Any]:
    return [unescape(value) if isinstance(value, str) else value for value in values]


def _placer(display: str, title: str) -> Callable[[int, int], str]:
    from openpyxl.utils import get_column_letter

    shown = title if _PLAIN_SHEET.fullmatch(title) else "'" + title.replace("'", "''") + "'"

    def place(row: int, column: int) -> str:
        return f"{display}:{shown}!{get_column_letter(column + 1)}{row + 1}"

    return place
