"""What a workbook holds beyond the matrix: ``phases:`` and ``fte_unit:`` (document
properties) and the people (the People and Person letters sheets)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from raci.core.errors import RaciError
from raci.sheets.layout import FTE_UNIT_PROPERTY, PHASES_PROPERTY
from raci.sheets.people import LETTERS_SHEET, PEOPLE_SHEET, Read, read_letters, read_people

if TYPE_CHECKING:
    from raci.core.scheme import Scheme
    from raci.sheets.read import Sheet


def model_settings(
    sheet: Sheet, activities: list[dict[str, Any]], functions: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """``phases`` (the workbook's, then any phase the sheets name that it lacks, in order of
    use) and ``fte_unit``, when the workbook declares them."""
    found: dict[str, Any] = {}
    listed = sheet.properties.get(PHASES_PROPERTY)
    if listed is not None:
        try:
            phases = json.loads(listed)
        except ValueError:
            phases = None
        if not isinstance(phases, list) or not all(isinstance(p, str) for p in phases):
            raise RaciError(
                f"{sheet.name}: the document property '{PHASES_PROPERTY}' must list the "
                f'phases as JSON text (["prepare", "run"]), not {listed!r}'
            )
        named: list[str] = []
        for activity in activities:
            raci = activity["raci"]
            staged = [k for k, v in raci.items() if isinstance(v, dict)]
            named += [activity["phase"]] if "phase" in activity else staged
        for entry in functions.values():
            capacity = entry.get("capacity")
            named += list(capacity) if isinstance(capacity, dict) else []
            named += [entry["ends"]] if "ends" in entry else []
        found["phases"] = list(dict.fromkeys([*phases, *named]))
    unit = sheet.properties.get(FTE_UNIT_PROPERTY)
    if unit is not None:
        try:
            number = float(unit)
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or number <= 0:
            raise RaciError(
                f"{sheet.name}: the document property '{FTE_UNIT_PROPERTY}' must be a number "
                f"above 0, not {unit!r}"
            )
        found["fte_unit"] = int(number) if number.is_integer() else number
    return found


def add_people(data: dict[str, Any], sheets: list[Sheet], scheme: Scheme) -> list[tuple[str, str]]:
    """Read the People and Person letters sheets into ``data`` (members under their
    functions, ``people:`` under their activities); the problems, at their cells."""
    by_name = {item.sheet: item for item in sheets if item.sheet is not None}
    found = Read()
    people = by_name.get(PEOPLE_SHEET)
    if people is not None:
        read_people(people.rows, people.place, data["functions"], found)
    letters = by_name.get(LETTERS_SHEET)
    if letters is not None:
        raci = {activity["id"]: activity["raci"] for activity in data["activities"]}
        read_letters(letters.rows, letters.place, raci, scheme, found)
    if found.problems:
        return found.problems
    for fid, members in found.members.items():
        data["functions"][fid]["members"] = members
    for index, activity in enumerate(data["activities"]):
        given = found.people.get(activity["id"])
        if given:
            keys = list(activity)
            cut = keys.index("raci") + 1
            shaped = {key: activity[key] for key in keys[:cut]}
            shaped["people"] = given
            shaped.update((key, activity[key]) for key in keys[cut:])
            data["activities"][index] = shaped
    return []
