"""``raci import``: a spreadsheet RACI matrix becomes a valid ownership file.

:func:`read_matrix` is the library entry point (``raci import``, and any command that
reads a matrix back, such as returned survey views): it finds the matrix on any sheet,
reads it as people write it, and returns the ownership file as plain data with a
:class:`~raci.sheets.summary.Summary` of what it did. Every bad cell is reported at its
place (``matrix.csv:7:3``, ``matrix.xlsx:Sheet1!C7``) and nothing is returned until the
whole matrix reads cleanly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from raci.core.errors import RaciError
from raci.core.scheme import Scheme
from raci.sheets.build import build
from raci.sheets.cells import house_letters
from raci.sheets.layout import EXPORT_SHEET, FUNCTIONS_SHEET
from raci.sheets.locate import Layout, locate
from raci.sheets.people import PEOPLE_SHEETS
from raci.sheets.read import Sheet, read_sheets
from raci.sheets.summary import Summary

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


@dataclass(frozen=True, slots=True)
class Imported:
    data: dict[str, Any]
    """The ownership file as plain values (``version``, ``functions``, ``activities``...)."""
    summary: Summary
    carried: frozenset[str] = frozenset()
    """The activity fields the sheet has a column for (``phase``, ``effort``, ``x-notes``
    ...), ``functions`` when it has a Functions sheet, ``members`` and ``people`` when it
    has the People and Person letters sheets, ``phases`` / ``fte_unit`` when its
    properties give them: ``--into`` changes only those."""
    columns: tuple[str, ...] = ()
    """The function ids of the matrix's letter columns."""


def read_matrix(
    path: Path,
    display: str | None = None,
    *,
    sheet: str | None = None,
    letters: Iterable[str] | Mapping[str, str] = (),
    scheme: Scheme | None = None,
    known: Mapping[str, str] | None = None,
    encoding: str | None = None,
    name: str | None = None,
) -> Imported:
    """The matrix in the spreadsheet at ``path``.

    ``sheet`` names the worksheet (default: the one holding a matrix); ``letters`` maps
    house letters (``["Lead=A"]`` or ``{"LEAD": "A"}``); ``scheme`` forces the letters'
    scheme (default: the one they are written in); ``known`` maps header texts to the
    ids of an existing model's functions (id or name, casefolded); ``name`` names the model.
    """
    shown = display if display is not None else path.as_posix()
    house = dict(letters) if isinstance(letters, Mapping) else house_letters(letters)
    sheets = read_sheets(path, shown, sheet, encoding)
    definitions = next(
        (item for item in sheets if item.sheet == FUNCTIONS_SHEET and sheet != FUNCTIONS_SHEET),
        None,
    )
    candidates = [
        item
        for item in sheets
        if item is not definitions and (item.sheet not in PEOPLE_SHEETS or sheet is not None)
    ]
    named = {spelling.casefold() for spelling in (known or {})}
    if definitions is not None:
        from raci.sheets.functions import read_functions
        from raci.sheets.layout import function_header

        for fid, entry in read_functions(definitions.rows).functions.items():
            named.update(
                spelling.casefold()
                for spelling in (fid, entry["name"], function_header(fid, entry["name"]))
            )
    chosen = _choose(candidates, house, named, shown, [item.sheet or "" for item in sheets])
    table, layout = chosen
    return build(table, layout, house, scheme, known, definitions, name, sheets)


def import_sheet(
    sheet: Sheet, scheme: Scheme | None = None, name: str | None = None
) -> dict[str, Any]:
    """The ownership file the matrix in one already-read ``sheet`` describes."""
    layout = locate(sheet.rows, {})
    if layout is None:
        raise _nothing_found(sheet.name, [])
    return build(sheet, layout, {}, scheme, None, None, name, [sheet]).data


def _choose(
    sheets: list[Sheet],
    house: Mapping[str, str],
    named: set[str],
    shown: str,
    names: list[str],
) -> tuple[Sheet, Layout]:
    """The sheet whose matrix has the most function columns, then letters (the first of
    equals); in a workbook ``raci export`` wrote, its Matrix sheet."""
    exported = [item for item in sheets if item.scheme and item.sheet == EXPORT_SHEET]
    best: tuple[Sheet, Layout] | None = None
    score = (-1, -1)
    for item in exported or sheets:
        layout = locate(item.rows, house, named)
        if layout is not None and (len(layout.letters), layout.letter_cells) > score:
            best, score = (item, layout), (len(layout.letters), layout.letter_cells)
    if best is None:
        raise _nothing_found(shown, [name for name in names if name])
    return best


def _nothing_found(shown: str, names: list[str]) -> RaciError:
    where = (
        f"on any sheet ({', '.join(names)})"
        if len(names) > 1
        else (f"on sheet {names[0]}" if names else "in it")
    )
    return RaciError(
        f"{shown}: no RACI matrix found {where}: looked for a header row over columns "
        "whose cells are mostly letters (such as R, A, C, I, A/R), with activity names in a "
        "text column to their left (letters of your own? map them: --letter Lead=A)"
    )
