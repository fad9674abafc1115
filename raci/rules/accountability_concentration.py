from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from raci.core.context import Context, hhi
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, RuleSettings

MIN_ACTIVITIES = 5


class ConcentrationSettings(RuleSettings):
    max_hhi: float = Field(
        0.25, gt=0, le=1, description="highest Herfindahl-Hirschman index of accountability"
    )


class AccountabilityConcentration(Rule):
    """Accountability is concentrated in too few functions.

    The Herfindahl-Hirschman index (HHI) sums the squared share of activities each
    function is accountable for. One owner of everything gives 1.0; four functions
    sharing equally give 0.25. Above ``max_hhi`` the programme rests on too few
    shoulders, even when no single function crosses an overload threshold. ``1 / HHI``
    is the effective number of owners. Checked in models of five activities or more.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - {id: vision, name: Agree the vision, raci: {IC: A, HR: R}}
          - {id: policy, name: Write the usage policy, raci: {IC: A, HR: R}}
          - {id: launch, name: Run the launch, raci: {IC: A/R}}
          - {id: training, name: Train users, raci: {HR: A/R}}
          - {id: onboarding, name: Onboard new joiners, raci: {HR: A/R}}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
          OD: {name: Organisational Development}
          IT: {name: Information Technology}
          Brand: {name: Brand}
        activities:
          - {id: vision, name: Agree the vision, raci: {OD: A, IC: R}}
          - {id: policy, name: Write the usage policy, raci: {HR: A, IC: R}}
          - {id: launch, name: Run the launch, raci: {IC: A/R}}
          - {id: platform, name: Configure the platform, raci: {IT: A/R}}
          - {id: branding, name: Brand the network, raci: {Brand: A, IC: R}}
    """

    code = "RACI012"
    name = "accountability-concentration"
    severity = "warning"
    subject = "model"
    Settings = ConcentrationSettings

    def check(self, context: Context, settings: ConcentrationSettings) -> Iterator[Problem]:
        model = context.model
        total = len(model.activities)
        if total < MIN_ACTIVITIES:
            return
        owned = {fid: stats.accountable for fid, stats in context.stats.items()}
        index = hhi(owned, total)
        if index <= settings.max_hhi:
            return
        top = max(owned, key=owned.__getitem__)
        owner = model.scheme.describe(Role.OWNER)
        document = next((doc for doc in model.documents if "activities" in doc.data), None)
        document = document or model.documents[0]
        yield Problem(
            f"accountability is concentrated: HHI {index:.3f} > {settings.max_hhi:g} "
            f"({1 / index:.1f} effective owners); '{top}' is {owner} for {owned[top]} of "
            f"{total} activities",
            document,
            ("activities",),
            key=True,
        )
