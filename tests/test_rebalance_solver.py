"""The solver on the graph of functions finds the optimum a network simplex finds, on
random problems of both roles: several units per activity, open activities, tight
capacities, rooms of zero, activities with fewer candidates than units, and functions
whose rooms are per phase (a room per part under the function's own room)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from raci.rebalance.cycles import Solver
from raci.rebalance.flow import OTHER, Candidate, Demand, Part, Room

PHASES = ("p", "q", None)


@st.composite
def problems(draw: st.DrawFn) -> tuple[list[Demand], list[Room]]:
    fids = [f"F{index}" for index in range(draw(st.integers(1, 4)))]
    rooms = [
        Room(
            fid,
            draw(st.integers(0, 2)),
            draw(st.one_of(st.none(), st.integers(0, 3))),
            draw(st.booleans()),
        )
        for fid in fids
    ]
    for room in rooms:
        if draw(st.booleans()):
            named = draw(st.lists(st.sampled_from(PHASES[:2]), min_size=1, unique=True))
            room.parts = [
                Part(phase, draw(st.one_of(st.none(), st.integers(0, 2))), draw(st.booleans()))
                for phase in [*named, None]
            ]
    demands = []
    for position in range(draw(st.integers(1, 6))):
        listed = draw(st.lists(st.sampled_from(fids), max_size=len(fids), unique=True))
        candidates = [
            Candidate(fid, draw(st.booleans()), draw(st.integers(0, OTHER - 1))) for fid in listed
        ]
        units = draw(st.integers(1, 2))
        demands.append(
            Demand(
                position,
                units,
                candidates,
                draw(st.booleans()),
                draw(st.integers(0, 5)),
                draw(st.sampled_from(PHASES)),
            )
        )
    return demands, rooms


def cost(solver: Solver, holders: list[set[int]], short: list[int]) -> int:
    total = sum(solver.UNPLACED * count for count in short)
    for i, held in enumerate(holders):
        for k in held:
            price = solver.price(i, k)
            assert price is not None
            total += price
    loads = [sum(k in held for held in holders) for k in range(solver.m)]
    for k, load in enumerate(loads):
        total += sum(solver._margin(k, unit) for unit in range(1, load + 1))
    for g, members in enumerate(solver.members):
        load = sum(loads[k] for k in members)
        total += sum(solver._group_margin(g, unit) for unit in range(1, load + 1))
    return total


def simplex(solver: Solver) -> int:
    """The optimum of the same costs by networkx's network simplex, every arc explicit."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    total = sum(demand.units for demand in solver.demands)
    graph.add_node("sink", demand=total)
    for i, demand in enumerate(solver.demands):
        graph.add_node(("d", i), demand=-demand.units)
        prices = [(k, solver.price(i, k)) for k in range(solver.m)]
        offered = [(k, price) for k, price in prices if price is not None]
        for k, price in offered:
            graph.add_edge(("d", i), ("f", k), capacity=1, weight=price)
        if len(offered) < demand.units:
            graph.add_edge(("d", i), "sink", capacity=demand.units, weight=solver.UNPLACED)
    for k in range(solver.m):
        above = "sink" if solver.group[k] < 0 else ("g", solver.group[k])
        for unit in range(1, total + 1):
            graph.add_edge(("f", k), above, capacity=1, weight=solver._margin(k, unit))
    for g in range(len(solver.members)):
        for unit in range(1, total + 1):
            graph.add_edge(("g", g), "sink", capacity=1, weight=solver._group_margin(g, unit))
    value, _ = nx.network_simplex(graph)
    return int(value)


@given(problems())
def test_the_solver_reaches_the_network_simplex_optimum(
    problem: tuple[list[Demand], list[Room]],
) -> None:
    demands, rooms = problem
    solver = Solver(demands, rooms)
    solver.run()
    assert all(
        len(held) + short == d.units
        for held, short, d in zip(solver.holders, solver.short, demands, strict=True)
    )
    assert cost(solver, solver.holders, solver.short) == simplex(Solver(demands, rooms))
