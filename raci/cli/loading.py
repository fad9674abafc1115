"""Load and check one model for the commands that render it (report, export).

A model that cannot be used is reported like ``raci check`` reports it, on stderr,
with exit 2; lint findings do not stop the command: the report shows them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from raci.engine import Report
    from raci.model import Model


def checked_model(path: Path) -> tuple[Report, Model]:
    """The check report and the model at ``path``; exit 2 printing the input findings."""
    from raci.engine import check
    from raci.formatters.text_format import render

    report = check([path])
    if report.input_error or not report.models:
        sys.stderr.write(render(report, False))
        raise typer.Exit(2)
    return report, report.models[0]
