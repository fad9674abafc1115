from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from raci.core.context import Context
from raci.core.words import percent
from raci.rules.base import Problem, Rule, RuleSettings, function_problem

if TYPE_CHECKING:
    from raci.core.model import Function


class CapacitySettings(RuleSettings):
    per_phase: bool = Field(
        True,
        description=(
            "where capacity is given per phase, hold each phase's load to its own capacity "
            "(false: hold the whole load to their sum)"
        ),
    )


class CapacityOverload(Rule):
    """A function's load exceeds its ``capacity``.

    Each activity's ``effort`` (default 1) is shared equally among the functions that
    do the work on it (R; an A/R counts as R; an A alone carries none; in other schemes
    the letters that do the work: S in RASCI, the Driver in DACI, Recommend and Perform
    in RAPID). A function whose share adds up to more than the capacity it declared
    cannot deliver on time.

    Capacity may be given per phase (``capacity: {launch: 6, run: 3}``): each phase's
    load, from the activities of that phase, is then held to that phase's capacity, so a
    function can be fine over the year and overloaded in launch (``per_phase: false``
    holds the whole load to the sum instead).

    Failing example::

        version: 1
        functions:
          IT: {name: Information Technology, capacity: 3}
          InfoSec: {name: Information Security}
        activities:
          - {id: sso, name: Configure single sign-on, effort: 2, raci: {IT: A/R}}
          - {id: guests, name: Set up guest access, effort: 2, raci: {InfoSec: A, IT: R}}

    Passing example::

        version: 1
        functions:
          IT: {name: Information Technology, capacity: 3}
          InfoSec: {name: Information Security}
        activities:
          - {id: sso, name: Configure single sign-on, effort: 2, raci: {IT: A/R}}
          - {id: guests, name: Set up guest access, effort: 2, raci: {InfoSec: A/R, IT: R}}
    """

    code = "RACI009"
    name = "capacity-overload"
    severity = "warning"
    subject = "function"
    Settings = CapacitySettings

    def check(self, context: Context, settings: CapacitySettings) -> Iterator[Problem]:
        for fid, stats in context.stats.items():
            function = context.model.functions[fid]
            if function.phase_capacity and settings.per_phase:
                yield from _per_phase(context, function)
                continue
            capacity = function.capacity
            if capacity is not None and stats.load > capacity + 1e-9:
                yield function_problem(
                    function,
                    f"function '{fid}' carries {stats.load:g} effort units against a capacity "
                    f"of {capacity:g} ({percent(stats.load / capacity)})",
                )


def _per_phase(context: Context, function: Function) -> Iterator[Problem]:
    """One problem per phase whose load exceeds the capacity given for it."""
    for phase, capacity in function.phase_capacity.items():
        load = context.phase_stats[phase][function.id].load
        if load > capacity + 1e-9:
            message = (
                f"function '{function.id}' carries {load:g} effort units in phase '{phase}' "
                f"against a capacity of {capacity:g} ({percent(load / capacity)})"
            )
            place = (*function.path, "capacity", phase)
            yield Problem(message, function.document, place, True, None, function.id)
