"""Limits held phase by phase: capacity per phase (``capacity-overload`` ``per_phase``)
and counts within each phase (``single-owner-overload`` ``per_phase``).

A function gets a room of its own for a phase (a :class:`~raci.rebalance.flow.Part`)
only once a limit there binds; until then that phase is with the others in its last
part, which has no room, so the solver has as few nodes as it can.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.core.model import Model
from raci.core.scheme import Role
from raci.rebalance.explain import over_phase_capacity, over_phase_limit
from raci.rebalance.flow import Part, Room, Solution
from raci.rebalance.limits import Limit

if TYPE_CHECKING:
    from raci.rebalance.phases import Phase, _Build

_EPSILON = 1e-9


def part_for(room: Room, name: str) -> Part:
    """The part of ``room`` for phase ``name``, made when its capacity there first binds
    (until then the phase is with the others in the last part, which has no room: the
    solver then has as few nodes as it can)."""
    if not room.parts:
        room.parts.append(Part(None))
    part = room.part(name)
    if part is None or part.phase != name:
        part = Part(name)
        room.parts.insert(len(room.parts) - 1, part)
    return part


class PhaseWork:
    """The load of each function whose capacity is held per phase, phase by phase."""

    def __init__(
        self,
        model: Model,
        by_phase: dict[str, dict[str, float]],
        build: _Build,
        shares: dict[int, float],
    ) -> None:
        self.activities = model.activities
        self.shares = shares
        self.capacity = {
            (fid, name): most for fid, phases in by_phase.items() for name, most in phases.items()
        }
        self.fixed = dict.fromkeys(self.capacity, 0.0)
        for position, fid in build.pinned:
            key = (fid, self.activities[position].phase or "")
            if key in self.fixed:
                self.fixed[key] += shares[position]

    def within(self, solution: Solution, fid: str, name: str) -> list[int]:
        """The activities of phase ``name`` the plan gives ``fid``."""
        return [p for p in solution.held.get(fid, []) if self.activities[p].phase == name]

    def loads(self, solution: Solution) -> dict[tuple[str, str], float]:
        carried = dict(self.fixed)
        for fid, name in self.capacity:
            held = self.within(solution, fid, name)
            carried[fid, name] += sum(self.shares[position] for position in held)
        return carried


def over_phases(
    model: Model,
    phase: Phase,
    build: _Build,
    solution: Solution,
    rooms: list[Room],
    shares: dict[int, float],
    plain: dict[str, float],
    fixed_load: dict[str, float],
    carried: dict[tuple[str, str], float],
    work: PhaseWork,
) -> None:
    """What stays over a capacity per phase, and why, phase by phase."""
    worker = model.scheme.role_words(Role.WORKER)
    over = [key for key, most in work.capacity.items() if carried[key] > most + _EPSILON]
    for fid, name in over:
        if fid not in phase.over:
            phase.over.append(fid)
        phase.remaining.append(
            f"{fid} still carries {carried[fid, name]:g} effort units in {name}, above its "
            f"capacity of {work.capacity[fid, name]:g} there"
        )
    pinned = [key for key in over if work.fixed[key] > work.capacity[key] + _EPSILON]
    for fid, name in pinned:
        phase.problems.append(
            f"{fid} carries {work.fixed[fid, name]:g} effort units in {name} on activities "
            f"pinned with --keep, above its capacity of {work.capacity[fid, name]:g} there"
        )
    for name in dict.fromkeys(name for _, name in over):
        start = [fid for fid, other in over if other == name and (fid, other) not in pinned]
        if not start:
            continue
        free = {
            fid: most - work.fixed[fid, other]
            for (fid, other), most in work.capacity.items()
            if other == name
        }
        for fid, most in plain.items():  # what the rest of the plan leaves it for this phase
            elsewhere = sum(
                shares[position]
                for position in solution.held.get(fid, [])
                if model.activities[position].phase != name
            )
            free[fid] = most - fixed_load[fid] - elsewhere
        phase.problems.append(
            over_phase_capacity(
                model, build.demands, solution, rooms, shares, free, worker, start, name
            )
        )


class PhaseCounts:
    """How many activities of each phase a function holds in one role, against its limit
    there (``single-owner-overload`` ``per_phase``)."""

    def __init__(
        self, model: Model, limits: dict[str, dict[str, Limit]], pinned: list[tuple[int, str]]
    ) -> None:
        self.activities = model.activities
        self.limits = {
            (fid, name): limit for fid, phases in limits.items() for name, limit in phases.items()
        }
        self.fixed = dict.fromkeys(self.limits, 0)
        for position, fid in pinned:
            key = (fid, self.activities[position].phase or "")
            if key in self.fixed:
                self.fixed[key] += 1

    def counts(self, solution: Solution) -> dict[tuple[str, str], int]:
        found = dict(self.fixed)
        for fid, held in solution.held.items():
            for position in held:
                key = (fid, self.activities[position].phase or "")
                if key in found:
                    found[key] += 1
        return found

    def bind(self, solution: Solution, by_fid: dict[str, Room]) -> bool:
        """Give each function over its limit in a phase a room there; True when one
        was given (solve again)."""
        added = False
        for key, count in self.counts(solution).items():
            fid, name = key
            room = by_fid.get(fid)
            if room is None or count <= self.limits[key].count:
                continue
            part = part_for(room, name)
            most = max(0, self.limits[key].count - self.fixed[key])
            if part.room is None or most < part.room:
                part.room = most
                added = True
        return added

    def finish(
        self, phase: Phase, build: _Build, solution: Solution, rooms: list[Room], word: str
    ) -> None:
        """What stays over a limit within a phase, and why, phase by phase."""
        counts = self.counts(solution)
        over = [key for key, count in counts.items() if count > self.limits[key].count]
        for fid, name in over:
            limit = self.limits[fid, name]
            if fid not in phase.over:
                phase.over.append(fid)
            phase.remaining.append(
                f"{fid} stays {word} for {counts[fid, name]} activities in {name}, above its "
                f"limit of {limit.count} there ({limit.reason})"
            )
        pinned = [key for key in over if self.fixed[key] > self.limits[key].count]
        for fid, name in pinned:
            limit = self.limits[fid, name]
            phase.problems.append(
                f"{fid} is {word} for {self.fixed[fid, name]} activities in {name} pinned with "
                f"--keep, above its limit of {limit.count} there ({limit.reason})"
            )
        for name in dict.fromkeys(name for _, name in over):
            start = [fid for fid, other in over if other == name and (fid, other) not in pinned]
            if not start:
                continue
            limits = {fid: limit for (fid, other), limit in self.limits.items() if other == name}
            fixed = {fid: count for (fid, other), count in self.fixed.items() if other == name}
            phase.problems.append(
                over_phase_limit(
                    build.demands,
                    solution,
                    rooms,
                    word,
                    start,
                    name,
                    limits,
                    fixed,
                    self.activities,
                )
            )
