from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.rules.base import Problem, Rule, function_problem


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
    runs_last = True  # it reads which waivers the other rules used

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        """Runs after every other rule; the engine records which waivers were used."""
        ran, used = context.rules_run, context.waivers_used
        # the phases of an activity with raci per phase share one ``waive:``: a waiver
        # any of them used is used; an unused one is reported once, on the first
        waiving = [activity for activity in context.model.activities if activity.waive]
        used_by: dict[tuple[int, int], set[str]] = {}
        for activity in waiving:
            place = (id(activity.document), activity.index)
            found = used_by.setdefault(place, set())
            found.update(rule for rule in activity.waive if (id(activity), rule) in used)
        reported: set[tuple[int, int]] = set()
        for activity in waiving:
            place = (id(activity.document), activity.index)
            if place in reported:
                continue
            reported.add(place)
            for rule in activity.waive:
                if rule in ran and rule not in used_by[place]:
                    message = (
                        f"activity '{activity.id}' waives '{rule}', which reports nothing here"
                    )
                    yield Problem(message, activity.document, activity.path, activity=activity)
        for function in context.model.functions.values():
            for rule in function.waive:
                if rule in ran and (id(function), rule) not in used:
                    yield function_problem(
                        function,
                        f"function '{function.id}' waives '{rule}', which reports nothing here",
                    )
