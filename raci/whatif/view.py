"""The report's "what if" section: what breaks if the most loaded function steps back.

The question is answered by the ``raci whatif`` library (:func:`raci.whatif.without`);
this module only shapes its answer for the report's renderers, which read
:class:`WhatIfView`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.core.scheme import Role
from raci.core.words import labelled
from raci.output.report.fmt import number, plural

if TYPE_CHECKING:
    from raci.core.context import Context
    from raci.core.metrics import FunctionMetrics
    from raci.engine import Report


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
    new_findings: list[str]
    """The warnings and errors that appear once the function has stepped back, besides
    the missing owners and workers the orphans already show."""

    def lead(self) -> str:
        """The opening sentence, in plain text."""
        return (
            f"{labelled(self.name, self.function)} is the most loaded function: {self.reason}. "
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

    def findings_lead(self) -> str:
        count = len(self.new_findings)
        return f"And {plural(count, 'new finding')} would appear:"


_SHOWN_ABOVE = frozenset({"missing-accountable", "missing-responsible"})
"""The table of orphaned activities already says what these findings would."""

ORPHAN_HEADERS = ["Activity", "Loses its only", "Could take over (already involved)"]


def most_loaded(load: list[FunctionMetrics]) -> FunctionMetrics | None:
    """The first of ``load`` (sorted most loaded first), if it holds anything at all."""
    if not load:
        return None
    top = load[0]
    return top if top.load or top.accountable or top.responsible else None


def what_if(context: Context, function: str, report: Report | None = None) -> WhatIfView:
    """What the model loses if ``function`` holds nothing any more; ``report`` is the
    check of the model, whose settings and findings are reused when given."""
    from raci.whatif import without

    model = context.model
    scheme = model.scheme
    stats = context.stats[function]
    if report is not None and report.models and report.models[0] is model:
        findings = [found for found in report.findings if not found.is_input_error]
        result = without(model, [function], report.settings[0], context=context, findings=findings)
    else:
        result = without(model, [function])
    gaps: dict[str, Orphan] = {}
    for gaps_of, role in ((result.without_owner, Role.OWNER), (result.without_worker, Role.WORKER)):
        for gap in gaps_of:
            orphan = gaps.setdefault(
                gap.activity, Orphan(gap.activity, gap.name, [], [t.function for t in gap.takers])
            )
            orphan.missing.append(scheme.describe(role))
            for taker in gap.takers:
                if taker.function not in orphan.candidates:
                    orphan.candidates.append(taker.function)
    order = {activity.id: index for index, activity in enumerate(model.activities)}
    held = sum(
        1
        for activity in model.activities
        if function in activity.owners or function in activity.workers
    )
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
        uncovered=sum(gap.effort for gap in result.without_worker),
        orphaned=sorted(gaps.values(), key=lambda orphan: order[orphan.activity]),
        new_findings=[
            f"{finding.severity} {finding.rule}: {finding.message}"
            for finding in result.new_findings
            if finding.severity != "info" and finding.rule not in _SHOWN_ABOVE
        ],
    )
