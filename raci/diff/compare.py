"""The comparison behind :mod:`raci.diff.changes`: activities, assignments, load and findings."""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from raci.core.findings import Finding
from raci.core.model import Activity, Function, Model
from raci.core.scheme import Assignment
from raci.diff.changes import (
    AccountabilityMove,
    ActivityRef,
    AssignmentChange,
    Diff,
    FieldChange,
    LoadDelta,
    MemberRef,
    PersonChange,
    PhaseRef,
    Rename,
    RenameReason,
    Side,
)


def compare(before: Side, after: Side, *, renames: bool = True) -> Diff:
    """What changes from ``before`` to ``after``; ``renames=False`` takes every id that
    appears or disappears as added or removed (two phases of one model rename nothing)."""
    old_model, new_model = before.model, after.model
    result = Diff(
        before.name,
        after.name,
        strict=before.strict or after.strict,
        scheme=new_model.scheme.name,
        detailed=any(m.phased or m.has_people for m in (old_model, new_model)),
    )
    old_ids, new_ids = _parts_by_id(old_model), _parts_by_id(new_model)
    result.functions_added = [fid for fid in new_model.functions if fid not in old_model.functions]
    result.functions_removed = [
        fid for fid in old_model.functions if fid not in new_model.functions
    ]
    removed = [parts for aid, parts in old_ids.items() if aid not in new_ids]
    added = [parts for aid, parts in new_ids.items() if aid not in old_ids]
    result.renamed = find_renames(removed, added) if renames else []
    renamed_old = {rename.old for rename in result.renamed}
    renamed_new = {rename.new for rename in result.renamed}
    result.activities_removed = [
        ActivityRef(p[0].id, p[0].name) for p in removed if p[0].id not in renamed_old
    ]
    result.activities_added = [
        ActivityRef(p[0].id, p[0].name) for p in added if p[0].id not in renamed_new
    ]
    matched = [(old_ids[aid], parts) for aid, parts in new_ids.items() if aid in old_ids]
    matched += [(old_ids[rename.old], new_ids[rename.new]) for rename in result.renamed]
    order = {id(activity): index for index, activity in enumerate(new_model.activities)}
    matched.sort(key=lambda pair: order[id(pair[1][0])])
    pairs: list[tuple[Activity, Activity]] = []
    for old_parts, new_parts in matched:
        _compare_fields(old_parts, new_parts, result)
        pairs += _pair_parts(old_parts, new_parts, result)
    pairs.sort(key=lambda pair: order[id(pair[1])])
    for old, new in pairs:
        _compare_activity(old, new, result)
    _compare_functions(old_model, new_model, result)
    _compare_members(old_model, new_model, result)
    _load_deltas(before, after, result)
    _compare_findings(before.findings, after.findings, result)
    return result


def _parts_by_id(model: Model) -> dict[str, list[Activity]]:
    """Each activity id with its parts: one, or one per phase when its raci is per phase.
    A second activity with the same id (a ``duplicate-id`` error) is left out, as before."""
    found: dict[str, list[Activity]] = {}
    for activity in model.activities:
        parts = found.setdefault(activity.id, [activity])
        first = parts[0]
        part_of_first = activity.document is first.document and activity.index == first.index
        if activity is not first and part_of_first:
            parts.append(activity)
    return found


def _pair_parts(
    old: list[Activity], new: list[Activity], result: Diff
) -> list[tuple[Activity, Activity]]:
    """The parts of one activity paired by phase; a phase on one side only is a phase the
    activity gains or loses. One part on each side pair whatever their phase (a plain
    activity, whose ``phase`` change is a field change)."""
    if len(old) == 1 and len(new) == 1:
        return [(old[0], new[0])]
    old_by_phase = {part.phase: part for part in old}
    new_phases = {part.phase for part in new}
    for part in old:
        if part.phase not in new_phases:
            result.phases_removed.append(_phase_ref(part))
    pairs = []
    for part in new:
        before = old_by_phase.get(part.phase)
        if before is None:
            result.phases_added.append(_phase_ref(part))
        else:
            pairs.append((before, part))
    return pairs


def _phase_ref(part: Activity) -> PhaseRef:
    letters = {fid: held.label for fid, held in part.raci.items()}
    return PhaseRef(part.id, part.name, part.phase, letters)


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def _signature(parts: list[Activity]) -> frozenset[tuple[str | None, str, str]]:
    return frozenset(
        (part.stage, fid, held.label) for part in parts for fid, held in part.raci.items()
    )


def find_renames(removed: list[list[Activity]], added: list[list[Activity]]) -> list[Rename]:
    """Pair removed and added activities (each as its parts) that are one activity under
    a new id; an activity given per phase is compared with all its phases' letters."""
    renames: list[Rename] = []
    keys: tuple[tuple[RenameReason, Any], ...] = (
        ("same name", lambda parts: _normal(parts[0].name)),
        ("same assignments", lambda parts: _signature(parts) or None),
    )
    for reason, key in keys:
        taken = {rename.old for rename in renames} | {rename.new for rename in renames}
        old_left = [parts for parts in removed if parts[0].id not in taken]
        new_left = [parts for parts in added if parts[0].id not in taken]
        old_keys = Counter(key(parts) for parts in old_left)
        new_by_key: dict[Any, list[list[Activity]]] = {}
        for parts in new_left:
            new_by_key.setdefault(key(parts), []).append(parts)
        for parts in old_left:
            value = key(parts)
            matches = new_by_key.get(value, [])
            if value is not None and old_keys[value] == 1 and len(matches) == 1:
                first = matches[0][0]
                renames.append(Rename(parts[0].id, first.id, first.name, reason))
    return renames


_ACTIVITY_FIELDS = ("name", "effort", "depends_on")
_FUNCTION_FIELDS = ("name", "capacity", "ends")


def _compare_fields(old: list[Activity], new: list[Activity], result: Diff) -> None:
    """Fields of the activity, once however many phases it has: its first part holds
    ``depends_on``; its phase is a field only when each side is one part."""
    names = ("name", "phase", "effort", "depends_on") if len(old) == len(new) == 1 else (
        _ACTIVITY_FIELDS
    )  # fmt: skip
    for name in names:
        before, after = getattr(old[0], name), getattr(new[0], name)
        if before != after:
            result.fields.append(FieldChange("activity", new[0].id, name, before, after))


def _compare_activity(old: Activity, new: Activity, result: Diff) -> None:
    phase = new.stage
    for fid in [*new.raci, *(fid for fid in old.raci if fid not in new.raci)]:
        labels = _labels(old.raci.get(fid), new.raci.get(fid))
        if labels[0] != labels[1]:
            result.assignments.append(AssignmentChange(new.id, fid, *labels, phase))
    if set(old.owners) != set(new.owners):
        result.accountability.append(
            AccountabilityMove(new.id, tuple(old.owners), tuple(new.owners), phase)
        )
    for key in [*new.people, *(key for key in old.people if key not in new.people)]:
        labels = _labels(old.people.get(key), new.people.get(key))
        if labels[0] != labels[1]:
            result.people.append(PersonChange(new.id, key, *labels, phase))


def _labels(before: Assignment | None, after: Assignment | None) -> tuple[str | None, str | None]:
    return (before.label if before else None, after.label if after else None)


def _compare_functions(old: Model, new: Model, result: Diff) -> None:
    for fid, function in new.functions.items():
        before = old.functions.get(fid)
        if before is None:
            continue
        for name in _FUNCTION_FIELDS:
            was, now = _function_field(before, name), _function_field(function, name)
            if was != now:
                result.fields.append(FieldChange("function", fid, name, was, now))


def _function_field(function: Function, name: str) -> Any:
    """A field of a function as written: capacity per phase is the phases' capacities."""
    if name == "capacity" and function.phase_capacity:
        return dict(function.phase_capacity)
    return getattr(function, name)


def _compare_members(old: Model, new: Model, result: Diff) -> None:
    """Members of the functions on both sides: added, removed, a new name or FTE."""
    for fid, function in new.functions.items():
        before = old.functions.get(fid)
        if before is None:
            continue
        for mid, member in function.members.items():
            was = before.members.get(mid)
            if was is None:
                result.members_added.append(MemberRef(member.key, member.name, member.fte))
                continue
            for name in ("name", "fte"):
                if getattr(was, name) != getattr(member, name):
                    change = FieldChange(
                        "member", member.key, name, getattr(was, name), getattr(member, name)
                    )
                    result.fields.append(change)
        result.members_removed += [
            MemberRef(member.key, member.name, member.fte)
            for mid, member in before.members.items()
            if mid not in function.members
        ]


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
