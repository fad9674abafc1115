"""The agreement report as one self-contained HTML page, in the main report's style.

An activity x function heatmap (each cell coloured by the share of views giving its
most common letter, red when open), contested accountability with who named whom, the
most contested activities with their votes, and an SVG chart of each function's
perception gap. Every piece of user text goes through :func:`raci.output.escape.html`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from raci.core.words import plural
from raci.output.agreement.text import TIMES, ratio, share, shown
from raci.output.escape import html as escape
from raci.output.registry import PLAIN, Medium
from raci.output.report.style import stylesheet
from raci.views.summary import owners, perception

if TYPE_CHECKING:
    from raci.core.views import CellResult, Merged
    from raci.engine import Report
    from raci.views import Outcome

_CSS = """
table.heat td.cell { text-align: center; min-width: 2.6em; font-weight: 600; }
table.heat th.fn { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
.scale span { display: inline-block; padding: 1px 8px; margin-right: 4px; border-radius: 3px; }
.who { color: #555; }
svg text { font: 12px system-ui, sans-serif; fill: #1b1b1b; }
"""
_OPEN = ("B03A2E", "FFFFFF")
_EMPTY = ("F4F6F6", "1B1B1B")
_SCALE = ((1.0, "1E8449", "FFFFFF"), (0.8, "82E0AA", "1B1B1B"), (0.6, "F9E79F", "1B1B1B"),
          (0.0, "F5B041", "1B1B1B"))  # fmt: skip
"""(lowest share of the most given letter, fill, text) from full agreement down."""


def colours(cell: CellResult) -> tuple[str, str]:
    total = sum(cell.counts.values())
    if cell.open:
        return _OPEN
    top = max(cell.counts.values()) / total if total else 1.0
    if top == 1.0 and cell.consensus is None:
        return _EMPTY  # everyone agrees the function has no part: nothing to look at
    return next((fill, text) for least, fill, text in _SCALE if top >= least)


def render(outcome: Outcome, medium: Medium = PLAIN) -> str:
    merged, report = outcome.merged, outcome.report
    heading = f"Whose view? {merged.title or 'Agreement report'}"
    names = ", ".join(view.label for view in merged.views)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(heading)}</title>",
        f"<style>{stylesheet()}{_CSS}</style></head><body><main>",
        f"<h1>{escape(heading)}</h1>",
        f'<p class="meta">{plural(len(merged.views), "view")} ({escape(names)}) on '
        f"{plural(len(merged.activities), 'activity')} {TIMES} "
        f"{plural(len(merged.functions), 'function')}. Krippendorff's alpha "
        f"<strong>{ratio(merged.alpha)}</strong>; {share(merged.agreement)} of answers agree.</p>",
        *_contested_accountable(merged),
        *_perception(merged),
        *_most_contested(merged),
        *_heatmap(merged),
        *_findings(report),
        "<footer>Made by raci merge.</footer></main></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _contested_accountable(merged: Merged) -> list[str]:
    out = ["<h2>Contested accountability</h2>"]
    rows = []
    for activity in merged.activities:
        if len(activity.owners) < 2:
            continue
        said = "".join(
            f"<li><strong>{escape(entry['function'] or 'nobody')}</strong> "
            f'<span class="who">named by {escape(", ".join(entry["by"]))}</span></li>'
            for entry in owners(merged, activity)
        )
        rows.append(
            f"<tr><td><code>{escape(activity.id)}</code> {escape(activity.name)}</td>"
            f"<td><ul>{said}</ul></td></tr>"
        )
    if not rows:
        return [*out, "<p>Every view names the same owner wherever one is named.</p>"]
    return [*out, "<table><tr><th>activity</th><th>named owner</th></tr>", *rows, "</table>"]


def _most_contested(merged: Merged) -> list[str]:
    out = ["<h2>Most contested activities</h2>"]
    if not merged.contested:
        return [*out, "<p>The views agree on every cell.</p>"]
    out.append(
        "<table><tr><th>activity</th><th>alpha</th><th>agree</th><th>disputed cells</th></tr>"
    )
    for activity in merged.contested:
        cells = "<br>".join(
            f"<strong>{escape(cell.function)}</strong>: {escape(_votes(cell))}"
            + (" <em>(open)</em>" if cell.open else "")
            for cell in activity.disagreements
        )
        out.append(
            f"<tr><td><code>{escape(activity.id)}</code> {escape(activity.name)}</td>"
            f'<td class="num">{ratio(activity.alpha)}</td>'
            f'<td class="num">{share(activity.agreement)}</td><td>{cells}</td></tr>'
        )
    return [*out, "</table>"]


def _votes(cell: CellResult) -> str:
    ranked = sorted(cell.counts.items(), key=lambda item: -item[1])
    return " · ".join(f"{shown(label)} {TIMES}{count}" for label, count in ranked)


def _heatmap(merged: Merged) -> list[str]:
    scale = "".join(
        f'<span style="background:#{fill};color:#{text}">{label}</span>'
        for label, (fill, text) in (
            ("all agree", _SCALE[0][1:]),
            ("all blank", _EMPTY),
            ("≥ 80%", _SCALE[1][1:]),
            ("≥ 60%", _SCALE[2][1:]),
            ("less", _SCALE[3][1:]),
            ("open", _OPEN),
        )
    )
    head = "".join(f'<th class="fn">{escape(name)} ({escape(fid)})</th>'
                   for fid, name in merged.functions.items())  # fmt: skip
    out = [
        "<h2>Agreement by cell</h2>",
        f'<p class="scale">Share of views giving the most common letter: {scale} '
        "The letter is the consensus.</p>",
        f'<table class="heat"><thead><tr><th>activity</th>{head}<th>alpha</th></tr></thead>',
    ]
    for activity in merged.activities:
        cells = []
        for cell in activity.cells:
            fill, text = colours(cell)
            tip = escape(_votes(cell), quote=True)
            shown = "?" if cell.open else escape(cell.consensus or "")
            style = f"background:#{fill};color:#{text}" if cell.counts else ""
            cells.append(f'<td class="cell" style="{style}" title="{tip}">{shown}</td>')
        out.append(
            f"<tr><td><code>{escape(activity.id)}</code></td>{''.join(cells)}"
            f'<td class="num">{ratio(activity.alpha)}</td></tr>'
        )
    return [*out, "</table>"]


def _perception(merged: Merged) -> list[str]:
    entries = [e for e in perception(merged) if e["own"] or e["others"]]
    out = [
        "<h2>Perception gaps</h2>",
        "<p>On how many activities each function sees itself in a role (own view), against "
        "how many the others see it there (roles nobody gives it are left out).</p>",
    ]
    return [*out, _chart(entries)]


def _chart(entries: list[dict[str, Any]]) -> str:
    """Paired horizontal bars per function and role: own view, then the others' view."""
    most = max([1, *(max(e["own"] or 0, e["others"]) for e in entries)])
    label_width, bar_width, row = 260, 520, 40
    height = row * len(entries) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_width + bar_width + 80}" '
        f'height="{height}" role="img" aria-label="Perception gap per function">',
        '<rect x="0" y="0" width="12" height="10" fill="#2C3E50"/>'
        '<text x="16" y="9">own view</text>'
        '<rect x="90" y="0" width="12" height="10" fill="#AED6F1"/>'
        '<text x="106" y="9">the others\' view</text>',
    ]
    for number, entry in enumerate(entries):
        y = 24 + number * row
        label = f"{entry['function']}: {entry['words']}"
        parts.append(f'<text x="0" y="{y + 14}">{escape(label)}</text>')
        for offset, (value, fill) in enumerate(
            ((entry["own"], "2C3E50"), (entry["others"], "AED6F1"))
        ):
            top = y + offset * 16
            if value is None:
                parts.append(f'<text x="{label_width}" y="{top + 12}">no view</text>')
                continue
            width = round(bar_width * value / most)
            parts.append(
                f'<rect x="{label_width}" y="{top}" width="{width}" height="14" fill="#{fill}"/>'
                f'<text x="{label_width + width + 4}" y="{top + 12}">{value}</text>'
            )
    parts.append("</svg>")
    return "<figure>" + "".join(parts) + "</figure>"


def _findings(report: Report) -> list[str]:
    out = ["<h2>Findings</h2>"]
    if not report.findings:
        return [*out, "<p>None.</p>"]
    out.append("<table><tr><th>severity</th><th>rule</th><th>where</th><th>message</th></tr>")
    for f in report.findings:
        out.append(
            f'<tr><td><span class="badge sev-{f.severity}">{f.severity}</span></td>'
            f"<td>{f.code} <code>{escape(f.rule)}</code></td>"
            f"<td><code>{escape(f.location)}</code></td><td>{escape(f.message)}</td></tr>"
        )
    return [*out, "</table>"]
