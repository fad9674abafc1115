from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.scheme import Role
from raci.core.view_rules import at_view, function_index, owners_named, who_names
from raci.rules.base import Problem, Rule


class ContestedAccountable(Rule):
    """Respondents name different functions Accountable (A) for one activity.

    Each function believes someone else owns the work: the classic finding of a
    responsibility-charting workshop. ``raci merge`` reports it when the returned views
    (``raci survey``) disagree on who owns an activity; the finding points at the cell
    of the first view that differs from the most named owner, and the message says who
    named whom. Settle it in the workshop: one function owns the outcome. Only ``raci
    merge`` runs it; ``raci check`` has no views. In the examples, ``---`` separates the
    views of two respondents (one file each).

    Failing example::

        version: 1
        x-respondent: {name: Ines, function: IT}
        functions:
          IC: {name: Internal Communications}
          IT: {name: Information Technology}
        activities:
          - {id: adoption, name: Drive adoption, raci: {IC: A, IT: R}}
        ---
        version: 1
        x-respondent: {name: Chris, function: IC}
        functions:
          IC: {name: Internal Communications}
          IT: {name: Information Technology}
        activities:
          - {id: adoption, name: Drive adoption, raci: {IC: R, IT: A}}

    Passing example::

        version: 1
        x-respondent: {name: Ines, function: IT}
        functions:
          IC: {name: Internal Communications}
          IT: {name: Information Technology}
        activities:
          - {id: adoption, name: Drive adoption, raci: {IC: A, IT: R}}
        ---
        version: 1
        x-respondent: {name: Chris, function: IC}
        functions:
          IC: {name: Internal Communications}
          IT: {name: Information Technology}
        activities:
          - {id: adoption, name: Drive adoption, raci: {IC: A, IT: C}}
    """

    code = "RACI019"
    name = "contested-accountable"
    severity = "warning"
    subject = "activity"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        merged = context.views
        if merged is None:
            return
        owner = merged.scheme.describe(Role.OWNER)
        order = list(merged.functions)
        for activity in merged.activities:
            if len(activity.owners) < 2:
                continue
            top = max(activity.owners, key=lambda f: (len(activity.owners[f]), -order.index(f)))
            named = owners_named(merged, activity)
            number, fids = next((n, f) for n, f in named.items() if f != [top])
            other = next((fid for fid in fids if fid != top), top)
            view = merged.views[number]
            place = view.locate(activity.id, function_index(merged, other))
            message = (
                f"activity '{activity.id}' has a contested {owner}: {who_names(merged, activity)}"
            )
            yield at_view(context, place, message, activity.id, None)
