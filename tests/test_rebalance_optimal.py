"""The plan is optimal: checked against brute force on small random models."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raci.core.model import Model
from raci.engine import lint, load
from raci.rebalance import propose
from raci.rebalance.limits import limits, settings_layers

LETTERS = ("A", "R", "C", "I", "A/R")


@st.composite
def models(draw: st.DrawFn) -> tuple[str, int]:
    functions = [f"F{index}" for index in range(draw(st.integers(2, 4)))]
    limit = draw(st.integers(0, 3))
    lines = ["version: 1", "functions:"]
    lines += [f"  {fid}: {{name: Function {fid}}}" for fid in functions]
    lines.append("activities:")
    for index in range(draw(st.integers(1, 6))):
        held = draw(st.lists(st.sampled_from(functions), min_size=1, max_size=3, unique=True))
        letters = ", ".join(f"{fid}: {draw(st.sampled_from(LETTERS))}" for fid in held)
        lines.append(f"  - {{id: a{index}, name: Activity {index}, raci: {{{letters}}}}}")
    rule = f"{{max_accountable: {limit}, max_accountable_share: 1}}"
    lines += ["rules:", f"  single-owner-overload: {rule}"]
    lines.append("  accountability-concentration: off")
    return "\n".join(lines) + "\n", limit


def brute_force(model: Model, limit: int) -> tuple[int, int] | None:
    """(fewest moves, lowest sum of squared loads among them), or None if no plan."""
    choices = []
    for activity in model.activities:
        candidates = [
            fid
            for fid, held in activity.raci.items()
            if held.owner or held.worker or held.consulted
        ]
        if candidates:
            choices.append([(fid, fid not in activity.owners) for fid in candidates])
    best: tuple[int, int] | None = None
    for plan in itertools.product(*choices):
        counts: dict[str, int] = {}
        for fid, _ in plan:
            counts[fid] = counts.get(fid, 0) + 1
        if any(count > limit for count in counts.values()):
            continue
        score = (sum(moved for _, moved in plan), sum(c * c for c in counts.values()))
        best = score if best is None or score < best else best
    return best


@given(models())
def test_plans_have_the_fewest_moves_and_the_most_even_spread(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, int]
) -> None:
    text, limit = case
    path: Path = tmp_path_factory.mktemp("model") / "org.yaml"
    path.write_text(text)
    model = load(path).model
    assert model is not None
    plan = propose(model)
    best = brute_force(model, limit)
    assert plan.feasible == (best is not None), (text, plan.problems)
    if best is None:
        return
    after = plan.after
    moves = sum(
        1
        for old, new in zip(model.activities, after.activities, strict=True)
        if new.owners and new.owners[0] not in old.owners
    )
    squares = sum(load.accountable[1] ** 2 for load in plan.loads)
    assert (moves, squares) == best, text
    assert all(len(activity.owners) <= 1 for activity in after.activities)
    resolved = limits(after, settings_layers(model)).resolved
    findings, _ = lint(after, resolved)
    overloads = [f.message for f in findings if f.rule == "single-owner-overload"]
    assert not [message for message in overloads if "Accountable (A)" in message]
    assert all(load.accountable[1] <= limit for load in plan.loads)
