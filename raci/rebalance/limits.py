"""How much each function may carry: the thresholds ``raci check`` would apply.

The limits come from the resolved settings of ``single-owner-overload`` and
``capacity-overload`` (built-in defaults < ``[tool.raci]`` / ``.raci.toml`` < the file's
``rules:`` block < ``--config`` < command-line overrides). A rule that is off, or that a
function waives, sets no limit for it: rebalance clears what ``raci check`` reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from raci.core.config import (
    ConfigError,
    Layer,
    Resolved,
    find_config,
    model_layer,
    read_config,
    resolve,
)
from raci.core.errors import RaciError
from raci.core.model import Model
from raci.rules.capacity_overload import CapacityOverload
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


def settings_layers(
    model: Model, start: Path | None = None, config: Path | None = None
) -> list[Layer]:
    """The settings layers below the command line, as ``raci check`` builds them.

    ``start`` is where ``[tool.raci]`` / ``.raci.toml`` discovery begins (default: the
    model's first file); ``config`` is a ``--config`` file.
    """
    layers: list[Layer] = []
    discovered = find_config(start if start is not None else model.documents[0].path)
    try:
        if discovered is not None:
            layers.append(read_config(discovered))
        from_model, conflicts = model_layer(model.rules)
        if conflicts:
            first = conflicts[0].finding("RACI901", "schema-error", "error")
            raise RaciError(first.message, location=first.location)
        layers.append(from_model)
        if config is not None:
            layers.append(read_config(config))
    except ConfigError as error:
        raise RaciError(str(error)) from None
    return layers


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
    resolved = resolve(list(layers))
    enabled = {entry.rule.name: entry.settings for entry in resolved.rules}
    total = len(model.activities)
    accountable: dict[str, Limit] = {}
    responsible: dict[str, Limit] = {}
    capacity: dict[str, float] = {}
    overload = enabled.get(SingleOwnerOverload.name)
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
        checked = CapacityOverload.name in enabled and CapacityOverload.name not in function.waive
        if checked and function.capacity is not None:
            capacity[fid] = function.capacity
    return Limits(accountable, responsible, capacity, resolved)


def _limit(most: int, name: str, share: float, share_name: str, total: int) -> Limit:
    """The tighter of a count and a share of all activities, as the rule compares them."""
    limit = Limit(most, f"{name} {most}")
    if total >= MIN_ACTIVITIES_FOR_SHARES:
        allowed = int(share * total)
        while allowed + 1 <= total and (allowed + 1) / total <= share:
            allowed += 1
        while allowed > 0 and allowed / total > share:
            allowed -= 1
        if allowed < most:
            limit = Limit(allowed, f"{share:.0%} of {total} activities: {share_name} {share:g}")
    return limit
