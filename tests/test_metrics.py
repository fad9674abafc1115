"""raci.core.metrics on a small model whose answers are worked out by hand.

tests/data/small.yaml: five functions, five activities.

* accountable: IC 3 (vision, usage-policy, launch-event), HR 1, IT 1 of 5:
  HHI = 0.6² + 0.2² + 0.2² = 0.44, effective owners 1 / 0.44 = 2.27;
* collaboration (R/A/C): IC-HR, IC-IT, HR-IT, IT-Brand: IT is the articulation point;
* R/A holders: vision {IC}, usage-policy {IC, HR}, launch-event {IC},
  champions {HR, IT}, theme {IT}. Greedy truck factor: IC first (alone on 2), then
  HR (ties with IT on 1 alone and 2 held; HR comes first in the file): 3 of 5
  orphaned, more than half: truck factor 2;
* critical path by effort: launch-event (5) -> theme (1) = 6 beats
  vision (2) -> usage-policy (1) -> champions (1) = 4.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from raci.core.metrics import compute, critical_path, truck_factor
from tests.helpers import SMALL, context_of


def test_hhi_and_effective_owners() -> None:
    metrics = compute(context_of(SMALL))
    assert f"{metrics.hhi:.3f}" == "0.440"
    assert f"{metrics.effective_owners:.2f}" == "2.27"


def test_articulation_points() -> None:
    assert compute(context_of(SMALL)).articulation_points == ["IT"]


def test_truck_factor() -> None:
    factor = truck_factor(context_of(SMALL))
    assert (factor.count, factor.functions, factor.orphaned) == (2, ["IC", "HR"], 3)


def test_critical_path_and_its_owners() -> None:
    path = critical_path(context_of(SMALL))
    assert path is not None
    assert (path.activities, path.effort, path.owners) == (
        ["launch-event", "theme"],
        6.0,
        {"IC": 1, "IT": 1},
    )


def test_per_function_metrics() -> None:
    metrics = compute(context_of(SMALL))
    rows = {
        function.id: (
            function.accountable,
            function.responsible,
            function.consulted,
            function.informed,
            function.load,
            function.capacity,
            function.accountable_share,
            function.utilisation,
        )
        for function in metrics.functions
    }
    assert rows == {
        "IC": (3, 2, 1, 0, 7.0, 6.0, 0.6, pytest.approx(7 / 6)),
        "HR": (1, 1, 1, 0, 1.0, None, 0.2, None),
        "OD": (0, 0, 0, 1, 0.0, None, 0.0, None),
        "IT": (1, 2, 0, 0, 2.0, 4.0, 0.2, 0.5),
        "Brand": (0, 0, 1, 0, 0.0, None, 0.0, None),
    }


def test_betweenness_on_the_r_a_projection() -> None:
    # R/A links: IC-HR (usage-policy), HR-IT (champions): HR is on the only IC-IT path
    betweenness = {f.id: f.betweenness for f in compute(context_of(SMALL)).functions}
    assert betweenness == {
        "IC": 0.0,
        "HR": pytest.approx(1 / 6),
        "OD": 0.0,
        "IT": 0.0,
        "Brand": 0.0,
    }


def test_as_dict_is_plain_data() -> None:
    data = compute(context_of(SMALL)).as_dict()
    assert data["truck_factor"] == {"count": 2, "functions": ["IC", "HR"], "orphaned": 3}
    assert data["critical_path"] == {
        "activities": ["launch-event", "theme"],
        "effort": 6.0,
        "owners": {"IC": 1, "IT": 1},
    }
    assert data["functions"][0]["utilisation"] == pytest.approx(7 / 6)
    assert set(data) == {
        "activities",
        "functions",
        "hhi",
        "effective_owners",
        "truck_factor",
        "articulation_points",
        "critical_path",
    }


def test_no_critical_path_when_dependencies_loop(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\nfunctions: {IC: {name: IC}}\nactivities:\n"
        "  - {id: a, name: A, depends_on: [b], raci: {IC: A/R}}\n"
        "  - {id: b, name: B, depends_on: [a], raci: {IC: A/R}}\n",
        encoding="utf-8",
    )
    assert critical_path(context_of(path)) is None


def test_single_owner_model(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\nfunctions: {IC: {name: IC}, HR: {name: HR}}\nactivities:\n"
        "  - {id: a, name: A, raci: {IC: A/R, HR: C}}\n"
        "  - {id: b, name: B, raci: {IC: A/R, HR: I}}\n",
        encoding="utf-8",
    )
    metrics = compute(context_of(path))
    assert (metrics.hhi, metrics.effective_owners) == (1.0, 1.0)
    assert (metrics.truck_factor.count, metrics.truck_factor.functions) == (1, ["IC"])
    assert metrics.articulation_points == []


def test_words_for_people() -> None:
    from raci.core.words import number, one_of, percent, plural

    assert [plural(1, "day"), plural(2, "day"), plural(2, "activity")] == [
        "1 day",
        "2 days",
        "2 activities",
    ]
    assert [number(2.0), number(2.5), number(1 / 3), number(-0.001)] == ["2", "2.5", "0.33", "0"]
    assert [percent(None), percent(0.4), percent(1e300)] == ["", "40%", ">10000%"]
    assert one_of(["raci", "rasci", "daci"]) == "raci, rasci or daci"
