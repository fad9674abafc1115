"""The matrix section of the HTML report: one heatmap table per phase, or, for a model
too large to print, the per-phase counts and the activities most at risk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.core.words import labelled
from raci.output.escape import html as escape
from raci.output.report.fmt import (
    PHASE_HEADERS,
    RISK_HEADERS,
    number,
    phase_rows,
    plural,
    risk_rows,
)

if TYPE_CHECKING:
    from raci.report.data import Matrix, Overview, ReportData


def table(headers: list[str], rows: list[list[str]], numeric: str = "", css: str = "") -> str:
    """Cells are HTML already; ``numeric`` marks right-aligned columns with ``r``."""
    head = "".join(f"<th>{header}</th>" for header in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{cell}</td>' if numeric[i : i + 1] == "r" else f"<td>{cell}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    attribute = f' class="{css}"' if css else ""
    return f"<table{attribute}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def matrix(data: ReportData) -> list[str]:
    grid = data.matrix
    legend = "".join(
        f'<span><span class="swatch role-{letter.role}">{escape(letter.code)}</span> '
        f"{escape(letter.word)}: {escape(letter.meaning)}</span>"
        for letter in grid.letters
    )
    key = " · ".join(
        f"<b>{escape(fid)}</b> {escape(name)}" for fid, name in grid.functions if name != fid
    )
    parts = [f'<p class="legend">{legend}</p>']
    if key:
        parts.append(f'<p class="key">{key}</p>')
    if data.overview is not None:
        return parts + overview(data.overview, data.source)
    return parts + _phases(grid)


def _phases(grid: Matrix) -> list[str]:
    count = len(grid.functions)
    css = "matrix" + (" dense" if count > 14 else "")
    columns = '<col class="activity"><col class="effort">' + '<col class="fn">' * count
    head = "<th>Activity</th><th>Effort</th>" + "".join(
        f'<th class="fn" title="{escape(name)}">{escape(fid)}</th>' for fid, name in grid.functions
    )
    named = any(group.phase is not None for group in grid.groups)
    parts = []
    for group in grid.groups:
        rows = "".join(
            f'<tr><td class="name" title="{escape(labelled(row.name, row.id))}">'
            f"{escape(row.name)}</td>"
            f'<td class="num">{number(row.effort)}</td>'
            + "".join(
                f'<td class="cell role-{cell.role}">{escape(cell.label)}</td>'
                if cell.role
                else '<td class="cell"></td>'
                for cell in row.cells
            )
            + "</tr>"
            for row in group.rows
        )
        title = ""
        if named:
            phase = escape(group.phase) if group.phase is not None else "Without a phase"
            count_text = plural(len(group.rows), "activity")
            title = f'<h3>{phase} <span class="count">{count_text}</span></h3>'
        parts.append(
            f'<div class="phase">{title}<table class="{css}"><colgroup>{columns}</colgroup>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
        )
    return parts


def overview(summary: Overview, source: str) -> list[str]:
    """The per-phase counts and the riskiest activities, with the command for the grid."""
    parts = [
        f'<p class="note">This model has {summary.activities:,} activities, too many to print'
        f" as a grid (the report shows it up to {summary.limit:,}). The full matrix is one "
        f"command away: <code>raci export {escape(source)} --format xlsx -o matrix.xlsx"
        "</code>.</p>",
        table(PHASE_HEADERS, phase_rows(summary, escape), "lrrrl"),
    ]
    if summary.riskiest:
        parts.append(f"<h3>The {len(summary.riskiest)} activities most at risk</h3>")
        parts.append(table(RISK_HEADERS, risk_rows(summary, escape), "llr"))
    return parts
