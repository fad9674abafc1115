"""Who answers the survey: ``--respondent NAME=FUNCTION`` options or a CSV of them.

The CSV has a header row naming a ``name`` (or ``respondent``) column and a
``function`` column; each further row is one respondent. A function that is not in the
model is an error at its place, with a "did you mean".
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from raci.core.errors import RaciError
from raci.core.suggest import function_hint
from raci.views.survey import Respondent


def parse_option(value: str, functions: Mapping[str, str]) -> Respondent:
    """``NAME=FUNCTION``; ``functions`` maps the model's function ids to their names."""
    name, sep, function = value.partition("=")
    name, function = " ".join(name.split()), function.strip()
    if not sep or not name or not function:
        raise RaciError(f"--respondent: '{value}' is not NAME=FUNCTION (e.g. 'Dana Reyes=HR')")
    if function not in functions:
        hint = function_hint(function, functions)
        raise RaciError(f"--respondent: '{function}' is not a function of the model{hint}")
    return Respondent(name, function)


def read_csv(path: Path, functions: Mapping[str, str]) -> list[Respondent]:
    from raci.sheets.read import read_csv as read

    sheet = read(path, path.as_posix())
    rows = [[" ".join(str(cell).split()) for cell in row] for row in sheet.rows]
    header = [cell.lower() for cell in rows[0]] if rows else []
    name_at = next((i for i, cell in enumerate(header) if cell in {"name", "respondent"}), None)
    function_at = header.index("function") if "function" in header else None
    if name_at is None or function_at is None:
        raise RaciError(
            "the first row must name a 'name' and a 'function' column",
            location=sheet.place(0, 0) if rows else path.as_posix(),
        )
    found: list[Respondent] = []
    for number, row in enumerate(rows[1:], start=1):
        if not any(row):
            continue
        name = row[name_at] if name_at < len(row) else ""
        function = row[function_at] if function_at < len(row) else ""
        if not name:
            raise RaciError("the respondent has no name", location=sheet.place(number, name_at))
        if function not in functions:
            raise RaciError(
                f"'{function}' is not a function of the model{function_hint(function, functions)}",
                location=sheet.place(number, function_at),
            )
        found.append(Respondent(name, function))
    if not found:
        raise RaciError(f"{path}: no respondents below the header row")
    return found
