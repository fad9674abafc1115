"""The HTML report's sections besides the matrix: findings by name, collaboration,
what-if, contributed sections and the appendix of locations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.output.escape import html as escape
from raci.output.report.fmt import number
from raci.output.report.heatmap import heatmap
from raci.output.report.html_matrix import matrix, table
from raci.report.data import Table

if TYPE_CHECKING:
    from raci.report.data import ReportData, Section

__all__ = ["appendix", "collaboration", "findings", "matrix", "section_blocks", "table"]

_SEVERITY_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Info"}
_SHOWN = 8


def _badge(severity: str, text: str) -> str:
    return f'<span class="badge sev-{severity}">{escape(text)}</span>'


def _some(names: list[str]) -> str:
    shown = [escape(name) for name in names[:_SHOWN]]
    if len(names) > _SHOWN:
        shown.append(f"and {len(names) - _SHOWN} more")
    return "; ".join(shown)


def _about(subjects: list[str], functions: list[tuple[str, int]]) -> str:
    if not functions:
        return _some(subjects)
    who = "; ".join(f"<b>{escape(name)}</b> ({count})" for name, count in functions)
    return f"{who}: {_some(subjects)}"


def findings(data: ReportData) -> list[str]:
    if not data.finding_groups:
        return ["<p>No findings: every rule passes.</p>"]
    rows = [
        [
            _badge(group.severity, group.severity),
            escape(group.title),
            str(len(group.subjects)),
            _about(group.subjects, group.functions),
        ]
        for group in data.finding_groups
    ]
    return [
        '<p class="note">Each rule that flags something, with what it flags; the appendix '
        "lists every finding with its place in the file.</p>",
        table(["Level", "Finding", "Count", "About"], rows, "llr", "findings"),
    ]


def collaboration(data: ReportData) -> list[str]:
    drawn, found = heatmap(data.collaboration)
    names = dict(data.collaboration.functions)
    note = (
        "Each cell counts the activities two functions share (both Responsible, Accountable "
        "or Consulted): the darker, the more they work together. An empty row is a function "
        "that works with nobody."
    )
    if data.collaboration.bridges:
        bridges = ", ".join(escape(names.get(fid, fid)) for fid in data.collaboration.bridges)
        note += (
            f" In red: {bridges}, the only link between groups of functions; without it they "
            "no longer work together."
        )
    parts = [f'<p class="note">{note}</p>', f'<figure class="chart">{drawn}</figure>']
    if found.left_out:
        parts.append(
            f'<p class="note">The {found.left_out} least connected functions and their '
            f"{found.links_left_out} links are not shown.</p>"
        )
    return parts


def what_if(data: ReportData) -> list[str]:
    view = data.what_if
    assert view is not None
    names = dict(data.matrix.functions)
    parts = [f"<p>{escape(view.lead())}</p>", f"<p>{escape(view.outcome())}</p>"]
    if view.orphaned:
        rows = [
            [
                escape(orphan.name),
                escape(", ".join(orphan.missing)),
                escape(", ".join(names.get(fid, fid) for fid in orphan.candidates)) or "nobody",
            ]
            for orphan in view.orphaned
        ]
        parts.append(
            table(["Activity", "Loses its only", "Could take over (already involved)"], rows)
        )
    if view.new_findings:
        items = "".join(f"<li>{escape(found)}</li>" for found in view.new_findings)
        parts += [f"<p>{escape(view.findings_lead())}</p>", f"<ul>{items}</ul>"]
    return parts


def section_blocks(section: Section, names: dict[str, str]) -> list[str]:
    """A contributed section's blocks; a cell that is exactly an activity or function id
    shows its name (the id stays as a tooltip), so the body speaks by name."""
    parts = []
    for block in section.blocks:
        if isinstance(block, Table):
            rows = [[_named(cell, names) for cell in row] for row in block.rows]
            numeric = "".join(
                "r" if _numeric(block.rows, i) else "l" for i in range(len(block.headers))
            )
            parts.append(table([escape(header) for header in block.headers], rows, numeric))
        else:
            parts.append(f"<p>{escape(block.text)}</p>")
    return parts


def _named(cell: str, names: dict[str, str]) -> str:
    name = names.get(cell)
    if name is None or name == cell:
        return escape(cell)
    return f'<span title="{escape(cell)}">{escape(name)}</span>'


def _numeric(rows: list[list[str]], column: int) -> bool:
    values = [row[column] for row in rows if column < len(row) and row[column]]
    return bool(values) and all(value.replace(".", "", 1).isdigit() for value in values)


def appendix(data: ReportData) -> list[str]:
    parts = []
    for severity, found in data.findings_by_severity():
        parts.append(f"<h3>{_SEVERITY_TITLES[severity]} ({len(found)})</h3>")
        rows = [
            [
                f"<code>{escape(f.location)}</code>",
                _badge(f.severity, f.code) + f" <code>{escape(f.rule)}</code>",
                escape(f.message),
            ]
            for f in found
        ]
        parts.append(table(["Location", "Rule", "Message"], rows, css="locations"))
    if not parts:
        parts.append("<p>No findings.</p>")
    summary = data.summary
    parts.append(
        f'<p class="note">{summary.activities} activities, {summary.functions} functions; '
        f"{summary.errors} errors, {summary.warnings} warnings, {summary.info} info, "
        f"{summary.waived} waived. HHI {summary.hhi:.3f}; effective owners "
        f"{number(summary.effective_owners)}.</p>"
    )
    return parts
