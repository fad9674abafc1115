"""Who is A and who is R on each activity, phase by phase: the phases side by side.

One row per activity (an activity given per phase is one row, not one per phase), one
column per phase; a cell lists the functions holding the owner and the worker roles
there. ``handover`` marks a phase whose owners differ from those of the activity's
phase before: the moments ownership moves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from raci.core.model import Activity, Model


@dataclass(frozen=True, slots=True)
class Stage:
    holders: list[tuple[str, str]]
    """(function id, its letters) of each function holding the owner or worker role."""
    owners: list[str]
    handover: bool


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    name: str
    stages: dict[str, Stage]


@dataclass(frozen=True, slots=True)
class Timeline:
    phases: list[str]
    rows: list[Row] = field(default_factory=list)

    @property
    def handovers(self) -> int:
        return sum(1 for row in self.rows for stage in row.stages.values() if stage.handover)


def build(
    model: Model, phases: list[str] | None = None, functions: list[str] | None = None
) -> Timeline:
    """The timeline of ``model``, limited to some phases and some functions."""
    shown = [phase for phase in model.phases if phases is None or phase in phases]
    wanted = set(functions) if functions is not None else set(model.functions)
    grouped: dict[tuple[int, int], list[Activity]] = {}
    for activity in model.activities:
        if activity.phase is not None:
            grouped.setdefault((id(activity.document), activity.index), []).append(activity)
    order = {phase: position for position, phase in enumerate(model.phases)}
    rows = []
    for parts in grouped.values():
        parts.sort(key=lambda part: order.get(part.phase or "", len(order)))
        stages: dict[str, Stage] = {}
        before: list[str] | None = None
        for part in parts:
            holders = [
                (fid, held.label)
                for fid, held in part.raci.items()
                if fid in wanted and (held.owner or held.worker)
            ]
            handover = before is not None and set(before) != set(part.owners)
            if part.phase in shown:
                stages[part.phase or ""] = Stage(holders, list(part.owners), handover)
            before = list(part.owners)
        if stages:
            rows.append(Row(parts[0].id, parts[0].name, stages))
    return Timeline(shown, rows)
