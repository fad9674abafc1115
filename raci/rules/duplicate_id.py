from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.rules.base import Problem, Rule, activity_problem, function_problem


class DuplicateId(Rule):
    """Two activities share an id, or two files of a directory define the same function.

    Ids are how dependencies, waivers, reports and diffs find an activity or a
    function; a repeated id makes every one of them ambiguous. The finding points at
    the second definition.

    Failing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
        activities:
          - id: training
            name: Train community managers
            raci: {IC: A/R}
          - id: training
            name: Train end users
            raci: {IC: A/R}

    Passing example::

        version: 1
        functions:
          IC: {name: Internal Communications}
        activities:
          - id: training-managers
            name: Train community managers
            raci: {IC: A/R}
          - id: training-users
            name: Train end users
            raci: {IC: A/R}
    """

    code = "RACI005"
    name = "duplicate-id"
    severity = "error"
    subject = "activity or function"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        first = context.activity_ids
        for activity in context.model.activities:
            original = first[activity.id]
            same = original.document is activity.document and original.index == activity.index
            if not same:  # the phases of one activity share its id
                line, _ = original.document.locate(original.path)
                yield activity_problem(
                    activity,
                    f"activity id '{activity.id}' is already used by the activity at "
                    f"{original.document.name}:{line}",
                )
        for function in context.model.redefined:
            defined = context.model.functions[function.id]
            line, _ = defined.document.locate(defined.path, key=True)
            yield function_problem(
                function,
                f"function '{function.id}' is already defined at {defined.document.name}:{line}",
            )
