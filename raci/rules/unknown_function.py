from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.suggest import closest_function, function_hint, function_named, hint
from raci.rules.base import Problem, Rule, activity_problem


class UnknownFunction(Rule):
    """An assignment names a function that is not defined under ``functions:``.

    Usually a typo or a team that was renamed; the assignment counts for nobody until
    the id matches a function. Ids are case-sensitive. An id listed under an activity's
    ``eligible:`` (functions ``raci rebalance`` may hand it to) must name a function too.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: launch-campaign
            name: Run the launch campaign
            raci: {HR: A, Comms: R}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - id: launch-campaign
            name: Run the launch campaign
            raci: {HR: A, IC: R}
    """

    code = "RACI004"
    name = "unknown-function"
    severity = "error"
    subject = "activity + function"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        functions = context.model.functions
        names = {fid: function.name for fid, function in functions.items()}
        hints: dict[str, str] = {}
        for activity in context.model.activities:
            for fid in activity.raci:
                if fid not in functions:
                    if fid not in hints:
                        hints[fid] = _hint(fid, names)
                    suggestion = hints[fid]
                    yield activity_problem(
                        activity,
                        f"activity '{activity.id}' assigns '{fid}', which is not a function"
                        f"{suggestion}",
                        at=("raci", fid),
                        key=True,
                        function=fid,
                    )
            for position, fid in enumerate(activity.eligible):
                if fid not in functions and fid not in activity.eligible[:position]:
                    if fid not in hints:
                        hints[fid] = _hint(fid, names)
                    yield activity_problem(
                        activity,
                        f"activity '{activity.id}' lists '{fid}' under eligible, which is not "
                        f"a function{hints[fid]}",
                        at=("eligible", position),
                        function=fid,
                    )


def _hint(fid: str, names: dict[str, str]) -> str:
    """A function's name written as its id (``Marketing`` for ``Mkt``) gets the id with
    the name; any other near miss the plain "did you mean 'IC'?"."""
    if function_named(fid, names) is not None:
        return function_hint(fid, names)
    return hint(closest_function(fid, names))
