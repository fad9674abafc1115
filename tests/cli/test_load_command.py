"""``raci load``: every format, exact output on the small model (see tests/test_metrics.py
for how its numbers come about)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from raci.core.metrics import compute
from tests.conftest import RunLine
from tests.helpers import SMALL, context_of

TEXT = """\
Load per function: Small rollout (5 activities, 5 functions)

Function  Name                        A  R  C  I   Load                        Share A  Flags
─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
IC        Internal Communications     3  2  1  0  7 / 6  █████████████████▒▒▒      60%  overloaded, over-capacity
IT        Information Technology      1  2  0  0  2 / 4  ██████░░░░░               20%  bridge
HR        Human Resources             1  1  1  0      1  ███                       20%
OD        Organisational Development  0  0  0  1      0                             0%  idle
Brand     Brand                       0  0  1  0      0                             0%  idle

HHI of accountability: 0.440
Effective owners: 2.27
Truck factor: 2 (IC, HR): without them, 3 of 5 activities have nobody Responsible (R) or Accountable (A)
"""  # noqa: E501

MARKDOWN = """\
## Load per function: Small rollout (5 activities, 5 functions)

| Function | Name | A | R | C | I | Load | Bar | Share of A | Flags |
| :--- | :--- | ---: | ---: | ---: | ---: | ---: | :--- | ---: | :--- |
| IC | Internal Communications | 3 | 2 | 1 | 0 | 7 / 6 | █████████████████▒▒▒ | 60% | overloaded, over-capacity |
| IT | Information Technology | 1 | 2 | 0 | 0 | 2 / 4 | ██████░░░░░ | 20% | bridge |
| HR | Human Resources | 1 | 1 | 1 | 0 | 1 | ███ | 20% |  |
| OD | Organisational Development | 0 | 0 | 0 | 1 | 0 |  | 0% | idle |
| Brand | Brand | 0 | 0 | 1 | 0 | 0 |  | 0% | idle |

- HHI of accountability: 0.440
- Effective owners: 2.27
- Truck factor: 2 (IC, HR): without them, 3 of 5 activities have nobody Responsible (R) or Accountable (A)
"""  # noqa: E501

CSV = """\
function,name,accountable,responsible,consulted,informed,load,capacity,utilisation,accountable_share,betweenness,flags
IC,Internal Communications,3,2,1,0,7.0,6.0,1.166667,0.6,0.0,overloaded;over-capacity
IT,Information Technology,1,2,0,0,2.0,4.0,0.5,0.2,0.0,bridge
HR,Human Resources,1,1,1,0,1.0,,,0.2,0.166667,
OD,Organisational Development,0,0,0,1,0.0,,,0.0,0.0,idle
Brand,Brand,0,0,1,0,0.0,,,0.0,0.0,idle
"""


def test_text_is_plain_when_piped(run_line: RunLine, here: Path) -> None:
    assert run_line(["load", "small.yaml"]).stdout == TEXT


def test_text_is_coloured_on_request(run_line: RunLine, here: Path) -> None:
    result = run_line(["load", "small.yaml"], env={"FORCE_COLOR": "1"})
    assert "\x1b[" in result.stdout
    assert "\x1b[1;31m7 / 6\x1b[0m" in result.stdout  # over capacity in bold red


def test_no_color_wins_over_force_color(run_line: RunLine, here: Path) -> None:
    result = run_line(["load", "small.yaml"], env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert result.stdout == TEXT


def test_markdown(run_line: RunLine, here: Path) -> None:
    assert run_line(["load", "small.yaml", "--format", "markdown"]).stdout == MARKDOWN


def test_csv(run_line: RunLine, here: Path) -> None:
    output = run_line(["load", "small.yaml", "-f", "csv"]).stdout
    assert output == CSV
    rows = list(csv.DictReader(io.StringIO(output)))
    assert [row["function"] for row in rows] == ["IC", "IT", "HR", "OD", "Brand"]


def test_json_carries_every_metric(run_line: RunLine, here: Path) -> None:
    data = json.loads(run_line(["load", "small.yaml", "--format", "json"]).stdout)
    expected = compute(context_of(SMALL)).as_dict()
    assert data["tool"] == {"name": "raci", "version": "0.1.0"}
    assert (data["model"], data["scheme"], data["activities"]) == ("Small rollout", "raci", 5)
    assert data["hhi"] == 0.44
    assert data["effective_owners"] == 2.272727
    assert data["truck_factor"] == expected["truck_factor"]
    assert data["articulation_points"] == ["IT"]
    assert data["critical_path"] == expected["critical_path"]
    assert [entry["id"] for entry in data["functions"]] == ["IC", "IT", "HR", "OD", "Brand"]
    assert data["functions"][0] == {
        "id": "IC",
        "name": "Internal Communications",
        "accountable": 3,
        "responsible": 2,
        "consulted": 1,
        "informed": 0,
        "load": 7.0,
        "capacity": 6.0,
        "accountable_share": 0.6,
        "betweenness": 0.0,
        "utilisation": 1.166667,
        "flags": ["overloaded", "over-capacity"],
    }
    assert {key for key in expected if key != "functions"} <= set(data)


def test_output_file_is_written(run_line: RunLine, here: Path) -> None:
    assert run_line(["load", "small.yaml", "-f", "csv", "-o", "load.csv"]).stdout == ""
    assert (here / "load.csv").read_text("utf-8") == CSV


def test_flags_follow_the_files_rules_and_waivers(run_line: RunLine, here: Path) -> None:
    text = (here / "small.yaml").read_text("utf-8")
    text = text.replace(
        "  IT: {name: Information Technology, capacity: 4}",
        "  IT: {name: Information Technology, capacity: 4, waive: {bridge-function: on purpose}}",
    )
    text += "rules:\n  single-owner-overload: {max_accountable_share: 0.8}\n  idle-function: off\n"
    (here / "small.yaml").write_text(text, encoding="utf-8")
    data = json.loads(run_line(["load", "small.yaml", "-f", "json"]).stdout)
    assert {entry["id"]: entry["flags"] for entry in data["functions"]} == {
        "IC": ["over-capacity"],
        "IT": [],
        "HR": [],
        "OD": [],
        "Brand": [],
    }


def test_a_function_that_appears_nowhere_is_flagged_unused(run_line: RunLine, here: Path) -> None:
    (here / "org.yaml").write_text(
        "version: 1\nfunctions: {IC: {name: IC}, Legal: {name: Legal}}\n"
        "activities:\n  - {id: a, name: A, raci: {IC: A/R}}\n",
        encoding="utf-8",
    )
    data = json.loads(run_line(["load", "org.yaml", "-f", "json"]).stdout)
    assert [(entry["id"], entry["flags"]) for entry in data["functions"]] == [
        ("IC", []),
        ("Legal", ["unused"]),
    ]


@pytest.mark.parametrize("output_format", ["text", "json", "csv", "markdown"])
def test_rasci_headers_name_the_schemes_letters(
    run_line: RunLine, here: Path, output_format: str
) -> None:
    (here / "org.yaml").write_text(
        "version: 1\nscheme: rasci\nfunctions: {IC: {name: IC}, HR: {name: HR}}\n"
        "activities:\n  - {id: a, name: A, raci: {IC: A/R, HR: S}}\n",
        encoding="utf-8",
    )
    output = run_line(["load", "org.yaml", "-f", output_format]).stdout
    if output_format in {"text", "markdown"}:
        assert "R/S" in output
    else:
        assert "responsible" in output


def test_on_a_narrow_terminal_only_names_shrink() -> None:
    from raci.output import load as view
    from raci.output.registry import Medium

    context = context_of(SMALL)
    table = view.build(context.model, compute(context), [])  # no flags: 93 columns wide
    full = view.render_text(table, Medium()).splitlines()
    narrow = view.render_text(table, Medium(width=85)).splitlines()
    assert len(narrow) == len(full) + 1  # the truck factor wraps
    assert narrow[-2:] == [
        "Truck factor: 2 (IC, HR): without them, 3 of 5 activities have nobody Responsible (R)",
        "  or Accountable (A)",
    ]
    assert max(len(line) for line in full[2:9]) == 93
    assert max(len(line) for line in narrow[2:9]) == 85
    assert (
        narrow[4]
        == "IC        Internal Communic…  3  2  1  0  7 / 6  █████████████████▒▒▒      60%"
    )


@pytest.mark.parametrize(
    ("activities", "line"),
    [
        (
            "  - {id: a, name: A, raci: {IC: A/R}}\n  - {id: b, name: B, raci: {IC: A/R, HR: C}}\n",
            "Truck factor: 1 (IC): without it, 2 of 2 activities have nobody Responsible (R) "
            "or Accountable (A)",
        ),
        (
            "  - {id: a, name: A, raci: {IC: C}}\n  - {id: b, name: B, raci: {IC: A/R, HR: C}}\n"
            "  - {id: c, name: C, raci: {HR: I}}\n",
            "Truck factor: 0: 2 of 3 activities already have nobody Responsible (R) or "
            "Accountable (A)",
        ),
    ],
)
def test_truck_factor_line(run_line: RunLine, here: Path, activities: str, line: str) -> None:
    (here / "org.yaml").write_text(
        "version: 1\nfunctions: {IC: {name: IC}, HR: {name: HR}}\nactivities:\n" + activities,
        encoding="utf-8",
    )
    assert run_line(["load", "org.yaml"]).stdout.splitlines()[-1] == line


def test_any_load_shows_at_least_one_cell_of_bar() -> None:
    from raci.output.load import bar

    context = context_of(SMALL)
    rows = {row.id: row for row in compute(context).functions}
    # HR carries 1 of IC's 7: a fifth of a cell at width 1, still one cell
    assert bar(rows["HR"], 7.0, 1) == [("█", "load")]
    assert bar(rows["OD"], 7.0, 1) == [("", "load")]  # no load, no bar


def test_on_a_very_narrow_terminal_names_go_and_every_line_fits() -> None:
    from raci.output import load as view
    from raci.output.registry import Medium

    context = context_of(SMALL)
    table = view.build(context.model, compute(context), [])
    lines = view.render_text(table, Medium(width=50)).splitlines()
    assert max(len(line) for line in lines) <= 50
    assert lines[:2] == ["Load per function: Small rollout (5 activities, 5", "  functions)"]
    assert lines[3].split() == ["Function", "A", "R", "C", "I", "Load", "Share", "A", "Flags"]
    assert lines[5] == "IC        3  2  1  0  7 / 6  ████▒      60%"
