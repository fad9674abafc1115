"""``raci survey`` then ``raci merge``, as a user runs them, with exact output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from raci.views.survey import FIRST_FUNCTION, HEADER_ROW
from tests.conftest import RunLine

FUNCTIONS = ["IC", "HR", "OD", "IT", "Brand"]
ROW = {"vision": 5, "usage-policy": 6, "launch-event": 7, "champions": 8, "theme": 9}


def fill(path: Path, changes: dict[tuple[str, str], str | None]) -> None:
    """Fill a prefilled survey workbook in as its respondent would, with some changes."""
    book = load_workbook(path)
    sheet = book["RACI"]
    for (activity, function), letter in changes.items():
        sheet.cell(ROW[activity], FIRST_FUNCTION + FUNCTIONS.index(function), letter)
    book.save(path)


@pytest.fixture
def views(here: Path, run_line: RunLine) -> Path:
    """Five returned views of small.yaml: HR and IT disagree on who owns the champions."""
    result = run_line(["survey", "small.yaml", "-o", "views", "--prefill"])
    assert result.stdout == (
        "Wrote 5 survey workbooks to views/: IC.xlsx, HR.xlsx, OD.xlsx, IT.xlsx, Brand.xlsx\n"
    )
    fill(here / "views/HR.xlsx", {("champions", "HR"): "C", ("champions", "IC"): "A"})
    fill(here / "views/IT.xlsx", {("champions", "HR"): "A", ("usage-policy", "IT"): "I"})
    return here / "views"


def test_survey_writes_one_workbook_per_function(views: Path) -> None:
    sheet = load_workbook(views / "OD.xlsx")["RACI"]
    assert [sheet.cell(1, n).value for n in range(1, 5)] == ["Respondent", "OD", "Function", "OD"]
    assert [sheet.cell(HEADER_ROW, n).value for n in range(1, 7)] == [
        "ID", "Activity", "Phase", "Description", "Internal Communications (IC)",
        "Human Resources (HR)",
    ]  # fmt: skip
    assert load_workbook(views / "OD.xlsx").sheetnames == ["Instructions", "RACI"]


def test_merge_prints_agreement_findings_and_writes_the_consensus(
    views: Path, run_line: RunLine
) -> None:
    result = run_line(["merge", "views", "-o", "consensus.yaml"])
    assert result.stdout == (
        "Merged 5 views on 5 activities x 5 functions: Brand, HR, IC, IT, OD\n"
        "Agreement: alpha 0.93, 95% of answers agree\n"
        "2 activities disputed, most contested first:\n"
        "  champions  alpha 0.79, 84%: IC C:4 A:1, HR A:4 C:1\n"
        "  usage-policy  alpha 0.90, 92%: IT blank:4 I:1\n"
        "Perception gaps (own view against the others'):\n"
        "  HR sees itself Accountable (A) for 0 activities; the others see HR Accountable (A) "
        "for 1 activity\n"
        "  HR sees itself Consulted (C) for 2 activities; the others see HR Consulted (C) for "
        "1 activity\n"
        "  IT sees itself Informed (I) for 1 activity; the others see IT Informed (I) for 0 "
        "activities\n"
        "Consensus written to consensus.yaml\n"
        "\n"
        "views/HR.xlsx:RACI!E8: warning RACI019 contested-accountable: activity 'champions' "
        "has a contested Accountable (A): Brand, IC, IT and OD name HR; HR names IC\n"
        "• 0 errors, 1 warning, 0 info in 5 views\n"
    )
    run_line(["check", "consensus.yaml"])
    text = Path("consensus.yaml").read_text("utf-8")
    assert "    raci: {IC: C, HR: A, IT: R}\n" in text.split("id: champions", 1)[1]
    assert "effort:" not in text  # the first view read has no efforts; the model has
    run_line(["merge", "views", "--model", "small.yaml", "-o", "consensus.yaml"])
    text = Path("consensus.yaml").read_text("utf-8")
    assert "    effort: 2\n" in text.split("id: vision", 1)[1]
    assert "    depends_on: [vision]\n" in text


def test_merge_json_and_sarif_locate_findings_in_the_views(views: Path, run_line: RunLine) -> None:
    data = json.loads(run_line(["merge", "views", "--format", "json"]).stdout)
    assert data["summary"]["files"] == 5
    assert [f["cell"] for f in data["findings"]] == ["RACI!E8"]
    assert data["findings"][0]["file"] == "views/HR.xlsx"
    assert (data["findings"][0]["line"], data["findings"][0]["column"]) == (8, 5)
    assert data["merge"]["contested_accountable"] == [
        {"activity": "champions", "named": [{"function": "HR", "by": ["Brand", "IC", "IT", "OD"]},
                                            {"function": "IC", "by": ["HR"]}]}
    ]  # fmt: skip
    sarif = json.loads(run_line(["merge", "views", "--format", "sarif"]).stdout)
    (run,) = sarif["runs"]
    location = run["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "views/HR.xlsx"
    assert location["region"]["startLine"] == 8


def test_merge_github_writes_workflow_commands(views: Path, run_line: RunLine) -> None:
    lines = run_line(["merge", "views", "--format", "github"]).stdout.splitlines()
    assert lines[0].startswith("::warning file=views/HR.xlsx,line=8,col=5,title=")
    assert lines[-1].startswith("::notice title=raci::")


@pytest.mark.parametrize(
    ("name", "start"),
    [("agreement.md", b"# Whose view? Small rollout"), ("agreement.html", b"<!DOCTYPE html>"),
     ("agreement.json", b"{"), ("agreement.xlsx", b"PK")],
)  # fmt: skip
def test_merge_writes_the_report_its_suffix_names(
    views: Path, run_line: RunLine, name: str, start: bytes
) -> None:
    run_line(["merge", "views", "--model", "small.yaml", "--report", name])
    assert Path(name).read_bytes().startswith(start)


def test_the_xlsx_report_has_a_sheet_per_kind_of_disagreement(
    views: Path, run_line: RunLine
) -> None:
    run_line(["merge", "views", "--report", "agreement.xlsx"])
    book = load_workbook("agreement.xlsx")
    assert book.sheetnames == [
        "Summary", "Disputed cells", "Contested accountable", "Unclaimed", "Self-view gap",
        "Low agreement", "Perception",
    ]  # fmt: skip
    rows = list(book["Contested accountable"].iter_rows(values_only=True))
    assert rows[1][:3] == ("views/HR.xlsx:RACI!E8", "champions", None)


def test_a_bad_letter_is_exit_2_at_its_cell_and_nothing_is_written(
    views: Path, run_line: RunLine
) -> None:
    fill(views / "OD.xlsx", {("theme", "IT"): "X"})
    result = run_line(["merge", "views", "-o", "consensus.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: views/OD.xlsx:RACI!H9: 'X' is not a RACI letter: use one of R, A, C, I, A/R\n"
        "raci: 1 problem in 5 views; nothing written\n"
    )
    assert not Path("consensus.yaml").exists()


def test_a_missing_respondent_is_exit_2_at_its_cell(views: Path, run_line: RunLine) -> None:
    book = load_workbook(views / "IC.xlsx")
    book["RACI"]["D1"] = None
    book.save(views / "IC.xlsx")
    result = run_line(["merge", "views"], exit_code=2)
    assert result.stderr.startswith(
        "raci: views/IC.xlsx:RACI!D1: the respondent's function is missing\n"
    )


def test_survey_respondents(here: Path, run_line: RunLine) -> None:
    Path("people.csv").write_text("name,function\nDana Reyes,HR\nSam Ko,IT\n", encoding="utf-8")
    result = run_line(
        ["survey", "small.yaml", "-o", "out", "--respondent", "Ava=IC", "--respondents",
         "people.csv"]
    )  # fmt: skip
    assert result.stdout == (
        "Wrote 3 survey workbooks to out/: ava-ic.xlsx, dana-reyes-hr.xlsx, sam-ko-it.xlsx\n"
    )
    assert load_workbook("out/sam-ko-it.xlsx")["RACI"]["B1"].value == "Sam Ko"
    bad = run_line(["survey", "small.yaml", "-o", "x", "--respondent", "Ava=Comms"], exit_code=2)
    assert bad.stderr == (
        "raci: --respondent: 'Comms' is not a function of the model (did you mean 'IC' "
        "(Internal Communications)?)\n"
    )
    Path("people.csv").write_text("name,function\nDana,HRR\n", encoding="utf-8")
    bad = run_line(["survey", "small.yaml", "-o", "x", "--respondents", "people.csv"], exit_code=2)
    assert bad.stderr == (
        "raci: people.csv:2:2: 'HRR' is not a function of the model (did you mean 'HR' "
        "(Human Resources)?)\n"
    )
    assert not Path("x").exists()


@pytest.mark.parametrize("option", ["-o", "--report"])
def test_merge_never_writes_over_a_view_inside_a_directory(
    views: Path, run_line: RunLine, option: str
) -> None:
    before = (views / "IC.xlsx").read_bytes()
    result = run_line(["merge", "views", option, "views/IC.xlsx"], exit_code=2)
    assert result.stderr == (
        "raci: -o views/IC.xlsx is an input of this command; write the output to another file\n"
    )
    assert (views / "IC.xlsx").read_bytes() == before
