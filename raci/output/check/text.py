"""``--format text``: one ``file:line:col: severity CODE name: message`` line per finding,
errors first, then warnings, then info (each in file order), then a summary line.
Coloured through rich on a terminal, plain otherwise.

A person reads the terminal from the top: what fails the run comes first. Machine
formats (JSON, SARIF, JUnit) keep the file order SPEC gives."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from raci.core.words import plural
from raci.output.escape import terminal
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.core.findings import Finding
    from raci.engine import Report

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_RANK = {"error": 0, "warning": 1, "info": 2}


def errors_first(findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` by severity, errors first; the order within a severity is kept."""
    return sorted(findings, key=lambda finding: _RANK.get(finding.severity, len(_RANK)))


def lines(findings: Iterable[Finding]) -> str:
    """One line per finding, errors first, each ending in a newline."""
    return "".join(line(finding) + "\n" for finding in errors_first(findings))


def line(finding: Finding) -> str:
    """One finding on one line, its content's control characters shown as escapes."""
    return (
        f"{terminal(finding.location)}: {finding.severity} {finding.code} {finding.rule}: "
        f"{terminal(finding.message)}"
    )


def summary(report: Report) -> str:
    counts = report.summary()
    files = plural(counts["files"], "file")
    scope = (
        f"{files} ({plural(counts['activities'], 'activity')}, "
        + plural(counts["functions"], "function")
        + ")"
    )
    parts = [
        plural(counts["errors"], "error"),
        plural(counts["warnings"], "warning"),
        f"{counts['info']} info",
    ]
    waived = f"; {counts['waived']} waived" if counts["waived"] else ""
    if report.input_error:
        return f"✗ Could not use the input: {', '.join(parts)} in {files}{waived}"
    if not report.findings:
        return f"✓ No problems in {scope}{waived}"
    mark = "✗" if report.exit_code else "•"
    return f"{mark} {', '.join(parts)} in {scope}{waived}"


def render(report: Report, medium: Medium = PLAIN) -> str:
    if not medium.color:
        return lines(report.findings) + summary(report) + "\n"
    findings = errors_first(report.findings)
    from rich.console import Console
    from rich.text import Text

    console = Console(force_terminal=True, width=10_000, soft_wrap=True, highlight=False)
    with console.capture() as captured:
        for finding in findings:
            text = Text()
            text.append(terminal(finding.location), style="bold")
            text.append(": ")
            text.append(finding.severity, style=_STYLES[finding.severity])
            text.append(f" {finding.code} {finding.rule}", style="dim")
            text.append(f": {terminal(finding.message)}")
            console.print(text)
        style = "bold red" if report.exit_code else "bold green"
        console.print(Text(summary(report), style=style))
    return captured.get()
