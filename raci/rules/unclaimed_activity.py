from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.scheme import Role
from raci.core.view_rules import at_view, function_index
from raci.core.views import NONE
from raci.rules.base import Problem, Rule


class UnclaimedActivity(Rule):
    """Nobody in the survey claims an activity's accountability.

    No respondent names an Accountable (A), or all who name one name the same function,
    which does not name itself. The quiet half of the ownership dilemma: IC thinks HR
    owns the community guidelines while HR thinks nobody asked it. When every view
    points away from itself, or at a function that did not answer the survey, nobody
    will do the work. The finding points at the named function's own cell in its own
    view (or, when nobody is named, at the row in the first view that answered it). Only
    ``raci merge`` runs it; ``raci check`` has no views. In the examples, ``---``
    separates the views of two respondents (one file each).

    Failing example::

        version: 1
        x-respondent: {name: Chris, function: IC}
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - {id: guidelines, name: Write the community guidelines, raci: {IC: C, HR: A}}
        ---
        version: 1
        x-respondent: {name: Dana, function: HR}
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - {id: guidelines, name: Write the community guidelines, raci: {IC: R, HR: I}}

    Passing example::

        version: 1
        x-respondent: {name: Chris, function: IC}
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - {id: guidelines, name: Write the community guidelines, raci: {IC: C, HR: A}}
        ---
        version: 1
        x-respondent: {name: Dana, function: HR}
        functions:
          IC: {name: Internal Communications}
          HR: {name: Human Resources}
        activities:
          - {id: guidelines, name: Write the community guidelines, raci: {IC: C, HR: A/R}}
    """

    code = "RACI020"
    name = "unclaimed-activity"
    severity = "warning"
    subject = "activity"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        merged = context.views
        if merged is None:
            return
        owner = merged.scheme.describe(Role.OWNER)
        views = merged.views
        for activity in merged.activities:
            if not activity.answered or len(activity.owners) > 1:
                continue
            if not activity.owners:
                first = views[activity.answered[0]]
                place = first.locate(activity.id, 0)
                message = f"no respondent names an {owner} for activity '{activity.id}'"
                yield at_view(context, place, message, activity.id, None)
                continue
            fid, naming = next(iter(activity.owners.items()))
            own = [n for n in activity.answered if views[n].function == fid]
            if any(n in naming for n in own):
                continue
            index = function_index(merged, fid)
            who = f"{len(naming)} of {len(activity.answered)} respondents"
            if own:
                view = views[own[0]]
                place = view.locate(activity.id, index)
                label = merged.answers(activity, index)[activity.answered.index(own[0])][1]
                message = (
                    f"activity '{activity.id}' is unclaimed: {who} name {fid} {owner}, "
                    f"but {view.label} does not ({fid}: {'blank' if label == NONE else label})"
                )
            else:
                place = views[naming[0]].locate(activity.id, index)
                message = (
                    f"activity '{activity.id}' is unclaimed: {who} name {fid} {owner}, "
                    f"and nobody from {fid} answered it"
                )
            yield at_view(context, place, message, activity.id, fid)
