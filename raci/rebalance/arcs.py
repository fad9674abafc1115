"""The arcs of :mod:`raci.rebalance.cycles`: activities folded into a graph of functions.

The arc f -> g costs the cheapest activity f holds and g may take: one heap per pair
for the candidates an activity lists, and, for the activities every function may take
(``Demand.open``), one sorted list per holder, since their costs differ only by a
per-function constant. Costs are the integer tiers of :mod:`raci.rebalance.flow`.

The nodes activities attach to are leaves: one per function, or, for a function whose
rooms are per phase (``Room.parts``), one per part, each taking only the activities of
its phase and holding its own room; such a function's count room and load spread are on
a group node above its parts (see :mod:`raci.rebalance.cycles`).
"""

from __future__ import annotations

import heapq
from bisect import insort
from collections.abc import Sequence

from raci.rebalance.flow import OTHER, Demand, Part, Room

Edge = tuple[int, int]
"""(cost of the arc, the activity it moves)."""


class Arcs:
    """One role's flow problem as a graph of functions: the holders of each activity,
    and the cheapest arc from each function to each other (rebuilt when it changes)."""

    def __init__(self, demands: Sequence[Demand], rooms: Sequence[Room]) -> None:
        self.demands = list(demands)
        self.rooms = list(rooms)
        self._leaves()
        self._scales()
        self.cost: list[dict[int, int]] = []
        self.holders: list[set[int]] = []
        self.short: list[int] = []
        self.stranded: list[int] = []
        self.held: list[set[int]] = [set() for _ in self.fids]
        self.pairs: list[dict[int, list[Edge]]] = [{} for _ in self.fids]
        self.lists: list[list[list[Edge]]] = [[[], []] for _ in self.fids]
        later = [i for i, demand in enumerate(self.demands) if not self._start(i, demand)]
        for i in later:
            self._fill(i)
        for k in range(self.m):
            for variant in self.lists[k]:
                variant.sort()
        self.n = self.m + len(self.members)
        """Nodes: the leaves, then the groups."""
        self.rows: list[list[Edge | None] | None] = [None] * self.n
        self.stale = [0] * self.m
        """Per function: activities it gave away since its sorted lists were compacted."""

    def _leaves(self) -> None:
        self.fids: list[str] = []
        """Per leaf: its function."""
        self.owner: list[int] = []
        """Per leaf: the position of its function's room."""
        self.part: list[Part | None] = []
        self.group: list[int] = []
        """Per leaf: its group (-1 for a function of one leaf)."""
        self.members: list[list[int]] = []
        """Per group: its leaves."""
        self.index: dict[str, int] = {}
        """Function id -> its leaf, for a function of one leaf."""
        self.split: dict[str, dict[str | None, int]] = {}
        """Function id -> phase -> its leaf, for a function with parts."""
        for j, room in enumerate(self.rooms):
            if not room.parts:
                self.index[room.fid] = len(self.fids)
                self._leaf(room.fid, j, None, -1)
                continue
            self.members.append([])
            leaves = self.split[room.fid] = {}
            for part in room.parts:
                leaves[part.phase] = len(self.fids)
                self.members[-1].append(len(self.fids))
                self._leaf(room.fid, j, part, len(self.members) - 1)
        self.m = len(self.fids)
        self.tight = [
            self.rooms[j].tight if part is None else part.tight
            for j, part in zip(self.owner, self.part, strict=True)
        ]

    def _leaf(self, fid: str, j: int, part: Part | None, group: int) -> None:
        self.fids.append(fid)
        self.owner.append(j)
        self.part.append(part)
        self.group.append(group)

    def leaf(self, fid: str, phase: str | None) -> int | None:
        """The leaf of function ``fid`` that takes activities of ``phase``."""
        k = self.index.get(fid)
        if k is not None:
            return k
        leaves = self.split.get(fid)
        if leaves is None:
            return None
        return leaves.get(phase, leaves[None])

    def fits(self, i: int, k: int) -> bool:
        """Whether leaf ``k`` takes activity ``i``'s phase."""
        return self.part[k] is None or self.leaf(self.fids[k], self.demands[i].phase) == k

    def _scales(self) -> None:
        width = self.m or 1
        units = sum(demand.units for demand in self.demands) or 1
        span = max((demand.position for demand in self.demands), default=0) + 2
        # tie: which activities move (earlier ones first), then who takes which (the
        # earlier activity goes to the earlier function: order * (span - position))
        self.span = span
        self.WHICH = units * width * span + 1
        pref = units * span * self.WHICH + self.WHICH
        spread = units * OTHER * pref + pref
        bound = sum((room.fixed + units) * units for room in self.rooms)
        load = bound * spread + spread
        heaviest = max((demand.weight for demand in self.demands), default=0)
        move = units * heaviest * load + load
        self.PREF, self.SPREAD, self.LOAD, self.MOVE = pref, spread, load, move
        self.UNPLACED = units * move + move

    def _start(self, i: int, demand: Demand) -> bool:
        """Price the activity's explicit candidates and give it its current holders;
        False when it has not exactly as many as it needs (see :meth:`_fill`)."""
        costs: dict[int, int] = {}
        current: list[int] = []
        for candidate in demand.candidates:
            k = self.leaf(candidate.fid, demand.phase)
            if k is None:
                continue
            tie = k * (self.span - demand.position)
            if not candidate.current:
                tie += (demand.position + 1) * self.WHICH
            costs[k] = (
                (0 if candidate.current else self.MOVE)
                + (demand.weight * self.LOAD if self.tight[k] else 0)
                + candidate.pref * self.PREF
                + tie
            )
            if candidate.current:
                current.append(k)
        self.cost.append(costs)
        self.holders.append(set())
        self.short.append(demand.units)
        if len(current) != demand.units:
            return False  # placed by _fill, once the current holders are all in
        self.short[i] = 0
        self.holders[i].update(current)
        for k in current:
            self._arrive(i, k, sort=False)
        return True

    def _fill(self, i: int) -> None:
        """Give an activity that lacks holders (or has too many) the ones that cost least
        given the loads so far: a good start, which the search then makes optimal."""
        offers = [k for k in range(self.m) if self.price(i, k) is not None]
        while self.short[i] and len(self.holders[i]) < len(offers):
            k = min(
                (k for k in offers if k not in self.holders[i]),
                key=lambda k: self._next(k) + (self.price(i, k) or 0),
            )
            self.holders[i].add(k)
            self.short[i] -= 1
            self._arrive(i, k, sort=False)
        if self.short[i]:
            self.stranded.append(i)

    def _other(self, i: int, k: int) -> int:
        """The cost of function ``k`` holding open activity ``i`` where it is not listed
        (its tie is ``k * span``, not ``k * (span - position)``, so that the cost splits
        into a part of the activity and a part of the function: one sorted list serves
        every function)."""
        demand = self.demands[i]
        base = self.MOVE + OTHER * self.PREF + k * self.span + (demand.position + 1) * self.WHICH
        return base + (demand.weight * self.LOAD if self.tight[k] else 0)

    def price(self, i: int, k: int) -> int | None:
        cost = self.cost[i].get(k)
        if cost is None and self.demands[i].open and self.fits(i, k):
            return self._other(i, k)
        return cost

    def _arrive(self, i: int, k: int, sort: bool = True) -> None:
        """Function ``k`` now holds activity ``i``: index the arcs it may move it along."""
        self.held[k].add(i)
        own = self.price(i, k)
        assert own is not None
        for g, cost in self.cost[i].items():
            if g != k:
                heapq.heappush(self.pairs[k].setdefault(g, []), (cost - own, i))
        demand = self.demands[i]
        if demand.open:
            base = (demand.position + 1) * self.WHICH - own
            entries = ((base, i), (base + demand.weight * self.LOAD, i))
            for variant, entry in zip(self.lists[k], entries, strict=True):
                if sort:
                    insort(variant, entry)
                else:
                    variant.append(entry)

    def _margin(self, k: int, unit: int) -> int:
        """The cost of leaf ``k``'s ``unit``-th unit in the flow (1-based); a part's
        units cost nothing within its room (its group carries the spread)."""
        part = self.part[k]
        if part is not None:
            return self.UNPLACED if part.room is not None and unit > part.room else 0
        return self._room_margin(self.rooms[self.owner[k]], unit)

    def _group_margin(self, g: int, unit: int) -> int:
        """The cost of group ``g``'s ``unit``-th unit, its parts together."""
        return self._room_margin(self.rooms[self.owner[self.members[g][0]]], unit)

    def _room_margin(self, room: Room, unit: int) -> int:
        if room.room is not None and unit > room.room:
            return self.UNPLACED
        return (room.fixed + unit) * self.SPREAD

    def _next(self, k: int) -> int:
        """What one more unit on leaf ``k`` costs, its group's share included."""
        cost = self._margin(k, len(self.held[k]) + 1)
        g = self.group[k]
        if g >= 0:
            total = sum(len(self.held[leaf]) for leaf in self.members[g])
            cost += self._group_margin(g, total + 1)
        return cost

    def _group_row(self, g: int) -> list[Edge | None]:
        """The arcs from group ``g`` down to its parts: one gives up its last unit (no
        activity moves: -1)."""
        row: list[Edge | None] = [None] * self.n
        for k in self.members[g]:
            if self.held[k]:
                row[k] = (-self._margin(k, len(self.held[k])), -1)
        return row

    def _row(self, f: int) -> list[Edge | None]:
        """The cheapest arc from leaf ``f`` to every other leaf, or None; for a part, the
        arc up to its group (it takes one more unit, no activity moves: -1)."""
        row: list[Edge | None] = [None] * self.n
        held = self.held[f]
        for g, heap in self.pairs[f].items():
            while heap:
                delta, i = heap[0]
                if i in held and g not in self.holders[i]:
                    row[g] = (delta, i)
                    break
                heapq.heappop(heap)
        if self.stale[f] * 2 > len(held):  # amortised: drop the activities f gave away
            for variant in self.lists[f]:
                variant[:] = [entry for entry in variant if entry[1] in held]
            self.stale[f] = 0
        for variant, tight in zip(self.lists[f], (False, True), strict=True):
            if not variant:
                continue
            for g in range(self.m):
                if g == f or self.tight[g] != tight:
                    continue
                whole = self.part[g] is None
                for key, i in variant:
                    if (
                        i in held
                        and g not in self.cost[i]
                        and g not in self.holders[i]
                        and (whole or self.fits(i, g))
                    ):
                        delta = key + self.MOVE + OTHER * self.PREF + g * self.span
                        if row[g] is None or delta < row[g][0]:  # type: ignore[index]
                            row[g] = (delta, i)
                        break
        if self.group[f] >= 0:
            row[self.m + self.group[f]] = (self._margin(f, len(held) + 1), -1)
        return row

    def _moveto(self, i: int, f: int | None, g: int | None) -> None:
        """Activity ``i`` passes from ``f`` to ``g`` (None: from or to the shortage)."""
        changed = {f, g, *self.holders[i]}
        if f is not None:
            self.holders[i].discard(f)
            self.held[f].discard(i)
            self.stale[f] += 1
        else:
            self.short[i] -= 1
        if g is not None:
            self.holders[i].add(g)
            self._arrive(i, g)
        else:
            self.short[i] += 1
        for k in self.holders[i]:
            if k != g:  # a co-holder: the arcs it may move i along changed
                self._arrive(i, k)
        for dirty in changed:
            if dirty is not None:
                self.rows[dirty] = None
                if self.group[dirty] >= 0:
                    self.rows[self.m + self.group[dirty]] = None
