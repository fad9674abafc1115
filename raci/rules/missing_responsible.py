from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, activity_problem


class MissingResponsible(Rule):
    """An activity has no Responsible (R); an A/R counts as R.

    An owner with nobody doing the work is a wish, not a plan. Give at least one
    function the R (in RASCI an S also does the work; in DACI the Driver; in RAPID
    Recommend or Perform).

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: champions-network
            name: Build the champions network
            raci: {HR: A, IC: C}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: champions-network
            name: Build the champions network
            raci: {HR: A, IC: R}
    """

    code = "RACI003"
    name = "missing-responsible"
    severity = "error"
    subject = "activity"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        worker = context.model.scheme.describe(Role.WORKER)
        for activity in context.model.activities:
            if not activity.workers:
                yield activity_problem(
                    activity, f"activity '{activity.id}' has no {worker}: nobody does the work"
                )
