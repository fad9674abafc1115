"""People beneath functions: ``members:``, the ``people:`` of an activity, and the
capacity members give a function.

``people: {IC/alex: R}`` says who in IC holds IC's letters on the activity; a person's
letters must be among the function's (on an activity given per phase, they apply in
the phases where the function holds them, and at least one must). A function with
members and no ``capacity:`` can carry the sum of their FTE times the model's
``fte_unit`` (default 1).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from raci.core.findings import Problem
from raci.core.suggest import suggest
from raci.core.validation import where

if TYPE_CHECKING:
    from raci.core.loader import Document
    from raci.core.model import Activity, Model
    from raci.core.scheme import Assignment, Scheme

RawPeople = list[tuple["Activity", Mapping[str, str], "Scheme"]]
"""(activity part, its ``people:`` as written, the scheme of its file), read once every
function of the model is known."""

DEFAULT_FTE_UNIT = 1.0


def settle_people(
    model: Model,
    documents: list[Document],
    validated: list[Any],
    raw: RawPeople,
    errors: list[Problem],
) -> None:
    unit = next((data.fte_unit for data in validated if data.fte_unit is not None), None)
    model.fte_unit = unit if unit is not None else DEFAULT_FTE_UNIT
    for function in model.functions.values():
        if function.members and function.capacity is None:
            function.capacity = sum(m.fte for m in function.members.values()) * model.fte_unit
            function.capacity_from_members = True
    grouped: dict[tuple[int, int], RawPeople] = {}
    for entry in raw:
        part = entry[0]
        grouped.setdefault((id(part.document), part.index), []).append(entry)
    for entries in grouped.values():
        for part, _, _ in entries:
            part.people = {}  # the parts of one activity each hold their own
        _assign_people(model, entries, errors)


def _assign_people(model: Model, entries: RawPeople, errors: list[Problem]) -> None:
    first, people, scheme = entries[0]
    document = first.document
    subject = where(document.data, first.path)
    for key, text in people.items():
        place = (*first.path, "people", key)
        held = scheme.parse(text)
        if held is None:
            letters = ", ".join(scheme.spellings)
            message = (
                f"'{text}' is not a {scheme.title} letter ('people.{key}' of {subject}): "
                f"use one of {letters}"
            )
            errors.append(Problem(message, document, place))
            continue
        fid, _, mid = key.partition("/")
        function = model.functions.get(fid)
        if function is None:
            hint = suggest(fid, model.functions)
            message = f"'people' of {subject} names '{key}': there is no function '{fid}'{hint}"
            errors.append(Problem(message, document, place, True))
            continue
        if mid not in function.members:
            hint = suggest(mid, function.members)
            message = f"'people' of {subject} names '{key}': '{mid}' is not a member of {fid}{hint}"
            errors.append(Problem(message, document, place, True))
            continue
        problem = _place(entries, key, fid, held)
        if problem:
            errors.append(Problem(f"'people' of {subject} {problem}", document, place, True))


def _place(entries: RawPeople, key: str, fid: str, held: Assignment) -> str | None:
    """Give ``key`` its letters on each part where its function holds them; what is
    wrong, if no part does."""
    holding = [part for part, _, _ in entries if fid in part.raci]
    if not holding:
        return f"names '{key}', but {fid} holds nothing on it"
    fits = [part for part in holding if within(held, part.raci[fid])]
    if not fits:
        holds = holding[0].raci[fid]
        return (
            f"gives '{key}' {held.label}, which {fid} does not hold ({fid} is {holds.label}): "
            "a person's letters are among the function's"
        )
    for part in fits:
        part.people[key] = held
    return None


def within(held: Assignment, holds: Assignment) -> bool:
    """Whether every role of ``held`` is a role of ``holds``."""
    return (
        (holds.owner or not held.owner)
        and (holds.worker or not held.worker)
        and (holds.consulted or not held.consulted)
        and (holds.informed or not held.informed)
    )


_REDACT = [False]


def set_redact(on: bool) -> None:
    """Redact people in every model loaded during this run (``--redact``)."""
    _REDACT[0] = on


def redacting() -> bool:
    return _REDACT[0]


def redact(model: Model) -> None:
    """Replace each member's id and name by its number within its function (``IC/1``),
    everywhere the model names people, so no output of this run names anyone."""
    renamed: dict[str, str] = {}
    for function in model.functions.values():
        members = {}
        for number, member in enumerate(function.members.values(), start=1):
            old = member.key
            member.id, member.name = str(number), None
            members[member.id] = member
            renamed[old] = member.key
        function.members = members
    if renamed:
        for activity in model.activities:
            if activity.people:
                activity.people = {renamed[key]: held for key, held in activity.people.items()}
