"""``--format json``: the shape SPEC section 4 defines, exactly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci import __version__
from raci.output.escape import json_text
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.engine import Report


def render(report: Report, medium: Medium = PLAIN) -> str:
    document = {
        "tool": {"name": "raci", "version": __version__},
        "summary": report.summary(),
        "findings": [finding.as_dict() for finding in report.findings],
    }
    return json_text(document)
