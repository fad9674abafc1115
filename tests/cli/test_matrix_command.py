"""``raci matrix``: every format on the small model, filters, and a 25-function model."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from raci.output import matrix as view
from raci.output.registry import Medium
from tests.conftest import RunLine
from tests.helpers import model_of, wide_model

TEXT = """\
Small rollout: RACI matrix

Phase   Activity     Name                          IC  HR OD IT  Brand  #
─────────────────────────────────────────────────────────────────────────
prepare vision       Agree the vision              A/R C                2
        usage-policy Write the usage policy         A  R  I             3

launch  launch-event Run the launch event          A/R                  1
        champions    Recruit the champions network  C  A      R         3

adopt   theme        Configure the platform theme            A/R   C    2

                     R                              2  1  0   2    0    5
                     A                              3  1  0   1    0    5
                     C                              1  1  0   0    1    3
                     I                              0  0  1   0    0    1
                     #                              4  3  1   2    1   11

RACI letters: R Responsible, A Accountable, C Consulted, I Informed (combined: A/R)
"""

MARKDOWN = """\
## Small rollout: RACI matrix

| Phase | Activity | Name | IC | HR | OD | IT | Brand | # |
| :--- | :--- | :--- | :---: | :---: | :---: | :---: | :---: | ---: |
| **prepare** | `vision` | Agree the vision | **A/R** | C |  |  |  | 2 |
|  | `usage-policy` | Write the usage policy | **A** | R | I |  |  | 3 |
| **launch** | `launch-event` | Run the launch event | **A/R** |  |  |  |  | 1 |
|  | `champions` | Recruit the champions network | C | **A** |  | R |  | 3 |
| **adopt** | `theme` | Configure the platform theme |  |  |  | **A/R** | C | 2 |
|  | **R** |  | 2 | 1 | 0 | 2 | 0 | 5 |
|  | **A** |  | 3 | 1 | 0 | 1 | 0 | 5 |
|  | **C** |  | 1 | 1 | 0 | 0 | 1 | 3 |
|  | **I** |  | 0 | 0 | 1 | 0 | 0 | 1 |
|  | **#** |  | 4 | 3 | 1 | 2 | 1 | 11 |

RACI letters: R Responsible, **A** Accountable, C Consulted, I Informed (combined: **A/R**)
"""

CSV = """\
phase,activity,name,IC,HR,OD,IT,Brand
prepare,vision,Agree the vision,A/R,C,,,
prepare,usage-policy,Write the usage policy,A,R,I,,
launch,launch-event,Run the launch event,A/R,,,,
launch,champions,Recruit the champions network,C,A,,R,
adopt,theme,Configure the platform theme,,,,A/R,C
"""


def test_text(run_line: RunLine, here: Path) -> None:
    assert run_line(["matrix", "small.yaml"]).stdout == TEXT


def test_text_colours_letters_by_kind(run_line: RunLine, here: Path) -> None:
    output = run_line(["matrix", "small.yaml"], env={"FORCE_COLOR": "1"}).stdout
    # A strongest (bold, reversed, red), then R (bold green), C (cyan), I (dim)
    for style, letter in (
        ("1;7;31", "A/R"),
        ("1;7;31", "A"),
        ("1;32", "R"),
        ("36", "C"),
        ("2", "I"),
    ):
        assert re.search(rf"\x1b\[{style}m *{re.escape(letter)} *\x1b\[0m", output), letter


def test_markdown(run_line: RunLine, here: Path) -> None:
    assert run_line(["matrix", "small.yaml", "--format", "markdown"]).stdout == MARKDOWN


def test_csv(run_line: RunLine, here: Path) -> None:
    output = run_line(["matrix", "small.yaml", "-f", "csv"]).stdout
    assert output == CSV
    assert len(list(csv.reader(io.StringIO(output)))) == 6


def test_json(run_line: RunLine, here: Path) -> None:
    data = json.loads(run_line(["matrix", "small.yaml", "-f", "json"]).stdout)
    assert data["letters"] == ["R", "A", "C", "I"]
    assert [function["id"] for function in data["functions"]] == ["IC", "HR", "OD", "IT", "Brand"]
    assert data["phases"] == ["prepare", "launch", "adopt"]
    assert data["activities"][3] == {
        "id": "champions",
        "name": "Recruit the champions network",
        "phase": "launch",
        "effort": 1.0,
        "raci": {"IC": "C", "HR": "A", "IT": "R"},
        "total": 3,
    }
    assert data["totals"]["IC"] == {"R": 2, "A": 3, "C": 1, "I": 0, "total": 4}


def test_filters_choose_rows_and_columns(run_line: RunLine, here: Path) -> None:
    output = run_line(
        [
            "matrix",
            "small.yaml",
            "-f",
            "csv",
            "--phase",
            "launch",
            "--phase",
            "adopt",
            "-F",
            "IT,HR",
        ]
    ).stdout
    assert output == (
        "phase,activity,name,IT,HR\n"
        "launch,launch-event,Run the launch event,,\n"
        "launch,champions,Recruit the champions network,R,A\n"
        "adopt,theme,Configure the platform theme,A/R,\n"
    )


def test_unknown_phase_is_an_input_error(run_line: RunLine, here: Path) -> None:
    result = run_line(["matrix", "small.yaml", "--phase", "lanch"], exit_code=2)
    assert result.stdout == ""
    assert result.stderr == "raci: --phase: no phase 'lanch' (did you mean 'launch'?)\n"


def test_unknown_function_suggests_by_name(run_line: RunLine, here: Path) -> None:
    result = run_line(["matrix", "small.yaml", "--function", "Comms"], exit_code=2)
    assert (
        result.stderr
        == "raci: --function: no function 'Comms' (did you mean 'IC' (Internal Communications)?)\n"
    )
    result = run_line(["matrix", "small.yaml", "-F", "Finance"], exit_code=2)
    assert result.stderr == "raci: --function: no function 'Finance'\n"


def test_activities_without_phase(run_line: RunLine, here: Path) -> None:
    (here / "org.yaml").write_text(
        "version: 1\nfunctions: {IC: {name: IC}}\nactivities:\n"
        "  - {id: a, name: A, raci: {IC: A/R}}\n"
        "  - {id: b, name: B, phase: launch, raci: {IC: A/R}}\n",
        encoding="utf-8",
    )
    assert run_line(["matrix", "org.yaml", "-f", "markdown"]).stdout == (
        "## org: RACI matrix\n\n"
        "| Phase | Activity | Name | IC | # |\n"
        "| :--- | :--- | :--- | :---: | ---: |\n"
        "| **(no phase)** | `a` | A | **A/R** | 1 |\n"
        "| **launch** | `b` | B | **A/R** | 1 |\n"
        "|  | **R** |  | 2 | 2 |\n"
        "|  | **A** |  | 2 | 2 |\n"
        "|  | **C** |  | 0 | 0 |\n"
        "|  | **I** |  | 0 | 0 |\n"
        "|  | **#** |  | 2 | 2 |\n"
        "\n"
        "RACI letters: R Responsible, **A** Accountable, C Consulted, I Informed "
        "(combined: **A/R**)\n"
    )


def test_markdown_escapes_names(run_line: RunLine, here: Path) -> None:
    (here / "org.yaml").write_text(
        "version: 1\nfunctions: {IC: {name: IC}}\nactivities:\n"
        "  - {id: a, name: 'Pick *one* | <b>two</b>', raci: {IC: A/R}}\n",
        encoding="utf-8",
    )
    output = run_line(["matrix", "org.yaml", "-f", "markdown"]).stdout
    assert "| `a` | Pick \\*one\\* \\| \\<b\\>two\\</b\\> | **A/R** | 1 |" in output


def test_twenty_five_functions_piped_keep_everything_on_one_line(
    run_line: RunLine, here: Path
) -> None:
    (here / "wide.yaml").write_text(wide_model(), encoding="utf-8")
    lines = run_line(["matrix", "wide.yaml"]).stdout.splitlines()
    header = lines[2].split()
    assert header[:3] == ["Phase", "Activity", "Name"]
    assert header[3:] == [
        f"F{index:02d}" if index % 3 else f"Func{index}" for index in range(25)
    ] + ["#"]
    # 12 activities, 3 phases (2 blank separators), 5 total rows, a blank before them,
    # and the legend after a blank line
    assert len(lines) == 4 + 12 + 2 + 1 + 5 + 2
    rows = [line for line in lines if "activity-" in line]
    assert len(rows) == 12
    assert all("that would wrap" in row for row in rows)  # nothing truncated
    assert all(row.rstrip().endswith(" 5") for row in rows)


def test_twenty_five_functions_on_a_terminal_shorten_only_the_names(here: Path) -> None:
    (here / "wide.yaml").write_text(wide_model(), encoding="utf-8")
    matrix = view.build(model_of(here / "wide.yaml"))
    full = view.render_text(matrix, Medium()).splitlines()
    narrow = view.render_text(matrix, Medium(width=160)).splitlines()
    assert len(narrow) == len(full)
    assert narrow[2].split()[3:] == full[2].split()[3:]  # every function header intact
    assert max(len(line) for line in narrow) <= 160
    assert "A deliberatel… " in narrow[4]
    # a terminal too narrow for the names: they go, long ids are abbreviated
    tiny = view.render_text(matrix, Medium(width=60)).splitlines()
    assert "Name" not in tiny[2].split()
    assert max(map(len, tiny[2:4])) < max(map(len, full[2:4]))


def test_a_directory_is_one_model(run_line: RunLine, here: Path) -> None:
    (here / "org").mkdir()
    (here / "org" / "a.yaml").write_text(
        "version: 1\nfunctions: {IC: {name: IC}}\nactivities:\n"
        "  - {id: plan, name: Plan, phase: prepare, raci: {IC: A/R}}\n",
        encoding="utf-8",
    )
    (here / "org" / "b.yaml").write_text(
        "version: 1\nfunctions: {HR: {name: HR}}\nactivities:\n"
        "  - {id: train, name: Train, phase: adopt, raci: {HR: A/R, IC: C}}\n",
        encoding="utf-8",
    )
    assert run_line(["matrix", "org", "-f", "csv"]).stdout == (
        "phase,activity,name,IC,HR\nprepare,plan,Plan,A/R,\nadopt,train,Train,C,A/R\n"
    )


def test_output_file_is_replaced_whole(run_line: RunLine, here: Path) -> None:
    (here / "matrix.md").write_text("old\n", encoding="utf-8")
    assert run_line(["matrix", "small.yaml", "-f", "markdown", "-o", "matrix.md"]).stdout == ""
    assert (here / "matrix.md").read_text("utf-8") == MARKDOWN
    assert sorted(path.name for path in here.iterdir()) == ["matrix.md", "small.yaml"]


def test_errors_in_the_model_are_told_on_stderr_errors_first(run_line: RunLine, here: Path) -> None:
    (here / "broken.yaml").write_text(
        "version: 1\n"
        "functions:\n"
        "  IC: {name: Internal Communications, capacity: 1}\n"
        "activities:\n"
        "  - {id: plan, name: Plan, effort: 5, raci: {IC: A/R, Comms: C}}\n"
        "  - {id: run, name: Run, raci: {IC: R}}\n",
        encoding="utf-8",
    )
    result = run_line(["matrix", "broken.yaml"])
    assert "plan     Plan A/R 1\n" in result.stdout  # the matrix shows what is valid
    assert result.stderr == (
        "broken.yaml:5:55: error RACI004 unknown-function: activity 'plan' assigns 'Comms', "
        "which is not a function (did you mean 'IC'?)\n"
        "broken.yaml:6:6: error RACI001 missing-accountable: activity 'run' has no "
        "Accountable (A): nobody owns the outcome\n"
        "raci matrix: the model has 2 errors; the matrix shows what is valid "
        "(raci check broken.yaml lists every finding)\n"
    )


def test_a_valid_model_prints_nothing_on_stderr(run_line: RunLine, here: Path) -> None:
    assert run_line(["matrix", "small.yaml"]).stderr == ""
