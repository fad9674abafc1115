"""Read a spreadsheet (CSV or XLSX) into rows of cell values that know their place.

A place is what a person finds in their spreadsheet program: ``matrix.csv:7:3`` (line
and column) or ``matrix.xlsx:Sheet1!C7`` (sheet and cell).
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from raci.core.errors import RaciError
from raci.core.suggest import suggest
from raci.sheets.layout import SCHEME_PROPERTY

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


def read_sheet(path: Path, display: str, sheet: str | None = None) -> Sheet:
    """Read ``path`` by its suffix: ``.xlsx``/``.xlsm`` as a workbook, anything else as CSV."""
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return read_xlsx(path, display, sheet)
    if suffix in {".xls", ".ods", ".numbers"}:
        raise RaciError(f"{display}: {suffix} files are not read; save the sheet as .xlsx or CSV")
    if sheet is not None:
        raise RaciError(f"--sheet applies to .xlsx workbooks, not to {display}")
    return read_csv(path, display)


def read_csv(path: Path, display: str) -> Sheet:
    """CSV in UTF-8 (a byte-order mark is fine), separated by commas, semicolons or tabs."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise RaciError(f"{display}: no such file") from None
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        raise RaciError(
            "the file is not UTF-8 text; save it as 'CSV UTF-8'", location=f"{display}:{line}"
        ) from None
    except OSError as error:
        raise RaciError(f"{display}: cannot read the file: {error.strerror or error}") from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[list[Any]] = []
    lines: list[int] = []
    previous = 0
    try:
        for record in reader:
            lines.append(previous + 1)  # the line the record starts on
            previous = reader.line_num
            rows.append(record)
    except csv.Error as error:
        raise RaciError(
            f"not valid CSV: {error}", location=f"{display}:{reader.line_num}"
        ) from None
    return Sheet(display, rows, lambda row, column: f"{display}:{lines[row]}:{column + 1}")


def read_xlsx(path: Path, display: str, sheet: str | None = None) -> Sheet:
    """The first worksheet of a workbook (or the one called ``sheet``), values not formulas."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it does not keep (extensions,
            # conditional formats); we only read values.
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise RaciError(f"{display}: no such file") from None
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise RaciError(f"{display}: not an Excel workbook (.xlsx): {error}") from None
    try:
        names = workbook.sheetnames
        if sheet is not None and sheet not in names:
            raise RaciError(
                f"{display} has no sheet '{sheet}'{suggest(sheet, names)}; its sheets are: "
                + ", ".join(names)
            )
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        title = worksheet.title
        # read-only mode streams the sheet; rows come from row 1, gaps filled with None
        rows = [list(values) for values in worksheet.iter_rows(min_row=1, values_only=True)]
        workbook_title = workbook.properties.title or None
        properties = workbook.custom_doc_props  # type: ignore[attr-defined]  # not in the stubs
        declared = next(
            (str(prop.value) for prop in properties if prop.name == SCHEME_PROPERTY and prop.value),
            None,
        )
    finally:
        workbook.close()
    shown = title if _PLAIN_SHEET.fullmatch(title) else "'" + title.replace("'", "''") + "'"

    def place(row: int, column: int) -> str:
        return f"{display}:{shown}!{get_column_letter(column + 1)}{row + 1}"

    return Sheet(display, rows, place, workbook_title, declared)
