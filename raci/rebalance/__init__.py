"""Propose the fewest reassignments that clear overload: ``raci rebalance``.

::

    from raci.rebalance import Options, propose

    plan = propose(model, Options(max_accountable=6, keep=("exec-sponsorship",)))
    if plan.feasible:
        print([move.as_dict() for move in plan.moves])
        fixed_text = plan.apply(original_text)      # or plan.apply(model) -> Model

Who is Accountable for each activity (and, with ``responsible``, who is Responsible)
is chosen by a min-cost flow (:mod:`raci.rebalance.flow`) so that no function breaks
``single-owner-overload`` or, where capacities are set, ``capacity-overload`` (per
phase where the capacity is given and checked per phase), while
as few assignments as possible change and the load spreads evenly.
"""

from __future__ import annotations

from raci.rebalance.limits import settings_layers
from raci.rebalance.moves import Move
from raci.rebalance.options import Options
from raci.rebalance.plan import FunctionLoad, PhaseLoad, Plan, propose

__all__ = [
    "FunctionLoad",
    "Move",
    "Options",
    "PhaseLoad",
    "Plan",
    "propose",
    "settings_layers",
]
