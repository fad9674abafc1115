"""From new holders to new letters, and a rebalanced copy of the model.

Letters change as little as the roles do: a function that gains the owner role on an
activity where it does the work becomes ``A/R``; one that hands the owner role over but
keeps working keeps ``R``; one left holding nothing stays in the loop as Consulted (the
scheme's consulted letter; in DACI, which has none, Informed). Entries for functions
that are not defined are never touched.
"""

from __future__ import annotations

from dataclasses import replace

from raci.model import Activity, Model
from raci.scheme import Assignment, Role, Scheme

Changes = dict[int, dict[str, str]]
"""Activity position -> function id -> its new letter (only entries that change)."""


def label(scheme: Scheme, old: Assignment | None, owner: bool, worker: bool) -> str:
    """The letter a function holds once it is (or is not) owner and worker."""
    if old is not None and old.owner == owner and old.worker == worker:
        return old.label
    owner_letter = scheme.role_letters(Role.OWNER)[0].code
    kept_worker = next(
        (code for code in (old.letters if old else ()) if _role(scheme, code) is Role.WORKER),
        None,
    )
    if owner and worker:
        pairs = scheme.combinations
        chosen = next((pair for pair in pairs if pair[1] == kept_worker), None)
        if chosen is None and kept_worker is not None:
            return owner_letter  # the scheme cannot combine them (RAPID's D with R)
        chosen = chosen or pairs[0]
        return f"{chosen[0]}/{chosen[1]}"
    if owner:
        return owner_letter
    if worker:
        return kept_worker or scheme.combinations[0][1]
    return demoted(scheme)


def demoted(scheme: Scheme) -> str:
    """What a function that gives up every role it held keeps: Consulted, or Informed."""
    consulted = [letter for letter in scheme.letters if letter.role is Role.CONSULTED]
    preferred = [letter for letter in consulted if letter.word in {"Consulted", "Input"}]
    informed = scheme.role_letters(Role.INFORMED)
    return (preferred or list(informed) or consulted)[0].code


def _role(scheme: Scheme, code: str) -> Role:
    return next(letter.role for letter in scheme.letters if letter.code == code)


def changes(model: Model, owners: dict[int, list[str]], workers: dict[int, list[str]]) -> Changes:
    """The letters that change when activities get these owners and workers."""
    found: Changes = {}
    for position in sorted({*owners, *workers}):
        activity = model.activities[position]
        functions = model.functions
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
            letter = label(model.scheme, old, fid in owner_set, fid in worker_set)
            if old is None or letter != old.label:
                new[fid] = letter
        if new:
            found[position] = new
    return found


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
    copy = replace(activity, raci={}, owners=[], workers=[], consulted=[], informed=[])
    for fid, held in raci.items():
        copy.assign(fid, held)
    return copy
