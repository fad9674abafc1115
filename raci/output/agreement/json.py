"""``raci merge --format json`` (and a ``.json`` report): the merge as data, with the
findings in the shape ``raci check --format json`` gives them."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from raci import __version__
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.views import Outcome


def render(outcome: Outcome, medium: Medium = PLAIN) -> str:
    merged, report = outcome.merged, outcome.report
    from raci.views.summary import summary

    document = {
        "tool": {"name": "raci", "version": __version__},
        "summary": report.summary(),
        "merge": summary(merged),
        "findings": [finding.as_dict() for finding in report.findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
