"""``raci diff`` of phased and people models: every phase of an activity given per phase,
members and person letters; function labels and hostile names in its outputs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from raci.diff.changes import (
    AccountabilityMove,
    AssignmentChange,
    FieldChange,
    MemberRef,
    PersonChange,
    PhaseRef,
    Rename,
    diff_paths,
)
from tests.conftest import RunLine

Write = Callable[[str, str], Path]

PHASED = Path(__file__).parent.parent / "models" / "enterprise-social-phased.yaml"

EDITS = (
    ("      sam: {fte: 1}", "      sam: {fte: 0.5}"),  # a member's FTE
    ("      run: {IC: A/R, OD: C}", "      run: {IC: A/R, OD: R}"),  # a letter in run
    (  # champions gains a phase; IC/sam no longer holds R on it
        "    raci:\n      launch: {OD: A/R, IC: C}\n      run: {OD: A, IC: R}\n"
        "    people: {IC/sam: R, IC/jo: R}",
        "    raci:\n      prepare: {OD: A/R}\n      launch: {OD: A/R, IC: C}\n"
        "      run: {OD: A, IC: R}\n    people: {IC/jo: R}",
    ),
)


@pytest.fixture
def versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Two versions of the reference phased model, in the working directory."""
    text = PHASED.read_text(encoding="utf-8")
    (tmp_path / "old.yaml").write_text(text, encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1
        text = text.replace(old, new)
    (tmp_path / "new.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return "old.yaml", "new.yaml"


def test_text_names_the_phase_the_people_and_the_members(
    run_line: RunLine, versions: tuple[str, str]
) -> None:
    # load by hand: OD gains champions/prepare alone (2) and shares community-management/run
    # with IC (3 / 2): 5 -> 8.5; IC keeps half of the latter: 10.5 -> 9. IC's capacity is
    # its members' FTE x fte_unit 4: (1 + 1 + 1) x 4 = 12 -> (1 + 0.5 + 1) x 4 = 10.
    assert run_line(["diff", *versions]).stdout == (
        "raci diff old.yaml → new.yaml\n"
        "\n"
        "Activities\n"
        "  + champions: phase prepare (OD A/R)\n"
        "\n"
        "Assignments\n"
        "  community-management: run: OD C → R\n"
        "\n"
        "Functions\n"
        "  ~ IC: capacity 12 → 10\n"
        "\n"
        "Members\n"
        "  ~ IC/sam: fte 1 → 0.5\n"
        "\n"
        "Person letters\n"
        "  champions: run: IC/sam R → —\n"
        "\n"
        "Load per function\n"
        "  function  A      R      C      I  load      share of A\n"
        "  IC        2      5      6      1  10.5 → 9  11% → 11%\n"
        "  OD        5 → 6  4 → 6  4 → 3  1  5 → 8.5   28% → 32%\n"
        "\n"
        "Accountability concentration (HHI): 0.19 → 0.2\n"
        "\n"
        "Findings introduced (3)\n"
        "  new.yaml:33:7: warning RACI027 person-overload: person 'IC/sam' carries 2.25 "
        "effort units against 2 (0.5 FTE x fte_unit 4) (112%)\n"
        "  new.yaml:114:7: warning RACI010 sole-owner: function 'OD' goes it alone on "
        "activity 'champions' in phase 'prepare': no other function is Responsible (R) or "
        "Consulted (C)\n"
        "  new.yaml:117:14: warning RACI026 single-person-dependency: activity 'champions' "
        "in phase 'run' rests on one person: 'IC/jo' is the only one Responsible (R) for it; "
        "name a second person or share the work\n"
        "\n"
        "activities: 1 phase added; 1 assignment change; 1 person letter change; "
        "1 member change\n"
        "✓ introduces 0 errors and 3 warnings\n"
    )


def test_json_carries_phases_members_and_person_letters(
    run_line: RunLine, versions: tuple[str, str]
) -> None:
    data = json.loads(run_line(["diff", *versions, "-f", "json"]).stdout)
    assert data["activities_added"] == data["activities_removed"] == []
    assert data["phases_added"] == [
        {
            "activity": "champions",
            "name": "Recruit and run the champions network",
            "phase": "prepare",
            "letters": {"OD": "A/R"},
        }
    ]
    assert data["phases_removed"] == []
    assert data["assignments"] == [
        {
            "activity": "community-management",
            "function": "OD",
            "old": "C",
            "new": "R",
            "phase": "run",
            "change": "changed",
        }
    ]
    assert data["accountability"] == []
    assert data["fields"] == [
        {"kind": "function", "id": "IC", "field": "capacity", "old": 12.0, "new": 10.0},
        {"kind": "member", "id": "IC/sam", "field": "fte", "old": 1.0, "new": 0.5},
    ]
    assert data["members_added"] == data["members_removed"] == []
    assert data["people"] == [
        {
            "activity": "champions",
            "person": "IC/sam",
            "old": "R",
            "new": None,
            "phase": "run",
            "change": "removed",
        }
    ]


def test_markdown_tables(run_line: RunLine, versions: tuple[str, str]) -> None:
    text = run_line(["diff", *versions, "-f", "markdown"]).stdout
    assert (
        "| change | activity | name |\n| --- | --- | --- |\n"
        "| phase added: prepare | `champions` | Recruit and run the champions network |\n"
    ) in text
    assert "| `community-management`: run | OD | C | R |\n" in text
    assert (
        "### Members\n\n| change | member | detail |\n| --- | --- | --- |\n"
        "| fte changed | IC/sam | 1 → 0.5 |\n"
    ) in text
    assert (
        "### Person letters\n\n| activity | person | before | after |\n"
        "| --- | --- | --- | --- |\n| `champions`: run | IC/sam | R | — |\n"
    ) in text


SMALL = """\
version: 1
phases: [launch, run]
functions:
  IC:
    name: Internal Communications
    members: {alex: {fte: 1}, sam: {fte: 1}}
  OD: {name: Organisational Development}
activities:
  - id: community
    name: Manage communities
    raci:
      launch: {IC: A/R, OD: C}
      run: {IC: R, OD: A}
    people: {IC/alex: A/R}
  - id: announce
    name: Announce the launch
    raci:
      launch: {IC: A/R}
      run: {IC: A/R}
"""


def test_accountability_per_phase_phase_removed_and_members(write: Write) -> None:
    old = write("old.yaml", SMALL)
    new = write(
        "new.yaml",
        SMALL.replace("run: {IC: R, OD: A}", "run: {IC: A/R, OD: C}")
        .replace("      run: {IC: A/R}\n", "")
        .replace("sam: {fte: 1}", "kim: {name: Kim, fte: 0.5}")
        .replace("people: {IC/alex: A/R}", "people: {IC/alex: A/R, IC/kim: R}"),
    )
    result = diff_paths(old, new)
    assert result.activities_added == result.activities_removed == []
    assert result.phases_added == []
    assert result.phases_removed == [
        PhaseRef("announce", "Announce the launch", "run", {"IC": "A/R"})
    ]
    assert result.assignments == [
        AssignmentChange("community", "IC", "R", "A/R", "run"),
        AssignmentChange("community", "OD", "A", "C", "run"),
    ]
    assert result.accountability == [AccountabilityMove("community", ("OD",), ("IC",), "run")]
    assert result.members_added == [MemberRef("IC/kim", "Kim", 0.5)]
    assert result.members_removed == [MemberRef("IC/sam", None, 1.0)]
    # alex is A/R in launch and run now (IC is A/R in both); kim is R wherever IC is
    assert result.people == [
        PersonChange("community", "IC/kim", None, "R", "launch"),
        PersonChange("community", "IC/alex", None, "A/R", "run"),
        PersonChange("community", "IC/kim", None, "R", "run"),
    ]
    assert result.fields == [FieldChange("function", "IC", "capacity", 2.0, 1.5)]


def test_a_renamed_activity_given_per_phase_is_compared_phase_by_phase(write: Write) -> None:
    old = write("old.yaml", SMALL)
    new = write(
        "new.yaml",
        SMALL.replace("id: community", "id: communities").replace(
            "launch: {IC: A/R}", "launch: {IC: A/R, OD: I}"
        ),
    )
    result = diff_paths(old, new)
    # same name for community; announce keeps its id and changes its launch phase only
    assert result.renamed == [Rename("community", "communities", "Manage communities", "same name")]
    assert result.activities_added == result.activities_removed == []
    assert result.phases_added == result.phases_removed == []
    assert result.assignments == [AssignmentChange("announce", "OD", None, "I", "launch")]


def test_renames_by_assignments_read_every_phase(write: Write) -> None:
    """Two activities alike in launch, told apart by run: each finds its new id (read by
    its first phase only, both would be ambiguous and stay added + removed)."""
    alike = SMALL.replace("launch: {IC: A/R}", "launch: {IC: A/R, OD: C}")
    old = write("old.yaml", alike)
    new = write(
        "new.yaml",
        alike.replace(
            "id: community\n    name: Manage communities", "id: c2\n    name: Moderate"
        ).replace("id: announce\n    name: Announce the launch", "id: a2\n    name: Announce"),
    )
    result = diff_paths(old, new)
    assert result.renamed == [
        Rename("community", "c2", "Moderate", "same assignments"),
        Rename("announce", "a2", "Announce", "same assignments"),
    ]
    assert result.activities_added == result.activities_removed == []
    assert result.assignments == result.phases_added == result.phases_removed == []


LABELS = """\
version: 1
functions:
  IT: {name: Digital Workplace (IT)}
  HR: {name: HR}
  OD: {name: Organisational Development}
activities:
  - {id: run, name: "Run\\nthe service", raci: {IT: A/R, HR: C, OD: I}}
"""


def test_markdown_labels_never_repeat_the_id(run_line: RunLine, write: Write) -> None:
    old = write("old.yaml", LABELS)
    new = write("new.yaml", LABELS.replace("HR: C, OD: I", "HR: R, OD: R"))
    text = run_line(["diff", str(old), str(new), "-f", "markdown"]).stdout
    assert "| Digital Workplace (IT) | 1 | 1 | 0 | 0 | 1 → 0.33 | 100% |\n" in text
    assert "| HR | 0 | 0 → 1 | 1 → 0 | 0 | 0 → 0.33 | 0% |\n" in text
    assert "| OD (Organisational Development) | 0 | 0 → 1 | 0 | 1 → 0 | 0 → 0.33 | 0% |\n" in text
    assert "(IT) (IT)" not in text
    assert "HR (HR)" not in text


def test_text_escapes_a_newline_in_a_name(run_line: RunLine, write: Write) -> None:
    old = write("old.yaml", LABELS)
    new = write(
        "new.yaml",
        LABELS.replace("Run\\nthe service", "Run\\nthe whole service")
        + '  - {id: "x", name: "Add\\n::error::x", raci: {IT: A/R}}\n',
    )
    lines = run_line(["diff", str(old), str(new)]).stdout.splitlines()
    assert lines[2:6] == [
        "Activities",
        "  + x  Add\\x0a::error::x",
        "  ~ run: name Run\\x0athe service → Run\\x0athe whole service",
        "",
    ]


def test_models_without_phases_or_people_keep_their_json(run_line: RunLine, write: Write) -> None:
    old = write("old.yaml", LABELS)
    data = json.loads(run_line(["diff", str(old), str(old), "-f", "json"]).stdout)
    assert list(data) == [
        "old", "new", "functions_added", "functions_removed", "activities_added",
        "activities_removed", "renamed", "fields", "assignments", "accountability", "load",
        "hhi", "introduced", "fixed", "changed_findings", "strict", "scheme", "exit_code",
    ]  # fmt: skip


def test_capacity_per_phase_and_ends(run_line: RunLine, versions: tuple[str, str]) -> None:
    """IT's capacity moves between phases (its sum, 18, stays) and Launch stays for run."""
    text = Path("old.yaml").read_text(encoding="utf-8")
    Path("new.yaml").write_text(
        text.replace("{prepare: 10, launch: 4, run: 4}", "{prepare: 9, launch: 5, run: 4}").replace(
            "    ends: launch", "    ends: run"
        ),
        encoding="utf-8",
    )
    lines = run_line(["diff", *versions]).stdout.splitlines()
    assert lines[2:6] == [
        "Functions",
        "  ~ IT: capacity {prepare: 10, launch: 4, run: 4} → {prepare: 9, launch: 5, run: 4}",
        "  ~ Launch: ends launch → run",
        "",
    ]
