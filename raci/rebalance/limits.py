"""How much each function may carry: the thresholds ``raci check`` would apply.

The limits come from the resolved settings of ``single-owner-overload`` and
``capacity-overload`` (built-in defaults < ``[tool.raci]`` / ``.raci.toml`` < the file's
``rules:`` block < ``--config`` < command-line overrides). A rule that is off, or that a
function waives, sets no limit for it: rebalance clears what ``raci check`` reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from raci.core.config import Layer, Resolved
from raci.core.model import Model
from raci.rules.capacity_overload import CapacityOverload, CapacitySettings
from raci.rules.single_owner_overload import (
    MIN_ACTIVITIES_FOR_SHARES,
    OverloadSettings,
    SingleOwnerOverload,
)


@dataclass(frozen=True, slots=True)
class Limit:
    """The most activities a function may hold in one role, and the setting that says so."""

    count: int
    reason: str


@dataclass(frozen=True, slots=True)
class Limits:
    accountable: dict[str, Limit]
    """Function id -> its limit as owner (A); absent when nothing limits it."""
    responsible: dict[str, Limit]
    """Function id -> its limit as worker (R); absent when nothing limits it."""
    capacity: dict[str, float]
    """Function id -> the effort it may carry, for functions whose capacity is checked."""
    resolved: Resolved
    """The settings the before/after lint runs with."""
    phase_capacity: dict[str, dict[str, float]] = field(default_factory=dict)
    """Function id -> phase -> the effort it may carry in that phase, for functions whose
    capacity is given and checked per phase (``capacity`` then holds their sum, which
    only the figures show)."""
    phase_accountable: dict[str, dict[str, Limit]] = field(default_factory=dict)
    """Function id -> phase -> its limit as owner among that phase's activities, with
    ``single-owner-overload`` ``per_phase``."""
    phase_responsible: dict[str, dict[str, Limit]] = field(default_factory=dict)
    """The same as worker."""


def settings_layers(model: Model) -> list[Layer]:
    """The settings layers below the command line, as ``raci check`` finds them for the
    model's first file (:func:`raci.engine.default_layers`); the command line passes the
    layers of its own check instead."""
    from raci.engine import default_layers

    return default_layers(model)


def override_layer(max_accountable: int | None, max_share: float | None) -> Layer | None:
    """``--max-accountable`` / ``--max-share`` as the top layer; they switch the rule on."""
    values: dict[str, object] = {}
    if max_accountable is not None:
        values["max_accountable"] = max_accountable
    if max_share is not None:
        values["max_accountable_share"] = max_share
    if not values:
        return None
    settings = OverloadSettings.model_validate({"enabled": True, **values})
    return Layer("command line", rules={SingleOwnerOverload.name: settings})


def limits(model: Model, layers: Sequence[Layer]) -> Limits:
    """Per-function limits under ``layers`` (lowest precedence first)."""
    from raci.engine import resolve

    resolved = resolve(layers)
    enabled = {entry.rule.name: entry.settings for entry in resolved.rules}
    total = len(model.activities)
    accountable: dict[str, Limit] = {}
    responsible: dict[str, Limit] = {}
    capacity: dict[str, float] = {}
    phase_capacity: dict[str, dict[str, float]] = {}
    overload = enabled.get(SingleOwnerOverload.name)
    held = enabled.get(CapacityOverload.name)
    per_phase = isinstance(held, CapacitySettings) and held.per_phase
    phase_accountable: dict[str, dict[str, Limit]] = {}
    phase_responsible: dict[str, dict[str, Limit]] = {}
    sizes = dict.fromkeys(model.phases, 0)
    for activity in model.activities:
        if activity.phase in sizes:
            sizes[activity.phase] += 1
    for fid, function in model.functions.items():
        if (
            isinstance(overload, OverloadSettings)
            and SingleOwnerOverload.name not in function.waive
        ):
            accountable[fid] = _limit(
                overload.max_accountable,
                "max_accountable",
                overload.max_accountable_share,
                "max_accountable_share",
                total,
            )
            responsible[fid] = _limit(
                overload.max_responsible,
                "max_responsible",
                overload.max_responsible_share,
                "max_responsible_share",
                total,
            )
            if overload.per_phase:
                phase_accountable[fid], phase_responsible[fid] = _per_phase(overload, sizes)
        checked = CapacityOverload.name in enabled and CapacityOverload.name not in function.waive
        if checked and function.capacity is not None:
            capacity[fid] = function.capacity
            if per_phase and function.phase_capacity:
                phase_capacity[fid] = dict(function.phase_capacity)
    return Limits(
        accountable,
        responsible,
        capacity,
        resolved,
        phase_capacity,
        phase_accountable,
        phase_responsible,
    )


def _per_phase(
    overload: OverloadSettings, sizes: dict[str, int]
) -> tuple[dict[str, Limit], dict[str, Limit]]:
    """The limits within each phase, shares taken of that phase's activities."""
    owner = {
        phase: _limit(
            overload.max_accountable,
            "max_accountable",
            overload.max_accountable_share,
            "max_accountable_share",
            size,
            phase,
        )
        for phase, size in sizes.items()
    }
    worker = {
        phase: _limit(
            overload.max_responsible,
            "max_responsible",
            overload.max_responsible_share,
            "max_responsible_share",
            size,
            phase,
        )
        for phase, size in sizes.items()
    }
    return owner, worker


def _limit(
    most: int, name: str, share: float, share_name: str, total: int, phase: str | None = None
) -> Limit:
    """The tighter of a count and a share of all activities (of ``phase``'s), as the rule
    compares them."""
    limit = Limit(most, f"{name} {most}")
    if total >= MIN_ACTIVITIES_FOR_SHARES:
        allowed = int(share * total)
        while allowed + 1 <= total and (allowed + 1) / total <= share:
            allowed += 1
        while allowed > 0 and allowed / total > share:
            allowed -= 1
        if allowed < most:
            where = f" in {phase}" if phase is not None else ""
            limit = Limit(
                allowed, f"{share:.0%} of {total} activities{where}: {share_name} {share:g}"
            )
    return limit
