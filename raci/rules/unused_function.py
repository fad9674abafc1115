from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.rules.base import Problem, Rule, function_problem


class UnusedFunction(Rule):
    """A function is defined but appears in no assignment at all.

    Either the function was forgotten (a gap in the matrix) or it no longer takes part
    and its definition should go.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          Legal: {name: Legal}
        activities:
          - {id: launch, name: Run the launch, raci: {IC: A/R}}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          Legal: {name: Legal}
        activities:
          - {id: launch, name: Run the launch, raci: {IC: A/R, Legal: C}}
    """

    code = "RACI016"
    name = "unused-function"
    severity = "warning"
    subject = "function"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        for fid, stats in context.stats.items():
            if not stats.assignments:
                yield function_problem(
                    context.model.functions[fid],
                    f"function '{fid}' is defined but holds no assignment on any activity",
                )
