from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.scheme import Role
from raci.core.words import plural
from raci.rules.base import Problem, Rule, function_problem


class IdleFunction(Rule):
    """A function is only ever Consulted or Informed: it owns and does nothing.

    Not a fault in itself, but a question worth asking: in an adoption programme the
    functions that only watch (often HR, OD or Brand) are the ones whose levers the
    programme misses. Consider giving it an R or an A.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          Brand: {name: Brand}
        activities:
          - {id: branding, name: Brand the network, raci: {IC: A/R, Brand: C}}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          Brand: {name: Brand}
        activities:
          - {id: branding, name: Brand the network, raci: {Brand: A/R, IC: C}}
          - {id: launch, name: Run the launch, raci: {IC: A/R, Brand: C}}
    """

    code = "RACI015"
    name = "idle-function"
    severity = "info"
    subject = "function"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        scheme = context.model.scheme
        roles = scheme.describe(Role.OWNER, Role.WORKER)
        for fid, stats in context.stats.items():
            if stats.assignments and not stats.accountable and not stats.responsible:
                yield function_problem(
                    context.model.functions[fid],
                    f"function '{fid}' is never {roles}: it appears only on "
                    f"{plural(stats.consulted + stats.informed, 'activity')} as input or audience",
                )
