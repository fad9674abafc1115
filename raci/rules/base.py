"""What a rule module needs: the :class:`Rule` contract and its settings (defined in
:mod:`raci.core.catalogue`), and the problems it reports, placed on an activity or a
function. ``raci explain`` prints a rule's docstring and the test suite checks that its
examples do fail and pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.core.catalogue import Rule as Rule
from raci.core.catalogue import RuleSettings as RuleSettings
from raci.core.findings import Problem as Problem

if TYPE_CHECKING:
    from raci.core.loader import LogicalPath
    from raci.core.model import Activity, Function


def activity_problem(
    activity: Activity,
    message: str,
    *,
    at: LogicalPath = (),
    key: bool = False,
    function: str | None = None,
) -> Problem:
    """A problem about an activity, pointing at its first key or at ``at`` inside it.

    For one phase of an activity whose raci is given per phase, the message names the
    phase and the place is inside that phase's letters (its key, when ``at`` is empty).
    """
    stage = activity.stage
    if stage is not None:
        named = f"activity '{activity.id}'"
        message = message.replace(named, f"{named} in phase '{stage}'", 1)
        if not at:
            at, key = ("raci", stage), True
        elif at[0] == "raci":
            at = ("raci", stage, *at[1:])
    return Problem(message, activity.document, (*activity.path, *at), key, activity, function)


def function_problem(function: Function, message: str) -> Problem:
    """A problem about a function, pointing at its key under ``functions:``."""
    return Problem(message, function.document, function.path, True, None, function.id)
