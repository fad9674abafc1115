"""A function's name written where its id belongs: raci tells which id was meant."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import RunLine

Write = Callable[[str, str], Path]

MODEL = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  Mkt: {name: Marketing}
activities:
  - id: launch
    name: Run the launch
    raci:
      Internal Communications: A/R
      HR: C
    eligible: [human resources]
  - id: campaign
    name: Run the campaign
    raci: {IC: A, Marketing: R}
"""

VALID = (
    MODEL.replace("Internal Communications: A/R", "IC: A/R")
    .replace("[human resources]", "[HR]")
    .replace("Marketing: R", "Mkt: R")
)


def test_names_in_raci_and_eligible_name_the_id(
    run_line: RunLine, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("org.yaml", MODEL)
    monkeypatch.chdir(tmp_path)
    result = run_line(["check", "org.yaml"], exit_code=2)
    assert result.stdout.splitlines()[:2] == [
        "org.yaml:10:7: error RACI901 schema-error: 'Internal Communications' is not a function "
        "id ('raci.Internal Communications' of activity 'launch'): did you mean 'IC' "
        "(Internal Communications)?",
        "org.yaml:12:16: error RACI901 schema-error: 'human resources' is not a function id "
        "('eligible[0]' of activity 'launch'): did you mean 'HR' (Human Resources)?",
    ]


def test_a_name_that_is_a_valid_id_gets_the_id_and_name(
    run_line: RunLine, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("org.yaml", VALID.replace("Mkt: R", "Marketing: R"))
    monkeypatch.chdir(tmp_path)
    result = run_line(["check", "--select", "unknown-function", "org.yaml"], exit_code=1)
    assert result.stdout.splitlines()[0] == (
        "org.yaml:15:19: error RACI004 unknown-function: activity 'campaign' assigns "
        "'Marketing', which is not a function (did you mean 'Mkt' (Marketing)?)"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["whatif", "org.yaml", "--without", "Internal Communications"],
            "raci: --without: no function 'Internal Communications' (did you mean 'IC' "
            "(Internal Communications)?)\n",
        ),
        (
            ["matrix", "org.yaml", "--function", "human resources"],
            "raci: --function: no function 'human resources' (did you mean 'HR' "
            "(Human Resources)?)\n",
        ),
        (
            ["rebalance", "org.yaml", "--never", "Marketing"],
            "raci: --never: no function 'Marketing' (did you mean 'Mkt' (Marketing)?)\n",
        ),
    ],
)
def test_options_that_take_a_function_suggest_id_and_name(
    run_line: RunLine,
    write: Write,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    write("org.yaml", VALID)
    monkeypatch.chdir(tmp_path)
    assert run_line(args, exit_code=2).stderr == message


PEOPLE = """\
version: 1
functions:
  IC:
    name: Internal Communications
    members: {alex: {name: Alex Morgan}, sam: {fte: 0.5}}
  HR: {name: Human Resources}
activities:
  - {id: plan, name: Plan the launch, raci: {IC: A/R, HR: C}}
  - {id: post, name: Post the news, raci: {IC: R, HR: A}}
"""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["rebalance", "org.yaml", "--keep", "Plan the launch"],
            "raci: --keep: no activity 'Plan the launch' (did you mean 'plan' "
            "(Plan the launch)?)\n",
        ),
        (
            ["rebalance", "org.yaml", "--keep", "pots"],
            "raci: --keep: no activity 'pots' (did you mean 'post' (Post the news)?)\n",
        ),
        (
            ["survey", "org.yaml", "-o", "sv", "--respondent", "bob=Human Resources"],
            "raci: --respondent: 'Human Resources' is not a function of the model (did you "
            "mean 'HR' (Human Resources)?)\n",
        ),
        (
            ["whatif", "org.yaml", "--without", "Internal Communications/alex"],
            "raci: --without: no function 'Internal Communications' in the model (did you "
            "mean 'IC/alex'?)\n",
        ),
        (
            ["whatif", "org.yaml", "--without", "comms/alx"],
            "raci: --without: no function 'comms' in the model (did you mean 'IC/alex'?)\n",
        ),
        (
            ["whatif", "org.yaml", "--without", "Internal Communications/zoe"],
            "raci: --without: no function 'Internal Communications' in the model (did you "
            "mean 'IC'?)\n",
        ),
    ],
)
def test_activities_respondents_and_people_suggest_by_name(
    run_line: RunLine,
    write: Write,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    write("org.yaml", PEOPLE)
    monkeypatch.chdir(tmp_path)
    assert run_line(args, exit_code=2).stderr == message
    assert not (tmp_path / "sv").exists()


def test_a_respondents_csv_with_a_function_name_suggests_the_id(
    run_line: RunLine, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("org.yaml", PEOPLE)
    write("people.csv", "name,function\nbob,Human Resources\n")
    monkeypatch.chdir(tmp_path)
    result = run_line(
        ["survey", "org.yaml", "-o", "sv", "--respondents", "people.csv"], exit_code=2
    )
    assert result.stderr == (
        "raci: people.csv:2:2: 'Human Resources' is not a function of the model (did you "
        "mean 'HR' (Human Resources)?)\n"
    )
