"""An exact min-cost flow for :mod:`raci.rebalance.flow`, on the graph of functions.

A plan differs from the current holders by a few chains of moves ("HR gives a1 to OD,
OD gives a4 to IT"), so the solver starts from the current holders and improves them
until no improving chain or cycle is left, which is the optimality condition of a
min-cost flow (no negative cycle in the residual network). Activities are folded into
the arcs: the arc f -> g costs the cheapest activity f holds and g may take (one heap
per pair; the activities every function may take, ``Demand.open``, share one sorted
list per holder, since their costs differ only by a per-function constant). Chains run
from a virtual node T (a function gives a unit up) back to T (a function takes one
more), priced by the convex load cost, so each search is a shortest path over a few
dozen nodes (SPFA), and the number of searches grows with the number of moves.
"""

from __future__ import annotations

import heapq
from bisect import insort
from collections import deque
from collections.abc import Sequence

from raci.rebalance.flow import OTHER, Demand, Room, Solution

Edge = tuple[int, int]
"""(cost of the arc, the activity it moves); the activity is -1 for T arcs."""
_NONE: Edge = (0, -2)


class Solver:
    """One role's flow problem; :meth:`run` returns the optimal :class:`Solution`."""

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
        for i, demand in enumerate(self.demands):
            self._start(i, demand)
        for k in range(self.m):
            for variant in self.lists[k]:
                variant.sort()
        self.rows: list[list[Edge | None] | None] = [None] * self.m

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

    def _start(self, i: int, demand: Demand) -> None:
        """Price the activity's explicit candidates and give it its current holders
        (or, if it lacks some, its cheapest candidates: the search corrects them)."""
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
        chosen = current[: demand.units]
        if len(chosen) < demand.units:
            spare = sorted((cost, k) for k, cost in costs.items() if k not in chosen)
            if demand.open:
                spare += sorted((self._other(i, k), k) for k in range(self.m) if k not in costs)
            chosen += [k for _, k in spare[: demand.units - len(chosen)]]
        self.holders.append(set(chosen))
        self.short.append(demand.units - len(chosen))
        if self.short[i]:
            self.stranded.append(i)
        for k in chosen:
            self._arrive(i, k, sort=False)

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
        for variant, tight in zip(self.lists[f], (False, True), strict=True):
            stale = [entry for entry in variant if entry[1] not in held]
            if stale:
                variant[:] = [entry for entry in variant if entry[1] in held]
            for g in range(self.m):
                if g == f or self.rooms[g].tight != tight:
                    continue
                for key, i in variant:
                    if g not in self.cost[i] and g not in self.holders[i]:
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

    def run(self) -> Solution:
        while self._improve():
            pass
        return self._solution()

    def _improve(self) -> bool:
        """Apply one improving chain or cycle; False when the flow is optimal."""
        m = self.m
        for f in range(m):
            if self.rows[f] is None:
                self.rows[f] = self._row(f)
        load = [len(held) for held in self.held]
        inf = None
        dist: list[int | None] = [inf] * m
        parent: list[tuple[int, int] | None] = [None] * m
        length = [0] * m
        for f in range(m):
            if load[f]:
                dist[f], parent[f] = -self._margin(f, load[f]), (-1, -1)
        for i in self.stranded:
            if not self.short[i]:
                continue
            for g in range(m):
                cost = self.price(i, g)
                if cost is None or g in self.holders[i]:
                    continue
                value = cost - self.UNPLACED
                current = dist[g]
                if current is None or value < current:
                    dist[g], parent[g] = value, (-1, i)
        queue = deque(f for f in range(m) if dist[f] is not None)
        queued = [dist[f] is not None for f in range(m)]
        while queue:
            f = queue.popleft()
            queued[f] = False
            base = dist[f]
            assert base is not None
            row = self.rows[f]
            assert row is not None
            for g, edge in enumerate(row):
                if edge is None:
                    continue
                value = base + edge[0]
                current = dist[g]
                if current is None or value < current:
                    dist[g], parent[g] = value, (f, edge[1])
                    length[g] = length[f] + 1
                    if length[g] > m:
                        cycle = self._cycle(parent, g)
                        if cycle:
                            self._apply(cycle)
                            return True
                        length[g] = 0
                    if not queued[g]:
                        queued[g] = True
                        queue.append(g)
        return self._close(dist, parent, load)

    def _close(
        self, dist: list[int | None], parent: list[tuple[int, int] | None], load: list[int]
    ) -> bool:
        """Apply the cheapest chain back to T, if it improves the flow."""
        best: tuple[int, int, int] | None = None  # (total, function, stranded activity)
        for f, value in enumerate(dist):
            if value is None:
                continue
            total = value + self._margin(f, load[f] + 1)
            if best is None or total < best[0]:
                best = (total, f, -1)
            for i in self.stranded:
                if i in self.held[f]:
                    own = self.price(i, f)
                    assert own is not None
                    total = value + self.UNPLACED - own
                    if total < best[0]:
                        best = (total, f, i)
        if best is None or best[0] >= 0:
            return False
        _, f, dropped = best
        chain: list[tuple[int | None, int | None, int]] = []
        if dropped >= 0:
            chain.append((f, None, dropped))
        node: int = f
        while True:
            link = parent[node]
            assert link is not None
            source, i = link
            if source == -1:
                if i >= 0:
                    chain.append((None, node, i))
                break
            chain.append((source, node, i))
            node = source
        for giver, taker, moved in reversed(chain):
            self._moveto(moved, giver, taker)
        return True

    def _cycle(
        self, parent: list[tuple[int, int] | None], start: int
    ) -> list[tuple[int, int, int]]:
        """A cycle in the parent pointers above ``start``, as (giver, taker, activity)
        moves, or [] when the pointers lead back to T (no cycle yet)."""
        seen: dict[int, int] = {}
        path: list[int] = []
        node = start
        while node not in seen:
            seen[node] = len(path)
            path.append(node)
            link = parent[node]
            if link is None or link[0] == -1:
                return []
            node = link[0]
        moves = []
        for taker in path[seen[node] :]:
            link = parent[taker]
            assert link is not None
            moves.append((link[0], taker, link[1]))
        return moves

    def _apply(self, cycle: list[tuple[int, int, int]]) -> None:
        """Cancel a negative cycle: each function takes the activity on its parent arc."""
        for giver, taker, i in cycle:
            self._moveto(i, giver, taker)

    def _solution(self) -> Solution:
        solution = Solution({}, {})
        for i, demand in enumerate(self.demands):
            order = [self.index[c.fid] for c in demand.candidates if c.fid in self.index]
            listed = set(order)
            order += [k for k in range(self.m) if k not in listed]
            chosen = [self.fids[k] for k in order if k in self.holders[i]]
            solution.placed[demand.position] = chosen
            for fid in chosen:
                solution.held.setdefault(fid, []).append(demand.position)
            if self.short[i]:
                solution.unplaced[demand.position] = self.short[i]
        for k, room in enumerate(self.rooms):
            beyond = len(self.held[k]) - room.room if room.room is not None else 0
            if beyond > 0:
                solution.overflow[room.fid] = beyond
        for positions in solution.held.values():
            positions.sort()
        return solution
