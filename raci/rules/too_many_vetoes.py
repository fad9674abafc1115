from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from raci.core.context import Context
from raci.core.scheme import spell
from raci.rules.base import Problem, Rule, RuleSettings, activity_problem


class VetoSettings(RuleSettings):
    max: int = Field(
        2, ge=0, description="most functions that may hold a veto (RAPID's Agree) on one activity"
    )


class TooManyVetoes(Rule):
    """More than ``max`` functions hold a veto on one activity.

    In RAPID the Agree (A) must sign off before the Decide (D) can act: every A is a
    veto. Bain keeps Agree for the few functions with a real mandate (Legal on
    regulation, InfoSec on data); past a couple the decision stalls while each one is
    won over, and the D no longer decides. Make the others Input (I), or waive the rule
    with a reason. Applies to schemes with a veto letter (today RAPID).

    Failing example::

        version: 1
        scheme: rapid
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
          Legal: {name: Legal}
          InfoSec: {name: Information Security}
          Exec: {name: Executive sponsor}
        activities:
          - id: usage-policy
            name: Decide the acceptable-use policy
            raci: {IC: R, HR: A, Legal: A, InfoSec: A, Exec: D}

    Passing example::

        version: 1
        scheme: rapid
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
          Legal: {name: Legal}
          InfoSec: {name: Information Security}
          Exec: {name: Executive sponsor}
        activities:
          - id: usage-policy
            name: Decide the acceptable-use policy
            raci: {IC: R, HR: I, Legal: A, InfoSec: A, Exec: D}
    """

    code = "RACI018"
    name = "too-many-vetoes"
    severity = "warning"
    subject = "activity"
    Settings = VetoSettings

    def check(self, context: Context, settings: VetoSettings) -> Iterator[Problem]:
        letters = context.model.scheme.vetoes
        if not letters:
            return
        vetoes = spell(letters)
        for activity in context.model.activities:
            holders = [fid for fid, held in activity.raci.items() if held.veto]
            if len(holders) > settings.max:
                yield activity_problem(
                    activity,
                    f"activity '{activity.id}' has {len(holders)} functions {vetoes} "
                    f"(max {settings.max}): {', '.join(holders)}; each can block the outcome",
                )
