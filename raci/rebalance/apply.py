"""From new holders to new letters, and a rebalanced copy of the model.

Letters change as little as the roles do: a function that gains the owner role on an
activity where it does the work becomes ``A/R`` (DACI ``A/D``, RAPID ``D/P``); one that
hands the owner role over but keeps working keeps ``R``; a letter the scheme combines
with the owner's stays with it (RACI-VS: a Signatory who becomes Accountable is ``A/S``,
and gives back ``S``); one left holding nothing stays in the loop with the scheme's first
say without a veto (Consulted; DACI: Contributor; RAPID: Input, never Agree). Entries
for functions that are not defined are never touched.

A work letter the scheme cannot combine with the owner's (RAPID's Recommend, RASCI's
Supportive) is given up by a function that becomes owner, unless nobody else does the
work: it then takes the scheme's combination (``D/P``, ``A/R``) rather than leave the
activity with nobody doing the work.
"""

from __future__ import annotations

from dataclasses import replace

from raci.core.model import Activity, Model
from raci.core.scheme import Assignment, Role, Scheme

Changes = dict[int, dict[str, str]]
"""Activity position -> function id -> its new letter (only entries that change)."""


def label(
    scheme: Scheme, old: Assignment | None, owner: bool, worker: bool, alone: bool = False
) -> str:
    """The letter a function holds once it is (or is not) owner and worker; ``alone``:
    no other function does the work on the activity."""
    if old is not None and old.owner == owner and old.worker == worker:
        return old.label
    owner_letter = scheme.role_letters(Role.OWNER)[0].code
    held = old.letters if old else ()
    kept_worker = next((code for code in held if _role(scheme, code) is Role.WORKER), None)
    kept_other = next(
        (code for code in held if _role(scheme, code) in {Role.CONSULTED, Role.INFORMED}), None
    )
    pairs = scheme.combinations
    work_pair = next(pair for pair in pairs if _role(scheme, pair[1]) is Role.WORKER)
    if owner and worker:
        chosen = next((pair for pair in pairs if pair[1] == kept_worker), None)
        if chosen is None and kept_worker is not None and not alone:
            return owner_letter  # the scheme cannot combine them (RAPID's D with R)
        chosen = chosen or work_pair
        return f"{chosen[0]}/{chosen[1]}"
    if owner:
        kept = next((pair for pair in pairs if pair[1] == kept_other), None)
        return f"{kept[0]}/{kept[1]}" if kept else owner_letter
    if worker:
        return kept_worker or work_pair[1]
    return kept_other or demoted(scheme)


def demoted(scheme: Scheme) -> str:
    """What a function that gives up every role it held keeps: a say, so that the one
    who takes over does not go it alone, but no veto it never had; else Informed."""
    say = [letter for letter in scheme.role_letters(Role.CONSULTED) if not letter.veto]
    return (say or list(scheme.role_letters(Role.INFORMED)) or list(scheme.letters))[0].code


def _role(scheme: Scheme, code: str) -> Role:
    return next(letter.role for letter in scheme.letters if letter.code == code)


def changes(model: Model, owners: dict[int, list[str]], workers: dict[int, list[str]]) -> Changes:
    """The letters that change when activities get these owners and workers."""
    found: Changes = {}
    functions = model.functions
    for position in sorted({*owners, *workers}):
        activity = model.activities[position]
        if _kept(activity.owners, owners.get(position)) and _kept(
            activity.workers, workers.get(position)
        ):
            continue  # the plan keeps its holders: nothing changes (most activities)
        owner_set = set(owners.get(position, activity.owners))
        owner_set.update(fid for fid in activity.owners if fid not in functions)
        worker_set = set(workers.get(position, activity.workers))
        worker_set.update(fid for fid in activity.workers if fid not in functions)
        entries = dict(activity.raci)
        fids = list(entries) + [
            fid
            for fid in [*owners.get(position, []), *workers.get(position, [])]
            if fid not in entries
        ]
        new: dict[str, str] = {}
        for fid in dict.fromkeys(fids):
            if fid not in functions:
                continue
            old = entries.get(fid)
            alone = not worker_set - {fid}
            letter = label(model.scheme, old, fid in owner_set, fid in worker_set, alone)
            if old is None or letter != old.label:
                new[fid] = letter
        if new:
            found[position] = new
    return found


def _kept(held: list[str], planned: list[str] | None) -> bool:
    return planned is None or planned == held


def apply_model(model: Model, found: Changes) -> Model:
    """A copy of ``model`` with the changed letters (documents and positions shared)."""
    activities = list(model.activities)
    for position, new in found.items():
        activities[position] = _rebuilt(model.scheme, activities[position], new)
    return replace(model, activities=activities)


def _rebuilt(scheme: Scheme, activity: Activity, new: dict[str, str]) -> Activity:
    raci = dict(activity.raci)
    for fid, letter in new.items():
        held = scheme.parse(letter)
        assert held is not None
        raci[fid] = held
    return activity.with_raci(raci)
