from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.rules.base import Problem, Rule, activity_problem, function_problem


class UnusedWaiver(Rule):
    """A ``waive:`` entry suppresses no finding.

    A waiver documents a deliberate exception. Once the exception is gone (the matrix
    was fixed, the rule's settings changed) the waiver only hides the next real
    problem; remove it. Waivers for rules that did not run are not reported.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: launch
            name: Run the launch
            raci: {IC: A/R, HR: C}
            waive:
              sole-owner: IC runs the launch alone by design

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: launch
            name: Run the launch
            raci: {IC: A/R, HR: I}
            waive:
              sole-owner: IC runs the launch alone by design
    """

    code = "RACI017"
    name = "unused-waiver"
    severity = "warning"
    subject = "activity or function"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        """Runs after every other rule; the engine records which waivers were used."""
        ran, used = context.rules_run, context.waivers_used
        for activity in context.model.activities:
            for rule in activity.waive:
                if rule in ran and (id(activity), rule) not in used:
                    yield activity_problem(
                        activity,
                        f"activity '{activity.id}' waives '{rule}', which reports nothing here",
                    )
        for function in context.model.functions.values():
            for rule in function.waive:
                if rule in ran and (id(function), rule) not in used:
                    yield function_problem(
                        function,
                        f"function '{function.id}' waives '{rule}', which reports nothing here",
                    )
