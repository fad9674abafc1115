"""What each person carries, and how much rests on single people.

A function's share of an activity's effort goes to the people named R for it there
(``people: {IC/alex: R}``), equally; where none is named, to all its members in
proportion to their FTE, so the people of a function always add up to the function.
Counts (A, R) are of named letters only. For who *holds* an activity, a function with
members and nobody named is held by all its members; a function without members counts
as one holder, under its own id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from raci.core.scheme import Role

if TYPE_CHECKING:
    from raci.core.context import Context
    from raci.core.model import Activity, Function, Model


@dataclass(frozen=True, slots=True)
class PersonLoad:
    id: str
    """``FUNCTION/member``."""
    function: str
    name: str | None
    fte: float
    accountable: int
    responsible: int
    load: float
    capacity: float
    """FTE times the model's ``fte_unit``."""
    only_worker: list[str] = field(default_factory=list)
    """Ids of the activities on which this person is the only one doing the work."""

    @property
    def utilisation(self) -> float:
        return self.load / self.capacity


@dataclass(frozen=True, slots=True)
class PeopleTruckFactor:
    """How many people can leave, removed greedily, before over half the activities have
    nobody holding an R or an A (functions without members count as one holder each)."""

    count: int
    people: list[str]
    orphaned: int


@dataclass(frozen=True, slots=True)
class PeopleMetrics:
    people: list[PersonLoad]
    truck_factor: PeopleTruckFactor


def role_people(activity: Activity, functions: dict[str, Function], role: Role) -> set[str]:
    """Who holds ``role`` (owner or worker) on ``activity``, person by person."""
    fids = activity.owners if role is Role.OWNER else activity.workers
    found: set[str] = set()
    for fid in fids:
        function = functions.get(fid)
        if function is None:
            continue
        if not function.members:
            found.add(fid)
            continue
        prefix = f"{fid}/"
        named = [
            key
            for key, held in activity.people.items()
            if key.startswith(prefix) and (held.owner if role is Role.OWNER else held.worker)
        ]
        found.update(named or (member.key for member in function.members.values()))
    return found


def people_metrics(context: Context) -> PeopleMetrics:
    model = context.model
    functions = model.functions
    members = [member for function in functions.values() for member in function.members.values()]
    load = person_loads(model)
    owned = dict.fromkeys(load, 0)
    worked = dict.fromkeys(load, 0)
    alone: dict[str, list[str]] = {key: [] for key in load}
    for activity in model.activities:
        for key, held in activity.people.items():
            owned[key] += held.owner
            worked[key] += held.worker
        doing = role_people(activity, functions, Role.WORKER)
        only = next(iter(doing)) if len(doing) == 1 else None
        if only in alone and activity.id not in alone[only]:
            alone[only].append(activity.id)
    unit = model.fte_unit
    people = [
        PersonLoad(
            m.key,
            m.function,
            m.name,
            m.fte,
            owned[m.key],
            worked[m.key],
            load[m.key],
            m.fte * unit,
            alone[m.key],
        )
        for m in members
    ]
    return PeopleMetrics(people, _truck_factor(context))


def person_loads(model: Model) -> dict[str, float]:
    """``FUNCTION/member`` -> the effort that person carries over the whole programme."""
    functions = model.functions
    load = {m.key: 0.0 for function in functions.values() for m in function.members.values()}
    for activity in model.activities:
        _share(activity, functions, load)
    return load


def _share(activity: Activity, functions: dict[str, Function], load: dict[str, float]) -> None:
    """Add each person's part of the effort of ``activity`` to ``load``."""
    if not activity.workers:
        return
    share = activity.effort / len(activity.workers)
    for fid in activity.workers:
        function = functions.get(fid)
        if function is None or not function.members:
            continue
        prefix = f"{fid}/"
        named = [k for k, held in activity.people.items() if k.startswith(prefix) and held.worker]
        if named:
            for key in named:
                load[key] += share / len(named)
            continue
        total = sum(member.fte for member in function.members.values())
        for member in function.members.values():
            load[member.key] += share * member.fte / total


def _truck_factor(context: Context) -> PeopleTruckFactor:
    """As :func:`raci.core.metrics.truck_factor`, with people (and functions without
    members) as the holders."""
    model = context.model
    functions = model.functions
    holders = [
        role_people(a, functions, Role.OWNER) | role_people(a, functions, Role.WORKER)
        for a in model.activities
    ]
    order: dict[str, int] = {}
    for function in functions.values():
        for key in function.members.values() if function.members else [None]:
            order[key.key if key is not None else function.id] = len(order)
    total = len(holders)
    orphaned = sum(1 for found in holders if not found)
    removed: list[str] = []
    while orphaned * 2 <= total and len(removed) < len(order):
        left = [key for key in order if key not in removed]

        def weight(key: str) -> tuple[int, int, int]:
            alone = sum(1 for found in holders if found == {key})
            held = sum(1 for found in holders if key in found)
            return (alone, held, -order[key])

        chosen = max(left, key=weight)
        removed.append(chosen)
        for found in holders:
            if chosen in found:
                found.discard(chosen)
                if not found:
                    orphaned += 1
    return PeopleTruckFactor(len(removed), removed, orphaned)
