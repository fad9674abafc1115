"""``raci survey``: one workbook per function or respondent, to collect each view."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.common import checked
from raci.cli.options import path_argument

EXAMPLES = """
[bold]Examples[/]

  raci survey org.yaml -o views/                      one workbook per function
  raci survey org.yaml -o views/ --respondent "Dana Reyes=HR" --respondent "Sam Ko=IT"
  raci survey org.yaml -o views/ --respondents people.csv --prefill

Fill the workbooks in (or have each function do it), then: raci merge views/
"""


@command("survey", epilog=EXAMPLES)
def survey_command(
    model_path: Path = path_argument("The ownership file or directory the survey asks about."),
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        help="Directory to write the workbooks to (created if missing).",
        file_okay=False,
    ),
    respondent: list[str] | None = typer.Option(
        None,
        "--respondent",
        metavar="NAME=FUNCTION",
        help="A respondent and the function they answer for; repeatable. Default: one "
        "workbook per function.",
    ),
    respondents: Path | None = typer.Option(
        None,
        "--respondents",
        metavar="FILE.csv",
        help="A CSV of respondents: a 'name' and a 'function' column.",
        dir_okay=False,
    ),
    prefill: bool = typer.Option(
        False, "--prefill", help="Fill the matrix in with the model's current letters."
    ),
) -> None:
    """Write one survey workbook per function (or respondent) to collect their view."""
    from raci.cli.output import target
    from raci.core.atomic import write_atomic
    from raci.core.errors import RaciError
    from raci.views.respondents import parse_option, read_csv
    from raci.views.survey import file_names, respondents_of, workbook

    model = checked(model_path, lint=False).require()[0]
    functions = {fid: function.name for fid, function in model.functions.items()}
    given = [parse_option(value, functions) for value in respondent or []]
    if respondents is not None:
        given += read_csv(respondents, functions)
    people = respondents_of(model, given)
    names = file_names(people)
    books = [workbook(model, person, prefill) for person in people]
    if output.exists() and not output.is_dir():
        raise RaciError(f"--output: {output} is not a directory")
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise RaciError(f"cannot create {output}: {error.strerror or error}") from None
    for name in names:
        target(output / name)
    for name, data in zip(names, books, strict=True):
        write_atomic(output / name, data)
    shown = ", ".join(names)
    sys.stdout.write(f"Wrote {len(names)} survey workbooks to {output.as_posix()}/: {shown}\n")
