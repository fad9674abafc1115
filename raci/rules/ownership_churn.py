from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from pydantic import Field

from raci.core.context import Context
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, RuleSettings


class ChurnSettings(RuleSettings):
    max_changes: int = Field(
        2, ge=0, description="most times the owner (A) of one activity may change between phases"
    )


class OwnershipChurn(Rule):
    """The owner of an activity changes more than ``max_changes`` times between phases.

    Each handover costs context and momentum; an activity passed from function to
    function at every phase belongs to nobody for long. Counted over the phases of an
    activity whose ``raci:`` is given per phase: each phase whose A differs from the
    phase before is a change.

    Failing example::

        version: 1
        phases: [prepare, launch, run]
        functions:
          IC: {name: Internal Communications}
          OD: {name: Organisational Development}
        activities:
          - id: champions
            name: Run the champions network
            raci:
              prepare: {OD: A/R, IC: C}
              launch: {IC: A/R, OD: C}
              run: {OD: A/R, IC: C}
        rules:
          ownership-churn: {max_changes: 1}

    Passing example::

        version: 1
        phases: [prepare, launch, run]
        functions:
          IC: {name: Internal Communications}
          OD: {name: Organisational Development}
        activities:
          - id: champions
            name: Run the champions network
            raci:
              prepare: {OD: A/R, IC: C}
              launch: {OD: A/R, IC: R}
              run: {IC: A/R, OD: C}
        rules:
          ownership-churn: {max_changes: 1}
    """

    code = "RACI025"
    name = "ownership-churn"
    severity = "warning"
    subject = "activity"
    Settings = ChurnSettings

    def check(self, context: Context, settings: ChurnSettings) -> Iterator[Problem]:
        owner = context.model.scheme.describe(Role.OWNER)
        for parts in context.staged:
            changes = sum(
                1 for before, after in pairwise(parts) if set(before.owners) != set(after.owners)
            )
            if changes <= settings.max_changes:
                continue
            first = parts[0]
            trail = " -> ".join("+".join(part.owners) or "nobody" for part in parts)
            yield Problem(
                f"activity '{first.id}' changes {owner} {changes} times ({trail}; max "
                f"{settings.max_changes}): keep one owner across more phases",
                first.document,
                (*first.path, "raci"),
                True,
                first,
            )
