from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.people_metrics import person_loads
from raci.core.words import number, percent
from raci.rules.base import Problem, Rule


class PersonOverload(Rule):
    """A person carries more than their own capacity: FTE times ``fte_unit``.

    A function can be within its capacity while one of its people is not: the work
    named for ``IC/sam`` in ``people:`` lands on Sam, however much Alex has to spare.
    Each person's load is counted as ``raci load`` counts it under "Load per person": a
    function's share of an activity's effort goes to the people named R for it, equally,
    or, where none is named, to all its members in proportion to their FTE. It is held to
    the person's FTE times the model's ``fte_unit`` (default 1) over the whole programme,
    as a function's capacity from its members is; effort given per phase is added up.
    Name someone else, or give the person more FTE. A waiver goes on the function
    (``waive: {person-overload: ...}``) and covers its people.

    Failing example::

        version: 1
        fte_unit: 4
        functions:
          IC:
            name: Internal Communications
            members: {alex: {fte: 1}, sam: {fte: 0.5}}
          OD: {name: Organisational Development}
        activities:
          - id: community
            name: Community management
            effort: 3
            raci: {IC: R, OD: A}
            people: {IC/sam: R}

    Passing example::

        version: 1
        fte_unit: 4
        functions:
          IC:
            name: Internal Communications
            members: {alex: {fte: 1}, sam: {fte: 0.5}}
          OD: {name: Organisational Development}
        activities:
          - id: community
            name: Community management
            effort: 3
            raci: {IC: R, OD: A}
            people: {IC/alex: R, IC/sam: R}
    """

    code = "RACI027"
    name = "person-overload"
    severity = "warning"
    subject = "function (the person, FUNCTION/member)"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        model = context.model
        if not model.has_people:
            return
        loads = person_loads(model)
        unit = model.fte_unit
        for function in model.functions.values():
            for member in function.members.values():
                load, capacity = loads[member.key], member.fte * unit
                if load <= capacity + 1e-9:
                    continue
                message = (
                    f"person '{member.key}' carries {number(load)} effort units against "
                    f"{number(capacity)} ({number(member.fte)} FTE x fte_unit {number(unit)}) "
                    f"({percent(load / capacity)})"
                )
                yield Problem(message, function.document, member.path, True, None, member.key)
