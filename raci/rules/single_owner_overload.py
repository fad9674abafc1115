from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from raci.core.context import Context, FunctionStats
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, RuleSettings, function_problem

MIN_ACTIVITIES_FOR_SHARES = 5


class OverloadSettings(RuleSettings):
    max_accountable: int = Field(8, ge=0, description="most activities one function may own (A)")
    max_responsible: int = Field(
        12, ge=0, description="most activities one function may do the work on (R)"
    )
    max_accountable_share: float = Field(
        0.4, ge=0, le=1, description="largest share of all activities one function may own"
    )
    max_responsible_share: float = Field(
        0.5, ge=0, le=1, description="largest share of all activities one function may do"
    )
    per_phase: bool = Field(
        False,
        description=(
            "also apply the limits within each phase, shares taken of that phase's activities"
        ),
    )


class SingleOwnerOverload(Rule):
    """One function is made the owner of too much of the programme.

    The classic failure of a change programme: Internal Communications is handed
    "drive adoption" while HR, OD, IT, InfoSec, Marketing and Brand stand back. A
    function accountable for more than ``max_accountable`` activities (or responsible
    for more than ``max_responsible``) is overloaded; so is one accountable for more
    than ``max_accountable_share`` (or responsible for more than
    ``max_responsible_share``) of all activities, in models of five activities or more.
    Share the load: move accountability to the functions that hold the levers. With
    ``per_phase: true`` the same limits also apply within each phase (its activities
    only), so a function that owns all of the launch is caught even when the year
    looks balanced.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - {id: vision, name: Agree the vision, raci: {IC: A/R, HR: C}}
          - {id: policy, name: Write the usage policy, raci: {IC: A/R, HR: C}}
          - {id: launch, name: Run the launch, raci: {IC: A/R, HR: I}}
          - {id: training, name: Train users, raci: {IC: A/R, HR: C}}
          - {id: onboarding, name: Onboard new joiners, raci: {HR: A/R, IC: C}}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
          IT: {name: Information Technology}
        activities:
          - {id: vision, name: Agree the vision, raci: {HR: A, IC: R}}
          - {id: policy, name: Write the usage policy, raci: {HR: A/R, IC: C}}
          - {id: launch, name: Run the launch, raci: {IC: A/R, HR: I}}
          - {id: training, name: Train users, raci: {IT: A, HR: R}}
          - {id: onboarding, name: Onboard new joiners, raci: {IT: A/R, IC: C}}
    """

    code = "RACI008"
    name = "single-owner-overload"
    severity = "warning"
    subject = "function"
    Settings = OverloadSettings

    def check(self, context: Context, settings: OverloadSettings) -> Iterator[Problem]:
        functions = context.model.functions
        total = len(context.model.activities)
        for fid, stats in context.stats.items():
            reasons = _reasons(context, stats, total, settings)
            if reasons:
                yield function_problem(
                    functions[fid],
                    f"function '{fid}' is overloaded: {' and '.join(reasons)}; share the load",
                )
        if not settings.per_phase:
            return
        for phase, by_function in context.phase_stats.items():
            count = len(context.phase_activities[phase])
            for fid, stats in by_function.items():
                reasons = _reasons(context, stats, count, settings)
                if reasons:
                    yield function_problem(
                        functions[fid],
                        f"function '{fid}' is overloaded in phase '{phase}': "
                        f"{' and '.join(reasons)}; share the load",
                    )


def _reasons(
    context: Context, stats: FunctionStats, total: int, settings: OverloadSettings
) -> list[str]:
    """Why a function holding ``stats`` of ``total`` activities is overloaded, if it is."""
    scheme = context.model.scheme
    owner = scheme.describe(Role.OWNER)
    worker = scheme.describe(Role.WORKER)
    shares = total >= MIN_ACTIVITIES_FOR_SHARES
    reasons = []
    owned, worked = stats.accountable, stats.responsible
    if owned > settings.max_accountable:
        reasons.append(f"{owner} for {owned} activities (max {settings.max_accountable})")
    elif shares and owned / total > settings.max_accountable_share:
        reasons.append(
            f"{owner} for {owned} of {total} activities ({owned / total:.0%}, "
            f"max {settings.max_accountable_share:.0%})"
        )
    if worked > settings.max_responsible:
        reasons.append(f"{worker} for {worked} activities (max {settings.max_responsible})")
    elif shares and worked / total > settings.max_responsible_share:
        reasons.append(
            f"{worker} for {worked} of {total} activities ({worked / total:.0%}, "
            f"max {settings.max_responsible_share:.0%})"
        )
    return reasons
