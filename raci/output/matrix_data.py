"""The matrix for programs: CSV (the cells only) and JSON (cells, totals, the scheme);
and the people columns every format shows for a model whose functions list members.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from raci.output.common import to_csv, to_json
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.core.model import Activity, Function, Member
    from raci.core.scheme import Assignment
    from raci.output.matrix import Matrix

SHARED = "*"
"""A person's cell: nobody of the function is named for (some of) its letters there, so
all its members share them."""

PEOPLE_LEGEND = (
    f"Members: their letters in people:; {SHARED} all members share the letters nobody is named for"
)


@dataclass(frozen=True, slots=True)
class PersonColumn:
    """One member's column, right after its function's."""

    function: Function
    member: Member

    @property
    def id(self) -> str:
        return self.member.key


@dataclass(frozen=True, slots=True)
class PersonCell:
    """What one person holds of their function's letters on one activity."""

    named: Assignment | None
    """Their letters in ``people:``."""
    shared: Assignment | None
    """The function's letters nobody of it is named for: every member shares them."""

    @property
    def text(self) -> str:
        return (self.named.label if self.named else "") + (SHARED if self.shared else "")


def person_cell(activity: Activity, column: PersonColumn, matrix: Matrix) -> PersonCell | None:
    """What ``column``'s person holds on ``activity``; None where their function holds
    nothing there, or they hold none of its letters."""
    holds = activity.raci.get(column.function.id)
    if holds is None:
        return None
    prefix = f"{column.function.id}/"
    claimed = {
        letter
        for key, held in activity.people.items()
        if key.startswith(prefix)
        for letter in held.letters
    }
    unclaimed = [letter for letter in holds.letters if letter not in claimed]
    shared = matrix.model.scheme.parse("/".join(unclaimed)) if unclaimed else None
    named = activity.people.get(column.id)
    return PersonCell(named, shared) if named or shared else None


def person_text(activity: Activity, column: PersonColumn, matrix: Matrix) -> str:
    found = person_cell(activity, column, matrix)
    return found.text if found else ""


def render_csv(matrix: Matrix, medium: Medium = PLAIN) -> str:
    """The cells only (phase, activity, name, one column per function, and one per person
    after their function's): no totals and no legend, so the file stays one table that
    any program reads."""
    header = ["phase", "activity", "name", *(column.id for column in matrix.columns)]
    return to_csv(
        header,
        (
            [
                activity.phase or "",
                activity.id,
                activity.name,
                *(matrix.text(activity, column) for column in matrix.columns),
            ]
            for activity in matrix.activities
        ),
    )


def _people(matrix: Matrix, activity: Activity) -> dict[str, dict[str, str | None]]:
    """Person -> the letters named for them and those they share, where they hold any."""
    found: dict[str, dict[str, str | None]] = {}
    for columns in matrix.people.values():
        for column in columns:
            cell = person_cell(activity, column, matrix)
            if cell is not None:
                found[column.id] = {
                    "named": cell.named.label if cell.named else None,
                    "shared": cell.shared.label if cell.shared else None,
                }
    return found


def as_dict(matrix: Matrix) -> dict[str, Any]:
    totals = matrix.column_totals()
    data: dict[str, Any] = {
        "model": matrix.model.title,
        "scheme": matrix.model.scheme.as_dict(),
        "letters": matrix.letters,
        "functions": [{"id": function.id, "name": function.name} for function in matrix.functions],
        "phases": [phase for phase, _ in matrix.groups],
        "activities": [
            {
                "id": activity.id,
                "name": activity.name,
                "phase": activity.phase,
                "effort": activity.effort,
                "raci": {
                    function.id: held.label
                    for function in matrix.functions
                    if (held := matrix.cell(activity, function))
                },
                "total": matrix.row_total(activity),
                **({"people": _people(matrix, activity)} if matrix.people else {}),
            }
            for activity in matrix.activities
        ],
        "totals": totals,
    }
    if matrix.people:
        data["people"] = [
            {
                "id": column.id,
                "function": column.function.id,
                "name": column.member.name,
                "fte": column.member.fte,
            }
            for columns in matrix.people.values()
            for column in columns
        ]
    if matrix.timeline is not None:
        from raci.output.timeline import as_dict as timeline_dict

        data["by_phase"] = timeline_dict(matrix.timeline)
    return data


def render_json(matrix: Matrix, medium: Medium = PLAIN) -> str:
    return to_json(as_dict(matrix))
