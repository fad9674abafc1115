"""``raci import``: turn a spreadsheet RACI matrix into an ownership file, or apply an
edited one to an existing model (``--into``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Literal

import typer

from raci.cli.app import command
from raci.cli.output import emit, reading
from raci.cli.output import target as output_target
from raci.core.errors import EXIT_INPUT
from raci.core.scheme import SCHEMES
from raci.core.words import one_of

EXAMPLES = """
[bold]Examples[/]

  raci import matrix.xlsx -o org.yaml              finds the matrix on any sheet
  raci import matrix.xlsx --sheet RACI -o org.yaml that sheet
  raci import matrix.csv --name "Contoso rollout" -o org.yaml
  raci import decisions.csv --scheme daci -o org.yaml   force a scheme
  raci import matrix.xlsx --letter Lead=A --letter Support=R -o org.yaml
  raci import edited.xlsx --into org.yaml          apply the edits to org.yaml

The header row is the one over columns of letters (titles, blank rows and a
merged band above it are fine); activity names are the text column left of
the letters; ID, Phase (Stage, Workstream), Effort, Depends on, Eligible and
Waivers columns are read by their header, Notes, Owner, Due, Status and any
other column are kept as x- metadata. Section rows ("Phase 1: Prepare") set
the phase; a legend or key block ends the matrix. A summary of what was read
goes to stderr (--format json: as JSON on stdout, with -o or --into).
Rows that share an ID in different phases are one activity given per phase;
a workbook's Functions, People and Person letters sheets are read too.
With --into, only the letters and fields the sheet changed are edited in
the YAML (comments kept), what changed is printed as raci diff prints it,
and the files are written all or nothing.
A bad cell is reported at its place (matrix.csv:7:3, matrix.xlsx:RACI!C7)
with exit 2, and nothing is written.
"""


# Long only for its option declarations: typer reads the options from the signature.
@command("import", epilog=EXAMPLES)
def import_command(
    source: Path = typer.Argument(
        ..., metavar="FILE", help="A .csv file or an .xlsx workbook.", dir_okay=False
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write the ownership file here (atomically); default stdout.",
        dir_okay=False,
    ),
    into: Path | None = typer.Option(
        None,
        "--into",
        metavar="MODEL",
        help="Apply the sheet to this ownership file or directory, editing only what changed.",
    ),
    sheet: str | None = typer.Option(
        None, "--sheet", help="The worksheet (default: the one holding a matrix)."
    ),
    name: str | None = typer.Option(
        None, "--name", help="The model's name (default: the workbook's title, if any)."
    ),
    scheme: str = typer.Option(
        "auto",
        "--scheme",
        help=f"{one_of(list(SCHEMES))}; auto: the one the letters are written in.",
    ),
    letter: list[str] | None = typer.Option(
        None,
        "--letter",
        metavar="HOUSE=LETTER",
        help="Read a house letter as one of the scheme's (repeatable): --letter Lead=A.",
    ),
    encoding: str | None = typer.Option(
        None, "--encoding", help="The CSV's encoding when it is not UTF-8/UTF-16 (cp1252...)."
    ),
    output_format: Literal["text", "json"] = typer.Option(
        "text",
        "--format",
        "-f",
        help="The summary: text on stderr, or json on stdout (with -o or --into).",
    ),
) -> None:
    """Turn a spreadsheet RACI matrix (CSV or XLSX) into an ownership file."""
    from raci.core.errors import RaciError
    from raci.core.suggest import suggest
    from raci.output.escape import terminal
    from raci.sheets.importer import SheetProblems, read_matrix
    from raci.sheets.into import known_functions
    from raci.sheets.yaml_out import comment_text

    if scheme != "auto" and scheme not in SCHEMES:
        choices = [*SCHEMES, "auto"]
        raise RaciError(f"--scheme: no scheme '{scheme}'{suggest(scheme, choices)}")
    reading(source)
    output = output_target(output)
    if into is not None and output is not None:
        raise RaciError("--into edits the model in place; drop -o (or drop --into)")
    if output_format == "json" and output is None and into is None:
        raise RaciError("--format json prints the summary on stdout: write the model with -o")
    model = None
    if into is not None:
        from raci.cli.common import checked

        model = checked(into, lint=False).model
        from raci.core.people import redacting

        if model is not None and model.has_people and redacting():
            raise RaciError(
                "--redact numbers the people of the model it edits: drop it with --into"
            )
    try:
        imported = read_matrix(
            source,
            source.as_posix(),
            sheet=sheet,
            letters=letter or [],
            scheme=SCHEMES.get(scheme),
            encoding=encoding,
            name=name,
            known=known_functions(model) if model is not None else None,
        )
    except SheetProblems as problems:
        for line in problems.lines():
            sys.stderr.write(f"raci: {comment_text(line)}\n")
        raise typer.Exit(EXIT_INPUT) from None
    summary = imported.summary.as_dict()
    notes: list[str] = []
    if into is not None and model is not None:
        from raci.sheets.into import apply_into

        applied = apply_into(into, model, imported, source.as_posix())
        summary.update(changes=applied.data, written=applied.written, kept=applied.kept)
        if output_format == "text":
            sys.stdout.write("\n".join(terminal(line) for line in applied.text.split("\n")))
        notes = _into_notes(applied.written, applied.kept, into)
    else:
        from raci.sheets.yaml_out import checked_yaml

        target = output.as_posix() if output is not None else "org.yaml"
        header = [
            f"Ownership file imported from {source.name} by raci.",
            f"Next: raci check {target}",
        ]
        emit(checked_yaml(imported.data, header), output)
    if output_format == "json":
        sys.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    else:
        for line in [*imported.summary.lines(), *notes]:
            sys.stderr.write(f"raci: {comment_text(line)}\n")


def _into_notes(written: list[str], kept: list[str], into: Path) -> list[str]:
    notes = [f"wrote {', '.join(written)}" if written else f"{into} already matches the sheet"]
    if kept:
        shown = ", ".join(kept[:10]) + (f" and {len(kept) - 10} more" if len(kept) > 10 else "")
        notes.append(f"kept {len(kept)} activities the sheet does not have: {shown}")
    return notes
