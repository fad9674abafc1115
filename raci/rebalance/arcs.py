"""The arcs of :mod:`raci.rebalance.cycles`: activities folded into a graph of functions.

The arc f -> g costs the cheapest activity f holds and g may take: one heap per pair
for the candidates an activity lists, and, for the activities every function may take
(``Demand.open``), one sorted list per holder, since their costs differ only by a
per-function constant. Costs are the integer tiers of :mod:`raci.rebalance.flow`.
"""

from __future__ import annotations

import heapq
from bisect import insort
from collections.abc import Sequence

from raci.rebalance.flow import OTHER, Demand, Room

Edge = tuple[int, int]
"""(cost of the arc, the activity it moves)."""


class Arcs:
    """One role's flow problem as a graph of functions: the holders of each activity,
    and the cheapest arc from each function to each other (rebuilt when it changes)."""

    def __init__(self, demands: Sequence[Demand], rooms: Sequence[Room]) -> None:
        self.demands = list(demands)
        self.rooms = list(rooms)
        self.fids = [room.fid for room in rooms]
        self.index = {fid: k for k, fid in enumerate(self.fids)}
        self.m = len(self.fids)
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
        self.rows: list[list[Edge | None] | None] = [None] * self.m
        self.stale = [0] * self.m
        """Per function: activities it gave away since its sorted lists were compacted."""

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
            k = self.index.get(candidate.fid)
            if k is None:
                continue
            tie = k * (self.span - demand.position)
            if not candidate.current:
                tie += (demand.position + 1) * self.WHICH
            costs[k] = (
                (0 if candidate.current else self.MOVE)
                + (demand.weight * self.LOAD if self.rooms[k].tight else 0)
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
                key=lambda k: self._margin(k, len(self.held[k]) + 1) + (self.price(i, k) or 0),
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
        return base + (demand.weight * self.LOAD if self.rooms[k].tight else 0)

    def price(self, i: int, k: int) -> int | None:
        cost = self.cost[i].get(k)
        if cost is None and self.demands[i].open:
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
        """The cost of function ``k``'s ``unit``-th unit in the flow (1-based)."""
        room = self.rooms[k]
        if room.room is not None and unit > room.room:
            return self.UNPLACED
        return (room.fixed + unit) * self.SPREAD

    def _row(self, f: int) -> list[Edge | None]:
        """The cheapest arc from ``f`` to every other function, or None."""
        row: list[Edge | None] = [None] * self.m
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
                if g == f or self.rooms[g].tight != tight:
                    continue
                for key, i in variant:
                    if i in held and g not in self.cost[i] and g not in self.holders[i]:
                        delta = key + self.MOVE + OTHER * self.PREF + g * self.span
                        if row[g] is None or delta < row[g][0]:  # type: ignore[index]
                            row[g] = (delta, i)
                        break
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
