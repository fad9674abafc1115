"""The plan is optimal: checked against brute force on small random models, with every
candidate tier (R, C, eligible, I, not on the activity) and limits no plan can meet."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raci.core.model import Model
from raci.engine import lint, load
from raci.rebalance import Options, propose
from raci.rebalance.limits import limits, settings_layers
from raci.rebalance.tiers import tier_of

LETTERS = ("A", "R", "C", "I", "A/R")


@st.composite
def models(draw: st.DrawFn) -> tuple[str, int, bool]:
    functions = [f"F{index}" for index in range(draw(st.integers(2, 4)))]
    limit = draw(st.integers(0, 3))
    lines = ["version: 1", "functions:"]
    lines += [f"  {fid}: {{name: Function {fid}}}" for fid in functions]
    lines.append("activities:")
    for index in range(draw(st.integers(1, 6))):
        held = draw(st.lists(st.sampled_from(functions), min_size=1, max_size=3, unique=True))
        letters = ", ".join(f"{fid}: {draw(st.sampled_from(LETTERS))}" for fid in held)
        eligible = draw(st.lists(st.sampled_from(functions), max_size=1))
        extra = f", eligible: [{eligible[0]}]" if eligible else ""
        lines.append(f"  - {{id: a{index}, name: Activity {index}, raci: {{{letters}}}{extra}}}")
    rule = f"{{max_accountable: {limit}, max_accountable_share: 1}}"
    lines += ["rules:", f"  single-owner-overload: {rule}"]
    lines.append("  accountability-concentration: off")
    return "\n".join(lines) + "\n", limit, draw(st.booleans())


Score = tuple[int, int, int, int]
"""(units over the limit, moves, sum of squared loads within the limit, sum of tiers)."""


def brute_force(model: Model, limit: int, involved_only: bool) -> Score:
    """The best score over every choice of one owner per activity."""
    choices = []
    for activity in model.activities:
        candidates = [
            fid for fid in model.functions if tier_of(activity, fid) <= (2 if involved_only else 4)
        ]
        if candidates:
            choices.append([(activity, fid) for fid in candidates])
    best: Score | None = None
    for plan in itertools.product(*choices):
        counts = dict.fromkeys(model.functions, 0)
        for _, fid in plan:
            counts[fid] += 1
        score = (
            sum(max(0, count - limit) for count in counts.values()),
            sum(fid not in activity.owners for activity, fid in plan),
            sum(min(count, limit) ** 2 for count in counts.values()),
            sum(tier_of(activity, fid) for activity, fid in plan),
        )
        best = score if best is None or score < best else best
    assert best is not None
    return best


def score(model: Model, after: Model, limit: int) -> Score:
    counts = dict.fromkeys(model.functions, 0)
    moves = tiers = 0
    for old, new in zip(model.activities, after.activities, strict=True):
        if new.owners:
            counts[new.owners[0]] += 1
            moves += new.owners[0] not in old.owners
            tiers += tier_of(old, new.owners[0])
    return (
        sum(max(0, count - limit) for count in counts.values()),
        moves,
        sum(min(count, limit) ** 2 for count in counts.values()),
        tiers,
    )


@given(models())
def test_plans_leave_the_least_overload_with_the_fewest_moves_and_the_closest_tiers(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, int, bool]
) -> None:
    text, limit, involved_only = case
    path: Path = tmp_path_factory.mktemp("model") / "org.yaml"
    path.write_text(text)
    model = load(path).model
    assert model is not None
    plan = propose(model, Options(only_involved=involved_only))
    after = plan.after
    assert all(len(activity.owners) <= 1 for activity in after.activities)
    if any(tier_of(a, f) <= (2 if involved_only else 4) for a in model.activities for f in a.raci):
        best = brute_force(model, limit, involved_only)
        assert score(model, after, limit) == best, text
        assert plan.feasible == (best[0] == 0), (text, plan.problems)
    resolved = limits(after, settings_layers(model)).resolved
    findings, _ = lint(after, resolved)
    overloads = [
        f.function
        for f in findings
        if f.rule == "single-owner-overload" and "Accountable (A)" in f.message
    ]
    over = [load.id for load in plan.loads if load.accountable[1] > limit]
    assert overloads == over  # check shows exactly what the plan could not clear
    assert bool(plan.remaining) == bool(over)


@st.composite
def phased_models(draw: st.DrawFn) -> str:
    """Unit efforts, one worker per activity (some given per phase), functions with a
    capacity per phase, one for the whole programme or none, and a limit on R counts."""
    lines = ["version: 1", "phases: [p, q]", "functions:"]
    functions = [f"F{index}" for index in range(draw(st.integers(2, 3)))]
    for fid in functions:
        kind = draw(st.sampled_from(["phases", "plain", "none"]))
        if kind == "phases":
            capacity = f", capacity: {{p: {draw(st.integers(1, 2))}, q: {draw(st.integers(1, 2))}}}"
        elif kind == "plain":
            capacity = f", capacity: {draw(st.integers(1, 3))}"
        else:
            capacity = ""
        lines.append(f"  {fid}: {{name: Function {fid}{capacity}}}")
    lines.append("activities:")
    for index in range(draw(st.integers(1, 5))):
        worker = draw(st.sampled_from(functions))
        if draw(st.booleans()):
            phase = draw(st.sampled_from(["p", "q"]))
            lines.append(
                f"  - {{id: a{index}, name: Activity {index}, phase: {phase}, "
                f"raci: {{{worker}: A/R}}}}"
            )
        else:
            other = draw(st.sampled_from(functions))
            lines.append(
                f"  - {{id: a{index}, name: Activity {index}, "
                f"raci: {{p: {{{worker}: A/R}}, q: {{{other}: A/R}}}}}}"
            )
    limit = draw(st.integers(1, 4))
    lines += [
        "rules:",
        "  single-owner-overload: {max_accountable: 99, max_accountable_share: 1, "
        f"max_responsible: {limit}, max_responsible_share: 1}}",
    ]
    return "\n".join(lines) + "\n"


def excess(model: Model, workers: list[str], limit: int) -> float:
    """Units over a capacity (per phase where it is given per phase) or the R limit."""
    total = 0.0
    for fid, function in model.functions.items():
        mine = [a for a, held in zip(model.activities, workers, strict=True) if held == fid]
        total += max(0, len(mine) - limit)
        if function.phase_capacity:
            for phase, most in function.phase_capacity.items():
                total += max(0, sum(a.phase == phase for a in mine) - most)
        elif function.capacity is not None:
            total += max(0, len(mine) - function.capacity)
    return total


@given(phased_models())
def test_plans_hold_each_phase_to_its_capacity_with_the_fewest_moves(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path: Path = tmp_path_factory.mktemp("model") / "org.yaml"
    path.write_text(text)
    model = load(path).model
    assert model is not None
    limit = limits(model, settings_layers(model)).responsible["F0"].count
    old = [activity.workers[0] for activity in model.activities]
    plans = itertools.product(model.functions, repeat=len(old))
    best = min(
        (excess(model, list(plan), limit), sum(a != b for a, b in zip(plan, old, strict=True)))
        for plan in plans
    )
    plan = propose(model, Options(responsible=True))
    new = [activity.workers[0] for activity in plan.after.activities]
    assert plan.feasible == (best[0] == 0), (text, plan.problems, plan.remaining)
    if plan.feasible:
        assert sum(a != b for a, b in zip(new, old, strict=True)) == best[1], text
    findings, _ = lint(plan.after, limits(model, settings_layers(model)).resolved)
    over = sorted(f.message for f in findings if f.rule == "capacity-overload")
    told = [line for line in plan.remaining if "effort units" in line]
    assert len(over) == len(told), (text, over, told)


@st.composite
def models_by_phase(draw: st.DrawFn) -> tuple[str, int]:
    """Owners only, two phases, ``single-owner-overload`` ``per_phase``: the same limit
    over the programme and within each phase."""
    functions = [f"F{index}" for index in range(draw(st.integers(2, 3)))]
    limit = draw(st.integers(0, 2))
    lines = ["version: 1", "phases: [p, q]", "functions:"]
    lines += [f"  {fid}: {{name: Function {fid}}}" for fid in functions]
    lines.append("activities:")
    for index in range(draw(st.integers(1, 6))):
        phase = draw(st.sampled_from(["p", "q"]))
        held = draw(st.lists(st.sampled_from(functions), min_size=1, max_size=2, unique=True))
        letters = ", ".join(f"{fid}: {draw(st.sampled_from(LETTERS))}" for fid in held)
        lines.append(
            f"  - {{id: a{index}, name: Activity {index}, phase: {phase}, raci: {{{letters}}}}}"
        )
    rule = f"{{max_accountable: {limit}, max_accountable_share: 1, per_phase: true}}"
    lines += ["rules:", f"  single-owner-overload: {rule}", "  accountability-concentration: off"]
    return "\n".join(lines) + "\n", limit


@given(models_by_phase())
def test_plans_hold_each_phase_to_the_owner_limits_with_the_fewest_moves(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, int]
) -> None:
    text, limit = case
    path: Path = tmp_path_factory.mktemp("model") / "org.yaml"
    path.write_text(text)
    model = load(path).model
    assert model is not None

    def score(owners: Sequence[str | None]) -> tuple[int, int]:
        counts: dict[tuple[str, str | None], int] = {}
        for activity, fid in zip(model.activities, owners, strict=True):
            for key in ((fid, None), (fid, activity.phase)) if fid else ():
                counts[key] = counts.get(key, 0) + 1
        moves = sum(
            fid is not None and fid not in activity.owners
            for activity, fid in zip(model.activities, owners, strict=True)
        )
        return sum(max(0, count - limit) for count in counts.values()), moves

    plan = propose(model, Options())
    after = [activity.owners[0] if activity.owners else None for activity in plan.after.activities]
    choices = [[*model.functions] for _ in model.activities]
    best = min(score(owners) for owners in itertools.product(*choices))
    assert score(after) == best, (text, plan.remaining)
    assert plan.feasible == (best[0] == 0), (text, plan.problems)
    findings, _ = lint(plan.after, limits(model, settings_layers(model)).resolved)
    in_phase = [f for f in findings if "Accountable (A)" in f.message and "in phase" in f.message]
    assert len(in_phase) == sum(" in p, " in line or " in q, " in line for line in plan.remaining)
