"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=org.yaml,line=41,col=7,title=RACI004 unknown-function::message``, with
the workflow-command escaping rules: ``%``, ``\\r`` and ``\\n`` in the message;
those and ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from raci.engine import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, color: bool = False) -> str:
    lines = []
    for finding in report.findings:
        properties = ",".join(
            (
                f"file={escape_property(finding.file)}",
                f"line={finding.line}",
                f"col={finding.column}",
                f"title={escape_property(f'{finding.code} {finding.rule}')}",
            )
        )
        lines.append(f"::{_LEVEL[finding.severity]} {properties}::{escape_data(finding.message)}")
    return "".join(line + "\n" for line in lines)
