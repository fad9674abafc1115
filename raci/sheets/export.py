"""``raci export``: the matrix as rows and columns, for CSV and XLSX alike."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.sheets.layout import ACTIVITY, DEPENDS_ON, EFFORT, ID, PHASE, function_header

if TYPE_CHECKING:
    from raci.core.model import Model

Value = str | float | None


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
    """Activity, ID, then Phase, Effort and Depends on when any activity uses them, then
    one column per function (functions assigned but never defined come last, so no
    assignment is lost)."""
    activities = model.activities
    columns = dict.fromkeys(model.functions)
    for activity in activities:
        columns.update(dict.fromkeys(activity.raci))
    functions = list(columns)
    has_phase = any(activity.phase is not None for activity in activities)
    has_effort = any(activity.effort != 1 for activity in activities)
    has_depends = any(activity.depends_on for activity in activities)
    headers = [ACTIVITY, ID]
    headers += [PHASE] * has_phase + [EFFORT] * has_effort + [DEPENDS_ON] * has_depends
    effort_column = headers.index(EFFORT) if has_effort else None
    names = {fid: model.functions[fid].name if fid in model.functions else fid for fid in functions}
    headers += [function_header(fid, names[fid]) for fid in functions]
    rows: list[list[Value]] = []
    for activity in activities:
        row: list[Value] = [activity.name, activity.id]
        row += [activity.phase] * has_phase + [activity.effort] * has_effort
        row += [", ".join(activity.depends_on)] * has_depends
        row += [held.label if (held := activity.raci.get(fid)) else None for fid in functions]
        rows.append(row)
    return Grid(headers, rows, functions, effort_column)


def to_csv(model: Model) -> str:
    """The matrix as CSV (UTF-8, comma-separated, ``\\n`` line ends); a cell a
    spreadsheet would evaluate as a formula starts with ``'`` (OWASP)."""
    from raci.output.escape import csv_cell

    grid = matrix_grid(model)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_cell(header) for header in grid.headers)
    for row in grid.rows:
        writer.writerow(csv_cell(_text(value)) for value in row)
    return buffer.getvalue()


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value
