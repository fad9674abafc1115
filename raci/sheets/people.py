"""The People and Person letters sheets of an exported workbook, out and back.

**People**: one row per member (``Function``, ``Member``, ``Name``, ``FTE``), as
``members:`` lists them. **Person letters**: one row per letter a person holds
(``Activity ID``, ``Activity``, ``Person``, ``Letters``), as ``people:`` gives them; the
Activity column is there to read, the ID says which activity. Long tables rather than
a grid: a consultant adds a person or a letter by adding a row, and filters by person.
Both are read back by ``raci import``; a bad cell is a problem at its place.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from raci.sheets.layout import valid_id
from raci.sheets.locate import text

if TYPE_CHECKING:
    from raci.core.model import Model
    from raci.core.scheme import Scheme

PEOPLE_SHEET = "People"
LETTERS_SHEET = "Person letters"
PEOPLE_SHEETS = (PEOPLE_SHEET, LETTERS_SHEET)
PEOPLE_HEADERS = ["Function", "Member", "Name", "FTE"]
LETTER_HEADERS = ["Activity ID", "Activity", "Person", "Letters"]

Problems = list[tuple[int, int, str]]


def people_rows(model: Model) -> list[list[Any]]:
    """One row per member of every function (after ``--redact``, if given)."""
    return [
        [fid, member.id, member.name, int(member.fte) if member.fte.is_integer() else member.fte]
        for fid, function in model.functions.items()
        for member in function.members.values()
    ]


def letter_rows(model: Model) -> list[list[Any]]:
    """One row per person's letters on an activity (once for an activity given per phase)."""
    people: dict[tuple[int, int], dict[str, str]] = {}
    names: dict[tuple[int, int], tuple[str, str]] = {}
    for activity in model.activities:
        key = (id(activity.document), activity.index)
        names.setdefault(key, (activity.id, activity.name))
        found = people.setdefault(key, {})
        for person, held in activity.people.items():
            found.setdefault(person, held.label)
    members = {  # after --redact the file's order is unknown: the members' order, then
        m.key: n
        for n, m in enumerate(m for f in model.functions.values() for m in f.members.values())
    }
    rows: list[list[Any]] = []
    for key, found in people.items():
        aid, name = names[key]
        written = _written_order(model, key)
        ordered = sorted(found, key=lambda person: (written.get(person, 0), members[person]))
        rows.extend([aid, name, person, found[person]] for person in ordered)
    return rows


def _written_order(model: Model, key: tuple[int, int]) -> dict[str, int]:
    """The order ``people:`` lists persons in the file (the model's parts each hold some)."""
    document = next(d for d in model.documents if id(d) == key[0])
    items = document.data.get("activities")
    raw = items[key[1]].get("people") if isinstance(items, list) else None
    return {person: n for n, person in enumerate(raw or {})}


@dataclass
class Read:
    members: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    """function id -> member id -> ``{name, fte}`` as the ownership file writes them."""
    people: dict[str, dict[str, str]] = field(default_factory=dict)
    """activity id -> ``{FUNCTION/member: letters}``."""
    problems: list[tuple[str, str]] = field(default_factory=list)
    """(place, message)."""


Place = Callable[[int, int], str]


def _columns(rows: list[list[Any]], headers: list[str]) -> dict[str, int]:
    heads = [text(value).casefold() for value in rows[0]] if rows else []
    return {name: heads.index(name.casefold()) for name in headers if name.casefold() in heads}


def read_people(
    rows: list[list[Any]], place: Place, functions: Mapping[str, Any], found: Read
) -> None:
    """The members a People sheet lists, into ``found`` (problems at their cells)."""
    columns = _columns(rows, PEOPLE_HEADERS)
    missing = [name for name in ("Function", "Member") if name not in columns]
    if missing:
        found.problems.append(
            (place(0, 0), f"the {PEOPLE_SHEET} sheet needs a {missing[0]} column")
        )
        return
    first: dict[str, int] = {}
    for row, values in enumerate(rows[1:], start=1):
        cell = _cell(columns, values)
        fid, mid = text(cell("Function")), text(cell("Member"))
        if not (fid or mid or text(cell("Name")) or text(cell("FTE"))):
            continue
        if fid not in functions:
            message = f"'{fid}' is not a function id of this workbook" if fid else "no function"
            found.problems.append((place(row, columns["Function"]), message))
            continue
        person = f"{fid}/{mid}"
        if not valid_id(mid):
            message = f"member id '{mid}' is not a valid id" if mid else "no member id"
            found.problems.append((place(row, columns["Member"]), message))
            continue
        if person in first:
            at = place(first[person], columns["Member"])
            found.problems.append(
                (place(row, columns["Member"]), f"'{person}' is already listed at {at}")
            )
            continue
        first[person] = row
        member: dict[str, Any] = {}
        name = cell("Name")
        if text(name):
            member["name"] = name if isinstance(name, str) else text(name)
        fte = _fte(cell("FTE"))
        if isinstance(fte, str):
            found.problems.append((place(row, columns["FTE"]), fte))
            continue
        if fte is not None and fte != 1:
            member["fte"] = fte
        found.members.setdefault(fid, {})[mid] = member


def read_letters(
    rows: list[list[Any]],
    place: Place,
    raci: Mapping[str, dict[str, Any]],
    scheme: Scheme,
    found: Read,
) -> None:
    """The person letters a Person letters sheet gives, into ``found``: each activity
    must be in the matrix, each person on the People sheet, each letter among the
    function's on that activity (in some phase)."""
    from raci.core.people import within

    columns = _columns(rows, LETTER_HEADERS)
    missing = [name for name in ("Activity ID", "Person", "Letters") if name not in columns]
    if missing:
        found.problems.append(
            (place(0, 0), f"the {LETTERS_SHEET} sheet needs a {missing[0]} column")
        )
        return
    allowed = ", ".join(scheme.spellings)
    first: dict[tuple[str, str], int] = {}
    for row, values in enumerate(rows[1:], start=1):
        cell = _cell(columns, values)
        aid, person, shown = text(cell("Activity ID")), text(cell("Person")), text(cell("Letters"))
        if not (aid or person or shown):
            continue
        at = {name: place(row, column) for name, column in columns.items()}
        if aid not in raci:
            message = f"no activity '{aid}' in the matrix" if aid else "no activity id"
            found.problems.append((at["Activity ID"], message))
            continue
        fid, _, mid = person.partition("/")
        if mid not in found.members.get(fid, {}):
            message = (
                f"'{person}' is not a member on the {PEOPLE_SHEET} sheet (write FUNCTION/member)"
            )
            found.problems.append((at["Person"], message))
            continue
        held = scheme.parse(shown) if isinstance(cell("Letters"), str) else None
        if held is None:
            message = f"'{shown}' is not a {scheme.title} letter: use one of {allowed}"
            found.problems.append((at["Letters"], message))
            continue
        if (aid, person) in first:
            earlier = place(first[aid, person], columns["Person"])
            found.problems.append(
                (at["Person"], f"'{person}' on '{aid}' is already given at {earlier}")
            )
            continue
        first[aid, person] = row
        holds = [scheme.parse(part[fid]) for part in _parts(raci[aid]) if fid in part]
        if not any(h is not None and within(held, h) for h in holds):
            shown_holds = "nothing" if not holds else " or ".join(h.label for h in holds if h)
            message = (
                f"{fid} holds {shown_holds} on '{aid}', not {held.label}: a person's letters "
                "are among the function's"
            )
            found.problems.append((at["Letters"], message))
            continue
        found.people.setdefault(aid, {})[person] = held.label


def _parts(raci: dict[str, Any]) -> list[dict[str, str]]:
    if any(isinstance(value, dict) for value in raci.values()):
        return list(raci.values())
    return [raci]


def _cell(columns: dict[str, int], values: list[Any]) -> Callable[[str], Any]:
    def cell(name: str) -> Any:
        column = columns.get(name)
        return values[column] if column is not None and column < len(values) else None

    return cell


def _fte(value: Any) -> float | int | str | None:
    """The FTE of a cell, ``None`` when blank, or what is wrong with it."""
    shown = text(value)
    if not shown:
        return None
    try:
        number = float(value) if isinstance(value, int | float) else float(shown.replace(",", "."))
    except ValueError:
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number) or number <= 0:
        return f"FTE must be a number above 0, not '{shown}'"
    return int(number) if number.is_integer() else number
