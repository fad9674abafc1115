from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, activity_problem


class MissingAccountable(Rule):
    """An activity has no Accountable (A).

    Without one function that owns the outcome, an activity drifts: everyone assumes
    somebody else will sign it off. Every activity needs exactly one A (in DACI the
    Approver, in RAPID the Decide).

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: launch-campaign
            name: Run the launch campaign
            raci: {IC: R, HR: C}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: launch-campaign
            name: Run the launch campaign
            raci: {IC: R, HR: A}
    """

    code = "RACI001"
    name = "missing-accountable"
    severity = "error"
    subject = "activity"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        owner = context.model.scheme.describe(Role.OWNER)
        for activity in context.model.activities:
            if not activity.owners:
                yield activity_problem(
                    activity, f"activity '{activity.id}' has no {owner}: nobody owns the outcome"
                )
