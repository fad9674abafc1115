"""A merge as plain data: what the JSON output holds and every agreement report reads."""

from __future__ import annotations

from typing import Any

from raci.core.scheme import Role
from raci.core.views import ActivityResult, Merged


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def disagreements(merged: Merged, activity: ActivityResult) -> list[dict[str, Any]]:
    """Each disputed cell: the votes, the consensus, and who departs from the most given
    letter, where (the many who give it are counted, not listed)."""
    order = list(merged.functions)
    found = []
    for cell in activity.disagreements:
        index = order.index(cell.function)
        common = max(cell.counts, key=lambda label: cell.counts[label])
        found.append(
            {
                "function": cell.function,
                "votes": dict(sorted(cell.counts.items(), key=lambda item: -item[1])),
                "consensus": cell.consensus,
                "open": cell.open,
                "most_given": common,
                "others": [
                    {
                        "respondent": view.respondent,
                        "function": view.function,
                        "letter": label,
                        "place": str(view.locate(activity.id, index)),
                    }
                    for view, label in merged.answers(activity, index)
                    if label != common
                ],
            }
        )
    return found


def owners(merged: Merged, activity: ActivityResult) -> list[dict[str, Any]]:
    """Who names whom the owner: one entry per function named, the most named first, and
    last (function None) the views that name nobody."""
    named: dict[int, list[str]] = {number: [] for number in activity.answered}
    for fid, views in activity.owners.items():
        for number in views:
            named[number].append(fid)
    groups: dict[str | None, list[str]] = {fid: [] for fid in activity.owners}
    for number, fids in named.items():
        chosen: list[str | None] = list(fids) or [None]
        for named_fid in chosen:
            groups.setdefault(named_fid, []).append(merged.views[number].label)
    ranked = sorted(groups.items(), key=lambda item: (item[0] is None, -len(item[1])))
    return [{"function": fid, "by": by} for fid, by in ranked]


def perception(merged: Merged) -> list[dict[str, Any]]:
    words = {role.value: merged.scheme.describe(role) for role in Role}
    return [
        {
            "function": seen.function,
            "role": seen.role,
            "words": words[seen.role],
            "own": seen.own,
            "others": seen.others,
            "gap": seen.gap,
        }
        for seen in merged.perception
        if merged.scheme.role_letters(Role(seen.role))
    ]


def summary(merged: Merged) -> dict[str, Any]:
    """The whole merge: respondents, programme agreement, every activity, perception."""
    activities = []
    for activity in merged.activities:
        consensus = {c.function: c.consensus for c in activity.cells if c.consensus is not None}
        activities.append(
            {
                "id": activity.id,
                "name": activity.name,
                "phase": activity.phase,
                "respondents": len(activity.answered),
                "alpha": _round(activity.alpha),
                "agreement": _round(activity.agreement),
                "consensus": consensus,
                "open": [cell.function for cell in activity.open_cells],
                "disagreements": disagreements(merged, activity),
            }
        )
    return {
        "scheme": merged.scheme.name,
        "respondents": [
            {"name": view.respondent, "function": view.function, "file": view.file}
            for view in merged.views
        ],
        "alpha": _round(merged.alpha),
        "agreement": _round(merged.agreement),
        "contested": [activity.id for activity in merged.contested],
        "contested_accountable": [
            {"activity": activity.id, "named": owners(merged, activity)}
            for activity in merged.activities
            if len(activity.owners) > 1
        ],
        "perception": perception(merged),
        "activities": activities,
    }
