from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.rules.base import Problem, Rule, activity_problem


class DependencyCycle(Rule):
    """Activities depend on each other in a loop.

    A loop in ``depends_on`` means none of its activities can start first, and it
    leaves the programme without a critical path. Each loop is reported once, at its
    first activity in file order, with the loop spelled out.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
        activities:
          - id: launch-plan
            name: Plan the launch communications
            depends_on: [launch-campaign]
            raci: {IC: A/R}
          - id: launch-campaign
            name: Run the launch campaign
            depends_on: [launch-plan]
            raci: {IC: A/R}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
        activities:
          - id: launch-plan
            name: Plan the launch communications
            raci: {IC: A/R}
          - id: launch-campaign
            name: Run the launch campaign
            depends_on: [launch-plan]
            raci: {IC: A/R}
    """

    code = "RACI007"
    name = "dependency-cycle"
    severity = "error"
    subject = "activity"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        for loop in context.loops:
            first = context.activity_ids[loop[0]]
            spelled = " → ".join([*loop, loop[0]])
            yield activity_problem(first, f"activities depend on each other in a loop: {spelled}")
