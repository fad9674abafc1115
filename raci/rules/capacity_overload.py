from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.words import percent
from raci.rules.base import Problem, Rule, function_problem


class CapacityOverload(Rule):
    """A function's load exceeds its ``capacity``.

    Each activity's ``effort`` (default 1) is shared equally among the functions that
    do the work on it (R; an A/R counts as R; an A alone carries none; in other schemes
    the letters that do the work: S in RASCI, the Driver in DACI, Recommend and Perform
    in RAPID). A function whose share adds up to more than the capacity it declared
    cannot deliver on time.

    Failing example::

        version: 1
        functions:
          IT: {name: Information Technology, capacity: 3}
          InfoSec: {name: Information Security}
        activities:
          - {id: sso, name: Configure single sign-on, effort: 2, raci: {IT: A/R}}
          - {id: guests, name: Set up guest access, effort: 2, raci: {InfoSec: A, IT: R}}

    Passing example::

        version: 1
        functions:
          IT: {name: Information Technology, capacity: 3}
          InfoSec: {name: Information Security}
        activities:
          - {id: sso, name: Configure single sign-on, effort: 2, raci: {IT: A/R}}
          - {id: guests, name: Set up guest access, effort: 2, raci: {InfoSec: A/R, IT: R}}
    """

    code = "RACI009"
    name = "capacity-overload"
    severity = "warning"
    subject = "function"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        for fid, stats in context.stats.items():
            function = context.model.functions[fid]
            capacity = function.capacity
            if capacity is not None and stats.load > capacity + 1e-9:
                yield function_problem(
                    function,
                    f"function '{fid}' carries {stats.load:g} effort units against a capacity "
                    f"of {capacity:g} ({percent(stats.load / capacity)})",
                )
