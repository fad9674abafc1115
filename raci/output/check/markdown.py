"""``--format markdown``: a summary to post as a pull-request comment or job summary.

A verdict line, the counts, and a table of findings whose locations link to the line.
Under GitHub Actions (``GITHUB_SERVER_URL``, ``GITHUB_REPOSITORY`` and ``GITHUB_SHA``
set) links are absolute ``blob`` URLs, which work in a comment; elsewhere they are
relative links (``org.yaml#L41``), which work in a file of the repository.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from raci.output.check.paths import workspace_path
from raci.output.check.text import summary
from raci.output.escape import markdown_cell
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.core.findings import Finding
    from raci.engine import Report

_ICONS = {"error": "🔴 error", "warning": "🟡 warning", "info": "🔵 info"}


def cell(text: str) -> str:
    """Text that stays inside one table cell, and renders as itself (no HTML)."""
    return markdown_cell(text)


def line_link(file: str, line: int) -> str:
    """A link to ``file`` at ``line``: absolute on GitHub Actions, relative otherwise."""
    path = workspace_path(file)
    if Path(path).is_absolute():
        return f"{quote(path)}#L{line}"
    server = os.environ.get("GITHUB_SERVER_URL")
    repository = os.environ.get("GITHUB_REPOSITORY")
    sha = os.environ.get("GITHUB_SHA")
    if server and repository and sha:
        return f"{server}/{repository}/blob/{sha}/{quote(path)}#L{line}"
    return f"{quote(path)}#L{line}"


def _row(finding: Finding) -> str:
    where = f"[{cell(finding.location)}]({line_link(finding.file, finding.line)})"
    rule = f"{finding.code} `{finding.rule}`"
    return f"| {_ICONS[finding.severity]} | {where} | {rule} | {cell(finding.message)} |"


def verdict(report: Report) -> str:
    if report.input_error:
        return "❌ **raci check could not use the input**"
    if report.exit_code:
        return "❌ **raci check failed**"
    if report.findings:
        return "✅ **raci check passed**, with findings to review"
    return "✅ **raci check passed**"


def render(report: Report, medium: Medium = PLAIN) -> str:
    out = ["## Ownership check", "", verdict(report), "", summary(report).lstrip("✓✗• ")]
    if report.strict:
        out[-1] += " (strict: warnings fail)"
    if report.findings:
        out += [
            "",
            "| severity | location | rule | message |",
            "| --- | --- | --- | --- |",
            *(_row(finding) for finding in report.findings),
        ]
    out += ["", "<sub>raci check · `raci explain RULE` shows why a rule matters</sub>"]
    return "\n".join(out) + "\n"
