"""People in ``raci matrix`` (a column per member) and in ``raci load --format csv`` (a
row per person after their function's).

``tests/data/people.yaml`` by hand: IC is A/R on plan (alex named A/R, sam R), R on post
(kim named R) and R on share (nobody named: all of alex, sam and kim share it). Loads
(see tests/test_people.py): alex 2.5 / 4, sam 2 / 2, kim 2 / 4; IC 6.5 of 10, FTE 2.5.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
from pathlib import Path

import pytest

from raci.output.matrix import build
from raci.output.matrix_data import PersonColumn, person_cell
from tests.conftest import ROOT, RunLine
from tests.helpers import DATA, SMALL, model_of

PEOPLE = DATA / "people.yaml"
PHASED_MODEL = ROOT / "models" / "enterprise-social-phased.yaml"
BROKEN = ROOT / "examples" / "enterprise-social-phased-broken.yaml"
WITH_PEOPLE = [PEOPLE, PHASED_MODEL, BROKEN]


def test_matrix_csv_has_a_column_per_member_after_its_function(run_line: RunLine) -> None:
    assert run_line(["matrix", str(PEOPLE), "-f", "csv"]).stdout.splitlines() == [
        "phase,activity,name,IC,IC/alex,IC/sam,IC/kim,OD",
        ",plan,Plan,A/R,A/R,R,,C",
        ",post,Post,R,,,R,A",
        ",share,Share,R,*,*,*,A/R",
    ]


def test_matrix_text_shows_people_and_explains_the_mark(run_line: RunLine) -> None:
    lines = run_line(["matrix", str(PEOPLE)]).stdout.splitlines()
    assert lines[2].split() == ["Activity", "Name", "IC", "IC/alex", "IC/sam", "IC/kim", "OD", "#"]
    assert lines[4].split() == ["plan", "Plan", "A/R", "A/R", "R", "C", "2"]
    assert lines[6].split() == ["share", "Share", "R", "*", "*", "*", "A/R", "2"]
    assert lines[8].split() == ["R", "3", "1", "4"]  # people add nothing to the totals
    assert lines[-1] == (
        "Members: their letters in people:; * all members share the letters nobody is named for"
    )


def test_matrix_markdown_bolds_a_person_who_owns(run_line: RunLine) -> None:
    text = run_line(["matrix", str(PEOPLE), "-f", "markdown"]).stdout
    assert "| Activity | Name | IC | IC/alex | IC/sam | IC/kim | OD | # |\n" in text
    assert "| `plan` | Plan | **A/R** | **A/R** | R |  | C | 2 |\n" in text
    assert "| `share` | Share | R | \\* | \\* | \\* | **A/R** | 2 |\n" in text
    assert "\n\nMembers: their letters in people:; \\* all members share the letters" in text


def test_matrix_json_carries_people_per_row(run_line: RunLine) -> None:
    data = json.loads(run_line(["matrix", str(PEOPLE), "-f", "json"]).stdout)
    assert data["people"][1] == {"id": "IC/sam", "function": "IC", "name": None, "fte": 0.5}
    assert [row["people"] for row in data["activities"]] == [
        {"IC/alex": {"named": "A/R", "shared": None}, "IC/sam": {"named": "R", "shared": None}},
        {"IC/kim": {"named": "R", "shared": None}},
        {key: {"named": None, "shared": "R"} for key in ("IC/alex", "IC/sam", "IC/kim")},
    ]


@pytest.mark.parametrize("output_format", ["text", "csv", "json", "markdown"])
def test_no_people_reads_as_a_model_without_members(
    run_line: RunLine, tmp_path: Path, output_format: str
) -> None:
    stripped = tmp_path / "org.yaml"
    text = PEOPLE.read_text("utf-8")
    text = text.replace(", people: {IC/alex: A/R, IC/sam: R}", "")
    text = text.replace(", people: {IC/kim: R}", "").replace("fte_unit: 4\n", "")
    members = "    members:\n      alex: {name: Alex Morgan, fte: 1}\n      sam: {fte: 0.5}\n"
    stripped.write_text(text.replace(members + "      kim: {name: Kim Lee}\n", ""), "utf-8")
    hidden = run_line(["matrix", str(PEOPLE), "-f", output_format, "--no-people"]).stdout
    plain = run_line(["matrix", str(stripped), "-f", output_format]).stdout
    assert "alex" not in hidden
    assert hidden.replace(str(PEOPLE), "") == plain.replace(str(stripped), "")


@pytest.mark.parametrize("path", WITH_PEOPLE, ids=lambda p: p.stem)
def test_matrix_people_cells_are_the_models_people(path: Path) -> None:
    model = model_of(path)
    matrix = build(model)
    for activity in matrix.activities:
        for columns in matrix.people.values():
            for column in columns:
                found = person_cell(activity, column, matrix)
                named = activity.people.get(column.id)
                assert (found.named if found else None) == named


def test_a_letter_nobody_is_named_for_is_shared_by_all(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\nfunctions:\n  IC: {name: IC, members: {alex: {}, sam: {}}}\n"
        "activities:\n  - {id: a, name: A, raci: {IC: A/R}, people: {IC/alex: A}}\n",
        encoding="utf-8",
    )
    model = model_of(path)
    matrix = build(model)
    ic = model.functions["IC"]
    cells = [
        person_cell(model.activities[0], PersonColumn(ic, member), matrix)
        for member in ic.members.values()
    ]
    assert [cell.text if cell else "" for cell in cells] == ["A*", "*"]


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_load_csv_adds_a_row_per_person_after_their_function(run_line: RunLine) -> None:
    assert run_line(["load", str(PEOPLE), "-f", "csv"]).stdout.splitlines() == [
        "function,name,accountable,responsible,consulted,informed,load,capacity,utilisation,"
        "accountable_share,betweenness,flags,kind,member_of,fte",
        "IC,Internal Communications,1,3,0,0,6.5,10.0,0.65,0.333333,0.0,,function,,2.5",
        "IC/alex,Alex Morgan,1,1,,,2.5,4.0,0.625,,,,person,IC,1.0",
        "IC/sam,,0,1,,,2.0,2.0,1.0,,,,person,IC,0.5",
        "IC/kim,Kim Lee,0,1,,,2.0,4.0,0.5,,,,person,IC,1.0",
        "OD,Organisational Development,2,1,1,0,2.5,,,0.666667,0.0,,function,,",
    ]


def test_load_csv_flags_a_person_over_capacity(run_line: RunLine) -> None:
    rows = _csv(run_line(["load", str(BROKEN), "-f", "csv"]).stdout)
    flagged = {row["function"]: row["flags"] for row in rows if row["kind"] == "person"}
    assert flagged == {"IC/alex": "over-capacity", "IC/sam": "", "IC/jo": ""}


@pytest.mark.parametrize("path", WITH_PEOPLE, ids=lambda p: p.stem)
def test_load_csv_people_sum_to_their_function(run_line: RunLine, path: Path) -> None:
    rows = _csv(run_line(["load", str(path), "-f", "csv"]).stdout)
    functions = {row["function"]: row for row in rows if row["kind"] == "function"}
    people = [row for row in rows if row["kind"] == "person"]
    assert people
    for fid, row in functions.items():
        mine = [person for person in people if person["member_of"] == fid]
        if mine:
            assert sum(float(p["load"]) for p in mine) == pytest.approx(float(row["load"]))
            assert sum(float(p["fte"]) for p in mine) == pytest.approx(float(row["fte"]))


def test_a_model_without_people_keeps_its_load_csv(run_line: RunLine) -> None:
    header = run_line(["load", str(SMALL), "-f", "csv"]).stdout.splitlines()[0]
    assert header.endswith(",betweenness,flags")


def test_redact_replaces_people_in_the_matrix_and_the_load_csv(run_line: RunLine) -> None:
    outputs = [
        run_line(["matrix", str(PEOPLE), "--redact", "-f", output_format]).stdout
        for output_format in ("text", "csv", "json", "markdown")
    ]
    outputs.append(run_line(["load", str(PEOPLE), "--redact", "-f", "csv"]).stdout)
    for output in outputs:
        assert "IC/1" in output
        assert "IC/3" in output
        assert not any(name in output for name in ("alex", "Alex Morgan", "sam", "kim", "Kim"))
    assert outputs[1].splitlines()[0] == "phase,activity,name,IC,IC/1,IC/2,IC/3,OD"


@pytest.mark.parametrize(
    "command",
    ["raci matrix tests/data/people.yaml", "raci load tests/data/people.yaml --format csv"],
)
def test_readme_people_samples_are_current(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### People beneath functions", 1)[1].split("\n## ", 1)[0]
    found = re.search(rf"```console\n\$ {re.escape(command)}\n(.*?)```", section, re.DOTALL)
    assert found, f"the README lost its sample of {command}"
    monkeypatch.chdir(ROOT)
    assert run_line(shlex.split(command)[1:]).stdout == found[1]
