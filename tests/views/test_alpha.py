"""Krippendorff's alpha (nominal) matches the ``krippendorff`` package to 4 decimals."""

from __future__ import annotations

import math
import random
from pathlib import Path

import krippendorff
import numpy as np
import pytest

from raci.core.views import NONE
from raci.views import merge_views
from raci.views.agreement import Tally, alpha
from tests.views.generate import LETTERS, Survey, known_model

CODES = {value: number for number, value in enumerate((*LETTERS, NONE))}


def reference_alpha(coders: list[list[str | None]]) -> float:
    data = np.array(
        [[np.nan if value is None else CODES[value] for value in row] for row in coders],
        dtype=float,
    )
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


@pytest.mark.parametrize("seed", range(12))
def test_alpha_matches_the_krippendorff_package(seed: int) -> None:
    rng = random.Random(seed)
    coders, units = rng.randint(2, 9), rng.randint(3, 60)
    values = rng.sample([*LETTERS, NONE], rng.randint(2, 6))
    data = [
        [rng.choice(values) if rng.random() > 0.25 else None for _ in range(units)]
        for _ in range(coders)
    ]
    mine = alpha([[data[c][u] for c in range(coders)] for u in range(units)])
    assert mine is not None
    assert round(mine, 4) == round(reference_alpha(data), 4)


def test_alpha_is_undefined_without_pairs_or_variation() -> None:
    assert alpha([["A", None], [None, "R"]]) is None  # no unit has two values
    assert alpha([["A", "A"], ["A", "A"]]) is None  # nothing varies: no expected disagreement
    tally = Tally()
    tally.add({"A": 2})
    assert (tally.alpha, tally.agreement) == (None, 1.0)


def test_each_activitys_alpha_is_krippendorffs_over_its_cells(tmp_path: Path) -> None:
    known = known_model(functions=6, activities=8, seed=5)
    people = [(f"P{n}", f"F{n % 6}") for n in range(6)]
    survey = Survey.agreeing(known, people)
    rng = random.Random(5)
    for aid, _, _ in known.activities:
        for _ in range(4):
            fid = rng.choice(known.functions)
            survey.inject(rng.randrange(6), aid, fid, rng.choice([*LETTERS, None]))
    merged = merge_views(survey.write(tmp_path, "yaml")).merged
    programme: list[list[str | None]] = [[] for _ in people]
    for activity in merged.activities:
        coders = [
            [survey.answers[n][activity.id].get(fid, NONE) for fid in known.functions]
            for n in range(len(people))
        ]
        for n, row in enumerate(coders):
            programme[n] += row
        expected = reference_alpha([list(row) for row in coders])
        if math.isnan(expected):
            assert activity.alpha is None
        else:
            assert activity.alpha is not None
            assert round(activity.alpha, 4) == round(expected, 4)
    assert merged.alpha is not None
    assert round(merged.alpha, 4) == round(reference_alpha(programme), 4)
