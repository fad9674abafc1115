"""The report's argument in plain words: the headline, the key points, and what each
measure means to someone who has never heard of a Herfindahl index."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from raci.core.scheme import Role
from raci.output.report.fmt import number, percent, plural
from raci.report.bands import band
from raci.report.data import Measure

if TYPE_CHECKING:
    from raci.core.metrics import FunctionMetrics, ModelMetrics
    from raci.core.model import Model
    from raci.report.groups import FindingGroup

MAX_POINTS = 6
CONCENTRATED = 0.25
"""The HHI above which accountability counts as concentrated (the rule's default)."""


def _names(names: list[str], most: int = 3) -> str:
    shown = names[: most + 1] if len(names) == most + 1 else names[:most]
    if len(names) > len(shown):
        return ", ".join(shown) + f" and {len(names) - most} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def headline(
    model: Model,
    load: list[FunctionMetrics],
    metrics: ModelMetrics,
    groups: Sequence[FindingGroup] = (),
) -> str:
    """One sentence naming what matters most: the function furthest over capacity and
    the one that owns the most, else the errors, else that ownership is shared."""
    owner_word = model.scheme.describe(Role.OWNER).split(" (")[0]
    total = len(model.activities)
    over = [f for f in load if band(f) == "over"]
    owner = max(load, key=lambda f: f.accountable, default=None)
    concentrated = owner is not None and total >= 5 and metrics.hhi > CONCENTRATED
    owns = ""
    if owner is not None and owner.accountable:
        owns = f"{owner_word} for {owner.accountable} of {plural(total, 'activity')}"
    if over:
        top = max(over, key=lambda f: f.utilisation or 0)
        text = (
            f"{top.name} carries {number(top.load)} effort units against a capacity of "
            f"{number(top.capacity or 0)} ({percent(top.utilisation)})"
        )
        if owner is top and owns:
            return f"{text} and is {owns}."
        if len(over) > 1:
            text += f"; {plural(len(over) - 1, 'other function')} over capacity too"
        return text + "."
    if concentrated and owner is not None:
        share = f"{owner.accountable_share:.0%}"
        return f"{owner.name} is {owns} ({share}): ownership is concentrated."
    errors = [group for group in groups if group.severity == "error"]
    if errors:
        count = sum(len(group.subjects) for group in errors)
        what = "; ".join(f"{g.title.rstrip('.:')} ({len(g.subjects)})" for g in errors[:2])
        if len(errors) > 2:
            what += f"; and {plural(len(errors) - 2, 'other kind')}"
        return f"{plural(count, 'error')} to fix before the plan can be relied on: {what}."
    if owner is not None and owns:
        return (
            "Ownership is shared: no function is over capacity, and none is "
            f"{owns.replace(' for ', ' for more than ', 1)}."
        )
    return "Nobody owns anything yet: no activity has an owner."


def points(
    groups: list[FindingGroup], load: list[FunctionMetrics], metrics: ModelMetrics
) -> list[str]:
    """The key findings, capacity and concentration first, each one sentence by name;
    the function furthest over capacity is left to the headline, which names it."""
    found: list[str] = []
    over = [f for f in load if band(f) == "over"]
    top = max(over, key=lambda f: f.utilisation or 0, default=None)
    for function in over:
        if function is not top:
            found.append(
                f"{function.name} is over capacity: {number(function.load)} effort units "
                f"against {number(function.capacity or 0)} ({percent(function.utilisation)})."
            )
    by_name = {f.name: f for f in load}
    for group in groups:
        if group.rule == "capacity-overload":
            continue
        found.append(_point(group, metrics, by_name))
    return found[:MAX_POINTS]


def _point(group: FindingGroup, metrics: ModelMetrics, by_name: dict[str, FunctionMetrics]) -> str:
    count = len(group.subjects)
    if group.rule == "single-owner-overload":
        owners = [by_name[name] for name in group.subjects if name in by_name]
        if len(owners) > 3:
            top = sorted(owners, key=lambda f: -f.accountable)
            return (
                f"{len(owners)} functions are each made the owner of too much, most of all "
                + _names([f"{f.name} ({f.accountable} of {metrics.activities})" for f in top])
                + "."
            )
        if owners:
            return (
                "Too much rests on one owner: "
                + "; ".join(
                    f"{f.name} owns {f.accountable} of {metrics.activities} activities "
                    f"({f.accountable_share:.0%}) and does the work on {f.responsible}"
                    for f in owners
                )
                + "."
            )
    if group.rule == "accountability-concentration":
        return (
            f"Accountability is concentrated: as if {metrics.effective_owners:.1f} "
            f"functions owned everything (HHI {metrics.hhi:.2f})."
        )
    if group.rule == "sole-owner":
        who = "; ".join(f"{name} on {plural(n, 'activity')}" for name, n in group.functions)
        return f"Goes it alone, with nobody else doing the work or consulted: {who}."
    title = group.title.rstrip(".:")
    return f"{title} — {_names(group.subjects)}." if count else f"{title}."


def measures(model: Model, load: list[FunctionMetrics], metrics: ModelMetrics) -> list[Measure]:
    """Each headline figure with a one-line meaning for a non-specialist."""
    total = len(model.activities)
    count = len(model.functions)
    found: list[Measure] = []
    over = [f for f in load if f.utilisation is not None]
    if over:
        top = max(over, key=lambda f: f.utilisation or 0)
        found.append(
            Measure(
                "utilisation",
                "Highest load against capacity",
                percent(top.utilisation),
                f"{top.name} carries {number(top.load)} effort units; it can carry "
                f"{number(top.capacity or 0)}.",
            )
        )
    owner = max(load, key=lambda f: f.accountable, default=None)
    if owner is not None and total:
        word = model.scheme.describe(Role.OWNER)
        found.append(
            Measure(
                "owner-share",
                "Largest share of accountability",
                f"{owner.accountable_share:.0%}",
                f"{owner.name} is {word} for {owner.accountable} of "
                f"{plural(total, 'activity')}; an even share would be {1 / max(count, 1):.0%}.",
            )
        )
    found.append(
        Measure(
            "effective-owners",
            "Effective number of owners",
            f"{metrics.effective_owners:.1f}",
            f"Accountability is as concentrated as if {metrics.effective_owners:.1f} of the "
            f"{plural(count, 'function')} owned everything in equal shares.",
        )
    )
    found.append(
        Measure(
            "hhi",
            "Accountability concentration (HHI)",
            f"{metrics.hhi:.2f}",
            f"From {1 / max(count, 1):.2f} (every function owns an equal share) to 1 (one "
            f"function owns everything); above {CONCENTRATED} counts as concentrated.",
        )
    )
    truck = metrics.truck_factor
    if truck.functions:
        who = _names(_function_names(model, truck.functions), 4)
        found.append(
            Measure(
                "truck-factor",
                "Truck factor",
                str(truck.count),
                f"Losing {who} would leave {truck.orphaned} of {total} activities with "
                "nobody owning or doing them.",
            )
        )
    return found


def _function_names(model: Model, ids: list[str]) -> list[str]:
    return [model.functions[fid].name if fid in model.functions else fid for fid in ids]
