from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, activity_problem


class MultipleAccountable(Rule):
    """An activity has more than one Accountable (A).

    Shared accountability is no accountability: when two functions both own an
    outcome, each can wait for the other. Keep one A and make the others R or C.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: usage-policy
            name: Write the usage policy
            raci: {IC: A/R, HR: A}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: usage-policy
            name: Write the usage policy
            raci: {IC: R, HR: A}
    """

    code = "RACI002"
    name = "multiple-accountable"
    severity = "error"
    subject = "activity"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        owner = context.model.scheme.describe(Role.OWNER, many=True)
        for activity in context.model.activities:
            if len(activity.owners) > 1:
                yield activity_problem(
                    activity,
                    f"activity '{activity.id}' has {len(activity.owners)} {owner} "
                    f"({', '.join(activity.owners)}); exactly one function owns an outcome",
                )
