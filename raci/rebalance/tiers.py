"""Who may take a role on an activity, in tiers from the closest to the biggest stretch.

A function that already does the work (the scheme's worker role, or the owner) is the
closest; then one Consulted (any say, such as RAPID's Input or Agree), one listed under
``eligible:``, one only Informed, and last any other function of the model, not on the
activity yet. ``--only-involved`` stops after ``eligible:`` (the behaviour before the
tiers existed); ``--never`` removes a function from every tier.
"""

from __future__ import annotations

from collections.abc import Callable

from raci.core.model import Activity, Model
from raci.core.scheme import Assignment
from raci.rebalance.flow import INFORMED, OTHER, Candidate

WORKING, CONSULTED, ELIGIBLE = 0, 1, 2

NAMES = {
    WORKING: "working",
    CONSULTED: "consulted",
    ELIGIBLE: "eligible",
    INFORMED: "informed",
    OTHER: "new",
}
"""The tier of a move in JSON output."""


def tier_of(activity: Activity, fid: str) -> int:
    held = activity.raci.get(fid)
    if held is not None and (held.owner or held.worker):
        return WORKING
    if held is not None and held.consulted:
        return CONSULTED
    if fid in activity.eligible:
        return ELIGIBLE
    return INFORMED if held is not None else OTHER


def candidates(
    model: Model,
    activity: Activity,
    never: set[str],
    holds: Callable[[Assignment], bool],
    involved_only: bool,
) -> list[Candidate]:
    """The explicit candidates, in ``raci:`` order then ``eligible:`` order; functions
    not on the activity join through ``Demand.open`` unless ``involved_only``."""
    found: dict[str, Candidate] = {}
    informed: list[Candidate] = []
    functions = model.functions
    for fid, held in activity.raci.items():
        if fid not in functions or fid in never:
            continue
        if held.owner or held.worker:
            found[fid] = Candidate(fid, holds(held), WORKING)
        elif held.consulted:
            found[fid] = Candidate(fid, holds(held), CONSULTED)
        elif not involved_only and fid not in activity.eligible:
            informed.append(Candidate(fid, holds(held), INFORMED))
    for fid in activity.eligible:
        if fid in functions and fid not in never and fid not in found:
            held_here = activity.raci.get(fid)
            found[fid] = Candidate(fid, held_here is not None and holds(held_here), ELIGIBLE)
    return [*found.values(), *informed]
