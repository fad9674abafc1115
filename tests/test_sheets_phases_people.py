"""``raci export`` / ``raci import`` of phased and people models: a row per activity
phase, capacity per phase and ``ends:`` on the Functions sheet, the People and Person
letters sheets, ``phases:`` and ``fte_unit:`` as document properties, and ``--into``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import RunLine

DATA = Path(__file__).parent / "data"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    return list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))


def test_an_activity_given_per_phase_is_a_row_per_phase_and_one_activity_again(
    run_line: RunLine, here: Path
) -> None:
    result = run_line(["export", str(DATA / "phased.yaml"), "--format", "csv", "-o", "m.csv"])
    assert result.stderr == (
        "raci: note: the CSV leaves out 'phases:' and capacity per phase (the workbook "
        "holds them)\n"
    )
    assert (here / "m.csv").read_text(encoding="utf-8") == (
        "Activity,ID,Phase,Effort,Internal Communications (IC),"
        "Organisational Development (OD),Information Technology (IT)\n"
        "Plan the rollout,plan,prepare,2,C,A/R,R\n"
        "Set up the tenant,tenant,prepare,3,,C,A/R\n"
        "Announce the launch,announce,launch,3,A/R,C,\n"
        "Community management,community,launch,2,A/R,C,\n"
        "Community management,community,run,2,R,A,\n"
        "Measure adoption,measure,run,1,,A/R,R\n"
    )
    run_line(["import", "m.csv", "-o", "org.yaml"])
    assert (
        "  - id: community\n"
        "    name: Community management\n"
        "    effort: 2\n"
        "    raci:\n"
        "      launch: {IC: A/R, OD: C}\n"
        "      run: {IC: R, OD: A}\n"
    ) in (here / "org.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            ["Run,r,launch,A/R", "Run,r,launch,R"],
            "m.csv:3:2: id 'r' is already used at m.csv:2:2 in phase 'launch'",
        ),
        (
            ["Run,r,launch,A/R", "Run,r,,R"],
            "m.csv:3:2: id 'r' is already used at m.csv:2:2 (rows of an activity given per "
            "phase each name their phase)",
        ),
        (
            ["Run,r,,A/R", "Run,r,,R"],
            "m.csv:3:2: id 'r' is already used at m.csv:2:2",
        ),
        (
            ["Run,r,launch,A/R", "Run again,r,run,A/R"],
            "m.csv:3:1: the rows of 'r' (one activity given per phase) must agree on its name "
            "(see m.csv:2:1)",
        ),
    ],
)
def test_a_repeated_id_is_refused_where_phases_do_not_tell_the_rows_apart(
    run_line: RunLine, here: Path, rows: list[str], message: str
) -> None:
    (here / "m.csv").write_text("\n".join(["Activity,ID,Phase,IC", *rows]) + "\n", "utf-8")
    result = run_line(["import", "m.csv", "-o", "org.yaml"], exit_code=2)
    assert result.stderr == f"raci: {message}\nraci: 1 problem in m.csv; nothing written\n"
    assert not (here / "org.yaml").exists()


def test_the_rows_of_one_activity_agree_on_what_it_holds_once(
    run_line: RunLine, here: Path
) -> None:
    (here / "m.csv").write_text(
        "Activity,ID,Phase,Effort,Depends on,IC\n"
        "Plan,plan,prepare,1,,A/R\n"
        "Run,run,launch,2,plan,A/R\n"
        "Run,run,run,3,,R\n",
        encoding="utf-8",
    )
    result = run_line(["import", "m.csv", "-o", "org.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: m.csv:4:4: the rows of 'run' (one activity given per phase) must agree on "
        "Effort (see m.csv:3:4)\n"
        "raci: 1 problem in m.csv; nothing written\n"
    )


def test_the_functions_sheet_has_capacity_per_phase_and_ends(run_line: RunLine, here: Path) -> None:
    run_line(["export", str(DATA / "phased.yaml"), "-o", "m.xlsx"])
    assert _rows(here / "m.xlsx", "Functions") == [
        ("ID", "Name", "Capacity", "Capacity (prepare)", "Capacity (launch)", "Capacity (run)",
         "Description", "Waivers"),
        ("IC", "Internal Communications", None, None, 4, 3, None, None),
        ("OD", "Organisational Development", 6, None, None, None, None, None),
        ("IT", "Information Technology", None, None, None, None, None, None),
    ]  # fmt: skip
    book = openpyxl.load_workbook(here / "m.xlsx")
    assert {prop.name: prop.value for prop in book.custom_doc_props.props} == {
        "raci scheme": "raci",
        "raci phases": '["prepare", "launch", "run"]',
    }
    model = str(Path(__file__).parents[1] / "models" / "enterprise-social-phased.yaml")
    run_line(["export", model, "-o", "ref.xlsx"])
    functions = _rows(here / "ref.xlsx", "Functions")
    assert functions[0][6] == "Ends"
    assert functions[7][:7] == ("Launch", "Launch project team", None, None, 8, None, "launch")


def test_the_people_sheets_list_members_and_person_letters(run_line: RunLine, here: Path) -> None:
    run_line(["export", str(DATA / "people.yaml"), "-o", "m.xlsx"])
    book = openpyxl.load_workbook(here / "m.xlsx")
    assert book.sheetnames == [
        "Matrix", "Functions", "People", "Person letters", "Legend", "Load", "Findings",
    ]  # fmt: skip
    assert _rows(here / "m.xlsx", "People") == [
        ("Function", "Member", "Name", "FTE"),
        ("IC", "alex", "Alex Morgan", 1),
        ("IC", "sam", None, 0.5),
        ("IC", "kim", "Kim Lee", 1),
    ]
    assert _rows(here / "m.xlsx", "Person letters") == [
        ("Activity ID", "Activity", "Person", "Letters"),
        ("plan", "Plan", "IC/alex", "A/R"),
        ("plan", "Plan", "IC/sam", "R"),
        ("post", "Post", "IC/kim", "R"),
    ]
    # IC's capacity comes from its members: the Functions sheet leaves it blank
    assert _rows(here / "m.xlsx", "Functions")[1][:3] == ("IC", "Internal Communications", None)
    assert {p.name: p.value for p in book.custom_doc_props.props}["raci fte unit"] == "4"
    result = run_line(["export", str(DATA / "people.yaml"), "-o", "m.csv"])
    assert result.stderr == (
        "raci: note: the CSV leaves out 'fte_unit:', members and people (the workbook holds them)\n"
    )


def test_redact_numbers_people_in_the_workbook(run_line: RunLine, here: Path) -> None:
    run_line(["export", "--redact", str(DATA / "people.yaml"), "-o", "m.xlsx"])
    assert _rows(here / "m.xlsx", "People")[1:] == [
        ("IC", "1", None, 1),
        ("IC", "2", None, 0.5),
        ("IC", "3", None, 1),
    ]
    assert [row[2] for row in _rows(here / "m.xlsx", "Person letters")[1:]] == [
        "IC/1", "IC/2", "IC/3",
    ]  # fmt: skip
    cells = [
        str(cell.value)
        for sheet in openpyxl.load_workbook(here / "m.xlsx").worksheets
        for row in sheet.iter_rows()
        for cell in row
    ]
    assert not [cell for cell in cells if "alex" in cell.casefold() or "Kim" in cell]
    run_line(["import", "m.xlsx", "-o", "back.yaml"])
    run_line(["check", "back.yaml"], exit_code=None)


def test_people_cells_that_cannot_be_read_are_refused_at_their_cells(
    run_line: RunLine, here: Path
) -> None:
    run_line(["export", str(DATA / "people.yaml"), "-o", "m.xlsx"])
    book = openpyxl.load_workbook(here / "m.xlsx")
    people = book["People"]
    people["D3"] = "half"
    people["B4"] = "alex"
    people.append(["Comms", "lee", "Lee Park", 1])
    people.append(["IC", "lee park", None, 1])
    letters = book["Person letters"]
    letters["C3"] = "IC/nobody"
    letters["D4"] = "Q"
    letters.append(["post", None, "IC/alex", "A"])
    letters.append(["gone", None, "IC/alex", "R"])
    book.save(here / "m.xlsx")
    result = run_line(["import", "m.xlsx", "-o", "org.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: m.xlsx:People!D3: FTE must be a number above 0, not 'half'\n"
        "raci: m.xlsx:People!B4: 'IC/alex' is already listed at m.xlsx:People!B2\n"
        "raci: m.xlsx:People!A5: 'Comms' is not a function id of this workbook\n"
        "raci: m.xlsx:People!B6: member id 'lee park' is not a valid id\n"
        "raci: m.xlsx:'Person letters'!C3: 'IC/nobody' is not a member on the People sheet "
        "(write FUNCTION/member)\n"
        "raci: m.xlsx:'Person letters'!C4: 'IC/kim' is not a member on the People sheet "
        "(write FUNCTION/member)\n"
        "raci: m.xlsx:'Person letters'!D5: IC holds R on 'post', not A: a person's letters "
        "are among the function's\n"
        "raci: m.xlsx:'Person letters'!A6: no activity 'gone' in the matrix\n"
        "raci: 8 problems in m.xlsx; nothing written\n"
    )
    assert not (here / "org.yaml").exists()


def test_bad_capacity_cells_are_refused_at_their_cells(run_line: RunLine, here: Path) -> None:
    run_line(["export", str(DATA / "phased.yaml"), "-o", "m.xlsx"])
    book = openpyxl.load_workbook(here / "m.xlsx")
    book["Functions"]["F2"] = "lots"
    book["Functions"]["D3"] = 2
    book.save(here / "m.xlsx")
    result = run_line(["import", "m.xlsx", "-o", "org.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: m.xlsx:Functions!F2: capacity must be a number above 0, not 'lots'\n"
        "raci: m.xlsx:Functions!D3: give capacity as one number (Capacity) or per phase, "
        "not both\n"
        "raci: 2 problems in m.xlsx; nothing written\n"
    )


def test_into_edits_per_phase_letters_people_and_members(run_line: RunLine, here: Path) -> None:
    for name in ("phased.yaml", "people.yaml"):
        (here / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    run_line(["export", "phased.yaml", "-o", "m.xlsx"])
    book = openpyxl.load_workbook(here / "m.xlsx")
    assert (book["Matrix"]["B6"].value, book["Matrix"]["C6"].value) == ("community", "run")
    book["Matrix"]["E6"] = "C"  # IC in run: R -> C
    book["Functions"]["E2"] = 5  # IC's capacity in launch: 4 -> 5
    book.save(here / "m.xlsx")
    run_line(["import", "m.xlsx", "--into", "phased.yaml"])
    text = (here / "phased.yaml").read_text(encoding="utf-8")
    assert "  IC: {name: Internal Communications, capacity: {launch: 5, run: 3}}\n" in text
    assert "      launch: {IC: A/R, OD: C}\n      run: {OD: A, IC: C}\n" in text

    run_line(["export", "people.yaml", "-o", "p.xlsx"])
    book = openpyxl.load_workbook(here / "p.xlsx")
    book["Person letters"]["D3"] = "A/R"
    book["Person letters"].append(["share", None, "IC/kim", "R"])
    book["People"]["D3"] = 0.75
    book["People"].append(["IC", "lee", "Lee Park", 0.5])
    book.save(here / "p.xlsx")
    run_line(["import", "p.xlsx", "--into", "people.yaml"])
    assert (here / "people.yaml").read_text(encoding="utf-8").split("functions:\n")[1] == (
        "  IC:\n"
        "    name: Internal Communications\n"
        "    members:\n"
        "      alex: {name: Alex Morgan, fte: 1}\n"
        "      sam: {fte: 0.75}\n"
        "      kim: {name: Kim Lee}\n"
        "      lee: {name: Lee Park, fte: 0.5}\n"
        "  OD: {name: Organisational Development}\n"
        "activities:\n"
        "  - {id: plan, name: Plan, effort: 3, raci: {IC: A/R, OD: C}, "
        "people: {IC/alex: A/R, IC/sam: A/R}}\n"
        "  - {id: post, name: Post, effort: 1, raci: {IC: R, OD: A}, people: {IC/kim: R}}\n"
        "  - {id: share, name: Share, effort: 5, raci: {IC: R, OD: A/R}, "
        "people: {IC/kim: R}}\n"
    )


def test_into_refuses_a_change_of_phases_and_writes_nothing(run_line: RunLine, here: Path) -> None:
    text = (DATA / "phased.yaml").read_text(encoding="utf-8")
    (here / "phased.yaml").write_text(text, encoding="utf-8")
    run_line(["export", "phased.yaml", "-o", "m.xlsx"])
    book = openpyxl.load_workbook(here / "m.xlsx")
    book["Matrix"].delete_rows(6)  # community's run row
    book.save(here / "m.xlsx")
    result = run_line(["import", "m.xlsx", "--into", "phased.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: cannot apply m.xlsx with --into: 'community' changes the phases it is given in "
        "(launch, run -> one set of letters); nothing was written: edit those in the YAML, or "
        "import without --into\n"
    )
    assert (here / "phased.yaml").read_text(encoding="utf-8") == text
    (here / "people.yaml").write_text((DATA / "people.yaml").read_text("utf-8"), "utf-8")
    result = run_line(["import", "--redact", "m.xlsx", "--into", "people.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: --redact numbers the people of the model it edits: drop it with --into\n"
    )


def test_the_readme_shows_what_bad_people_cells_print(run_line: RunLine, here: Path) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Phases and people in a spreadsheet", 1)[1]
    sample = section.split("```console\n", 1)[1].split("```", 1)[0]
    shown = [line.strip() for line in sample.splitlines() if line.strip()]
    run_line(["export", str(DATA / "people.yaml"), "-o", "m.xlsx"])
    book = openpyxl.load_workbook(here / "m.xlsx")
    book["People"]["D3"] = "half"
    book["Person letters"]["C3"] = "IC/nobody"
    book["Person letters"].append(["post", None, "IC/alex", "A"])
    book.save(here / "m.xlsx")
    result = run_line(["import", "m.xlsx", "-o", "org.yaml"], exit_code=2)
    assert shown == ["$ raci import m.xlsx -o org.yaml", *result.stderr.splitlines()]


def test_into_adds_an_activity_given_per_phase_and_its_new_phase(
    run_line: RunLine, here: Path
) -> None:
    (here / "phased.yaml").write_text((DATA / "phased.yaml").read_text("utf-8"), "utf-8")
    run_line(["export", "phased.yaml", "-o", "m.csv"])
    with (here / "m.csv").open("a", encoding="utf-8") as sheet:
        sheet.write("Wrap up,wrap,run,1,A/R,C,\nWrap up,wrap,close,1,C,A/R,\n")
    result = run_line(["import", "m.csv", "--into", "phased.yaml"])
    assert "  + wrap  Wrap up\n" in result.stdout
    text = (here / "phased.yaml").read_text(encoding="utf-8")
    assert "phases: [prepare, launch, run, close]\n" in text
    assert text.endswith(
        "\n\n  - id: wrap\n    name: Wrap up\n    raci:\n      run: {IC: A/R, OD: C}\n"
        "      close: {IC: C, OD: A/R}\n"
    )


def test_into_without_the_person_letters_sheet_keeps_the_people(
    run_line: RunLine, here: Path
) -> None:
    text = (DATA / "people.yaml").read_text(encoding="utf-8")
    (here / "people.yaml").write_text(text, encoding="utf-8")
    run_line(["export", "people.yaml", "-o", "p.xlsx"])
    book = openpyxl.load_workbook(here / "p.xlsx")
    del book["Person letters"]
    book["People"]["D4"] = 2  # kim: 1 -> 2 FTE
    book.save(here / "p.xlsx")
    run_line(["import", "p.xlsx", "--into", "people.yaml"])
    edited = (here / "people.yaml").read_text(encoding="utf-8")
    assert edited == text.replace("kim: {name: Kim Lee}", "kim: {name: Kim Lee, fte: 2}")
