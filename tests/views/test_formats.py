"""Views in every format give the same merge; survey -> fill in -> merge round trips."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from raci.views import merge_views
from raci.views.summary import summary
from raci.views.survey import FIRST_FUNCTION, HEADER_ROW, Respondent, file_names, workbook
from tests.helpers import model_of
from tests.views.generate import Survey, known_model


def without_places(data: dict[str, Any]) -> dict[str, Any]:
    """The merge as data, minus the file names and cell places that differ by format."""
    text = json.dumps(data)
    found: dict[str, Any] = json.loads(text)
    for person in found["respondents"]:
        person.pop("file")
    for activity in found["activities"]:
        for cell in activity["disagreements"]:
            for answer in cell["others"]:
                answer.pop("place")
    return found


def test_every_format_gives_the_same_merge(tmp_path: Path) -> None:
    known = known_model(functions=4, activities=6, seed=3)
    survey = Survey.agreeing(known, [("Ana", "F0"), ("Ben", "F1"), ("Cy", "F2"), ("Di", "F3")])
    survey.inject(0, "act-1", "F3", "A")
    survey.inject(1, "act-1", "F0", "C")
    survey.inject(2, "act-4", "F2", None)
    truth = {aid: raci for aid, _, raci in known.activities}["act-5"].get("F1")
    survey.inject(3, "act-5", "F1", "C" if truth != "C" else "I")
    merged = {
        kind: merge_views(survey.write(tmp_path / kind, kind)) for kind in ("yaml", "csv", "xlsx")
    }
    data = {kind: without_places(summary(outcome.merged)) for kind, outcome in merged.items()}
    assert data["csv"] == data["yaml"]
    assert data["xlsx"] == data["yaml"]
    assert sorted(data["yaml"]["contested"]) == ["act-1", "act-4", "act-5"]
    consensus = {kind: o.consensus.split("functions:", 1)[1] for kind, o in merged.items()}
    assert consensus["csv"] == consensus["yaml"] == consensus["xlsx"]
    mixed = [
        tmp_path / "yaml" / "view-0.yaml",
        tmp_path / "csv" / "view-1.csv",
        tmp_path / "xlsx" / "view-2.xlsx",
        tmp_path / "xlsx" / "view-3.xlsx",
    ]
    assert without_places(summary(merge_views(mixed).merged)) == data["yaml"]


def test_survey_fill_in_merge_round_trips(tmp_path: Path) -> None:
    known = known_model(functions=4, activities=5, seed=11)
    (tmp_path / "model.yaml").write_text(known.yaml(), encoding="utf-8")
    model = model_of(tmp_path / "model.yaml")
    people = [Respondent(f"Person {fid}", fid) for fid in known.functions]
    folder = tmp_path / "views"
    folder.mkdir()
    for name, person in zip(file_names(people), people, strict=True):
        book = load_workbook(io.BytesIO(workbook(model, person)))
        sheet = book["RACI"]
        assert (sheet["A1"].value, sheet["B1"].value, sheet["D1"].value) == (
            "Respondent",
            person.name,
            person.function,
        )
        for row, activity in enumerate(model.activities, start=HEADER_ROW + 1):
            assert sheet.cell(row, 1).value == activity.id
            assert all(sheet.cell(row, FIRST_FUNCTION + n).value is None for n in range(4))
            for column, fid in enumerate(model.functions, start=FIRST_FUNCTION):
                if fid in activity.raci:
                    sheet.cell(row, column, activity.raci[fid].label.lower())  # any case
        book.save(folder / name)
    outcome = merge_views([folder], model, "model.yaml")
    assert [view.label for view in outcome.merged.views] == [
        f"Person {fid} ({fid})" for fid in sorted(known.functions)
    ]
    assert outcome.merged.agreement == 1.0
    assert {a.id: {f: h.label for f, h in a.raci.items()} for a in outcome.model.activities} == {
        aid: raci for aid, _, raci in known.activities
    }
    assert [a.phase for a in outcome.model.activities] == ["run"] * 5


def test_prefill_writes_the_models_letters(tmp_path: Path) -> None:
    known = known_model(functions=3, activities=2)
    (tmp_path / "model.yaml").write_text(known.yaml(), encoding="utf-8")
    model = model_of(tmp_path / "model.yaml")
    sheet = load_workbook(io.BytesIO(workbook(model, Respondent("F1", "F1"), prefill=True)))["RACI"]
    for row, (_, _, raci) in enumerate(known.activities, start=HEADER_ROW + 1):
        shown = {
            fid: sheet.cell(row, FIRST_FUNCTION + n).value for n, fid in enumerate(known.functions)
        }
        assert {fid: value for fid, value in shown.items() if value} == raci
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"R,A,C,I,A/R"'
    assert str(validation.sqref) == f"E{HEADER_ROW + 1}:G{HEADER_ROW + 2}"
    assert sheet.cell(HEADER_ROW + 1, FIRST_FUNCTION + 1).fill.start_color.rgb.endswith("FFF3C4")


def test_a_survey_workbook_names_its_model(tmp_path: Path) -> None:
    known = known_model(functions=2, activities=1)
    survey = Survey.agreeing(known, [("Ana", "F0")])
    outcome = merge_views(survey.write(tmp_path, "xlsx"))
    assert outcome.merged.title == "Known model"
    assert outcome.consensus.split("\nversion: 1\nname: Known model\n", 1)[0].startswith("# ")
