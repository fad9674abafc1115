from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from raci.core.context import Context
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, RuleSettings, activity_problem


class ConsultedSettings(RuleSettings):
    max: int = Field(4, ge=0, description="most functions that may be Consulted on one activity")


class TooManyConsulted(Rule):
    """More than ``max`` functions are Consulted on one activity.

    Every C is a conversation before the work can move. Past a handful, consultation
    becomes a committee and the activity stalls; inform some functions instead, or
    waive the rule with a reason where broad consultation is deliberate.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
          OD: {name: Organisational Development}
          IT: {name: Information Technology}
          InfoSec: {name: Information Security}
          Brand: {name: Brand}
        activities:
          - id: usage-policy
            name: Write the usage policy
            raci: {IC: A/R, HR: C, OD: C, IT: C, InfoSec: C, Brand: C}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
          OD: {name: Organisational Development}
          IT: {name: Information Technology}
          InfoSec: {name: Information Security}
          Brand: {name: Brand}
        activities:
          - id: usage-policy
            name: Write the usage policy
            raci: {IC: A/R, HR: C, OD: C, IT: I, InfoSec: C, Brand: I}
    """

    code = "RACI013"
    name = "too-many-consulted"
    severity = "warning"
    subject = "activity"
    Settings = ConsultedSettings

    def check(self, context: Context, settings: ConsultedSettings) -> Iterator[Problem]:
        consulted = context.model.scheme.describe(Role.CONSULTED)
        for activity in context.model.activities:
            if len(activity.consulted) > settings.max:
                yield activity_problem(
                    activity,
                    f"activity '{activity.id}' has {len(activity.consulted)} functions "
                    f"{consulted} (max {settings.max}): {', '.join(activity.consulted)}",
                )
