"""``raci import``: a spreadsheet RACI matrix becomes a valid ownership file.

Every bad cell is reported at its place (``matrix.csv:7:3``, ``matrix.xlsx:Sheet1!C7``)
and nothing is written until the whole sheet reads cleanly.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Any

from raci.core.errors import RaciError
from raci.core.scheme import DEFAULT_SCHEME, Scheme
from raci.sheets.detect import recognise
from raci.sheets.layout import parse_function_header, slugify, special_column, unique, valid_id
from raci.sheets.read import Sheet

MAX_SHOWN = 20
"""Problems listed before the rest are summed up in one line."""


class SheetProblems(RaciError):
    """Bad cells: one line per problem, each at its place."""

    def __init__(self, source: str, problems: list[tuple[str, str]], note: str = "") -> None:
        count = len(problems)
        super().__init__(f"{count} problem{'s' * (count != 1)} in {source}{note}; nothing written")
        self.problems = problems

    def lines(self) -> list[str]:
        shown = [f"{place}: {message}" for place, message in self.problems[:MAX_SHOWN]]
        if len(self.problems) > MAX_SHOWN:
            shown.append(f"... and {len(self.problems) - MAX_SHOWN} more")
        return [*shown, self.message]

    def __str__(self) -> str:
        return "\n".join(self.lines())


@dataclass
class _Row:
    index: int
    name: str
    id: str | None
    fields: dict[str, Any] = field(default_factory=dict)
    cells: dict[str, tuple[int, str, bool]] = field(default_factory=dict)
    """function id -> (column, the cell as shown, whether it is text: a number never is
    a letter)."""
    raci: dict[str, str] = field(default_factory=dict)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


class _Reader:
    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.problems: list[tuple[int, int, str]] = []
        self.columns: dict[str, int] = {}
        self.functions: dict[str, tuple[int, str]] = {}
        """function id -> (column, name)."""
        self.unnamed: list[int] = []

    def problem(self, row: int, column: int, message: str) -> None:
        self.problems.append((row, column, message))

    def header(self, row: int, cells: list[Any]) -> None:
        taken: set[str] = set()
        for column in range(1, len(cells)):
            text = _text(cells[column])
            kind = special_column(text) if text else None
            if not text:
                self.unnamed.append(column)
            elif kind is not None:
                if kind in self.columns:
                    first = self.sheet.place(row, self.columns[kind])
                    self.problem(row, column, f"a second '{text}' column (the first is at {first})")
                else:
                    self.columns[kind] = column
            else:
                fid, name, written = parse_function_header(text)
                if written and fid in taken:
                    first = self.sheet.place(row, self.functions[fid][0])
                    self.problem(row, column, f"function '{fid}' is already the header at {first}")
                    continue
                fid = unique(fid, taken, "function")
                self.functions[fid] = (column, name)

    def row(self, row: int, cells: list[Any], explicit: dict[str, int]) -> _Row | None:
        name = _text(cells[0])
        if not name:
            self.problem(row, 0, "this row has cells but no activity name in the first column")
            return None
        entry = _Row(row, name, None)
        if "id" in self.columns and (given := _text(cells[self.columns["id"]])):
            wanted = given if valid_id(given) else slugify(given)
            if wanted in explicit:
                first = self.sheet.place(explicit[wanted], self.columns["id"])
                self.problem(row, self.columns["id"], f"id '{wanted}' is already used at {first}")
            elif wanted:
                explicit[wanted] = row
                entry.id = wanted
        if "phase" in self.columns and (phase := _text(cells[self.columns["phase"]])):
            entry.fields["phase"] = phase
        if "effort" in self.columns:
            self.effort(row, cells[self.columns["effort"]], entry)
        if "depends_on" in self.columns and (after := _text(cells[self.columns["depends_on"]])):
            entry.fields["depends_on"] = [item for item in re.split(r"[,;\s]+", after) if item]
        for fid, (column, _) in self.functions.items():
            value = cells[column]
            if text := _text(value):
                entry.cells[fid] = (column, text, isinstance(value, str))
        return entry

    def letters(self, entries: list[_Row], scheme: Scheme) -> int:
        """Read every letter cell in ``scheme`` into its entry's ``raci``; a cell that is
        no letter of it is a problem. Returns how many there are."""
        bad = 0
        for entry in entries:
            for fid, (column, text, is_text) in entry.cells.items():
                held = scheme.parse(text) if is_text else None
                if held is None:
                    letters = ", ".join(scheme.spellings)
                    message = f"'{text}' is not a {scheme.title} letter: use one of {letters}"
                    self.problem(entry.index, column, message)
                    bad += 1
                else:
                    entry.raci[fid] = held.label
        return bad

    def effort(self, row: int, value: Any, entry: _Row) -> None:
        text = _text(value)
        if not text:
            return
        number: float | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            spelled = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
            try:
                number = float(spelled)
            except ValueError:
                number = None
        if number is None or not math.isfinite(number) or number < 0:
            message = f"effort must be a number of 0 or more, not '{text}'"
            self.problem(row, self.columns["effort"], message)
        elif number != 1:
            entry.fields["effort"] = int(number) if number.is_integer() else number


def import_sheet(
    sheet: Sheet, scheme: Scheme | None = None, name: str | None = None
) -> dict[str, Any]:
    """The ownership file (as plain data) that the matrix in ``sheet`` describes, its
    letters read in ``scheme``, or (None) in the scheme they are written in."""
    sheet = _trim_left(sheet)
    rows = sheet.rows
    start = next((index for index, row in enumerate(rows) if _filled(row) >= 2), None)
    if start is None:
        raise RaciError(
            f"{sheet.name}: no header row: a row needs the activity column and at least one "
            "function column"
        )
    width = max(len(row) for row in rows[start:])
    padded = [list(row) + [None] * (width - len(row)) for row in rows]
    reader = _Reader(sheet)
    reader.header(start, padded[start])
    if not reader.functions and not reader.problems:
        reader.problem(start, 0, "the header row names no function: add one column per function")
    explicit: dict[str, int] = {}
    entries = [
        entry
        for index in range(start + 1, len(padded))
        if _filled(padded[index]) and (entry := reader.row(index, padded[index], explicit))
    ]
    for column in reader.unnamed:
        used = [index for index in range(start + 1, len(padded)) if _text(padded[index][column])]
        if used:
            reader.problem(start, column, "this column has cells but no function in its header")
    if not entries and not reader.problems:
        reader.problem(start, 0, "no activities below the header row")
    guessed = scheme is None
    if scheme is None:
        cells = [
            text if is_text else None for e in entries for _, text, is_text in e.cells.values()
        ]
        scheme = recognise(cells, sheet.scheme)
    bad = reader.letters(entries, scheme)
    note = ""
    if guessed and bad and scheme.name != DEFAULT_SCHEME:
        note = f" (read as {scheme.title}: its letters fit the most cells; --scheme sets another)"
    if reader.problems:
        placed = [(sheet.place(row, column), text) for row, column, text in sorted(reader.problems)]
        raise SheetProblems(sheet.name, placed, note)
    taken = set(explicit)
    activities = []
    for number, entry in enumerate(entries, start=1):
        activity_id = entry.id or unique(slugify(entry.name), taken, f"activity-{number}")
        activities.append(
            {"id": activity_id, "name": entry.name, **entry.fields, "raci": entry.raci}
        )
    data: dict[str, Any] = {"version": 1}
    if name:
        data["name"] = name
    if scheme.name != DEFAULT_SCHEME:
        data["scheme"] = scheme.name
    data["functions"] = {fid: {"name": label} for fid, (_, label) in reader.functions.items()}
    data["activities"] = activities
    return data


def _trim_left(sheet: Sheet) -> Sheet:
    """Drop the empty columns left of the matrix (a margin), keeping every place right."""
    offset = min(
        (
            next(i for i, value in enumerate(row) if _text(value))
            for row in sheet.rows
            if _filled(row)
        ),
        default=0,
    )
    if not offset:
        return sheet
    place = sheet.place
    return replace(
        sheet,
        rows=[row[offset:] for row in sheet.rows],
        place=lambda row, column: place(row, column + offset),
    )


def _filled(row: list[Any]) -> int:
    return sum(1 for value in row if _text(value))
