"""Phases of the programme: their order, capacity per phase, and raci per phase.

An activity whose ``raci:`` maps phases to letters (``{launch: {IC: A/R}, run: {OD: A,
IC: R}}``) changes hands over time: it becomes one :class:`~raci.core.model.Activity`
per phase, each holding that phase's letters, so every rule, count and view reads it
phase by phase with no special case. Only the first part keeps ``depends_on`` (the
activity depends on its prerequisites once, not once per phase).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from raci.core.findings import Problem
from raci.core.suggest import suggest
from raci.core.validation import where

if TYPE_CHECKING:
    from raci.core.loader import Document
    from raci.core.model import Activity, Function, Model


def set_capacity(function: Function, raw: float | Mapping[str, float] | None) -> None:
    """A plain capacity is for the whole programme; per phase, the total is their sum."""
    if isinstance(raw, Mapping):
        function.phase_capacity = dict(raw)
        function.capacity = sum(raw.values())
    else:
        function.capacity = raw


def stages(
    activity: Activity, raci: Mapping[str, Any], errors: list[Problem]
) -> list[tuple[Activity, Mapping[str, Any]]]:
    """The parts of ``activity`` with the letters each holds: itself and ``raci`` when the
    letters are not given per phase, else one part per phase."""
    per_phase = [key for key, value in raci.items() if isinstance(value, Mapping)]
    if not per_phase:
        return [(activity, raci)]
    document = activity.document
    subject = where(document.data, activity.path)
    if len(per_phase) != len(raci):
        single = next(key for key, value in raci.items() if not isinstance(value, Mapping))
        message = (
            f"'raci' of {subject} mixes a letter ('{single}') with phases ('{per_phase[0]}'): "
            "give function -> letter, or phase -> (function -> letter), not both"
        )
        errors.append(Problem(message, document, (*activity.path, "raci")))
        return [(activity, {})]
    if activity.phase is not None:
        message = f"{subject} gives its raci per phase, so it takes no 'phase'"
        errors.append(Problem(message, document, (*activity.path, "phase"), True))
    parts: list[tuple[Activity, Mapping[str, Any]]] = []
    for position, (phase, letters) in enumerate(raci.items()):
        part = activity.with_raci({})
        part.phase = part.stage = phase
        if position:
            part.depends_on = []
        parts.append((part, letters))
    return parts


def settle_phases(
    model: Model, documents: list[Document], validated: list[Any], errors: list[Problem]
) -> None:
    """Set ``model.phases`` and check that every phase named anywhere is one of them."""
    declared = [
        (document, data.phases)
        for document, data in zip(documents, validated, strict=True)
        if data.phases is not None
    ]
    if declared:
        first, names = declared[0]
        for position, name in enumerate(names):
            if name in names[:position]:
                message = f"phase '{name}' is listed twice in 'phases'"
                errors.append(Problem(message, first, ("phases", position)))
        for document, other in declared[1:]:
            if other != names:
                message = (
                    f"'phases' differs from the one in {first.name}: every file of a "
                    "directory lists the same phases, or only one file lists them"
                )
                errors.append(Problem(message, document, ("phases",), True))
        model.phases = list(dict.fromkeys(names))
        model.declared_phases = True
        _known_phases(model, errors)
    else:
        model.phases = list(dict.fromkeys(a.phase for a in model.activities if a.phase is not None))
    for function in model.functions.values():
        if function.ends is not None and function.ends not in model.phases:
            place = (*function.path, "ends")
            message = f"'ends' of function '{function.id}' {_unknown(model, function.ends)}"
            errors.append(Problem(message, function.document, place))
        for phase in function.phase_capacity:
            if phase not in model.phases:
                place = (*function.path, "capacity", phase)
                message = f"'capacity' of function '{function.id}' {_unknown(model, phase)}"
                errors.append(Problem(message, function.document, place, True))


def _known_phases(model: Model, errors: list[Problem]) -> None:
    for activity in model.activities:
        phase = activity.phase
        if phase is None or phase in model.phases:
            continue
        if activity.stage is not None:
            place, key = activity.raci_path, True
        else:
            place, key = (*activity.path, "phase"), False
        subject = where(activity.document.data, activity.path)
        errors.append(Problem(f"{subject} {_unknown(model, phase)}", activity.document, place, key))


def _unknown(model: Model, phase: str) -> str:
    if model.declared_phases:
        return f"names phase '{phase}', which 'phases' does not list{suggest(phase, model.phases)}"
    return f"names phase '{phase}', which no activity has{suggest(phase, model.phases)}"
