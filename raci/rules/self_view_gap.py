from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from raci.core.context import Context
from raci.core.scheme import Role
from raci.core.view_rules import at_view, function_index
from raci.rules.base import Problem, Rule, RuleSettings


class SelfViewSettings(RuleSettings):
    max_gap: int = Field(
        3,
        ge=0,
        description="most activities by which a function's own count of a role may differ "
        "from the others' count",
    )


class SelfViewGap(Rule):
    """A function sees its own role very differently from how the others see it.

    "Role conception" against "role expectation" (Smith & Erwin): IC sees itself
    Responsible for 9 activities while the others see IC Responsible for 21. The gap is
    counted for the owning and the working role, on the activities both sides answered
    (each side by a majority of its respondents); over ``max_gap`` activities it is
    reported, at the function's own view, on the first activity where the two sides
    differ. Only ``raci merge`` runs it; ``raci check`` has no views. In the examples,
    ``---`` separates the views of two respondents (one file each).

    Failing example::

        version: 1
        x-respondent: {name: Chris, function: IC}
        rules: {self-view-gap: {max_gap: 0}}
        functions:
          IC: {name: Internal Communications}
          IT: {name: Information Technology}
        activities:
          - {id: adoption, name: Drive adoption, raci: {IC: C, IT: A/R}}
        ---
        version: 1
        x-respondent: {name: Ines, function: IT}
        functions:
          IC: {name: Internal Communications}
          IT: {name: Information Technology}
        activities:
          - {id: adoption, name: Drive adoption, raci: {IC: A/R, IT: C}}

    Passing example::

        version: 1
        x-respondent: {name: Chris, function: IC}
        rules: {self-view-gap: {max_gap: 0}}
        functions:
          IC: {name: Internal Communications}
          IT: {name: Information Technology}
        activities:
          - {id: adoption, name: Drive adoption, raci: {IC: A/R, IT: C}}
        ---
        version: 1
        x-respondent: {name: Ines, function: IT}
        functions:
          IC: {name: Internal Communications}
          IT: {name: Information Technology}
        activities:
          - {id: adoption, name: Drive adoption, raci: {IC: A/R, IT: C}}
    """

    code = "RACI021"
    name = "self-view-gap"
    severity = "warning"
    subject = "function"
    Settings = SelfViewSettings

    def check(self, context: Context, settings: SelfViewSettings) -> Iterator[Problem]:
        merged = context.views
        if merged is None:
            return
        for seen in merged.perception:
            role = Role(seen.role)
            if role not in (Role.OWNER, Role.WORKER) or seen.gap is None:
                continue
            if abs(seen.gap) <= settings.max_gap or seen.first_difference is None:
                continue
            view = next(view for view in merged.views if view.function == seen.function)
            words = merged.scheme.describe(role)
            place = view.locate(seen.first_difference, function_index(merged, seen.function))
            message = (
                f"{seen.function} sees itself {words} for {_count(seen.own or 0)}; the others "
                f"see {seen.function} {words} for {_count(seen.others)} "
                f"(a gap of {abs(seen.gap)}, max {settings.max_gap}; first: "
                f"'{seen.first_difference}')"
            )
            yield at_view(context, place, message, None, seen.function)


def _count(number: int) -> str:
    return f"{number} activit{'y' if number == 1 else 'ies'}"
