"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=org.yaml,line=41,col=7,title=RACI004 unknown-function::message``
(``notice`` for info findings), escaped as the Actions toolkit does it: ``%``, ``\\r``
and ``\\n`` in the message, and those plus ``:`` and ``,`` in property values; other
control characters shown as ``\\x1b`` (see :func:`raci.output.escape.workflow_data`). ``file``
is relative to the repository root (``GITHUB_WORKSPACE``) when raci runs inside it, so a
job that runs raci in a sub-directory still annotates the right file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.output.check.paths import workspace_path
from raci.output.escape import workflow_data, workflow_property
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.core.findings import Finding
    from raci.engine import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def annotation(finding: Finding) -> str:
    properties = ",".join(
        (
            f"file={workflow_property(workspace_path(finding.file))}",
            f"line={finding.line}",
            f"col={finding.column}",
            f"title={workflow_property(f'{finding.code} {finding.rule}')}",
        )
    )
    return f"::{_LEVEL[finding.severity]} {properties}::{workflow_data(finding.message)}"


def error_annotation(message: str) -> str:
    """An input problem with no file to point at (no model found, a bad option)."""
    return f"::error title=raci::{workflow_data(message)}"


_FIRST = {"error": 0, "warning": 1, "info": 2}
SHOWN_PER_LEVEL = 10
"""GitHub shows at most this many annotations of each level per step."""


def summary_notice(report: Report) -> str:
    """The verdict as a last ``::notice``, saying when GitHub will not show every line."""
    from raci.output.check.text import summary

    text = summary(report)
    levels = {level: sum(f.severity == level for f in report.findings) for level in _FIRST}
    if any(count > SHOWN_PER_LEVEL for count in levels.values()):
        text += f" (GitHub shows the first {SHOWN_PER_LEVEL} of each level; the log has all)"
    return f"::notice title=raci::{workflow_data(text)}"


def render(report: Report, medium: Medium = PLAIN) -> str:
    """Errors first, then warnings, then notices (each in file order), then the summary:
    GitHub shows only the first ten of each level, so the errors must not be crowded out."""
    ordered = sorted(report.findings, key=lambda finding: _FIRST[finding.severity])
    return (
        "".join(annotation(finding) + "\n" for finding in ordered) + summary_notice(report) + "\n"
    )
