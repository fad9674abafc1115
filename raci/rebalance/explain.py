"""Say why no plan exists, naming the constraint that binds in the user's terms.

"InfoSec's 5 activities (...) have no other eligible function, and InfoSec may be
Accountable for at most 4 of them (max_accountable 4)": the set comes from
:func:`raci.rebalance.flow.bottleneck`, the limits from the settings that set them.
"""

from __future__ import annotations

from collections.abc import Sequence

from raci.core.model import Activity, Model
from raci.rebalance.flow import Demand, Room, Solution, bottleneck
from raci.rebalance.limits import Limit


def stranded(model: Model, positions: list[int], word: str, never: set[str]) -> str:
    """Why activities keep a holder excluded by ``--never``: nobody else may take them."""
    activities = model.activities
    names = [f"'{activities[position].id}'" for position in positions]
    excluded = [
        fid
        for fid in dict.fromkeys(f for position in positions for f in activities[position].raci)
        if fid in never
    ]
    cut = (
        f"{join(excluded)} {'is' if len(excluded) == 1 else 'are'} excluded by --never and "
        if excluded
        else ""
    )
    subject = (
        f"activity {names[0]} has"
        if len(names) == 1
        else (f"activities {join(names[:5], len(names) - 5)} have")
    )
    return (
        f"{subject} too few functions left to be {word}: {cut}no other function "
        "holds R, A or C on it or is listed under its 'eligible' key"
    )


def explain(
    model: Model,
    demands: list[Demand],
    solution: Solution,
    rooms: list[Room],
    limits: dict[str, Limit],
    word: str,
    never: set[str],
    reasons: dict[str, str],
) -> str:
    """Name the constraint that binds, in the user's terms."""
    activities = model.activities
    reached, functions = bottleneck(demands, solution, rooms)
    inside = set(reached)
    by_fid = {room.fid: room for room in rooms}
    ids = [activities[position].id for position in reached]
    shown = _shown(ids)

    def why(fid: str) -> str:
        room = by_fid[fid]
        limit = limits.get(fid)
        if fid in reasons:
            return reasons[fid]
        because = limit.reason if limit else "no limit"
        return because + (f", {room.fixed} more pinned with --keep" if room.fixed else "")

    room_total = sum(by_fid[fid].room or 0 for fid in functions)
    units = sum(demand.units for demand in demands if demand.position in inside)
    need = f"{units} {word} assignments" if units != len(ids) else f"{_article(word)} {word}"
    excluded = [
        fid for fid in dict.fromkeys(f for p in reached for f in activities[p].raci) if fid in never
    ]
    aside = f" ({join(excluded)} excluded by --never)" if excluded else ""
    rank = {fid: index for index, fid in enumerate(by_fid)}
    functions.sort(key=rank.__getitem__)
    if len(functions) == 1:
        fid = functions[0]
        if _only_theirs(demands, inside, fid):
            subject = f"{fid}'s {len(ids)} activities ({shown}) have no other eligible function"
        else:
            subject = f"{len(ids)} activities ({shown}) can only go to {fid}{aside}"
        return f"{subject}, and {fid} may be {word} for at most {room_total} of them ({why(fid)})"
    details = [(by_fid[fid].room, why(fid)) for fid in functions]
    if len(set(details)) == 1:
        listed = f"{details[0][0]} each: {details[0][1]}"
    else:
        shown_details = zip(functions[:5], details[:5], strict=False)
        listed = "; ".join(f"{fid} {room}: {reason}" for fid, (room, reason) in shown_details)
        if len(functions) > 5:
            listed += f"; and {len(functions) - 5} more functions"
    if len(functions) == len(by_fid) and len(ids) == len(activities):
        return (
            f"the model's {len(ids)} activities ({shown}) each need {need}, but its "
            f"{len(functions)} functions{aside} may be {word} for at most {room_total} "
            f"in all ({listed}): raise the limits or drop scope"
        )
    return (
        f"{len(ids)} activities ({shown}) need {need} but can only get "
        f"{'them' if units > 1 else 'it'} from "
        f"{join(functions[:5], len(functions) - 5)}{aside}, which may be {word} for at most "
        f"{room_total} of them in all ({listed})"
    )


def over_capacity(
    model: Model,
    demands: list[Demand],
    solution: Solution,
    rooms: list[Room],
    shares: dict[int, float],
    free: dict[str, float],
    word: str,
    start: list[str],
) -> str:
    """Why the work does not fit in the capacities of the functions that may do it.

    ``shares`` is each activity's effort per holder; ``free`` what each function with a
    capacity can still carry (capacity minus pinned work); ``start`` the functions left
    over their capacity, from which the search for the binding set begins.
    """
    ids, functions, inside, need = _binding(model, demands, solution, rooms, shares, start)
    shown, who = _shown(ids), join(functions[:5], len(functions) - 5)
    if all(fid in free for fid in functions):
        room = sum(free[fid] for fid in functions)
        listed = ", ".join(f"{fid} {free[fid]:g}" for fid in functions[:5])
        everything = len(functions) == len(rooms) and len(ids) == len(demands)
        if need > room + 1e-9 and everything:
            return (
                f"total capacity {room:g} < {need:g} effort units of {word} work: add "
                "capacity or drop scope"
            )
        if need > room + 1e-9 and len(functions) == 1:
            fid = functions[0]
            subject = (
                f"{fid}'s {len(ids)} activities ({shown}) have no other eligible function"
                if _only_theirs(demands, inside, fid)
                else f"{len(ids)} activities ({shown}) can only get their {word} work from {fid}"
            )
            return (
                f"{subject} and need {need:g} effort units of {word} work, but {fid}'s "
                f"capacity leaves room for {room:g}"
            )
        if need > room + 1e-9:
            return (
                f"{len(ids)} activities ({shown}) need {need:g} effort units of {word} work "
                f"but can only get it from {who}, whose capacities leave room for {room:g} "
                f"({listed})"
            )
    return (
        f"{len(ids)} activities ({shown}) can only get their {word} work from {who}, and "
        "no split of whole activities found keeps every one of them within its capacity"
    )


def over_phase_capacity(
    model: Model,
    demands: list[Demand],
    solution: Solution,
    rooms: list[Room],
    shares: dict[int, float],
    free: dict[str, float],
    word: str,
    start: list[str],
    phase: str,
) -> str:
    """Why the work of one ``phase`` does not fit in the capacities the functions that
    may do it have in that phase: as :func:`over_capacity`, among that phase's activities.

    ``free`` is what each function with a capacity can still carry in the phase: its
    capacity there less pinned work, or, for a capacity over the whole programme, what
    the plan leaves of it after the other phases.
    """
    mine = [demand for demand in demands if demand.phase == phase]
    ids, functions, inside, need = _binding(model, mine, solution, rooms, shares, start, True)
    shown, who = _shown(ids), join(functions[:5], len(functions) - 5)
    activities = f"{len(ids)} activit{'y' if len(ids) == 1 else 'ies'} in {phase} ({shown})"
    if all(fid in free for fid in functions):
        room = sum(free[fid] for fid in functions)
        if need > room + 1e-9 and len(functions) == len(rooms) and len(ids) == len(mine):
            return (
                f"total capacity in {phase} {room:g} < {need:g} effort units of {word} work "
                f"in {phase}: add capacity in {phase} or drop scope"
            )
        if need > room + 1e-9 and len(functions) == 1:
            fid = functions[0]
            theirs = _only_theirs(mine, inside, fid)
            other = "no other eligible function" if theirs else f"no function but {fid}"
            return (
                f"{fid}'s capacity in {phase} {room:g} < {need:g} effort units of {word} "
                f"work on {activities}, which {'has' if len(ids) == 1 else 'have'} {other}"
            )
        if need > room + 1e-9:
            listed = ", ".join(f"{fid} {free[fid]:g}" for fid in functions[:5])
            return (
                f"the capacities in {phase} of {who} {room:g} ({listed}) < {need:g} effort "
                f"units of {word} work on {activities}, which only they may do"
            )
    return (
        f"{activities} can only get their {word} work from {who}, and no split of whole "
        f"activities found keeps every one of them within its capacity in {phase}"
    )


def over_phase_limit(
    demands: list[Demand],
    solution: Solution,
    rooms: list[Room],
    word: str,
    start: list[str],
    phase: str,
    limits: dict[str, Limit],
    fixed: dict[str, int],
    activities: Sequence[Activity],
) -> str:
    """Why the activities of one ``phase`` cannot be held within the limits in that phase
    (``limits`` and pinned counts ``fixed`` per function there): the set that binds,
    found as :func:`explain` finds it, among that phase's activities."""
    mine = [demand for demand in demands if demand.phase == phase]
    reached, functions = bottleneck(mine, solution, rooms, start, {d.position for d in mine})
    rank = {room.fid: index for index, room in enumerate(rooms)}
    functions.sort(key=lambda fid: rank.get(fid, len(rank)))
    inside = set(reached)
    ids = [activities[position].id for position in reached]
    shown = _shown(ids)
    subject = f"{len(ids)} activit{'y' if len(ids) == 1 else 'ies'} in {phase} ({shown})"
    who = join(functions[:5], len(functions) - 5)
    if any(fid not in limits for fid in functions):
        return (
            f"{subject} can only go to {who}, and no plan keeps each of them within its "
            f"limit in {phase}"
        )
    room = {fid: max(0, limits[fid].count - fixed.get(fid, 0)) for fid in functions}
    units = sum(demand.units for demand in mine if demand.position in inside)
    if sum(room.values()) >= units:  # the phase has room: a limit over the programme binds
        return (
            f"{subject} can only go to {who}, which have room for them in {phase} only "
            "beyond a limit over the whole programme"
        )
    if len(functions) == 1:
        fid = functions[0]
        return (
            f"{subject} can only go to {fid}, and {fid} may be {word} for at most "
            f"{room[fid]} of them in {phase} ({limits[fid].reason})"
        )
    listed = "; ".join(f"{fid} {room[fid]}: {limits[fid].reason}" for fid in functions[:5])
    if len(functions) > 5:
        listed += f"; and {len(functions) - 5} more functions"
    return (
        f"{subject} need {units} {word} assignments but can only get them from {who}, "
        f"which may be {word} for at most {sum(room.values())} of them in {phase} ({listed})"
    )


def _binding(
    model: Model,
    demands: list[Demand],
    solution: Solution,
    rooms: list[Room],
    shares: dict[int, float],
    start: list[str],
    only_these: bool = False,
) -> tuple[list[str], list[str], set[int], float]:
    """The set that binds a capacity, from :func:`bottleneck` (searching only among
    ``demands`` when ``only_these``): its activity ids, its functions in file order, the
    positions reached, and the effort of the work they need."""
    only = {demand.position for demand in demands} if only_these else None
    reached, functions = bottleneck(demands, solution, rooms, start, only)
    rank = {fid: index for index, fid in enumerate(model.functions)}
    functions.sort(key=rank.__getitem__)
    units = {demand.position: demand.units for demand in demands}
    need = sum(shares[position] * units[position] for position in reached)
    ids = [model.activities[position].id for position in reached]
    return ids, functions, set(reached), need


def _only_theirs(demands: list[Demand], inside: set[int], fid: str) -> bool:
    """Whether ``fid`` already holds the role on every reached activity it may take."""
    return all(
        any(c.fid == fid and c.current for c in demand.candidates)
        for demand in demands
        if demand.position in inside
    )


def _shown(ids: list[str]) -> str:
    """The first five ids, and how many more."""
    return ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")


def _article(word: str) -> str:
    return "an" if word[:1] in "AEIOU" else "a"


def join(items: list[str], more: int = 0) -> str:
    """``a, b and c``; ``a, b and 3 more``."""
    if more > 0:
        return ", ".join(items) + f" and {more} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
