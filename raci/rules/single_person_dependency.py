from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.people_metrics import role_people
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, activity_problem


class SinglePersonDependency(Rule):
    """The work on an activity rests on one person.

    A function is people. When the functions that do the work on an activity list their
    ``members:``, and only one person among them does it (the only one named R in
    ``people:``, or the only member of the only function doing it), the activity stops
    when that person is ill, busy or gone. Name a second person, or share the work with
    another function. Activities of functions without members are not judged.

    Failing example::

        version: 1
        functions:
          IC:
            name: Internal Communications
            members: {alex: {fte: 1}, sam: {fte: 1}}
          OD: {name: Organisational Development}
        activities:
          - id: community
            name: Community management
            raci: {IC: R, OD: A}
            people: {IC/alex: R}

    Passing example::

        version: 1
        functions:
          IC:
            name: Internal Communications
            members: {alex: {fte: 1}, sam: {fte: 1}}
          OD: {name: Organisational Development}
        activities:
          - id: community
            name: Community management
            raci: {IC: R, OD: A}
            people: {IC/alex: R, IC/sam: R}
    """

    code = "RACI026"
    name = "single-person-dependency"
    severity = "warning"
    subject = "activity + function (the person's)"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        functions = context.model.functions
        worker = context.model.scheme.describe(Role.WORKER)
        for activity in context.model.activities:
            if not activity.workers:
                continue
            doing = role_people(activity, functions, Role.WORKER)
            if len(doing) != 1:
                continue
            person = next(iter(doing))
            fid, slash, _ = person.partition("/")
            if not slash:
                continue  # a function without members: not a person
            at = ("people", person) if person in activity.people else ("raci", fid)
            yield activity_problem(
                activity,
                f"activity '{activity.id}' rests on one person: '{person}' is the only one "
                f"{worker} for it; name a second person or share the work",
                at=at,
                key=True,
                function=fid,
            )
