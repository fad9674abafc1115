"""The report as one self-contained, printable HTML page.

No script, no web font, no request: CSS is inline, charts are SVG drawn by
:mod:`raci.report.svg`, and every piece of user text is escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from raci.report import svg
from raci.report.data import Table
from raci.report.fmt import COLLABORATION_NOTE, LOAD_NOTE, bridge_note, number, percent
from raci.report.palette import ROLE_COLOURS, SEVERITY_COLOURS
from raci.report.whatif_view import ORPHAN_HEADERS

if TYPE_CHECKING:
    from raci.report.data import Matrix, ReportData, Section
    from raci.report.whatif_view import WhatIfView

_MARKS = {"pass": "✓", "warn": "⚠", "fail": "✗"}
_SEVERITY_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Info"}

_CSS = """
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b;
       margin: 0; background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { margin: 32px 0 8px; font-size: 19px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { margin: 18px 0 6px; font-size: 15px; }
.meta { color: #555; margin: 0 0 16px; }
code { font: 12px ui-monospace, Menlo, Consolas, monospace; background: #f4f4f4;
       padding: 1px 4px; border-radius: 3px; }
.verdict { padding: 10px 14px; border-left: 6px solid; border-radius: 4px; }
.verdict.pass { border-color: #1e8449; background: #e9f7ef; }
.verdict.warn { border-color: #d68910; background: #fef5e7; }
.verdict.fail { border-color: #b03a2e; background: #fdedec; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #d5d8dc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f2f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.matrix td.cell { text-align: center; min-width: 2.4em; font-weight: 600; }
table.matrix th.fn { text-align: center; }
.legend span { display: inline-block; margin: 0 10px 4px 0; }
.swatch { display: inline-block; width: 1.6em; text-align: center; border-radius: 3px;
          font-weight: 600; }
.badge { padding: 1px 5px; border-radius: 3px; font-size: 12px; font-weight: 600; }
figure { margin: 12px 0; }
svg .edge-label { font-size: 11px; fill: #1b1b1b; paint-order: stroke; stroke: #fff;
                  stroke-width: 3px; }
footer { margin-top: 40px; color: #777; font-size: 12px; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  table, figure, .verdict { break-inside: avoid; }
  table.matrix { break-inside: auto; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
"""


def _css() -> str:
    rules = [
        f".role-{role} {{ background: #{fill}; color: #{text}; }}"
        for role, (fill, text) in ROLE_COLOURS.items()
    ]
    rules += [
        f".sev-{level} {{ background: #{fill}; color: #{text}; }}"
        for level, (fill, text) in SEVERITY_COLOURS.items()
    ]
    return _CSS + "\n".join(rules) + "\n"


def _table(headers: list[str], rows: list[list[str]], numeric: str = "", css: str = "") -> str:
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


def _code(value: str) -> str:
    return f"<code>{escape(value)}</code>"


def render_html(data: ReportData) -> str:
    verdict = data.verdict
    parts = [
        f"<h1>{escape(data.title)}</h1>",
        f'<p class="meta">Ownership report for {_code(data.source)} · {escape(data.date)} · '
        f"raci {escape(data.version)}</p>",
    ]
    if data.description:
        parts.append(f"<p>{escape(data.description)}</p>")
    parts.append(
        f'<p class="verdict {verdict.status}"><strong>Verdict: {_MARKS[verdict.status]} '
        f"{escape(verdict.headline)}.</strong> {escape(verdict.detail)}</p>"
    )
    sections = [
        ("summary", "Summary", _summary(data)),
        ("matrix", "RACI matrix", _matrix(data.matrix)),
        ("load", "Load per function", _load(data)),
        ("findings", "Findings", _findings(data)),
        ("collaboration", "Collaboration", _collaboration(data)),
    ]
    if data.what_if is not None:
        title = f"What if {data.what_if.function} steps back?"
        sections.append(("what-if", title, _what_if(data.what_if)))
    sections += [(section.key, section.title, _blocks(section)) for section in data.sections]
    for key, title, content in sections:
        parts.append(
            f'<section id="{escape(key)}">\n<h2>{escape(title)}</h2>\n'
            + "\n".join(content)
            + "\n</section>"
        )
    parts.append(f"<footer>Generated by raci {escape(data.version)}.</footer>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(data.title)} · ownership report</title>\n"
        f"<style>{_css()}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(parts)
        + "\n</main>\n</body>\n</html>\n"
    )


def _summary(data: ReportData) -> list[str]:
    summary = data.summary
    truck = str(summary.truck_factor)
    if summary.truck_factor_functions:
        truck += " (" + ", ".join(_code(fid) for fid in summary.truck_factor_functions) + ")"
    rows = [
        ["Activities", str(summary.activities)],
        ["Functions", str(summary.functions)],
        ["Errors", str(summary.errors)],
        ["Warnings", str(summary.warnings)],
        ["Info", str(summary.info)],
        ["Waived findings", str(summary.waived)],
        ["Accountability concentration (HHI)", f"{summary.hhi:.3f}"],
        ["Effective number of owners (1 / HHI)", f"{summary.effective_owners:.1f}"],
        ["Truck factor (functions whose loss orphans half the work)", truck],
    ]
    return [_table(["Measure", "Value"], rows, "lr")]


def _matrix(matrix: Matrix) -> list[str]:
    legend = "".join(
        f'<span><span class="swatch role-{letter.role}">{escape(letter.code)}</span> '
        f"{escape(letter.word)}: {escape(letter.meaning)}</span>"
        for letter in matrix.letters
    )
    parts = [f'<p class="legend">{legend}</p>']
    head = "<th>Activity</th><th>Effort</th>" + "".join(
        f'<th class="fn" title="{escape(name)}">{escape(fid)}</th>'
        for fid, name in matrix.functions
    )
    named = any(group.phase is not None for group in matrix.groups)
    for group in matrix.groups:
        if named:
            title = (
                f"Phase: {escape(group.phase)}" if group.phase is not None else "Without a phase"
            )
            parts.append(f"<h3>{title}</h3>")
        rows = "".join(
            f"<tr><td>{escape(row.name)} {_code(row.id)}</td>"
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
        parts.append(
            f'<table class="matrix"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        )
    return parts


def _load(data: ReportData) -> list[str]:
    headers = ["Function", "A", "R", "C", "I", "Load", "Capacity", "Utilisation", "Share of A"]
    rows = [
        [
            f"{escape(f.name)} {_code(f.id)}",
            str(f.accountable),
            str(f.responsible),
            str(f.consulted),
            str(f.informed),
            number(f.load),
            number(f.capacity) if f.capacity is not None else "",
            percent(f.utilisation),
            percent(f.accountable_share),
        ]
        for f in data.load
    ]
    return [
        f"<p>{escape(LOAD_NOTE)} A dashed mark shows a function's capacity.</p>",
        _table(headers, rows, "lrrrrrrrr"),
        f"<figure>{svg.load_bars(data.load)}</figure>",
    ]


def _findings(data: ReportData) -> list[str]:
    groups = data.findings_by_severity()
    if not groups:
        return ["<p>No findings: every rule passes.</p>"]
    parts = []
    for severity, findings in groups:
        parts.append(f"<h3>{_SEVERITY_TITLES[severity]} ({len(findings)})</h3>")
        rows = [
            [
                _code(f.location),
                f'<span class="badge sev-{f.severity}">{escape(f.code)}</span> {_code(f.rule)}',
                escape(f.message),
            ]
            for f in findings
        ]
        parts.append(_table(["Location", "Rule", "Message"], rows))
    return parts


def _collaboration(data: ReportData) -> list[str]:
    note = escape(COLLABORATION_NOTE)
    bridges = data.collaboration.bridges
    if bridges:
        note += " " + bridge_note(", ".join(_code(fid) for fid in bridges), len(bridges))
    return [f"<p>{note}</p>", f"<figure>{svg.collaboration(data.collaboration)}</figure>"]


def _what_if(view: WhatIfView) -> list[str]:
    parts = [f"<p>{escape(view.lead())}</p>", f"<p>{escape(view.outcome())}</p>"]
    if not view.orphaned:
        return parts
    rows = [
        [
            f"{escape(orphan.name)} {_code(orphan.activity)}",
            escape(", ".join(orphan.missing)),
            ", ".join(_code(fid) for fid in orphan.candidates) or "nobody",
        ]
        for orphan in view.orphaned
    ]
    parts.append(_table(ORPHAN_HEADERS, rows))
    return parts


def _blocks(section: Section) -> list[str]:
    parts = []
    for block in section.blocks:
        if isinstance(block, Table):
            rows = [[escape(cell) for cell in row] for row in block.rows]
            parts.append(_table([escape(header) for header in block.headers], rows))
        else:
            parts.append(f"<p>{escape(block.text)}</p>")
    return parts
