from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from raci.core.context import Context
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, activity_problem


class HandoverWithoutOverlap(Rule):
    """A function takes an activity over without having worked on it in the phase before.

    An activity whose ``raci:`` is given per phase changes hands between phases. The
    dangerous moment is the handover: a new owner (A) that held no R or C on the
    activity in the phase before arrives cold, with nobody having shown it the work.
    Give the incoming owner an R or a C in the phase before it takes over (in other
    schemes, the letters that do the work or are consulted).

    Failing example::

        version: 1
        phases: [launch, run]
        functions:
          IC: {name: Internal Communications}
          OD: {name: Organisational Development}
        activities:
          - id: community
            name: Community management
            raci:
              launch: {IC: A/R}
              run: {OD: A, IC: R}

    Passing example::

        version: 1
        phases: [launch, run]
        functions:
          IC: {name: Internal Communications}
          OD: {name: Organisational Development}
        activities:
          - id: community
            name: Community management
            raci:
              launch: {IC: A/R, OD: C}
              run: {OD: A, IC: R}
    """

    code = "RACI023"
    name = "handover-without-overlap"
    severity = "warning"
    subject = "activity + function (the new owner)"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        scheme = context.model.scheme
        owner = scheme.describe(Role.OWNER)
        overlap = f"{scheme.describe(Role.WORKER)} or {scheme.describe(Role.CONSULTED)}"
        for parts in context.staged:
            for before, after in pairwise(parts):
                for fid in after.owners:
                    held = before.raci.get(fid)
                    if held is not None and (held.owner or held.worker or held.consulted):
                        continue
                    yield activity_problem(
                        after,
                        f"function '{fid}' becomes {owner} for activity '{after.id}' without "
                        f"having been {overlap} on it in phase '{before.stage}': give it a part "
                        "in the phase before the handover",
                        at=("raci", fid),
                        key=True,
                        function=fid,
                    )
