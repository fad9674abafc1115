"""What-if for people: ``raci whatif --without IC/alex``.

A person stepping back takes their letters with them where nobody else of their function
holds the same role there: for each role a function plays on an activity, the people
holding it are those named for it in ``people:`` (or, when none is named, all the
function's members); once the person is gone and none of them is left, the function no
longer plays that role there. A function whose every member steps back steps back
itself, so stepping back the one member of a function reads exactly as stepping back
the function.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from raci.core.errors import RaciError
from raci.core.scheme import Role
from raci.core.suggest import closest, closest_function, suggest
from raci.core.suggest import hint as did_you_mean

if TYPE_CHECKING:
    from raci.core.model import Activity, Function, Model
    from raci.core.scheme import Assignment, Scheme

_ROLES = (Role.OWNER, Role.WORKER, Role.CONSULTED, Role.INFORMED)


def check_people(model: Model, keys: list[str]) -> None:
    """Each ``FUNCTION/member`` names a member of the model, or a clean error."""
    for key in keys:
        fid, _, mid = key.partition("/")
        function = model.functions.get(fid)
        if function is None:
            names = {fid: function.name for fid, function in model.functions.items()}
            guess = closest_function(fid, names)
            if guess is not None:
                members = model.functions[guess].members
                member = mid if mid in members else closest(mid, members)
                guess = f"{guess}/{member}" if member else guess
            raise RaciError(f"no function '{fid}' in the model{did_you_mean(guess)}")
        if mid not in function.members:
            hint = suggest(mid, function.members)
            raise RaciError(f"no member '{mid}' of {fid} in the model{hint}")


def without_people(model: Model, keys: list[str]) -> tuple[Model, set[str]]:
    """``model`` once the people ``keys`` stepped back, and the functions left with no
    member at all (they step back as a whole)."""
    leaving: dict[str, set[str]] = {}
    for key in keys:
        fid, _, mid = key.partition("/")
        leaving.setdefault(fid, set()).add(mid)
    emptied = {fid for fid, mids in leaving.items() if set(model.functions[fid].members) <= mids}
    thinned = {fid: mids for fid, mids in leaving.items() if fid not in emptied}
    if not thinned:
        return model, emptied
    gone_keys = {f"{fid}/{mid}" for fid, mids in thinned.items() for mid in mids}
    activities = [_thin(activity, model, thinned, gone_keys) for activity in model.activities]
    functions = {
        fid: _fewer(function, thinned[fid], model.fte_unit) if fid in thinned else function
        for fid, function in model.functions.items()
    }
    return replace(model, functions=functions, activities=activities), emptied


def _fewer(function: Function, mids: set[str], unit: float) -> Function:
    members = {mid: m for mid, m in function.members.items() if mid not in mids}
    capacity = function.capacity
    if function.capacity_from_members:
        capacity = sum(member.fte for member in members.values()) * unit
    return replace(function, members=members, capacity=capacity)


def _thin(
    activity: Activity, model: Model, thinned: dict[str, set[str]], gone_keys: set[str]
) -> Activity:
    if not any(fid in activity.raci for fid in thinned):
        return activity
    raci = dict(activity.raci)
    for fid, mids in thinned.items():
        held = raci.get(fid)
        if held is None:
            continue
        kept = _kept(activity, model.functions[fid], mids, held, model.scheme)
        if kept is None:
            del raci[fid]
        else:
            raci[fid] = kept
    copy = activity.with_raci(raci)
    copy.people = {key: held for key, held in activity.people.items() if key not in gone_keys}
    return copy


def _kept(
    activity: Activity, function: Function, mids: set[str], held: Assignment, scheme: Scheme
) -> Assignment | None:
    """What ``function`` still holds on ``activity`` once ``mids`` left, or None."""
    prefix = f"{function.id}/"
    lost: set[Role] = set()
    for role in _ROLES:
        if not _plays(held, role):
            continue
        named = {
            key[len(prefix) :]
            for key, person in activity.people.items()
            if key.startswith(prefix) and _plays(person, role)
        }
        holders = named or set(function.members)
        if holders <= mids:
            lost.add(role)
    if not lost:
        return held
    roles = {letter.code: letter.role for letter in scheme.letters}
    letters = [code for code in held.letters if roles[code] not in lost]
    return scheme.parse("/".join(letters)) if letters else None


def _plays(held: Assignment, role: Role) -> bool:
    return {
        Role.OWNER: held.owner,
        Role.WORKER: held.worker,
        Role.CONSULTED: held.consulted,
        Role.INFORMED: held.informed,
    }[role]
