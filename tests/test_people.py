"""People beneath functions: members, ``people:``, capacity from FTE, load per person.

``tests/data/people.yaml`` by hand (fte_unit 4; IC's FTE 1 + 0.5 + 1 = 2.5, capacity 10):

* plan (3, IC the only R): alex 1.5, sam 1.5 (both named R)
* post (1, IC the only R): kim 1 (named), and kim alone does it
* share (5, IC and OD R): IC's 2.5 spread by FTE: alex 1, sam 0.5, kim 1
* alex 2.5, sam 2, kim 2 = IC's 6.5
"""

from __future__ import annotations

from pathlib import Path

import pytest

from raci.core.context import Context
from raci.core.metrics import compute
from raci.engine import check, load
from tests.conftest import ROOT, RunLine
from tests.helpers import DATA, SMALL, model_of

PEOPLE = DATA / "people.yaml"
PHASED_MODEL = ROOT / "models" / "enterprise-social-phased.yaml"
BROKEN = ROOT / "examples" / "enterprise-social-phased-broken.yaml"


def test_people_loads_by_hand() -> None:
    model = model_of(PEOPLE)
    people = compute(Context(model)).people
    assert people is not None
    found = {
        p.id: (p.accountable, p.responsible, round(p.load, 6), p.capacity) for p in people.people
    }
    assert found == {
        "IC/alex": (1, 1, 2.5, 4.0),
        "IC/sam": (0, 1, 2.0, 2.0),
        "IC/kim": (0, 1, 2.0, 4.0),
    }
    assert {p.id: p.only_worker for p in people.people} == {
        "IC/alex": [], "IC/sam": [], "IC/kim": ["post"],
    }  # fmt: skip
    assert model.functions["IC"].capacity == 10
    assert model.functions["IC"].capacity_from_members


@pytest.mark.parametrize("path", [PEOPLE, PHASED_MODEL, BROKEN], ids=lambda p: p.stem)
def test_people_add_up_to_their_functions_exactly(path: Path) -> None:
    metrics = compute(Context(model_of(path)))
    assert metrics.people is not None
    for function in metrics.functions:
        mine = [p.load for p in metrics.people.people if p.function == function.id]
        if mine:
            assert sum(mine) == pytest.approx(function.load, abs=1e-9)


def test_a_model_without_people_has_no_people_figures(run_line: RunLine) -> None:
    assert compute(Context(model_of(SMALL))).people is None
    assert "Load per person" not in run_line(["load", str(SMALL)]).stdout


def test_load_per_person_in_text(run_line: RunLine) -> None:
    output = run_line(["load", str(PEOPLE)]).stdout
    assert output.split("Load per person\n\n", 1)[1] == (
        "Person   Name         FTE  A  R     Load   Use  Only R on\n"
        "─────────────────────────────────────────────────────────\n"
        "IC/alex  Alex Morgan    1  1  1  2.5 / 4   62%\n"
        "IC/sam                0.5  0  1    2 / 2  100%\n"
        "IC/kim   Kim Lee        1  0  1    2 / 4   50%  post\n\n"
        "Truck factor in people: 4 (IC/alex, IC/sam, IC/kim, OD): without them, 3 of 3 activities "
        "have nobody doing or owning them\n"
    )


@pytest.mark.parametrize(
    ("people", "message"),
    [
        (
            "{IC/alx: R}",
            "'people' of activity 'a' names 'IC/alx': 'alx' is not a member of IC "
            "(did you mean 'alex'?)",
        ),
        ("{ID/alex: R}", "'people' of activity 'a' names 'ID/alex': there is no function 'ID'"),
        (
            "{IC/alex: A}",
            "'people' of activity 'a' gives 'IC/alex' A, which IC does not hold "
            "(IC is R): a person's letters are among the function's",
        ),
        ("{OD/x: R}", "'people' of activity 'a' names 'OD/x': 'x' is not a member of OD"),
        (
            "{alex: R}",
            "'alex' is not FUNCTION/member ('people.alex' of activity 'a'), e.g. IC/alex",
        ),
        (
            "{IC/alex: Q}",
            "'Q' is not a RACI letter ('people.IC/alex' of activity 'a'): use one "
            "of R, A, C, I, A/R",
        ),
    ],
)
def test_people_input_errors(tmp_path: Path, people: str, message: str) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\nfunctions:\n  IC: {name: IC, members: {alex: {}, sam: {}}}\n"
        "  OD: {name: OD}\nactivities:\n"
        f"  - {{id: a, name: A, raci: {{IC: R, OD: A}}, people: {people}}}\n",
        encoding="utf-8",
    )
    loaded = load(path)
    assert loaded.model is None
    assert [finding.message for finding in loaded.findings] == [message]


def test_the_phased_reference_model_is_clean_and_its_broken_twin_shows_each_finding() -> None:
    assert check([PHASED_MODEL]).findings == []
    rules = {finding.rule for finding in check([BROKEN]).findings}
    assert rules >= {
        "capacity-overload",
        "handover-without-overlap",
        "orphaned-after-phase",
        "ownership-churn",
        "person-overload",
        "single-person-dependency",
    }


def test_person_overload_points_at_the_member_even_when_redacted(run_line: RunLine) -> None:
    plain = run_line(["check", str(BROKEN), "--select", "person-overload"]).stdout
    redacted = run_line(["check", str(BROKEN), "--select", "person-overload", "--redact"]).stdout
    where = f"{BROKEN}:32:7: warning RACI027 person-overload: "
    assert plain.startswith(
        f"{where}person 'IC/alex' carries 5.5 effort units against 4 (1 FTE x fte_unit 4) (138%)\n"
    )
    assert redacted.startswith(f"{where}person 'IC/1' carries 5.5 effort units")


def test_a_waiver_of_the_function_covers_its_people(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\nfunctions:\n  IC:\n    name: IC\n    members: {sam: {fte: 0.5}}\n"
        "    waive: {person-overload: extra hours in launch month}\n"
        "activities:\n  - {id: a, name: A, effort: 3, raci: {IC: A/R}}\n",
        encoding="utf-8",
    )
    report = check([path])
    rules = [finding.rule for finding in report.findings]
    assert rules == ["capacity-overload", "sole-owner", "single-person-dependency"]
    assert report.waived == 1  # the waiver is used: no unused-waiver


ONE_MEMBER = """\
version: 1
functions:
  IC: {name: Internal Communications, members: {alex: {}, sam: {}}}
  Solo: {name: Solo team, capacity: 3, members: {kim: {name: Kim Lee}}}
  OD: {name: Organisational Development}
activities:
  - {id: a, name: A, effort: 2, raci: {Solo: A/R, IC: R, OD: C}, people: {IC/alex: R}}
  - {id: b, name: B, raci: {Solo: A, OD: R}}
  - {id: c, name: C, effort: 3, raci: {IC: A/R, Solo: C}}
"""


def test_whatif_without_a_person_equals_without_a_function_of_one_member(tmp_path: Path) -> None:
    from raci.whatif import without

    path = tmp_path / "org.yaml"
    path.write_text(ONE_MEMBER, encoding="utf-8")
    model = model_of(path)
    person = without(model, ["Solo/kim"]).as_dict()
    function = without(model, ["Solo"]).as_dict()
    assert person.pop("removed") == ["Solo/kim"]
    assert function.pop("removed") == ["Solo"]
    assert person == function
    assert [gap["activity"] for gap in person["without_owner"]] == ["a", "b"]


def test_whatif_without_a_person_keeps_what_others_of_the_function_hold(tmp_path: Path) -> None:
    from raci.whatif import without

    path = tmp_path / "org.yaml"
    path.write_text(ONE_MEMBER, encoding="utf-8")
    model = model_of(path)
    found = without(model, ["IC/alex"])
    by_id = {activity.id: activity for activity in found.model.activities}
    assert "IC" not in by_id["a"].raci  # alex was the only one of IC named R on a
    assert by_id["c"].raci["IC"].label == "A/R"  # nobody named: sam still holds it
    assert found.model.functions["IC"].capacity == 1  # one member left, fte_unit 1
    assert [gap["activity"] for gap in found.as_dict()["without_worker"]] == []


def test_whatif_without_person_on_the_command_line(run_line: RunLine) -> None:
    output = run_line(["whatif", str(PEOPLE), "--without", "IC/kim"]).stdout
    assert output.startswith("What if IC/kim steps back? (People rollout, 3 activities)\n")
    assert "Left without a Responsible (R): 1 activity\n  post  could take over: OD (A)\n" in output
    result = run_line(["whatif", str(PEOPLE), "--without", "IC/kimm"], exit_code=2)
    assert (
        result.stderr
        == "raci: --without: no member 'kimm' of IC in the model (did you mean 'kim'?)\n"
    )


def test_redact_replaces_people_in_every_output(run_line: RunLine, tmp_path: Path) -> None:
    named = ("alex", "Alex Morgan", "sam", "kim", "Kim Lee")
    load_text = run_line(["load", str(PEOPLE), "--redact"]).stdout
    assert "IC/1            1  1  1  2.5 / 4   62%\n" in load_text
    check_text = run_line(["check", str(BROKEN), "--redact", "-f", "json"], exit_code=None).stdout
    assert "'IC/1' is the only one Responsible (R)" in check_text
    report = tmp_path / "report.md"
    run_line(["report", str(PHASED_MODEL), "--redact", "-o", str(report)])
    whatif = run_line(["whatif", str(PEOPLE), "--redact", "--without", "IC/3"]).stdout
    assert whatif.startswith("What if IC/3 steps back?")
    for output in (load_text, check_text, report.read_text("utf-8"), whatif):
        assert not any(name in output for name in named)
    assert "Alex Morgan" in run_line(["load", str(PEOPLE)]).stdout  # only when asked


def test_report_has_a_people_section(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    run_line(["report", str(PEOPLE), "-o", str(out), "--date", "2027-01-01"])
    section = out.read_text("utf-8").split("## People\n\n", 1)[1].split("\n## ", 1)[0]
    assert "| IC/kim | 1 | 0 | 1 | 2 / 4 | Post |" in section  # ids show as names
    small = tmp_path / "small.md"
    run_line(["report", str(SMALL), "-o", str(small), "--date", "2027-01-01"])
    assert "## People" not in small.read_text("utf-8")


def test_export_says_what_the_csv_leaves_out(run_line: RunLine, tmp_path: Path) -> None:
    result = run_line(["export", str(PHASED_MODEL), "-o", str(tmp_path / "m.csv")])
    assert result.stderr == (
        "raci: note: the CSV leaves out 'phases:', 'fte_unit:', capacity per phase, 'ends:', "
        "members and people (the workbook holds them)\n"
    )
    assert run_line(["export", str(PHASED_MODEL), "-o", str(tmp_path / "m.xlsx")]).stderr == ""
    assert run_line(["export", str(SMALL), "-o", str(tmp_path / "s.csv")]).stderr == ""
