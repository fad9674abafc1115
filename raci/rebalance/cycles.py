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

A function whose rooms are per phase is several leaves (one per part) under a group
node: T -> group gives up the group's last unit (its spread cost), group -> leaf the
leaf's (its room in that phase), and back up the same way; a chain or cycle through a
group moves a unit between its phases without changing the group's load. These hops
move no activity.
"""

from __future__ import annotations

from collections import deque

from raci.rebalance.arcs import Arcs
from raci.rebalance.flow import Solution


class Solver(Arcs):
    """One role's flow problem; :meth:`run` returns the optimal :class:`Solution`."""

    def run(self) -> Solution:
        while self._improve():
            pass
        return self._solution()

    def _improve(self) -> bool:
        """Apply one improving chain or cycle; False when the flow is optimal."""
        m, n = self.m, self.n
        for f in range(n):
            if self.rows[f] is None:
                self.rows[f] = self._row(f) if f < m else self._group_row(f - m)
        load = [len(held) for held in self.held]
        totals = [sum(load[k] for k in members) for members in self.members]
        inf = None
        dist: list[int | None] = [inf] * n
        parent: list[tuple[int, int] | None] = [None] * n
        length = [0] * n
        for f in range(m):
            if load[f] and self.group[f] < 0:
                dist[f], parent[f] = -self._margin(f, load[f]), (-1, -1)
        for g, total in enumerate(totals):
            if total:
                dist[m + g], parent[m + g] = -self._group_margin(g, total), (-1, -1)
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
        queue = deque(f for f in range(n) if dist[f] is not None)
        queued = [dist[f] is not None for f in range(n)]
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
                    if length[g] > n:
                        cycle = self._cycle(parent, g)
                        if cycle:
                            self._apply(cycle)
                            return True
                        length[g] = 0
                    if not queued[g]:
                        queued[g] = True
                        queue.append(g)
        return self._close(dist, parent, load, totals)

    def _close(
        self,
        dist: list[int | None],
        parent: list[tuple[int, int] | None],
        load: list[int],
        totals: list[int],
    ) -> bool:
        """Apply the cheapest chain back to T, if it improves the flow."""
        best: tuple[int, int, int] | None = None  # (total, function, stranded activity)
        m = self.m
        for f, value in enumerate(dist):
            if value is None:
                continue
            if f >= m:
                total = value + self._group_margin(f - m, totals[f - m] + 1)
                if best is None or total < best[0]:
                    best = (total, f, -1)
                continue
            if self.group[f] < 0:
                total = value + self._margin(f, load[f] + 1)
                if best is None or total < best[0]:
                    best = (total, f, -1)
            for i in self.stranded:
                if i in self.held[f]:
                    own = self.price(i, f)
                    assert own is not None
                    total = value + self.UNPLACED - own
                    if best is None or total < best[0]:
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
            if i >= 0:  # else a hop to or from a group
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
            if link[1] >= 0:  # else a hop to or from a group
                moves.append((link[0], taker, link[1]))
        return moves

    def _apply(self, cycle: list[tuple[int, int, int]]) -> None:
        """Cancel a negative cycle: each function takes the activity on its parent arc."""
        for giver, taker, i in cycle:
            self._moveto(i, giver, taker)

    def _solution(self) -> Solution:
        solution = Solution({}, {})
        for i, demand in enumerate(self.demands):
            held = self.holders[i]
            if len(held) <= 1:
                chosen = [self.fids[k] for k in held]
            else:  # in candidate order, then the other functions in file order
                leaves = (self.leaf(c.fid, demand.phase) for c in demand.candidates)
                listed = [k for k in leaves if k is not None]
                others = sorted(k for k in held if k not in listed)
                chosen = [self.fids[k] for k in [*listed, *others] if k in held]
            solution.placed[demand.position] = chosen
            for fid in chosen:
                solution.held.setdefault(fid, []).append(demand.position)
            if self.short[i]:
                solution.unplaced[demand.position] = self.short[i]
        for k, part in enumerate(self.part):
            room = self.rooms[self.owner[k]].room if part is None else part.room
            beyond = len(self.held[k]) - room if room is not None else 0
            if beyond > 0 and part is None:
                solution.overflow[self.fids[k]] = beyond
            elif beyond > 0 and part is not None:
                solution.phase_overflow[self.fids[k], part.phase] = beyond
        for members in self.members:
            group = self.rooms[self.owner[members[0]]]
            total = sum(len(self.held[k]) for k in members)
            if group.room is not None and total > group.room:
                beyond = total - group.room
                solution.overflow[group.fid] = solution.overflow.get(group.fid, 0) + beyond
        for positions in solution.held.values():
            positions.sort()
        return solution
