"""Read the rows under a located header as people write them.

A row with letters is an activity. A row without letters is never one: a lone text
("Phase 1: Prepare", "PHASE 2 - DESIGN") is a section that sets the phase of the rows
under it (unless there is a phase column), a legend or key block ends the matrix, a
blank row is skipped, and any other row is reported as having no letters. A blank
phase cell under a filled one (a phase merged down) takes the phase above, except in a
sheet ``raci export`` wrote (header ``Activity, ID, ...``), which is read literally.
An ID may repeat on rows of different phases: those rows are one activity given per
phase (merged by :mod:`raci.sheets.build`); any other repeat is a problem at its cell.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from raci.sheets.cells import is_letter
from raci.sheets.layout import slugify, valid_id
from raci.sheets.locate import LEGEND_WORDS, Layout, text

_LEGEND_START = re.compile(r"^(legend|key)\s*(:|$|\()", re.IGNORECASE)
_MEANING = re.compile(r"^[A-Za-z](?:\s*/\s*[A-Za-z])?\s*(?:=|:|-|\u2013|\u2014)\s*[A-Za-z]{3,}")
_LIST = re.compile(r"[,;\s]+")
Place = Callable[[int, int], str]


@dataclass
class Entry:
    """One activity row: its name, fields, and its letter cells still as written."""

    row: int
    name: str
    id: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    cells: dict[int, tuple[str, bool]] = field(default_factory=dict)
    """letter column -> (the cell as shown, whether it is text: a number is no letter)."""


@dataclass
class Rows:
    entries: list[Entry] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    """(row, reason, text)."""
    problems: list[tuple[int, int, str]] = field(default_factory=list)
    phases_from: str = "none"


def literal(layout: Layout) -> bool:
    """A sheet ``raci export`` wrote: read blank phase cells as no phase."""
    first = sorted(layout.headers)[:2]
    return [layout.headers[column] for column in first] == ["Activity", "ID"]


def read_rows(
    rows: list[list[Any]], layout: Layout, house: Mapping[str, str], place: Place
) -> Rows:
    """Every row under the header, classified; an activity's letters not yet read."""
    found = Rows()
    for row in range(layout.header):
        found.skipped.append((row, "above-header", ""))
    phase_column = layout.known.get("phase")
    exported = literal(layout)
    carry = phase_column is not None and not exported
    section: str | None = None
    above: str | None = None
    blank_before = False
    explicit: dict[str, list[tuple[int, str | None]]] = {}
    for row in range(layout.header + 1, len(rows)):
        values = rows[row]
        cells = [text(value) for value in values]
        filled = [(column, cell) for column, cell in enumerate(cells) if cell]
        if not filled:
            found.skipped.append((row, "blank", ""))
            blank_before = True
            continue
        letters = {
            column: cells[column]
            for column in layout.letters
            if column < len(cells) and cells[column]
        }
        real = {c: v for c, v in letters.items() if _is_text(values[c]) and is_letter(v, house)}
        if not exported and _legend(filled, bool(real), blank_before):
            found.skipped.extend(
                (index, "legend", "")
                for index in range(row, len(rows))
                if any(text(value) for value in rows[index])
            )
            break
        blank_before = False
        if not letters:
            if len(filled) == 1:
                found.skipped.append((row, "section", filled[0][1]))
                if phase_column is None:
                    section = filled[0][1]
                    found.phases_from = "sections"
            else:
                found.skipped.append((row, "no-letters", cells[layout.activity]))
            continue
        entry = _entry(found, row, values, layout, place)
        if entry is None:
            continue
        entry.cells = {
            column: (shown, _is_text(values[column])) for column, shown in letters.items()
        }
        if phase_column is not None:
            phase = values[phase_column] if phase_column < len(values) else None
            if text(phase):
                above = _exact(phase)
                entry.fields["phase"] = above
                found.phases_from = "column"
            elif carry and above is not None:
                entry.fields["phase"] = above
        elif section is not None:
            entry.fields["phase"] = section
        if entry.id is not None and not _first_of_phase(found, entry, layout, explicit, place):
            entry.id = None
        found.entries.append(entry)
    return found


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _exact(value: Any) -> str:
    """A text cell as the user typed it (a number as it reads)."""
    return value if isinstance(value, str) else text(value)


def _legend(filled: list[tuple[int, str]], letters: bool, after_gap: bool) -> bool:
    """A row that starts a legend: "Legend", "Key:" or "R = Responsible" on a row without
    letters, or after a blank gap a row naming a letter's meaning."""
    first = filled[0][1]
    if _LEGEND_START.match(first) and not letters:
        return True
    meaning = any(_MEANING.match(cell) for _, cell in filled)
    word = any(cell.casefold().rstrip(":") in LEGEND_WORDS for _, cell in filled)
    if not letters and meaning:
        return True
    return after_gap and (meaning or word)


def _entry(
    found: Rows,
    row: int,
    values: list[Any],
    layout: Layout,
    place: Place,
) -> Entry | None:
    def cell(kind: str) -> Any:
        column = layout.known.get(kind)
        return values[column] if column is not None and column < len(values) else None

    name = values[layout.activity] if layout.activity < len(values) else None
    if not text(name):
        found.problems.append((row, layout.activity, "this row has letters but no activity name"))
        return None
    entry = Entry(row, _exact(name))
    given = text(cell("id"))
    if given:
        entry.id = (given if valid_id(given) else slugify(given)) or None
    _effort(found, row, cell("effort"), layout, entry)
    for kind in ("depends_on", "eligible"):
        listed = text(cell(kind))
        if listed:
            entry.fields[kind] = [item for item in _LIST.split(listed) if item]
    waivers = cell("waive")
    if text(waivers):
        entry.fields["waive"] = _exact(waivers)
    for column, key in layout.metadata.items():
        value = values[column] if column < len(values) else None
        if text(value):
            entry.fields[key] = metadata(value)
    return entry


def _first_of_phase(
    found: Rows,
    entry: Entry,
    layout: Layout,
    explicit: dict[str, list[tuple[int, str | None]]],
    place: Place,
) -> bool:
    """Whether ``entry``'s id is new, or repeats it in a phase of its own (the rows of an
    activity given per phase); else a problem at its ID cell."""
    assert entry.id is not None
    phase = entry.fields.get("phase")
    seen = explicit.setdefault(entry.id, [])
    clash = next(
        (row for row, other in seen if phase is None or other is None or other == phase), None
    )
    if clash is None:
        seen.append((entry.row, phase))
        return True
    first = place(clash, layout.known["id"])
    message = f"id '{entry.id}' is already used at {first}"
    if phase is not None and any(other == phase for _, other in seen):
        message += f" in phase '{phase}'"
    elif seen[0][1] is not None or phase is not None:
        message += " (rows of an activity given per phase each name their phase)"
    found.problems.append((entry.row, layout.known["id"], message))
    return False


def metadata(value: Any) -> Any:
    """A cell kept under an ``x-`` key: text as typed (a CSV's cells are all text),
    numbers as numbers, dates as ISO text."""
    import datetime

    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _effort(found: Rows, row: int, value: Any, layout: Layout, entry: Entry) -> None:
    shown = text(value)
    if not shown:
        return
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        spelled = shown.replace(",", ".") if shown.count(",") == 1 and "." not in shown else shown
        try:
            number = float(spelled)
        except ValueError:
            number = None
    if number is None or not math.isfinite(number) or number < 0:
        message = f"effort must be a number of 0 or more, not '{shown}'"
        found.problems.append((row, layout.known["effort"], message))
    elif number != 1:
        entry.fields["effort"] = int(number) if number.is_integer() else number
