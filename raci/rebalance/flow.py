"""The min-cost flow behind ``raci rebalance``, for one role at a time.

Each activity (a :class:`Demand`) sends as many units as it needs holders of the role
(one owner; as many workers as it has) to the functions eligible to take them, one unit
per function. A function passes its units to the sink over parallel unit-capacity arcs,
one per activity it may still take, the k-th costing more than the (k-1)-th: the cost is
convex in the load, so the flow spreads load evenly instead of piling it onto the next
function. Units beyond a function's room (and units of an activity with too few eligible
functions) go to an ``unplaced`` node at a price above any plan, so the solver always
finishes and the overflow shows what binds.

Costs are integers in strict tiers (a unit of a higher tier outweighs every possible
total of the tiers below it), highest first:

1. ``unplaced``: no function goes beyond its room if any plan allows it;
2. ``move``: as few assignments change as possible (keeping a current holder is free);
3. ``load``: for functions over their capacity, carry as little effort as possible;
4. ``spread``: the sum of squared loads (hence the HHI) is as low as possible;
5. ``pref``: prefer a function that already does the work (R) over one Consulted (C),
   over one only listed under ``eligible:``;
6. ``tie``: then the earlier activity, and the earlier function, in file order.

Nodes and arcs are added in file order, so the same input always gives the same plan.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Candidate:
    """A function that may hold the role on an activity."""

    fid: str
    current: bool
    pref: int
    load: int = 0
    """Load-tier cost of holding the role here (effort, for functions over capacity)."""


@dataclass(slots=True)
class Demand:
    """One activity: how many holders of the role it needs, and who may hold it."""

    position: int
    units: int
    candidates: list[Candidate]


@dataclass(slots=True)
class Room:
    """One function's side: units it holds outside the flow, and how many more it may take."""

    fid: str
    fixed: int
    room: int | None
    """None: no limit."""


@dataclass(slots=True)
class Solution:
    placed: dict[int, list[str]]
    """Demand position -> the functions holding the role, in candidate order."""
    unplaced: dict[int, int]
    """Demand position -> units it lacks eligible functions for (absent when none)."""
    overflow: dict[str, int] = field(default_factory=dict)
    """Function id -> units it holds beyond its room (absent when none)."""
    held: dict[str, list[int]] = field(default_factory=dict)
    """Function id -> positions of the demands it holds."""


_SINK = ("sink",)
_UNPLACED = ("unplaced",)


def solve(demands: Sequence[Demand], rooms: Sequence[Room]) -> Solution:
    """The cheapest placement of every demand's units (see the module docstring)."""
    kept = _unchanged(demands, rooms)
    if kept is not None:
        return kept
    import networkx as nx

    order = {room.fid: index for index, room in enumerate(rooms)}
    limits = {room.fid: room for room in rooms}
    wanted = dict.fromkeys(order, 0)  # arcs each function may need, bounded by its room
    total = 0
    for demand in demands:
        total += demand.units
        for candidate in demand.candidates:
            wanted[candidate.fid] += 1
    width = len(order) or 1
    last = max((demand.position for demand in demands), default=0)
    max_tie = (last + 2) * width
    max_pref = max((c.pref for d in demands for c in d.candidates), default=0)
    max_load = max((c.load for d in demands for c in d.candidates), default=0)
    spread_arcs: dict[str, list[int]] = {}
    spread_total = 0
    for fid, room in limits.items():
        count = wanted[fid] if room.room is None else min(room.room, wanted[fid])
        marginals = [room.fixed + k for k in range(1, count + 1)]
        spread_arcs[fid] = marginals
        spread_total += sum(marginals)
    pref = total * max_tie + 1
    spread = total * max_pref * pref + pref
    load = spread_total * spread + spread
    move = total * max_load * load + load
    unplaced = total * move + move

    graph = nx.MultiDiGraph()
    graph.add_node(_SINK, demand=total)
    graph.add_node(_UNPLACED)
    for demand in demands:
        graph.add_node(demand.position, demand=-demand.units)
        for candidate in demand.candidates:
            tie = order[candidate.fid]
            if not candidate.current:
                tie += (demand.position + 1) * width
            cost = (
                (0 if candidate.current else move)
                + candidate.load * load
                + candidate.pref * pref
                + tie
            )
            graph.add_edge(demand.position, candidate.fid, capacity=1, weight=cost)
        if len(demand.candidates) < demand.units:
            graph.add_edge(demand.position, _UNPLACED, capacity=demand.units, weight=unplaced)
    for fid, marginals in spread_arcs.items():
        for marginal in marginals:
            graph.add_edge(fid, _SINK, capacity=1, weight=marginal * spread)
        beyond = wanted[fid] - len(marginals)
        if beyond > 0:
            graph.add_edge(fid, _UNPLACED, capacity=beyond, weight=unplaced)
    graph.add_edge(_UNPLACED, _SINK, capacity=total, weight=0)
    _, flows = nx.network_simplex(graph)
    solution = _read(demands, flows)
    for fid in spread_arcs:
        over = sum(flows.get(fid, {}).get(_UNPLACED, {0: 0}).values())
        if over:
            solution.overflow[fid] = over
    return solution


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
    return solution


def _read(demands: Sequence[Demand], flows: dict[Any, dict[Any, dict[int, int]]]) -> Solution:
    solution = Solution({}, {})
    for demand in demands:
        out = flows[demand.position]
        chosen = [c.fid for c in demand.candidates if sum(out.get(c.fid, {0: 0}).values())]
        solution.placed[demand.position] = chosen
        for fid in chosen:
            solution.held.setdefault(fid, []).append(demand.position)
        missing = sum(out.get(_UNPLACED, {0: 0}).values())
        if missing:
            solution.unplaced[demand.position] = missing
    return solution


def bottleneck(demands: Sequence[Demand], solution: Solution) -> tuple[list[int], list[str]]:
    """The activities that cannot all be placed, and the only functions they can go to.

    Starting from the functions beyond their room, follow alternating paths (back to
    every activity such a function holds, then on to the other functions eligible for
    it): in an optimal flow every function reached is full, so the activities reached
    need more room than the functions reached have, which is the constraint that binds
    (Hall's condition fails on exactly this set).
    """
    by_position = {demand.position: demand for demand in demands}
    functions = list(solution.overflow)
    seen_functions = set(functions)
    reached: list[int] = []
    seen_demands: set[int] = set()
    queue = deque(functions)
    while queue:
        for position in solution.held.get(queue.popleft(), []):
            if position in seen_demands:
                continue
            seen_demands.add(position)
            reached.append(position)
            demand = by_position[position]
            for candidate in demand.candidates:
                if candidate.fid not in seen_functions:
                    seen_functions.add(candidate.fid)
                    functions.append(candidate.fid)
                    queue.append(candidate.fid)
    return sorted(reached), functions
