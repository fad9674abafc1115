"""The report as GitHub-flavoured markdown, for a repository, a wiki or a PR.

Every table row has exactly the header's cell count, user text is escaped so it can
never open a link, emphasis or a new cell, and diagrams are mermaid blocks that
GitHub and GitLab render in place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from raci.output.escape import markdown, markdown_code
from raci.output.registry import PLAIN, Medium
from raci.output.report.fmt import (
    COLLABORATION_NOTE,
    LOAD_NOTE,
    bridge_note,
    load_table,
    number,
    summary_rows,
)
from raci.output.report.mermaid import collaboration_chart, load_chart
from raci.report.data import Cell, Table
from raci.whatif.view import ORPHAN_HEADERS

if TYPE_CHECKING:
    from raci.core.findings import Finding
    from raci.report.data import Matrix, ReportData, Section
    from raci.whatif.view import WhatIfView

_MARKS = {"pass": "✓", "warn": "⚠", "fail": "✗"}
_SEVERITY_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Info"}


def text(value: str) -> str:
    """Plain text that renders as itself: markdown's inline syntax escaped, on one line."""
    return markdown(" ".join(value.split()))


def code(value: str) -> str:
    """A code span that holds ``value`` whatever backticks it contains."""
    return markdown_code(value)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A GFM table; ``align`` has one of ``l``, ``r``, ``c`` per column (default left).

    Cells are markdown already; a pipe in them is escaped here, which GFM requires even
    inside code spans.
    """
    marks = {"l": "---", "r": "---:", "c": ":---:"}
    rule = [marks[align[index] if index < len(align) else "l"] for index in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        assert len(cells) == len(headers), "every row has the header's cell count"
        joined = "\0".join(cells)  # escape a whole row at once: tables can be 500k cells
        return "| " + joined.replace("|", "\\|").replace("\0", " | ") + " |"

    return "\n".join([line(headers), line(rule), *(line(row) for row in rows)])


def render_markdown(data: ReportData, medium: Medium = PLAIN) -> str:
    parts = [
        f"# {text(data.title)}",
        f"Ownership report for {code(data.source)} · {data.date} · raci {data.version}",
    ]
    if data.description:
        parts.extend(text(paragraph) for paragraph in re.split(r"\n\s*\n", data.description))
    verdict = data.verdict
    parts.append(
        f"> **Verdict: {_MARKS[verdict.status]} {verdict.headline}.** {text(verdict.detail)}"
    )
    parts += _summary(data)
    parts += _matrix(data.matrix)
    parts += _load(data)
    parts += _findings(data)
    parts += _collaboration(data)
    if data.what_if is not None:
        parts += _what_if(data.what_if)
    for section in data.sections:
        parts += _section(section)
    return "\n\n".join(parts) + "\n"


def _summary(data: ReportData) -> list[str]:
    rows = summary_rows(data.summary, code)
    return ["## Summary", table(["Measure", "Value"], rows, "lr")]


def _matrix(matrix: Matrix) -> list[str]:
    legend = "; ".join(
        f"**{text(letter.code)}** {text(letter.word)}: {text(letter.meaning)}"
        for letter in matrix.letters
    )
    names = "; ".join(f"{code(fid)} {text(name)}" for fid, name in matrix.functions)
    parts = [
        f"## {text(matrix.scheme)} matrix",
        f"{matrix.scheme} letters: {legend}.",
        f"Functions: {names}.",
    ]
    headers = ["Activity", "Effort", *(code(fid) for fid, _ in matrix.functions)]
    align = "lr" + "c" * len(matrix.functions)
    named = any(group.phase is not None for group in matrix.groups)
    shown = _Letters()
    for group in matrix.groups:
        if named:
            title = f"Phase: {text(group.phase)}" if group.phase is not None else "Without a phase"
            parts.append(f"### {title}")
        rows = [
            [
                f"{text(row.name)} ({code(row.id)})",
                number(row.effort),
                *[shown[cell] for cell in row.cells],
            ]
            for row in group.rows
        ]
        parts.append(table(headers, rows, align))
    return parts


def _letter(label: str, role: str | None) -> str:
    """Owners' letters in bold: what a reader looks for first."""
    return f"**{label}**" if role == "owner" else label


class _Letters(dict[Cell, str]):
    """Each distinct cell rendered once: a matrix has few kinds of cell, and many cells."""

    def __missing__(self, cell: Cell) -> str:
        self[cell] = shown = _letter(cell.label, cell.role)
        return shown


def _load(data: ReportData) -> list[str]:
    headers, rows = load_table(data, lambda f: f"{text(f.name)} ({code(f.id)})")
    chart = "```mermaid\n" + load_chart(data.load) + "\n```"
    return [
        "## Load per function",
        LOAD_NOTE,
        table(headers, rows, "l" + "r" * (len(headers) - 1)),
        chart,
    ]


def _findings(data: ReportData) -> list[str]:
    parts = ["## Findings"]
    groups = data.findings_by_severity()
    if not groups:
        return [*parts, "No findings: every rule passes."]
    for severity, findings in groups:
        parts.append(f"### {_SEVERITY_TITLES[severity]} ({len(findings)})")
        parts.append(table(["Location", "Rule", "Message"], [_finding(f) for f in findings]))
    return parts


def _finding(finding: Finding) -> list[str]:
    return [code(finding.location), f"{finding.code} {code(finding.rule)}", text(finding.message)]


def _collaboration(data: ReportData) -> list[str]:
    bridges = data.collaboration.bridges
    note = COLLABORATION_NOTE
    if bridges:
        note += " " + bridge_note(", ".join(code(fid) for fid in bridges), len(bridges))
    chart = "```mermaid\n" + collaboration_chart(data.collaboration) + "\n```"
    return ["## Collaboration", note, chart]


def _what_if(view: WhatIfView) -> list[str]:
    parts = [f"## What if {text(view.function)} steps back?", text(view.lead())]
    parts.append(text(view.outcome()))
    if view.orphaned:
        rows = [
            [
                f"{text(orphan.name)} ({code(orphan.activity)})",
                text(", ".join(orphan.missing)),
                ", ".join(code(fid) for fid in orphan.candidates) or "nobody",
            ]
            for orphan in view.orphaned
        ]
        parts.append(table(ORPHAN_HEADERS, rows))
    if view.new_findings:
        parts.append(text(view.findings_lead()))
        parts.append("\n".join(f"- {text(found)}" for found in view.new_findings))
    return parts


def _section(section: Section) -> list[str]:
    parts = [f"## {text(section.title)}"]
    for block in section.blocks:
        if isinstance(block, Table):
            rows = [[text(cell) for cell in row] for row in block.rows]
            parts.append(table([text(header) for header in block.headers], rows))
        else:
            parts.append(text(block.text))
    return parts
