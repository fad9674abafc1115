"""The merge reports exactly the disagreements injected into views of a known model."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from raci.core.views import NONE
from raci.views import merge_views
from raci.views.summary import summary
from tests.views.generate import LETTERS, Survey, known_model

RESPONDENTS = [(f"Person {n}", f"F{n % 5}") for n in range(7)]


def consensus_of(outcome: object) -> dict[str, dict[str, str]]:
    model = outcome.model  # type: ignore[attr-defined]
    return {a.id: {fid: held.label for fid, held in a.raci.items()} for a in model.activities}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_merge_reports_exactly_the_injected_disagreements(tmp_path: Path, seed: int) -> None:
    known = known_model(seed=seed)
    survey = Survey.agreeing(known, RESPONDENTS)
    rng = random.Random(seed)
    cells = [(aid, fid) for aid, _, _ in known.activities for fid in known.functions]
    injected = rng.sample(cells, 6)
    for aid, fid in injected:
        truth = {a: r for a, _, r in known.activities}[aid].get(fid)
        other = rng.choice([letter for letter in (*LETTERS, None) if letter != truth])
        survey.inject(rng.randrange(len(RESPONDENTS)), aid, fid, other)
    outcome = merge_views(survey.write(tmp_path, "yaml"))
    disputed = {
        (activity.id, cell.function)
        for activity in outcome.merged.activities
        for cell in activity.disagreements
    }
    assert disputed == set(injected)
    # one dissenting view out of seven never moves the consensus: it is the model
    assert consensus_of(outcome) == {aid: raci for aid, _, raci in known.activities}


def test_no_disagreement_means_full_agreement_and_no_findings(tmp_path: Path) -> None:
    known = known_model()
    outcome = merge_views(Survey.agreeing(known, RESPONDENTS).write(tmp_path, "csv"))
    assert outcome.merged.agreement == 1.0
    assert outcome.merged.alpha == 1.0
    assert outcome.merged.contested == []
    assert outcome.report.findings == []
    assert consensus_of(outcome) == {aid: raci for aid, _, raci in known.activities}


def test_a_tie_is_left_open_and_a_minority_a_is_no_consensus(tmp_path: Path) -> None:
    known = known_model(functions=3, activities=1)
    ((aid, _, raci),) = known.activities
    survey = Survey.agreeing(known, [("P1", "F0"), ("P2", "F1"), ("P3", "F2"), ("P4", "F0")])
    owner = next(fid for fid, letter in raci.items() if "A" in letter)
    other = next(fid for fid in known.functions if fid != owner)
    for respondent in (0, 1):  # two of four name another owner: a tie on both cells
        survey.inject(respondent, aid, owner, "R")
        survey.inject(respondent, aid, other, "A")
    outcome = merge_views(survey.write(tmp_path, "yaml"))
    (activity,) = outcome.merged.activities
    assert sorted(cell.function for cell in activity.open_cells) == sorted([owner, other])
    assert owner not in consensus_of(outcome)[aid]
    assert other not in consensus_of(outcome)[aid]
    text = outcome.consensus
    assert "open: [" in text or "open:\n" in text
    assert [f.rule for f in outcome.report.findings] == ["contested-accountable", "low-agreement"]


def test_a_blank_row_is_not_an_answer(tmp_path: Path) -> None:
    known = known_model(functions=3, activities=2)
    survey = Survey.agreeing(known, [("P1", "F0"), ("P2", "F1"), ("P3", "F2")])
    for fid in known.functions:
        survey.inject(2, "act-0", fid, None)
    outcome = merge_views(survey.write(tmp_path, "csv"))
    first = outcome.merged.activities[0]
    assert first.answered == [0, 1]
    assert first.disagreements == []
    assert outcome.merged.activities[1].answered == [0, 1, 2]


def test_votes_and_who_said_what(tmp_path: Path) -> None:
    known = known_model(functions=5, activities=1)
    ((aid, _, raci),) = known.activities
    survey = Survey.agreeing(known, [("Ana", "F0"), ("Ben", "F1"), ("Cy", "F2")])
    fid = next(f for f in known.functions if f not in raci)
    survey.inject(1, aid, fid, "I")
    paths = survey.write(tmp_path, "csv")
    data = summary(merge_views(paths).merged)
    (entry,) = data["activities"]
    (cell,) = entry["disagreements"]
    assert cell["votes"] == {NONE: 2, "I": 1}
    column = 5 + known.functions.index(fid)
    assert cell["most_given"] == NONE
    assert [(a["respondent"], a["letter"], a["place"]) for a in cell["others"]] == [
        ("Ben", "I", f"{paths[1].as_posix()}:4:{column}"),
    ]
