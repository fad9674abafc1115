"""The consensus model: the reference with the letters the respondents agree on.

A valid ownership file: each activity keeps its reference fields (effort, dependencies,
waivers when a ``--model`` gave them) and holds the consensus letters; each carries
``x-agreement`` (respondents, alpha, percent agreement, and the votes on every
disputed cell, open ones listed under ``open``). An open cell holds no letter: the
workshop decides it, and ``raci check`` on the consensus says what is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from raci.core.views import Merged
from raci.sheets.yaml_out import ownership_yaml
from raci.views.reference import Reference

if TYPE_CHECKING:
    from raci.core.model import Activity, Function


def consensus_data(reference: Reference, merged: Merged) -> dict[str, Any]:
    model = reference.model
    data: dict[str, Any] = {"version": 1}
    if reference.title:
        data["name"] = reference.title
    if model is not None and model.description:
        data["description"] = model.description
    if reference.scheme.name != "raci":
        data["scheme"] = reference.scheme.name
    data["x-merge"] = {
        "views": [view.file for view in merged.views],
        "respondents": [view.label for view in merged.views],
        "alpha": _number(merged.alpha),
        "agreement": _number(merged.agreement),
    }
    functions = model.functions if model is not None else {}
    data["functions"] = {
        fid: _function(functions.get(fid), name) for fid, name in reference.functions.items()
    }
    originals = {a.id: a for a in model.activities} if model is not None else {}
    activities = []
    for entry, result in zip(reference.activities, merged.activities, strict=True):
        activity: dict[str, Any] = {"id": entry.id, "name": entry.name}
        if entry.phase:
            activity["phase"] = entry.phase
        activity.update(_kept(originals.get(entry.id)))
        activity["raci"] = {
            cell.function: cell.consensus for cell in result.cells if cell.consensus is not None
        }
        agreement: dict[str, Any] = {
            "respondents": len(result.answered),
            "alpha": _number(result.alpha),
            "agreement": _number(result.agreement),
        }
        if result.open_cells:
            agreement["open"] = [cell.function for cell in result.open_cells]
        disputed = {cell.function: dict(cell.counts) for cell in result.disagreements}
        if disputed:
            agreement["votes"] = disputed
        activity["x-agreement"] = agreement
        activities.append(activity)
    data["activities"] = activities
    return data


def consensus_yaml(reference: Reference, merged: Merged) -> str:
    header = [
        f"Consensus of {len(merged.views)} views merged by raci (raci merge).",
        "x-agreement: respondents, Krippendorff's alpha, share of agreeing answers, and the",
        "votes on disputed cells; 'open' cells hold no letter until the workshop decides.",
    ]
    return ownership_yaml(consensus_data(reference, merged), header)


def _function(function: Function | None, name: str) -> dict[str, Any]:
    found: dict[str, Any] = {"name": name}
    if function is not None:
        if function.capacity is not None:
            found["capacity"] = _plain(function.capacity)
        if function.description:
            found["description"] = function.description
        if function.waive:
            found["waive"] = dict(function.waive)
    return found


def _kept(activity: Activity | None) -> dict[str, Any]:
    if activity is None:
        return {}
    kept: dict[str, Any] = {}
    if activity.effort != 1:
        kept["effort"] = _plain(activity.effort)
    if activity.depends_on:
        kept["depends_on"] = list(activity.depends_on)
    if activity.eligible:
        kept["eligible"] = list(activity.eligible)
    if activity.waive:
        kept["waive"] = dict(activity.waive)
    return kept


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _plain(number: float) -> float | int:
    """``2`` rather than ``2.0``, as people write efforts and capacities."""
    return int(number) if float(number).is_integer() else number
