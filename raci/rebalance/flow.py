"""The min-cost flow behind ``raci rebalance``, for one role at a time.

Each activity (a :class:`Demand`) needs as many holders of the role as it has units
(one owner; as many workers as it has), one unit per function, from the functions that
may take it (its candidates, and with ``open`` every other function). A function's
k-th unit costs more than its (k-1)-th: the cost is convex in the load, so the flow
spreads load evenly instead of piling it onto the next function. Units beyond a
function's room cost a price above any plan (the limits are soft constraints with a
steep penalty), so the best plan always exists and its overflow shows what binds.

Costs are integers in strict tiers (a unit of a higher tier outweighs every possible
total of the tiers below it), highest first:

1. ``unplaced``: no function goes beyond its room if any plan allows it;
2. ``move``: as few assignments change as possible (keeping a current holder is free);
3. ``load``: for functions over their capacity, carry as little effort as possible;
4. ``spread``: the sum of squared loads (hence the HHI) is as low as possible;
5. ``pref``: prefer a function that already does the work (R), then one Consulted (C),
   one listed under ``eligible:``, one Informed (I), then one not on the activity;
6. ``tie``: then the earlier activity, and the earlier function, in file order.

The solver (:mod:`raci.rebalance.cycles`) starts from the current holders and cancels
negative cycles on the graph of functions, which has a few dozen nodes however many
activities there are: the same optimum as a general network simplex, at a cost that
grows with the number of moves, not with the size of the model.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

INFORMED = 3
"""``Candidate.pref`` of a function that is only Informed on the activity."""
OTHER = 4
"""``Candidate.pref`` of a function not on the activity at all (``Demand.open``)."""


@dataclass(slots=True)
class Candidate:
    """A function that may hold the role on an activity."""

    fid: str
    current: bool
    pref: int


@dataclass(slots=True)
class Demand:
    """One activity: how many holders of the role it needs, and who may hold it."""

    position: int
    units: int
    candidates: list[Candidate]
    open: bool = False
    """Every other function of the rooms may take it too (as ``OTHER``)."""
    weight: int = 0
    """Load-tier cost of holding it on a function whose capacity is tight."""
    phase: str | None = None
    """The activity's phase: a function whose rooms are per phase takes it in that one."""


@dataclass(slots=True)
class Part:
    """The activities of one phase on a function whose capacity is held per phase: how
    many of them it may take (the room its capacity in that phase leaves)."""

    phase: str | None
    """None: the activities of every phase it has no capacity for."""
    room: int | None = None
    tight: bool = False
    """Its capacity in the phase binds: holding an activity costs the activity's ``weight``."""


@dataclass(slots=True)
class Room:
    """One function's side: units it holds outside the flow, and how many more it may take."""

    fid: str
    fixed: int
    room: int | None
    """None: no limit."""
    tight: bool = False
    """Its capacity binds: holding an activity costs the activity's ``weight``."""
    parts: list[Part] = field(default_factory=list)
    """Per phase, when its capacity is held per phase (the last part has phase None);
    ``room`` and the load spread still count every phase together."""

    def part(self, phase: str | None) -> Part | None:
        """The part that holds activities of ``phase`` (None without parts)."""
        if not self.parts:
            return None
        return next((p for p in self.parts if p.phase == phase), self.parts[-1])


@dataclass(slots=True)
class Solution:
    placed: dict[int, list[str]]
    """Demand position -> the functions holding the role, in candidate order."""
    unplaced: dict[int, int]
    """Demand position -> units it lacks eligible functions for (absent when none)."""
    overflow: dict[str, int] = field(default_factory=dict)
    """Function id -> units it holds beyond its room (absent when none)."""
    phase_overflow: dict[tuple[str, str | None], int] = field(default_factory=dict)
    """(function id, phase) -> units it holds beyond its room in that phase."""
    held: dict[str, list[int]] = field(default_factory=dict)
    """Function id -> positions of the demands it holds."""


def candidates(demand: Demand, rooms: Sequence[Room]) -> list[Candidate]:
    """Every function that may hold the role on ``demand``, explicit ones first."""
    if not demand.open:
        return demand.candidates
    listed = {candidate.fid for candidate in demand.candidates}
    extra = [Candidate(room.fid, False, OTHER) for room in rooms if room.fid not in listed]
    return [*demand.candidates, *extra]


def solve(demands: Sequence[Demand], rooms: Sequence[Room]) -> Solution:
    """The cheapest placement of every demand's units (see the module docstring)."""
    kept = _unchanged(demands, rooms)
    if kept is not None:
        return kept
    from raci.rebalance.cycles import Solver

    return Solver(demands, rooms).run()


def _unchanged(demands: Sequence[Demand], rooms: Sequence[Room]) -> Solution | None:
    """The current holders, when they already fit: the only plan with no move at all,
    hence the optimum, found without building the network."""
    room = {entry.fid: entry.room for entry in rooms}
    solution = Solution({}, {})
    for demand in demands:
        holders = [candidate.fid for candidate in demand.candidates if candidate.current]
        if len(holders) != demand.units:
            return None
        solution.placed[demand.position] = holders
        for fid in holders:
            solution.held.setdefault(fid, []).append(demand.position)
    for fid, held in solution.held.items():
        most = room.get(fid)
        if most is not None and len(held) > most:
            return None
    phases = {demand.position: demand.phase for demand in demands}
    for entry in rooms:
        if not entry.parts:
            continue
        counts = dict.fromkeys(range(len(entry.parts)), 0)
        for position in solution.held.get(entry.fid, []):
            counts[entry.parts.index(entry.part(phases[position]))] += 1  # type: ignore[arg-type]
        if any(p.room is not None and counts[i] > p.room for i, p in enumerate(entry.parts)):
            return None
    return solution


def bottleneck(
    demands: Sequence[Demand],
    solution: Solution,
    rooms: Sequence[Room],
    start: Sequence[str] = (),
    only: set[int] | None = None,
) -> tuple[list[int], list[str]]:
    """The activities that cannot all be placed, and the only functions they can go to.

    Starting from the functions beyond their room (or ``start``), follow alternating paths (back to
    every activity such a function holds, then on to the other functions eligible for
    it): in an optimal flow every function reached is full, so the activities reached
    need more room than the functions reached have, which is the constraint that binds
    (Hall's condition fails on exactly this set). ``only``: follow these activities
    alone (those of one phase, where the rooms that bind are per phase).
    """
    by_position = {demand.position: demand for demand in demands}
    functions = list(start) or list(solution.overflow)
    seen_functions = set(functions)
    reached: list[int] = []
    seen_demands: set[int] = set()
    queue = deque(functions)
    everyone = [room.fid for room in rooms]
    while queue:
        for position in solution.held.get(queue.popleft(), []):
            if position in seen_demands or (only is not None and position not in only):
                continue
            seen_demands.add(position)
            reached.append(position)
            demand = by_position[position]
            fids = everyone if demand.open else [c.fid for c in demand.candidates]
            for fid in fids:
                if fid not in seen_functions:
                    seen_functions.add(fid)
                    functions.append(fid)
                    queue.append(fid)
    return sorted(reached), functions
