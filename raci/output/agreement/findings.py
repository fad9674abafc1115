"""``raci merge --format sarif|github|junit``: the view findings alone, in the formats
``raci check`` gives them (each located at a cell of a view file)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.views import Outcome


def sarif(outcome: Outcome, medium: Medium = PLAIN) -> str:
    from raci.output.check.sarif import render

    return render(outcome.report, medium)


def github(outcome: Outcome, medium: Medium = PLAIN) -> str:
    from raci.output.check.github import render

    return render(outcome.report, medium)


def junit(outcome: Outcome, medium: Medium = PLAIN) -> str:
    from raci.output.check.junit import render

    return render(outcome.report, medium)
