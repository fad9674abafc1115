from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, activity_problem


class SoleOwner(Rule):
    """One function owns and does an activity alone: nobody else is Responsible or Consulted.

    When one function holds every R and A of an activity and no other function holds
    an R or a C on it, the function goes it alone (an I only hears about the result).
    That is how Internal Communications ends up carrying an adoption programme: bring in
    the functions whose levers the activity needs, at least as Consulted.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: community-guidelines
            name: Write the community guidelines
            raci: {IC: A/R, HR: I}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: community-guidelines
            name: Write the community guidelines
            raci: {IC: A/R, HR: C}
    """

    code = "RACI010"
    name = "sole-owner"
    severity = "warning"
    subject = "activity + function"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        scheme = context.model.scheme
        others = scheme.describe(Role.WORKER, Role.CONSULTED)
        for activity in context.model.activities:
            holders = set(activity.owners) | set(activity.workers)
            if len(holders) != 1:
                continue
            (owner,) = holders
            if any(fid != owner for fid in activity.consulted):
                continue
            yield activity_problem(
                activity,
                f"function '{owner}' goes it alone on activity '{activity.id}': no other "
                f"function is {others}",
                function=owner,
            )
