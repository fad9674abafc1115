from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raci.core.context import Context
from raci.core.scheme import Role
from raci.rules.base import Problem, Rule, activity_problem


class OrphanedAfterPhase(Rule):
    """A function that ends with a phase still holds an activity after it.

    A launch project team disbands; a function marked ``ends: launch`` is not there
    afterwards. An activity of a later phase on which it is the only A, or the only R,
    is left with nobody owning it, or nobody doing it, the day the team goes. Hand the
    activity to a function that stays.

    Failing example::

        version: 1
        phases: [launch, run]
        functions:
          Launch: {name: Launch team, ends: launch}
          IC: {name: Internal Communications}
        activities:
          - {id: event, name: Run the launch event, phase: launch, raci: {Launch: A/R}}
          - {id: moderate, name: Moderate the network, phase: run, raci: {Launch: A, IC: R}}

    Passing example::

        version: 1
        phases: [launch, run]
        functions:
          Launch: {name: Launch team, ends: launch}
          IC: {name: Internal Communications}
        activities:
          - {id: event, name: Run the launch event, phase: launch, raci: {Launch: A/R}}
          - {id: moderate, name: Moderate the network, phase: run, raci: {IC: A/R}}
    """

    code = "RACI024"
    name = "orphaned-after-phase"
    severity = "warning"
    subject = "activity + function (the one that ends)"

    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        model = context.model
        order = {phase: position for position, phase in enumerate(model.phases)}
        ends = {
            fid: order[function.ends]
            for fid, function in model.functions.items()
            if function.ends is not None and function.ends in order
        }
        if not ends:
            return
        owner = model.scheme.describe(Role.OWNER)
        worker = model.scheme.describe(Role.WORKER)
        for activity in model.activities:
            position = order.get(activity.phase or "")
            if position is None:
                continue
            gone = {fid for fid, last in ends.items() if last < position}
            lacking = []
            if activity.owners and all(fid in gone for fid in activity.owners):
                lacking.append(owner)
            if activity.workers and all(fid in gone for fid in activity.workers):
                lacking.append(worker)
            if not lacking:
                continue
            # an activity given per phase names its phase already (activity_problem)
            when = "" if activity.stage is not None else f" in phase '{activity.phase}'"
            for fid, held in activity.raci.items():
                if fid in gone and (held.owner or held.worker):
                    yield activity_problem(
                        activity,
                        f"activity '{activity.id}' is left without {' or '.join(lacking)}"
                        f"{when}: function '{fid}' ends with phase '{model.functions[fid].ends}'",
                        at=("raci", fid),
                        key=True,
                        function=fid,
                    )
