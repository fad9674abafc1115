"""The matrix for programs: CSV (the cells only) and JSON (cells, totals, the scheme)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from raci.output.common import to_csv, to_json
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.output.matrix import Matrix


def render_csv(matrix: Matrix, medium: Medium = PLAIN) -> str:
    """The cells only (phase, activity, name, one column per function): no totals and no
    legend, so the file stays one table that any program reads."""
    header = ["phase", "activity", "name", *(function.id for function in matrix.functions)]
    return to_csv(
        header,
        (
            [
                activity.phase or "",
                activity.id,
                activity.name,
                *(
                    held.label if (held := matrix.cell(activity, function)) else ""
                    for function in matrix.functions
                ),
            ]
            for activity in matrix.activities
        ),
    )


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
            }
            for activity in matrix.activities
        ],
        "totals": totals,
    }
    if matrix.timeline is not None:
        from raci.output.timeline import as_dict as timeline_dict

        data["by_phase"] = timeline_dict(matrix.timeline)
    return data


def render_json(matrix: Matrix, medium: Medium = PLAIN) -> str:
    return to_json(as_dict(matrix))
