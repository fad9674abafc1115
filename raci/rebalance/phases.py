"""Turn the model into flow problems, one per role, and read the answers back.

Accountable (the owner role): every activity not pinned gets exactly one owner, chosen
among the functions that hold R, A or C on it or that it lists under ``eligible:``. An
activity with two owners keeps one; one with none gets one, if anyone is eligible.

Responsible (the worker role, ``--responsible``): every activity keeps as many workers
as it has (one if it has none), so each one's share of the effort stays the same.
Capacities are weighted (an activity's effort, shared among its workers), which a flow
of unit counts cannot express exactly: when a function ends over its capacity, its room
is cut to what the lightest of its activities allow and the flow is solved again, now
charging effort on that function so the heaviest activities are the ones that leave.
Rooms only shrink, so this ends; each round is one min-cost flow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from raci.core.model import Activity, Model
from raci.core.scheme import Assignment, Role
from raci.rebalance.explain import explain, over_capacity
from raci.rebalance.flow import Candidate, Demand, Room, Solution, bottleneck, solve
from raci.rebalance.limits import Limit
from raci.rebalance.options import Options

_EPSILON = 1e-9
_EFFORT_SCALE = 1000


@dataclass(slots=True)
class Phase:
    """One role's answer: the holders of every planned activity, or why there is none."""

    holders: dict[int, list[str]] = field(default_factory=dict)
    """Activity position -> its holders of the role after the plan."""
    demands: dict[int, Demand] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _role_word(model: Model, role: Role) -> str:
    return model.scheme.role_words(role)


def _candidates(
    model: Model, activity: Activity, never: set[str], holds: Callable[[Assignment], bool]
) -> list[Candidate]:
    """Who may hold the role: R, A or C holders in ``raci:`` order, then ``eligible:``."""
    found: dict[str, Candidate] = {}
    for fid, held in activity.raci.items():
        involved = held.owner or held.worker or held.consulted
        if involved and fid in model.functions and fid not in never:
            pref = 0 if held.owner or held.worker else 1
            found[fid] = Candidate(fid, holds(held), pref)
    for fid in activity.eligible:
        if fid in model.functions and fid not in never and fid not in found:
            held_here = activity.raci.get(fid)
            found[fid] = Candidate(fid, held_here is not None and holds(held_here), 2)
    return list(found.values())


def accountable(model: Model, limits: dict[str, Limit], options: Options) -> Phase:
    phase = Phase()
    keep, never = set(options.keep), set(options.never)
    fixed: dict[str, int] = dict.fromkeys(model.functions, 0)
    owner = _role_word(model, Role.OWNER)
    demands: list[Demand] = []
    for position, activity in enumerate(model.activities):
        undefined = [fid for fid in activity.owners if fid not in model.functions]
        if activity.id in keep or undefined:
            for fid in activity.owners:
                if fid in fixed:
                    fixed[fid] += 1
            if undefined and activity.id not in keep:
                phase.notes.append(
                    f"activity '{activity.id}' is left as it is: its {owner} "
                    f"'{undefined[0]}' is not a function (fix unknown-function first)"
                )
            continue
        candidates = _candidates(model, activity, never, lambda held: held.owner)
        if not candidates and not activity.owners:
            phase.notes.append(
                f"activity '{activity.id}' has no {owner} and no function that holds R or C "
                "on it or is listed under eligible: it is left without one"
            )
            continue
        demands.append(Demand(position, 1, candidates))
    rooms = _rooms(model, limits, fixed, never, phase, owner)
    _finish(model, phase, demands, solve(demands, rooms), rooms, limits, owner, never)
    return phase


def responsible(
    model: Model,
    limits: dict[str, Limit],
    capacity: dict[str, float],
    options: Options,
) -> Phase:
    phase = Phase()
    keep, never = set(options.keep), set(options.never)
    fixed: dict[str, int] = dict.fromkeys(model.functions, 0)
    fixed_load: dict[str, float] = dict.fromkeys(model.functions, 0.0)
    worker = _role_word(model, Role.WORKER)
    demands: list[Demand] = []
    shares: dict[int, float] = {}
    for position, activity in enumerate(model.activities):
        share = activity.effort / max(len(activity.workers), 1)
        defined = [fid for fid in activity.workers if fid in model.functions]
        if activity.id in keep:
            for fid in defined:
                fixed[fid] += 1
                fixed_load[fid] += share
            continue
        units = len(defined) if activity.workers else 1
        if not units:
            continue  # only undefined functions do the work: nothing we may change
        candidates = _candidates(model, activity, never, lambda held: held.worker)
        if not activity.workers and not candidates:
            phase.notes.append(
                f"activity '{activity.id}' has no {worker} and no function that holds A or C "
                "on it or is listed under eligible: it is left without one"
            )
            continue
        shares[position] = share
        demands.append(Demand(position, units, candidates))
    rooms = _rooms(model, limits, fixed, never, phase, worker)
    if phase.problems:
        return phase
    reasons: dict[str, str] = {}
    tight: set[str] = set()
    while True:
        solution = solve(demands, rooms)
        if solution.unplaced or solution.overflow:
            break
        load = dict(fixed_load)
        for fid, held in solution.held.items():
            load[fid] += sum(shares[position] for position in held)
        over = [fid for fid, most in capacity.items() if load[fid] > most + _EPSILON]
        if not over:
            break
        for fid in over:
            _tighten(fid, load[fid], capacity[fid], solution, shares, rooms, phase)
            reasons[fid] = f"capacity {capacity[fid]:g} effort units"
            tight.add(fid)
        if phase.problems:
            return phase
        for demand in demands:
            for candidate in demand.candidates:
                if candidate.fid in tight:
                    candidate.load = round(shares[demand.position] * _EFFORT_SCALE)
    if solution.overflow and any(fid in tight for fid in bottleneck(demands, solution)[1]):
        phase.demands = {demand.position: demand for demand in demands}
        free = {fid: most - fixed_load[fid] for fid, most in capacity.items()}
        phase.problems.append(over_capacity(model, demands, solution, shares, free, worker))
        return phase
    _finish(model, phase, demands, solution, rooms, limits, worker, never, reasons)
    return phase


def _tighten(
    fid: str,
    load: float,
    capacity: float,
    solution: Solution,
    shares: dict[int, float],
    rooms: list[Room],
    phase: Phase,
) -> None:
    """Cut ``fid``'s room to the most activities it could keep within its capacity (if
    the heaviest leave); the next round charges effort so that they do."""
    held = sorted((shares[position] for position in solution.held.get(fid, [])), reverse=True)
    excess, shed, count = load - capacity, 0.0, 0
    while shed < excess - _EPSILON and count < len(held):
        shed += held[count]
        count += 1
    if shed < excess - _EPSILON:
        phase.problems.append(
            f"{fid} carries {load - sum(held):g} effort units on activities pinned with "
            f"--keep, above its capacity of {capacity:g}"
        )
        return
    room = next(room for room in rooms if room.fid == fid)
    room.room = len(held) - count if room.room is None else min(room.room, len(held) - count)


def _rooms(
    model: Model,
    limits: dict[str, Limit],
    fixed: dict[str, int],
    never: set[str],
    phase: Phase,
    word: str,
) -> list[Room]:
    rooms = []
    for fid in model.functions:
        if fid in never:
            continue
        limit = limits.get(fid)
        room = None if limit is None else limit.count - fixed[fid]
        if limit is not None and room is not None and room < 0:
            phase.problems.append(
                f"{fid} is {word} for {fixed[fid]} activities pinned with --keep, above its "
                f"limit of {limit.count} ({limit.reason})"
            )
            room = 0
        rooms.append(Room(fid, fixed[fid], room))
    return rooms


def _finish(
    model: Model,
    phase: Phase,
    demands: list[Demand],
    solution: Solution,
    rooms: list[Room],
    limits: dict[str, Limit],
    word: str,
    never: set[str],
    reasons: dict[str, str] | None = None,
) -> None:
    phase.demands = {demand.position: demand for demand in demands}
    if solution.unplaced or solution.overflow:
        phase.problems.append(
            explain(model, demands, solution, rooms, limits, word, never, reasons or {})
        )
        return
    phase.holders = dict(solution.placed)
