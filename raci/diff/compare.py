"""The comparison behind :mod:`raci.diff.changes`: activities, assignments, load and findings."""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from raci.core.findings import Finding
from raci.core.model import Activity, Model
from raci.diff.changes import (
    AccountabilityMove,
    ActivityRef,
    AssignmentChange,
    Diff,
    FieldChange,
    LoadDelta,
    Rename,
    RenameReason,
    Side,
)


def compare(before: Side, after: Side, *, renames: bool = True) -> Diff:
    """What changes from ``before`` to ``after``; ``renames=False`` takes every id that
    appears or disappears as added or removed (two phases of one model rename nothing)."""
    result = Diff(
        before.name,
        after.name,
        strict=before.strict or after.strict,
        scheme=after.model.scheme.name,
    )
    old_model, new_model = before.model, after.model
    old_ids, new_ids = _first_by_id(old_model), _first_by_id(new_model)
    result.functions_added = [fid for fid in new_model.functions if fid not in old_model.functions]
    result.functions_removed = [
        fid for fid in old_model.functions if fid not in new_model.functions
    ]
    removed = [activity for aid, activity in old_ids.items() if aid not in new_ids]
    added = [activity for aid, activity in new_ids.items() if aid not in old_ids]
    result.renamed = find_renames(removed, added) if renames else []
    renamed_old = {rename.old for rename in result.renamed}
    renamed_new = {rename.new for rename in result.renamed}
    result.activities_removed = [
        ActivityRef(a.id, a.name) for a in removed if a.id not in renamed_old
    ]
    result.activities_added = [ActivityRef(a.id, a.name) for a in added if a.id not in renamed_new]
    pairs = [(old_ids[aid], activity) for aid, activity in new_ids.items() if aid in old_ids]
    pairs += [(old_ids[rename.old], new_ids[rename.new]) for rename in result.renamed]
    order = {id(activity): index for index, activity in enumerate(new_model.activities)}
    pairs.sort(key=lambda pair: order[id(pair[1])])
    for old, new in pairs:
        _compare_activity(old, new, result)
    _compare_functions(old_model, new_model, result)
    _load_deltas(before, after, result)
    _compare_findings(before.findings, after.findings, result)
    return result


def _first_by_id(model: Model) -> dict[str, Activity]:
    found: dict[str, Activity] = {}
    for activity in model.activities:
        found.setdefault(activity.id, activity)
    return found


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def _signature(activity: Activity) -> frozenset[tuple[str, str]]:
    return frozenset((fid, held.label) for fid, held in activity.raci.items())


def find_renames(removed: list[Activity], added: list[Activity]) -> list[Rename]:
    """Pair removed and added activities that are one activity under a new id."""
    renames: list[Rename] = []
    keys: tuple[tuple[RenameReason, Any], ...] = (
        ("same name", lambda activity: _normal(activity.name)),
        ("same assignments", lambda activity: _signature(activity) or None),
    )
    for reason, key in keys:
        taken = {rename.old for rename in renames} | {rename.new for rename in renames}
        old_left = [activity for activity in removed if activity.id not in taken]
        new_left = [activity for activity in added if activity.id not in taken]
        old_keys = Counter(key(activity) for activity in old_left)
        new_by_key: dict[Any, list[Activity]] = {}
        for activity in new_left:
            new_by_key.setdefault(key(activity), []).append(activity)
        for activity in old_left:
            value = key(activity)
            matches = new_by_key.get(value, [])
            if value is not None and old_keys[value] == 1 and len(matches) == 1:
                renames.append(Rename(activity.id, matches[0].id, matches[0].name, reason))
    return renames


_ACTIVITY_FIELDS = ("name", "phase", "effort", "depends_on")
_FUNCTION_FIELDS = ("name", "capacity")


def _compare_activity(old: Activity, new: Activity, result: Diff) -> None:
    for name in _ACTIVITY_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            result.fields.append(FieldChange("activity", new.id, name, before, after))
    for fid in [*new.raci, *(fid for fid in old.raci if fid not in new.raci)]:
        before_held, after_held = old.raci.get(fid), new.raci.get(fid)
        labels = (
            before_held.label if before_held else None,
            after_held.label if after_held else None,
        )
        if labels[0] != labels[1]:
            result.assignments.append(AssignmentChange(new.id, fid, *labels))
    if set(old.owners) != set(new.owners):
        result.accountability.append(
            AccountabilityMove(new.id, tuple(old.owners), tuple(new.owners))
        )


def _compare_functions(old: Model, new: Model, result: Diff) -> None:
    for fid, function in new.functions.items():
        before = old.functions.get(fid)
        if before is None:
            continue
        for name in _FUNCTION_FIELDS:
            if getattr(before, name) != getattr(function, name):
                result.fields.append(
                    FieldChange(
                        "function", fid, name, getattr(before, name), getattr(function, name)
                    )
                )


def _load_deltas(old: Side, new: Side, result: Diff) -> None:
    from raci.core.context import Context
    from raci.core.metrics import FunctionMetrics, compute

    before = compute(old.context or Context(old.model))
    after = compute(new.context or Context(new.model))
    result.hhi = (before.hhi, after.hhi)
    old_by_id = {metrics.id: metrics for metrics in before.functions}
    new_by_id = {metrics.id: metrics for metrics in after.functions}
    empty = FunctionMetrics("", "", 0, 0, 0, 0, 0.0, None, 0.0, 0.0)
    for fid in [*new_by_id, *(fid for fid in old_by_id if fid not in new_by_id)]:
        was, now = old_by_id.get(fid, empty), new_by_id.get(fid, empty)
        status: Literal["added", "removed", "changed"] = (
            "added" if fid not in old_by_id else "removed" if fid not in new_by_id else "changed"
        )
        delta = LoadDelta(
            fid,
            now.name or was.name,
            status,
            (was.accountable, now.accountable),
            (was.responsible, now.responsible),
            (was.consulted, now.consulted),
            (was.informed, now.informed),
            (round(was.load, 6), round(now.load, 6)),
            (round(was.accountable_share, 6), round(now.accountable_share, 6)),
        )
        values = (delta.accountable, delta.responsible, delta.consulted, delta.informed, delta.load)
        if status != "changed" or any(pair[0] != pair[1] for pair in values):
            result.load.append(delta)


def _compare_findings(old: list[Finding], new: list[Finding], result: Diff) -> None:
    from raci.engine import compare as compare_findings

    renames = {rename.old: rename.new for rename in result.renamed}
    found = compare_findings(old, new, renames)
    result.introduced, result.fixed = found.introduced, found.fixed
    result.changed_findings = found.changed
