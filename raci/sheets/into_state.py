"""What ``import --into`` compares: a model, field for field, in the shape a sheet gives.

An activity given per phase is one activity here (its parts merged back: ``raci`` per
phase, its people once), as the sheet's rows are merged; a function's capacity is as the
file gives it (a number, per phase, or none when its members give it). Numbers compare
as floats, so ``2`` in a sheet is the ``2.0`` the model reads.
"""

from __future__ import annotations

from typing import Any

from raci.core.model import Activity, Function, Model
from raci.sheets.export import metadata


def groups(model: Model) -> dict[str, list[Activity]]:
    """Activity id -> its parts (one, or one per phase), in file order."""
    found: dict[str, list[Activity]] = {}
    for activity in model.activities:
        parts = found.get(activity.id)
        if parts and (
            parts[0].document is not activity.document or parts[0].index != activity.index
        ):
            found[activity.id] = [activity]  # a repeated id: the last wins, as before
        else:
            found.setdefault(activity.id, []).append(activity)
    return found


def activity_fields(parts: list[Activity]) -> dict[str, Any]:
    first = parts[0]
    staged = first.stage is not None
    letters = [{fid: held.label for fid, held in part.raci.items()} for part in parts]
    people: dict[str, str] = {}
    for part in parts:
        for key, held in part.people.items():
            people.setdefault(key, held.label)
    return {
        "name": first.name,
        "phase": None if staged else first.phase,
        "effort": first.effort,
        "depends_on": first.depends_on,
        "eligible": first.eligible,
        "waive": first.waive,
        "raci": {part.stage: held for part, held in zip(parts, letters, strict=True)}
        if staged
        else letters[0],
        "people": people,
        **metadata(first),
    }


def given_capacity(function: Function) -> Any:
    """The capacity as the file gives it."""
    if function.phase_capacity:
        return dict(function.phase_capacity)
    return None if function.capacity_from_members else function.capacity


def function_fields(function: Function) -> dict[str, Any]:
    return {
        "name": function.name,
        "capacity": given_capacity(function),
        "description": function.description,
        "waive": function.waive,
        "ends": function.ends,
        "members": {mid: member_fields(m.name, m.fte) for mid, m in function.members.items()},
    }


def member_fields(name: str | None, fte: float) -> dict[str, Any]:
    return {"name": name, "fte": fte}


def entry_fields(entry: dict[str, Any]) -> dict[str, Any]:
    """A function of the sheet (as :func:`raci.sheets.build.build` gives it) like
    :func:`function_fields`."""
    members = entry.get("members", {})
    return {
        "name": entry["name"],
        "capacity": entry.get("capacity"),
        "description": entry.get("description"),
        "waive": entry.get("waive", {}),
        "ends": entry.get("ends"),
        "members": {
            mid: member_fields(m.get("name"), m.get("fte", 1)) for mid, m in members.items()
        },
    }


def declared(model: Model) -> dict[str, Any]:
    """``phases`` and ``fte_unit`` as the files declare them (None when they do not)."""
    unit = next(
        (d.data["fte_unit"] for d in model.documents if d.data.get("fte_unit") is not None), None
    )
    return {"phases": model.phases if model.declared_phases else None, "fte_unit": unit}


def state(model: Model) -> dict[str, Any]:
    found: dict[str, Any] = floats(
        {
            "model": declared(model),
            "functions": {fid: function_fields(f) for fid, f in model.functions.items()},
            "activities": {aid: activity_fields(parts) for aid, parts in groups(model).items()},
        }
    )
    return found


def floats(value: Any) -> Any:
    """``value`` with every number a float (booleans and text as they are)."""
    if isinstance(value, dict):
        return {key: floats(item) for key, item in value.items()}
    if isinstance(value, list):
        return [floats(item) for item in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value
