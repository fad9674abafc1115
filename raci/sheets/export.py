"""``raci export``: the matrix as rows and columns, for CSV and XLSX alike."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from raci.sheets.functions import waivers_cell
from raci.sheets.layout import (
    ACTIVITY,
    DEPENDS_ON,
    EFFORT,
    ELIGIBLE,
    ID,
    PHASE,
    WAIVERS,
    function_header,
)

if TYPE_CHECKING:
    from raci.core.model import Activity, Model

Value = str | int | float | None


@dataclass(frozen=True, slots=True)
class Grid:
    """The matrix as a sheet: headers, then one row per activity in file order."""

    headers: list[str]
    rows: list[list[Value]]
    functions: list[str]
    """The function id of each function column (the last ``len(functions)`` columns)."""
    effort_column: int | None

    @property
    def first_function(self) -> int:
        return len(self.headers) - len(self.functions)


def matrix_grid(model: Model) -> Grid:
    """Activity, ID, then Phase, Effort, Depends on, Eligible, Waivers and each ``x-``
    key when any activity uses them, then one column per function (functions assigned
    but never defined come last, so no assignment is lost)."""
    activities = model.activities
    columns = dict.fromkeys(model.functions)
    for activity in activities:
        columns.update(dict.fromkeys(activity.raci))
    functions = list(columns)
    extras = {key: [metadata(a).get(key) for a in activities] for key in _metadata_keys(model)}
    optional: list[tuple[str, list[Any]]] = [
        (PHASE, [activity.phase for activity in activities]),
        (EFFORT, [activity.effort for activity in activities]),
        (DEPENDS_ON, [", ".join(activity.depends_on) or None for activity in activities]),
        (ELIGIBLE, [", ".join(activity.eligible) or None for activity in activities]),
        (WAIVERS, [waivers_cell(activity.waive) or None for activity in activities]),
        *extras.items(),
    ]
    used = [
        (header, values)
        for header, values in optional
        if any(value is not None and (header != EFFORT or value != 1) for value in values)
    ]
    headers = [ACTIVITY, ID, *(header for header, _ in used)]
    effort_column = headers.index(EFFORT) if EFFORT in headers else None
    names = {fid: model.functions[fid].name if fid in model.functions else fid for fid in functions}
    headers += [function_header(fid, names[fid]) for fid in functions]
    rows: list[list[Value]] = []
    for index, activity in enumerate(activities):
        row: list[Value] = [activity.name, activity.id]
        row += [_cell(values[index]) for _, values in used]
        row += [held.label if (held := activity.raci.get(fid)) else None for fid in functions]
        rows.append(row)
    return Grid(headers, rows, functions, effort_column)


def metadata(activity: Activity) -> dict[str, Any]:
    """The ``x-`` keys of an activity, as its file holds them."""
    items = activity.document.data.get("activities")
    if not isinstance(items, list) or activity.index >= len(items):
        return {}
    return dict(getattr(items[activity.index], "extensions", None) or {})


def _metadata_keys(model: Model) -> list[str]:
    keys: dict[str, None] = {}
    for activity in model.activities:
        keys.update(dict.fromkeys(list(metadata(activity))))
    return list(keys)


def _cell(value: Any) -> Value:
    """A value as one cell: text and numbers as they are; a list or mapping as JSON."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return float(value) if isinstance(value, float) else value
    return json.dumps(value, ensure_ascii=False, default=str)


def csv_leaves_out(model: Model) -> str:
    """What of phases and people a CSV cannot hold (it is the matrix only), as words."""
    functions = model.functions.values()
    left = [
        word
        for word, used in (
            ("'phases:'", model.declared_phases),
            ("'fte_unit:'", any(d.data.get("fte_unit") is not None for d in model.documents)),
            ("capacity per phase", any(f.phase_capacity for f in functions)),
            ("'ends:'", any(f.ends is not None for f in functions)),
            ("members", model.has_people),
            ("people", any(a.people for a in model.activities)),
        )
        if used
    ]
    return " and ".join([", ".join(left[:-1]), left[-1]]) if len(left) > 1 else "".join(left)


def to_csv(model: Model) -> str:
    """The matrix as CSV (UTF-8, comma-separated, ``\\n`` line ends); a cell a
    spreadsheet would evaluate as a formula starts with ``'`` (OWASP)."""
    from raci.output.escape import csv_text

    grid = matrix_grid(model)
    return csv_text([grid.headers, *([_text(value) for value in row] for row in grid.rows)])


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
