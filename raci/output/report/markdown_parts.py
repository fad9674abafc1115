"""The markdown report's sections, one function each, in reading order.

The body speaks of functions and activities by name; file locations are in the appendix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from raci.output.report.fmt import (
    LOAD_NOTE,
    PHASE_HEADERS,
    RISK_HEADERS,
    load_table,
    number,
    phase_rows,
    risk_rows,
)
from raci.output.report.markdown import code, table, text
from raci.output.report.mermaid import collaboration_chart, load_chart, share_pie
from raci.report.data import Cell, Table

if TYPE_CHECKING:
    from raci.report.data import Overview, ReportData, Section

_MARKS = {"pass": "✓", "warn": "⚠", "fail": "✗"}
_SEVERITY_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Info"}
_SHOWN = 8


def _mermaid(chart: str) -> str:
    return "```mermaid\n" + chart + "\n```"


def owner_word(data: ReportData) -> str:
    """The scheme's word for the owner's letter: ``Accountable``, ``Driver``, ``Decide``."""
    return next((x.word for x in data.matrix.letters if x.role == "owner"), "Accountable")


def names(data: ReportData) -> dict[str, str]:
    """Activity and function ids -> names, to show contributed tables by name."""
    found = {row.id: row.name for group in data.matrix.groups for row in group.rows}
    found.update(data.matrix.functions)
    return found


def header(data: ReportData) -> list[str]:
    parts = [
        f"# {text(data.title)}",
        f"Ownership report for {code(data.source)} · {data.date} · raci {data.version}",
    ]
    if data.description:
        parts.extend(text(paragraph) for paragraph in re.split(r"\n\s*\n", data.description))
    verdict = data.verdict
    parts.append(
        f"> **{text(verdict.lead)}**\n>\n> Lint verdict: {_MARKS[verdict.status]} "
        f"{verdict.headline}. {text(verdict.detail)}"
    )
    return parts


def measures(data: ReportData) -> list[str]:
    rows = [[text(m.label), text(m.value), text(m.meaning)] for m in data.measures]
    parts = ["## At a glance", table(["Measure", "Value", "What it means"], rows, "lrl")]
    if data.verdict.points:
        parts.append("**Key findings**")
        parts.append("\n".join(f"- {text(point)}" for point in data.verdict.points))
    return parts


def load(data: ReportData) -> list[str]:
    headers, rows = load_table(data, lambda f: text(f.name))
    chart = load_chart(data.load)
    line = "\n    line [" in chart
    explained = (
        "In the chart the bars are the effort each function carries and the line is its "
        "capacity: a bar above the line is a function over capacity."
        if line
        else "In the chart the bars are the effort each function carries; the table gives "
        "each capacity (not every function has one, so the chart draws no capacity line)."
    )
    parts = [
        "## Load against capacity",
        LOAD_NOTE,
        table(headers, rows, "l" + "r" * (len(headers) - 1)),
    ]
    parts += [explained, _mermaid(chart)]
    owner = owner_word(data)
    pie = share_pie(data.load, owner)
    if pie is not None:
        parts += [
            f"Share of accountability: who is {text(owner)} for how many activities.",
            _mermaid(pie),
        ]
    return parts


def matrix(data: ReportData) -> list[str]:
    grid = data.matrix
    legend = "; ".join(
        f"**{text(letter.code)}** {text(letter.word)}: {text(letter.meaning)}"
        for letter in grid.letters
    )
    functions = "; ".join(f"{code(fid)} {text(name)}" for fid, name in grid.functions)
    parts = [
        f"## {text(grid.scheme)} matrix",
        f"{grid.scheme} letters: {legend}.",
        f"Functions: {functions}.",
    ]
    if data.overview is not None:
        return parts + _overview(data.overview, data.source)
    headers = ["Activity", "Effort", *(code(fid) for fid, _ in grid.functions)]
    align = "lr" + "c" * len(grid.functions)
    named = any(group.phase is not None for group in grid.groups)
    shown = _Letters()
    for group in grid.groups:
        if named:
            title = f"Phase: {text(group.phase)}" if group.phase is not None else "Without a phase"
            parts.append(f"### {title}")
        rows = [
            [text(row.name), number(row.effort), *[shown[cell] for cell in row.cells]]
            for row in group.rows
        ]
        parts.append(table(headers, rows, align))
    return parts


class _Letters(dict[Cell, str]):
    """Each distinct cell rendered once (owners in bold): a matrix has few kinds of cell."""

    def __missing__(self, cell: Cell) -> str:
        self[cell] = shown = f"**{cell.label}**" if cell.role == "owner" else cell.label
        return shown


def _overview(summary: Overview, source: str) -> list[str]:
    parts = [
        f"This model has {summary.activities:,} activities, too many to show as a grid (the "
        f"report shows it up to {summary.limit:,}). For the full matrix run "
        f"{code(f'raci export {source} --format xlsx -o matrix.xlsx')}.",
        table(PHASE_HEADERS, phase_rows(summary, text), "lrrrl"),
    ]
    if summary.riskiest:
        parts.append(f"### The {len(summary.riskiest)} activities most at risk")
        parts.append(table(RISK_HEADERS, risk_rows(summary, text), "llr"))
    return parts


def findings(data: ReportData) -> list[str]:
    if not data.finding_groups:
        return ["## Findings", "No findings: every rule passes."]
    rows = []
    for group in data.finding_groups:
        about = "; ".join(text(subject) for subject in group.subjects[:_SHOWN])
        if len(group.subjects) > _SHOWN:
            about += f"; and {len(group.subjects) - _SHOWN} more"
        if group.functions:
            who = "; ".join(f"**{text(name)}** ({count})" for name, count in group.functions)
            about = f"{who}: {about}"
        rows.append([group.severity, text(group.title), str(len(group.subjects)), about])
    return [
        "## Findings",
        "Each rule that flags something, with what it flags; the appendix lists every "
        "finding with its place in the file.",
        table(["Level", "Finding", "Count", "About"], rows, "llrl"),
    ]


def collaboration(data: ReportData) -> list[str]:
    graph = data.collaboration
    chart = collaboration_chart(graph)
    by_id = dict(graph.functions)
    note = (
        "Two functions are linked when both hold R, A or C on a common activity; the number "
        "on a link is how many activities they share."
    )
    if graph.bridges:
        bridges = ", ".join(text(by_id.get(fid, fid)) for fid in graph.bridges)
        note += (
            f" Highlighted: {bridges}, the only link between groups of functions; without it "
            "they no longer work together."
        )
    parts = ["## Who works with whom", note, _mermaid(chart.text)]
    if chart.links_left_out:
        parts.append(
            f"The chart shows the {len(graph.edges) - chart.links_left_out} strongest links: "
            f"{chart.links_left_out} more links, see the HTML report "
            "(`raci report --format html`)."
        )
    return parts


def what_if(data: ReportData) -> list[str]:
    view = data.what_if
    if view is None:
        return []
    by_id = dict(data.matrix.functions)
    parts = [f"## What if {text(view.name)} steps back?", text(view.lead()), text(view.outcome())]
    if view.orphaned:
        rows = [
            [
                text(o.name),
                text(", ".join(o.missing)),
                text(", ".join(by_id.get(fid, fid) for fid in o.candidates)) or "nobody",
            ]
            for o in view.orphaned
        ]
        parts.append(
            table(["Activity", "Loses its only", "Could take over (already involved)"], rows)
        )
    if view.new_findings:
        parts.append(text(view.findings_lead()))
        parts.append("\n".join(f"- {text(found)}" for found in view.new_findings))
    return parts


def contributed(section: Section, by_id: dict[str, str]) -> list[str]:
    """A contributed section (recommendations); cells that are ids show their names."""
    parts = [f"## {text(section.title)}"]
    for block in section.blocks:
        if isinstance(block, Table):
            rows = [[text(by_id.get(cell, cell)) for cell in row] for row in block.rows]
            parts.append(table([text(header) for header in block.headers], rows))
        else:
            parts.append(text(block.text))
    return parts


def appendix(data: ReportData) -> list[str]:
    parts = ["## Appendix: every finding and where it is"]
    for severity, found in data.findings_by_severity():
        parts.append(f"### {_SEVERITY_TITLES[severity]} ({len(found)})")
        rows = [[code(f.location), f"{f.code} {code(f.rule)}", text(f.message)] for f in found]
        parts.append(table(["Location", "Rule", "Message"], rows))
    if len(parts) == 1:
        parts.append("No findings.")
    return parts


SECTIONS: list[Callable[[ReportData], list[str]]] = [
    header,
    measures,
    load,
    matrix,
    findings,
    collaboration,
    what_if,
]
"""The built-in sections in reading order; contributed sections and the appendix follow."""
