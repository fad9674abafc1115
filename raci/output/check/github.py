"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=org.yaml,line=41,col=7,title=RACI004 unknown-function::message``
(``notice`` for info findings), escaped as the Actions toolkit does it: ``%``, ``\\r``
and ``\\n`` in the message, and those plus ``:`` and ``,`` in property values. ``file``
is relative to the repository root (``GITHUB_WORKSPACE``) when raci runs inside it, so a
job that runs raci in a sub-directory still annotates the right file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.output.check.paths import workspace_path
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.core.findings import Finding
    from raci.engine import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A command's message: ``%`` first, so the escapes themselves survive."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: ``,`` separates properties and ``:`` ends them."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    properties = ",".join(
        (
            f"file={escape_property(workspace_path(finding.file))}",
            f"line={finding.line}",
            f"col={finding.column}",
            f"title={escape_property(f'{finding.code} {finding.rule}')}",
        )
    )
    return f"::{_LEVEL[finding.severity]} {properties}::{escape_data(finding.message)}"


def error_annotation(message: str) -> str:
    """An input problem with no file to point at (no model found, a bad option)."""
    return f"::error title=raci::{escape_data(message)}"


def render(report: Report, medium: Medium = PLAIN) -> str:
    return "".join(annotation(finding) + "\n" for finding in report.findings)
