from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from raci.core.context import Context
from raci.core.view_rules import at_view, function_index
from raci.rules.base import Problem, Rule, RuleSettings


class AgreementSettings(RuleSettings):
    min_alpha: float = Field(
        0.667,
        ge=-1,
        le=1,
        description="lowest Krippendorff's alpha an activity's views may agree by",
    )


class LowAgreement(Rule):
    """The respondents agree too little on an activity's matrix row.

    Krippendorff's alpha (nominal) measures agreement beyond chance across every cell of
    the activity's row: 1 is full agreement, 0 what chance alone gives. Krippendorff
    accepts 0.8 and tentative conclusions from 0.667 (the default ``min_alpha``). A row
    below it needs a conversation before anyone is held to it. The finding points at the
    first cell where a view departs from the most given letter. An activity on which
    every answer is the same letter has no alpha (nothing varies) and passes. Only
    ``raci merge`` runs it; ``raci check`` has no views. In the examples, ``---``
    separates the views of two respondents (one file each).

    Failing example::

        version: 1
        x-respondent: {name: Chris, function: IC}
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - {id: launch, name: Run the launch, raci: {IC: A, HR: R}}
        ---
        version: 1
        x-respondent: {name: Dana, function: HR}
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - {id: launch, name: Run the launch, raci: {IC: R, HR: A}}

    Passing example::

        version: 1
        x-respondent: {name: Chris, function: IC}
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - {id: launch, name: Run the launch, raci: {IC: A, HR: R}}
        ---
        version: 1
        x-respondent: {name: Dana, function: HR}
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - {id: launch, name: Run the launch, raci: {IC: A, HR: R}}
    """

    code = "RACI022"
    name = "low-agreement"
    severity = "info"
    subject = "activity"
    Settings = AgreementSettings

    def check(self, context: Context, settings: AgreementSettings) -> Iterator[Problem]:
        merged = context.views
        if merged is None:
            return
        for activity in merged.activities:
            if activity.alpha is None or activity.alpha >= settings.min_alpha:
                continue
            disagreeing = activity.disagreements
            cell = disagreeing[0]
            common = max(cell.counts, key=lambda label: cell.counts[label])
            index = function_index(merged, cell.function)
            view = next(v for v, label in merged.answers(activity, index) if label != common)
            place = view.locate(activity.id, index)
            agreement = activity.agreement or 0.0
            message = (
                f"activity '{activity.id}' has low agreement: alpha {activity.alpha:.2f} "
                f"(min {settings.min_alpha:g}), {agreement:.0%} of answers agree; "
                f"{len(disagreeing)} of {len(activity.cells)} functions disputed "
                f"({', '.join(c.function for c in disagreeing)})"
            )
            yield at_view(context, place, message, activity.id, None)
