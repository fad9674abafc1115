"""Rows that share an ID in different phases are one activity given per phase.

``raci export`` writes an activity whose ``raci:`` maps phases to letters as one row per
phase, the same ID on each and its phase in the Phase cell; reading them back, the rows
become one activity again, ``raci: {phase: {function: letter}}`` in the order of the
rows. What the activity holds once (its name, effort, eligible, waivers, ``x-`` keys)
must read the same on each of its rows; ``Depends on`` is written on its first row only,
so a blank one there is no difference.
"""

from __future__ import annotations

from raci.sheets.locate import Layout
from raci.sheets.rows import Entry, Place

Problems = list[tuple[int, int, str]]


def merge_phases(
    entries: list[Entry], layout: Layout, place: Place, problems: Problems
) -> list[Entry]:
    """``entries`` with the rows of each activity given per phase merged into its first."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.id is not None:
            groups.setdefault(entry.id, []).append(entry)
    merged: list[Entry] = []
    for entry in entries:
        group = groups.get(entry.id or "", [entry])
        if len(group) == 1 or entry is not group[0]:
            if len(group) == 1:
                merged.append(entry)
            continue
        _agree(group, layout, place, problems)
        entry.fields["raci"] = {part.fields["phase"]: part.fields["raci"] for part in group}
        del entry.fields["phase"]
        depends = next((p.fields["depends_on"] for p in group if "depends_on" in p.fields), None)
        if depends is not None:
            entry.fields["depends_on"] = depends
        merged.append(entry)
    return merged


def _agree(group: list[Entry], layout: Layout, place: Place, problems: Problems) -> None:
    """A problem at each cell of a later row that differs from the activity's first row."""
    first = group[0]
    columns = {**layout.known, **{key: column for column, key in layout.metadata.items()}}
    keys = dict.fromkeys(key for part in group for key in part.fields)
    keys = {key: None for key in keys if key not in {"phase", "raci", "id"}}
    for part in group[1:]:
        where = f"the rows of '{first.id}' (one activity given per phase) must agree on"
        if part.name != first.name:
            at = place(first.row, layout.activity)
            problems.append((part.row, layout.activity, f"{where} its name (see {at})"))
        for key in keys:
            value, model = part.fields.get(key), first
            if key == "depends_on":
                model = next(other for other in group if key in other.fields)
                if value is None:
                    continue
            if value != model.fields.get(key) and key in columns:
                header = layout.headers.get(columns[key], key)
                at = place(model.row, columns[key])
                problems.append((part.row, columns[key], f"{where} {header} (see {at})"))
