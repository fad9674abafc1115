from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.suggest import suggest
from raci.rules.base import Problem, Rule, activity_problem


class UnknownDependency(Rule):
    """``depends_on`` names an activity that does not exist.

    A dependency on nothing hides real ordering problems and breaks the critical path;
    it is usually a typo or an activity that was renamed or removed.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
        activities:
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

    code = "RACI006"
    name = "unknown-dependency"
    severity = "error"
    subject = "activity"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        ids = context.activity_ids
        for activity in context.model.activities:
            for index, dependency in enumerate(activity.depends_on):
                if dependency not in ids:
                    yield activity_problem(
                        activity,
                        f"activity '{activity.id}' depends on '{dependency}', which is not an "
                        f"activity{suggest(dependency, ids)}",
                        at=("depends_on", index),
                    )
