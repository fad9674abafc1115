"""The report's "what if" section: what breaks if the most loaded function steps back.

This is the one place the report asks the what-if question, behind a small adapter
(:func:`what_if`), so the report can switch to the full ``raci whatif`` library
(``raci.whatif.without``) by changing this function alone: the renderers read only
:class:`WhatIfView`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.report.fmt import number, plural
from raci.scheme import Role

if TYPE_CHECKING:
    from raci.context import Context
    from raci.metrics import FunctionMetrics


@dataclass(frozen=True, slots=True)
class Orphan:
    """An activity that loses its only owner, or the only function doing the work."""

    activity: str
    name: str
    missing: list[str]
    """The roles nobody else holds, in the scheme's words: ``Accountable (A)``."""
    candidates: list[str]
    """Functions already on the activity (doing the work, owning it, consulted), who could
    take over."""


@dataclass(frozen=True, slots=True)
class WhatIfView:
    function: str
    name: str
    reason: str
    """Why this function was chosen: what makes it the most loaded."""
    held: int
    """Activities on which it owns the outcome or does the work."""
    load: float
    uncovered: float
    """Effort of the activities where it was the only one doing the work."""
    orphaned: list[Orphan]

    def lead(self) -> str:
        """The opening sentence, in plain text."""
        return (
            f"{self.name} ({self.function}) is the most loaded function: {self.reason}. "
            f"It owns or does the work on {plural(self.held, 'activity')}."
        )

    def outcome(self) -> str:
        """What breaks, in plain text."""
        if not self.orphaned:
            return "Every one of them keeps an owner and someone doing the work."
        count = len(self.orphaned)
        these = "this activity loses" if count == 1 else f"these {count} activities lose"
        return (
            f"Without it, {these} their only owner or the only function doing the work; "
            f"{number(self.uncovered)} effort units would have nobody to carry them:"
        )


ORPHAN_HEADERS = ["Activity", "Loses its only", "Could take over (already involved)"]


def most_loaded(load: list[FunctionMetrics]) -> FunctionMetrics | None:
    """The first of ``load`` (sorted most loaded first), if it holds anything at all."""
    if not load:
        return None
    top = load[0]
    return top if top.load or top.accountable or top.responsible else None


def what_if(context: Context, function: str) -> WhatIfView:
    """What the model loses if ``function`` holds nothing any more."""
    model = context.model
    scheme = model.scheme
    stats = context.stats[function]
    orphaned: list[Orphan] = []
    held = 0
    uncovered = 0.0
    for activity in model.activities:
        if function not in activity.owners and function not in activity.workers:
            continue
        held += 1
        missing = []
        if activity.owners == [function]:
            missing.append(scheme.describe(Role.OWNER))
        workers = [fid for fid in activity.workers if fid != function]
        if activity.workers and not workers:
            missing.append(scheme.describe(Role.WORKER))
            uncovered += activity.effort
        if missing:
            involved = (*workers, *activity.owners, *activity.consulted)
            others = [fid for fid in involved if fid != function]
            candidates = list(dict.fromkeys(others))
            orphaned.append(Orphan(activity.id, activity.name, missing, candidates))
    if stats.load:
        reason = f"it carries the most load ({number(stats.load)} effort units)"
    else:
        reason = (
            f"it is {scheme.describe(Role.OWNER)} for the most activities ({stats.accountable})"
        )
    return WhatIfView(
        function=function,
        name=model.functions[function].name,
        reason=reason,
        held=held,
        load=stats.load,
        uncovered=uncovered,
        orphaned=orphaned,
    )
