from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from raci.core.context import Context
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, RuleSettings, activity_problem


class ResponsibleSettings(RuleSettings):
    max: int = Field(3, ge=1, description="most functions that may be Responsible on one activity")


class TooManyResponsible(Rule):
    """More than ``max`` functions are Responsible on one activity: split it.

    When many functions all do "the work", nobody knows which part is theirs. An
    activity with more than ``max`` R holders is really several activities; split it
    so each has a clear doer.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
          OD: {name: Organisational Development}
          IT: {name: Information Technology}
        activities:
          - id: launch
            name: Launch the network
            raci: {IC: A/R, HR: R, OD: R, IT: R}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
          OD: {name: Organisational Development}
          IT: {name: Information Technology}
        activities:
          - id: launch-comms
            name: Launch communications
            raci: {IC: A/R, HR: R, OD: C}
          - id: launch-platform
            name: Open the platform
            raci: {IT: A/R, OD: R}
    """

    code = "RACI014"
    name = "too-many-responsible"
    severity = "warning"
    subject = "activity"
    Settings = ResponsibleSettings

    def check(self, context: Context, settings: ResponsibleSettings) -> Iterator[Problem]:
        worker = context.model.scheme.describe(Role.WORKER)
        for activity in context.model.activities:
            if len(activity.workers) > settings.max:
                yield activity_problem(
                    activity,
                    f"activity '{activity.id}' has {len(activity.workers)} functions {worker} "
                    f"(max {settings.max}): {', '.join(activity.workers)}; split it",
                )
