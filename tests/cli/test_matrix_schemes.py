"""``raci matrix`` and the report in every scheme: the legend, colours by role, JSON."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import EXAMPLES, RunLine

SCHEMES = EXAMPLES / "schemes"

LEGENDS = {
    "rasci": "RASCI letters: R Responsible, A Accountable, S Supportive, C Consulted, "
    "I Informed (combined: A/R)",
    "raci-vs": "RACI-VS letters: R Responsible, A Accountable, C Consulted, I Informed, "
    "V Verifier, S Signatory (combined: A/R, A/S)",
    "daci": "DACI letters: D Driver, A Approver, C Contributor, I Informed (combined: A/D)",
    "rapid": "RAPID letters: R Recommend, A Agree, P Perform, I Input, D Decide (combined: D/P)",
}


@pytest.mark.parametrize("scheme", sorted(LEGENDS))
def test_text_ends_with_the_schemes_legend(run_line: RunLine, scheme: str) -> None:
    lines = run_line(["matrix", str(SCHEMES / f"{scheme}.yaml")]).stdout.splitlines()
    assert lines[-2:] == ["", LEGENDS[scheme]]
    assert lines[0].endswith(f"{LEGENDS[scheme].split()[0]} matrix")


def test_markdown_legend_follows_the_table_with_owner_letters_bold(run_line: RunLine) -> None:
    output = run_line(["matrix", str(SCHEMES / "rapid.yaml"), "-f", "markdown"]).stdout
    table, legend = output.rsplit("\n\n", 1)
    assert table.splitlines()[-1].startswith("|  | **#** |")
    assert legend == (
        "RAPID letters: R Recommend, A Agree, P Perform, I Input, **D** Decide "
        "(combined: **D/P**)\n"
    )
    # the owner's cells are bold in the table too, whatever its letter
    assert "| **D/P** |" in table
    assert "**A**" not in table.split("| **R** |")[0]  # Agree is not an owner


def _styles(output: str) -> dict[str, set[str]]:
    """Letter -> the ANSI styles it is painted in, in the cells and the legend (the
    labels of the totals, plain bold, are left out)."""
    found: dict[str, set[str]] = {}
    for style, letter in re.findall(r"\x1b\[([\d;]+)m *([A-Z/]+) *\x1b\[0m", output):
        if style != "1":
            found.setdefault(letter, set()).add(style)
    return found


OWNER, WORKER, CONSULTED, INFORMED = "1;7;31", "1;32", "36", "2"


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        # RAPID: D owns (like RACI's A), R and P work, A (a veto) and I give input
        (
            "rapid",
            {"D": OWNER, "D/P": OWNER, "R": WORKER, "P": WORKER, "A": CONSULTED, "I": CONSULTED},
        ),
        # DACI: A owns, D works (not painted as RAPID's D), C gives input, I is told
        ("daci", {"A": OWNER, "A/D": OWNER, "D": WORKER, "C": CONSULTED, "I": INFORMED}),
        # RACI-VS: Verifier and Signatory give input; A/S is the owner's
        (
            "raci-vs",
            {"A": OWNER, "A/R": OWNER, "A/S": OWNER, "R": WORKER, "V": CONSULTED, "S": CONSULTED},
        ),
        ("rasci", {"A": OWNER, "A/R": OWNER, "R": WORKER, "S": WORKER, "C": CONSULTED}),
    ],
)
def test_letters_are_coloured_by_role_not_by_letter(
    run_line: RunLine, scheme: str, expected: dict[str, str]
) -> None:
    output = run_line(["matrix", str(SCHEMES / f"{scheme}.yaml")], env={"FORCE_COLOR": "1"})
    styles = _styles(output.stdout)
    for letter, style in expected.items():
        assert styles[letter] == {style}, letter
    legend = output.stdout.splitlines()[-1]
    assert legend.startswith(f"{scheme.upper()} letters: ")
    assert re.sub(r"\x1b\[[\d;]*m", "", legend) == LEGENDS[scheme]


def test_json_describes_the_scheme(run_line: RunLine) -> None:
    data = json.loads(run_line(["matrix", str(SCHEMES / "daci.yaml"), "-f", "json"]).stdout)
    assert data["scheme"] == {
        "name": "daci",
        "title": "DACI",
        "letters": [
            {
                "code": "D",
                "word": "Driver",
                "role": "worker",
                "meaning": "drives the decision to a close",
            },
            {
                "code": "A",
                "word": "Approver",
                "role": "owner",
                "meaning": "makes the final call; exactly one",
            },
            {
                "code": "C",
                "word": "Contributor",
                "role": "consulted",
                "meaning": "gives expertise; has no vote",
            },
            {"code": "I", "word": "Informed", "role": "informed", "meaning": "is kept up to date"},
        ],
        "combined": ["A/D"],
    }
    assert data["letters"] == ["D", "A", "C", "I"]
    assert data["totals"]["IC"] == {"D": 3, "A": 1, "C": 2, "I": 2, "total": 8}


def test_csv_is_the_cells_only(run_line: RunLine) -> None:
    output = run_line(["matrix", str(SCHEMES / "rapid.yaml"), "-f", "csv"]).stdout
    lines = output.splitlines()
    assert lines[0] == "phase,activity,name,IC,HR,OD,IT,InfoSec,Legal"
    assert lines[-1] == (
        "adoption,retire-forums,Decide when the old intranet forums close,R,,I,D/P,,I"
    )
    assert len(lines) == 1 + 8
    assert "letters" not in output


@pytest.mark.parametrize("scheme", sorted(LEGENDS))
def test_the_report_heads_the_matrix_with_the_scheme(run_line: RunLine, scheme: str) -> None:
    path = str(SCHEMES / f"{scheme}.yaml")
    title = LEGENDS[scheme].split()[0]
    markdown = run_line(["report", path, "--date", "2027-03-01"]).stdout
    assert f"\n## {title} matrix\n\n{title} letters: " in markdown
    assert "RACI matrix" not in markdown
    html = run_line(["report", path, "--format", "html", "--date", "2027-03-01"]).stdout
    assert f"<h2>{title} matrix</h2>" in html
