"""Turn the model into flow problems, one per role, and read the answers back.

Accountable (the owner role): every activity not pinned gets exactly one owner, chosen
among its candidates (:mod:`raci.rebalance.tiers`). An activity with two owners keeps
one; one with none gets one, if anyone may take it.

Responsible (the worker role, ``--responsible``): every activity keeps as many workers
as it has (one if it has none), so each one's share of the effort stays the same.
Capacities are weighted (an activity's effort, shared among its workers), which a flow
of unit counts cannot express exactly: when a function ends over its capacity, its room
is cut to what the lightest of its activities allow and the flow is solved again, now
charging effort on that function so the heaviest activities are the ones that leave.
Rooms only shrink, so this ends; each round is one min-cost flow. A function whose
capacity is held per phase (``capacity-overload`` ``per_phase``) gets a room for a phase
(:class:`~raci.rebalance.flow.Part`) once its load there exceeds its capacity there,
cut the same way from the load of that phase alone; its count limits still hold across
phases. With ``single-owner-overload`` ``per_phase``, a function over its limit within a
phase gets a room there the same way (:mod:`raci.rebalance.by_phase`).

Limits are soft: when no plan clears them all, the phase keeps the plan that leaves the
least overload, with ``problems`` naming the constraint that binds and ``remaining``
what stays over its limit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from raci.core.model import Activity, Model
from raci.core.scheme import Assignment, Role
from raci.rebalance.by_phase import PhaseCounts, PhaseWork, over_phases, part_for
from raci.rebalance.explain import explain, over_capacity, stranded
from raci.rebalance.flow import Demand, Part, Room, Solution, bottleneck, solve
from raci.rebalance.limits import Limit
from raci.rebalance.options import Options
from raci.rebalance.tiers import candidates

_EPSILON = 1e-9
_EFFORT_SCALE = 1000


@dataclass(slots=True)
class Phase:
    """One role's answer: the holders of every planned activity, and what stays over."""

    holders: dict[int, list[str]] = field(default_factory=dict)
    """Activity position -> its holders of the role after the plan."""
    demands: dict[int, Demand] = field(default_factory=dict)
    rooms: list[Room] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """The constraints that bind, one sentence each (empty: every limit is met)."""
    remaining: list[str] = field(default_factory=list)
    """What stays over its limit after the plan, one line per function."""
    over: list[str] = field(default_factory=list)
    """The functions that stay over a limit of this role."""
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Build:
    """The demands of one role, and the holders that stay outside the flow."""

    demands: list[Demand] = field(default_factory=list)
    pinned: list[tuple[int, str]] = field(default_factory=list)
    """(activity position, function) of every holder the plan may not move."""
    kept_by_never: list[int] = field(default_factory=list)
    """Activities whose --never holder stays: nobody else may take the role."""

    def fixed(self, model: Model) -> dict[str, int]:
        counts = dict.fromkeys(model.functions, 0)
        for _, fid in self.pinned:
            counts[fid] += 1
        return counts


def _build(
    model: Model, options: Options, holds: Callable[[Assignment], bool], role: Role
) -> tuple[_Build, Phase]:
    build, phase = _Build(), Phase()
    keep, never = set(options.keep), set(options.never)
    word = model.scheme.role_words(role)
    for position, activity in enumerate(model.activities):
        held = activity.owners if role is Role.OWNER else activity.workers
        defined = [fid for fid in held if fid in model.functions]
        undefined = [fid for fid in held if fid not in model.functions]
        if activity.id in keep or (role is Role.OWNER and undefined):
            build.pinned += [(position, fid) for fid in defined]
            if undefined and activity.id not in keep:
                phase.notes.append(
                    f"activity '{activity.id}' is left as it is: its {word} "
                    f"'{undefined[0]}' is not a function (fix unknown-function first)"
                )
            continue
        units = 1 if role is Role.OWNER else (len(defined) if held else 1)
        if not units:
            continue  # only undefined functions do the work: nothing we may change
        found = candidates(model, activity, never, holds, options.only_involved)
        closed = options.only_involved or len(model.functions) - len(never) <= len(found)
        if len(found) < units and closed:
            kept = [fid for fid in defined if fid in never][: units - len(found)]
            if kept:
                build.kept_by_never.append(position)
            build.pinned += [(position, fid) for fid in kept]
            units -= len(kept)
            if not units:
                continue
        if not found and closed:
            phase.notes.append(_alone(activity, word, role))
            continue
        weight = round(activity.effort / max(len(held), 1) * _EFFORT_SCALE)
        demand = Demand(position, units, found, not closed, weight, activity.phase)
        build.demands.append(demand)
    return build, phase


def _alone(activity: Activity, word: str, role: Role) -> str:
    others = "R or C" if role is Role.OWNER else "A or C"
    return (
        f"activity '{activity.id}' has no {word} and no function that holds {others} "
        "on it or is listed under eligible: it is left without one"
    )


def accountable(
    model: Model,
    limits: dict[str, Limit],
    options: Options,
    phase_limits: dict[str, dict[str, Limit]] | None = None,
) -> Phase:
    """``phase_limits``: the limits within each phase, where they apply."""
    build, phase = _build(model, options, lambda held: held.owner, Role.OWNER)
    owner = model.scheme.role_words(Role.OWNER)
    rooms = _rooms(model, limits, build.fixed(model), set(options.never), phase, owner)
    within = PhaseCounts(model, phase_limits or {}, build.pinned)
    by_fid = {room.fid: room for room in rooms}
    solution = solve(build.demands, rooms)
    while within.bind(solution, by_fid):
        solution = solve(build.demands, rooms)
    _finish(
        model, phase, build, solution, rooms, limits, owner, options, {}, bool(solution.overflow)
    )
    within.finish(phase, build, solution, rooms, owner)
    return phase


def responsible(
    model: Model,
    limits: dict[str, Limit],
    capacity: dict[str, float],
    options: Options,
    phase_capacity: dict[str, dict[str, float]] | None = None,
    phase_limits: dict[str, dict[str, Limit]] | None = None,
) -> Phase:
    """``phase_capacity`` holds the functions whose capacity is checked per phase: their
    load in each such phase is held to it, and their entry in ``capacity`` is ignored;
    ``phase_limits`` the limits within each phase, where they apply."""
    by_phase = phase_capacity or {}
    build, phase = _build(model, options, lambda held: held.worker, Role.WORKER)
    worker = model.scheme.role_words(Role.WORKER)
    shares = {
        position: activity.effort / max(len(activity.workers), 1)
        for position, activity in enumerate(model.activities)
    }
    fixed_load: dict[str, float] = dict.fromkeys(model.functions, 0.0)
    for position, fid in build.pinned:
        fixed_load[fid] += shares[position]
    rooms = _rooms(model, limits, build.fixed(model), set(options.never), phase, worker)
    by_fid = {room.fid: room for room in rooms}
    plain = {fid: most for fid, most in capacity.items() if fid not in by_phase}
    work = PhaseWork(model, by_phase, build, shares)
    within = PhaseCounts(model, phase_limits or {}, build.pinned)
    reasons: dict[str, str] = {}
    best: tuple[float, Solution, dict[str, float], dict[tuple[str, str], float]] | None = None
    while True:
        solution = solve(build.demands, rooms)
        if within.bind(solution, by_fid):
            best = None  # rounds before a count room was given do not count: solve again
            continue
        load = _loads(fixed_load, solution, shares)
        carried = work.loads(solution)
        excess = sum(max(0.0, load[fid] - most) for fid, most in plain.items())
        excess += sum(max(0.0, carried[key] - most) for key, most in work.capacity.items())
        if best is None or excess < best[0] - _EPSILON:
            best = (excess, solution, load, carried)  # rooms only shrink: keep the best round
        shrank = False
        for fid, most in plain.items():
            room = by_fid.get(fid)
            if room is None or load[fid] <= most + _EPSILON:
                continue
            reasons[fid] = f"capacity {most:g} effort units"
            shrank |= _tighten(room, load[fid], most, solution.held.get(fid, []), shares)
            room.tight = True
        for (fid, name), most in work.capacity.items():
            if fid not in by_fid or carried[fid, name] <= most + _EPSILON:
                continue
            part = part_for(by_fid[fid], name)
            reasons[fid] = f"capacity {most:g} effort units in {name}"
            held = work.within(solution, fid, name)
            shrank |= _tighten(part, carried[fid, name], most, held, shares)
            part.tight = True
        if not shrank:
            break
    _, solution, load, carried = best
    tight = {room.fid for room in rooms if room.tight or any(p.tight for p in room.parts)}
    bound = _bound(build, solution, rooms)
    counts = bool(solution.overflow) and not tight.intersection(bound)
    _finish(model, phase, build, solution, rooms, limits, worker, options, reasons, counts)
    within.finish(phase, build, solution, rooms, worker)
    over = {fid: load[fid] for fid, most in plain.items() if load[fid] > most + _EPSILON}
    for fid, amount in over.items():
        phase.over.append(fid)
        phase.remaining.append(
            f"{fid} still carries {amount:g} effort units, above its capacity of {plain[fid]:g}"
        )
    pinned = [fid for fid in over if fixed_load[fid] > plain[fid] + _EPSILON]
    for fid in pinned:
        phase.problems.append(
            f"{fid} carries {fixed_load[fid]:g} effort units on activities pinned with "
            f"--keep, above its capacity of {plain[fid]:g}"
        )
    if len(pinned) < len(over):
        free = {fid: most - fixed_load[fid] for fid, most in plain.items()}
        start = [fid for fid in over if fid not in pinned]
        phase.problems.append(
            over_capacity(model, build.demands, solution, rooms, shares, free, worker, start)
        )
    over_phases(model, phase, build, solution, rooms, shares, plain, fixed_load, carried, work)
    return phase


def _bound(build: _Build, solution: Solution, rooms: list[Room]) -> list[str]:
    """The functions that the overflow, if any, cannot get past."""
    if not solution.overflow:
        return []
    return bottleneck(build.demands, solution, rooms)[1]


def _loads(
    fixed_load: dict[str, float], solution: Solution, shares: dict[int, float]
) -> dict[str, float]:
    load = dict(fixed_load)
    for fid, held in solution.held.items():
        load[fid] += sum(shares[position] for position in held)
    return load


def _tighten(
    room: Room | Part,
    load: float,
    capacity: float,
    positions: list[int],
    shares: dict[int, float],
) -> bool:
    """Cut the room (of a function, or of its part in one phase) to the most of the
    activities the plan gives it (``positions``) it could keep within its capacity (if
    the heaviest leave); the next round charges effort so that they do. True when the
    room shrank."""
    held = sorted((shares[position] for position in positions), reverse=True)
    excess, shed, count = load - capacity, 0.0, 0
    while shed < excess - _EPSILON and count < len(held):
        shed += held[count]
        count += 1
    most = len(held) - count
    if room.room is not None and most >= room.room:
        return False
    room.room = most
    return True


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
        limit = limits.get(fid)
        room = None if limit is None else limit.count - fixed[fid]
        if limit is not None and room is not None and room < 0 and fid not in never:
            phase.problems.append(
                f"{fid} is {word} for {fixed[fid]} activities pinned with --keep, above its "
                f"limit of {limit.count} ({limit.reason})"
            )
            room = 0
        if fid not in never:
            rooms.append(Room(fid, fixed[fid], room))
    return rooms


def _finish(
    model: Model,
    phase: Phase,
    build: _Build,
    solution: Solution,
    rooms: list[Room],
    limits: dict[str, Limit],
    word: str,
    options: Options,
    reasons: dict[str, str],
    explain_counts: bool,
) -> None:
    never = set(options.never)
    phase.demands = {demand.position: demand for demand in build.demands}
    phase.rooms = rooms
    phase.holders = dict(solution.placed)
    if build.kept_by_never:
        phase.problems.append(stranded(model, build.kept_by_never, word, never))
    if explain_counts:
        phase.problems.append(
            explain(model, build.demands, solution, rooms, limits, word, never, reasons)
        )
    fixed = build.fixed(model)
    for fid, limit in limits.items():
        count = fixed[fid] + len(solution.held.get(fid, []))
        if count > limit.count:
            phase.over.append(fid)
            phase.remaining.append(
                f"{fid} stays {word} for {count} activities, above its limit of "
                f"{limit.count} ({limit.reason})"
            )
